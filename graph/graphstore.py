"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: graphs read and written as documents.

Which graph a request means:

- ``/store?graph=IRI``: the named graph IRI (a relative IRI is resolved against the request's URL);
- ``/store?default``: the store's default graph proper (empty unless a client wrote to it; it is not
  the union of all graphs that a query without a dataset reads);
- ``/store/anything``: the named graph whose IRI is that URL (direct identification, as the
  ``Location`` of a graph made by ``POST /store`` is);
- ``/store`` alone: the whole dataset (every graph), read or added to as N-Quads or TriG.

``GET`` and ``HEAD`` always work; ``PUT`` (replace a graph: 201 if it is new, 204 otherwise),
``POST`` (add to a graph; to ``/store`` with a graph format, make a new graph: 201 and its
``Location``) and ``DELETE`` (404 for a graph that does not exist) only when the server allows
updates. Formats: Turtle, N-Triples, RDF/XML and JSON-LD for a graph, N-Quads and TriG for the
dataset, and ``multipart/form-data`` with one document per part for ``POST``. Each write is one
transaction, checked whole before anything is stored: a bad document changes nothing.

A graph written here is not an article: it has no ``schema:NewsArticle`` description, so the
article listing, ``remove`` and the counts of articles skip it, while queries, the network and the
page read whatever events it holds like any other graph's.
"""
from __future__ import annotations

import email.parser
import email.policy
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from .negotiation import choose_type

__all__ = ["GraphStoreError", "Target", "target_of", "graph_store_endpoint", "GRAPH_TYPES", "DATASET_TYPES",
           "MAX_DOCUMENT_BYTES"]

MAX_DOCUMENT_BYTES = 64_000_000

GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
DATASET_TYPES = {
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
ALIASES = {"application/x-turtle": "text/turtle", "application/turtle": "text/turtle",
           "text/plain": "application/n-triples", "application/xml": "application/rdf+xml",
           "text/xml": "application/rdf+xml", "application/json": "application/ld+json",
           "application/x-trig": "application/trig", "text/x-nquads": "application/n-quads"}
_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML}
_STREAMED = {ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS}
_CHUNK = 5000


class GraphStoreError(Exception):
    """A request the Graph Store answers with an error status and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Target:
    """What a request names: ``kind`` is "graph" (with ``iri``), "default" or "dataset"."""

    kind: str
    iri: str | None = None

    def name(self) -> ox.NamedNode | ox.DefaultGraph:
        return ox.NamedNode(self.iri) if self.kind == "graph" else ox.DefaultGraph()

    def __str__(self) -> str:
        return {"graph": f"the graph <{self.iri}>", "default": "the default graph"}.get(self.kind, "the store")


def target_of(path: str, params: dict[str, list[str]], url: str) -> Target:
    """The target of a request to ``path`` with query ``params``; ``url`` is the request's own URL
    (without its query), against which a relative graph IRI is resolved."""
    from .dataset import resolve_iri

    graph, default = params.get("graph"), "default" in params
    if path.rstrip("/") != "/store":
        if graph or default:
            raise GraphStoreError(400, "a graph named by its URL takes no graph= or default parameter")
        return Target("graph", _checked(url))
    if graph and default:
        raise GraphStoreError(400, "give graph=IRI or default, not both")
    if graph:
        if len(graph) > 1:
            raise GraphStoreError(400, "give one graph= parameter")
        return Target("graph", _checked(resolve_iri(graph[0], url)))
    return Target("default") if default else Target("dataset")


def _checked(iri: str) -> str:
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise GraphStoreError(400, f"not a graph IRI: {iri!r} ({exc})") from None
    return iri


def _choose(accept: str | None, offered: dict) -> str | None:

    return choose_type(accept, offered, ALIASES)


def _exists(store: ox.Store, t: Target) -> bool:
    return t.kind != "graph" or store.contains_named_graph(t.name())


