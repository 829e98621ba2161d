/* The cockpit's charts, drawn with the ECharts copy served from this app's static files. */
(function () {
  "use strict";
  var source = document.getElementById("cockpit-charts");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "zh-hans";
  var zh = lang.indexOf("zh") === 0;
  var words = zh
    ? { expected: "计划进度%", actual: "实际完成%", percent: "完成率%" }
    : { expected: "planned %", actual: "actual %", percent: "completion %" };

  function draw(id, option) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var chart = echarts.init(node, null, { renderer: "svg" });
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
  }

  draw("chart-schedule", {
    tooltip: { trigger: "axis", renderMode: "richText" },
    legend: { data: [words.expected, words.actual] },
    grid: { left: 220, right: 30, top: 30, bottom: 30 },
    xAxis: { type: "value", max: function (v) { return Math.max(100, v.max); } },
    yAxis: { type: "category", data: data.schedule.names, inverse: true,
             axisLabel: { width: 200, overflow: "truncate" } },
    dataZoom: [{ type: "slider", yAxisIndex: 0, start: 0, end: data.schedule.names.length > 20 ? 30 : 100 }],
    series: [
      { name: words.expected, type: "bar", data: data.schedule.expected, itemStyle: { color: "#b0b7c3" } },
      { name: words.actual, type: "bar", data: data.schedule.actual, itemStyle: { color: "#c23531" } }
    ]
  });
  var bars = function (block) {
    return {
      tooltip: { trigger: "axis", renderMode: "richText" },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: "category", data: block.names, axisLabel: { rotate: 30 } },
      yAxis: { type: "value", max: 100 },
      series: [{ name: words.percent, type: "bar", data: block.percent, itemStyle: { color: "#2f6db5" } }]
    };
  };
  draw("chart-domains", bars(data.domains));
  draw("chart-districts", bars(data.districts));
})();
