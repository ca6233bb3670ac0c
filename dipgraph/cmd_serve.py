"""The `serve` verb: a SPARQL endpoint and the graph page over a store, which this process holds
(so `dipgraph ingest` hands its articles over; see :mod:`ingest.handover`)."""
from __future__ import annotations

import functools
import json
import os
import re
import signal
import socket
from typing import Optional

import typer

from dipgraph.options import ModelOpt, StoreOpt, err, fail, open_store

__all__ = ["register", "serve", "MAX_HEADER_BYTES"]

MAX_HEADER_BYTES = 1_048_576

SERVE_HELP = """Serve the store as a SPARQL 1.1 endpoint (/sparql), with the Graph Store HTTP Protocol
(/store), the graph page (/), a query page (/query) and /health.

Datasets: a query that names none (no FROM / FROM NAMED, no default-graph-uri / named-graph-uri)
reads the union of all graphs as its default graph; one that names a dataset reads exactly it.
With --allow-update, updates read the same way, and the Graph Store HTTP Protocol at /store
accepts PUT, POST and DELETE as well as GET.

Safe by default: bound to 127.0.0.1, read-only (every write refused: SPARQL Update and /store
unless --allow-update, articles on /ingest unless --allow-ingest or --allow-update), SERVICE
refused and LOAD refused unless --allow-load (the server never fetches from elsewhere for a
client), answering only requests that name it by an IP address or localhost (--allowed-host adds
names), refusing POSTs from pages of other sites, each query stopped after --timeout seconds (503)
while other clients are served, results capped at --max-rows (the response then has an
X-SPARQL-MaxRows header), slow clients cut off after --client-timeout seconds, no CORS unless
--cors. With --token (or $DIPGRAPH_TOKEN) every write must carry the header 'Authorization: Bearer
TOKEN'.

Concurrent writers: Oxigraph lets one process open a store folder, so while the server runs it
holds the store. With --allow-ingest, `dipgraph ingest --store DIR` then sends its articles to the
server, which extracts and stores them while queries keep being answered (the server notes its
address in DIR/server.json). Queries read a snapshot of the store taken after each write, so they
never wait for a writer. Other commands that open the store (query, stats, export...) cannot while
the server runs; query the endpoint instead.

Example: dipgraph serve --store my-store, then open http://127.0.0.1:7878/
"""


def _bind(host: str, port: int) -> socket.socket:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, addr = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    sock.bind(addr)
    sock.listen(2048)
    return sock


def serve(
    store: Optional[str] = StoreOpt,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 or :: to accept other machines)."),
    port: int = typer.Option(7878, min=0, max=65535, help="Port (0 picks a free one; see server.json)."),
    timeout: float = typer.Option(30.0, min=0.1, help="Seconds a query may run before it is stopped (503); also the longest wait for a free worker."),
    max_rows: int = typer.Option(10_000, "--max-rows", min=1, help="Most rows (or triples) in one answer."),
    cors: Optional[str] = typer.Option(None, help="Allow browser pages from this origin (comma-separated, or *)."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL Update, Graph Store writes, "
                                      "and articles on /ingest from any client."),
    allow_ingest: bool = typer.Option(False, "--allow-ingest", help="Accept articles on /ingest from this "
                                      "machine (what `dipgraph ingest` sends while the server holds the store)."),
    allow_load: bool = typer.Option(False, "--allow-load", help="Let SPARQL LOAD fetch documents (with "
                                    "--allow-update), from public addresses only."),
    token: Optional[str] = typer.Option(None, envvar="DIPGRAPH_TOKEN", show_envvar=False,
                                        help="Require 'Authorization: Bearer TOKEN' with every write "
                                             "(default: $DIPGRAPH_TOKEN, which `dipgraph ingest` sends)."),
    allowed_host: list[str] = typer.Option([], "--allowed-host", help="A name clients may use for this "
                                           "server besides its IP addresses and localhost (repeat for more; * for any)."),
    workers: int = typer.Option(2, min=1, max=64, help="Query worker processes (queries answered at once); "
                                "one more is kept for short queries."),
    max_connections: int = typer.Option(1000, "--max-connections", min=8, help="Most connections open at once "
                                        "(lowered to fit the limit on open files)."),
    client_timeout: float = typer.Option(10.0, "--client-timeout", min=0.5, help="Seconds a client may take to "
                                         "send a request's headers (six times as long for its body)."),
    model: Optional[str] = ModelOpt,
    base: Optional[str] = typer.Option(None, help="URL of this server's root as clients reach it (behind a "
                                       "proxy, say), the base of relative IRIs in queries, updates and "
                                       "/store requests (default: the URL each request was sent to)."),
):
    from dipgraph.graph.limits import ConnectionLimits, raise_open_files_limit, run_server, safe_connection_cap
    from dipgraph.graph.server import create_app
    from dipgraph.ingest.handover import ingest_records, server_file
    from dipgraph.ingest.pipeline import Extractor

    if base is not None and not re.match(r"https?://[^/\s]+", base):
        fail(f"--base must be an http:// or https:// URL, not {base!r}")
    if token is not None and not token.strip():
        fail("--token (or $DIPGRAPH_TOKEN) is empty; give a secret, or leave it out")
    raise_open_files_limit()
    st = open_store(store)
    if getattr(st, "private", False):  # what the store writes while serving is the owner's only too
        os.umask(os.umask(0) | 0o077)
    try:
        sock = _bind(host, port)
    except OSError as exc:
        st.close()
        fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound_port}"
    local = f"http://127.0.0.1:{bound_port}" if host in ("0.0.0.0", "::", "") else url
    info = server_file(st.path)
    # one extractor for the server's life; its language model loads with the first articles sent
    ingest = functools.partial(ingest_records, extractor=Extractor(model))
    hosts = tuple(allowed_host) + ((host,) if host not in ("0.0.0.0", "::", "") else ())
    # Request lines up to MAX_HEADER_BYTES are read whole, so that a GET with a too long URL gets
    # a 414 and a hint to POST rather than a dropped connection.
    limits = ConnectionLimits(max_connections=safe_connection_cap(max_connections),
                              header_timeout=client_timeout, body_timeout=6 * client_timeout,
                              send_timeout=6 * client_timeout, max_header_bytes=MAX_HEADER_BYTES)
    try:
        app = create_app(st, ingest=ingest, timeout=timeout, max_rows=max_rows, cors=cors,
                         allow_update=allow_update, workers=workers, base=base, allow_ingest=allow_ingest,
                         allow_load=allow_load, token=token, hosts=hosts)
        _write_private(info, json.dumps({"url": local, "host": host, "port": bound_port, "pid": os.getpid(),
                                         "instance": app.state.instance}) + "\n")
        err(f"dipgraph: serving {st.path} at {url}/ (SPARQL endpoint {url}/sparql); Ctrl-C stops")
        for sig in (signal.SIGINT, signal.SIGTERM):  # uvicorn stops, then re-raises: end quietly
            signal.signal(sig, _quiet_exit)
        run_server(app, sock, limits)
    finally:
        try:
            if json.loads(info.read_text("utf-8")).get("pid") == os.getpid():
                info.unlink()
        except (OSError, ValueError):
            pass
        sock.close()
        st.close()


def _write_private(path, text: str) -> None:
    """Write a file only its owner may read (the store's own files are kept so too)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)


def _quiet_exit(signum, frame):
    raise SystemExit(0)


def register(app: typer.Typer) -> None:
    app.command(help=SERVE_HELP)(serve)
