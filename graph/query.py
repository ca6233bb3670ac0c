"""Running SPARQL against a store and writing the results in the W3C formats or as a table."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from .table import text_table

__all__ = ["QueryError", "run_query", "format_result", "SELECT_FORMATS", "GRAPH_FORMATS", "rows",
           "term_text"]

SELECT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass
class QueryError(Exception):
    """A query that could not be parsed or run; ``line`` and ``column`` when the parser gives them."""

    message: str
    line: int | None = None
    column: int | None = None
    query: str = ""

    def __str__(self) -> str:
        out = f"SPARQL error: {self.message}"
        if self.line and self.query:
            lines = self.query.splitlines()
            if 0 < self.line <= len(lines):
                out += f"\n  line {self.line}: {lines[self.line - 1].strip()}"
        return out


def run_query(store, sparql: str, **kwargs):
    """Run ``sparql`` on a :class:`graph.store.Store`; raise :class:`QueryError` on bad SPARQL."""
    if not sparql.strip():
        raise QueryError("the query is empty")
    try:
        return store.query(sparql, **kwargs)
    except SyntaxError as exc:
        msg = str(exc)
        m = re.search(r"at (\d+):(\d+)", msg)
        raise QueryError(msg, int(m[1]) if m else None, int(m[2]) if m else None, sparql) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(str(exc), query=sparql) from None


def term_text(term) -> str:
    """A term as a person reads it: IRIs bare, literals by their lexical form."""
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def rows(result) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a SELECT result as plain strings."""
    names = [v.value for v in result.variables]
    return names, [[term_text(sol[n]) for n in names] for sol in result]


def format_result(result, fmt: str = "table") -> bytes:
    """Serialise a query result: SELECT/ASK in json|xml|csv|tsv|table, CONSTRUCT/DESCRIBE in
    turtle|ntriples|jsonld|rdfxml (``table`` gives N-Triples for graph results)."""
    if isinstance(result, ox.QueryTriples):
        if fmt == "table":
            fmt = "ntriples"
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"a CONSTRUCT or DESCRIBE result cannot be written as {fmt}; "
                             f"use one of {', '.join(GRAPH_FORMATS)}")
        from .vocab import PREFIXES

        prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
        return ox.serialize(result, format=GRAPH_FORMATS[fmt], prefixes=prefixes) or b""
    if fmt in GRAPH_FORMATS:
        raise QueryError(f"a SELECT or ASK result cannot be written as {fmt}; "
                         f"use one of table, {', '.join(SELECT_FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "table":
            return (b"true" if bool(result) else b"false") + b"\n"
        return result.serialize(format=SELECT_FORMATS[fmt])
    if fmt == "table":
        return _table(*rows(result)).encode("utf-8")
    if fmt not in SELECT_FORMATS:
        raise QueryError(f"unknown format {fmt!r}")
    return result.serialize(format=SELECT_FORMATS[fmt])


def _table(header: list[str], body: list[list[str]]) -> str:
    n = len(body)
    return text_table(header, body) + f"\n({n} row{'s' if n != 1 else ''})\n"
