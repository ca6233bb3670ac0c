"""SPARQL 1.1 Protocol and Graph Store HTTP Protocol behaviour that standard clients rely on, checked
as the W3C test suites for both protocols check it, over a real `dipgraph serve` on loopback with
real clients: SPARQLWrapper, rdflib's SPARQLStore and SPARQLUpdateStore, and plain HTTP."""
from __future__ import annotations

import json
import subprocess
import urllib.parse

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Dataset
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, SPARQLWrapper, TURTLE
from typer.testing import CliRunner

from dipgraph.cli import app as cli_app
from dipgraph.graph.store import Store
from test_server import DIPGRAPH, ROOT, build_store, fetch, running

FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(client: SPARQLWrapper, query: str = COUNT) -> int:
    client.setQuery(query)
    client.setReturnFormat(JSON)
    return int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def wrapper(url: str, method: str = "GET", *, default=(), named=()) -> SPARQLWrapper:
    client = SPARQLWrapper(url + "/sparql")
    client.setMethod(method)
    for g in default:
        client.addDefaultGraph(g)
    for g in named:
        client.addNamedGraph(g)
    return client


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A read-only server on a store of six articles; yields (url, article graph IRIs, counts)."""
    path = tmp_path_factory.mktemp("protocol") / "store"
    build_store(path, 6)
    with Store(path) as st:
        graphs = [a["graph"] for a in st.articles()]
        sizes = {g: len(list(st.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g)))) for g in graphs[:3]}
    with running(path, "--timeout", "20") as url:
        yield url, graphs, sizes


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    path = tmp_path_factory.mktemp("protocol-rw") / "store"
    build_store(path, 3)
    with running(path, "--allow-update", "--cors", "https://app.example", "--timeout", "20") as url:
        yield path, url


# -- the dataset of a query ---------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", POST])
def test_from_and_from_named_give_exactly_the_dataset(served, method):
    url, (g1, g2, *_), sizes = served
    client = wrapper(url, method)
    union = count(client)
    assert union > sizes[g1] + sizes[g2]
    assert count(client, f"SELECT (COUNT(*) AS ?n) FROM <{g1}> WHERE {{ ?s ?p ?o }}") == sizes[g1]
    assert count(client, f"SELECT (COUNT(*) AS ?n) FROM <{g1}> FROM <{g2}> WHERE {{ ?s ?p ?o }}") == \
        sizes[g1] + sizes[g2]
    # FROM NAMED alone: an empty default graph, and only that graph for GRAPH
    assert count(client, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{g1}> WHERE {{ ?s ?p ?o }}") == 0
    client.setQuery(f"SELECT DISTINCT ?g FROM NAMED <{g2}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    assert [b["g"]["value"] for b in client.queryAndConvert()["results"]["bindings"]] == [g2]
    # FROM alone: no named graphs
    assert count(client, f"SELECT (COUNT(*) AS ?n) FROM <{g1}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == 0
    # the word in a string, a comment or a name does not name a dataset
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o BIND('FROM <x>' AS ?from) } # FROM <y>") == union


def test_protocol_dataset_is_the_whole_dataset_and_wins_over_the_query(served):
    url, (g1, g2, g3, *_), sizes = served
    only_default = wrapper(url, default=[g1])
    assert count(only_default) == sizes[g1]
    assert count(only_default, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 0
    only_named = wrapper(url, POST, named=[g1, g2])
    assert count(only_named) == 0
    assert count(only_named, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 2
    # as the W3C test query_multiple_dataset: the protocol's named graphs, the query's FROM ignored
    client = wrapper(url, POST, named=[g1, g2])
    assert count(client, f"SELECT (COUNT(*) AS ?n) FROM <{g3}> WHERE {{ ?s ?p ?o }}") == 0
    full = wrapper(url, POST, default=[g3], named=[g1, g2])
    assert count(full) == sizes[g3]
    assert count(full, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 2


def test_rdflib_sparqlstore_reads_one_graph_through_the_protocol(served):
    url, (g1, g2, *_), sizes = served
    store = SPARQLStore(url + "/sparql", returnFormat="json")
    one = Graph(store=store, identifier=URIRef(g1))
    assert len(one) == sizes[g1]  # sent as default-graph-uri
    assert len(list(one.triples((None, None, None)))) == sizes[g1]
    assert {str(r.g) for r in one.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")} == set()
    whole = Graph(store=SPARQLStore(url + "/sparql", returnFormat="json"))
    assert len(whole) > sizes[g1] + sizes[g2]


def test_dipgraph_query_honours_from_and_from_named(tmp_path):
    path = tmp_path / "store"
    build_store(path, 3)
    with Store(path) as st:
        g1, g2 = [a["graph"] for a in st.articles()][:2]
        size = len(list(st.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g1))))

    def ask(q: str) -> list[str]:
        res = CliRunner().invoke(cli_app, ["query", q, "--store", str(path), "--format", "csv"])
        assert res.exit_code == 0, res.output
        return res.stdout.split()[1:]

    assert ask(f"SELECT (COUNT(*) AS ?n) FROM <{g1}> WHERE {{ ?s ?p ?o }}") == [str(size)]
    assert int(ask(COUNT)[0]) > size
    assert ask(f"SELECT (COUNT(*) AS ?n) FROM NAMED <{g1}> WHERE {{ ?s ?p ?o }}") == ["0"]
    assert ask(f"SELECT DISTINCT ?g FROM NAMED <{g2}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == [g2]


# -- base IRI ---------------------------------------------------------------------------------------------
def test_relative_iris_resolve_against_the_request_url(served):
    url = served[0]
    client = wrapper(url)
    client.setQuery("CONSTRUCT { <s> <p> <o> } WHERE {}")
    client.setReturnFormat(TURTLE)
    g = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert set(g) == {(URIRef(f"{url}/s"), URIRef(f"{url}/p"), URIRef(f"{url}/o"))}
    status, _, body = fetch(f"{url}/sparql?" + urllib.parse.urlencode(
        {"query": "SELECT ?x WHERE { BIND(<people/1> AS ?x) }"}), headers={"Accept": "text/csv"})
    assert status == 200 and body.decode().split() == ["x", f"{url}/people/1"]


def test_base_option_sets_the_base_and_bad_base_is_refused(tmp_path):
    path = tmp_path / "store"
    build_store(path, 1)
    with running(path, "--base", "https://kg.example/dip/") as url:
        status, _, body = fetch(f"{url}/sparql?" + urllib.parse.urlencode(
            {"query": "SELECT ?x WHERE { BIND(<x> AS ?x) }"}), headers={"Accept": "text/csv"})
        assert body.decode().split() == ["x", "https://kg.example/dip/x"]
    res = subprocess.run(DIPGRAPH + ["serve", "--store", str(path), "--base", "kg.example"], capture_output=True,
                         cwd=ROOT, timeout=60)
    assert res.returncode != 0 and b"--base" in res.stderr and b"Traceback" not in res.stderr


# -- updates ------------------------------------------------------------------------------------------------
def test_an_update_reads_the_same_default_graph_as_a_query(writable):
    _, url = writable
    client = wrapper(url, POST)
    distinct = count(client, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    upd = SPARQLWrapper(url + "/sparql")
    upd.setMethod(POST)
    upd.setQuery("INSERT { GRAPH <urn:test:copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }")
    upd.query()
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:test:copy> { ?s ?p ?o } }") == distinct
    # an earlier operation's new graph is part of a later one's default graph (one request, one transaction)
    upd.setQuery("""PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        INSERT DATA { GRAPH <urn:test:docs> { <urn:test:doc> a foaf:Document } } ;
        INSERT { GRAPH <urn:test:bib> { ?s a <http://purl.org/dc/terms/BibliographicResource> } }
        WHERE { ?s a foaf:Document }""")
    upd.query()
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:test:bib> { ?s ?p ?o } }") == 1
    upd.setQuery("DROP GRAPH <urn:test:copy> ; DROP GRAPH <urn:test:docs> ; DROP GRAPH <urn:test:bib>")
    upd.query()
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }") == distinct


def test_rdflib_update_store_adds_and_removes_in_the_default_graph_and_a_named_graph(writable):
    _, url = writable
    store = SPARQLUpdateStore(query_endpoint=url + "/sparql", update_endpoint=url + "/sparql", returnFormat="json")
    ds = Dataset(store=store)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    named = ds.graph(URIRef("urn:test:people"))
    alice = URIRef("urn:test:alice")
    default.add((alice, FOAF.name, Literal("Alice")))
    named.add((alice, FOAF.knows, URIRef("urn:test:bob")))
    client = wrapper(url)
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { <urn:test:alice> ?p ?o }") == 2
    default.remove((alice, None, None))  # DELETE { s ?p ?o } WHERE { s ?p ?o }: reads the default graph
    named.remove((alice, None, None))    # WITH <g> DELETE ... WHERE ...
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { <urn:test:alice> ?p ?o }") == 0


def test_update_with_relative_iris_and_protocol_dataset(writable):
    _, url = writable
    upd = SPARQLWrapper(url + "/sparql")
    upd.setMethod(POST)
    upd.setRequestMethod(POSTDIRECTLY)
    upd.setQuery("INSERT DATA { GRAPH <graphs/rel> { <things/a> <props/b> 'c' } }")
    upd.query()
    assert count(wrapper(url), f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{url}/graphs/rel> "
                               f"{{ <{url}/things/a> <{url}/props/b> 'c' }} }}") == 1

    def post(update: str, **params) -> tuple[int, bytes]:
        qs = urllib.parse.urlencode(params, doseq=True)
        status, _, body = fetch(f"{url}/sparql?{qs}", data=update.encode(),
                                headers={"Content-Type": "application/sparql-update"})
        return status, body

    setup = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        INSERT DATA { GRAPH <urn:test:d1> { <urn:test:d1> a foaf:Document }
                      GRAPH <urn:test:d2> { <urn:test:d2> a foaf:Document } }"""
    assert post(setup)[0] == 204
    copy = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        INSERT { GRAPH <urn:test:out> { ?s a <urn:test:Seen> } } WHERE { ?s a foaf:Document }"""
    # as the W3C tests update_dataset_default_graph(s): the WHERE reads only the given graphs
    assert post(copy, **{"using-graph-uri": "urn:test:d1"})[0] == 204
    seen = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:test:out> { ?s a <urn:test:Seen> } }"
    assert count(wrapper(url), seen) == 1
    # update_dataset_named_graphs: only named graphs given, so an empty default graph
    named = """INSERT { GRAPH <urn:test:out2> { ?g a <urn:test:Graph> } } WHERE { GRAPH ?g { ?s ?p ?o } }"""
    assert post(named, **{"using-named-graph-uri": ["urn:test:d1", "urn:test:d2"]})[0] == 204
    assert count(wrapper(url), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:test:out2> { ?g ?p ?o } }") == 2
    assert post(copy, **{"using-named-graph-uri": "urn:test:d2"})[0] == 204
    assert count(wrapper(url), seen) == 1  # nothing in the (empty) default graph
    # bad_update_dataset_conflict: parameters and USING together are an error, and change nothing
    status, body = post("INSERT { GRAPH <urn:test:out> { ?s a <urn:test:Other> } } USING <urn:test:d2> "
                        "WHERE { ?s ?p ?o }", **{"using-graph-uri": "urn:test:d1"})
    assert status == 400 and b"USING" in body
    assert count(wrapper(url), "ASK { GRAPH <urn:test:out> { ?s a <urn:test:Other> } }".replace(
        "ASK", "SELECT (COUNT(*) AS ?n) WHERE")) == 0
    assert post("DROP GRAPH <urn:test:d1> ; DROP GRAPH <urn:test:d2> ; DROP GRAPH <urn:test:out> ; "
                "DROP GRAPH <urn:test:out2> ; DROP GRAPH <graphs/rel>")[0] == 204


# -- smaller points of the protocol ----------------------------------------------------------------
def test_service_description(served, writable):
    url = served[0]
    for accept in (None, "text/turtle", "*/*"):
        status, headers, body = fetch(f"{url}/sparql", headers={"Accept": accept} if accept else {})
        assert status == 200 and headers["Content-Type"].startswith("text/turtle")
        g = Graph().parse(data=body, format="turtle")
        service = g.value(predicate=SD.endpoint, object=URIRef(f"{url}/sparql"), any=False)
        assert service is not None
        assert (service, SD.feature, SD.UnionDefaultGraph) in g
        assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
        assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in g
        formats = {str(o) for o in g.objects(service, SD.resultFormat)}
        assert {"http://www.w3.org/ns/formats/SPARQL_Results_JSON", "http://www.w3.org/ns/formats/Turtle"} <= formats
    status, _, body = fetch(f"{writable[1]}/sparql", headers={"Accept": "application/n-triples"})
    g = Graph().parse(data=body, format="nt")
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) in g
    status, headers, _ = fetch(f"{url}/sparql", headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")  # the query page, by a redirect


def test_too_long_get_is_414_with_a_hint_and_the_same_query_posts(served):
    url = served[0]
    values = " ".join(f"<urn:test:{i:06d}>" for i in range(8000))
    query = f"SELECT (COUNT(?x) AS ?n) WHERE {{ VALUES ?x {{ {values} }} }}"
    status, _, body = fetch(f"{url}/sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 414 and b"POST" in body
    assert count(wrapper(url, POST), query) == 8000


def test_text_plain_gets_csv_for_a_select(served):
    url = served[0]
    q = urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s a dip:Event } ORDER BY ?s LIMIT 5"})
    status, headers, body = fetch(f"{url}/sparql?{q}", headers={"Accept": "text/plain"})
    _, _, csv = fetch(f"{url}/sparql?{q}", headers={"Accept": "text/csv"})
    assert status == 200 and body == csv and len(body.splitlines()) == 6
    client = wrapper(url)
    client.setQuery("SELECT ?s WHERE { ?s a dip:Event } ORDER BY ?s LIMIT 5")
    client.setReturnFormat(CSV)
    assert client.queryAndConvert() == csv


def test_cors_preflight_allows_the_headers_browser_clients_send(writable):
    _, url = writable
    status, headers, _ = fetch(f"{url}/sparql", method="OPTIONS", headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, x-requested-with, content-type"})
    assert status == 200
    allowed = {h.strip().lower() for h in headers["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "x-requested-with", "content-type"} <= allowed
    status, headers, _ = fetch(f"{url}/store?default", method="OPTIONS", headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "PUT"})
    assert status == 200 and "PUT" in headers["Access-Control-Allow-Methods"]
    status, _, _ = fetch(f"{url}/sparql", method="OPTIONS", headers={
        "Origin": "https://other.example", "Access-Control-Request-Method": "POST"})
    assert status == 400


# -- the Graph Store HTTP Protocol ---------------------------------------------------------------------
JOHN = """@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix v: <http://www.w3.org/2006/vcard/ns#> .
<{g}> a foaf:Person ; foaf:businessCard [ a v:VCard ; v:fn "{name}" ] .
"""
ALICE = """@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix v: <http://www.w3.org/2006/vcard/ns#> .
[] a foaf:Person ; foaf:businessCard [ a v:VCard ; v:given-name "Alice" ] .
"""


def send(url: str, method: str, body: str | bytes | None = None, ctype: str = "text/turtle; charset=utf-8",
         accept: str | None = None):
    headers = {"Content-Type": ctype} if body is not None else {}
    if accept:
        headers["Accept"] = accept
    data = body.encode() if isinstance(body, str) else body
    return fetch(url, data=data, headers=headers, method=method)


def turtle(data: bytes) -> Graph:
    return Graph().parse(data=data, format="turtle")


def test_graph_store_as_the_w3c_suite_walks_it(writable):
    _, url = writable
    person = f"{url}/store/person/1.ttl"
    # PUT - initial state, then GET of it by ?graph= with a relative IRI
    assert send(person, "PUT", JOHN.format(g=person, name="John Doe"))[0] == 201
    status, headers, body = send(f"{url}/store?graph=/store/person/1.ttl", "GET", accept="text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert isomorphic(turtle(body), turtle(JOHN.format(g=person, name="John Doe").encode()))
    # PUT - graph already in store: replaced, 204
    assert send(person, "PUT", JOHN.format(g=person, name="Jane Doe"))[0] == 204
    assert isomorphic(turtle(send(person, "GET")[2]), turtle(JOHN.format(g=person, name="Jane Doe").encode()))
    # PUT - default graph (empty before: 201), and GET of it
    assert send(f"{url}/store?default", "PUT", ALICE)[0] == 201
    assert isomorphic(turtle(send(f"{url}/store?default", "GET", accept="text/turtle")[2]), turtle(ALICE.encode()))
    # PUT - mismatched payload: 400, and nothing changes
    assert send(f"{url}/store?default", "PUT", JOHN.format(g=person, name="X"), ctype="application/rdf+xml")[0] == 400
    assert isomorphic(turtle(send(f"{url}/store?default", "GET")[2]), turtle(ALICE.encode()))
    # POST - existing graph: merged
    assert send(person, "POST", f'<{person}> <{FOAF.name}> "Jane Doe" .')[0] == 204
    # POST - multipart/form-data: each part merged
    boundary = "a6fe4cd636164618814be9f8d3d1a0de"
    parts = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{n}\"; filename=\"{n}\"\r\n"
                    f"Content-Type: text/turtle; charset=utf-8\r\n\r\n<{person}> <{FOAF[p]}> \"{v}\" .\r\n"
                    for n, p, v in (("last.ttl", "familyName", "Doe"), ("first.ttl", "givenName", "Jane")))
    assert send(person, "POST", parts + f"--{boundary}--\r\n",
                ctype=f"multipart/form-data; boundary={boundary}")[0] == 204
    got = turtle(send(person, "GET")[2])
    assert {str(o) for o in got.objects(URIRef(person), None) if isinstance(o, Literal)} == {"Jane Doe", "Doe", "Jane"}
    # HEAD on an existing graph and on a missing one
    status, headers, body = send(person, "HEAD")
    assert status == 200 and body == b"" and headers["Content-Type"].startswith("text/turtle")
    assert send(f"{url}/store/person/4.ttl", "HEAD")[0] == 404
    # POST - create new graph: 201 and its Location, which GET reads back (twice: after a no-op too)
    status, headers, _ = send(f"{url}/store", "POST", ALICE)
    assert status == 201
    new = headers["Location"]
    assert new.startswith(f"{url}/store/")
    for _ in range(2):
        status, _, body = send(new, "GET", accept="text/turtle")
        assert status == 200 and isomorphic(turtle(body), turtle(ALICE.encode()))
    # DELETE - existing graph, GET of it, and DELETE of a graph that is not there
    assert send(person, "DELETE")[0] == 204
    assert send(person, "GET")[0] == 404
    assert send(person, "DELETE")[0] == 404
    assert send(new, "DELETE")[0] == 204
    assert send(f"{url}/store?default", "DELETE")[0] == 204
    assert len(turtle(send(f"{url}/store?default", "GET")[2])) == 0


@pytest.mark.parametrize("ctype,fmt", [("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
                                       ("application/ld+json", "json-ld"), ("text/turtle", "turtle")])
def test_graph_store_formats_round_trip(writable, ctype, fmt):
    _, url = writable
    g = Graph().parse(data=ALICE, format="turtle")
    target = f"{url}/store?graph=" + urllib.parse.quote(f"urn:test:formats:{fmt}")
    assert send(target, "PUT", g.serialize(format=fmt), ctype=ctype)[0] == 201
    status, headers, body = send(target, "GET", accept=ctype)
    assert status == 200 and headers["Content-Type"].split(";")[0] == ctype
    assert isomorphic(Graph().parse(data=body, format=fmt), g)
    assert send(target, "DELETE")[0] == 204


def test_graph_store_reads_and_adds_to_the_whole_dataset(writable):
    path, url = writable
    status, headers, body = send(f"{url}/store", "GET", accept="application/n-quads")
    assert status == 200 and headers["Content-Type"].startswith("application/n-quads")
    ds = Dataset()
    ds.parse(data=body, format="nquads")
    with_articles = {str(c.identifier) for c in ds.graphs()}
    status, _, trig = send(f"{url}/store", "GET", accept="application/trig")
    ds2 = Dataset()
    ds2.parse(data=trig, format="trig")
    assert status == 200 and len(ds2) == len(ds) and with_articles <= {str(c.identifier) for c in ds2.graphs()}
    assert send(f"{url}/store", "GET", accept="text/turtle")[0] == 406  # a dataset is not one graph
    quads = "<urn:test:s> <urn:test:p> <urn:test:o> <urn:test:q1> .\n<urn:test:s> <urn:test:p> \"d\" .\n"
    assert send(f"{url}/store", "POST", quads, ctype="application/n-quads")[0] == 204
    assert count(wrapper(url), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:test:q1> { ?s ?p ?o } }") == 1
    status, _, body = send(f"{url}/store?default", "GET", accept="application/n-triples")
    assert body.decode().strip() == '<urn:test:s> <urn:test:p> "d" .'
    assert send(f"{url}/store", "PUT", quads, ctype="application/n-quads")[0] == 405
    assert send(f"{url}/store", "DELETE")[0] == 405
    assert send(f"{url}/store?graph=urn:test:q1", "PUT", quads, ctype="application/n-quads")[0] == 415
    assert send(f"{url}/store?graph=urn:test:q1", "DELETE")[0] == 204
    assert send(f"{url}/store?default", "DELETE")[0] == 204


def test_graph_store_is_read_only_without_allow_update(served):
    url, (g1, *_), sizes = served
    status, _, body = send(f"{url}/store?graph=" + urllib.parse.quote(g1), "GET", accept="application/n-triples")
    assert status == 200 and len(body.decode().strip().splitlines()) == sizes[g1]
    assert send(f"{url}/store?graph=" + urllib.parse.quote(g1), "HEAD")[0] == 200
    for method in ("PUT", "POST", "DELETE"):
        status, _, body = send(f"{url}/store?graph=" + urllib.parse.quote(g1), method,
                               ALICE if method != "DELETE" else None)
        assert status == 403 and b"--allow-update" in body
    status, _, body = send(f"{url}/store?graph=" + urllib.parse.quote(g1), "GET", accept="application/n-triples")
    assert len(body.decode().strip().splitlines()) == sizes[g1]
    assert send(f"{url}/store?graph=urn:test:none", "GET")[0] == 404
    assert send(f"{url}/store?graph=a%20b", "GET")[0] == 400
    assert send(f"{url}/store?graph=urn:x&default", "GET")[0] == 400


def test_graphs_written_by_the_graph_store_do_not_break_the_commands(tmp_path):
    """A graph that is not an article: listed nowhere as one, counted in queries, harmless to remove."""
    path = tmp_path / "store"
    build_store(path, 3)
    with Store(path) as st:
        before = st.articles()
        stats_before = st.stats()
    odd = """@prefix dip: <https://w3id.org/dipgraph/ontology#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<urn:test:e1> a dip:Event ; dip:predicate dip:met ; dip:subject "not an actor" ; dip:object <urn:test:nobody> .
<urn:test:e2> a dip:Event ; dip:subject <urn:test:x> .
<urn:test:x> foaf:name "X" ; <https://schema.org/headline> 3 .
<urn:test:e3> a dip:Event ; dip:predicate dip:met ; dip:modality "asserted" ;
    dip:subject <https://w3id.org/dipgraph/resource/country/JPN> ;
    dip:object <https://w3id.org/dipgraph/resource/country/BRA> ;
    <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:test:odd> .
"""
    with running(path, "--allow-update") as url:
        assert send(f"{url}/store?graph=urn:test:odd", "PUT", odd)[0] == 201
        assert send(f"{url}/store?default", "PUT", odd)[0] == 201
        assert send(f"{url}/store?graph=" + urllib.parse.quote(before[0]["graph"] + "-notes"), "PUT", ALICE)[0] == 201

    def cli(*args: str):
        return subprocess.run(DIPGRAPH + [*args, "--store", str(path)], capture_output=True, cwd=ROOT, timeout=300)

    res = cli("articles")
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.decode().strip().splitlines()) == len(before)
    res = cli("stats", "--json")
    assert res.returncode == 0, res.stderr
    stats = json.loads(res.stdout)
    assert stats["articles"] == stats_before["articles"] and stats["actors"] == stats_before["actors"]
    assert stats["triples"] > stats_before["triples"]
    res = subprocess.run(DIPGRAPH + ["view", "--store", str(path), "-o", str(tmp_path / "page.html")],
                         capture_output=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "page.html").stat().st_size > 1000
    res = cli("remove", "urn:test:odd")
    assert res.returncode == 1 and b"no article" in res.stderr and b"Traceback" not in res.stderr
    res = cli("remove", before[0]["id"])
    assert res.returncode == 0, res.stderr
    with Store(path) as st:
        from dipgraph.graph.projection import to_networkx

        G = to_networkx(st)
        written = [(u, v, d) for u, v, d in G.edges(data=True) if d["article_iri"] == "urn:test:odd"]
        assert [(u.rsplit("/", 1)[-1], v.rsplit("/", 1)[-1], d["predicate"]) for u, v, d in written] == \
            [("JPN", "BRA", "met")]  # the well-formed event only
        assert len(st.articles()) == len(before) - 1
        assert st.oxigraph.contains_named_graph(ox.NamedNode("urn:test:odd"))
        assert st.oxigraph.contains_named_graph(ox.NamedNode(before[0]["graph"] + "-notes"))
