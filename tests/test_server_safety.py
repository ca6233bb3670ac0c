"""What `dipgraph serve` refuses, and how it holds up: writes, other sites' pages, other host names,
LOAD, expensive queries, slow and numerous clients, and a crash. Each test drives a real server
over HTTP on loopback (real Chromium for the cross-site page, a real kill -9 for the crash)."""
from __future__ import annotations

import contextlib
import html
import http.server
import json
import os
import re
import resource
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

import psutil
import pytest

from benchmarks.processes import stop

from test_server import DIPGRAPH, ROOT, build_store, fetch, get, post_direct, post_form, running

ARTICLE = {"text": "Russian Foreign Minister Sergey Lavrov met North Korean Foreign Minister Choe Son Hui "
                   "in Pyongyang on Thursday.", "title": "Planted by another site", "id": "planted",
           "published": "2023-10-19"}
ASK_PLANTED = "ASK { GRAPH ?g { ?g schema:identifier 'planted' } }"
ASK_INSERTED = "ASK { <urn:planted> ?p ?o }"
INSERT = "INSERT DATA { GRAPH <urn:g> { <urn:planted> rdfs:label 'planted' } }"
TRUE = b'{"head":{},"boolean":true}'
FALSE = b'{"head":{},"boolean":false}'


def ingest_body(*records: dict) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode()


def post(url: str, body: bytes, content_type: str | None, **headers):
    if content_type is not None:
        headers["Content-Type"] = content_type
    return fetch(url, data=body, headers=headers, method="POST")


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("safety") / "store"
    build_store(path, 3)
    return path


@pytest.fixture(scope="module")
def readonly(small_store):
    with running(small_store, "--timeout", "20") as url:
        yield url


# -- 1. writes --------------------------------------------------------------------------------------------
def test_a_read_only_server_refuses_every_write(readonly):
    for ctype in ("application/x-ndjson", "application/json", "text/plain", None):
        status, _, body = post(readonly + "/ingest", ingest_body(ARTICLE), ctype)
        assert status == 403, (ctype, body)
        assert b"--allow-ingest" in body
    assert post_direct(readonly, INSERT, kind="update")[0] == 403
    assert post_form(readonly, INSERT, field="update")[0] == 403
    assert get(readonly, ASK_PLANTED)[2] == FALSE
    assert get(readonly, ASK_INSERTED)[2] == FALSE
    assert json.loads(fetch(readonly + "/health")[2])["ingest"] is False


def test_dipgraph_ingest_says_to_allow_ingest_when_the_server_refuses(small_store, readonly, tmp_path):
    art = tmp_path / "one.md"
    art.write_text("---\ntitle: One\nid: one\n---\nLavrov met Choe in Pyongyang.\n")
    r = subprocess.run(DIPGRAPH + ["ingest", str(art), "--store", str(small_store)], capture_output=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode != 0
    assert b"--allow-ingest" in r.stderr and b"Traceback" not in r.stderr


@pytest.fixture(scope="module")
def attack_site():
    """A second loopback origin serving pages that try to write to the server named in their query."""
    pages = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path.split("?")[0], b"").replace(b"SERVER", urllib.parse.unquote(
                self.path.partition("?")[2]).encode())
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    ndjson = json.dumps(json.dumps(ARTICLE))
    pages["/fetch.html"] = f"""<!DOCTYPE html><title>waiting</title><script>
      const s = "SERVER", update = "update=" + encodeURIComponent({json.dumps(INSERT)});
      Promise.allSettled([
        fetch(s + "/ingest", {{method: "POST", mode: "no-cors", body: {ndjson}}}),
        fetch(s + "/ingest", {{method: "POST", mode: "no-cors", body: {ndjson},
                              headers: {{"Content-Type": "text/plain"}}}}),
        fetch(s + "/ingest", {{method: "POST", body: {ndjson}, headers: {{"Content-Type": "application/x-ndjson"}}}}),
        fetch(s + "/sparql", {{method: "POST", mode: "no-cors", body: update,
                              headers: {{"Content-Type": "application/x-www-form-urlencoded"}}}}),
        fetch(s + "/sparql", {{method: "POST", body: {json.dumps(INSERT)},
                              headers: {{"Content-Type": "application/sparql-update"}}}}),
      ]).then(r => {{ document.title = "done " + r.map(x => x.status).join(","); }});
    </script>""".encode()
    pages["/form.html"] = f"""<!DOCTYPE html><body>
      <form method="POST" action="SERVER/sparql"><input name="update" value="{html.escape(INSERT)}"></form>
      <script>document.forms[0].submit();</script></body>""".encode()
    yield f"http://localhost:{srv.server_port}"
    srv.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("flags", [(), ("--allow-update",)], ids=["default", "allow-update"])
