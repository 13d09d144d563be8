/* The web edition's small script. Everything works without it (the view switch is pure
   CSS); it adds: the view remembered across pages, sorting and filtering of the index and
   copying the citation. The search page has its own module, search.js. */
(function () {
  "use strict";

  /* ---- the two views of a document, remembered across pages */
  function views() {
    var article = document.querySelector(".tk-document");
    if (!article) return;
    var radios = article.querySelectorAll('input[name="view"]');
    function apply(value) {
      article.setAttribute("data-view", value);
      radios.forEach(function (r) { r.checked = r.value === value; });
    }
    var saved = null;
    try { saved = window.localStorage.getItem("tk-view"); } catch (e) { /* storage off */ }
    if (saved === "reading" || saved === "editorial") apply(saved);
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        apply(radio.value);
        try { window.localStorage.setItem("tk-view", radio.value); } catch (e) { /* ignore */ }
      });
    });
  }

  /* ---- citation: a copy button (the permalink is the configured one, never this host's) */
  function citation() {
    var button = document.querySelector(".tk-copy");
    var text = document.getElementById("citation");
    if (!button || !text || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(Array.prototype.map.call(
        text.querySelectorAll("p"), function (p) { return p.textContent; }).join(" ").replace(/\s+/g, " ").trim()).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy citation"; }, 2000);
      });
    });
  }

  /* ---- the index of documents: sort by date or title, filter by archive and language */
  function index() {
    var table = document.getElementById("documents");
    if (!table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var form = document.getElementById("filters");
    var shown = document.getElementById("shown");
    var selects = form ? form.querySelectorAll("select[data-filter]") : [];

    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tk-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.getAttribute("data-sort");
        var order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        table.querySelectorAll("th[data-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", order);
        var sign = order === "ascending" ? 1 : -1;
        rows.sort(function (a, b) {
          var x = a.getAttribute("data-" + key) || "\uffff", y = b.getAttribute("data-" + key) || "\uffff";
          return sign * x.localeCompare(y);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });

    function filter() {
      var visible = 0;
      rows.forEach(function (row) {
        var ok = true;
        selects.forEach(function (select) {
          if (select.value && row.getAttribute("data-" + select.getAttribute("data-filter")) !== select.value) ok = false;
        });
        row.hidden = !ok;
        if (ok) visible += 1;
      });
      if (shown) shown.textContent = visible + " of " + rows.length + " documents shown";
    }
    if (form) {
      form.hidden = false;
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      selects.forEach(function (select) { select.addEventListener("change", filter); });
      filter();
    }
  }

  function start() { views(); citation(); index(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
