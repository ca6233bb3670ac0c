"""The on-disk store: one named graph per article, replace on re-ingest, exact removal, export
round trips, and records that survive RDF and the store unchanged, hostile strings included."""
from __future__ import annotations

import io
import string
from datetime import date

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from dipgraph.graph.interface import GraphStore
from dipgraph.graph.rdf import actor_triples, article_iri, article_triples, extraction_from_graph, iter_actors
from dipgraph.graph.records import Actor, Article, Event, Extraction, Mention, Role
from dipgraph.graph.store import Store, StoreError
from dipgraph.graph.vocab import MODALITIES, actors_graph_iri, relations

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RUSSIA = Actor("country", "Russia", code="RUS", wikidata="Q159")
NORTH_KOREA = Actor("country", "North Korea", code="PRK", wikidata="Q423")
UNITED_STATES = Actor("country", "United States", code="USA")
CHINA = Actor("country", "China", code="CHN")
LAVROV = Actor("person", "Sergey Lavrov")
CHOE = Actor("person", "Choe Son-hui")
WANG = Actor("person", "Wang Yi")
UN = Actor("organisation", "United Nations", org_kind="intergovernmental")

TEXT = ("Russian Foreign Minister Sergey Lavrov met his North Korean counterpart Choe Son-hui in "
        "Pyongyang on Thursday. Lavrov did not meet Kim Jong-un. The United States said North Korea "
        "delivered munitions to Russia.")


def lavrov_choe(text: str = TEXT, key: str = "test-lavrov-choe") -> Extraction:
    """A hand-made extraction with asserted, negated and reported events, a role and mentions."""
    art = Article(text=text, title="Lavrov meets Choe in Pyongyang", id=key, published=date(2023, 10, 19),
                  url=f"https://example.org/{key}", source="Test Wire")
    s1 = text.split(". ")[0] + "."
    events = (
        Event("met", LAVROV, CHOE, "asserted", "2023-10-19", "Pyongyang", s1, 0, len(s1),
              confidence=0.9, extractor="rule:met"),
        Event("visited", LAVROV, NORTH_KOREA, "asserted", "2023-10", None, s1, 0, len(s1),
              extractor="rule:visited"),
        Event("met", LAVROV, Actor("person", "Kim Jong-un"), "negated", None, None,
              "Lavrov did not meet Kim Jong-un.", len(s1) + 1, len(s1) + 33, extractor="rule:met"),
        Event("suppliedArmsTo", NORTH_KOREA, RUSSIA, "reported", "2023", None,
              "The United States said North Korea delivered munitions to Russia.", 120, 185,
              claimed_by=UNITED_STATES, confidence=0.7, extractor="rule:arms"),
    )
    roles = (Role(LAVROV, RUSSIA, "Foreign Minister"), Role(CHOE, NORTH_KOREA, "Foreign Minister"))
    mentions = (Mention(LAVROV, "Sergey Lavrov", 25, 38), Mention(NORTH_KOREA, "North Korean", 43, 55),
                Mention(RUSSIA, "Russian", 0, 7))
    return Extraction(art, events, roles, mentions)


def wang_lavrov(key: str = "test-wang-lavrov") -> Extraction:
    """A second article sharing Russia and Lavrov with the first, with China and Wang Yi of its own."""
    text = "Chinese Foreign Minister Wang Yi met Sergey Lavrov in Beijing. China and Russia signed a protocol."
    art = Article(text=text, title="Wang meets Lavrov", id=key, published=date(2023, 9, 18),
                  url=f"https://example.org/{key}")
    events = (
        Event("met", WANG, LAVROV, "asserted", "2023-09-18", "Beijing", text[:62], 0, 62, extractor="rule:met"),
        Event("signedAgreementWith", CHINA, RUSSIA, "asserted", None, None, text[63:], 63, len(text),
              extractor="rule:sign"),
        Event("urged", UN, CHINA, "future", None, None, text[63:], 63, len(text), extractor="rule:urge"),
    )
    return Extraction(art, events, (Role(WANG, CHINA, "Foreign Minister"),),
                      (Mention(CHINA, "Chinese", 0, 7), Mention(RUSSIA, "Russia", 75, 81)))


