/* Progressive enhancement for the public complaint form and the officers' intake form.
   Everything works without this file: it only fills region lists in place, adds search boxes,
   hides what does not apply, warns about a NIK from elsewhere, and stops a double submit. */
(function () {
  "use strict";
  if (!window.fetch || !document.querySelector || !window.URLSearchParams) return;
  document.documentElement.classList.add("js");

  function on(el, type, fn) { if (el) el.addEventListener(type, fn); }
  // The page's words for what the script writes (base.html, in the page's language).
  var strings = {};
  try { strings = JSON.parse(document.getElementById("script-strings").textContent); } catch (e) { /* Indonesian */ }
  function t(key, fallback, values) {
    var text = strings[key] || fallback;
    Object.keys(values || {}).forEach(function (name) { text = text.replace("%(" + name + ")s", values[name]); });
    return text;
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* --- region picker: provinsi → kab/kota → kecamatan → desa ------------------------------- */
  function option(value, text) {
    var o = document.createElement("option");
    o.value = value; o.textContent = text;
    return o;
  }
  function fill(select, regions) {
    var placeholder = select.options.length ? select.options[0].textContent : "—";
    while (select.firstChild) select.removeChild(select.firstChild);
    select.appendChild(option("", placeholder));
    (regions || []).forEach(function (r) { select.appendChild(option(r.code, r.name)); });
  }
  function load(api, parent, q) {
    var params = new URLSearchParams();
    if (parent) params.set("parent", parent);
    if (q) params.set("q", q);
    return fetch(api + "?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return null; });
  }
  each(document.querySelectorAll(".region-picker"), function (picker) {
    var api = picker.getAttribute("data-api");
    var selects = picker.querySelectorAll("select.region");
    var searches = [];
    // Only the newest answer for a list is used: a fast typist's search must not be overwritten
    // by the full list the level above asked for a moment earlier.
    var latest = [];
    function request(level, parent, q) {
      var id = latest[level] = (latest[level] || 0) + 1;
      return load(api, parent, q).then(function (regions) { return latest[level] === id ? regions : null; });
    }
    each(selects, function (select, i) {
      var label = picker.querySelector("label[for='" + select.id + "']");
      var search = document.createElement("input");
      search.type = "search";
      search.className = "region-search";
      search.placeholder = t("search", "Cari %(what)s…", { what: label ? label.textContent.toLowerCase() : "" });
      search.setAttribute("aria-label", search.placeholder);
      search.autocomplete = "off";
      select.parentNode.insertBefore(search, select);
      searches.push(search);
      var timer = null;
      function narrow(pickFirst) {
        var parent = i > 0 ? selects[i - 1].value : "";
        if (i > 0 && !parent) return Promise.resolve();
        return request(i, parent, search.value.trim()).then(function (regions) {
          if (regions === null) return;
          fill(select, regions);
          if (regions.length === 1 || (pickFirst && regions.length)) {
            select.value = regions[0].code;
            select.dispatchEvent(new Event("change", { bubbles: true }));
          }
        });
      }
      on(search, "input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { narrow(false); }, 250);
      });
      // Enter (the "Go" key on a phone) picks the first match and moves to the next level: it
      // never submits the form with the place half chosen.
      on(search, "keydown", function (event) {
        if (event.key !== "Enter" || event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        clearTimeout(timer);
        narrow(true).then(function () {
          var next = select.value && searches[i + 1];
          (next || select).focus();
        });
      });
      on(select, "change", function () {
        for (var j = i + 1; j < selects.length; j++) { fill(selects[j], []); searches[j].value = ""; }
        if (select.value && i + 1 < selects.length) {
          request(i + 1, select.value, "").then(function (regions) { if (regions) fill(selects[i + 1], regions); });
        }
      });
    });
  });

  /* --- identity: anonymous hides the identity fields (the server ignores them anyway) -------- */
  function identityToggle(form) {
    var group = form.querySelector(".identity-fields");
    if (!group) return;
    function anonymous() {
      var radio = form.querySelector("input[name=identity]:checked");
      var box = form.querySelector("input[name=anonymous]");
      return (radio && radio.value === "anonim") || (box && box.checked);
    }
    function update() { group.hidden = anonymous(); }
    each(form.querySelectorAll("input[name=identity], input[name=anonymous]"), function (el) { on(el, "change", update); });
    update();
  }

  /* --- indirect source: shown only for channel "tidak_langsung" ----------------------------- */
  function channelToggle(form) {
    var channel = form.querySelector("select[name=channel]");
    if (!channel) return;
    var parts = form.querySelectorAll("[data-show-for-channel]");
    function update() {
      each(parts, function (part) { part.hidden = part.getAttribute("data-show-for-channel") !== channel.value; });
    }
    on(channel, "change", update);
    update();
  }

  /* --- what applies to one program only (the pendamping question, PKH) -------------------- */
  function programToggle(form) {
    var program = form.querySelector("select[name=program]");
    var parts = form.querySelectorAll("[data-show-for-program]");
    if (!program || !parts.length) return;
    function update() {
      each(parts, function (part) { part.hidden = part.getAttribute("data-show-for-program") !== program.value; });
    }
    on(program, "change", update);
    update();
  }

  /* --- NIK: its first four digits are the kab/kota that issued it -------------------------- */
  function nikWarning(form) {
    var nik = form.querySelector("input[name=nik]");
    var district = form.querySelector("select[name=kabupaten]");
    var note = form.querySelector("#nik-warning");
    if (!nik || !district || !note) return;
    function update() {
      var digits = nik.value.replace(/[\s.\-\/]/g, "");
      var code = (district.value || "").replace(".", "");
      if (/^\d{16}$/.test(digits) && code.length === 4 && digits.slice(0, 4) !== code) {
        note.textContent = t("nik_elsewhere", "NIK ini terdaftar di wilayah lain (%(code)s).",
          { code: digits.slice(0, 2) + "." + digits.slice(2, 4) });
        note.hidden = false;
      } else {
        note.hidden = true;
      }
    }
    on(nik, "input", update);
    on(district, "change", update);
    update();
  }

  /* --- one submit only; Ctrl+Enter submits ------------------------------------------------ */
  function submitOnce(form) {
    on(form, "submit", function (event) {
      if (form.getAttribute("data-sent")) { event.preventDefault(); return; }
      form.setAttribute("data-sent", "1");
      // Disabled after the submission's data is taken, so the button's name still travels.
      setTimeout(function () {
        each(form.querySelectorAll("button[name=kirim]"), function (b) { b.disabled = true; b.textContent = t("sending", "Mengirim…"); });
      }, 0);
    });
  }
  on(document, "keydown", function (event) {
    if (event.defaultPrevented || event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    var form = event.target.closest && event.target.closest("form");
    if (!form) return;
    var button = form.querySelector("button[name=kirim]:not(.default-submit)");
    if (!button) return;
    event.preventDefault();
    if (form.requestSubmit) form.requestSubmit(button); else button.click();
  });

  /* --- the error summary: each line links to its field, and it takes the focus ------------- */
  function errorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.setAttribute("tabindex", "-1");
    summary.focus();
    each(summary.querySelectorAll("a[href^='#']"), function (link) {
      on(link, "click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        field.scrollIntoView({ block: "center" });
        field.focus();
      });
    });
  }
  errorSummary();

  each(document.querySelectorAll("form.lapor, form.intake"), function (form) {
    identityToggle(form);
    channelToggle(form);
    programToggle(form);
    nikWarning(form);
    submitOnce(form);
  });
})();
