// The graph page's behaviour: labels that never collide, focus on an actor and its neighbours,
// filters by relation and date (the view re-fits and the evidence panel follows them), search.
// The network and its evidence come from the dipgraph-data element. Each event there is
// [subject name, predicate, object name, modality, date shown, first day, last day, sentence,
// article, dated by the text (1) or placed at its publication date (0)]; days are ordinals.
// Every piece of text goes into the page with textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dipgraph-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  var relInfo = {};
  data.relations.forEach(function (r) { relInfo[r.name] = r; });
  function relLabel(p) { return relInfo[p] ? relInfo[p].label : p; }
  var kindLabel = {};
  data.kinds.forEach(function (k) { kindLabel[k.kind] = k.label; });

  var state = { rel: {}, lo: null, hi: null, undated: true };
  data.relations.forEach(function (r) { state.rel[r.name] = true; });
  var degree = {};
  data.edges.forEach(function (e) { degree[e.from] = (degree[e.from] || 0) + 1; degree[e.to] = (degree[e.to] || 0) + 1; });
  var visN = new Set(data.nodes.map(function (n) { return n.id; }));
  var visE = new Set(data.edges.map(function (e) { return e.id; }));

  // Labels are drawn by vis-network at a size set for the current zoom (see placeLabels); until then none.
  data.nodes.forEach(function (n) { n.font = { size: 0 }; n.dim = false; });
  data.edges.forEach(function (e) { e.dim = false; });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visN.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return visE.has(e.id); } });

  var FACE = "system-ui, sans-serif";
  var options = {
    autoResize: true,
    nodes: { shape: "dot", borderWidth: 1.5, labelHighlightBold: false,
             font: { size: 0, face: FACE, color: "#222", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5, arrowStrikethrough: false },
    // Off at load: the positions come laid out, circles apart. The Physics box runs it for a while,
    // with overlap avoidance at full strength.
    physics: { enabled: false, solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 1 },
               maxVelocity: 25, minVelocity: 1, timestep: 0.4, stabilization: { enabled: false } },
    interaction: { hover: !data.big, tooltipDelay: 150, hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big,
                   navigationButtons: false, keyboard: false, multiselect: false },
    layout: { improvedLayout: false, randomSeed: 7 }
  };
  var t0 = performance.now();
  var network = new vis.Network($("graph"), { nodes: nodesView, edges: edgesView }, options);
  var api = { data: data, network: network, nodes: nodes, edges: edges, nodesView: nodesView,
              edgesView: edgesView, ready: false, firstDrawMs: null, networkMs: performance.now() - t0 };
  window.dipgraph = api;
  network.once("afterDrawing", function () { api.firstDrawMs = performance.now(); });

  // -- labels ---------------------------------------------------------------------------------------
  // Each label has a size on the screen (12 to 17 px, larger for actors with more articles behind
  // their relations) whatever the zoom. After each change of view the labels are placed in order of
  // importance (the focused actor and its neighbours first), and a label whose box would cross one
  // already placed is hidden; zooming in spreads the actors and not the labels, so more labels fit.
  var LABEL_MIN = 12, LABEL_MAX = 17, PAD = 3;
  var weight = {}, wMax = 1;
  data.nodes.forEach(function (n) { weight[n.id] = n.w || 0; wMax = Math.max(wMax, n.w || 0); });
  var byImportance = data.nodes.map(function (n) { return n.id; }).sort(function (a, b) {
    return (weight[b] - weight[a]) || ((degree[b] || 0) - (degree[a] || 0)) || (a - b);
  });
  var labelPx = {};
  data.nodes.forEach(function (n) {
    labelPx[n.id] = Math.round(2 * (LABEL_MIN + (LABEL_MAX - LABEL_MIN) * Math.sqrt(weight[n.id] / wMax))) / 2;
  });
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = "100px " + FACE;
  var widthAt100 = {};
  function textWidth(id, px) {
    if (widthAt100[id] === undefined) { widthAt100[id] = measure.measureText(nodes.get(id).label).width; }
    return widthAt100[id] * px / 100;
  }
  var shownFont = {};  // id -> font size (canvas units) last given to vis-network; 0 = hidden
  data.nodes.forEach(function (n) { shownFont[n.id] = 0; });
  var placedView = null, labelTimer = null, moving = false, movingTimer = null, focus = null;
  function viewKey() {
    var c = network.getViewPosition(), g = $("graph");
    return [network.getScale(), c.x, c.y, g.clientWidth, g.clientHeight];
  }
  function sameView(a, b) {
    if (!a || !b) { return false; }
    for (var i = 0; i < a.length; i++) { if (Math.abs(a[i] - b[i]) > 1e-6 * Math.max(1, Math.abs(a[i]))) { return false; } }
    return true;
  }
  function placeLabels() {
    labelTimer = null;
    var scale = network.getScale(), g = $("graph"), W = g.clientWidth, H = g.clientHeight;
    var order = byImportance;
    if (focus) {
      order = [focus.id].concat(byImportance.filter(function (id) { return id !== focus.id && focus.near.has(id); }));
    }
    var ids = order.filter(function (id) { return visN.has(id); });
    var pos = network.getPositions(ids);
    var CELL = 80, grid = new Map(), want = {};
    function cells(b, fn) {
      for (var cx = Math.floor(b[0] / CELL); cx <= Math.floor(b[2] / CELL); cx++) {
        for (var cy = Math.floor(b[1] / CELL); cy <= Math.floor(b[3] / CELL); cy++) {
          if (fn(cx + ":" + cy) === false) { return false; }
        }
      }
      return true;
    }
    ids.forEach(function (id) {
      var p = network.canvasToDOM(pos[id]), n = nodes.get(id), px = labelPx[id];
      // the label's box as vis-network draws it under the circle, with some room around; circles are
      // left out, so that zooming in always parts two labels
      var r = n.size * scale, half = textWidth(id, px) / 2, top = p.y + r + 0.5 * px + 4 * scale;
      var b = [p.x - half - PAD, top - PAD, p.x + half + PAD, top + px + PAD];
      if (b[2] < 0 || b[0] > W || b[3] < 0 || b[1] > H) { return; }
      var free = cells(b, function (key) {
        var list = grid.get(key);
        if (!list) { return true; }
        for (var i = 0; i < list.length; i++) {
          var o = list[i];
          if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { return false; }
        }
        return true;
      });
      if (!free) { return; }
      cells(b, function (key) { if (!grid.has(key)) { grid.set(key, []); } grid.get(key).push(b); });
      want[id] = px / scale;
    });
    var changes = [];
    data.nodes.forEach(function (n) {
      var size = want[n.id] || 0;
      if (Math.abs(size - shownFont[n.id]) > 1e-9) {
        shownFont[n.id] = size;
        changes.push({ id: n.id, font: { size: size } });
      }
    });
    placedView = viewKey();
    if (changes.length) { nodes.update(changes); } else { network.redraw(); }
  }
  function labelsLater() {
    if (labelTimer) { clearTimeout(labelTimer); }
    labelTimer = setTimeout(placeLabels, 60);
  }
  network.on("afterDrawing", function () {
    if (!sameView(viewKey(), placedView)) { labelsLater(); return; }
    if (!api.ready && !labelTimer && !moving) {
      api.ready = true;
      document.body.setAttribute("data-ready", "1");
    }
  });
  network.on("animationFinished", function () { moving = false; labelsLater(); });
  network.on("dragEnd", labelsLater);  // an actor dragged elsewhere
  // Fit the actors shown, with a margin for the labels at the sides and under the lowest circles.
  function fitView(animate, only) {
    var ids = only || Array.from(visN), g = $("graph"), W = g.clientWidth, H = g.clientHeight;
    if (!ids.length || !W || !H) { return; }
    var pos = network.getPositions(ids), x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    ids.forEach(function (id) {
      var p = pos[id], r = nodes.get(id).size;
      x0 = Math.min(x0, p.x - r); x1 = Math.max(x1, p.x + r); y0 = Math.min(y0, p.y - r); y1 = Math.max(y1, p.y + r);
    });
    var mx = 70, mtop = 20, mbottom = 36;
    var scale = Math.min((W - 2 * mx) / Math.max(x1 - x0, 1), (H - mtop - mbottom) / Math.max(y1 - y0, 1), 1.5);
    var centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 + (mbottom - mtop) / 2 / scale };
    moving = !!animate;
    network.moveTo({ position: centre, scale: scale,
                     animation: animate ? { duration: 250, easingFunction: "easeInOutQuad" } : false });
    if (animate) {  // should a drag cut the animation short, it never says it finished
      if (movingTimer) { clearTimeout(movingTimer); }
      movingTimer = setTimeout(function () { moving = false; movingTimer = null; labelsLater(); }, 600);
    }
    labelsLater();
  }
  // true once the labels are placed for the view on the screen and nothing is moving
  api.labelsSettled = function () { return !labelTimer && !moving && sameView(viewKey(), placedView); };
  api.placeLabels = placeLabels;
  api.labelSize = function (id) { return labelPx[id]; };  // px on the screen
  api.labelledIds = function () { return Object.keys(shownFont).filter(function (k) { return shownFont[k] > 0; }).map(Number); };
  api.fit = fitView;
  fitView(false);

  // -- focus: an actor and its neighbours stand out, everything else is dimmed ------------------------
  function rgba(hex, a) {
    var m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    return m ? "rgba(" + parseInt(m[1], 16) + "," + parseInt(m[2], 16) + "," + parseInt(m[3], 16) + "," + a + ")" : hex;
  }
  var original = {};
  data.nodes.forEach(function (n) { original[n.id] = n.color; });
  var originalEdge = {};
  data.edges.forEach(function (e) { originalEdge[e.id] = e.color; });
  function dimColour(c) {
    var bg = rgba(c.background, 0.18), line = "rgba(255,255,255,0.2)";
    return { background: bg, border: line, highlight: { background: bg, border: line }, hover: { background: bg, border: line } };
  }
  function applyFocus() {
    var nodeChanges = [], edgeChanges = [];
    data.nodes.forEach(function (n) {
      var dim = !!focus && !focus.near.has(n.id);
      if (nodes.get(n.id).dim !== dim) {
        nodeChanges.push({ id: n.id, dim: dim, color: dim ? dimColour(original[n.id]) : original[n.id] });
      }
    });
    data.edges.forEach(function (e) {
      var dim = !!focus && e.from !== focus.id && e.to !== focus.id;
      if (edges.get(e.id).dim !== dim) {
        var c = originalEdge[e.id];
        edgeChanges.push({ id: e.id, dim: dim, color: dim ? { color: c.color, highlight: c.highlight, hover: c.hover, opacity: 0.08 } : c });
      }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    placeLabels();
  }
  function setFocus(id) {
    if (id === null || id === undefined || !visN.has(id)) { clearFocus(); return; }
    var near = new Set([id]);
    data.edges.forEach(function (e) {
      if (!visE.has(e.id)) { return; }
      if (e.from === id) { near.add(e.to); } else if (e.to === id) { near.add(e.from); }
    });
    focus = { id: id, near: near };
    applyFocus();
  }
  function clearFocus() {
    if (!focus) { return; }
    focus = null;
    applyFocus();
  }
  api.focus = function () { return focus ? { id: focus.id, near: Array.from(focus.near) } : null; };
  api.setFocus = setFocus;
  api.clearFocus = clearFocus;
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" || e.key === "Esc") { clearFocus(); network.unselectAll(); }
  });

  // -- filters ------------------------------------------------------------------------------------
  // An event is shown when its relation is ticked and its dates touch the chosen window (an event
  // with no date at all only while "include events with no date" is ticked); a line is drawn while
  // one of its events is shown, and the evidence panel lists only the events shown.
  function eventShown(i) {
    var ev = data.events[i];
    if (!state.rel[ev[1]]) { return false; }
    if (ev[5] === null) { return state.undated; }
    return (state.lo === null || ev[6] >= state.lo) && (state.hi === null || ev[5] <= state.hi);
  }
  function shownEvents(e) { return state.rel[e.pred] ? e.ev.filter(eventShown) : []; }
  function edgeVisible(e) { return state.rel[e.pred] && e.ev.some(eventShown); }
  function recompute() {
    visE = new Set();
    var touched = new Set();
    data.edges.forEach(function (e) {
      if (edgeVisible(e)) { visE.add(e.id); touched.add(e.from); touched.add(e.to); }
    });
    visN = new Set();
    data.nodes.forEach(function (n) { if (touched.has(n.id) || !degree[n.id]) { visN.add(n.id); } });
    nodesView.refresh();
    edgesView.refresh();
    showCounts();
    if (focus) { setFocus(focus.id); }  // its neighbours under the new filters, or none if it is hidden
    fitView(true);
    refreshPanel();
  }
  function showCounts() {
    $("counts").textContent = visN.size + " of " + data.nodes.length + " actors, " +
      visE.size + " of " + data.edges.length + " relations shown";
  }
  api.visibleNodeIds = function () { return Array.from(visN); };
  api.visibleEdgeIds = function () { return Array.from(visE); };
  api.recompute = recompute;

  var relBox = $("relations");
  if (!data.relations.length) { relBox.appendChild(el("p", "muted", "No relations match the filters this page was built with.")); }
  data.relations.forEach(function (r) {
    var label = el("label");
    label.title = r.plover + " (" + r.family + ")";
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-relation", r.name);
    box.addEventListener("change", function () { state.rel[r.name] = box.checked; recompute(); });
    var sw = el("span", "swatch");
    sw.style.background = r.color;
    label.appendChild(box);
    label.appendChild(sw);
    label.appendChild(el("span", "rel-name", r.label));
    label.appendChild(el("span", "count", r.count));
    relBox.appendChild(label);
  });
  function setAll(on) {
    relBox.querySelectorAll("input[type=checkbox]").forEach(function (b) { b.checked = on; state.rel[b.getAttribute("data-relation")] = on; });
    recompute();
  }
  $("rel-all").addEventListener("click", function () { setAll(true); });
  $("rel-none").addEventListener("click", function () { setAll(false); });

  var ticks = data.ticks, from = $("date-from"), to = $("date-to");
  if (!ticks.length) {
    $("date-range").hidden = true;
    $("no-dates").hidden = false;
  } else {
    from.max = to.max = String(ticks.length - 1);
    from.value = "0";
    to.value = String(ticks.length - 1);
  }
  function onDates(ev) {
    if (!ticks.length) { return; }
    var a = +from.value, b = +to.value;
    if (a > b) { if (ev && ev.target === from) { to.value = String(a); } else { from.value = String(b); } }
    a = +from.value; b = +to.value;
    state.lo = ticks[a][0];
    state.hi = ticks[b][0];
    $("date-from-label").textContent = ticks[a][1];
    $("date-to-label").textContent = ticks[b][1];
    if (ev) { recompute(); }
  }
  from.addEventListener("input", onDates);
  to.addEventListener("input", onDates);
  $("undated").addEventListener("change", function () { state.undated = $("undated").checked; recompute(); });
  onDates(null);

  // -- legend and notes ---------------------------------------------------------------------------
  var legend = $("legend");
  data.kinds.forEach(function (k) {
    var li = el("li"), dot = el("span", "dot");
    dot.style.background = k.color;
    li.appendChild(dot);
    li.appendChild(el("span", null, k.label));
    legend.appendChild(li);
  });
  Object.keys(data.families).forEach(function (f) {
    var li = el("li"), sw = el("span", "line");
    sw.style.borderTopColor = data.families[f];
    li.appendChild(sw);
    li.appendChild(el("span", null, f));
    legend.appendChild(li);
  });
  if (data.notes.length) {
    $("notes-box").hidden = false;
    data.notes.forEach(function (n) { $("notes").appendChild(el("li", null, n)); });
  }

  // -- the side panel -----------------------------------------------------------------------------
  var panel = $("panel-body");
  function nodeLabel(id) { var n = nodes.get(id); return n ? n.label : "?"; }
  function edgePhrase(e) { return nodeLabel(e.from) + " " + relLabel(e.pred) + " " + nodeLabel(e.to); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function evidenceList(ids, budget) {
    var ol = el("ol", "evidence");
    ids.slice(0, budget).forEach(function (i) {
      var ev = data.events[i];
      var li = el("li"), head = el("div", "ev-head");
      li.setAttribute("data-event", String(i));
      head.appendChild(el("span", "ev-claim", data.names[ev[0]] + " " + relLabel(ev[1]) + " " + data.names[ev[2]]));
      head.appendChild(el("span", "ev-date", ev[4] ? ev[4] + (ev[9] ? "" : " (published)") : "undated"));
      if (ev[3] !== "asserted") { head.appendChild(el("span", "ev-mod", ev[3])); }
      li.appendChild(head);
      if (ev[7]) { li.appendChild(el("blockquote", "ev-sentence", ev[7])); }
      var a = data.articles[ev[8]] || {};
      li.appendChild(el("div", "ev-article", (a.t || a.id || "untitled article") + (a.p ? " (" + a.p + ")" : "")));
      if (a.u) { li.appendChild(el("div", "ev-url", a.u)); }
      ol.appendChild(li);
    });
    if (ids.length > budget) { ol.appendChild(el("li", "more", (ids.length - budget) + " more")); }
    return ol;
  }
  function clearPanel() { while (panel.firstChild) { panel.removeChild(panel.firstChild); } }
  var showing = null;  // what the panel shows: {kind: "node" | "edge", id}, redrawn when the filters change
  function hiddenNote(text) { panel.appendChild(el("p", "muted filtered", text)); }
  function articlesOf(evIds) {
    var seen = new Set();
    evIds.forEach(function (i) { seen.add(data.events[i][8]); });
    return seen.size;
  }
  function showEdge(id) {
    var e = data.edges[id];
    if (!e) { return; }
    showing = { kind: "edge", id: id };
    clearPanel();
    panel.setAttribute("data-showing", "edge:" + id);
    panel.appendChild(el("h3", null, edgePhrase(e)));
    var r = relInfo[e.pred] || {}, mine = shownEvents(e);
    panel.appendChild(el("div", "meta", (r.family || "") + " · " + (r.plover || "") + " · " +
      plural(articlesOf(mine), "article") + (e.mod !== "asserted" ? " · " + e.mod : "")));
    if (mine.length < e.ev.length) {
      hiddenNote(mine.length ? plural(e.ev.length - mine.length, "event") + " outside the filters not listed"
                             : "Hidden by the filters: none of its " + plural(e.ev.length, "event") + " is in them.");
    }
    panel.appendChild(evidenceList(mine, 200));
  }
  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    showing = { kind: "node", id: id };
    clearPanel();
    panel.setAttribute("data-showing", "node:" + id);
    panel.appendChild(el("h3", null, n.label));
    var all = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    var mine = all.filter(function (e) { return visE.has(e.id); });
    var evs = [];
    mine.forEach(function (e) { evs = evs.concat(shownEvents(e)); });
    panel.appendChild(el("div", "meta", (kindLabel[n.kind] || n.kind) + " · " + plural(articlesOf(evs), "article")));
    if (n.alt && n.alt.length) { panel.appendChild(el("div", "meta", "Also called: " + n.alt.join(", "))); }
    mine.sort(function (a, b) { return (b.n - a.n) || (a.id - b.id); });
    panel.appendChild(el("h2", null, plural(mine.length, "relation")));
    if (all.length > mine.length) { hiddenNote(plural(all.length - mine.length, "relation") + " hidden by the filters"); }
    var budget = 300;
    mine.forEach(function (e) {
      var listed = shownEvents(e);
      var head = el("div", "rel-head", edgePhrase(e) + " (" + plural(articlesOf(listed), "article") + ")");
      head.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
      panel.appendChild(head);
      if (budget > 0) { panel.appendChild(evidenceList(listed, Math.min(budget, 20))); }
      budget -= Math.min(listed.length, 20);
    });
  }
  function refreshPanel() {
    if (!showing) { return; }
    if (showing.kind === "node") { showNode(showing.id); } else { showEdge(showing.id); }
  }
  api.showNode = showNode;
  api.showEdge = showEdge;
  api.shownEvents = function (edgeId) { return shownEvents(data.edges[edgeId]); };
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); setFocus(p.nodes[0]); }
    else if (p.edges.length) {
      var e = data.edges[p.edges[0]];
      showEdge(e.id);
      if (focus && e.from !== focus.id && e.to !== focus.id) { clearFocus(); }
    } else { clearFocus(); }
  });

  // -- search ---------------------------------------------------------------------------------------
  var list = $("actor-names");
  data.nodes.slice(0, 5000).forEach(function (n) { var o = document.createElement("option"); o.value = n.label; list.appendChild(o); });
  function findNode(q) {
    q = q.trim().toLowerCase();
    if (!q) { return null; }
    var best = null, bestRank = 9;
    data.nodes.forEach(function (n) {
      var lab = n.label.toLowerCase(), r = 9;
      if (lab === q) { r = 0; } else if (lab.indexOf(q) === 0) { r = 1; } else if (lab.indexOf(q) >= 0) { r = 2; }
      else if (n.alt.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; })) { r = 3; }
      if (r < bestRank || (r === bestRank && best && visN.has(n.id) && !visN.has(best.id))) { best = n; bestRank = r; }
    });
    return best;
  }
  function search() {
    var q = $("search").value, status = $("search-status");
    var n = findNode(q);
    if (!q.trim()) { status.textContent = ""; return; }
    if (!n) { status.textContent = "No actor matches \u201c" + q.trim() + "\u201d"; return; }
    status.textContent = visN.has(n.id) ? "" : n.label + " is hidden by the filters";
    network.selectNodes(visN.has(n.id) ? [n.id] : []);
    if (visN.has(n.id)) {
      setFocus(n.id);
      fitView(true, Array.from(focus.near));  // the actor and its neighbours
    } else { clearFocus(); }
    showNode(n.id);
  }
  api.search = function (q) { $("search").value = q; search(); };
  $("search").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); search(); } });
  $("search").addEventListener("change", search);
  $("search-go").addEventListener("click", search);

  // -- physics, bounded: runs until the layout settles or for at most eight seconds -------------------
  var physicsTimer = null;
  function physicsOff() {
    network.setOptions({ physics: { enabled: false } });
    $("physics").checked = false;
    if (physicsTimer) { clearTimeout(physicsTimer); physicsTimer = null; }
    labelsLater();
  }
  $("physics").addEventListener("change", function () {
    if (!$("physics").checked) { physicsOff(); return; }
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilized", physicsOff);
    physicsTimer = setTimeout(physicsOff, 8000);
  });
  $("fit").addEventListener("click", function () { fitView(true); });
  showCounts();
})();