def quads(store: Store) -> set[ox.Quad]:
    return set(store.oxigraph.quads_for_pattern(None, None, None, None))


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term a parser of the exported file gives."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return Literal(term.value, datatype=None if dt == XSD_STRING else URIRef(dt))


def select(store: Store, sparql: str) -> list[tuple]:
    return [tuple(None if t is None else t.value for t in row) for row in store.query(sparql)]


# -- storing, replacing, removing ---------------------------------------------------------------

def test_put_stores_metadata_events_and_actors(store):
    assert store.put(lavrov_choe()) == "added"
    [a] = store.articles()
    assert a == {"id": "test-lavrov-choe", "title": "Lavrov meets Choe in Pyongyang", "published": "2023-10-19",
                 "url": "https://example.org/test-lavrov-choe", "events": 4,
                 "graph": str(article_iri("test-lavrov-choe"))}
    g = article_iri("test-lavrov-choe")
    [(length, publisher)] = select(store, f"SELECT ?n ?p WHERE {{ GRAPH <{g}> {{ <{g}> dip:textLength ?n ; "
                                          f"schema:publisher ?p }} }}")
    assert (int(length), publisher) == (len(TEXT), "Test Wire")
    # asserted and reported events have the direct triple; the negated one does not
    assert store.query("ASK { res:person\\/sergey-lavrov dip:met res:person\\/choe-son-hui }")
    assert store.query("ASK { res:country\\/PRK dip:suppliedArmsTo res:country\\/RUS }")
    assert not store.query("ASK { res:person\\/sergey-lavrov dip:met res:person\\/kim-jong-un }")
    [(who,)] = select(store, "SELECT ?l WHERE { ?e dip:predicate dip:suppliedArmsTo ; dip:claimedBy ?c . "
                             "?c rdfs:label ?l }")
    assert who == "United States"
    # actors live in the shared actors graph, with their type and label
    [(label, code)] = select(store, "SELECT ?l ?c WHERE { GRAPH res:graph\\/actors { "
                                    "res:country\\/PRK rdfs:label ?l ; dip:isoCode ?c } }")
    assert (label, code) == ("North Korea", "PRK")
    [(role,)] = select(store, "SELECT ?r WHERE { ?p dip:holder res:person\\/sergey-lavrov ; dip:of res:country\\/RUS ; "
                              "dip:role ?r }")
    assert role == "Foreign Minister"
    s = store.stats()
    assert s["articles"] == 1
    assert s["actors"] == {"person": 3, "country": 3}
    assert s["events"] == {"met": 2, "visited": 1, "suppliedArmsTo": 1}
    assert s["modality"] == {"asserted": 2, "negated": 1, "reported": 1}
    assert s["triples"] == len(store)


def test_the_ontology_is_always_there(store):
    n = select(store, "SELECT (COUNT(?p) AS ?n) WHERE { ?p rdfs:subPropertyOf dip:relation }")[0][0]
    assert int(n) == len(relations()) >= 18
    assert store.query("ASK { dip:met a owl:SymmetricProperty ; dip:cameo ?c }")
    assert not store.query("ASK { dip:attacked a owl:SymmetricProperty }")


def test_put_twice_changes_nothing(store):
    ex = lavrov_choe()
    store.put(ex)
    before = quads(store)
    assert store.put(ex) == "unchanged"
    assert quads(store) == before
    # forcing a rewrite of the same article gives the same quads, not twice as many
    assert store.put(ex, force=True) == "replaced"
    assert quads(store) == before
    assert len(store.articles()) == 1


