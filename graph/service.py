"""The SPARQL 1.1 Service Description of the endpoint: what ``GET /sparql`` without a query answers.

Clients (YASGUI, federated query planners, crawlers) read it to learn which languages, result
formats and dataset rules the endpoint has; here it says that the default graph is the union of
all graphs (``sd:UnionDefaultGraph``) and whether SPARQL Update is accepted.
"""
from __future__ import annotations

import pyoxigraph as ox

__all__ = ["service_description", "SD", "FORMATS"]

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"

# Result formats the endpoint writes, by their names in the W3C formats namespace.
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "RDF_XML", "JSON-LD")


def service_description(endpoint: str, *, update: bool, graph_store: str | None = None) -> list[ox.Triple]:
    """Triples describing the endpoint at ``endpoint`` (and its Graph Store at ``graph_store``)."""
    sd = lambda local: ox.NamedNode(SD + local)  # noqa: E731
    node = ox.NamedNode
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("default")
    out = [
        ox.Triple(service, node(_RDF_TYPE), sd("Service")),
        ox.Triple(service, sd("endpoint"), node(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultEntailmentRegime"), node("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, node(_RDF_TYPE), sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, node(_RDF_TYPE), sd("Graph")),
        ox.Triple(default, node(_COMMENT), ox.Literal(
            "A query that names no dataset (no FROM, FROM NAMED, default-graph-uri or named-graph-uri) "
            "reads the union of all graphs as its default graph; one article is one named graph.")),
    ]
    if update:
        out.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    for name in RESULT_FORMATS:
        out.append(ox.Triple(service, sd("resultFormat"), node(FORMATS + name)))
    if graph_store:
        out.append(ox.Triple(service, node(_COMMENT), ox.Literal(
            f"SPARQL 1.1 Graph Store HTTP Protocol at {graph_store} (reads always; "
            + ("writes accepted" if update else "writes refused: the server is read-only") + ")")))
    return out
