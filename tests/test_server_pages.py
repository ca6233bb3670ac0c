"""What a person in a browser meets at `dipgraph serve`: the /query page's result cells and keys, and
errors at `/` (and the endpoint) as an HTML page, while programs keep plain-text errors.

A real server on a loopback port, real HTTP, and headless Chromium for the pages."""
from __future__ import annotations

import json
import urllib.parse

import pytest
from test_server import build_store, fetch, running

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
LABELS = """SELECT ?p ?label ?comment WHERE {
  ?p rdfs:subPropertyOf dip:relation ; rdfs:label ?label ; rdfs:comment ?comment } ORDER BY ?label"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "store"
    build_store(path, 4)
    with running(path, "--timeout", "20") as url:
        yield url


def sparql_json(url: str, query: str) -> dict:
    status, _, body = fetch(f"{url}/sparql?" + urllib.parse.urlencode({"query": query}),
                            headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return json.loads(body)


def table(page) -> list[list[str]]:
    return page.eval_on_selector_all("#out table tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


# -- the /query page ------------------------------------------------------------------------------------
@pytest.mark.browser
def test_query_page_shows_plain_values_and_runs_on_ctrl_enter(server, browser):
    # the answer really carries language tags: the cells must leave them out
    bindings = sparql_json(server, LABELS)["results"]["bindings"]
    assert bindings and all(b["label"].get("xml:lang") == "en" for b in bindings)

    page = browser.new_page()
    page.goto(server + "/query")
    page.fill("#query", LABELS)
    page.focus("#query")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#out table")
    rows = table(page)
    assert rows[0] == ["p", "label", "comment"] and len(rows) == len(bindings) + 1
    text = page.inner_text("#out")
    assert "@en" not in text and "^^" not in text and "xml:lang" not in text
    met = next(r for r in rows if r[1] == "met")  # the value alone, as the ontology writes it
    assert met[0] == "dip:met"  # an IRI shortened by its predeclared prefix...
    link = page.locator("#out td a", has_text="dip:met").first
    assert link.get_attribute("href") == "https://w3id.org/dipgraph/ontology#met"  # ...linking to itself
    assert page.inner_text("#status") == f"{len(bindings)} rows"

    # Cmd+Enter (Meta) runs too, and the textarea keeps no newline from the key
    from playwright.sync_api import expect

    page.fill("#query", "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }")
    page.focus("#query")
    page.keyboard.press("Meta+Enter")
    expect(page.locator("#status")).to_have_text("3 rows")  # waits (the page's CSP allows no eval)
    assert table(page)[1:] == [["1"], ["2"], ["3"]]
    assert "\n" not in page.input_value("#query")


@pytest.mark.browser
def test_query_page_cells_are_text_and_links_are_web_addresses_only(server, browser):
    page = browser.new_page()
    alerts = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    page.goto(server + "/query")
    page.fill("#query", """SELECT ?markup ?iri ?typed WHERE {
      BIND ("<img src=x onerror=alert(1)><b id='bold'>b</b>"@en AS ?markup)
      BIND (IRI("javascript:alert(2)") AS ?iri)
      BIND ("2023-03"^^xsd:gYearMonth AS ?typed) }""")
    page.focus("#query")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#out table")
    assert table(page)[1] == ["<img src=x onerror=alert(1)><b id='bold'>b</b>", "javascript:alert(2)", "2023-03"]
    assert page.locator("#out img, #out b").count() == 0  # shown as text, never made into elements
    assert page.locator("#out a").count() == 0  # not an http(s) address: no link
    assert alerts == []


# -- errors where people browse ------------------------------------------------------------------------
BAD_PAGE_REQUESTS = {
    "unknown parameter": ("/?actors=Russia", "unknown parameter 'actors'"),
    "not a number": ("/?max_nodes=many", "max_nodes must be a whole number, not 'many'"),
    "malformed escape": ("/?max_nodes=%ZZ", "max_nodes must be a whole number, not '%ZZ'"),
    "unknown relation": ("/?relation=hugged", "cannot draw that graph: unknown relation 'hugged'"),
    "bad date": ("/?since=yesterday", "cannot draw that graph: not a date: 'yesterday'"),
    "depth alone": ("/?depth=2", "depth needs actor"),
    "no such page": ("/graph", "nothing at /graph"),
}


@pytest.mark.browser
def test_a_bad_request_at_the_graph_page_is_an_html_page_in_a_browser(server, browser):
    page = browser.new_page()
    for case, (path, message) in BAD_PAGE_REQUESTS.items():
        response = page.goto(server + path)
        status = 404 if case == "no such page" else 400
        assert response.status == status, case
        assert response.headers["content-type"].startswith("text/html"), case
        assert page.title().startswith(f"dipgraph: {status}"), case
        assert page.inner_text("#message").startswith(message), (case, page.inner_text("#message"))
        assert page.locator("a[href='/']").count() == 1  # the way back
    # a message is text in the page, not markup
    page.goto(server + "/?" + urllib.parse.urlencode({"actor": "<b id='x'>Nobody</b>"}))
    assert page.locator("#message b").count() == 0 and "<b id='x'>Nobody</b>" in page.inner_text("#message")


def test_the_same_errors_stay_plain_text_for_programs(server):
    for case, (path, message) in BAD_PAGE_REQUESTS.items():
        for accept in (None, "*/*", "application/json", "application/sparql-results+json"):
            status, headers, body = fetch(server + path, headers={"Accept": accept} if accept else {})
            assert status in (400, 404) and headers["Content-Type"].startswith("text/plain"), (case, accept)
            assert body.decode().startswith(message), (case, accept)
    # a browser's form POST to the page: 405 with Allow, as a page for the browser only
    status, headers, body = fetch(server + "/", data=b"junk=1", headers={"Accept": BROWSER_ACCEPT})
    assert status == 405 and headers["Content-Type"].startswith("text/html")
    assert {m.strip() for m in headers["Allow"].split(",")} == {"GET", "HEAD"}
    assert b"POST is not accepted at /" in body
    status, headers, body = fetch(server + "/", data=b"junk=1")
    assert status == 405 and headers["Content-Type"].startswith("text/plain")


def test_endpoint_errors_are_a_page_for_a_browser_and_plain_for_sparql_clients(server):
    url = f"{server}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?a"})
    status, headers, body = fetch(url, headers={"Accept": BROWSER_ACCEPT})
    assert status == 400 and headers["Content-Type"].startswith("text/html") and b"<h1>400 Bad Request</h1>" in body
    for accept in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv"):
        status, headers, body = fetch(url, headers={"Accept": accept})
        assert status == 400 and headers["Content-Type"].startswith("text/plain"), accept
        assert b"<" not in body[:20]