def test_changed_text_replaces_the_article_graph(store, tmp_path):
    store.put(lavrov_choe())
    new_text = "Sergey Lavrov met Choe Son-hui in Moscow on Friday."
    v2 = Extraction(Article(text=new_text, title="Lavrov and Choe meet again", id="test-lavrov-choe",
                            published=date(2023, 10, 20)),
                    (Event("met", LAVROV, CHOE, "asserted", "2023-10-20", "Moscow", new_text, 0, len(new_text),
                           extractor="rule:met"),))
    assert store.put(v2) == "replaced"
    # the store now holds exactly what a fresh store holding only the new version holds
    with Store(tmp_path / "fresh") as fresh:
        fresh.put(v2)
        assert quads(store) == quads(fresh)
    assert store.articles()[0]["events"] == 1
    assert not store.query("ASK { ?x dip:suppliedArmsTo ?y }")
    assert not store.query("ASK { res:country\\/PRK ?p ?o }")  # no article refers to North Korea now


def test_remove_takes_away_exactly_what_the_article_added(store):
    store.put(lavrov_choe())
    before = quads(store)
    store.put(wang_lavrov())
    assert len(quads(store)) > len(before)
    n = store.remove("test-wang-lavrov")
    assert quads(store) == before
    assert n > 0
    # Lavrov and Russia, which the first article also names, are still described; China is gone
    assert store.query("ASK { GRAPH res:graph\\/actors { res:person\\/sergey-lavrov rdfs:label 'Sergey Lavrov' . "
                       "res:country\\/RUS rdfs:label 'Russia' } }")
    assert not store.query("ASK { res:country\\/CHN ?p ?o }")


def test_remove_the_first_of_two_articles_keeps_shared_actors(store):
    store.put(lavrov_choe())
    store.put(wang_lavrov())
    store.remove("https://example.org/test-lavrov-choe")  # by url
    assert [a["id"] for a in store.articles()] == ["test-wang-lavrov"]
    assert store.query("ASK { GRAPH res:graph\\/actors { res:person\\/sergey-lavrov a dip:Person } }")
    assert store.query("ASK { GRAPH res:graph\\/actors { res:country\\/RUS a dip:Country } }")
    for gone in ("person\\/choe-son-hui", "country\\/PRK", "country\\/USA", "person\\/kim-jong-un"):
        assert not store.query(f"ASK {{ res:{gone} ?p ?o }}"), gone
    # removing the last article leaves the ontology alone, as in an empty store
    store.remove("test-wang-lavrov")
    assert {q.graph_name.value for q in quads(store)} == {"https://w3id.org/dipgraph/ontology"}


def test_an_actor_removed_and_named_again_is_described_again(store):
    china = "ASK { GRAPH res:graph\\/actors { res:country\\/CHN a dip:Country ; rdfs:label 'China' } }"
    store.put(wang_lavrov())
    store.remove("test-wang-lavrov")  # China was named by that article only
    assert not store.query(china)
    store.put_many([wang_lavrov(key="test-w2")])
    assert store.query(china)
    store.update("DROP GRAPH res:graph\\/actors")
    store.put(wang_lavrov(key="test-w3"))
    assert store.query(china)
    # a new version of an article that no longer names an actor takes its description away,
    # and the next article to name it writes it again
    store.remove("test-w2")
    store.remove("test-w3")
    store.put(wang_lavrov(key="test-w4"))
    assert store.put(lavrov_choe(key="test-w4")) == "replaced"
    assert not store.query(china)
    store.put(wang_lavrov(key="test-w5"))
    assert store.query(china)


def test_a_batch_writes_what_one_by_one_writes(store, tmp_path):
    """put_many and put are one write path: the same outcomes and the same quads, whatever the mix
    of new, unchanged, changed and repeated articles in a batch."""
    v2 = wang_lavrov(key="test-lavrov-choe")  # another article under the first one's key
    batch = [lavrov_choe(), wang_lavrov(), lavrov_choe(), v2, wang_lavrov()]
    with Store(tmp_path / "one-by-one") as single:
        expected = [single.put(ex) for ex in batch]
        assert store.put_many(batch) == expected == ["added", "added", "unchanged", "replaced", "unchanged"]
        assert quads(store) == quads(single)
    assert isinstance(store, GraphStore)


