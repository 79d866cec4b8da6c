/* smsdoc default theme: search, offline. The index is a script
   (assets/search-index.js sets window.smsdocSearch), because browsers
   refuse fetch() on file:// pages. Ranking: a match in the ID first, then
   the title, then headings, then the body text and record fields; every
   word of the query must match somewhere. */
(function (global) {
  "use strict";

  // The words this script writes, from the site's label table: smsdoc fills
  // in the object when it copies the script (docs/themes.md#languages).
  var L = /* smsdoc: labels */ {"js_results_for": "results for"};

  var TYPE = 0, ID = 1, TITLE = 2, URL = 3, HEADINGS = 4, TEXT = 5;

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}.\-_]+/u).filter(function (w) { return w; });
  }

  // Lower-cased copies, made once per index.
  function prepared(index) {
    if (!index.lower) {
      index.lower = index.docs.map(function (d) {
        return [d[ID].toLowerCase(), d[TITLE].toLowerCase(), d[HEADINGS].toLowerCase(),
                d[TEXT].toLowerCase(), " " + words(d[TITLE]).join(" ") + " "];
      });
    }
    return index.lower;
  }

  function wordScore(low, word) {
    if (low[0] === word) return 1000;
    if (low[0].indexOf(word) === 0) return 400;
    if (low[4].indexOf(" " + word + " ") >= 0) return 200;
    if (low[1].indexOf(word) >= 0 || low[0].indexOf(word) >= 0) return 100;
    if (low[2].indexOf(word) >= 0) return 20;
    if (low[3].indexOf(word) >= 0) return 1;
    return 0;
  }

  function snippet(doc, word) {
    var text = doc[TEXT], at = text.toLowerCase().indexOf(word);
    if (at < 0) return text.length > 160 ? text.slice(0, 160) + "…" : text;
    var from = Math.max(0, at - 60), to = Math.min(text.length, at + 100);
    return (from > 0 ? "…" : "") + text.slice(from, to) + (to < text.length ? "…" : "");
  }

  // Results of `query`, best first: {type, id, title, url, snippet, score}.
  function search(index, query, limit) {
    var q = words(query);
    if (!q.length) return [];
    var low = prepared(index), results = [];
    for (var i = 0; i < index.docs.length; i++) {
      var score = 0;
      for (var w = 0; w < q.length; w++) {
        var s = wordScore(low[i], q[w]);
        if (!s) { score = 0; break; }
        score += s;
      }
      if (score) results.push({ i: i, score: score });
    }
    results.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return results.slice(0, limit || 50).map(function (r) {
      var d = index.docs[r.i];
      return { type: d[TYPE], id: d[ID], title: d[TITLE], url: d[URL],
               snippet: snippet(d, q[q.length - 1]), score: r.score };
    });
  }
  global.smsdocSearchQuery = search;

  // The search page: reads ?q=, shows the results with text nodes only
  // (content never becomes markup).
  function show() {
    var list = global.document && global.document.getElementById("search-results");
    if (!list || !global.smsdocSearch) return;
    var input = global.document.getElementById("search-page-q");
    var root = list.getAttribute("data-root") || "";
    var status = global.document.getElementById("search-status");
    function run(query) {
      var started = Date.now();
      var found = search(global.smsdocSearch, query, 100);
      list.textContent = "";
      found.forEach(function (r) {
        var li = global.document.createElement("li");
        var type = global.document.createElement("span");
        type.className = "result-type";
        type.textContent = r.type;
        var a = global.document.createElement("a");
        a.href = root + r.url;
        a.textContent = r.id + " " + r.title;
        var p = global.document.createElement("p");
        p.textContent = r.snippet;
        li.appendChild(type);
        li.appendChild(global.document.createTextNode(" "));
        li.appendChild(a);
        li.appendChild(p);
        list.appendChild(li);
      });
      status.textContent = query.trim() ? found.length + (found.length === 100 ? "+" : "") +
        " " + L.js_results_for + " “" + query.trim() + "” (" + (Date.now() - started) + " ms)" : "";
    }
    var params = new URLSearchParams(global.location.search);
    var q = params.get("q") || "";
    input.value = q;
    run(q);
    input.addEventListener("input", function () { run(input.value); });
  }
  show();
})(typeof window !== "undefined" ? window : globalThis);
