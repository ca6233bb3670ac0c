"""A dipgraph store kept in any SPARQL 1.1 server (Oxigraph server, Apache Jena Fuseki, Virtuoso, QLever).

Writes are SPARQL 1.1 Update requests, one per article, with the same text as the embedded store
runs (one named graph per article, replaced in one request); queries go through the SPARQL 1.1
protocol and come back as pyoxigraph result objects, so formatting and views work unchanged.

Endpoints: ``http://host:7878`` (Oxigraph server) means ``/query`` and ``/update`` under it;
``http://host:3030/ds`` (Fuseki) means ``/ds/query`` and ``/ds/update``; a URL ending in
``/query`` has its update endpoint beside it (``/update``); a URL ending in ``/sparql``
(Virtuoso, QLever) serves both. ``$DIPGRAPH_UPDATE_URL`` overrides the update endpoint.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO

import httpx
import pyoxigraph as ox
from rdflib import URIRef

from .rdf import PIPELINE_VERSION, article_iri
from .records import Extraction
from .store import ARTICLES_QUERY, article_by_url_query, QUAD_FORMATS, list_articles, orphan_quads_pattern, summarize, RDF_FORMATS, StoreError, ontology_quads, ontology_stamp, put_update, \
    remove_update
from .settings import settings
from .vocab import PREFIXES, ontology_iri

__all__ = ["RemoteStore", "RemoteError", "is_remote", "endpoints"]

RESULTS_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, "
                  "text/turtle;q=0.8, application/sparql-results+xml;q=0.7")
_PROLOGUE = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"
_POSITION = re.compile(r"(at |line )(\d+)(:\d+)?")


class RemoteError(StoreError, RuntimeError):
    """A SPARQL server that refused a request or could not be reached."""


def is_remote(location: str) -> bool:
    """True for an ``http://`` or ``https://`` store location."""
    return bool(re.match(r"https?:/", str(location), re.IGNORECASE))


def endpoints(url: str, update_url: str | None = None) -> tuple[str, str]:
    """The (query, update) endpoint URLs of a server URL, following each server's conventions;
    ``update_url`` (default: the settings' ``$DIPGRAPH_UPDATE_URL``) names the update endpoint."""
    base = url.rstrip("/")
    update = update_url or settings().update_url
    if base.endswith("/query"):
        return base, update or base[: -len("query")] + "update"
    if base.endswith("/sparql"):
        return base, update or base
    return base + "/query", update or base + "/update"


def _split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """The URL without user:password (so that it is safe to show), and the credentials if it had them."""
    parsed = httpx.URL(url)
    if not parsed.username and not parsed.password:
        return url, None
    return str(parsed.copy_with(userinfo=b"")), (parsed.username, parsed.password)


class _Body(io.RawIOBase):
    """A streamed response body as a file, for pyoxigraph's parsers."""

    def __init__(self, chunks):
        self._chunks = iter(chunks)
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._left:
            self._left = next(self._chunks, b"")
            if not self._left:
                return 0
        n = min(len(buffer), len(self._left))
        buffer[:n], self._left = self._left[:n], self._left[n:]
        return n


