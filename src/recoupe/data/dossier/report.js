// The dossier page: draws the timeline and the actor graph from the embedded JSON, opens event panels.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("dossier-data").textContent);
  var COLOURS = {};
  DATA.categories.forEach(function (c) { COLOURS[c[0]] = c[1]; });
  var EVENTS = {};
  DATA.events.forEach(function (e) { EVENTS[e.id] = e; });
  var NAMES = {};
  DATA.actors.forEach(function (a) { NAMES[a[0]] = a[1]; });
  var filter = { category: "", actor: "", year: "" };
  var selected = null;

  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function colour(cat) { return COLOURS[cat] || "#999"; }

  // "2021" -> [Jan 1, Dec 31 end]; "2021-11" -> the month; "2021-11-24" -> the day (UTC milliseconds).
  function period(text, end) {
    if (!text) { return null; }
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
    if (!m) { return null; }
    var y = +m[1], mo = m[2] ? +m[2] - 1 : (end ? 11 : 0);
    var d = m[3] ? +m[3] : (end ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1);
    return Date.UTC(y, mo, d) + (end ? 86400000 - 1 : 0);
  }

  function visible(e) {
    if (filter.year && !(e.date.start && e.date.start.slice(0, 4) <= filter.year &&
        (e.date.end || e.date.start).slice(0, 4) >= filter.year)) { return false; }
    return (!filter.category || e.category === filter.category) &&
      (!filter.actor || e.actors.indexOf(filter.actor) >= 0);
  }

  // --- filters -----------------------------------------------------------------------------------------
  function setupFilters() {
    var present = {};
    DATA.events.forEach(function (e) { present[e.category] = (present[e.category] || 0) + 1; });
    var cat = document.getElementById("f-category");
    var legend = [];
    DATA.categories.forEach(function (c) {
      if (!present[c[0]]) { return; }
      cat.insertAdjacentHTML("beforeend", '<option value="' + esc(c[0]) + '">' + esc(c[0]) + " (" + present[c[0]] + ")</option>");
      legend.push('<span><i style="background:' + esc(c[1]) + '"></i>' + esc(c[0].replace(/_/g, " ").toLowerCase()) + "</span>");
    });
    document.getElementById("legend").innerHTML = legend.join("");
    var act = document.getElementById("f-actor");
    act.insertAdjacentHTML("beforeend", DATA.actors.map(function (a) {
      return '<option value="' + esc(a[0]) + '">' + esc(a[1]) + " (" + a[2] + ")</option>";
    }).join(""));
    var years = {};
    DATA.events.forEach(function (e) {
      if (!e.date.start) { return; }
      for (var y = +e.date.start.slice(0, 4); y <= +(e.date.end || e.date.start).slice(0, 4); y++) { years[y] = (years[y] || 0) + 1; }
    });
    var year = document.getElementById("f-year");
    year.insertAdjacentHTML("beforeend", Object.keys(years).sort().map(function (y) {
      return '<option value="' + y + '">' + y + " (" + years[y] + ")</option>";
    }).join(""));
    year.addEventListener("change", function () { filter.year = year.value; drawEvents(); });
    cat.addEventListener("change", function () { filter.category = cat.value; drawEvents(); });
    act.addEventListener("change", function () { filter.actor = act.value; drawEvents(); });
    document.getElementById("f-reset").addEventListener("click", function () {
      filter.category = ""; filter.actor = ""; filter.year = ""; cat.value = ""; act.value = ""; year.value = "";
      drawEvents();
    });
  }

  // --- timeline -----------------------------------------------------------------------------------------
  var W = 1000, LEFT = 150, RIGHT = 16, TOP = 26, ROW = 11, MAXROWS = 14;

  function drawTimeline(events) {
    var box = document.getElementById("timeline");
    var dated = events.filter(function (e) { return e.date.start; });
    if (!dated.length) { box.innerHTML = '<p class="empty" style="padding:12px">No dated event to place.</p>'; return; }
    var spans = dated.map(function (e) {
      var s = period(e.date.start, false), t = period(e.date.end || e.date.start, true);
      return { e: e, s: s, t: Math.max(t, s) };
    });
    var t0 = Math.min.apply(null, spans.map(function (x) { return x.s; }));
    var t1 = Math.max.apply(null, spans.map(function (x) { return x.t; }));
    var pad = Math.max((t1 - t0) * 0.02, 15 * 86400000);
    t0 -= pad; t1 += pad;
    function x(t) { return LEFT + (t - t0) / (t1 - t0) * (W - LEFT - RIGHT); }
    // One lane per category, marks packed into rows so that none overlaps another (up to MAXROWS rows).
    var lanes = [];
    DATA.categories.forEach(function (c) {
      var mine = spans.filter(function (s) { return s.e.category === c[0]; });
      if (!mine.length) { return; }
      mine.sort(function (a, b) { return a.s - b.s || (a.e.id < b.e.id ? -1 : 1); });
      var ends = [];
      mine.forEach(function (s) {
        var x0 = x(s.s), x1 = Math.max(x(s.t), x0 + 7);
        var r = 0;
        while (r < ends.length && ends[r] > x0 - 2) { r++; }
        if (r >= MAXROWS) { r = MAXROWS - 1; }
        ends[r] = Math.max(ends[r] || 0, x1);
        s.row = r; s.x0 = x0; s.x1 = x1;
      });
      lanes.push({ cat: c[0], marks: mine, rows: Math.max(ends.length, 1) });
    });
    var y = TOP, parts = [];
    var height = TOP + lanes.reduce(function (h, l) { return h + l.rows * ROW + 10; }, 0) + 6;
    // Axis: years, or months when the span is short.
    var years = new Date(t1).getUTCFullYear() - new Date(t0).getUTCFullYear();
    var d = new Date(t0), ticks = [];
    var cursor = Date.UTC(d.getUTCFullYear(), years > 3 ? 0 : d.getUTCMonth(), 1);
    while (cursor <= t1) {
      var cd = new Date(cursor);
      if (cursor >= t0) {
        var label = years > 3 || cd.getUTCMonth() === 0 ? String(cd.getUTCFullYear())
          : (years > 1 ? (cd.getUTCMonth() % 3 === 0 ? String(cd.getUTCMonth() + 1).padStart(2, "0") : "") : String(cd.getUTCMonth() + 1).padStart(2, "0"));
        ticks.push([cursor, label, cd.getUTCMonth() === 0]);
      }
      cursor = years > 3 ? Date.UTC(cd.getUTCFullYear() + 1, 0, 1) : Date.UTC(cd.getUTCFullYear(), cd.getUTCMonth() + 1, 1);
    }
    lanes.forEach(function (lane, i) {
      var h = lane.rows * ROW + 10;
      if (i % 2 === 0) { parts.push('<rect class="tl-band" x="0" y="' + (y - 4) + '" width="' + W + '" height="' + h + '"/>'); }
      parts.push('<text class="tl-lane" x="8" y="' + (y + 8) + '">' + esc(lane.cat.replace(/_/g, " ").toLowerCase()) +
        " (" + lane.marks.length + ")</text>");
      lane.y = y;
      y += h;
    });
    ticks.forEach(function (t) {
      var tx = x(t[0]).toFixed(1);
      parts.push('<line class="tl-grid" x1="' + tx + '" x2="' + tx + '" y1="' + (TOP - 6) + '" y2="' + (height - 4) + '"' +
        (t[2] ? ' style="stroke:#d5dae0"' : "") + "/>");
      if (t[1]) { parts.push('<text class="tl-axis" x="' + tx + '" y="14" text-anchor="middle">' + t[1] + "</text>"); }
    });
    lanes.forEach(function (lane) {
      lane.marks.forEach(function (s) {
        var e = s.e, w = Math.max(s.x1 - s.x0, 7);
        var approx = e.date.date_type !== "exact" || e.date.granularity === "year";
        parts.push('<rect class="ev-mark' + (selected === e.id ? " selected" : "") + '" data-id="' + esc(e.id) + '" x="' +
          s.x0.toFixed(1) + '" y="' + (lane.y + s.row * ROW) + '" width="' + w.toFixed(1) + '" height="8" rx="3" fill="' +
          colour(e.category) + '" fill-opacity="' + (approx ? 0.55 : 0.95) + '"><title>' + esc(e.when + " — " + e.line +
          " (" + e.n_sources + " source" + (e.n_sources === 1 ? "" : "s") + ")") + "</title></rect>");
      });
    });
    box.innerHTML = '<svg id="timeline-svg" viewBox="0 0 ' + W + " " + height + '" role="img" aria-label="timeline">' +
      parts.join("") + "</svg>";
  }

  function drawUndated(events) {
    var rows = events.filter(function (e) { return !e.date.start; }).map(function (e) {
      return '<tr class="row" data-id="' + esc(e.id) + '"><td class="nowrap"><i class="dot" style="background:' +
        colour(e.category) + '"></i>' + esc(e.category.replace(/_/g, " ").toLowerCase()) + "</td><td>" + esc(e.line.replace(/^[A-Z_]+: /, "")) + "</td><td>" +
        e.n_sources + "</td><td dir=\"auto\">" + esc(e.mentions.length ? e.mentions[0].quote : "") + "</td></tr>";
    });
    document.getElementById("undated").innerHTML = rows.length ?
      '<table id="undated-table" class="data"><thead><tr><th>Category</th><th>Actors</th><th>Sources</th><th>First quote</th></tr></thead><tbody>' +
      rows.join("") + "</tbody></table>" : '<p class="empty" style="padding:8px">None.</p>';
  }

  function drawEvents() {
    var shown = DATA.events.filter(visible);
    drawTimeline(shown);
    drawUndated(shown);
    document.getElementById("f-count").textContent = shown.length + " of " + DATA.events.length + " events shown";
  }

  // --- the event panel ------------------------------------------------------------------------------------
  function showEvent(id) {
    var e = EVENTS[id];
    if (!e) { return false; }
    selected = id;
    document.querySelectorAll(".ev-mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    document.querySelectorAll('.ev-mark[data-id="' + id.replace(/"/g, "") + '"]').forEach(function (m) { m.classList.add("selected"); });
    function row(k, v) { return v === "" || v === null || v === undefined ? "" : "<dt>" + k + "</dt><dd>" + v + "</dd>"; }
    var attrs = Object.keys(e.attributes).filter(function (k) { return e.attributes[k] !== null; }).map(function (k) {
      var v = e.attributes[k];
      var text = Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : v;
      return esc(k.replace(/_/g, " ")) + ": " + esc(text);
    }).join("<br>");
    var conflicts = e.conflicts.map(function (c) {
      var info = DATA.conflicts[c];
      return '<a class="badge warn" href="#cf-' + esc(c) + '">' + esc(info ? info.field : c) + "</a>";
    }).join(" ");
    var quotes = e.mentions.map(function (m) {
      var a = DATA.articles[m.article] || {};
      // dir="auto": an Arabic quote reads right to left inside the left-to-right page; outlet and title are
      // isolated (<bdi>) so that an Arabic name does not reorder the line around it.
      return '<blockquote dir="auto">' + esc(m.quote) + '<div class="qmeta" dir="ltr"><a href="#q-' + esc(m.article) + "-" + m.start +
        '"><bdi>' + esc(a.outlet || "unknown outlet") + "</bdi>" + (a.published ? ", " + esc(a.published) : "") + "</a> — <bdi>" +
        esc(a.title || m.article) + "</bdi></div></blockquote>";
    }).join("");
    var plover = esc(e.event_type) + (e.mode ? " / " + esc(e.mode) : "") + (e.context.length ? " · " + esc(e.context.join(", ")) : "") +
      (e.cameo ? " · CAMEO " + esc(e.cameo) : "");
    document.getElementById("detail").innerHTML =
      '<h3><span class="badge" style="background:' + colour(e.category) + ';color:#fff">' + esc(e.category) + "</span> " +
      esc(e.when) + "</h3>" + "<dl>" +
      row("PLOVER", plover) + row("Source", esc(e.source.join(", "))) + row("Recipient", esc(e.recipient.join(", "))) +
      row("Participants", esc(e.participants.join(", "))) + row("Location", esc(e.loc)) +
      row("Date", esc(e.when) + ' <span class="muted">(' + esc(e.date.granularity) + ", " + esc(e.date.date_type) + ")</span>") +
      row("Why this date", '<span class="small">' + esc(e.date.reason) + "</span>") +
      row("Factuality", esc(e.factuality)) +
      row("Sources", e.n_sources + " outlet" + (e.n_sources === 1 ? "" : "s") + ", " + e.mentions.length + " quote" + (e.mentions.length === 1 ? "" : "s")) +
      row("Conflicts", conflicts || '<span class="muted">none</span>') + row("Details", attrs) +
      (e.review ? row("Review", esc(e.review.status) + " by " + esc(e.review.by) + (e.review.note ? ": " + esc(e.review.note) : "")) : "") +
      '</dl><h3>Quotes</h3><div id="detail-quotes">' + quotes + "</div>" +
      '<p class="small muted"><code>' + esc(e.id) + "</code></p>";
    return true;
  }

  // --- actor graph ------------------------------------------------------------------------------------------
  var GW = 900, GH = 600, GM = 70;
  function drawGraph() {
    var g = DATA.graph, box = document.getElementById("graph-view");
    document.getElementById("graph-note").textContent = g.nodes.length < g.actors ?
      "The " + g.nodes.length + " actors in most events of " + g.actors + " are drawn." : "";
    if (!g.nodes.length) { box.innerHTML = '<p class="empty" style="padding:12px">No actor.</p>'; return; }
    var pos = {};
    g.nodes.forEach(function (n) { pos[n.id] = [GM + n.x * (GW - 2 * GM), 30 + n.y * (GH - 60)]; });
    var maxw = Math.max.apply(null, g.edges.map(function (e) { return e.weight; }).concat([1]));
    var maxd = Math.max.apply(null, g.nodes.map(function (n) { return n.degree; }).concat([1]));
    var parts = g.edges.map(function (e, i) {
      var a = pos[e.source], b = pos[e.target];
      return '<line class="g-edge" data-i="' + i + '" x1="' + a[0].toFixed(1) + '" y1="' + a[1].toFixed(1) + '" x2="' + b[0].toFixed(1) +
        '" y2="' + b[1].toFixed(1) + '" stroke-width="' + (1 + 5 * e.weight / maxw).toFixed(2) + '"><title>' + esc(NAMES[e.source] + " — " +
        NAMES[e.target] + ": " + e.weight + " event" + (e.weight === 1 ? "" : "s")) + "</title></line>";
    });
    var typeColour = { GPE: "#4e79a7", ORG: "#f28e2b", PERSON: "#59a14f" };
    g.nodes.forEach(function (n) {
      var p = pos[n.id], r = 5 + 13 * Math.sqrt(n.degree / maxd);
      parts.push('<g class="node" data-id="' + esc(n.id) + '"><circle cx="' + p[0].toFixed(1) + '" cy="' + p[1].toFixed(1) + '" r="' +
        r.toFixed(1) + '" fill="' + (typeColour[n.type] || "#8c8c8c") + '" fill-opacity="0.85"><title>' + esc(n.name + " — " + n.degree +
        " event" + (n.degree === 1 ? "" : "s")) + '</title></circle><text class="g-label" x="' + p[0].toFixed(1) + '" y="' +
        (p[1] + r + 12).toFixed(1) + '" text-anchor="middle">' + esc(n.name) + "</text></g>");
    });
    box.innerHTML = '<svg id="graph-svg" viewBox="0 0 ' + GW + " " + GH + '" role="img" aria-label="actor graph">' + parts.join("") + "</svg>";
  }

  function showActor(id) {
    selectedNode(id);
    var mine = DATA.events.filter(function (e) { return e.actors.indexOf(id) >= 0; });
    var items = mine.map(function (e) {
      return '<li><a href="#ev-' + esc(e.id) + '">' + esc(e.when) + "</a> " + esc(e.line) + "</li>";
    }).join("");
    document.getElementById("graph-detail").innerHTML = "<h3>" + esc(NAMES[id] || id) + "</h3><p class=\"muted\">" + mine.length +
      ' events · <a href="#events" id="graph-filter">show on the timeline</a></p><ol class="small">' + items + "</ol>";
    document.getElementById("graph-filter").addEventListener("click", function () {
      filter.actor = id; filter.category = "";
      document.getElementById("f-actor").value = id; document.getElementById("f-category").value = "";
      drawEvents();
    });
  }
  function selectedNode(id) {
    document.querySelectorAll(".node").forEach(function (n) { n.classList.toggle("selected", n.getAttribute("data-id") === id); });
    document.querySelectorAll(".g-edge").forEach(function (l) {
      var e = DATA.graph.edges[+l.getAttribute("data-i")];
      l.classList.toggle("hot", e.source === id || e.target === id);
    });
  }

  // --- wiring -----------------------------------------------------------------------------------------------
  function openHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf("ev-") === 0 && showEvent(h.slice(3))) {
      document.getElementById("events").scrollIntoView();
    }
  }
  document.getElementById("timeline").addEventListener("click", function (ev) {
    var m = ev.target.closest(".ev-mark");
    if (m) { showEvent(m.getAttribute("data-id")); }
  });
  document.getElementById("undated").addEventListener("click", function (ev) {
    var r = ev.target.closest("tr.row");
    if (r) { showEvent(r.getAttribute("data-id")); }
  });
  document.getElementById("graph-view").addEventListener("click", function (ev) {
    var n = ev.target.closest(".node");
    if (n) { showActor(n.getAttribute("data-id")); }
  });
  window.addEventListener("hashchange", openHash);
  setupFilters();
  drawEvents();
  drawGraph();
  openHash();
  document.body.setAttribute("data-ready", "1");
})();
