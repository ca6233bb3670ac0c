"""The store interface: what the embedded store and a store in a SPARQL server both offer.

Ingestion, queries, the network, the page and the server take any :class:`GraphStore`:
:class:`graph.store.Store` (Oxigraph on disk) and :class:`graph.remote.RemoteStore` (any SPARQL
1.1 server) implement it, and the tests check that they do.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable

from rdflib import URIRef

from .records import Extraction

__all__ = ["GraphStore"]


@runtime_checkable
class GraphStore(Protocol):
    """A dipgraph store: one named graph per article, the ontology always present, SPARQL over all."""

    path: Path | str  # the folder, or the server's URL (without credentials)

    def put_many(self, exs: Iterable[Extraction], *, force: bool = False, version: str = ...) -> list[str]:
        """Store each article's extraction in its own graph, replacing an earlier version; for each,
        ``"added"``, ``"replaced"`` or ``"unchanged"`` (same text, same pipeline: skipped)."""

    def put(self, ex: Extraction, *, force: bool = False, version: str = ...) -> str:
        """:meth:`put_many` for one extraction."""

    def article_hash(self, key: str) -> tuple[str, str] | None:
        """(text hash, pipeline version) stored for an article, or None if it is not stored."""

    def article_source(self, key: str) -> tuple[str | None, str] | None:
        """(digest of the file the article was read from, or None if not known; title) of a stored
        article, or None if it is not stored: what tells a clash of ids from the same file again."""

    def resolve_article(self, ref: str) -> URIRef | None:
        """The graph of an article named by id, url or IRI, or None."""

    def remove(self, ref: str) -> int:
        """Remove exactly what one article contributed; the number of quads removed (KeyError if none)."""

    def articles(self) -> list[dict]:
        """Every stored article: id, title, published date, url, number of events, graph."""

    def query(self, sparql: str, **kwargs: Any) -> Any:
        """A SPARQL query with the project's prefixes, over the union of all graphs unless it names
        its dataset (FROM, FROM NAMED); a pyoxigraph result (solutions, boolean or triples). Bad
        SPARQL raises SyntaxError."""

    def update(self, sparql: str) -> None:
        """A SPARQL update whose WHEREs read what a query reads (see :func:`graph.dataset.run_update`
        for when the embedded store runs it as one transaction)."""

    def stats(self) -> dict:
        """Counts of articles, actors by kind, events by predicate and modality, triples."""

    def export(self, fmt: str, out: IO[bytes] | str | os.PathLike[str]) -> None:
        """Write the whole store as RDF in one of :data:`graph.store.RDF_FORMATS`."""

    def close(self) -> None:
        """Release the store (the folder's lock, the server's connections)."""

    def __enter__(self) -> GraphStore:
        """The store itself, closed at the end of the ``with`` block."""

    def __exit__(self, *exc: object) -> None:
        """Close the store."""

    def __len__(self) -> int:
        """The number of quads in the store."""