class RemoteStore:
    """A dipgraph store in a SPARQL 1.1 server, with the methods of :class:`graph.store.Store`.

    >>> store = RemoteStore("http://127.0.0.1:7878")   # doctest: +SKIP
    >>> store.put(extraction)                          # doctest: +SKIP
    >>> store.query("SELECT * WHERE { ?s dip:met ?o }")  # doctest: +SKIP

    Queries see the union of all named graphs, as in the embedded store: start Oxigraph server with
    ``--union-default-graph`` (else each query asks for it), or set Fuseki's ``tdb2:unionDefaultGraph``.
    A user name and password in the URL (``http://user:secret@host/ds``) are sent as HTTP Basic
    credentials and never shown. ``update_url`` (default: the settings') names the update endpoint.
    """

    def __init__(self, url: str, *, timeout: float = 60.0, update_url: str | None = None):
        clean, auth = _split_credentials(str(url))
        self.path = clean
        self.url = clean
        self.timeout = timeout
        self.query_url, self.update_url = endpoints(clean, update_url)
        self._http = httpx.Client(auth=auth, timeout=timeout)
        self._union_param = False
        try:
            self._ensure_ontology()
            self._check_union()
        except BaseException:
            self._http.close()
            raise

    # -- HTTP -------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _post(self, endpoint: str, body: str, content_type: str, accept: str | None = None, *,
              params: dict | None = None) -> Iterator[httpx.Response]:
        """POST ``body``; the response, streamed. A 400 becomes SyntaxError (the server's message),
        any other refusal or a server out of reach a :class:`RemoteError`."""
        if self._http.is_closed:
            raise RemoteError(f"{self.path}: the store is closed")
        headers = {"Content-Type": content_type + "; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        try:
            with self._http.stream("POST", endpoint, content=body.encode("utf-8"), headers=headers,
                                   params=params) as resp:
                if resp.status_code >= 400:
                    detail = resp.read().decode("utf-8", "replace").strip()
                    if resp.status_code == 400:
                        raise SyntaxError(detail or "the server rejected the request as malformed")
                    raise RemoteError(f"{endpoint}: the server answered {resp.status_code} {resp.reason_phrase}"
                                      + (f": {detail[:500]}" if detail else ""))
                yield resp
        except httpx.HTTPError as exc:
            raise RemoteError(f"{self.path}: cannot reach the SPARQL server ({exc})") from None

    def _select(self, sparql: str, *, union: bool = True) -> ox.QuerySolutions | ox.QueryBoolean:
        params = {"union-default-graph": ""} if union and self._union_param else None
        with self._post(self.query_url, _PROLOGUE + sparql, "application/sparql-query",
                        "application/sparql-results+json", params=params) as resp:
            data = resp.read()
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def _update(self, sparql: str) -> None:
        try:
            with self._post(self.update_url, _PROLOGUE + sparql, "application/sparql-update") as resp:
                resp.read()
        except SyntaxError as exc:
            raise RemoteError(f"{self.update_url}: the server refused an update ({exc})") from None

    # -- life cycle -------------------------------------------------------------------------------
    def _ensure_ontology(self) -> None:
        g = ontology_iri()
        stamp = ontology_stamp()
        try:
            present = bool(self._select(f"ASK {{ GRAPH <{g}> {{ <{g}> dip:textHash {stamp} }} }}", union=False))
        except SyntaxError as exc:
            raise RemoteError(f"{self.query_url}: not a SPARQL endpoint ({exc})") from None
        if present:
            return
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in ontology_quads())
        self._update(f"DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{body}\n}} }}")

    def _check_union(self) -> None:
        """Make queries see all named graphs; a clear error where the server cannot."""
        ask = f"ASK {{ <{ontology_iri()}> dip:textHash ?stamp }}"
        if bool(self._select(ask)):
            return
        self._union_param = True
        try:
            if bool(self._select(ask)):
                return
        except (SyntaxError, RemoteError):
            pass
        self._union_param = False
        raise StoreError(
            f"{self.path}: the server's default graph is not the union of its named graphs, which "
            "dipgraph's queries need; start Oxigraph server with --union-default-graph, or set "
            "tdb2:unionDefaultGraph true in Fuseki's dataset configuration")

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ontology_graph_iri(self) -> URIRef:
        return ontology_iri()

    # -- articles ---------------------------------------------------------------------------------
    def article_hash(self, key: str) -> tuple[str, str] | None:
        """(text hash, pipeline version) stored for an article, or None if it is not stored."""
        g = article_iri(key)
        rows = list(self._select(
            f"SELECT ?h ?v WHERE {{ GRAPH <{g}> {{ <{g}> dip:textHash ?h OPTIONAL {{ <{g}> dip:extractor ?v }} }} }}"
            " LIMIT 1", union=False))
        if not rows:
            return None
        return rows[0]["h"].value, (rows[0]["v"].value if rows[0]["v"] else "")

    def article_source(self, key: str) -> tuple[str | None, str] | None:
        """(digest of the file it was read from, or None; title) of a stored article, or None."""
        g = article_iri(key)
        rows = list(self._select(
            f"SELECT ?d ?t WHERE {{ GRAPH <{g}> {{ <{g}> schema:headline ?t OPTIONAL {{ <{g}> dip:sourceDigest ?d }} }} }}"
            " LIMIT 1", union=False))
        if not rows:
            return None
        return (rows[0]["d"].value if rows[0]["d"] else None), rows[0]["t"].value

    def put(self, ex: Extraction, *, force: bool = False, version: str = PIPELINE_VERSION) -> str:
        """Store one article in its own named graph (one update request); as :meth:`Store.put`."""
        before = self.article_hash(ex.article.key)
        if before is not None and not force and before == (ex.article.hash, version):
            return "unchanged"
        self._update(put_update(ex, version=version))
        return "added" if before is None else "replaced"

    def put_many(self, exs: Iterable[Extraction], *, force: bool = False,
                 version: str = PIPELINE_VERSION) -> list[str]:
        """:meth:`put` for several extractions, one update request each (a server may hold other
        writers' work between them)."""
        return [self.put(ex, force=force, version=version) for ex in exs]

    def resolve_article(self, ref: str) -> URIRef | None:
        """The graph IRI of an article named by id, url or IRI, or None if not stored."""
        prefix = str(article_iri(""))
        for c in (article_iri(ref), URIRef(ref)):
            if str(c).startswith(prefix) and ">" not in str(c) and \
                    bool(self._select(f"ASK {{ GRAPH <{c}> {{ ?s ?p ?o }} }}", union=False)):
                return c
        for row in self._select(article_by_url_query(ref), union=False):
            return URIRef(row["g"].value)
        return None

    def remove(self, ref: str) -> int:
        """Remove exactly what one article contributed; returns the number of quads removed.

        Raises KeyError if no such article is stored.
        """
        g = self.resolve_article(ref)
        if g is None:
            raise KeyError(ref)
        row = next(iter(self._select(f"""SELECT ?n ?m WHERE {{
              {{ SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} }}
              {{ SELECT (COUNT(*) AS ?m) WHERE {{
{orphan_quads_pattern(g)} }} }} }}""", union=False)))
        self._update(remove_update(g))
        return int(row["n"].value) + int(row["m"].value)

    def articles(self) -> list[dict]:
        """Every stored article: key, title, published date, url and number of events."""
        return list_articles(self._select(ARTICLES_QUERY, union=False))

    # -- queries ----------------------------------------------------------------------------------
    def query(self, sparql: str, **kwargs):
        """Run a SPARQL query over the union of all graphs; returns a pyoxigraph result object.

        The project's prefixes are predeclared. Bad SPARQL raises SyntaxError with the server's message.
        """
        extra = set(kwargs) - {"use_default_graph_as_union", "prefixes"}
        if extra:
            raise ValueError(f"a remote store does not support {', '.join(sorted(extra))}")
        params = {"union-default-graph": ""} if self._union_param else None
        try:
            with self._post(self.query_url, _PROLOGUE + sparql, "application/sparql-query", RESULTS_ACCEPT,
                            params=params) as resp:
                kind = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                data = resp.read()
        except SyntaxError as exc:
            raise SyntaxError(_shift_lines(str(exc))) from None
        if kind in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        if kind == "application/sparql-results+xml":
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.XML)
        rdf = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}.get(kind)
        if rdf is None:
            raise RemoteError(f"{self.query_url}: unexpected answer of type {kind or 'unknown'}")
        # A graph result comes back as pyoxigraph's own triple iterator, as the embedded store gives.
        scratch = ox.Store()
        scratch.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                            for t in ox.parse(data, format=rdf))
        return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the server (one request)."""
        self._update(sparql)

    def __len__(self) -> int:
        row = next(iter(self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)))
        return int(row["n"].value)

    def stats(self) -> dict:
        """Counts a user checks first: articles, actors by type, events by predicate, triples."""
        return summarize(self._select, len(self))

    # -- export -----------------------------------------------------------------------------------
    def quads(self):
        """Every quad of the server's named graphs, streamed from one SELECT."""
        with self._post(self.query_url, _PROLOGUE + "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                        "application/sparql-query", "text/tab-separated-values") as resp:
            kind = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            fmt = ox.QueryResultsFormat.TSV if kind == "text/tab-separated-values" else ox.QueryResultsFormat.JSON
            for row in ox.parse_query_results(io.BufferedReader(_Body(resp.iter_bytes())), format=fmt):
                yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def export(self, fmt: str, out: IO[bytes] | str | os.PathLike[str]) -> None:
        """Write the whole store: quads (trig, nquads) or the union of all graphs as triples."""
        if fmt not in RDF_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
        if fmt in QUAD_FORMATS:
            data = self.quads()
        else:
            data = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in self.quads())
        if isinstance(out, (str, os.PathLike)):
            with open(out, "wb") as fh:
                ox.serialize(data, fh, format=RDF_FORMATS[fmt], prefixes=PREFIXES)
        else:
            ox.serialize(data, out, format=RDF_FORMATS[fmt], prefixes=PREFIXES)


def _shift_lines(message: str) -> str:
    """A server's error position, counted in the user's query rather than after the prefix line."""
    def shift(m: re.Match) -> str:
        return f"{m[1]}{max(1, int(m[2]) - 1)}{m[3] or ''}"
    return _POSITION.sub(shift, message, count=1)
