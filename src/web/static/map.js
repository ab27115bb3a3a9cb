// Draws the boundary maps with Leaflet (loaded before this file). No tile server: the boundaries
// come from our own API as GeoJSON and lie on a plain background. Every map's content is also on
// the page as text, so a map that fails to load leaves a note and nothing else.
(function () {
  "use strict";

  var STYLE = { color: "#1f4e3d", weight: 1, opacity: 1, fillColor: "#b9d8c6", fillOpacity: 1 };
  var HOVER = { weight: 3, fillColor: "#f7d774" };
  var SWEDEN = [62.5, 16.5];

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function showMessage(container, text) {
    var message = document.createElement("p");
    message.className = "map__message";
    message.textContent = text;
    container.appendChild(message);
  }

  function textElement(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function initMap(container) {
    var L = window.L;
    var options = container.dataset;
    if (!L || !options.geojsonUrl) return;
    var fallback = container.querySelector(".map__message");
    if (fallback) fallback.remove();

    var map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      minZoom: 3,
      maxZoom: 12,
    }).setView(SWEDEN, 4);
    L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);
    L.control
      .attribution({ prefix: '<a href="https://leafletjs.com/">Leaflet</a>' })
      .addAttribution(escapeHtml(options.attribution || ""))
      .addTo(map);

    fetch(options.geojsonUrl, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (geojson) {
        var count = 0;
        var layer = L.geoJSON(geojson, {
          style: function () {
            return STYLE;
          },
          onEachFeature: function (feature, featureLayer) {
            count += 1;
            var properties = feature.properties || {};
            if (properties.name) {
              featureLayer.bindTooltip(textElement(properties.name), { sticky: true, direction: "top" });
            }
            if (options.linkBase && properties.code) {
              featureLayer.on("click", function () {
                window.location.assign(options.linkBase + encodeURIComponent(properties.code));
              });
              featureLayer.on("mouseover", function () {
                featureLayer.setStyle(HOVER);
              });
              featureLayer.on("mouseout", function () {
                layer.resetStyle(featureLayer);
              });
            }
          },
        }).addTo(map);
        // Each shape names its area, so it can be found (and tested) by code.
        layer.eachLayer(function (featureLayer) {
          var element = featureLayer.getElement && featureLayer.getElement();
          var code =
            featureLayer.feature && featureLayer.feature.properties && featureLayer.feature.properties.code;
          if (element && code) element.setAttribute("data-code", String(code));
        });
        map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        container.dataset.features = String(count);
        container.dataset.state = "ready";
      })
      .catch(function () {
        map.remove();
        showMessage(container, options.error || "");
        container.dataset.state = "error";
      });
  }

  var containers = document.querySelectorAll("[data-map]");
  for (var i = 0; i < containers.length; i += 1) initMap(containers[i]);
})();