def test_a_page_on_another_site_cannot_write_through_chromium(tmp_path, attack_site, browser, flags):
    build_store(tmp_path / "store", 2)
    with running(tmp_path / "store", "--timeout", "20", *flags) as url:
        page = browser.new_page()
        page.goto(f"{attack_site}/fetch.html?{url}")
        page.wait_for_function("document.title.startsWith('done')", timeout=60_000)
        assert get(url, ASK_PLANTED)[2] == FALSE
        page.goto(f"{attack_site}/form.html?{url}")
        page.wait_for_url(f"{url}/sparql", timeout=60_000)  # the form was sent and answered
        assert get(url, ASK_INSERTED)[2] == FALSE
        assert "may not" in page.inner_text("body")
        if flags:  # the server's own page may still write
            page.goto(url + "/query")
            status = page.evaluate("""s => fetch("/sparql", {method: "POST", body: s,
                headers: {"Content-Type": "application/sparql-update"}}).then(r => r.status)""", INSERT)
            assert status == 204
            assert get(url, ASK_INSERTED)[2] == TRUE
            assert post_direct(url, "CLEAR GRAPH <urn:g>", kind="update")[0] == 204


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    path = tmp_path_factory.mktemp("guarded") / "store"
    build_store(path, 3)
    with running(path, "--allow-update", "--timeout", "20", "--cors", "https://app.example") as url:
        yield path, url


def test_writes_from_other_origins_are_refused_and_plain_clients_pass(writable):
    _, url = writable
    for origin in ("http://evil.example", "null", url.replace("127.0.0.1", "localhost"), url + ".evil.example"):
        status, _, body = post(url + "/sparql", INSERT.encode(), "application/sparql-update", Origin=origin)
        assert status == 403, origin
        status, _, _ = post(url + "/ingest", ingest_body(ARTICLE), "application/x-ndjson", Origin=origin)
        assert status == 403, origin
    status, _, _ = post(url + "/sparql", INSERT.encode(), "application/sparql-update", **{"Sec-Fetch-Site": "cross-site"})
    assert status == 403
    assert get(url, ASK_INSERTED)[2] == FALSE
    # the server's own pages, an origin allowed with --cors, and clients that are not browsers may write
    assert post(url + "/sparql", INSERT.encode(), "application/sparql-update", Origin=url)[0] == 204
    assert post(url + "/sparql", INSERT.encode(), "application/sparql-update", Origin="https://app.example")[0] == 204
    assert post_form(url, "CLEAR GRAPH <urn:g>", field="update")[0] == 204
    # and a cross-site query by POST is refused too, while a GET is answered
    assert post(url + "/sparql", b"query=" + urllib.parse.quote(ASK_INSERTED).encode(),
                "application/x-www-form-urlencoded", Origin="http://evil.example")[0] == 403
    assert get(url, ASK_INSERTED)[0] == 200


def test_writes_need_a_type_a_simple_cross_site_request_cannot_send(writable):
    _, url = writable
    for ctype in ("text/plain", "multipart/form-data; boundary=x", None):
        status, _, body = post(url + "/ingest", ingest_body(ARTICLE), ctype)
        assert status == 415, (ctype, body)
        assert b"application/x-ndjson" in body
    assert post(url + "/sparql", INSERT.encode(), "text/plain")[0] == 415
    assert get(url, ASK_PLANTED)[2] == FALSE


