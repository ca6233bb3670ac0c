// The /query page of `dipgraph serve`: fills the example list, sends the query to /sparql and
// shows the answer as a table (or as text for graph results). Every value goes in as text.
(function () {
  var examples = JSON.parse(document.getElementById("example-data").textContent);
  var select = document.getElementById("examples"), box = document.getElementById("query");
  var out = document.getElementById("out"), status = document.getElementById("status");
  examples.forEach(function (ex, i) {
    var o = document.createElement("option"); o.value = String(i); o.textContent = ex.title; select.appendChild(o);
  });
  select.addEventListener("change", function () { if (select.value !== "") box.value = examples[+select.value].query; });
  function cell(term) {
    if (!term) return "";
    if (term.type === "literal" && term["xml:lang"]) return term.value + " @" + term["xml:lang"];
    if (term.type === "bnode") return "_:" + term.value;
    return term.value;
  }
  document.getElementById("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
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
      rows.forEach(function (b) { var tr = table.insertRow(); vars.forEach(function (v) { tr.insertCell().textContent = cell(b[v]); }); });
      out.appendChild(table);
      status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + (capped ? " (capped at " + capped + ")" : "");
    }).catch(function (err) { status.textContent = "failed: " + err; });
  });
})();
