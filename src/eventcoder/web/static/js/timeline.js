// The timeline page: stacked counts per period and PLOVER type (or QuadClass), the mean Goldstein as a line.
(function () {
  "use strict";
  const data = ec.data("timeline-data");
  const node = document.getElementById("timeline-chart");
  if (!data || !node) return;
  const byQuad = data.by === "quad";
  const label = (key) => (byQuad ? key + " " + ec.QUAD_NAMES[key] : key);
  const color = (key) => (byQuad ? ec.QUAD_COLORS[key] : ec.TYPE_COLORS[key]) || "#888";
  const series = Object.entries(data.series).map(([key, counts]) => ({
    name: label(key), type: "bar", stack: "count", data: counts, itemStyle: { color: color(key) },
    emphasis: { focus: "series" }, barMaxWidth: 40,
  }));
  series.push({
    name: "mean Goldstein", type: "line", yAxisIndex: 1, data: data.goldstein_mean, connectNulls: true,
    symbolSize: 5, itemStyle: { color: "#222" }, lineStyle: { width: 2, color: "#222" }, z: 10,
  });
  const chart = echarts.init(node, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter(items) {
        const rows = items.filter((p) => p.value !== null && p.value !== undefined && p.value !== 0)
          .map((p) => p.marker + ec.esc(p.seriesName) + ": <b>" + ec.esc(p.value) + "</b>");
        return "<b>" + ec.esc(items.length ? items[0].axisValue : "") + "</b><br>" + rows.join("<br>");
      },
    },
    legend: { type: "scroll", top: 0 },
    grid: { left: 55, right: 60, top: 40, bottom: 75 },
    xAxis: { type: "category", data: data.periods },
    yAxis: [
      { type: "value", name: data.raw ? "events" : "stories", minInterval: 1 },
      { type: "value", name: "Goldstein", min: -10, max: 10, splitLine: { show: false } },
    ],
    dataZoom: [{ type: "inside" }, { type: "slider", bottom: 10 }],
    series,
  });
  window.addEventListener("resize", () => chart.resize());
})();