def _documents(body: bytes, content_type: str) -> list[tuple[str, bytes]]:
    """(media type, bytes) of each document a request carries: one, or one per multipart part."""
    mime = content_type.split(";")[0].strip().lower()
    if mime != "multipart/form-data":
        return [(ALIASES.get(mime, mime), body)]
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
    if not msg.is_multipart():
        raise GraphStoreError(400, "a multipart/form-data body without parts (is its boundary right?)")
    out = []
    for part in msg.iter_parts():
        ptype = part.get_content_type().lower()
        out.append((ALIASES.get(ptype, ptype), part.get_payload(decode=True) or b""))
    return out


def _parse(docs: list[tuple[str, bytes]], t: Target, base: str) -> list[ox.Quad]:
    """Every quad of the documents, checked whole; triples go to the target graph."""
    quads: list[ox.Quad] = []
    into = t.name() if t.kind != "dataset" else ox.DefaultGraph()
    for mime, data in docs:
        fmt = GRAPH_TYPES.get(mime) or (DATASET_TYPES.get(mime) if t.kind == "dataset" else None)
        if fmt is None:
            kinds = list(GRAPH_TYPES) + (list(DATASET_TYPES) if t.kind == "dataset" else [])
            hint = "" if t.kind == "dataset" or mime not in DATASET_TYPES else \
                " (N-Quads and TriG are for the whole store: send them to /store without graph= or default)"
            raise GraphStoreError(415, f"cannot read {mime or 'a body without Content-Type'} into {t}; "
                                       f"send one of {', '.join(kinds)}{hint}")
        try:
            for q in ox.parse(data, format=fmt, base_iri=base):
                quads.append(q if fmt in DATASET_TYPES.values() else ox.Quad(q.subject, q.predicate, q.object, into))
        except (SyntaxError, ValueError) as exc:
            raise GraphStoreError(400, f"the {mime} document is not valid: {exc}") from None
    for q in quads:
        if isinstance(q.graph_name, ox.BlankNode):
            raise GraphStoreError(400, "a graph named by a blank node cannot be stored; name it with an IRI")
    return quads


def _insert_data(quads: list[ox.Quad]) -> str:
    """SPARQL INSERT DATA text adding ``quads`` (terms written in N-Triples form, valid SPARQL)."""
    groups: dict = {}
    for q in quads:
        groups.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    parts = []
    for g, lines in groups.items():
        body = "\n".join(lines)
        parts.append(body if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{body}\n}}")
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}" if parts else ""


def _serialized(store: ox.Store, t: Target, fmt: ox.RdfFormat, prefixes: dict) -> Iterator[bytes] | bytes:
    """The target's content, streamed in chunks for the line formats, whole for the others."""
    graph = None if t.kind == "dataset" else t.name()
    if fmt not in _STREAMED:
        return store.dump(format=fmt, from_graph=graph, prefixes=prefixes if fmt in _PREFIXED else None) or b""

    def chunks() -> Iterator[bytes]:
        batch: list = []
        for q in store.quads_for_pattern(None, None, None, graph):
            batch.append(q if graph is None else ox.Triple(q.subject, q.predicate, q.object))
            if len(batch) >= _CHUNK:
                yield ox.serialize(batch, format=fmt) or b""
                batch = []
        if batch:
            yield ox.serialize(batch, format=fmt) or b""
    return chunks()


