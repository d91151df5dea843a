// Keyboard flow for front-office officers (documented on the page under "Pintasan keyboard"):
// "/" search, j/k rows, Enter opens, "g q" queue, "g c" a new complaint, "t" accepts the triage suggestion,
// Ctrl+Enter submits, Esc leaves a field.
(function () {
  "use strict";
  var rows = function () { return Array.prototype.slice.call(document.querySelectorAll("[data-queue] [data-row]")); };
  var current = -1;
  var pendingG = 0;

  function typing(target) {
    var tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  function select(index) {
    var list = rows();
    if (!list.length) return;
    current = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (row, i) { row.classList.toggle("selected", i === current); });
    var link = list[current].querySelector("a.tracking-no");
    if (link) link.focus({ preventScroll: true });
    list[current].scrollIntoView({ block: "nearest" });
  }

  function queueUrl() {
    var link = document.querySelector("[data-shortcut='g q']");
    return link ? link.getAttribute("href") : "/petugas/";
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var form = target.closest && target.closest("form[data-ctrl-enter], form");
      if (form) { event.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.submit(); }
      return;
    }
    if (event.key === "Escape" && typing(target)) { target.blur(); return; }
    if (typing(target) || event.ctrlKey || event.metaKey || event.altKey) return;

    if (pendingG && (event.key === "q" || event.key === "c")) {
      pendingG = 0;
      var link = document.querySelector("[data-shortcut='g " + event.key + "']");
      if (link || event.key === "q") { event.preventDefault(); window.location.href = link ? link.getAttribute("href") : queueUrl(); }
      return;
    }
    pendingG = 0;
    switch (event.key) {
      case "/":
        var search = document.querySelector("[data-search]");
        if (search) { event.preventDefault(); search.focus(); search.select(); }
        break;
      case "j": event.preventDefault(); select(current + 1); break;
      case "k": event.preventDefault(); select(current - 1); break;
      case "Enter":
        var list = rows();
        if (current >= 0 && list[current] && target.tagName !== "A" && target.tagName !== "BUTTON") {
          var open = list[current].querySelector("a.tracking-no");
          if (open) { event.preventDefault(); window.location.href = open.getAttribute("href"); }
        }
        break;
      case "t":
        var accept = document.querySelector("[data-accept-suggestion]");
        if (accept) { event.preventDefault(); accept.click(); }
        break;
      case "g": pendingG = window.setTimeout(function () { pendingG = 0; }, 1200); break;
    }
  });

  // The searchable unit select: typing narrows the options, keeping the chosen one.
  function filterSelect(input) {
    var select = document.getElementById(input.getAttribute("data-filter-select"));
    if (!select) return;
    // Enter (the "Go" key) picks the first match and moves on; it never submits the form.
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      var first = Array.prototype.filter.call(select.options, function (o) { return o.value && !o.hidden; })[0];
      if (first) select.value = first.value;
      select.focus();
    });
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var firstMatch = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var text = option.text.toLowerCase();
        var match = !option.value || words.every(function (w) { return text.indexOf(w) !== -1; });
        option.hidden = !match;
        if (match && option.value && !firstMatch) firstMatch = option;
      });
      if (firstMatch && select.selectedOptions[0] && select.selectedOptions[0].hidden) select.value = firstMatch.value;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-select]"), filterSelect);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    // After a refused submit, put the cursor where the officer has to fix something.
    var failed = document.querySelector("details.action[open] .has-error textarea, details.action[open] .has-error select, details.action[open] .has-error input");
    if (failed) failed.focus();
  });
})();
