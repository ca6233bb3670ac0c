"""SPARQL ``LOAD`` for the server, fetched by dipgraph itself and only from public addresses.

Left to the store, ``LOAD <http://127.0.0.1:.../>`` would make the server fetch from this machine
or its private network for whoever sends the update (server-side request forgery). So the server
refuses every update that mentions ``LOAD`` unless started with ``--allow-load``; then an update
made of ``LOAD`` operations only is carried out here: the host name is resolved once, every
address it has must be public (not loopback, private, link-local, multicast or reserved), the
connection goes to an address so checked (a second lookup cannot point it elsewhere), each
redirect is checked the same way, and the document is read up to a size limit and parsed before
anything is written, so a failed LOAD writes nothing.
"""
from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox

from .sparqltext import LEXICAL, unescape

__all__ = ["LoadRequest", "Document", "LoadRefused", "LoadFailed", "uses_load", "load_requests", "is_public",
           "fetch", "fetch_all", "load_documents"]

MAX_REDIRECTS = 5
ACCEPT = ("text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.8, application/ld+json;q=0.8, "
          "application/n-quads;q=0.7, application/trig;q=0.7, text/n3;q=0.5")
_LOAD_WORD = re.compile(r"(?<![\w?$:-])load(?![\w:.-])", re.IGNORECASE)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class LoadRefused(Exception):
    """A LOAD this server will not carry out (the address is not public, the scheme not HTTP)."""


class LoadFailed(Exception):
    """A LOAD whose document could not be fetched or read."""


@dataclass(frozen=True)
class LoadRequest:
    """One ``LOAD [SILENT] <iri> [INTO GRAPH <graph>]`` operation."""

    iri: str
    graph: str | None = None
    silent: bool = False


@dataclass(frozen=True)
class Document:
    """A fetched document, ready to be parsed into the graph its LOAD names."""

    request: LoadRequest
    url: str
    data: bytes
    format: ox.RdfFormat


def uses_load(update: str) -> bool:
    """True if an update might contain ``LOAD``: the word outside strings, IRIs and comments (after
    SPARQL's escapes are applied, as for SERVICE). Errs on the side of saying yes."""

    text = unescape(update)
    if "load" not in text.lower():
        return False
    return bool(_LOAD_WORD.search(LEXICAL.sub(" ", text)))


def load_requests(update: str, prefixes: dict[str, str]) -> list[LoadRequest]:
    """The LOAD operations of an update made of nothing else; ValueError for anything else."""
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        ops = list(translateUpdate(parseUpdate(update), initNs=prefixes).algebra)
    except Exception as exc:  # noqa: BLE001 - rdflib raises several kinds for bad text
        raise ValueError(f"SPARQL syntax error: {exc}") from None
    if not ops or any(op.name != "Load" for op in ops):
        raise ValueError("an update with LOAD must hold LOAD operations only; send the other operations "
                         "in an update of their own")
    return [LoadRequest(str(op.iri), str(op.graphiri) if op.get("graphiri") else None, bool(op.get("silent")))
            for op in ops]


def is_public(address: str) -> bool:
    """True for an address on the public internet: not loopback, private, link-local, shared,
    multicast, reserved or unspecified, also when written inside an IPv6 address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour or (
            ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        if embedded is not None:
            return is_public(str(embedded))
    return ip.is_global and not ip.is_multicast


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a host name that connects to an address checked beforehand."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """The same over TLS, the certificate checked against the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _checked_address(url: str, allowed: Callable[[str], bool]) -> tuple[str, str, int, str]:
    """(scheme, host, port, address) of a URL whose host resolves to allowed addresses only."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise LoadRefused(f"LOAD fetches http and https documents only, not {url[:200]!r}")
    host = parts.hostname
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise LoadFailed(f"cannot resolve {host!r} ({exc})") from None
    addresses = sorted({info[4][0] for info in infos})
    refused = [a for a in addresses if not allowed(a)]
    if not addresses or refused:
        raise LoadRefused(f"LOAD may fetch from public addresses only; {host} is "
                          f"{', '.join(refused) or 'nowhere'}")
    return scheme, host, port, addresses[0]


def fetch(url: str, *, timeout: float, max_bytes: int, allowed: Callable[[str], bool] = is_public) -> tuple[str, bytes, str]:
    """(final url, body, media type) of a document fetched from allowed addresses only, redirects
    included; LoadRefused or LoadFailed otherwise."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, address = _checked_address(url, allowed)
        kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        conn = kind(host, port, address, timeout=max(0.1, deadline - time.monotonic()))
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request("GET", target, headers={"Accept": ACCEPT, "User-Agent": "dipgraph-load"})
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308) and resp.getheader("Location"):
                url = urljoin(url, resp.getheader("Location"))
                continue
            if resp.status != 200:
                raise LoadFailed(f"{url[:200]} answered {resp.status} {resp.reason}")
            body = bytearray()
            while chunk := resp.read(65536):
                body += chunk
                if len(body) > max_bytes:
                    raise LoadFailed(f"{url[:200]} is over {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise LoadFailed(f"{url[:200]} took longer than {timeout:g} seconds")
            media = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
            return url, bytes(body), media
        except (OSError, http.client.HTTPException) as exc:
            raise LoadFailed(f"cannot fetch {url[:200]} ({exc})") from None
        finally:
            conn.close()
    raise LoadFailed(f"more than {MAX_REDIRECTS} redirects from {url[:200]}")


def _format(url: str, media: str) -> ox.RdfFormat | None:
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None:
        path = urlsplit(url).path
        fmt = ox.RdfFormat.from_extension(path.rsplit(".", 1)[-1]) if "." in path else None
    return fmt


def fetch_all(requests: Iterable[LoadRequest], *, timeout: float, max_bytes: int,
              allowed: Callable[[str], bool] = is_public) -> list[Document]:
    """The documents of several LOADs; a failure of a SILENT one skips it, a refusal never does."""
    docs = []
    for req in requests:
        try:
            url, data, media = fetch(req.iri, timeout=timeout, max_bytes=max_bytes, allowed=allowed)
            fmt = _format(url, media)
            if fmt is None:
                raise LoadFailed(f"{url[:200]} is not in an RDF format this server reads ({media or 'no type'})")
        except LoadFailed:
            if req.silent:
                continue
            raise
        docs.append(Document(req, url, data, fmt))
    return docs


def load_documents(store: ox.Store, docs: Iterable[Document]) -> int:
    """Parse every document, then add all their quads in one transaction; returns the count."""
    quads = []
    for doc in docs:
        graph = ox.NamedNode(doc.request.graph) if doc.request.graph else None
        for q in ox.parse(doc.data, format=doc.format, base_iri=doc.url):
            quads.append(ox.Quad(q.subject, q.predicate, q.object, graph or q.graph_name))
    store.extend(quads)
    return len(quads)
