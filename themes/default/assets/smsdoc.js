/* smsdoc default theme: the side list and sortable, filterable lists.
   Self-written, no libraries, nothing loaded from elsewhere; without it
   every page still reads (the lists are plain tables, the side list falls
   back to links to the lists). */
(function () {
  "use strict";

  // The side list: written once per site into assets/nav.js (relative to
  // the site root), placed here with this page's prefix; the current page
  // is marked and its group opened.
  function sideNav() {
    var nav = document.getElementById("side-nav");
    if (!nav || typeof window.smsdocNav !== "string") return;
    var root = nav.getAttribute("data-root") || "";
    var page = nav.getAttribute("data-page") || "";
    nav.innerHTML = window.smsdocNav;
    var links = nav.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (href === page) {
        links[i].setAttribute("aria-current", "page");
        for (var el = links[i].parentNode; el && el !== nav; el = el.parentNode)
          if (el.tagName === "DETAILS") el.open = true;
      }
      links[i].setAttribute("href", root + href);
    }
  }

  // The words this script writes, from the site's label table: smsdoc fills
  // in the object when it copies the script (docs/themes.md#languages).
  var L = /* smsdoc: labels */ {"js_all": "all", "js_filter_by": "Filter by", "js_of": "of", "js_shown": "shown"};

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
  }

  // Compares "POL-2" before "POL-10" and dates as text.
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  // Tables of class "sortable": each header sorts by its column (again:
  // reversed); headers marked data-filter get a drop-down of their values.
  function sortable(table) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) return;
    var headers = table.tHead.rows[0].cells;
    var filters = [];
    var bar = document.createElement("div");
    bar.className = "list-filters";
    function applyFilters() {
      var rows = body.rows, shown = 0;
      for (var r = 0; r < rows.length; r++) {
        var ok = true;
        for (var f = 0; f < filters.length; f++)
          if (filters[f].select.value && cellText(rows[r], filters[f].column) !== filters[f].select.value)
            ok = false;
        rows[r].hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = shown + " " + L.js_of + " " + rows.length + " " + L.js_shown;
    }
    Array.prototype.forEach.call(headers, function (th, column) {
      var label = th.textContent;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = label;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var c = collator.compare(cellText(a, column), cellText(b, column));
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
      if (!th.hasAttribute("data-filter")) return;
      var values = {};
      for (var r = 0; r < body.rows.length; r++) values[cellText(body.rows[r], column)] = true;
      var select = document.createElement("select");
      select.setAttribute("aria-label", L.js_filter_by + " " + label);
      select.appendChild(new Option(label + ": " + L.js_all, ""));
      Object.keys(values).sort(collator.compare).forEach(function (v) {
        select.appendChild(new Option(v, v));
      });
      select.addEventListener("change", applyFilters);
      filters.push({ column: column, select: select });
      bar.appendChild(select);
    });
    var count = document.createElement("span");
    count.className = "muted";
    count.setAttribute("aria-live", "polite");
    bar.appendChild(count);
    var wrap = table.parentNode.classList.contains("table-wrap") ? table.parentNode : table;
    wrap.parentNode.insertBefore(bar, wrap);
    applyFilters();
  }

  sideNav();
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
})();
