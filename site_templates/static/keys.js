// Keyboard shortcuts: j and k move to the next and previous story of a list, / goes to
// search, ? shows the keys. A key typed into a form field, or with a modifier, is the
// field's: nothing here takes it. The help is built with textContent only.
(function () {
  "use strict";
  var ITEMS = "main article.story, main ol.rows > li, main ol.reports > li, main ol.timeline > li";
  var current = -1;

  function typing(event) {
    var target = event.target;
    return event.altKey || event.ctrlKey || event.metaKey || (target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)));
  }

  function move(step) {
    var items = document.querySelectorAll(ITEMS);
    if (!items.length) { return; }
    current = Math.max(0, Math.min(items.length - 1, current + step));
    var link = items[current].querySelector("a[href]");
    (link || items[current]).focus();
    items[current].scrollIntoView({ block: "nearest" });
  }

  function search() {
    var field = document.querySelector(".pagefind-ui__search-input");
    if (field) { field.focus(); return; }
    var link = document.querySelector("a[href$='search/']");
    if (link) { window.location.href = link.href; }
  }

  function help() {
    var box = document.getElementById("keys-help");
    if (box) { box.remove(); return; }
    box = document.createElement("div");
    box.id = "keys-help";
    box.className = "keys-help";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Keyboard shortcuts");
    var list = document.createElement("dl");
    [["j", "next story"], ["k", "previous story"], ["/", "search"], ["?", "show or hide these keys"],
     ["Esc", "close"]].forEach(function (pair) {
      var key = document.createElement("dt");
      var what = document.createElement("dd");
      key.textContent = pair[0];
      what.textContent = pair[1];
      list.appendChild(key);
      list.appendChild(what);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  document.addEventListener("keydown", function (event) {
    if (typing(event)) { return; }
    if (event.key === "j") { move(1); } else if (event.key === "k") { move(-1); }
    else if (event.key === "/") { event.preventDefault(); search(); }
    else if (event.key === "?") { help(); }
    else if (event.key === "Escape") { var box = document.getElementById("keys-help"); if (box) { box.remove(); } }
    else { return; }
  });
}());