def test_remove_unknown_article(store):
    store.put(lavrov_choe())
    with pytest.raises(KeyError):
        store.remove("no-such-article")


def test_store_survives_reopening(tmp_path):
    with Store(tmp_path / "s") as a:
        a.put(lavrov_choe())
        before = quads(a)
    with Store(tmp_path / "s", create=False) as b:
        assert quads(b) == before
        assert b.put(lavrov_choe()) == "unchanged"


def test_store_refuses_what_is_not_a_store(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("buy milk", "utf-8")
    with pytest.raises(StoreError, match="not a dipgraph store"):
        Store(tmp_path / "notes")
    assert (tmp_path / "notes" / "todo.txt").read_text("utf-8") == "buy milk"
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == ["todo.txt"]
    (tmp_path / "file").write_text("x", "utf-8")
    with pytest.raises(StoreError, match="is a file"):
        Store(tmp_path / "file")
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "missing", create=False)


def test_a_store_open_elsewhere_is_reported(store):
    with pytest.raises(StoreError, match="open in another process"):
        Store(store.path)


def test_rdflib_dataset_view(store):
    store.put(lavrov_choe())
    ds = store.dataset()
    rows = list(ds.query("SELECT ?b WHERE { ?a dip:met ?b . ?a rdfs:label 'Sergey Lavrov' }"))
    assert [str(r[0]) for r in rows] == ["https://w3id.org/dipgraph/resource/person/choe-son-hui"]


# -- export round trips ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nquads", "nquads")])
def test_export_quads_round_trip(store, fmt, rdflib_format):
    store.put(lavrov_choe())
    store.put(wang_lavrov())
    buf = io.BytesIO()
    store.export(fmt, buf)
    ds = Dataset()
    ds.parse(data=buf.getvalue(), format=rdflib_format)
    parsed = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        parsed.add((s, p, o, getattr(g, "identifier", g)))
    expected = {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name))
                for q in quads(store)}
    assert parsed == expected


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_export_triples_round_trip(store, tmp_path, fmt, rdflib_format):
    store.put(lavrov_choe())
    store.put(wang_lavrov())
    path = tmp_path / f"out.{fmt}"
    store.export(fmt, path)
    g = Graph()
    g.parse(path, format=rdflib_format)
    expected = {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in quads(store)}
    assert set(g) == expected


# -- records → RDF → records, and through the store, with hostile strings ---------------------------

HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(['"', "'", '"""', "\\", "\n", "\r", "\t", "<script>alert(1)</script>", "&amp;",
                         "${x}", "}", "{", "GRAPH", ".", ";", "#", "\u202e", "\u0000", "\U0001f600", "é",
                         "Лавров", "최선희", "ن"]),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1, max_size=12,
).map("".join).filter(lambda s: s.strip())

PREDICATES = [r.name for r in relations()]
IDENT = st.text(alphabet=string.ascii_letters + string.digits + "-_.~:/ é?#&", min_size=1, max_size=24)


@st.composite
def actors(draw):
    kind = draw(st.sampled_from(["person", "country", "former_state", "organisation"]))
    label = draw(HOSTILE)
    code = draw(st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3)) \
        if kind in ("country", "former_state") else None
    wikidata = draw(st.one_of(st.none(), st.integers(1, 10**7).map(lambda n: f"Q{n}")))
    org_kind = draw(st.one_of(st.none(), HOSTILE)) if kind == "organisation" else None
    return Actor(kind, label, code=code, wikidata=wikidata, org_kind=org_kind)