def test_graph_store_writes_are_guarded_like_updates(writable):
    _, url = writable
    target = url + "/store?graph=" + urllib.parse.quote("urn:planted-graph")
    triple = b"<urn:planted> <urn:p> <urn:o> .\n"
    ask = "ASK { GRAPH <urn:planted-graph> { ?s ?p ?o } }"
    for ctype in ("text/plain", None):  # what a page of another site may send unasked
        status, _, body = fetch(target, data=triple, headers={"Content-Type": ctype} if ctype else {}, method="PUT")
        assert status == 415, (ctype, body)
    for method in ("PUT", "POST"):
        status, _, _ = fetch(target, data=triple, method=method,
                             headers={"Content-Type": "application/n-triples", "Origin": "http://evil.example"})
        assert status == 403
    assert get(url, ask)[2] == FALSE
    assert fetch(target, data=triple, headers={"Content-Type": "application/n-triples"}, method="PUT")[0] == 201
    assert fetch(target, method="DELETE", headers={"Origin": "http://evil.example"})[0] == 403
    assert get(url, ask)[2] == TRUE
    assert fetch(target, method="DELETE")[0] == 204


def host_request(url: str, host: str, method: str = "GET", path: str = "/sparql?query=" + urllib.parse.quote("ASK {}"),
                 body: bytes | None = None, headers: dict | None = None):
    """A request with a chosen Host header, as a page on a rebound domain name would send it."""
    import http.client

    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def test_other_host_names_are_refused_against_dns_rebinding(writable):
    _, url = writable
    port = urllib.parse.urlsplit(url).port
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}"):
        status, body = host_request(url, host)
        assert status == 403 and b"--allowed-host" in body, host
        status, _ = host_request(url, host, "POST", "/sparql", INSERT.encode(),
                                 {"Content-Type": "application/sparql-update", "Origin": f"http://{host}"})
        assert status == 403
    assert get(url, ASK_INSERTED)[2] == FALSE
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "10.1.2.3"):
        assert host_request(url, host)[0] == 200, host


