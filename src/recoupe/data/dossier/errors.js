// Records every script error and console.error into the hidden #js-errors element (read by the browser test).
(function () {
  var pending = [];
  function record(text) {
    var box = document.getElementById("js-errors");
    if (box) { box.textContent += text + "\n"; } else { pending.push(text); }
  }
  window.addEventListener("error", function (ev) {
    record("error: " + (ev.message || "resource failed to load") + (ev.lineno ? " (line " + ev.lineno + ")" : ""));
  }, true);
  window.addEventListener("unhandledrejection", function (ev) { record("unhandled rejection: " + ev.reason); });
  var original = console.error;
  console.error = function () {
    record("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
  document.addEventListener("DOMContentLoaded", function () { pending.forEach(record); pending = []; });
})();
