/* The scanned original beside the text (issue 15): OpenSeadragon over the page's static IIIF
   tiles. Each page-break button opens its page; while "follow the text" is on, the page shown
   is the one the reader is in (the last page break above the upper third of the window).
   Without OpenSeadragon, or where info.json cannot be fetched (a page opened from disk), the
   scan pages are shown as plain images. */
(function () {
  "use strict";
  var panel = document.getElementById("tk-facsimile");
  if (!panel) return;
  var view = document.getElementById("tk-facs-view");
  var controls = panel.querySelector(".tk-facs-controls");
  var status = panel.querySelector(".tk-facs-status");
  var follow = panel.querySelector(".tk-facs-follow input");
  var items = Array.prototype.slice.call(panel.querySelectorAll(".tk-facs-pages li"));
  var markers = Array.prototype.slice.call(document.querySelectorAll(".tk-facs-open"));
  var current = 0; // index into items
  var viewer = null;
  var images = null;

  /* page numbers (data-facs-page) are the facsimile's; a page whose image is not published
     (a remote one) has no item, so numbers and indexes may differ */
  function indexOf(number) {
    for (var i = 0; i < items.length; i++) if (Number(items[i].dataset.page) === number) return i;
    return -1;
  }
  function numberOf(index) { return Number(items[index].dataset.page); }

  function absolute(href) { return new URL(href, document.baseURI).href; }

  function show(index, announce) {
    if (index < 0 || index >= items.length) return;
    current = index;
    panel.dataset.page = String(numberOf(index));
    status.textContent = "page " + numberOf(index) + " of " + items.length;
    if (!announce) status.setAttribute("aria-live", "off"); else status.setAttribute("aria-live", "polite");
    if (viewer) {
      if (viewer.currentPage() !== index) viewer.goToPage(index);
    } else if (images) {
      images.forEach(function (img, i) { img.hidden = i !== index; });
    }
    view.setAttribute("aria-label", "Page " + numberOf(index) + " of the scan");
  }

  function plainImages() {
    images = items.map(function (li, i) {
      var img = document.createElement("img");
      img.src = li.querySelector("a").getAttribute("href");
      img.alt = "Page " + numberOf(i) + " of the scan";
      img.className = "tk-facs-image";
      img.hidden = i !== current;
      view.appendChild(img);
      return img;
    });
    panel.querySelectorAll("[data-facs-zoom]").forEach(function (b) { b.hidden = true; });
  }

  function start(sources) {
    viewer = window.OpenSeadragon({
      element: view, tileSources: sources, sequenceMode: true, preserveViewport: false,
      showNavigationControl: false, showSequenceControl: false, showNavigator: false,
      crossOriginPolicy: false, gestureSettingsMouse: { clickToZoom: false },
      visibilityRatio: 0.5, minZoomImageRatio: 0.8
    });
    window.tkFacsimileViewer = viewer; // for the browser tests and the curious
    viewer.canvas.setAttribute("aria-label", "Scan viewer: arrow keys move, + and - zoom, 0 fits the page");
    viewer.canvas.setAttribute("role", "application");
    viewer.addHandler("page", function (event) { if (event.page !== current) show(event.page, true); });
    show(current, false);
  }

  function load() {
    view.hidden = false;
    controls.hidden = false;
    panel.querySelector(".tk-facs-pages").hidden = true;
    view.setAttribute("role", "region");
    if (!window.OpenSeadragon || !window.fetch || location.protocol === "file:") {
      plainImages();
      show(current, false);
      return;
    }
    Promise.all(items.map(function (li) {
      var info = absolute(li.dataset.info);
      return fetch(info).then(function (r) {
        if (!r.ok) throw new Error(info + ": " + r.status);
        return r.json();
      }).then(function (data) {
        data.id = info.replace(/\/info\.json$/, ""); // the tiles beside it, wherever the site is served
        return data;
      });
    })).then(start, function () { plainImages(); show(current, false); });
  }

  /* the page the reader is in: the markers are in document order, so a binary search */
  function pageAtReadingLine() {
    var line = window.innerHeight / 3, lo = 0, hi = markers.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (markers[mid].getBoundingClientRect().top <= line) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found < 0 ? 0 : Math.max(0, indexOf(Number(markers[found].dataset.facsPage)));
  }

  /* A page the reader asked for stays until they scroll on themselves (wheel, touch, keys);
     the scrolling that focusing a marker causes does not count. */
  var pinned = false;
  var pending = false;
  function unpin() { pinned = false; }
  window.addEventListener("wheel", unpin, { passive: true });
  window.addEventListener("touchmove", unpin, { passive: true });
  window.addEventListener("keydown", function (event) {
    if (/^(PageUp|PageDown|ArrowUp|ArrowDown|Home|End| )$/.test(event.key) && !panel.contains(event.target)) unpin();
  });
  window.addEventListener("scroll", function () {
    if (!follow.checked || pinned || pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      var index = pageAtReadingLine();
      if (index !== current) show(index, false);
    });
  }, { passive: true });

  markers.forEach(function (button) {
    button.addEventListener("click", function () {
      pinned = true;
      show(indexOf(Number(button.dataset.facsPage)), true);
      if (window.matchMedia("(max-width: 62rem)").matches) panel.scrollIntoView({ block: "nearest" });
    });
  });
  panel.querySelectorAll("[data-facs-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      pinned = true;
      show(current + Number(button.dataset.facsStep), true);
    });
  });
  panel.querySelectorAll("[data-facs-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      if (!viewer) return;
      var factor = Number(button.dataset.facsZoom);
      if (factor === 0) viewer.viewport.goHome(); else viewer.viewport.zoomBy(factor);
    });
  });
  load();
})();