@st.composite
def extractions(draw):
    # one description per actor identity, as the store has one actor per IRI
    pool = draw(st.lists(actors(), min_size=2, max_size=6, unique_by=lambda a: a.key))
    actor = st.sampled_from(pool)
    d = st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)).flatmap(
        lambda x: st.sampled_from([x.isoformat(), x.isoformat()[:7], x.isoformat()[:4]])))
    event = st.builds(
        Event, predicate=st.sampled_from(PREDICATES), subject=actor, object=actor,
        modality=st.sampled_from(MODALITIES), date=d, place=st.one_of(st.none(), HOSTILE),
        sentence=HOSTILE, start=st.integers(0, 10**6), end=st.integers(0, 10**6),
        claimed_by=st.one_of(st.none(), actor), confidence=st.integers(0, 1000).map(lambda n: n / 1000),
        extractor=HOSTILE)
    events = draw(st.lists(event, max_size=6, unique_by=lambda e: (e.predicate, e.subject.key, e.object.key,
                                                                     e.start, e.modality, e.extractor)))
    roles = draw(st.lists(st.builds(Role, person=actor, of=actor, role=st.one_of(st.none(), HOSTILE)),
                          max_size=3, unique_by=lambda r: (r.person.key, r.of.key, r.role)))
    art = Article(text=draw(HOSTILE), title=draw(st.one_of(st.just(""), HOSTILE)), id=draw(IDENT),
                  published=draw(st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))),
                  url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=1&c=%22x%22"))),
                  source=draw(st.one_of(st.none(), HOSTILE)))
    return Extraction(art, tuple(events), tuple(roles))


def same_records(back: Extraction, ex: Extraction) -> None:
    art = ex.article
    assert (back.article.id, back.article.title, back.article.published, back.article.url,
            back.article.source) == (art.key, art.title, art.published, art.url, art.source)
    assert sorted(back.events, key=repr) == sorted(ex.events, key=repr)
    assert sorted(back.roles, key=repr) == sorted(ex.roles, key=repr)


@settings(max_examples=120, deadline=None)
@given(extractions())
def test_records_rdf_records_round_trip(ex):
    g = Graph()
    for t in article_triples(ex):
        g.add(t)
    for a in iter_actors(ex):
        for t in actor_triples(a):
            g.add(t)
    # through a serialisation too, as a file written by one tool and read by another
    g2 = Graph().parse(data=g.serialize(format="nt"), format="nt")
    same_records(extraction_from_graph(g, ex.article.key), ex)
    same_records(extraction_from_graph(g2, ex.article.key), ex)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ex=extractions())
def test_hostile_strings_survive_the_store(store, ex):
    empty = quads(store)
    assert store.put(ex) == "added"
    try:
        g = article_iri(ex.article.key)
        # the store writes exactly the triples of the rdflib mapping a user sees
        stored = {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
                  for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))}
        assert stored == set(article_triples(ex))
        # the strings come back from SPARQL exactly as they went in
        [(title,)] = select(store, f"SELECT ?t WHERE {{ GRAPH <{g}> {{ <{g}> schema:headline ?t }} }}")
        assert title == ex.article.title
        sentences = {r[0] for r in select(store, f"SELECT ?s WHERE {{ GRAPH <{g}> {{ ?e a dip:Event ; dip:sentence ?s }} }}")}
        assert sentences == {e.sentence for e in ex.events}
        labels = {r[0] for r in select(store, "SELECT ?l WHERE { GRAPH res:graph\\/actors { ?a rdfs:label ?l } }")}
        assert labels == {a.label for a in iter_actors(ex)}
        # and the whole extraction reads back from the stored graphs
        triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?h {{ ?s ?p ?o }} "
                              f"FILTER (?h IN (<{g}>, <{actors_graph_iri()}>)) }}")
        back = Graph()
        for t in triples:
            back.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        same_records(extraction_from_graph(back, ex.article.key), ex)
    finally:  # an example that fails must not leave its article behind for the next one
        store.remove(ex.article.key)
    # removing it gives back the empty store
    assert quads(store) == empty
