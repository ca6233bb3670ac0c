// The graph page's behaviour: filters by relation and date, the legend, the evidence panel, search.
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

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visN.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return visE.has(e.id); } });

  var options = {
    autoResize: true,
    nodes: { shape: "dot", borderWidth: 1.5,
             font: { size: 14, face: "system-ui, sans-serif", color: "#222", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5, arrowStrikethrough: false },
    physics: { enabled: false, solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.3 },
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
  network.once("afterDrawing", function () {
    api.firstDrawMs = performance.now();
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.fit({ animation: false });

  // -- filters ------------------------------------------------------------------------------------
  function edgeVisible(e) {
    if (!state.rel[e.pred]) { return false; }
    for (var i = 0; i < e.ev.length; i++) {
      var ev = data.events[e.ev[i]];
      if (ev[5] === null) { if (state.undated) { return true; } }
      else if ((state.lo === null || ev[6] >= state.lo) && (state.hi === null || ev[5] <= state.hi)) { return true; }
    }
    return false;
  }
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
  function showEdge(id) {
    var e = data.edges[id];
    if (!e) { return; }
    clearPanel();
    panel.setAttribute("data-showing", "edge:" + id);
    panel.appendChild(el("h3", null, edgePhrase(e)));
    var r = relInfo[e.pred] || {};
    panel.appendChild(el("div", "meta", (r.family || "") + " · " + (r.plover || "") + " · " +
      plural(e.n, "article") + (e.mod !== "asserted" ? " · " + e.mod : "")));
    panel.appendChild(evidenceList(e.ev, 200));
  }
  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    clearPanel();
    panel.setAttribute("data-showing", "node:" + id);
    panel.appendChild(el("h3", null, n.label));
    panel.appendChild(el("div", "meta", (kindLabel[n.kind] || n.kind) + " · " + plural(n.n, "article")));
    if (n.alt && n.alt.length) { panel.appendChild(el("div", "meta", "Also called: " + n.alt.join(", "))); }
    var mine = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    mine.sort(function (a, b) { return (visE.has(b.id) - visE.has(a.id)) || (b.n - a.n); });
    panel.appendChild(el("h2", null, plural(mine.length, "relation")));
    var budget = 300;
    mine.forEach(function (e) {
      var head = el("div", "rel-head" + (visE.has(e.id) ? "" : " hidden-rel"),
        edgePhrase(e) + " (" + plural(e.n, "article") + (visE.has(e.id) ? "" : ", hidden by the filters") + ")");
      head.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
      panel.appendChild(head);
      if (budget > 0) { panel.appendChild(evidenceList(e.ev, Math.min(budget, 20))); }
      budget -= Math.min(e.ev.length, 20);
    });
  }
  api.showNode = showNode;
  api.showEdge = showEdge;
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
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
    if (visN.has(n.id)) { network.focus(n.id, { scale: 1.2, animation: { duration: 300 } }); }
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
  }
  $("physics").addEventListener("change", function () {
    if (!$("physics").checked) { physicsOff(); return; }
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilized", physicsOff);
    physicsTimer = setTimeout(physicsOff, 8000);
  });
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  showCounts();
})();
