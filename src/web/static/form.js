// Forms that come back with errors: focus moves to the error summary, which is announced and
// links to each field (GOV.UK's pattern). Without JavaScript the summary is still the first thing
// in the main content.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
