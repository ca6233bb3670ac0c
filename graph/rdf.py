"""Turning extraction records into RDF, and RDF back into records.

Each article becomes one named graph (its IRI is the article's IRI) holding the article's
schema.org description, its events, the roles it states and the names it used for each actor.
Actors' canonical descriptions (type, label, codes) go to one shared actors graph.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from types import SimpleNamespace
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef

from .records import Actor, Article, Event, Extraction, Role
from .vocab import DIP, DIRECT_MODALITIES, OWL, PROV, RDF, RDFS, RES, SDO, SKOS, XSD, relation

__all__ = [
    "article_iri", "actor_iri", "event_iri", "date_literal", "article_triples", "actor_triples",
    "extraction_from_graph", "to_graph", "iter_actors", "Triple", "PIPELINE_VERSION", "Terms",
]

Triple = tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]
PIPELINE_VERSION = "dipgraph-0.1.0"

_KIND_CLASS = {
    "person": DIP.Person,
    "country": DIP.Country,
    "former_state": DIP.FormerState,
    "organisation": DIP.Organisation,
}
_CLASS_KIND = {v: k for k, v in _KIND_CLASS.items()}


def article_iri(key: str) -> URIRef:
    """The IRI of an article (and of its named graph) from its identity key."""
    return RES["article/" + quote(key, safe="")]


def actor_iri(actor: Actor) -> URIRef:
    return RES[actor.key]


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def event_iri(article_key: str, ev: Event) -> URIRef:
    return RES["event/" + _digest(article_key, ev.predicate, ev.subject.key, ev.object.key,
                                  ev.start, ev.modality, ev.extractor)]


def date_literal(value: str) -> Literal:
    """An ISO date text as xsd:date, xsd:gYearMonth or xsd:gYear by its precision."""
    return Literal(value, datatype=URIRef(_date_type(value)))


def _date_type(value: str) -> str:
    if len(value) not in _DATE_TYPES:
        raise ValueError(f"not an ISO date, year-month or year: {value!r}")
    return _DATE_TYPES[len(value)]


class Terms:
    """How the mapping makes RDF terms: rdflib's here. The store passes pyoxigraph's, so that its
    write path builds each term once, in the library that keeps it."""

    @staticmethod
    @lru_cache(maxsize=65536)
    def iri(value: str):
        return URIRef(value)

    def literal(self, lexical: str, datatype: str | None = None):
        return Literal(lexical, datatype=URIRef(datatype) if datatype else None)


RDFLIB_TERMS = Terms()

# the IRIs the mapping writes, as plain strings, looked up once
_K = SimpleNamespace(**{name: str(iri) for name, iri in dict(
    Actor=DIP.Actor,
    Event=DIP.Event,
    NewsArticle=SDO.NewsArticle,
    Position=DIP.Position,
    actorKind=DIP.actorKind,
    charEnd=DIP.charEnd,
    charStart=DIP.charStart,
    claimedBy=DIP.claimedBy,
    confidence=DIP.confidence,
    date=DIP.date,
    datePublished=SDO.datePublished,
    extractor=DIP.extractor,
    headline=SDO.headline,
    holder=DIP.holder,
    identifier=SDO.identifier,
    isoCode=DIP.isoCode,
    mentions=SDO.mentions,
    modality=DIP.modality,
    object=DIP.object,
    of=DIP.of,
    place=DIP.place,
    predicate=DIP.predicate,
    publisher=SDO.publisher,
    represents=DIP.represents,
    role=DIP.role,
    sameAs=OWL.sameAs,
    sentence=DIP.sentence,
    subject=DIP.subject,
    textHash=DIP.textHash,
    textLength=DIP.textLength,
    sourceDigest=DIP.sourceDigest,
    url=SDO.url,
).items()})
_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_DERIVED, _MENTIONS, _RES = str(PROV.wasDerivedFrom), _K.mentions, str(RES)
_INTEGER, _DECIMAL, _DATE, _ANY_URI = str(XSD.integer), str(XSD.decimal), str(XSD.date), str(XSD.anyURI)
_DATE_TYPES = {10: _DATE, 7: str(XSD.gYearMonth), 4: str(XSD.gYear)}


def _decimal(x: float) -> str:
    """Three places at most, in the canonical form a store gives back ("0.85", "1", "0")."""
    return f"{float(x):.3f}".rstrip("0").rstrip(".")


def actor_triples(actor: Actor, terms: Terms = RDFLIB_TERMS) -> list[Triple]:
    """The canonical description of an actor, for the shared actors graph."""
    I, L = terms.iri, terms.literal
    a, type_ = I(_RES + actor.key), I(_TYPE)
    out: list[Triple] = [
        (a, type_, I(str(_KIND_CLASS[actor.kind]))),
        (a, type_, I(_K.Actor)),
        (a, I(_LABEL), L(actor.label)),
    ]
    if actor.code:
        out.append((a, I(_K.isoCode), L(actor.code)))
    if actor.wikidata:
        out.append((a, I(_K.sameAs), I("http://www.wikidata.org/entity/" + actor.wikidata)))
    if actor.org_kind:
        out.append((a, I(_K.actorKind), L(actor.org_kind)))
    return out


def article_triples(ex: Extraction, *, version: str = PIPELINE_VERSION,
                    terms: Terms = RDFLIB_TERMS) -> list[Triple]:
    """All triples of one article's named graph."""
    I, L = terms.iri, terms.literal
    art = ex.article
    g_iri = str(article_iri(art.key))
    g, type_, derived = I(g_iri), I(_TYPE), I(_DERIVED)
    out: list[Triple] = [
        (g, type_, I(_K.NewsArticle)),
        (g, I(_K.identifier), L(art.key)),
        (g, I(_K.headline), L(art.title)),
        (g, I(_K.textHash), L(art.hash)),
        (g, I(_K.textLength), L(str(len(art.text)), _INTEGER)),
        (g, I(_K.extractor), L(version)),
    ]
    if art.published:
        out.append((g, I(_K.datePublished), L(art.published.isoformat(), _DATE)))
    if art.url:
        out.append((g, I(_K.url), L(art.url, _ANY_URI)))
    if art.source:
        out.append((g, I(_K.publisher), L(art.source)))
    if art.path:
        out.append((g, I(_K.sourceDigest), L(art.source_digest)))

    seen_alt: set[tuple[str, str]] = set()
    mentions, alt = I(_MENTIONS), I(_ALT)
    for m in ex.mentions:
        a = I(_RES + m.actor.key)
        out.append((g, mentions, a))
        surface = " ".join(m.text.split())
        if surface and surface != m.actor.label and (m.actor.key, surface) not in seen_alt:
            seen_alt.add((m.actor.key, surface))
            out.append((a, alt, L(surface)))

    for role in ex.roles:
        p, o = I(_RES + role.person.key), I(_RES + role.of.key)
        out.append((p, I(_K.represents), o))
        pos = I(str(RES["position/" + _digest(art.key, role.person.key, role.of.key, role.role)]))
        out += [(pos, type_, I(_K.Position)), (pos, I(_K.holder), p), (pos, I(_K.of), o),
                (pos, derived, g)]
        if role.role:
            out.append((pos, I(_K.role), L(role.role)))

    for ev in ex.events:
        rel = relation(ev.predicate)
        e = I(str(event_iri(art.key, ev)))
        s, o = I(_RES + ev.subject.key), I(_RES + ev.object.key)
        p = I(str(rel.iri))
        out += [
            (e, type_, I(_K.Event)),
            (e, type_, I(str(rel.event_class))),
            (e, I(_K.subject), s),
            (e, I(_K.object), o),
            (e, I(_K.predicate), p),
            (e, I(_K.modality), L(ev.modality)),
            (e, derived, g),
            (e, I(_K.sentence), L(ev.sentence)),
            (e, I(_K.charStart), L(str(ev.start), _INTEGER)),
            (e, I(_K.charEnd), L(str(ev.end), _INTEGER)),
            (e, I(_K.confidence), L(_decimal(ev.confidence), _DECIMAL)),
            (e, I(_K.extractor), L(ev.extractor)),
        ]
        if ev.date:
            out.append((e, I(_K.date), L(ev.date, _date_type(ev.date))))
        if ev.place:
            out.append((e, I(_K.place), L(ev.place)))
        if ev.claimed_by is not None:
            out.append((e, I(_K.claimedBy), I(_RES + ev.claimed_by.key)))
        if ev.modality in DIRECT_MODALITIES:
            out.append((s, p, o))
    return out


