// Draws the boundary maps with Leaflet (loaded before this file). No tile server: the boundaries
// come from our own API as GeoJSON and lie on a plain background. Every map's content is also on
// the page as text, so a map that fails to load leaves a note and nothing else.
(function () {
  "use strict";

  var STYLE = { color: "#1f4e3d", weight: 1, opacity: 1, fillColor: "#b9d8c6", fillOpacity: 1 };
  var HOVER = { weight: 3, fillColor: "#f7d774" };
  var BACKGROUND = { color: "#6f777b", weight: 1, opacity: 1, fillColor: "#eef3ee", fillOpacity: 1 };
  var POINT = { radius: 6, color: "#12355b", weight: 2, opacity: 1, fillColor: "#f7d774", fillOpacity: 1 };
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

    function load(url) {
      return fetch(url, { headers: { Accept: "application/geo+json, application/json" } }).then(
        function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        },
      );
    }

    // The data maps draw the counties first, not interactive, so the points have a place.
    var background = options.backgroundUrl
      ? load(options.backgroundUrl).then(function (geojson) {
          return L.geoJSON(geojson, { interactive: false, style: BACKGROUND }).addTo(map);
        })
      : Promise.resolve(null);

    background
      .then(function (backgroundLayer) {
        return load(options.geojsonUrl).then(function (geojson) {
          return { geojson: geojson, backgroundLayer: backgroundLayer };
        });
      })
      .then(function (loaded) {
        var geojson = loaded.geojson;
        var count = 0;
        var layer = L.geoJSON(geojson, {
          style: function () {
            return STYLE;
          },
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, POINT);
          },
          onEachFeature: function (feature, featureLayer) {
            count += 1;
            var properties = feature.properties || {};
            var label = options.labelField ? properties[options.labelField] : properties.name;
            if (!label && feature.geometry && feature.geometry.type === "Point") label = feature.id;
            if (label) {
              featureLayer.bindTooltip(textElement(label), { sticky: true, direction: "top" });
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
        var bounds =
          count > 0 ? layer.getBounds() : loaded.backgroundLayer && loaded.backgroundLayer.getBounds();
        if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], maxZoom: 12 });
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
