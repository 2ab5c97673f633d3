// The map page: Natural Earth borders drawn offline under Leaflet (no tile layer), event places clustered with
// Leaflet.markercluster; a cluster shows the events of its places, not the number of places.
(function () {
  "use strict";
  const data = ec.data("map-data");
  const node = document.getElementById("map");
  if (!data || !node) return;
  const map = L.map(node, { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: false })
    .setView([25, 10], 1.5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");

  // Rings that cross the antimeridian (Russia's far east, Fiji) would be drawn as lines across the whole map:
  // their longitudes are made continuous instead (past 180). Antarctica, which circles the pole, is left out.
  function unwrap(ring) {
    let shift = 0;
    return ring.map((point, i) => {
      if (i > 0) {
        const step = point[0] + shift - (ring[i - 1][0] + shift);
        if (step > 180) shift -= 360;
        else if (step < -180) shift += 360;
      }
      return [point[0] + shift, point[1]];
    });
  }

  function continuous(feature) {
    const g = feature.geometry;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrap));
    return feature;
  }

  fetch(node.dataset.world).then((r) => r.json()).then((world) => {
    const land = topojson.feature(world, world.objects.countries);
    land.features = land.features.filter((f) => f.id !== "010").map(continuous);
    L.geoJSON(land, {
      interactive: false,
      style: { color: "#98a4ae", weight: 0.6, fillColor: "#eef1f3", fillOpacity: 1 },
    }).addTo(map).bringToBack();
  });

  function label(n) {
    return n >= 10000 ? Math.round(n / 1000) + "k" : n >= 1000 ? (n / 1000).toFixed(1) + "k" : String(n);
  }

  function icon(events, kind) {
    const size = Math.round(22 + 10 * Math.log10(Math.max(1, events)));
    const div = document.createElement("div");
    div.textContent = label(events);
    return L.divIcon({ html: div, className: "map-" + kind, iconSize: [size, size] });
  }

  function popup(place) {
    const box = document.createElement("div");
    const title = document.createElement("b");
    title.textContent = (place.name || "?") + (place.country ? " (" + place.country + ")" : "");
    const facts = document.createElement("div");
    facts.textContent = ec.fmt(place.events) + " events · mean Goldstein " + ec.fmt(place.goldstein_mean) +
      " · latest " + (place.latest_type || "?") + " " + (place.latest_day || "");
    const link = document.createElement("a");
    const params = new URLSearchParams(location.search);
    params.set("place", place.name || place.country || "");
    link.href = "/events?" + params.toString();
    link.textContent = "list these events";
    box.append(title, facts, link);
    return box;
  }

  const cluster = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 50, spiderfyOnMaxZoom: true,
    iconCreateFunction(group) {
      const events = group.getAllChildMarkers().reduce((sum, m) => sum + m.options.events, 0);
      return icon(events, "cluster");
    },
  });
  data.places.forEach((place) => {
    const marker = L.marker([place.lat, place.lon], { icon: icon(place.events, "place"), events: place.events,
                                                      title: place.name || "" });
    marker.bindPopup(() => popup(place));
    cluster.addLayer(marker);
  });
  map.addLayer(cluster);
  // no animation for the first view: the clusters are built once, at the zoom the page opens with
  if (data.places.length) map.fitBounds(cluster.getBounds(), { maxZoom: 5, padding: [30, 30], animate: false });
  node.dataset.places = String(data.places.length);
})();