def _actor_from(graph: Graph, iri: URIRef) -> Actor:
    kind = "person"
    for cls in graph.objects(iri, RDF.type):
        if cls in _CLASS_KIND and (kind == "person" or cls == DIP.FormerState):
            kind = _CLASS_KIND[cls]
    code = graph.value(iri, DIP.isoCode)
    same = graph.value(iri, OWL.sameAs)
    org_kind = graph.value(iri, DIP.actorKind)
    return Actor(
        kind=kind,
        label=str(graph.value(iri, RDFS.label)),
        code=str(code) if code else None,
        wikidata=str(same).rsplit("/", 1)[-1] if same else None,
        org_kind=str(org_kind) if org_kind else None,
    )


def extraction_from_graph(graph: Graph, article_key: str, text: str = "") -> Extraction:
    """Read one article's records back from a graph holding its triples and its actors' triples.

    Mentions come back without offsets (the graph keeps only the names used), so they are not
    part of the result; ``text`` is the article text, which the store does not keep.
    """
    g = article_iri(article_key)
    pub = graph.value(g, SDO.datePublished)
    url = graph.value(g, SDO.url)
    src = graph.value(g, SDO.publisher)
    ident = str(graph.value(g, SDO.identifier) or article_key)
    article = Article(
        text=text,
        title=str(graph.value(g, SDO.headline) or ""),
        id=ident,
        published=date.fromisoformat(str(pub)) if pub else None,
        url=str(url) if url else None,
        source=str(src) if src else None,
    )
    events = []
    for e in graph.subjects(PROV.wasDerivedFrom, g):
        if (e, RDF.type, DIP.Event) not in graph:
            continue
        claimed = graph.value(e, DIP.claimedBy)
        d = graph.value(e, DIP.date)
        place = graph.value(e, DIP.place)
        events.append(Event(
            predicate=relation(str(graph.value(e, DIP.predicate))).name,
            subject=_actor_from(graph, graph.value(e, DIP.subject)),
            object=_actor_from(graph, graph.value(e, DIP.object)),
            modality=str(graph.value(e, DIP.modality)),
            date=str(d) if d else None,
            place=str(place) if place else None,
            sentence=str(graph.value(e, DIP.sentence)),
            start=int(graph.value(e, DIP.charStart)),
            end=int(graph.value(e, DIP.charEnd)),
            claimed_by=_actor_from(graph, claimed) if claimed else None,
            confidence=float(graph.value(e, DIP.confidence)),
            extractor=str(graph.value(e, DIP.extractor)),
        ))
    roles = []
    for pos in graph.subjects(RDF.type, DIP.Position):
        if (pos, PROV.wasDerivedFrom, g) not in graph:
            continue
        r = graph.value(pos, DIP.role)
        roles.append(Role(person=_actor_from(graph, graph.value(pos, DIP.holder)),
                          of=_actor_from(graph, graph.value(pos, DIP.of)),
                          role=str(r) if r else None))
    return Extraction(article=article, events=tuple(events), roles=tuple(roles))


def to_graph(triples: Iterable[Triple]) -> Graph:
    """An rdflib Graph holding ``triples``, with the project's prefixes bound."""
    from .vocab import PREFIXES

    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    for t in triples:
        g.add(t)
    return g


def iter_actors(ex: Extraction) -> Iterator[Actor]:
    """Every actor an extraction refers to, once each."""
    seen: set[str] = set()
    for a in _all_actors(ex):
        if a.key not in seen:
            seen.add(a.key)
            yield a


def _all_actors(ex: Extraction) -> Iterator[Actor]:
    for m in ex.mentions:
        yield m.actor
    for r in ex.roles:
        yield r.person
        yield r.of
    for e in ex.events:
        yield e.subject
        yield e.object
        if e.claimed_by is not None:
            yield e.claimed_by

