"""The SPARQL endpoint, queried by real clients (SPARQLWrapper, rdflib's SPARQLStore, plain HTTP)
over a real `dipgraph serve` on a loopback port, with answers checked against `dipgraph query`."""
from __future__ import annotations

import contextlib
import http.server
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks.processes import stop
from rdflib import Graph
from rdflib.query import Result
from typer.testing import CliRunner

from dipgraph.cli import app as cli_app
from dipgraph.graph.records import Actor, Article, Event, Extraction, Mention, Role
from dipgraph.graph.server import negotiate, uses_service
from dipgraph.graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("dipgraph")
DIPGRAPH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "dipgraph.cli"]

COUNTRIES = [("Russia", "RUS"), ("North Korea", "PRK"), ("China", "CHN"), ("United States", "USA"),
             ("Japan", "JPN"), ("South Korea", "KOR"), ("France", "FRA"), ("Germany", "DEU"),
             ("India", "IND"), ("Brazil", "BRA"), ("Turkey", "TUR"), ("Iran", "IRN")]
PEOPLE = ["Sergey Lavrov", "Choe Son-hui", "Wang Yi", "Antony Blinken", "Yoshimasa Hayashi", "Park Jin",
          "Catherine Colonna", "Annalena Baerbock", "Subrahmanyam Jaishankar", "Mauro Vieira",
          "Hakan Fidan", "Hossein Amir-Abdollahian"]
PREDICATES = ["met", "visited", "phoned", "signedAgreementWith", "criticized", "sanctioned", "supported",
              "urged", "cooperatedWith", "negotiatedWith"]
MODALITIES = ["asserted", "asserted", "reported", "hedged", "negated", "asserted", "future"]


def extraction(i: int) -> Extraction:
    """A hand-made article with eight events between ministers and countries."""
    countries = [Actor("country", n, c) for n, c in COUNTRIES]
    people = [Actor("person", n) for n in PEOPLE]
    events, sentences, roles, mentions = [], [], [], []
    pos = 0
    for k in range(8):
        a, b = (i + k) % 12, (i * 5 + 3 * k + 1) % 12
        if a == b:
            b = (b + 1) % 12
        subj = people[a] if k % 2 else countries[a]
        obj = countries[b]
        pred = PREDICATES[(i + k) % len(PREDICATES)]
        sentence = f"{subj.label} {pred} {obj.label} on day {k} of story {i}."
        events.append(Event(pred, subj, obj, modality=MODALITIES[(i + k) % len(MODALITIES)],
                            date=f"2023-{1 + (i + k) % 12:02d}-{1 + (i * 3 + k) % 28:02d}",
                            sentence=sentence, start=pos, end=pos + len(sentence), extractor="hand-made",
                            confidence=0.9))
        mentions.append(Mention(subj, subj.label, pos, pos + len(subj.label)))
        if k % 2:
            roles.append(Role(subj, countries[a], "Foreign Minister"))
        sentences.append(sentence)
        pos += len(sentence) + 1
    art = Article(text=" ".join(sentences), title=f"Story {i}: ministers meet", id=f"story-{i:03d}",
                  published=date(2023, 1 + i % 12, 1 + i % 28), url=f"https://news.example/{i}",
                  source="Example News")
    return Extraction(art, events=tuple(events), roles=tuple(roles), mentions=tuple(mentions))


def build_store(path: Path, n: int) -> int:
    with Store(path) as st:
        for i in range(n):
            st.put(extraction(i))
        return len(st)


# -- queries and what `dipgraph query` answers --------------------------------------------------------
SELECT = """SELECT ?a ?b ?date ?label WHERE {
  ?e a dip:MetEvent ; dip:subject ?a ; dip:object ?b ; dip:date ?date .
  ?a rdfs:label ?label } ORDER BY ?date ?a ?b ?label"""
GROUPED = """SELECT ?p (COUNT(?e) AS ?n) WHERE { ?e dip:predicate ?p } GROUP BY ?p ORDER BY ?p"""
ASK = "ASK { res:country\\/RUS ?p ?o }"
CONSTRUCT = """CONSTRUCT { ?a dip:met ?b . ?a rdfs:label ?l } WHERE { ?a dip:met ?b . ?a rdfs:label ?l }"""
DESCRIBE = "DESCRIBE res:country\\/PRK"
SELECT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_FORMATS = {"turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json"}
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
MAX_ROWS = 500


