"""Turning extraction records into RDF, and RDF back into records.

Each article becomes one named graph (its IRI is the article's IRI) holding the article's
schema.org description, its events, the roles it states and the names it used for each actor.
Actors' canonical descriptions (type, label, codes) go to one shared actors graph.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef

from .records import Actor, Article, Event, Extraction, Role
from .vocab import DIP, DIRECT_MODALITIES, OWL, PROV, RDF, RDFS, RES, SDO, SKOS, XSD, relation

__all__ = [
    "article_iri", "actor_iri", "event_iri", "date_literal", "article_triples", "actor_triples",
    "extraction_from_graph", "to_graph", "iter_actors", "Triple", "PIPELINE_VERSION",
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
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    raise ValueError(f"not an ISO date, year-month or year: {value!r}")


def actor_triples(actor: Actor) -> list[Triple]:
    """The canonical description of an actor, for the shared actors graph."""
    a = actor_iri(actor)
    out: list[Triple] = [
        (a, RDF.type, _KIND_CLASS[actor.kind]),
        (a, RDF.type, DIP.Actor),
        (a, RDFS.label, Literal(actor.label)),
    ]
    if actor.code:
        out.append((a, DIP.isoCode, Literal(actor.code)))
    if actor.wikidata:
        out.append((a, OWL.sameAs, URIRef("http://www.wikidata.org/entity/" + actor.wikidata)))
    if actor.org_kind:
        out.append((a, DIP.actorKind, Literal(actor.org_kind)))
    return out


def article_triples(ex: Extraction, *, version: str = PIPELINE_VERSION) -> list[Triple]:
    """All triples of one article's named graph."""
    art = ex.article
    g = article_iri(art.key)
    out: list[Triple] = [
        (g, RDF.type, SDO.NewsArticle),
        (g, SDO.identifier, Literal(art.key)),
        (g, SDO.headline, Literal(art.title)),
        (g, DIP.textHash, Literal(art.hash)),
        (g, DIP.textLength, Literal(len(art.text))),
        (g, DIP.extractor, Literal(version)),
    ]
    if art.published:
        out.append((g, SDO.datePublished, Literal(art.published.isoformat(), datatype=XSD.date)))
    if art.url:
        out.append((g, SDO.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.source:
        out.append((g, SDO.publisher, Literal(art.source)))

    seen_alt: set[tuple[URIRef, str]] = set()
    for m in ex.mentions:
        a = actor_iri(m.actor)
        out.append((g, SDO.mentions, a))
        surface = " ".join(m.text.split())
        if surface and surface != m.actor.label and (a, surface) not in seen_alt:
            seen_alt.add((a, surface))
            out.append((a, SKOS.altLabel, Literal(surface)))

    for role in ex.roles:
        p, o = actor_iri(role.person), actor_iri(role.of)
        out.append((p, DIP.represents, o))
        pos = RES["position/" + _digest(art.key, role.person.key, role.of.key, role.role)]
        out += [(pos, RDF.type, DIP.Position), (pos, DIP.holder, p), (pos, DIP.of, o),
                (pos, PROV.wasDerivedFrom, g)]
        if role.role:
            out.append((pos, DIP.role, Literal(role.role)))

    for ev in ex.events:
        rel = relation(ev.predicate)
        e = event_iri(art.key, ev)
        s, o = actor_iri(ev.subject), actor_iri(ev.object)
        out += [
            (e, RDF.type, DIP.Event),
            (e, RDF.type, rel.event_class),
            (e, DIP.subject, s),
            (e, DIP.object, o),
            (e, DIP.predicate, rel.iri),
            (e, DIP.modality, Literal(ev.modality)),
            (e, PROV.wasDerivedFrom, g),
            (e, DIP.sentence, Literal(ev.sentence)),
            (e, DIP.charStart, Literal(ev.start)),
            (e, DIP.charEnd, Literal(ev.end)),
            (e, DIP.confidence, Literal(round(float(ev.confidence), 3), datatype=XSD.decimal)),
            (e, DIP.extractor, Literal(ev.extractor)),
        ]
        if ev.date:
            out.append((e, DIP.date, date_literal(ev.date)))
        if ev.place:
            out.append((e, DIP.place, Literal(ev.place)))
        if ev.claimed_by is not None:
            out.append((e, DIP.claimedBy, actor_iri(ev.claimed_by)))
        if ev.modality in DIRECT_MODALITIES:
            out.append((s, rel.iri, o))
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

