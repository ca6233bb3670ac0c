"""A SPARQL 1.1 server as the store: a real Oxigraph server on loopback gives the same answers as the
embedded store for ingest, query and remove."""
from __future__ import annotations

import base64
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks.processes import stop

from dipgraph.graph.interface import GraphStore
from dipgraph.graph.query import QueryError, format_result, run_query
from dipgraph.graph.records import Actor, Article, Event, Extraction, Mention, Role
from dipgraph.graph.remote import RemoteStore, endpoints
from dipgraph.graph.store import StoreError

ROOT = Path(__file__).resolve().parent.parent

RUS = Actor("country", "Russia", code="RUS", wikidata="Q159")
PRK = Actor("country", "North Korea", code="PRK")
CHN = Actor("country", "China", code="CHN")
USA = Actor("country", "United States", code="USA")
UN = Actor("organisation", "United Nations", org_kind="intergovernmental")
LAVROV = Actor("person", "Sergey Lavrov")
CHOE = Actor("person", "Choe Son Hui")
WANG = Actor("person", "Wang Yi")


def _event(pred, s, o, sentence, start, **kw):
    return Event(predicate=pred, subject=s, object=o, sentence=sentence, start=start,
                 end=start + len(sentence), extractor="hand", **kw)


def extractions() -> list[Extraction]:
    """Three articles sharing actors, with events of several modalities, roles and names."""
    a1 = Article(text="Lavrov met Choe in Pyongyang. Russia and North Korea signed an accord.",
                 title="Lavrov in Pyongyang", id="lavrov-pyongyang", published=date(2023, 10, 19),
                 url="https://example.org/news/lavrov-pyongyang", source="Example News")
    a2 = Article(text="Wang Yi met Lavrov. China criticized the United States.",
                 title="Wang and Lavrov", id="wang-lavrov", published=date(2024, 4, 9))
    a3 = Article(text="The United Nations urged North Korea to stop. Russia may aid North Korea.",
                 title="UN appeal", url="https://example.org/news/un-appeal")
    return [
        Extraction(
            article=a1,
            events=(
                _event("met", LAVROV, CHOE, "Lavrov met Choe in Pyongyang.", 0, date="2023-10-19",
                       place="Pyongyang"),
                _event("signedAgreementWith", RUS, PRK, "Russia and North Korea signed an accord.", 30,
                       date="2023-10"),
            ),
            roles=(Role(LAVROV, RUS, "Foreign Minister"), Role(CHOE, PRK, "Foreign Minister")),
            mentions=(Mention(LAVROV, "Lavrov", 0, 6), Mention(CHOE, "Choe", 11, 15),
                      Mention(PRK, "North Korea", 40, 51)),
        ),
        Extraction(
            article=a2,
            events=(
                _event("met", WANG, LAVROV, "Wang Yi met Lavrov.", 0, date="2024-04-09"),
                _event("criticized", CHN, USA, "China criticized the United States.", 20,
                       modality="reported", claimed_by=CHN, confidence=0.7),
            ),
            roles=(Role(WANG, CHN, "Foreign Minister"),),
            mentions=(Mention(WANG, "Wang Yi", 0, 7), Mention(USA, "the United States", 38, 55)),
        ),
        Extraction(
            article=a3,
            events=(
                _event("urged", UN, PRK, "The United Nations urged North Korea to stop.", 0, date="2024"),
                _event("aided", RUS, PRK, "Russia may aid North Korea.", 46, modality="hedged"),
            ),
        ),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _start_server(location: Path, *, union: bool = True):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` command (pip package oxigraph) is not installed")
    port = _free_port()
    cmd = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union:
        cmd.append("--union-default-graph")
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as exc:
        pytest.skip(f"the oxigraph server cannot run here: {exc}")
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace")
            pytest.skip(f"the oxigraph server exited at start: {err.strip()[:300]}")
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("the oxigraph server did not answer within 30 s")
            time.sleep(0.1)
    return proc, url


def _stop(proc) -> None:
    stop(proc)
    proc.stderr.close()


@pytest.fixture
def server(tmp_path):
    """A real Oxigraph server with union default graph on a free loopback port; yields its URL."""
    proc, url = _start_server(tmp_path / "server-data")
    yield url
    _stop(proc)


@pytest.fixture
def remote(server):
    st = RemoteStore(server)
    yield st
    st.close()


def quads(st) -> set[str]:
    """Every quad of a store as N-Quads lines, so two stores can be compared exactly."""
    buf = __import__("io").BytesIO()
    st.export("nquads", buf)
    return set(buf.getvalue().decode("utf-8").splitlines())


QUERIES = [
    "SELECT ?a ?b ?d WHERE { ?e dip:predicate dip:met ; dip:subject ?a ; dip:object ?b ; dip:date ?d } ORDER BY ?d",
    "SELECT ?s ?p ?o WHERE { ?p rdfs:subPropertyOf dip:relation . ?s ?p ?o } ORDER BY ?s ?p ?o",
    "SELECT ?who ?label WHERE { ?who dip:represents res:country\\/RUS ; rdfs:label ?label } ORDER BY ?who",
    "SELECT ?m (COUNT(?e) AS ?n) WHERE { ?e dip:modality ?m } GROUP BY ?m ORDER BY ?m",
    "ASK { res:country\\/RUS dip:signedAgreementWith res:country\\/PRK }",
    "CONSTRUCT { ?a dip:met ?b } WHERE { ?a dip:met ?b }",
]


def _answers(st, q: str) -> bytes:
    res = run_query(st, q)
    fmt = "ntriples" if q.startswith("CONSTRUCT") else "csv"
    out = format_result(res, fmt)
    if fmt == "ntriples":
        return b"\n".join(sorted(out.splitlines()))
    return out


def test_ingest_gives_the_same_quads_and_answers_as_the_embedded_store(store, remote):
    for ex in extractions():
        assert store.put(ex) == remote.put(ex) == "added"
    assert quads(remote) == quads(store)
    assert len(remote) == len(store)
    assert remote.articles() == store.articles()
    assert remote.stats() == store.stats()
    for q in QUERIES:
        assert _answers(remote, q) == _answers(store, q), q
    assert remote.article_hash("wang-lavrov") == store.article_hash("wang-lavrov")


def test_reingest_and_remove_match_the_embedded_store(store, remote):
    exs = extractions()
    for ex in exs:
        store.put(ex)
        remote.put(ex)
    assert remote.put(exs[0]) == store.put(exs[0]) == "unchanged"
    assert remote.put_many(exs) == store.put_many(exs) == ["unchanged"] * 3
    assert isinstance(remote, GraphStore) and isinstance(store, GraphStore)
    changed = Extraction(article=Article(text=exs[1].article.text + " More.", title="Wang and Lavrov",
                                         id="wang-lavrov", published=date(2024, 4, 9)),
                         events=exs[1].events[:1])
    assert remote.put(changed) == store.put(changed) == "replaced"
    assert quads(remote) == quads(store)

    # by url, then by id: the counts and what remains are the same
    assert remote.remove("https://example.org/news/un-appeal") == store.remove("https://example.org/news/un-appeal")
    assert remote.remove("lavrov-pyongyang") == store.remove("lavrov-pyongyang")
    assert quads(remote) == quads(store)
    assert remote.stats() == store.stats()
    with pytest.raises(KeyError):
        remote.remove("lavrov-pyongyang")
    # the United Nations and Choe were only in removed articles: gone from the actors graph too
    assert not bool(remote.query("ASK { res:person\\/choe-son-hui ?p ?o }"))
    assert bool(remote.query("ASK { res:person\\/wang-yi rdfs:label ?l }"))


def test_export_formats_match(store, remote):
    for ex in extractions():
        store.put(ex)
        remote.put(ex)
    for fmt in ("ntriples", "nquads"):
        a, b = __import__("io").BytesIO(), __import__("io").BytesIO()
        store.export(fmt, a)
        remote.export(fmt, b)
        assert sorted(a.getvalue().splitlines()) == sorted(b.getvalue().splitlines())


def test_bad_sparql_is_one_clear_error_at_the_same_place(store, remote):
    bad = "SELECT ?x WHERE {\n  ?x dip:met ) }\n"
    with pytest.raises(QueryError) as here:
        run_query(store, bad)
    with pytest.raises(QueryError) as there:
        run_query(remote, bad)
    assert str(there.value).startswith("SPARQL error")
    assert "line 2: ?x dip:met ) }" in str(there.value)  # counted in the user's query, not after the prefixes
    assert (there.value.line, there.value.column) == (here.value.line, here.value.column)


def test_server_without_union_default_graph_still_sees_all_graphs(tmp_path, store):
    proc, url = _start_server(tmp_path / "plain", union=False)
    try:
        remote = RemoteStore(url)
        for ex in extractions():
            store.put(ex)
            remote.put(ex)
        for q in QUERIES:
            assert _answers(remote, q) == _answers(store, q), q
    finally:
        _stop(proc)


def test_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{_free_port()}")


class _AnswersYes(http.server.BaseHTTPRequestHandler):
    """A loopback endpoint answering every query "true", noting the credentials it was sent."""

    seen: list = []

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).seen.append(self.headers.get("Authorization"))
        body = b'{"head": {}, "boolean": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_credentials_in_the_url_are_sent_and_never_shown():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AnswersYes)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        st = RemoteStore(f"http://reader:s%3Acret@127.0.0.1:{srv.server_port}/ds")
        st.close()
    finally:
        srv.shutdown()
        srv.server_close()
    assert st.url == f"http://127.0.0.1:{srv.server_port}/ds" and st.query_url == st.url + "/query"
    assert _AnswersYes.seen and set(_AnswersYes.seen) == {"Basic " + base64.b64encode(b"reader:s:cret").decode()}
    with pytest.raises(StoreError) as info:
        RemoteStore(f"http://reader:s%3Acret@127.0.0.1:{_free_port()}/ds")
    assert "cannot reach" in str(info.value) and "cret" not in str(info.value)


def test_endpoint_conventions():
    assert endpoints("http://h:7878") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h:3030/ds/") == ("http://h:3030/ds/query", "http://h:3030/ds/update")
    assert endpoints("http://h:3030/ds/query") == ("http://h:3030/ds/query", "http://h:3030/ds/update")
    assert endpoints("http://h:8890/sparql") == ("http://h:8890/sparql", "http://h:8890/sparql")
    assert endpoints("http://h:3030/ds", "http://h:3030/ds/write") == ("http://h:3030/ds/query", "http://h:3030/ds/write")


def _cli(*args, input_text=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DIPGRAPH_STORE", None)
    return subprocess.run([sys.executable, "-m", "dipgraph.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, input=input_text, timeout=120)


def test_cli_ingest_query_remove_on_a_server(tmp_path, server):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.md").write_text("---\nid: one\ntitle: Talks\npublished: 2023-10-19\n---\n"
                                   "Russian Foreign Minister Sergey Lavrov met Choe Son Hui in Pyongyang.\n")
    (corpus / "two.txt").write_text("China and Russia signed an agreement on trade on Monday.\n")
    local = tmp_path / "local-store"
    for target in (server, str(local)):
        r = _cli("ingest", str(corpus), "--store", target)
        assert r.returncode == 0, r.stderr
        assert "2 added" in r.stdout
    q = "SELECT ?id ?title WHERE { ?g schema:identifier ?id ; schema:headline ?title } ORDER BY ?id"
    remote_out = _cli("query", q, "--store", server, "--format", "csv")
    local_out = _cli("query", q, "--store", str(local), "--format", "csv")
    assert remote_out.returncode == 0, remote_out.stderr
    assert remote_out.stdout == local_out.stdout
    assert "one,Talks" in remote_out.stdout

    assert _cli("stats", "--store", server, "--json").stdout == _cli("stats", "--store", str(local), "--json").stdout
    r = _cli("remove", "one", "--store", server)
    assert r.returncode == 0 and r.stdout == _cli("remove", "one", "--store", str(local)).stdout
    assert _cli("articles", "--store", server).stdout == _cli("articles", "--store", str(local)).stdout

    bad = _cli("query", "SELECT WHERE {", "--store", server)
    assert bad.returncode == 1 and "SPARQL error" in bad.stderr and "Traceback" not in bad.stderr
    gone = _cli("stats", "--store", f"http://127.0.0.1:{_free_port()}")
    assert gone.returncode == 2 and "cannot reach" in gone.stderr and "Traceback" not in gone.stderr


def test_ontology_is_loaded_once(remote, server):
    n = len(remote)
    again = RemoteStore(server)
    assert len(again) == n > 0
    assert bool(again.query("ASK { dip:met rdfs:subPropertyOf dip:relation }"))
    assert isinstance(again.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), ox.QuerySolutions)
