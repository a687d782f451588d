(function () {
  "use strict";
  function sortTable(th) {
    var table = th.closest("table"), body = table.tBodies[0];
    var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.getAttribute("data-dir") !== "asc";
    th.parentNode.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-dir"); });
    th.setAttribute("data-dir", asc ? "asc" : "desc");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[idx].getAttribute("data-key") || a.cells[idx].textContent;
      var y = b.cells[idx].getAttribute("data-key") || b.cells[idx].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function openFact(id) {
    var el = document.getElementById(id);
    if (el && el.tagName === "DETAILS") {
      for (var up = el; up; up = up.parentElement) { if (up.tagName === "DETAILS") { up.open = true; } }
      el.scrollIntoView({block: "start"});
    }
  }
  function filterBy(button) {
    document.body.setAttribute("data-filter", button.getAttribute("data-filter"));
    button.parentNode.querySelectorAll("button[data-filter]").forEach(function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
  }
  function copyCitation(button) {
    var box = button.parentNode.querySelector("textarea.citation");
    if (!box) { return; }
    box.hidden = false;
    box.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    if (!copied && navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).catch(function () { return null; });
    }
    button.textContent = "copied";  // the citation also stays shown and selected, ready to copy by hand
  }
  document.addEventListener("click", function (ev) {
    var copy = ev.target.closest("button.copy");
    if (copy) { copyCitation(copy); return; }
    var th = ev.target.closest("th.sortable");
    if (th) { sortTable(th); return; }
    var filter = ev.target.closest("button[data-filter]");
    if (filter) { filterBy(filter); return; }
    var a = ev.target.closest("a.factlink");
    if (a) { openFact(a.getAttribute("href").slice(1)); }
  });
  window.addEventListener("hashchange", function () { openFact(location.hash.slice(1)); });
  if (location.hash) { openFact(location.hash.slice(1)); }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.fact").forEach(function (d) { d.open = true; });
  });
  var pending = document.querySelector("[data-until]");
  if (pending && window.fetch) {  // a dossier computing in the background: reload once it is saved
    setInterval(function () {
      fetch(pending.getAttribute("data-until"), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) { if (d && d.computing === false) { location.reload(); } })
        .catch(function () {});
    }, 2000);
  }
  var live = document.getElementById("live");
  if (live && window.fetch) {
    var url = live.getAttribute("data-poll"), seen = live.getAttribute("data-state");
    setInterval(function () {
      fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (d && seen === null) { seen = d.state; return; }  // the first poll records the state
          if (!d || d.state === seen) { return; }
          live.hidden = false;
          live.textContent = "New articles have arrived (" + d.articles + " articles, " + d.stories +
            " stories). Reloading…";
          setTimeout(function () { location.reload(); }, 1500);
        })
        .catch(function () {});
    }, parseInt(live.getAttribute("data-interval") || "3000", 10));
  }
})();
