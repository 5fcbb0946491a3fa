/* wirebrief static search: fetches the JSON index shards from this site (never a third
   party) and matches every query word against titles, names and the words of the text.
   Results are built with textContent, so nothing from the index is ever parsed as HTML. */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var list = document.getElementById("results");
  var root = form.getAttribute("data-root") || "../";
  var docs = null;
  var loading = null;

  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load() {
    if (loading) { return loading; }
    loading = fetch(form.getAttribute("data-index"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("index " + r.status); } return r.json(); })
      .then(function (index) {
        return Promise.all(index.shards.map(function (name) {
          return fetch(name, { credentials: "same-origin" }).then(function (r) { return r.json(); });
        }));
      })
      .then(function (shards) {
        docs = [];
        shards.forEach(function (shard) {
          shard.docs.forEach(function (d) {
            docs.push({ path: d[0], title: d[1], day: d[2], source: d[3], outlets: d[4],
                        t: fold(d[1]), n: fold(d[5]), w: " " + fold(d[6]) + " " });
          });
        });
        return docs;
      });
    return loading;
  }

  function score(doc, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i], s = 0;
      if (doc.t.indexOf(w) !== -1) { s += 3; }
      if (doc.n.indexOf(w) !== -1) { s += 2; }
      if (doc.w.indexOf(" " + w) !== -1) { s += 1; }
      if (!s) { return 0; }
      total += s;
    }
    return total;
  }

  function show(query) {
    var words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; });
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = docs.map(function (d) { return [score(d, words), d]; })
      .filter(function (h) { return h[0] > 0; })
      .sort(function (a, b) { return b[0] - a[0] || (a[1].day < b[1].day ? 1 : a[1].day > b[1].day ? -1 : 0); });
    status.textContent = hits.length + (hits.length === 1 ? " story" : " stories") + " found" +
      (hits.length > 50 ? ", the best 50 shown." : ".");
    hits.slice(0, 50).forEach(function (h) {
      var d = h[1], li = document.createElement("li"), a = document.createElement("a");
      a.href = root + d.path;
      a.textContent = d.title || "(untitled)";
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + d.day + " · " + d.source + (d.outlets > 1 ? " and " + (d.outlets - 1) + " more" : "");
      li.appendChild(a);
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  function run(event) {
    if (event) { event.preventDefault(); }
    var query = input.value;
    status.textContent = docs ? "" : "Loading the index…";
    load().then(function () { show(query); }, function () {
      status.textContent = "The search index could not be loaded.";
    });
    if (event && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    }
  }

  form.addEventListener("submit", run);
  input.addEventListener("input", function () { if (docs) { show(input.value); } else { run(); } });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; run(); }
}());
