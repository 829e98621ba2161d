// While a resident types a suggestion, ask the server for similar published ones and show
// them (server-rendered and escaped) so the resident can support one instead of repeating it.
(function () {
  const area = document.querySelector("textarea[data-similar]");
  const box = document.getElementById("similar");
  if (!area || !box) return;
  let timer = null;
  let last = "";
  area.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const text = area.value.trim();
      if (text === last) return;
      last = text;
      const url = box.dataset.url + "?text=" + encodeURIComponent(text);
      const response = await fetch(url, { headers: { "X-Requested-With": "fetch" } });
      if (response.ok && area.value.trim() === text) box.innerHTML = await response.text();
    }, 300);
  });
})();
