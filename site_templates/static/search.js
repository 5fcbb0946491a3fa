// Starts Pagefind's search UI on the search page: the newest month's bundle, with every
// other month merged in. Links are made from the site's root as this page finds it, so
// the site works from any path. Nothing here reads scraped text: Pagefind escapes it.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") { return; }
  var root = new URL(box.getAttribute("data-root"), window.location.href);
  var bundles = box.getAttribute("data-bundles").split(" ").filter(Boolean);
  var bundle = function (name) { return new URL("search/" + name, root).pathname; };
  new PagefindUI({
    element: "#search",
    bundlePath: bundle(bundles[0]),
    mergeIndex: bundles.slice(1).map(function (name) { return { bundlePath: bundle(name) }; }),
    baseUrl: root.pathname,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    sort: { date: "desc" }
  });
  // A visible label for Pagefind's field, and no javascript: URL in its form.
  var input = box.querySelector(".pagefind-ui__search-input");
  if (input) { input.id = "search-input"; }
  var form = box.querySelector("form");
  if (form) {
    form.removeAttribute("action");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }
}());
