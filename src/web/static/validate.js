// The validation page's form, enhanced. The native file input stays the control (keyboard, screen
// readers, no JavaScript); this only lets a file be dropped on the zone around it (set through
// DataTransfer, as if chosen), says which file is chosen in a live region, and moves focus to the
// error summary when the form comes back with errors.
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  var zone = document.querySelector("[data-dropzone]");
  var input = zone && zone.querySelector("input[type=file]");
  var status = zone && zone.querySelector("[data-file-status]");
  var hint = zone && zone.querySelector("[data-drop-hint]");
  if (!zone || !input || !status) return;

  function announce() {
    var file = input.files && input.files[0];
    var text = file ? status.dataset.template.replace("{name}", file.name) : "";
    if (status.textContent !== text) status.textContent = text;
  }

  input.addEventListener("change", announce);
  // A file the browser kept (back button) is named too.
  window.addEventListener("pageshow", announce);

  // Dropping needs a DataTransfer to hand the file to the input; without one, no drop zone.
  var canDrop = true;
  try {
    new DataTransfer();
  } catch (error) {
    canDrop = false;
  }
  if (!canDrop) return;
  if (hint) hint.hidden = false;
  zone.classList.add("dropzone--enabled");

  function hasFiles(event) {
    var types = event.dataTransfer ? event.dataTransfer.types : [];
    return Array.prototype.indexOf.call(types, "Files") !== -1;
  }

  var depth = 0;
  zone.addEventListener("dragenter", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    zone.classList.add("dropzone--active");
  });
  zone.addEventListener("dragover", function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  zone.addEventListener("dragleave", function () {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove("dropzone--active");
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    depth = 0;
    zone.classList.remove("dropzone--active");
    var files = event.dataTransfer ? event.dataTransfer.files : null;
    if (!files || files.length === 0) return;
    // One file: the first, as the input itself would take it.
    var transfer = new DataTransfer();
    transfer.items.add(files[0]);
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

  // A file dropped beside the zone must not make the browser leave the page to open it.
  window.addEventListener("dragover", function (event) {
    if (hasFiles(event) && !zone.contains(event.target)) event.preventDefault();
  });
  window.addEventListener("drop", function (event) {
    if (hasFiles(event) && !zone.contains(event.target)) event.preventDefault();
  });
})();
