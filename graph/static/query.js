// The /query page of `dipgraph serve`: fills the example list, sends the query to /sparql and
// shows the answer as a table (or as text for graph results). Every value goes in as text: a cell
// shows a literal's plain value (no language tag, no datatype) and an IRI shortened by the
// predeclared prefixes, a link only when it is an http(s) address. Ctrl+Enter (Cmd+Enter) runs.
(function () {
  var examples = JSON.parse(document.getElementById("example-data").textContent);
  var prefixes = JSON.parse(document.getElementById("prefix-data").textContent);
  var form = document.getElementById("form"), select = document.getElementById("examples");
  var box = document.getElementById("query"), out = document.getElementById("out");
  var status = document.getElementById("status");
  // longest namespace first, so that a namespace inside another one wins
  var spaces = Object.keys(prefixes).map(function (p) { return [p, prefixes[p]]; })
    .sort(function (a, b) { return b[1].length - a[1].length; });
  examples.forEach(function (ex, i) {
    var o = document.createElement("option"); o.value = String(i); o.textContent = ex.title; select.appendChild(o);
  });
  select.addEventListener("change", function () { if (select.value !== "") box.value = examples[+select.value].query; });
  function shortIri(iri) {
    for (var i = 0; i < spaces.length; i++) {
      var ns = spaces[i][1];
      if (iri.length > ns.length && iri.indexOf(ns) === 0) return spaces[i][0] + ":" + iri.slice(ns.length);
    }
    return iri;
  }
  function fill(td, term) {
    if (!term) return;
    if (term.type === "uri") {
      var shown = shortIri(term.value);
      td.title = term.value;
      if (/^https?:\/\//i.test(term.value)) {
        var a = document.createElement("a");
        a.href = term.value; a.rel = "noopener noreferrer"; a.textContent = shown;
        td.appendChild(a);
      } else {
        td.textContent = shown;
      }
      return;
    }
    if (term.type === "bnode") { td.textContent = "_:" + term.value; return; }
    td.textContent = term.value;  // a literal: its value only; the tag or datatype as a tooltip
    if (term["xml:lang"]) td.title = "language: " + term["xml:lang"];
    else if (term.datatype) td.title = shortIri(term.datatype);
  }
  function run() {
    out.textContent = ""; status.textContent = "running...";
    fetch("/sparql", {method: "POST", body: box.value,
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"}})
    .then(function (r) {
      return r.text().then(function (body) { return {r: r, body: body}; });
    }).then(function (x) {
      var r = x.r, capped = r.headers.get("X-SPARQL-MaxRows");
      if (!r.ok) { var e = document.createElement("div"); e.className = "error"; e.textContent = r.status + ": " + x.body;
                   out.appendChild(e); status.textContent = ""; return; }
      var type = r.headers.get("Content-Type") || "";
      if (type.indexOf("json") < 0) {
        var pre = document.createElement("pre"); pre.textContent = x.body; out.appendChild(pre);
        status.textContent = capped ? "capped at " + capped + " triples" : ""; return;
      }
      var data = JSON.parse(x.body);
      if (typeof data.boolean === "boolean") { status.textContent = "answer: " + data.boolean; return; }
      var vars = data.head.vars, rows = data.results.bindings, table = document.createElement("table");
      var head = table.insertRow();
      vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
      rows.forEach(function (b) { var tr = table.insertRow(); vars.forEach(function (v) { fill(tr.insertCell(), b[v]); }); });
      out.appendChild(table);
      status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + (capped ? " (capped at " + capped + ")" : "");
    }).catch(function (err) { status.textContent = "failed: " + err; });
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
})();
