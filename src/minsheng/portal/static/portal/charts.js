// Draws each indicator's small chart: planned cumulative percent against approved actuals.
// The figures are also in a table under each chart, for screen readers and without JavaScript.
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: element.getAttribute("aria-label") } },
      grid: { left: 44, right: 12, top: 28, bottom: 28 },
      legend: { top: 0, textStyle: { color: "#1f2328" } },
      tooltip: { trigger: "axis", renderMode: "richText", valueFormatter: function (v) { return v + "%"; } },
      xAxis: { type: "time", axisLabel: { color: "#1f2328", hideOverlap: true } },
      yAxis: { type: "value", min: 0, axisLabel: { color: "#1f2328", formatter: "{value}%" } },
      series: [
        { name: data.labels.planned, type: "line", data: data.planned, symbol: "none",
          lineStyle: { type: "dashed", color: "#57606a" }, itemStyle: { color: "#57606a" } },
        { name: data.labels.actual, type: "line", data: data.actual, symbolSize: 8,
          lineStyle: { color: "#b3261e", width: 3 }, itemStyle: { color: "#b3261e" } }
      ]
    });
    element.setAttribute("data-drawn", "true");
    charts.push(chart);
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
