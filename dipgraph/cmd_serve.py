"""The `serve` verb: a SPARQL endpoint and the graph page over a store, and the hand-over of
`dipgraph ingest` to a running server (which holds the store, so it does the writing)."""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from typing import Optional

import typer

__all__ = ["register", "serve", "SERVER_FILE", "running_server", "forward_ingest", "ingest_records"]

SERVER_FILE = "server.json"
FORWARD_BATCH = 8

StoreOpt = typer.Option(None, "--store", "-s", envvar="DIPGRAPH_STORE", show_envvar=False,
                        help="Store folder (default: $DIPGRAPH_STORE, else ./dipgraph-store).")

SERVE_HELP = """Serve the store as a SPARQL 1.1 endpoint (/sparql), with the graph page (/), a query page
(/query) and /health.

Safe by default: bound to 127.0.0.1, read-only (SPARQL Update answers 403 unless --allow-update),
SERVICE refused (the server never calls other endpoints for a client), each query stopped after
--timeout seconds (503) while other clients are served, results capped at --max-rows (the response
then has an X-SPARQL-MaxRows header), no CORS unless --cors.

Concurrent writers: Oxigraph lets one process open a store folder, so while the server runs it
holds the store. `dipgraph ingest --store DIR` then sends its articles to the server, which
extracts and stores them while queries keep being answered (the server notes its address in
DIR/server.json). Queries read a snapshot of the store taken after each write, so they never
wait for a writer. Other commands that open the store (query, stats, export...) cannot while the
server runs; query the endpoint instead.

Example: dipgraph serve --store my-store, then open http://127.0.0.1:7878/
"""


def ingest_records(store, records: list[dict], *, force: bool = False) -> dict:
    """Extract and store articles given as JSON records (what ``dipgraph ingest`` forwards)."""
    from dipgraph.graph.records import Article
    from dipgraph.ingest.pipeline import ingest

    fields = {f.name for f in dataclasses.fields(Article)}
    articles = []
    for rec in records:
        kw = {k: v for k, v in rec.items() if k in fields and v is not None}
        if "published" in kw:
            kw["published"] = date.fromisoformat(str(kw["published"]))
        for k, v in kw.items():
            if k != "published" and not isinstance(v, str):
                raise ValueError(f"field {k!r} must be text")
        articles.append(Article(**kw))
    report = ingest(store, articles, extractor=_extractor(), force=force)
    return {"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
            "events": report.events, "problems": [str(p) for p in report.problems]}


_EXTRACTOR = []


def _extractor():
    """One extractor per server process, loaded on the first ingestion."""
    if not _EXTRACTOR:
        from dipgraph.ingest.pipeline import DEFAULT_MODEL, Extractor

        _EXTRACTOR.append(Extractor(DEFAULT_MODEL))
    return _EXTRACTOR[0]


def running_server(store: Path) -> str | None:
    """The URL of a live server holding ``store``, or None."""
    info_file = Path(store) / SERVER_FILE
    try:
        info = json.loads(info_file.read_text("utf-8"))
        url = str(info["url"])
        with urllib.request.urlopen(url + "/health", timeout=3) as r:
            health = json.loads(r.read())
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if health.get("store") != str(Path(store).resolve()):
        return None
    return url


def forward_ingest(url: str, paths: list[str], *, max_bytes: int, force: bool = False) -> int:
    """Read articles here and send them to the server at ``url`` in batches; returns the exit status."""
    from dipgraph.ingest.read import Problem, read_paths

    from dipgraph.cli import err

    totals = {"added": 0, "replaced": 0, "unchanged": 0, "events": 0}
    problems = 0
    batch: list[dict] = []

    def send() -> None:
        nonlocal problems
        body = "\n".join(json.dumps(r) for r in batch).encode("utf-8")
        req = urllib.request.Request(url + "/ingest" + ("?force=1" if force else ""), data=body,
                                     headers={"Content-Type": "application/x-ndjson"}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=600) as r:
                report = json.loads(r.read())
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"the server at {url} refused the articles: "
                               f"{exc.read().decode('utf-8', 'replace').strip()}") from None
        except (OSError, ValueError) as exc:
            raise RuntimeError(f"cannot send the articles to the server at {url} ({exc})") from None
        for k in totals:
            totals[k] += report.get(k, 0)
        for p in report.get("problems", []):
            problems += 1
            err(f"error: {p}")
        batch.clear()

    try:
        for item in read_paths(paths, max_bytes=max_bytes):
            if isinstance(item, Problem):
                problems += item.level == "error"
                err(f"{item.level}: {item}")
                continue
            rec = dataclasses.asdict(item)
            rec["published"] = item.published.isoformat() if item.published else None
            batch.append(rec)
            if len(batch) >= FORWARD_BATCH:
                send()
        if batch:
            send()
    except RuntimeError as exc:
        err(f"dipgraph: {exc}")
        return 2
    typer.echo(f"{totals['added']} added, {totals['replaced']} replaced, {totals['unchanged']} unchanged; "
               f"{totals['events']} events; sent to the server at {url}")
    if problems:
        err(f"dipgraph: {problems} input(s) could not be read; see above")
        return 1
    return 0


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
    store: Optional[Path] = StoreOpt,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 or :: to accept other machines)."),
    port: int = typer.Option(7878, min=0, max=65535, help="Port (0 picks a free one; see server.json)."),
    timeout: float = typer.Option(30.0, min=0.1, help="Seconds a query may run before it is stopped (503); also the longest wait for a free worker."),
    max_rows: int = typer.Option(10_000, "--max-rows", min=1, help="Most rows (or triples) in one answer."),
    cors: Optional[str] = typer.Option(None, help="Allow browser pages from this origin (comma-separated, or *)."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL Update (and /ingest from "
                                      "other machines)."),
    workers: int = typer.Option(2, min=1, max=64, help="Query worker processes (queries answered at once)."),
):
    import uvicorn

    from dipgraph.cli import err, fail, open_store
    from dipgraph.graph.server import create_app

    st = open_store(store)
    try:
        sock = _bind(host, port)
    except OSError as exc:
        st.close()
        fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound_port}"
    local = f"http://127.0.0.1:{bound_port}" if host in ("0.0.0.0", "::", "") else url
    info = st.path / SERVER_FILE
    try:
        app = create_app(st, ingest=ingest_records, timeout=timeout, max_rows=max_rows, cors=cors,
                         allow_update=allow_update, workers=workers)
        info.write_text(json.dumps({"url": local, "host": host, "port": bound_port, "pid": os.getpid()}) + "\n",
                        "utf-8")
        err(f"dipgraph: serving {st.path} at {url}/ (SPARQL endpoint {url}/sparql); Ctrl-C stops")
        for sig in (signal.SIGINT, signal.SIGTERM):  # uvicorn stops, then re-raises: end quietly
            signal.signal(sig, _quiet_exit)
        config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=3)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        try:
            if json.loads(info.read_text("utf-8")).get("pid") == os.getpid():
                info.unlink()
        except (OSError, ValueError):
            pass
        sock.close()
        st.close()


def _quiet_exit(signum, frame):
    raise SystemExit(0)


def register(app: typer.Typer) -> None:
    app.command(help=SERVE_HELP)(serve)
