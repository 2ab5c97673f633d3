// Shared by the chart and map pages. Data comes from a JSON block in the page; every value that ends up in
// HTML (chart tooltips) goes through esc(), and the map builds its popups as DOM nodes with textContent.
(function () {
  "use strict";
  const TYPE_COLORS = {
    AGREE: "#1b9e77", CONSULT: "#66c2a5", SUPPORT: "#a6d854", CONCEDE: "#4daf4a", COOPERATE: "#377eb8",
    AID: "#80b1d3", RETREAT: "#8dd3c7", REQUEST: "#bebada", ACCUSE: "#fdb462", REJECT: "#fb8072",
    THREATEN: "#e78ac3", PROTEST: "#ffd92f", SANCTION: "#b3b3b3", MOBILIZE: "#a65628", COERCE: "#984ea3",
    ASSAULT: "#e41a1c",
  };
  // actor types: government gold, armed forces dark, police and spies blue-grey, rebels red, civilians orange...
  const ACTOR_COLORS = {
    GOV: "#e6ab02", MIL: "#4a5568", COP: "#5b7fa3", SPY: "#2f4858", REB: "#d7301f", OPP: "#f16913",
    PTY: "#fdae6b", LEG: "#a17fc2", JUD: "#6a51a3", MED: "#74c476", BUS: "#238b45", CVL: "#fd8d3c",
    NGO: "#41b6c4", IGO: "#1d91c0", REL: "#bc80bd", EDU: "#9ecae1", HLH: "#e7298a", REF: "#c994c7",
    CRM: "#8c2d04", UAF: "#737373", "?": "#bdbdbd",
  };
  const QUAD_COLORS = { "1": "#66c2a5", "2": "#377eb8", "3": "#fdb462", "4": "#e41a1c" };
  const QUAD_NAMES = { "1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
                       "4": "material conflict" };

  function esc(value) {
    return String(value === null || value === undefined ? "" : value)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function data(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // Goldstein -10 (red) .. 0 (grey) .. +10 (green)
  function goldsteinColor(value) {
    if (value === null || value === undefined) return "#999";
    const t = Math.max(-1, Math.min(1, value / 10));
    const grey = [150, 150, 150], red = [215, 48, 39], green = [26, 152, 80];
    const end = t < 0 ? red : green, k = Math.abs(t);
    const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * k));
    return "rgb(" + mix.join(",") + ")";
  }

  function fmt(value) {
    return value === null || value === undefined ? "–" : Number(value).toLocaleString("en");
  }

  window.ec = { esc, data, goldsteinColor, fmt, TYPE_COLORS, ACTOR_COLORS, QUAD_COLORS, QUAD_NAMES };
})();
