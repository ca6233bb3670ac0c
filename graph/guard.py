"""Request guards of the server: which requests reach it at all, and which may write.

Every request must name the server in its ``Host`` header by an IP address, ``localhost`` or a
name the server was told to answer to: a page whose own domain resolves to this machine (DNS
rebinding) therefore gets nothing, not even answers to queries. A request with a body (POST, PUT,
DELETE) coming from a browser page must come from the server's own origin or one allowed with
``--cors``: browsers say where a request comes from (``Origin``, ``Sec-Fetch-Site``), so a page on
another site cannot make the server act for it (cross-site request forgery), even by a ``no-cors``
fetch or a plain form whose answer it cannot read.

Writes are refused unless allowed when the server starts, and when allowed they must say what they
send with a content type a page on another site cannot send without asking first (JSON, N-Triples,
``application/sparql-update``; a form only under the origin check above), and carry
``Authorization: Bearer TOKEN`` when the server has a token.
"""
from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Guard", "GuardMiddleware", "host_name", "origin_of", "bearer_matches", "SAFE_METHODS"]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_name(host: str) -> str:
    """The name or address in a ``Host`` header, without the port and brackets, in lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def origin_of(scheme: str, host: str) -> str:
    """The origin (``scheme://host[:port]``) of a request to ``host``, as a browser would write it."""
    host = host.strip().lower()
    default = {"http": ":80", "https": ":443"}.get(scheme, "")
    if default and host.endswith(default):
        host = host[: -len(default)]
    return f"{scheme}://{host}"


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Guard:
    """What the server accepts, decided once at start.

    ``hosts`` are the names (besides IP addresses and ``localhost``) that clients may use for the
    server; ``"*"`` accepts any. ``origins`` are the page origins allowed besides the server's own
    (those of ``--cors``; ``"*"`` there lets pages read answers but never lets them write).
    """

    hosts: frozenset[str] = frozenset()
    origins: frozenset[str] = frozenset()
    token: str | None = None
    allow_update: bool = False
    allow_ingest: bool = False
    allow_load: bool = False

    @classmethod
    def make(cls, *, hosts: Iterable[str] = (), cors: str | None = None, **kwargs) -> Guard:
        origins = frozenset(o.strip().rstrip("/").lower() for o in (cors or "").split(",") if o.strip())
        return cls(hosts=frozenset(host_name(h) for h in hosts if h.strip()), origins=origins, **kwargs)

    # -- every request ----------------------------------------------------------------------------
    def host_refusal(self, host: str | None) -> str | None:
        """Why a request with this ``Host`` header is refused, or None to serve it."""
        if host is None or "*" in self.hosts:
            return None
        name = host_name(host)
        if _is_ip(name) or name == "localhost" or name in self.hosts:
            return None
        shown = name[:100].encode("ascii", "replace").decode("ascii")
        return (f"this server does not answer to the name {shown!r} (only to its IP addresses and localhost); "
                f"start it with --allowed-host {shown} if that name is really its own")

    def origin_refusal(self, method: str, scheme: str, host: str | None, origin: str | None,
                       fetch_site: str | None) -> str | None:
        """Why a request from a browser page of another origin is refused, or None.

        Requests that cannot change anything (GET, HEAD, OPTIONS) pass: the browser keeps their
        answers from pages the server did not allow with ``--cors``.
        """
        if method.upper() in SAFE_METHODS:
            return None
        if origin is not None:
            origin = origin.strip().rstrip("/").lower()
            own = origin_of(scheme, host) if host else None
            if origin == own or origin in self.origins:
                return None
            return (f"a page from {origin[:100]!r} may not send {method.upper()} requests to this server "
                    "(only its own pages, and origins named with --cors, may)")
        if fetch_site is not None and fetch_site.strip().lower() in ("cross-site", "same-site"):
            return "a page of another site may not send requests that change this server"
        return None

    # -- writes -----------------------------------------------------------------------------------
    def write_refusal(self, kind: str, *, content_type: str, authorization: str | None,
                      client: str | None, own_address: str | None,
                      allowed_types: Iterable[str] | None) -> tuple[int, str] | None:
        """(status, message) refusing a write of ``kind`` ("update" or "ingest"), or None.

        ``content_type`` is the media type alone; ``allowed_types`` those the route accepts (None
        for a write without a body, such as DELETE).
        """
        if kind == "ingest":
            allowed = self.allow_update or self.allow_ingest
            if not allowed:
                return 403, ("articles are refused: this server is read-only (start it with --allow-ingest "
                             "to accept articles from `dipgraph ingest` on this machine, or --allow-update)")
            if not self.allow_update and client not in ("127.0.0.1", "::1", own_address):
                return 403, ("articles are accepted from this machine only (start the server with "
                             "--allow-update to accept them from others)")
        elif kind == "update":
            if not self.allow_update:
                return 403, ("updates are refused: this endpoint is read-only (start it with --allow-update "
                             "to accept SPARQL Update)")
        else:
            raise ValueError(f"unknown kind of write {kind!r}")
        types = tuple(allowed_types or ())
        if allowed_types is not None and content_type not in types:
            return 415, (f"a write must be sent as {' or '.join(types) if len(types) < 3 else 'one of ' + ', '.join(types)}, "
                         f"not as {content_type or 'a body without a type'}")
        if self.token is not None and not bearer_matches(authorization, self.token):
            return 401, ("this server takes writes with its token only: send the header "
                         "'Authorization: Bearer TOKEN' (the value given to --token)")
        return None


def bearer_matches(authorization: str | None, token: str) -> bool:
    """True if an ``Authorization`` header carries ``token`` as a bearer token (compared in constant time)."""
    if not authorization:
        return False
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(value.strip().encode("utf-8"), token.encode("utf-8"))


class GuardMiddleware:
    """ASGI middleware refusing, before any route runs, requests for another host name and
    requests that change things from pages of other origins (see :class:`Guard`); a client that
    goes away in the middle of its request ends that request quietly."""

    def __init__(self, app, guard: Guard):
        self.app = app
        self.guard = guard

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        from starlette.datastructures import Headers
        from starlette.requests import ClientDisconnect
        from starlette.responses import PlainTextResponse

        headers = Headers(scope=scope)
        host = headers.get("host")
        why = self.guard.host_refusal(host) or self.guard.origin_refusal(
            scope["method"], scope.get("scheme", "http"), host, headers.get("origin"), headers.get("sec-fetch-site"))
        if why is not None:
            await PlainTextResponse(why + "\n", status_code=403)(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        except ClientDisconnect:
            return
