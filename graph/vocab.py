"""The dipgraph vocabulary: one namespace that fails on unknown terms, and the relation table.

The relation table (label, CAMEO, PLOVER, family, symmetry) is read from ``data/ontology.ttl``
so that the ontology file stays the single source of truth.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DCTERMS, DefinedNamespace

from .settings import settings

__all__ = [
    "DIP", "RES", "PROV", "SDO", "SKOS", "OWL", "RDF", "RDFS", "XSD", "DCTERMS",
    "MODALITIES", "DIRECT_MODALITIES", "Relation", "data_dir", "ontology_graph", "ontology_iri",
    "relations", "relation", "actors_graph_iri", "PREFIXES",
]


class DIP(DefinedNamespace):
    """Terms of the dipgraph ontology (``https://w3id.org/dipgraph/ontology#``)."""

    _NS = Namespace("https://w3id.org/dipgraph/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    FormerState: URIRef
    Organisation: URIRef
    Event: URIRef
    Position: URIRef
    RelationFamily: URIRef
    # relation properties
    relation: URIRef
    met: URIRef
    visited: URIRef
    phoned: URIRef
    negotiatedWith: URIRef
    signedAgreementWith: URIRef
    cooperatedWith: URIRef
    supported: URIRef
    recognized: URIRef
    aided: URIRef
    suppliedArmsTo: URIRef
    urged: URIRef
    rejected: URIRef
    criticized: URIRef
    accused: URIRef
    threatened: URIRef
    sanctioned: URIRef
    reducedRelationsWith: URIRef
    attacked: URIRef
    # event classes, one per relation
    MetEvent: URIRef
    VisitedEvent: URIRef
    PhonedEvent: URIRef
    NegotiatedWithEvent: URIRef
    SignedAgreementWithEvent: URIRef
    CooperatedWithEvent: URIRef
    SupportedEvent: URIRef
    RecognizedEvent: URIRef
    AidedEvent: URIRef
    SuppliedArmsToEvent: URIRef
    UrgedEvent: URIRef
    RejectedEvent: URIRef
    CriticizedEvent: URIRef
    AccusedEvent: URIRef
    ThreatenedEvent: URIRef
    SanctionedEvent: URIRef
    ReducedRelationsWithEvent: URIRef
    AttackedEvent: URIRef
    # roles
    represents: URIRef
    holder: URIRef
    role: URIRef
    of: URIRef
    # event description
    subject: URIRef
    object: URIRef
    predicate: URIRef
    date: URIRef
    place: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    modality: URIRef
    claimedBy: URIRef
    confidence: URIRef
    extractor: URIRef
    eventClass: URIRef
    # relation annotations
    cameo: URIRef
    plover: URIRef
    family: URIRef
    goldstein: URIRef
    cooperation: URIRef
    conflict: URIRef
    # actors and articles
    isoCode: URIRef
    actorKind: URIRef
    textHash: URIRef
    textLength: URIRef
    sourceDigest: URIRef


RES = Namespace("https://w3id.org/dipgraph/resource/")

MODALITIES = ("asserted", "reported", "hedged", "negated", "future")
DIRECT_MODALITIES = frozenset({"asserted", "reported"})

PREFIXES = {
    "dip": str(DIP._NS),
    "res": str(RES),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SDO),
    "dcterms": str(DCTERMS),
}


def data_dir() -> Path:
    """The folder holding the ontology, gazetteers and lexicons (see :mod:`graph.settings`)."""
    return settings().data


def ontology_iri() -> URIRef:
    """The named graph that holds the ontology in every store."""
    return URIRef("https://w3id.org/dipgraph/ontology")


def actors_graph_iri() -> URIRef:
    """The named graph holding each actor's canonical description (type, label, codes)."""
    return RES["graph/actors"]


@dataclass(frozen=True)
class Relation:
    """One relation of the vocabulary, as declared in the ontology."""

    name: str
    iri: URIRef
    label: str
    symmetric: bool
    cameo: tuple[str, ...]
    plover: str
    family: str  # "cooperation" or "conflict"
    goldstein: float
    event_class: URIRef


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology as an rdflib graph, parsed once."""
    g = Graph()
    g.parse(data_dir() / "ontology.ttl", format="turtle")
    return g


@lru_cache(maxsize=1)
def _relations() -> tuple[Relation, ...]:
    g = ontology_graph()
    out = []
    for p in g.subjects(RDFS.subPropertyOf, DIP.relation):
        name = str(p)[len(str(DIP._NS)):]
        fam = g.value(p, DIP.family)
        out.append(Relation(
            name=name,
            iri=URIRef(p),
            label=str(g.value(p, RDFS.label)),
            symmetric=(p, RDF.type, OWL.SymmetricProperty) in g,
            cameo=tuple(sorted(str(c) for c in g.objects(p, DIP.cameo))),
            plover=str(g.value(p, DIP.plover)),
            family=str(fam)[len(str(DIP._NS)):] if fam else "cooperation",
            goldstein=float(g.value(p, DIP.goldstein) or Literal(0.0)),
            event_class=URIRef(g.value(p, DIP.eventClass)),
        ))
    order = [t for t in DIP.__annotations__ if t[0].islower()]
    out.sort(key=lambda r: order.index(r.name) if r.name in order else len(order))
    return tuple(out)


def relations() -> tuple[Relation, ...]:
    """Every relation of the vocabulary, in the vocabulary's order."""
    return _relations()


def relation(name: str) -> Relation:
    """The relation called ``name`` (``"met"``, or a full IRI); KeyError for an unknown one."""
    for r in _relations():
        if r.name == name or str(r.iri) == name:
            return r
    raise KeyError(f"unknown relation {name!r}; known: {', '.join(r.name for r in _relations())}")
