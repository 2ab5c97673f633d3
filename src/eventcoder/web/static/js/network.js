// The network page: actors (country and type) as nodes, dyads as arrows weighted by events and coloured by
// their mean Goldstein score. Clicking an arrow or a node lists its events with the page's filters.
(function () {
  "use strict";
  const data = ec.data("network-data");
  const node = document.getElementById("network-chart");
  if (!data || !node || !data.nodes.length) return;
  const kinds = Array.from(new Set(data.nodes.map((n) => n.type || "?"))).sort();
  const maxNode = Math.max(...data.nodes.map((n) => n.events));
  const maxEdge = Math.max(...data.edges.map((e) => e.events));
  const labelled = new Set(data.nodes.slice(0, 40).map((n) => n.id)); // the busiest get a permanent label
  const nodes = data.nodes.map((n) => ({
    id: n.id, name: n.id, value: n.events, category: kinds.indexOf(n.type || "?"),
    symbolSize: 8 + 34 * Math.sqrt(n.events / maxNode), label: { show: labelled.has(n.id) },
    country: n.country, kind: n.type,
  }));
  const links = data.edges.map((e) => ({
    source: e.source, target: e.target, value: e.events, edge: e,
    lineStyle: { width: 1 + 7 * Math.sqrt(e.events / maxEdge), color: ec.goldsteinColor(e.goldstein_mean),
                 opacity: 0.85, curveness: 0.18 },
  }));
  const chart = echarts.init(node, null, { renderer: "canvas" });
  chart.setOption({
    tooltip: {
      formatter(p) {
        if (p.dataType === "edge") {
          const e = p.data.edge;
          return ec.esc(e.source) + " → " + ec.esc(e.target) + "<br><b>" + ec.fmt(e.events) + "</b> events, " +
            ec.fmt(e.stories) + " stories<br>mean Goldstein " + ec.esc(e.goldstein_mean);
        }
        return "<b>" + ec.esc(p.name) + "</b><br>" + ec.fmt(p.value) + " events in the dyads shown";
      },
    },
    legend: { data: kinds, top: 0, type: "scroll" },
    color: kinds.map((k) => ec.ACTOR_COLORS[k] || "#bdbdbd"),
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, data: nodes, links, top: 40,
      categories: kinds.map((k) => ({ name: k, itemStyle: { color: ec.ACTOR_COLORS[k] || "#bdbdbd" } })),
      force: { repulsion: 140, gravity: 0.25, edgeLength: [30, 110], layoutAnimation: true },
      edgeSymbol: ["none", "arrow"], edgeSymbolSize: [0, 9],
      label: { position: "right", fontSize: 11 }, emphasis: { focus: "adjacency" },
      lineStyle: { opacity: 0.85 },
    }],
  });
  chart.on("click", (p) => {
    const params = new URLSearchParams(location.search);
    ["limit", "dyad", "source", "target", "actor", "actor_type", "source_type", "target_type"]
      .forEach((k) => params.delete(k));
    if (p.dataType === "edge") {
      const e = p.data.edge;
      params.set("source", e.source_country);
      params.set("target", e.target_country);
      if (e.source_type) params.set("source_type", e.source_type);
      if (e.target_type) params.set("target_type", e.target_type);
    } else if (p.dataType === "node") {
      params.set("actor", p.data.country);
      if (p.data.kind) params.set("actor_type", p.data.kind);
    } else {
      return;
    }
    location.href = "/events?" + params.toString();
  });
  window.addEventListener("resize", () => chart.resize());
})();