def cli_query(store: Path, sparql: str, fmt: str) -> bytes:
    res = CliRunner().invoke(cli_app, ["query", sparql, "--store", str(store), "--format", fmt])
    assert res.exit_code == 0, res.output
    return res.stdout_bytes


# -- a real server --------------------------------------------------------------------------------
@contextlib.contextmanager
def running(store: Path, *args: str):
    """`dipgraph serve` on a free loopback port; yields its base URL."""
    info = store / "server.json"
    with contextlib.suppress(FileNotFoundError):
        info.unlink()
    log = open(store.parent / f"serve-{os.getpid()}-{time.monotonic_ns()}.log", "w+b")
    proc = subprocess.Popen(DIPGRAPH + ["serve", "--store", str(store), "--port", "0", *args],
                            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        url = None
        while time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(OSError, ValueError, KeyError):
                url = json.loads(info.read_text())["url"]
                with urllib.request.urlopen(url + "/health", timeout=5):
                    break
            time.sleep(0.1)
        else:
            log.seek(0)
            pytest.fail(f"the server did not start: {log.read().decode(errors='replace')}")
        yield url
    finally:
        stop(proc)
        log.close()


def fetch(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) of one request; errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(base: str, query: str, accept: str | None = None, **params):
    qs = urllib.parse.urlencode({"query": query, **params}, doseq=True)
    return fetch(f"{base}/sparql?{qs}", headers={"Accept": accept} if accept else {})


def post_form(base: str, query: str, accept: str | None = None, field: str = "query", **params):
    body = urllib.parse.urlencode({field: query, **params}, doseq=True).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return fetch(f"{base}/sparql", data=body, headers=headers)


def post_direct(base: str, query: str, accept: str | None = None, kind: str = "query", **params):
    qs = ("?" + urllib.parse.urlencode(params, doseq=True)) if params else ""
    headers = {"Content-Type": f"application/sparql-{kind}"}
    if accept:
        headers["Accept"] = accept
    return fetch(f"{base}/sparql{qs}", data=query.encode(), headers=headers)


METHODS = {"get": get, "post-form": post_form, "post-direct": post_direct}


@pytest.fixture(scope="module")
def data_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("served") / "store"
    n = build_store(path, 40)
    assert n > 3000  # a few thousand triples: enough for a cross product that never ends
    return path


@pytest.fixture(scope="module")
def expected(data_store) -> dict:
    """What `dipgraph query` prints for each query and format, before the server holds the store."""
    out = {}
    for name, q in (("select", SELECT), ("grouped", GROUPED), ("ask", ASK)):
        for fmt in SELECT_FORMATS:
            out[name, fmt] = cli_query(data_store, q, fmt)
    for name, q in (("construct", CONSTRUCT), ("describe", DESCRIBE)):
        for fmt in GRAPH_FORMATS:
            out[name, fmt] = cli_query(data_store, q, fmt)
    with Store(data_store) as st:
        out["graphs"] = [a["graph"] for a in st.articles()]
        out["triples"] = len(st)
    return out


@pytest.fixture(scope="module")
def server(data_store, expected):
    with running(data_store, "--timeout", "3", "--max-rows", str(MAX_ROWS), "--workers", "3") as url:
        yield url


def graph_of(data: bytes, fmt: str) -> Graph:
    return Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])