def test_allowed_host_adds_a_name_and_cors_star_lets_pages_read_but_not_write(tmp_path):
    build_store(tmp_path / "store", 1)
    with running(tmp_path / "store", "--allowed-host", "dipgraph.lan", "--allowed-host", "graph.lan",
                 "--cors", "*", "--allow-update") as url:
        port = urllib.parse.urlsplit(url).port
        for host in (f"dipgraph.lan:{port}", "GRAPH.lan", f"localhost:{port}"):
            assert host_request(url, host)[0] == 200, host
        assert host_request(url, f"evil.example:{port}")[0] == 403
        status, headers, _ = fetch(url + "/sparql?query=" + urllib.parse.quote("ASK {}"),
                                   headers={"Origin": "http://evil.example"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
        assert post(url + "/sparql", INSERT.encode(), "application/sparql-update", Origin="http://evil.example")[0] == 403
        assert get(url, ASK_INSERTED)[2] == FALSE


def test_a_token_is_required_for_writes_when_given(tmp_path):
    path = tmp_path / "store"
    build_store(path, 2)
    art = tmp_path / "talks.md"
    art.write_text("---\ntitle: Talks\nid: token-talks\npublished: 2023-10-19\n---\n" + ARTICLE["text"] + "\n")
    with running(path, "--allow-update", "--token", "s3cret-token", "--timeout", "20") as url:
        assert json.loads(fetch(url + "/health")[2])["token"] is True
        assert post_direct(url, INSERT, kind="update")[0] == 401
        assert post(url + "/sparql", INSERT.encode(), "application/sparql-update",
                    Authorization="Bearer wrong")[0] == 401
        assert post(url + "/sparql", INSERT.encode(), "application/sparql-update",
                    Authorization="Basic czNjcmV0LXRva2Vu")[0] == 401
        assert post(url + "/ingest", ingest_body(ARTICLE), "application/x-ndjson")[0] == 401
        graph = url + "/store?graph=urn%3Atoken-graph"
        assert fetch(graph, data=b"<urn:a> <urn:b> <urn:c> .\n", method="PUT",
                     headers={"Content-Type": "application/n-triples"})[0] == 401
        assert fetch(graph, method="DELETE")[0] == 401
        assert get(url, ASK_INSERTED)[2] == FALSE
        assert get(url, "ASK { ?s ?p ?o }")[2] == TRUE  # reads need no token
        assert post(url + "/sparql", INSERT.encode(), "application/sparql-update",
                    Authorization="Bearer s3cret-token")[0] == 204
        assert get(url, ASK_INSERTED)[2] == TRUE
        # `dipgraph ingest` sends $DIPGRAPH_TOKEN
        cmd = DIPGRAPH + ["ingest", str(art), "--store", str(path)]
        r = subprocess.run(cmd, capture_output=True, cwd=ROOT, timeout=300,
                           env={k: v for k, v in os.environ.items() if k != "DIPGRAPH_TOKEN"})
        assert r.returncode != 0 and b"token" in r.stderr and b"Traceback" not in r.stderr
        r = subprocess.run(cmd, capture_output=True, cwd=ROOT, timeout=300,
                           env={**os.environ, "DIPGRAPH_TOKEN": "s3cret-token"})
        assert r.returncode == 0, r.stderr.decode()
        assert get(url, "ASK { GRAPH ?g { ?g schema:identifier 'token-talks' } }")[2] == TRUE


def test_allow_ingest_takes_articles_from_this_machine_but_no_update(tmp_path):
    path = tmp_path / "store"
    build_store(path, 2)
    art = tmp_path / "talks.md"
    art.write_text("---\ntitle: Talks\nid: local-talks\npublished: 2023-10-19\n---\n" + ARTICLE["text"] + "\n")
    with running(path, "--allow-ingest", "--timeout", "20") as url:
        r = subprocess.run(DIPGRAPH + ["ingest", str(art), "--store", str(path)], capture_output=True,
                           cwd=ROOT, timeout=300)
        assert r.returncode == 0, r.stderr.decode()
        assert b"sent to the server" in r.stdout
        assert get(url, "ASK { GRAPH ?g { ?g schema:identifier 'local-talks' } }")[2] == TRUE
        assert post_direct(url, INSERT, kind="update")[0] == 403
        assert post(url + "/ingest", ingest_body(ARTICLE), "text/plain")[0] == 415


# -- 6. LOAD ----------------------------------------------------------------------------------------------
@pytest.fixture
def document_site():
    """A local web server with a Turtle document, a redirect to another local address, and a log."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            if self.path.startswith("/redirect"):
                self.send_response(302)
                self.send_header("Location", self.path.partition("?")[2])
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle")
            self.end_headers()
            self.wfile.write(b"<urn:loaded> <urn:from> <urn:intranet> .\n")

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}", hits
    srv.shutdown()


LOADS = [
    "LOAD <{u}/doc.ttl>",
    "load silent <{u}/doc.ttl> into graph <urn:g>",
    "\\u004cOAD <{u}/doc.ttl>",
    "PREFIX site: <{u}/>\nLOAD site:doc.ttl",
    "INSERT DATA {{ <urn:a> <urn:b> 'c' }} ; LOAD <{u}/doc.ttl>",
    "# LOAD in a comment first\nLOAD <{u}/doc.ttl>",
]


def test_load_is_refused_and_nothing_is_fetched(writable, document_site):
    _, url = writable
    site, hits = document_site
    for template in LOADS:
        update = template.format(u=site)
        for send in (post_direct, post_form):
            status, _, body = send(url, update, **({"kind": "update"} if send is post_direct else {"field": "update"}))
            assert status == 403, (update, body)
            assert b"LOAD" in body and b"--allow-load" in body
    assert hits == []
    assert get(url, "ASK { <urn:loaded> ?p ?o }")[2] == FALSE
    assert get(url, "ASK { <urn:a> ?p ?o }")[2] == FALSE


def test_allowed_load_still_never_fetches_from_this_machine_or_a_private_network(tmp_path, document_site):
    site, hits = document_site
    port = urllib.parse.urlsplit(site).port
    path = tmp_path / "store"
    build_store(path, 1)
    with running(path, "--allow-update", "--allow-load", "--timeout", "20") as url:
        for target in (f"{site}/doc.ttl", f"http://localhost:{port}/doc.ttl", f"http://[::1]:{port}/doc.ttl",
                       f"http://[::ffff:127.0.0.1]:{port}/doc.ttl", f"http://2130706433:{port}/doc.ttl",
                       "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/doc.ttl",
                       "http://192.168.1.1/doc.ttl", "file:///etc/passwd"):
            status, _, body = post_direct(url, f"LOAD <{target}>", kind="update")
            assert status == 403, (target, body)
            status, _, body = post_direct(url, f"LOAD SILENT <{target}>", kind="update")
            assert status == 403, (target, body)
        assert post_direct(url, f"INSERT DATA {{ <urn:a> <urn:b> 'c' }} ; LOAD <{site}/doc.ttl>", kind="update")[0] == 400
    assert hits == []


def test_load_checks_every_address_and_every_redirect(document_site):
    """The fetch LOAD uses, with loopback let through in place of the public internet, which the
    tests cannot reach: the document is fetched, and a redirect to a refused address is refused."""
    from dipgraph.graph.load import LoadRefused, LoadRequest, fetch_all

    site, hits = document_site
    only_this = lambda address: address == "127.0.0.1"  # noqa: E731
    docs = fetch_all([LoadRequest(f"{site}/doc.ttl", "urn:g")], timeout=10, max_bytes=10_000, allowed=only_this)
    assert [(d.url, d.data) for d in docs] == [(f"{site}/doc.ttl", b"<urn:loaded> <urn:from> <urn:intranet> .\n")]
    port = urllib.parse.urlsplit(site).port
    with pytest.raises(LoadRefused):
        fetch_all([LoadRequest(f"{site}/redirect?http://127.0.0.2:{port}/doc.ttl")], timeout=10,
                  max_bytes=10_000, allowed=only_this)
    assert hits == ["/doc.ttl", f"/redirect?http://127.0.0.2:{port}/doc.ttl"]
    with pytest.raises(LoadRefused):  # a SILENT load is silent about failures, not about refusals
        fetch_all([LoadRequest(f"http://127.0.0.2:{port}/doc.ttl", silent=True)], timeout=10, max_bytes=10_000,
                  allowed=only_this)


@pytest.mark.parametrize("address,public", [
    ("8.8.8.8", True), ("2606:4700:4700::1111", True), ("127.0.0.1", False), ("127.8.9.10", False),
    ("::1", False), ("10.0.0.1", False), ("172.16.5.4", False), ("192.168.0.1", False), ("169.254.169.254", False),
    ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.251", False), ("fe80::1", False), ("fd00::1", False),
    ("::ffff:127.0.0.1", False), ("::ffff:8.8.8.8", True), ("64:ff9b::a00:1", False), ("2002:c0a8:101::", False),
])
def test_public_addresses(address, public):
    from dipgraph.graph.load import is_public

    assert is_public(address) is public


@pytest.mark.parametrize("text,found", [
    ("LOAD <http://x/>", True), ("load silent <http://x/>", True), ("\\u004cOAD <http://x/>", True),
    ("INSERT DATA { <urn:load> <urn:p> 'LOAD <http://x/>' }", False), ("INSERT DATA { <urn:a> ex:load ?load }", False),
    ("# LOAD <http://x/>\nCLEAR ALL", False), ("CLEAR ALL ;LOAD <http://x/>", True),
])
def test_load_detection(text, found):
    from dipgraph.graph.load import uses_load

    assert uses_load(text) is found


# -- 7. expensive queries ---------------------------------------------------------------------------------
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }"


def health(url: str) -> dict:
    return json.loads(fetch(url + "/health")[2])


def wait_until(check, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {seconds} s for {what}")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "store"
    build_store(path, 40)  # enough triples for a cross product that never ends
    return path


@pytest.mark.slow
def test_a_cheap_query_is_answered_while_two_expensive_ones_run(big_store):
    # a timeout far longer than the test, so that the expensive queries surely run all through it
    with running(big_store, "--workers", "2", "--timeout", "300") as url:
        answers = []

        def expensive():
            with contextlib.suppress(OSError):  # the connection drops when the server stops
                answers.append(get(url, ENDLESS))

        threads = [threading.Thread(target=expensive, daemon=True) for _ in range(2)]
        for t in threads:
            t.start()
        wait_until(lambda: health(url)["busy"] >= 2, "both expensive queries to run")
        status, _, body = get(url, COUNT_ARTICLES, "text/csv")
        assert status == 200 and body.split() == [b"n", b"40"]
        assert answers == [], "the cheap query waited for an expensive one to end"
        # a third expensive query takes the short-query worker for a moment, then waits its turn
        threads.append(threading.Thread(target=expensive, daemon=True))
        threads[-1].start()
        for _ in range(5):
            assert get(url, COUNT_ARTICLES, "text/csv")[2].split() == [b"n", b"40"]
        assert answers == [] and all(t.is_alive() for t in threads)
        assert health(url)["workers"] == 2


# -- 5. slow and numerous clients -------------------------------------------------------------------------
@contextlib.contextmanager
def serving(store: Path, *args: str, open_files: int | None = None, umask: int | None = None):
    """`dipgraph serve` with its standard error in a file of its own; yields (url, process, log path)."""
    info = store / "server.json"
    with contextlib.suppress(FileNotFoundError):
        info.unlink()
    log = store.parent / f"serve-{time.monotonic_ns()}.err"

    def limits():
        if open_files is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))
        if umask is not None:
            os.umask(umask)

    with open(log, "wb") as err:
        proc = subprocess.Popen(DIPGRAPH + ["serve", "--store", str(store), "--port", "0", *args],
                                stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT, preexec_fn=limits)
    try:
        url = None

        def started() -> bool:
            nonlocal url
            assert proc.poll() is None, log.read_text()
            with contextlib.suppress(OSError, ValueError, KeyError):
                url = json.loads(info.read_text())["url"]
                return fetch(url + "/health")[0] == 200
            return False

        wait_until(started, "the server to start")
        yield url, proc, log
    finally:
        stop(proc)


def slow_connection(url: str, first: bytes = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n") -> socket.socket:
    parts = urllib.parse.urlsplit(url)
    s = socket.create_connection((parts.hostname, parts.port), timeout=60)
    s.sendall(first)
    return s


def closed_by_server(s: socket.socket) -> bool:
    """Wait (up to the socket's timeout) for the server to end a connection that sent no full request."""
    try:
        return s.recv(1024) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


@pytest.mark.slow
def test_many_slow_connections_do_not_shut_out_other_clients(tmp_path):
    build_store(tmp_path / "store", 3)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1400:
        pytest.skip("this test opens 1,100 connections and may not open that many files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1400) if hard == resource.RLIM_INFINITY else hard, hard))
    try:
        with serving(tmp_path / "store", "--client-timeout", "120", open_files=1024) as (url, proc, log):
            slow = [slow_connection(url) for _ in range(1100)]  # more than the server may open files
            status, _, body = fetch(url + "/health")
            assert status == 200 and json.loads(body)["status"] == "ok"
            assert get(url, COUNT_ARTICLES, "text/csv")[2].split() == [b"n", b"3"]
            for s in slow:
                s.close()
            proc.terminate()
            proc.wait(30)
            text = log.read_text()
            assert "Too many open files" not in text and "Traceback" not in text
            lines = text.splitlines()
            assert len(lines) < 100 and len(text) < 20_000, text  # a few lines per 10 s, not one per connection
            assert any("closed to make room" in line for line in lines)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_slow_headers_and_bodies_are_cut_off_and_logged_once(tmp_path):
    build_store(tmp_path / "store", 1)
    with serving(tmp_path / "store", "--client-timeout", "1") as (url, proc, log):
        heads = [slow_connection(url) for _ in range(20)]
        for s in heads:
            with contextlib.suppress(OSError):  # (the server may have closed it already)
                s.sendall(b"X-Slow: 1\r\n")
        assert all(closed_by_server(s) for s in heads)
        body = slow_connection(url, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
                                    b"Content-Type: application/sparql-query\r\n\r\nSELECT")
        assert closed_by_server(body)  # six client timeouts for a body
        assert fetch(url + "/health")[0] == 200
        proc.terminate()
        proc.wait(30)
        lines = log.read_text().splitlines()
        heads_lines = [line for line in lines if "request headers" in line]
        counted = sum(int(m[1]) if (m := re.search(r"(\d+) more like this", line)) else 1 for line in heads_lines)
        assert counted == 20 and len(heads_lines) < 20, lines  # all counted, not each told
        assert sum("request body" in line for line in lines) == 1
        assert "Traceback" not in log.read_text()


def test_a_client_that_reads_nothing_of_its_answer_is_cut_off(big_store):
    with serving(big_store, "--client-timeout", "2", "--max-rows", "50000", "--timeout", "120") as (url, proc, log):
        parts = urllib.parse.urlsplit(url)
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a client that reads nothing
        s.connect((parts.hostname, parts.port))
        q = urllib.parse.quote("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 50000")  # tens of MB
        s.sendall(f"GET /sparql?query={q} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        wait_until(lambda: "read too little of its answer" in log.read_text(), "the server to give up", 120)
        assert fetch(url + "/health")[0] == 200
        s.close()
        # a client reading the same answer at a modest pace gets all of it, however long that takes
        s = socket.create_connection((parts.hostname, parts.port), timeout=60)
        s.sendall(f"GET /sparql?query={q} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        started = time.monotonic()
        while chunk := s.recv(65536):
            data += chunk
            time.sleep(0.01)
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        assert len(body) == length > 10_000_000
        assert time.monotonic() - started > 2  # longer than the client timeout, yet not cut off


# -- 13. permissions, disclosure, a crash -----------------------------------------------------------------
def loose(folder: Path) -> list[str]:
    """Everything under ``folder`` (itself included) that group or others may read, write or enter."""
    found = []
    below = [Path(root, name) for root, dirs, files in os.walk(folder) for name in dirs + files]
    for p in [folder, *below]:  # (os.walk passes over folders the store removes meanwhile)
        try:
            mode = p.lstat().st_mode
        except FileNotFoundError:  # the store removed it meanwhile
            continue
        if not p.is_symlink() and mode & 0o077:
            found.append(f"{p.relative_to(folder.parent)} {oct(mode & 0o777)}")
    return found


def run_cli(*args: str, umask: int = 0o022, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(DIPGRAPH + list(args), capture_output=True, cwd=ROOT, timeout=600,
                          preexec_fn=lambda: os.umask(umask), env={**os.environ, **(env or {})})


def test_a_new_store_and_what_the_server_writes_are_for_the_owner_only(tmp_path, samples_dir):
    store = tmp_path / "private"
    samples = sorted(samples_dir.glob("*.md"))
    r = run_cli("ingest", *map(str, samples[:2]), "--store", str(store))
    assert r.returncode == 0, r.stderr.decode()
    assert store.stat().st_mode & 0o777 == 0o700
    assert loose(store) == []
    with serving(store, "--allow-ingest", umask=0o022) as (url, proc, log):
        assert (store / "server.json").stat().st_mode & 0o777 == 0o600
        r = run_cli("ingest", str(samples[2]), "--store", str(store))
        assert r.returncode == 0 and b"sent to the server" in r.stdout, r.stderr.decode()
        assert loose(store) == []  # the write's new files and the snapshot folders too
    assert loose(store) == []


def test_a_store_folder_made_beforehand_keeps_its_permissions(tmp_path, samples_dir):
    store = tmp_path / "shared"
    store.mkdir()
    store.chmod(0o750)
    r = run_cli("ingest", str(sorted(samples_dir.glob("*.md"))[0]), "--store", str(store))
    assert r.returncode == 0, r.stderr.decode()
    assert store.stat().st_mode & 0o777 == 0o750
    assert (store / "dipgraph-store.json").stat().st_mode & 0o777 == 0o644  # the umask's choice


def test_health_does_not_tell_where_the_store_is(readonly, small_store):
    status, _, body = fetch(readonly + "/health")
    assert status == 200
    assert str(small_store.resolve()).encode() not in body
    assert small_store.parent.name.encode() not in body
    assert json.loads(body)["status"] == "ok"


def test_after_kill_9_no_worker_runs_on_and_the_next_start_cleans_up(big_store):
    with serving(big_store, "--workers", "2", "--timeout", "600") as (url, proc, log):
        workers = psutil.Process(proc.pid).children()  # the query workers
        assert workers
        def endless():
            with contextlib.suppress(OSError):  # the connection drops when the server dies
                get(url, ENDLESS)

        for _ in range(2):
            threading.Thread(target=endless, daemon=True).start()
        wait_until(lambda: health(url)["busy"] >= 2, "the queries to run")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        gone, alive = psutil.wait_procs(workers, timeout=30)
        assert alive == [], "query workers kept running after the server died"
        left = {p.name for p in (big_store / "serve-snapshots").iterdir()}
        assert (big_store / "server.json").exists() and left
        stale = json.loads((big_store / "server.json").read_text())
    # the next start replaces both
    with serving(big_store) as (url, proc, log):
        info = json.loads((big_store / "server.json").read_text())
        assert info["pid"] == proc.pid != stale["pid"] and info["instance"] != stale["instance"]
        assert health(url)["instance"] == info["instance"]
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    # and so does any command that opens the store
    r = run_cli("articles", "--store", str(big_store))
    assert r.returncode == 0, r.stderr.decode()
    assert not (big_store / "server.json").exists() and not (big_store / "serve-snapshots").exists()
    r = run_cli("stats", "--store", str(big_store))
    assert r.returncode == 0 and b"articles: 40" in r.stdout