def graph_store_endpoint(store, *, write: Callable, allow_update: bool, url_of: Callable, prefixes: dict,
                         max_bytes: int = MAX_DOCUMENT_BYTES, write_refusal: Callable = lambda request: None):
    """The Starlette endpoint of the Graph Store over ``store`` (a :class:`graph.store.Store`).

    ``write(fn, *args)`` runs a write on the live store and lets readers see it; ``url_of(request)``
    is a request's URL without its query (the base for relative IRIs); ``write_refusal(request)`` is
    the server's answer refusing a write (its content type, its token), or None.
    """
    import asyncio
    from urllib.parse import parse_qsl

    from starlette.responses import PlainTextResponse, Response, StreamingResponse

    ox_store: ox.Store = store.oxigraph

    def text(status: int, message: str, **headers) -> PlainTextResponse:
        return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)

    def read(request, t: Target) -> Response:
        offered = DATASET_TYPES if t.kind == "dataset" else GRAPH_TYPES
        mime = _choose(request.headers.get("accept"), offered)
        if mime is None:
            return text(406, f"{t} can be given as {', '.join(offered)}; not as {request.headers.get('accept')}")
        if not _exists(ox_store, t):
            return text(404, f"no graph <{t.iri}> in this store")
        ctype = mime + ("; charset=utf-8" if mime.startswith("text/") or mime.endswith("json") else "")
        if request.method == "HEAD":
            return Response(b"", media_type=ctype, headers={"Vary": "Accept"})
        body = _serialized(ox_store, t, offered[mime], prefixes)
        if isinstance(body, bytes):
            return Response(body, media_type=ctype, headers={"Vary": "Accept"})
        return StreamingResponse(body, media_type=ctype, headers={"Vary": "Accept"})

    async def body_of(request) -> bytes:
        data = b""
        async for chunk in request.stream():
            data += chunk
            if len(data) > max_bytes:
                raise GraphStoreError(413, f"the request body is over {max_bytes} bytes; load larger files "
                                           "with the server stopped (dipgraph's store is an Oxigraph folder)")
        return data

    def put(t: Target, quads: list[ox.Quad]) -> bool:
        new = not _exists(ox_store, t) if t.kind == "graph" else \
            next(ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None
        clear = f"DROP SILENT GRAPH <{t.iri}> ; CREATE SILENT GRAPH <{t.iri}>" if t.kind == "graph" else "CLEAR DEFAULT"
        data = _insert_data(quads)
        ox_store.update(clear + (" ;\n" + data if data else ""))
        store.forget_written_actors()
        return new

    def post(t: Target, quads: list[ox.Quad]) -> bool:
        new = t.kind == "graph" and not _exists(ox_store, t)
        data = _insert_data(quads)
        create = f"CREATE SILENT GRAPH <{t.iri}>" if t.kind == "graph" else ""
        text_ = " ;\n".join(x for x in (create, data) if x)
        if text_:
            ox_store.update(text_)
        return new

    def delete(t: Target) -> None:
        ox_store.update(f"DROP GRAPH <{t.iri}>" if t.kind == "graph" else "CLEAR DEFAULT")
        store.forget_written_actors()

    async def endpoint(request) -> Response:
        params: dict[str, list[str]] = {}
        for k, v in parse_qsl(request.url.query, keep_blank_values=True):
            params.setdefault(k, []).append(v)
        url = url_of(request)
        try:
            t = target_of(request.url.path, params, url)
            if request.method in ("GET", "HEAD"):
                return await asyncio.to_thread(read, request, t)
            if not allow_update:
                return text(403, "writes to the Graph Store are refused: this server is read-only (start it "
                                 "with --allow-update to accept PUT, POST and DELETE)")
            refused = write_refusal(request)
            if refused is not None:
                return refused
            if request.method == "DELETE":
                if t.kind == "dataset":
                    return text(405, "DELETE takes one graph: /store?graph=IRI or /store?default",
                                Allow="GET, HEAD, POST")
                if not _exists(ox_store, t):
                    return text(404, f"no graph <{t.iri}> in this store")
                await asyncio.to_thread(write, delete, t)
                return Response(status_code=204)
            if t.kind == "dataset" and request.method == "PUT":
                return text(405, "PUT takes one graph: /store?graph=IRI or /store?default (replacing the whole "
                                 "store this way is not offered)", Allow="GET, HEAD, POST")
            docs = _documents(await body_of(request), request.headers.get("content-type", ""))
            made = None
            if t.kind == "dataset" and all(m in GRAPH_TYPES for m, _ in docs):
                made = f"{url.rstrip('/')}/{uuid.uuid4().hex}"  # POST of a graph to the store: a new graph
                t = Target("graph", made)
            base = t.iri if t.kind == "graph" else url
            quads = await asyncio.to_thread(_parse, docs, t, base)
            if request.method == "PUT":
                new = await asyncio.to_thread(write, put, t, quads)
            else:
                new = await asyncio.to_thread(write, post, t, quads)
            if made:
                return Response(status_code=201, headers={"Location": made})
            return Response(status_code=201 if new else 204)
        except GraphStoreError as exc:
            return text(exc.status, str(exc))
        except (OSError, ValueError, SyntaxError) as exc:
            return text(500, f"the Graph Store request failed: {exc}")

    return endpoint