# -- the protocol with plain HTTP ---------------------------------------------------------------------
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("fmt", SELECT_FORMATS)
def test_select_and_ask_by_every_method_and_format_equal_the_cli(server, expected, method, fmt):
    for name, q in (("select", SELECT), ("grouped", GROUPED), ("ask", ASK)):
        if name == "ask" and fmt in ("csv", "tsv"):
            continue
        status, headers, body = METHODS[method](server, q, SELECT_FORMATS[fmt])
        assert status == 200, body
        assert headers["Content-Type"].split(";")[0] == SELECT_FORMATS[fmt]
        assert body == expected[name, fmt]
        assert "X-SPARQL-MaxRows" not in headers


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_construct_and_describe_by_every_method_and_format_equal_the_cli(server, expected, method, fmt):
    from rdflib.compare import isomorphic

    for name, q in (("construct", CONSTRUCT), ("describe", DESCRIBE)):
        status, headers, body = METHODS[method](server, q, GRAPH_FORMATS[fmt])
        assert status == 200, body
        assert headers["Content-Type"].split(";")[0] == GRAPH_FORMATS[fmt]
        g = graph_of(body, fmt)
        assert len(g) > 0
        assert isomorphic(g, graph_of(expected[name, fmt], fmt))


def test_default_format_and_format_parameter(server, expected):
    assert get(server, SELECT)[2] == expected["select", "json"]
    assert get(server, SELECT, "*/*")[2] == expected["select", "json"]
    assert get(server, SELECT, "text/html,application/xhtml+xml,*/*;q=0.8", format="csv")[2] == expected["select", "csv"]
    status, headers, _ = get(server, CONSTRUCT)
    assert headers["Content-Type"].startswith("text/turtle")
    assert get(server, SELECT, "text/csv;q=0.5, application/sparql-results+xml")[2] == expected["select", "xml"]


def test_dataset_parameters_choose_the_graphs(server, expected):
    g1, g2 = expected["graphs"][:2]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    _, _, body = get(server, count, "application/sparql-results+json", **{"default-graph-uri": g1})
    n1 = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    _, _, body = post_direct(server, count, "application/sparql-results+json", **{"default-graph-uri": [g1, g2]})
    n12 = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    _, _, body = get(server, count, "application/sparql-results+json")
    n_all = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert 0 < n1 < n12 < n_all
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    _, _, body = post_form(server, graphs, "text/csv", **{"named-graph-uri": [g2, g1]})
    assert body.decode().split() == ["g"] + sorted([g1, g2])
    status, _, body = get(server, count, None, **{"default-graph-uri": "not an iri"})
    assert status == 400


def test_malformed_query_is_400_with_the_parser_message(server):
    bad = "SELECT ?a WHERE { ?a dip:met ?b "
    with pytest.raises(SyntaxError) as parser:
        ox.Store().query(bad, prefixes={"dip": "https://w3id.org/dipgraph/ontology#"})
    for method in METHODS.values():
        status, _, body = method(server, bad)
        assert status == 400
        assert str(parser.value) in body.decode()


def test_type_it_cannot_give_is_406(server):
    assert get(server, SELECT, "image/png")[0] == 406
    assert get(server, CONSTRUCT, "text/csv")[0] == 406
    status, _, body = get(server, ASK, "text/turtle")
    assert status == 406 and b"text/csv" in body


