"""The seed article end to end: ingest it with the command line, then ask the store what a reader
of the article would check; and the scores of extraction on the seed, the samples and a held-out set."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dipgraph.graph.records import Article
from dipgraph.graph.store import Store
from dipgraph.ingest.evaluate import Report, evaluate, gold_files, pair_with_gold
from dipgraph.ingest.pipeline import Extractor
from dipgraph.ingest.read import read_paths

ROOT = Path(__file__).resolve().parent.parent
DIPGRAPH = [sys.executable, "-m", "dipgraph.cli"]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_dir):
    path = tmp_path_factory.mktemp("seed") / "store"
    run = subprocess.run(DIPGRAPH + ["ingest", str(seed_dir), "--store", str(path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "1 added" in run.stdout
    st = Store(path)
    yield st
    st.close()


def select(store, q):
    return [{k: (row[k].value if row[k] is not None else None) for k in [v.value for v in res.variables]}
            for res in [store.query(q)] for row in res]


def test_lavrov_met_choe_on_the_day_with_the_sentence(seed_store):
    rows = select(seed_store, """
        SELECT ?date ?sentence ?start ?end ?m WHERE {
          ?e a dip:MetEvent ; dip:subject ?s ; dip:object ?o ; dip:date ?date ; dip:sentence ?sentence ;
             dip:charStart ?start ; dip:charEnd ?end ; dip:modality ?m .
          { ?s rdfs:label "Sergey Lavrov" } UNION { ?o rdfs:label "Sergey Lavrov" }
          { ?s skos:altLabel "Choe Sun-hui" } UNION { ?o skos:altLabel "Choe Sun-hui" } }""")
    assert rows, "no meeting between Lavrov and Choe"
    row = rows[0]
    assert row["date"] == "2023-10-19"
    assert row["m"] == "asserted"
    assert "his meeting with his North Korean counterpart Choe Sun-hui" in row["sentence"]
    assert int(row["end"]) - int(row["start"]) == len(row["sentence"])


@pytest.mark.parametrize("subject,predicate,obj,when", [
    ("Sergey Lavrov", "visited", "North Korea", "2023-10-18"),
    ("Soviet Union", "recognized", "North Korea", "1948-10-12"),
    ("Vladimir Putin", "met", "Kim Jong Un", "2023-09-13"),
])
def test_dated_relations(seed_store, subject, predicate, obj, when):
    rows = select(seed_store, f"""
        SELECT ?date WHERE {{ ?e dip:predicate dip:{predicate} ; dip:subject ?s ; dip:object ?o ; dip:date ?date .
          ?s rdfs:label "{subject}" . ?o rdfs:label "{obj}" }}""")
    assert when in {r["date"] for r in rows}


def test_direct_triples_and_roles(seed_store):
    ask = seed_store.query("ASK { res:country\\/PRK dip:suppliedArmsTo res:country\\/RUS }")
    assert bool(ask)
    claimed = select(seed_store, """SELECT ?m ?who WHERE { ?e dip:predicate dip:suppliedArmsTo ;
        dip:modality ?m ; dip:claimedBy ?c . ?c rdfs:label ?who }""")
    assert claimed == [{"m": "reported", "who": "United States"}]
    roles = {(r["p"], r["c"]) for r in select(seed_store, """SELECT ?p ?c WHERE {
        ?x dip:represents ?y . ?x rdfs:label ?p . ?y rdfs:label ?c }""")}
    assert ("Sergey Lavrov", "Russia") in roles
    assert ("Choe Son Hui", "North Korea") in roles or ("Choe Sun-hui", "North Korea") in roles


def _report(paths, gold_dir) -> Report:
    """Scores as `dipgraph evaluate` computes them: the same pairing of articles with gold files."""
    arts = [a for a in read_paths(paths) if isinstance(a, Article)]
    pairs, unpaired = pair_with_gold(arts, gold_files([gold_dir]))
    assert pairs and not unpaired, "every article has its gold file"
    return evaluate(pairs, Extractor())


def test_seed_scores(seed_dir):
    t = _report([seed_dir], seed_dir).total
    p, r, _ = t.prf()
    assert r == 1.0, t.misses
    assert p >= 0.9, t.false
    assert t.dates_right == t.dates_checked


def test_sample_scores_do_not_fall():
    """A floor under the scores on the samples the rules were developed on."""
    t = _report([ROOT / "data" / "samples"], ROOT / "data" / "samples").total
    p, r, _ = t.prf()
    assert p >= 0.93
    assert r >= 0.78


def test_real_news_scores_do_not_fall(realnews_dir):
    """Floors just under today's scores on real news (28 articles from three sources with their
    gold relations), overall, between actors and for roles."""
    t = _report(sorted(realnews_dir.glob("*.txt")), realnews_dir).total
    p, r, _ = t.prf()
    assert p >= 0.95 and r >= 0.85
    between = (set(t.required) | set(t.tp) | set(t.fp)) - {"represents"}
    p, r, _ = t.prf(among=between)
    assert p >= 0.95 and r >= 0.8
    p, r, _ = t.prf("represents")
    assert p >= 0.95 and r >= 0.9


def test_heldout_precision():
    """Articles written for the project and looked at while developing: precision holds."""
    t = _report([ROOT / "tests" / "data" / "heldout"], ROOT / "tests" / "data" / "heldout").total
    p, r, _ = t.prf()
    assert p >= 0.9
    assert r >= 0.65


def test_wire_heldout_scores():
    """Wire-style articles in the seed's format (text, metadata beside it, gold), written for the
    project; development data too, since rules were written while looking at their misses."""
    folder = ROOT / "tests" / "data" / "heldout2"
    t = _report([folder], folder).total
    p, r, _ = t.prf()
    assert p >= 0.9
    assert r >= 0.82


def test_blind_heldout_scores():
    """Articles written for the project by someone who had not seen the extractor (tests/data/heldout3).
    Measured once before any rule looked at them (0.73 / 0.55); development data since."""
    folder = ROOT / "tests" / "data" / "heldout3"
    t = _report([folder], folder).total
    p, r, _ = t.prf()
    assert p >= 0.8
    assert r >= 0.68


@pytest.mark.parametrize("name, precision, recall", [
    ("heldout4", 0.92, 0.66),  # wire, BBC and web stories; development data after a first blind run
    ("heldout5", 0.92, 0.71),  # the same kinds; development data after a first blind run
    ("heldout6", 0.91, 0.65),  # the same kinds; development data after a session unread
    ("heldout7", 0.91, 0.82),  # the same kinds; development data after a session unread
    ("heldout8", 0.89, 0.77),  # the same kinds, written blind; development data after a first blind run
    ("heldout9", 0.9, 0.72),   # the same kinds, written blind; development data after a first blind run
    ("heldout10", 0.84, 0.77),  # the same kinds; development data after two sessions unread
    ("heldout11", 0.81, 0.66),  # the same kinds, written blind; development data after a first blind run
    ("heldout12", 0.86, 0.75),  # the same kinds, written blind; development data after a first blind run
    ("heldout13", 0.89, 0.7),  # the same kinds; development data after a session unread
    ("heldout14", 0.87, 0.66),  # the same kinds; development data after a session unread
    ("heldout15", 0.84, 0.74),  # the same kinds, written blind; development data after a first blind run (its gold
    # leaves out "would keep pressing France", which other sets mark as an appeal going on)
    ("heldout16", 0.91, 0.68),  # the same kinds, written blind; development data after a session unread
    ("heldout17", 0.88, 0.68),  # the same kinds, written blind; development data after a session unread
    ("heldout18", 0.86, 0.73),  # the same kinds, written blind; development data after a first blind run
    ("heldout19", 0.79, 0.76),  # the same kinds, written blind; development data after a session unread
    ("heldout20", 0.88, 0.62),  # the same kinds, written blind; development data after a session unread
    ("heldout21", 0.89, 0.64),  # the same kinds, written blind; development data after a session unread
    ("heldout22", 0.88, 0.79),  # the same kinds, written blind; development data after a session unread
    ("heldout23", 0.91, 0.7),  # the same kinds, written blind; development data after a session unread
    ("heldout24", 0.88, 0.73),  # the same kinds, written blind; development data after a session unread
    ("heldout25", 0.89, 0.53),  # the same kinds, written blind; development data after a session unread
    ("heldout26", 0.86, 0.65),  # the same kinds, written blind; development data after a session unread
    ("heldout27", 0.88, 0.63),  # the same kinds, written blind; development data after a session unread
    ("heldout28", 0.82, 0.64),  # the same kinds, written blind; development data after a session unread
    ("heldout29", 0.82, 0.6),  # the same kinds, written blind; development data after a session unread
    ("heldout30", 0.87, 0.69),  # the same kinds, written blind; development data after a session unread
    ("heldout31", 0.89, 0.7),  # the same kinds, written blind; development data after a session unread
    ("heldout32", 0.87, 0.6),  # the same kinds, written blind; development data after a session unread
    ("heldout33", 0.9, 0.69),  # the same kinds, written blind; development data after two sessions unread
    ("heldout34", 0.9, 0.73),  # the same kinds, written blind; development data after two sessions unread
    ("heldout35", 0.74, 0.63),  # the same kinds, written blind; never looked at while writing rules
    ("heldout36", 0.82, 0.65),  # the same kinds, written blind; never looked at while writing rules
    ("heldout37", 0.77, 0.65),  # the same kinds, written blind; development data after a first blind run
    ("heldout38", 0.86, 0.69),  # the same kinds, written blind; measured once, not written on
    # annotated as the real-news set is (hedged, negated and future relations optional):
    ("heldout39", 0.78, 0.74),  # written blind; development data after a first blind run
    ("heldout40", 0.76, 0.62),  # written blind; measured, never looked at while writing rules
    ("heldout41", 0.75, 0.74),  # written blind; development data after a first blind run
    ("heldout42", 0.75, 0.78),  # written blind; measured, never looked at while writing rules
    ("heldout43", 0.80, 0.68),  # written blind; development data after a first blind run
    ("heldout44", 0.74, 0.72),  # written blind; measured, never looked at while writing rules
    # the same, and listing every pair of an act of three or more parties, as the real-news gold does:
    ("heldout45", 0.80, 0.68),  # written blind; development data after a first blind run
    ("heldout46", 0.80, 0.68),  # written blind; measured, never looked at while writing rules
    ("heldout47", 0.83, 0.73),  # written blind; measured, never looked at while writing rules
    ("heldout48", 0.87, 0.70),  # written blind; measured, never looked at while writing rules
    ("heldout49", 0.90, 0.68),  # written blind; development data after a first blind run
    ("heldout50", 0.80, 0.66),  # written blind; measured, never looked at while writing rules
    ("heldout51", 0.72, 0.72),  # written blind; development data after a first blind run
    ("heldout52", 0.75, 0.69),  # written blind; measured, never looked at while writing rules
    ("heldout53", 0.83, 0.71),  # written blind; measured, never looked at while writing rules
    ("heldout54", 0.85, 0.66),  # written blind; measured, never looked at while writing rules
    ("heldout55", 0.80, 0.66),  # written blind; development data after a first blind run
    ("heldout56", 0.77, 0.57),  # written blind; measured, never looked at while writing rules
    ("heldout57", 0.85, 0.81),  # written blind; development data after a first blind run
    ("heldout58", 0.87, 0.70),  # written blind; measured, never looked at while writing rules
    ("heldout59", 0.90, 0.70),  # written blind; development data after a first blind run
    ("heldout60", 0.87, 0.68),  # written blind; measured, never looked at while writing rules
    ("heldout61", 0.87, 0.76),  # written blind; development data after a first blind run
    ("heldout62", 0.81, 0.64),  # written blind; measured, never looked at while writing rules
    ("heldout63", 0.91, 0.76),  # written blind; development data after a first blind run
    ("heldout64", 0.82, 0.68),  # written blind; measured, never looked at while writing rules
    ("heldout65", 0.85, 0.77),  # written blind; development data after a first blind run
    ("heldout66", 0.80, 0.55),  # written blind; measured, never looked at while writing rules
    ("heldout67", 0.87, 0.82),  # written blind; development data after a first blind run
    ("heldout68", 0.82, 0.72),  # written blind; measured, never looked at while writing rules
    ("heldout69", 0.87, 0.66),  # written blind; development data after a first blind run
    ("heldout70", 0.76, 0.59),  # written blind; measured, never looked at while writing rules
])
def test_more_heldout_scores(name, precision, recall):
    """Floors just under today's scores on the sets of articles in the three kinds of the real-news
    set (tests/data/README.md says which were looked at while writing rules)."""
    folder = ROOT / "tests" / "data" / name
    t = _report([folder], folder).total
    p, r, _ = t.prf()
    assert p >= precision, t.false
    assert r >= recall, t.misses
