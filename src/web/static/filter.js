// Filters the start page's municipality list as you type. The server already filters on submit
// (the list works without JavaScript); this only saves the round trip. The same folding as the
// server's search: case and diacritics ignored ("linkoping" finds Linköping), or a code's start.
(function () {
  "use strict";

  var input = document.querySelector("[data-filter-input]");
  var list = document.querySelector("[data-filter-list]");
  var status = document.querySelector("[data-filter-status]");
  if (!input || !list || !status) return;

  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-search]"));
  var groups = Array.prototype.slice.call(list.querySelectorAll("[data-filter-group]"));
  var timer = 0;

  function fold(text) {
    return text
      .normalize("NFKD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[\s\-–]+/g, " ")
      .trim();
  }

  function message(count, query) {
    if (query === "") return status.dataset.countAll;
    var template =
      count === 0
        ? status.dataset.countNone
        : count === 1
          ? status.dataset.countOne
          : status.dataset.countMany;
    return template.replace("{n}", String(count));
  }

  function apply() {
    var query = fold(input.value);
    var count = 0;
    items.forEach(function (item) {
      var match =
        query === "" || item.dataset.search.indexOf(query) !== -1 || item.dataset.code.indexOf(query) === 0;
      item.hidden = !match;
      if (match) count += 1;
    });
    groups.forEach(function (group) {
      group.hidden = group.querySelector("li[data-search]:not([hidden])") === null;
    });
    // The status is a live region: change it only when the count changes, so it is read once.
    var text = message(count, query);
    if (status.textContent !== text) status.textContent = text;
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, 150);
  });
  // A field the browser refilled (back button) gets its list filtered too.
  window.addEventListener("pageshow", apply);
  apply();
})();
