/* The web edition's small script. Everything works without it (the view switch is pure
   CSS); it adds: the view remembered across pages, sorting and filtering of the index
   (across every document, from documents.json, when the index is in pages) and copying
   the citation. The search page has its own module, search.js. */
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

  /* ---- the index of documents: sort by date or title, filter by archive and language.
     A large edition's index is in pages (index.html, index-2.html ...) and its table names
     documents.json (data-json): with it, sorting and filters work on every document of the
     edition, shown in pages of the same size; without it (no fetch, a file: URL), on the
     rows of this page. */
  function sortButtons(table, onSort) {
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tk-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        table.querySelectorAll("th[data-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", order);
        onSort(th.getAttribute("data-sort"), order === "ascending" ? 1 : -1);
      });
    });
  }

  function index() {
    var table = document.getElementById("documents");
    if (!table) return;
    var source = table.getAttribute("data-json");
    if (!source || !window.fetch) { pageIndex(table); return; }
    window.fetch(source).then(function (response) {
      if (!response.ok) throw new Error(response.statusText);
      return response.json();
    }).then(function (docs) {
      if (!Array.isArray(docs)) throw new Error("not a list");
      editionIndex(table, docs);
    }).catch(function () { pageIndex(table); });
  }

  /* the rows of this page only */
  function pageIndex(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var form = document.getElementById("filters");
    var shown = document.getElementById("shown");
    var selects = form ? form.querySelectorAll("select[data-filter]") : [];

    sortButtons(table, function (key, sign) {
      rows.sort(function (a, b) {
        var x = a.getAttribute("data-" + key) || "\uffff", y = b.getAttribute("data-" + key) || "\uffff";
        return sign * x.localeCompare(y);
      });
      rows.forEach(function (row) { body.appendChild(row); });
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

  /* every document of the edition, from documents.json */
  function editionIndex(table, docs) {
    var body = table.tBodies[0];
    var size = Math.max(parseInt(table.getAttribute("data-page-size"), 10) || 500, 1);
    var page = Math.max(parseInt(table.getAttribute("data-page"), 10) || 1, 1);
    var form = document.getElementById("filters");
    var shown = document.getElementById("shown");
    var nav = document.getElementById("index-pages");
    var selects = form ? form.querySelectorAll("select[data-filter]") : [];
    var fields = { archive: "archive", lang: "language" };
    var order = docs.map(function (doc, position) { return { doc: doc, position: position }; });
    var matched = order;

    function text(value) { return typeof value === "string" ? value : ""; }
    function cell(row, content) {
      var td = document.createElement("td");
      if (typeof content === "string") td.textContent = content; else td.appendChild(content);
      row.appendChild(td);
      return td;
    }
    function render() {
      body.textContent = "";
      matched.slice((page - 1) * size, page * size).forEach(function (item) {
        var doc = item.doc, row = document.createElement("tr");
        row.setAttribute("data-date", text(doc.date));
        row.setAttribute("data-title", text(doc.title).toLowerCase());
        row.setAttribute("data-archive", text(doc.archive));
        row.setAttribute("data-lang", text(doc.language));
        var when = "undated";
        if (text(doc.date)) {
          when = document.createElement("time");
          when.setAttribute("datetime", text(doc.date));
          when.textContent = text(doc.date_label) || text(doc.date);
        }
        cell(row, when).className = "tk-nowrap";
        var link = document.createElement("a");
        link.href = encodeURIComponent(text(doc.id)) + ".html";
        link.textContent = text(doc.title);
        cell(row, link);
        cell(row, text(doc.archive));
        cell(row, text(doc.language_name));
        body.appendChild(row);
      });
      var pages = Math.max(Math.ceil(matched.length / size), 1);
      if (nav) {
        var p = document.createElement("p");
        var first = matched.length ? (page - 1) * size + 1 : 0;
        p.textContent = "Documents " + first + "\u2013" + Math.min(page * size, matched.length) +
          " of " + matched.length + ". Pages: ";
        for (var n = 1; n <= pages; n += 1) {
          if (n > 1) p.appendChild(document.createTextNode(", "));
          if (n === page) {
            var current = document.createElement("span");
            current.setAttribute("aria-current", "page");
            current.textContent = String(n);
            p.appendChild(current);
          } else {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "tk-page";
            button.textContent = String(n);
            button.addEventListener("click", (function (target) {
              return function () { page = target; render(); };
            })(n));
            p.appendChild(button);
          }
        }
        nav.textContent = "";
        nav.appendChild(p);
      }
      if (shown) shown.textContent = matched.length + " of " + docs.length + " documents shown";
    }

    sortButtons(table, function (key, sign) {
      var field = key === "title" ? "title" : "date";
      order.sort(function (a, b) {
        var x = text(a.doc[field]).toLowerCase() || "\uffff", y = text(b.doc[field]).toLowerCase() || "\uffff";
        return sign * x.localeCompare(y) || a.position - b.position;
      });
      filter();
    });

    function filter() {
      matched = order.filter(function (item) {
        var ok = true;
        selects.forEach(function (select) {
          var field = fields[select.getAttribute("data-filter")];
          if (select.value && field && text(item.doc[field]) !== select.value) ok = false;
        });
        return ok;
      });
      page = 1;
      render();
    }
    if (form) {
      form.hidden = false;
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      selects.forEach(function (select) { select.addEventListener("change", filter); });
    }
    /* until the reader sorts or filters, the page stays as built (with its summaries) */
    if (shown) shown.textContent = docs.length + " of " + docs.length + " documents, in pages of " + size;
  }

  function start() { views(); citation(); index(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