def test_no_query_and_odd_requests(server):
    status, _, body = fetch(f"{server}/sparql", data=b"", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"no query" in body
    status, _, _ = fetch(f"{server}/sparql", data=b"x", headers={"Content-Type": "image/png"})
    assert status == 415
    two = urllib.parse.urlencode({"query": [SELECT, ASK]}, doseq=True).encode()
    assert fetch(f"{server}/sparql", data=two,
                headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400


# -- safety -------------------------------------------------------------------------------------------
def test_updates_are_refused_by_default(server, expected):
    update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    assert post_direct(server, update, kind="update")[0] == 403
    status, _, body = post_form(server, update, field="update")
    assert status == 403 and b"--allow-update" in body
    assert get(server, "ASK { <urn:a> ?p ?o }")[2] == b'{"head":{},"boolean":false}'


@pytest.fixture
def listener():
    """A local HTTP server that records every request it gets (and answers like a SPARQL endpoint)."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[{}]}}')

        do_POST = do_GET

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}/sparql", hits
    srv.shutdown()


def test_service_is_refused_and_no_request_leaves(server, listener):
    remote, hits = listener
    attempts = [
        f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{remote}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ BIND(<{remote}> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{remote}> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <{remote}#>\nSELECT * WHERE {{ # a comment\n ?a ?b \"x\" . SERVICE e: {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ FILTER(?a<'x>') SERVICE <{remote}> {{ ?s ?p ?o }} FILTER(?b='') }}",
    ]
    for q in attempts:
        for method in METHODS.values():
            status, _, body = method(server, q)
            assert status == 403, (q, body)
            assert b"SERVICE" in body
    assert hits == []


def test_service_as_a_word_in_strings_and_names_is_allowed(server):
    q = """SELECT ?service WHERE { BIND("Secret Service" AS ?service) # no SERVICE call here
           FILTER(!CONTAINS(STR(<urn:service>), "SERVICE")) }"""
    status, _, body = get(server, q, "application/sparql-results+json")
    assert status == 200, body
    assert json.loads(body)["results"]["bindings"][0]["service"]["value"] == "Secret Service"


@pytest.mark.parametrize("text,refused", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> in a comment", False),
    ("SELECT ?service WHERE { ?service ?p 'service' }", False),
    ("SELECT * WHERE { ?s <http://x/service> ?o }", False),
    ("SELECT * WHERE { '''\nSERVICE''' }", True),  # unparsable and mentions it: refused
    ("SELECT * WHERE { ?s ?p ?o . \\u0073ervice <http://x/> { } }", True),
    ("SELECT * WHERE { ?s ?p ?o .SERVICE <http://x/> { } }", True),
])
def test_service_detection(text, refused):
    assert uses_service(text) is refused


def test_update_with_service_is_refused():
    assert uses_service("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }", update=True)
    assert not uses_service("INSERT DATA { <urn:a> <urn:service> 'SERVICE' }", update=True)


def test_negotiation_table():
    assert negotiate("solutions", None) == "application/sparql-results+json"
    assert negotiate("graph", "*/*") == "text/turtle"
    assert negotiate("graph", "application/*") == "application/n-triples"
    assert negotiate("solutions", "text/csv;q=0.2, text/tab-separated-values;q=0.9") == "text/tab-separated-values"
    assert negotiate("solutions", "application/json") == "application/sparql-results+json"
    assert negotiate("solutions", "text/turtle") is None
    assert negotiate("graph", "text/csv;q=1, text/turtle;q=0") is None
    assert negotiate("graph", "application/sparql-results+json", "json-ld") == "application/ld+json"


def test_results_are_capped_with_a_header(server, expected):
    status, headers, body = get(server, "SELECT * WHERE { ?s ?p ?o }", "text/tab-separated-values")
    assert status == 200
    assert headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(body.decode().splitlines()) == MAX_ROWS + 1  # the header line and the rows
    status, headers, body = get(server, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(graph_of(body, "ntriples")) == MAX_ROWS
    status, headers, body = get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 20", "text/csv")
    assert "X-SPARQL-MaxRows" not in headers and len(body.decode().splitlines()) == 21


def test_slow_query_is_stopped_while_another_client_is_served(server, expected):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    address = urllib.parse.urlsplit(server)
    # the slow query is sent (and so with the server) before the quick one is asked
    slow_client = socket.create_connection((address.hostname, address.port), timeout=60)
    slow_client.sendall(f"GET /sparql?{urllib.parse.urlencode({'query': slow})} HTTP/1.1\r\n"
                        f"Host: {address.netloc}\r\nConnection: close\r\n\r\n".encode())
    with slow_client:
        quick = get(server, SELECT, "text/csv")
        assert quick[0] == 200 and quick[2] == expected["select", "csv"]
        slow_client.setblocking(False)
        with pytest.raises(BlockingIOError):  # no answer to the slow query yet: it still runs
            slow_client.recv(1, socket.MSG_PEEK)
        slow_client.settimeout(60)
        reply = b""
        while chunk := slow_client.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.split()[1] == b"503"
    assert b"stopped" in body and b"3 seconds" in body
    # the endpoint carries on with a fresh worker in place of the stopped one
    assert get(server, SELECT, "text/csv")[2] == expected["select", "csv"]
    health = json.loads(fetch(f"{server}/health")[2])
    assert health["workers"] == 3


def test_fifty_concurrent_clients(server, expected):
    def one(i):
        return post_form(server, GROUPED, "application/sparql-results+xml") if i % 2 else get(server, SELECT, "text/csv")

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(one, range(50)))
    assert [a[0] for a in answers] == [200] * 50
    for i, (_, _, body) in enumerate(answers):
        assert body == (expected["grouped", "xml"] if i % 2 else expected["select", "csv"])


def test_cors_is_off_unless_asked(server):
    status, headers, _ = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": ASK}),
                              headers={"Origin": "https://elsewhere.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers


# -- real clients -------------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", "POST-form", "POST-direct"])
def test_sparqlwrapper(server, expected, method):
    from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
    from rdflib.compare import isomorphic

    def client(query, fmt):
        sw = SPARQLWrapper(server + "/sparql")
        if method != "GET":
            sw.setMethod(POST)
            sw.setRequestMethod(URLENCODED if method == "POST-form" else POSTDIRECTLY)
        sw.setQuery(query)
        sw.setReturnFormat(fmt)
        return sw.query()

    assert client(SELECT, JSON).convert() == json.loads(expected["select", "json"])
    assert client(ASK, JSON).convert()["boolean"] is True
    for fmt, name in ((XML, "xml"), (CSV, "csv"), (TSV, "tsv")):
        assert client(GROUPED, fmt).response.read() == expected["grouped", name]
    g = client(CONSTRUCT, TURTLE).convert()
    g = g if isinstance(g, Graph) else Graph().parse(data=g, format="turtle")
    assert isomorphic(g, graph_of(expected["construct", "turtle"], "turtle"))


@pytest.mark.parametrize("method,fmt", [("GET", "json"), ("POST", "xml"), ("POST_FORM", "csv"), ("GET", "tsv")])
def test_rdflib_sparqlstore(server, expected, method, fmt):
    from rdflib import Dataset
    from rdflib.compare import isomorphic
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server + "/sparql", method=method, returnFormat=fmt)
    ds = Dataset(store=store, default_union=True)  # a plain Dataset asks for its own default graph only
    want = Result.parse(io.BytesIO(expected["select", fmt]), format=fmt)
    got = ds.query(SELECT)
    assert [tuple(r) for r in got] == [tuple(r) for r in want]
    if fmt in ("json", "xml"):  # the formats in which rdflib reads a boolean
        assert ds.query(ASK).askAnswer is True
    if fmt == "xml":  # rdflib then accepts RDF/XML for graphs; with json it accepts no graph type
        g = ds.query(CONSTRUCT).graph
        assert isomorphic(g, graph_of(expected["construct", "turtle"], "turtle"))


# -- pages --------------------------------------------------------------------------------------------
def test_health(server, data_store):
    status, headers, body = fetch(f"{server}/health")
    info = json.loads(body)
    assert status == 200 and info["status"] == "ok" and str(data_store.resolve()) not in body.decode()
    assert info["allow_update"] is False


def test_query_page_is_offline_and_lists_the_examples(server):
    status, headers, body = fetch(f"{server}/query")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<textarea" in page and "default-src 'none'" in headers["Content-Security-Policy"]
    assert "src=" not in page and "<link" not in page  # nothing is loaded from elsewhere
    for rq in sorted((ROOT / "data" / "queries").glob("*.rq")):
        title = rq.read_text().splitlines()[0].lstrip("#").strip()
        assert json.dumps(title)[1:-1].replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") in page
    assert fetch(f"{server}/sparql", headers={"Accept": "text/html"})[0] in (200, 303)


@pytest.mark.browser
def test_query_page_runs_an_example_in_chromium(server, browser):
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(server + "/query")
    page.select_option("#examples", index=1)  # the first example (index 0 is the prompt)
    page.click("#run")
    page.wait_for_selector("#out table")
    header = page.locator("#out table tr").first.inner_text()
    assert header.split() == ["a", "b", "date", "article"]
    assert page.locator("#out table tr").count() > 1
    assert "North Korea" in page.inner_text("#out") or "Russia" in page.inner_text("#out")
    page.fill("#query", "SELECT * WHERE { ?a dip:met ")
    page.click("#run")
    page.wait_for_selector("#out .error")
    assert page.inner_text("#out .error").startswith("400")
    assert outside == []


def test_graph_page_from_the_live_store(server):
    pytest.importorskip("dipgraph.graph.view")
    status, headers, body = fetch(f"{server}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"North Korea" in body
    status, _, body = fetch(f"{server}/?" + urllib.parse.urlencode(
        {"actor": "North Korea", "relations": "met,visited", "since": "2023-03", "max_nodes": 50}))
    assert status == 200, body
    status, _, repeated = fetch(f"{server}/?" + urllib.parse.urlencode(
        [("actor", "North Korea"), ("relation", "met"), ("relation", "visited"), ("since", "2023-03"),
         ("max_nodes", 50)]))
    assert status == 200 and repeated == body
    assert fetch(f"{server}/?max_nodes=many")[0] == 400


# -- writes while serving -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    path = tmp_path_factory.mktemp("writable") / "store"
    build_store(path, 3)
    with running(path, "--allow-update", "--cors", "https://app.example", "--timeout", "20") as url:
        yield path, url


def test_update_allowed_when_asked(writable):
    _, url = writable
    assert post_direct(url, "INSERT DATA { GRAPH <urn:g> { <urn:a> rdfs:label 'added' } }", kind="update")[0] == 204
    status, _, body = get(url, "SELECT ?l WHERE { <urn:a> rdfs:label ?l }", "text/csv")
    assert body.decode().split() == ["l", "added"]
    assert post_form(url, "DELETE WHERE { GRAPH <urn:g> { ?s ?p ?o } }", field="update")[0] == 204
    assert get(url, "ASK { <urn:a> ?p ?o }")[2] == b'{"head":{},"boolean":false}'
    assert post_direct(url, "INSERT DATA { <urn:a> <urn:b> ", kind="update")[0] == 400


def test_cors_when_asked(writable):
    _, url = writable
    _, headers, _ = fetch(f"{url}/sparql?" + urllib.parse.urlencode({"query": ASK}),
                         headers={"Origin": "https://app.example"})
    assert headers["Access-Control-Allow-Origin"] == "https://app.example"
    _, headers, _ = fetch(f"{url}/sparql?" + urllib.parse.urlencode({"query": ASK}),
                         headers={"Origin": "https://other.example"})
    assert "Access-Control-Allow-Origin" not in headers


@pytest.mark.slow
def test_queries_are_answered_during_an_ingest(writable, samples_dir):
    path, url = writable
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }"

    def articles() -> int:
        status, _, body = get(url, count, "application/sparql-results+json")
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    before = articles()
    samples = sorted(samples_dir.glob("*.md"))
    ingest = subprocess.Popen(DIPGRAPH + ["ingest", str(samples_dir), "--store", str(path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    seen = []
    while ingest.poll() is None:
        seen.append(articles())
        time.sleep(0.05)
    out, err = ingest.communicate()
    assert ingest.returncode == 0, err.decode()
    assert b"sent to the server" in out
    assert seen and seen == sorted(seen)  # answers while the ingest ran, never going back
    assert articles() == before + len(samples)
    # ingesting the same files again changes nothing
    again = subprocess.run(DIPGRAPH + ["ingest", str(samples_dir), "--store", str(path)],
                           capture_output=True, cwd=ROOT)
    assert again.returncode == 0 and b"0 added" in again.stdout
    assert articles() == before + len(samples)


# -- the command line ---------------------------------------------------------------------------------
def test_serve_refuses_a_busy_port_with_one_clear_message(tmp_path, writable):
    port = urllib.parse.urlparse(writable[1]).port
    build_store(tmp_path / "other", 1)
    res = subprocess.run(DIPGRAPH + ["serve", "--store", str(tmp_path / "other"), "--port", str(port)],
                         capture_output=True, cwd=ROOT, timeout=60)
    assert res.returncode != 0
    assert b"cannot listen" in res.stderr and b"Traceback" not in res.stderr


def test_serve_help_says_how_writers_share_the_store():
    res = CliRunner().invoke(cli_app, ["serve", "--help"])
    assert res.exit_code == 0
    text = " ".join(res.output.split())
    assert "--allow-update" in text and "--timeout" in text and "server.json" in text
    assert "dipgraph ingest" in text
