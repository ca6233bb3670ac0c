"""A SPARQL 1.1 Protocol endpoint over a dipgraph store, with the graph page and a query page.

Routes: ``/sparql`` (query by GET, form POST or ``application/sparql-query``; update by POST when
allowed; the service description for a GET without a query), ``/store`` (the Graph Store HTTP
Protocol, in :mod:`graph.graphstore`), ``/`` (the graph page built from the live store), ``/query``
(an offline query page), ``/health`` (for probes) and ``/ingest`` (articles sent by ``dipgraph
ingest`` while serving). The dataset a query or update reads follows :mod:`graph.dataset`;
relative IRIs resolve against the request's URL, or against ``base`` when the server is given one.

How queries run, and why. pyoxigraph cannot interrupt a query from Python, and a thread stuck in
a runaway query would burn a core for ever. So client queries run in a small pool of worker
*processes*; a query still running after ``timeout`` seconds is answered with 503 and its worker is
killed and replaced, which really stops the work. Oxigraph lets only one process open a store for
writing, and opening it read-only while another process writes is undefined, so workers never open
the live store: the server holds it (and is its only writer), takes a cheap on-disk snapshot of it
(a RocksDB checkpoint made of hard links, in ``serve-snapshots/`` inside the store folder, removed
when no worker reads it any more) after every write, and workers read the newest snapshot.
The price: readers see a write once it is committed and snapshotted (milliseconds later), each
worker costs a Python process (tens of MB), results are copied once between processes, and at most
``workers`` queries run at the same time, plus one short one (others wait for a free worker, for at
most the timeout; see :class:`QueryPool`). Who may write, and from where, is :mod:`graph.guard`'s
business; how long clients may take and how many may connect, :mod:`graph.limits`'.
Writes (SPARQL Update with ``allow_update``, and ingestion) run in the server process one at a time;
they are not stopped by the timeout. The graph page is built in the server process from the live
store, in a thread, and is answered with 503 after the timeout (its work then finishes unseen).

SERVICE is refused before a query runs (Oxigraph would otherwise call the remote endpoint for the
client): a query that mentions the word is parsed with rdflib's SPARQL parser and also scanned
with comments, strings and IRIs removed; either one finding SERVICE refuses the query. LOAD is
refused the same way unless allowed, and then carried out by :mod:`graph.load`, never by Oxigraph.

The module is longer than most (over 600 lines) because the protocol's parts, the worker pool and
the routes answer to one another at every request; the pages it serves are files (templates/,
static/) and the graph page is view.py's.
"""
from __future__ import annotations

import asyncio
import contextlib
import io
import itertools
import json
import os
import pickle
import re
import secrets
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qsl

import pyoxigraph as ox

from .guard import Guard, GuardMiddleware
from .limits import Busy, OneAtATime
from .load import LoadFailed, LoadRefused, fetch_all, load_documents, load_requests, uses_load
from .negotiation import choose_type
from .sparqltext import LEXICAL, unescape
from .store import SERVER_FILE, SNAPSHOT_DIR

__all__ = ["create_app", "uses_service", "negotiate", "run_task", "QueryPool", "QueryTimeout", "SNAPSHOT_DIR",
           "SERVER_FILE"]

MAX_QUERY_BYTES = 1_000_000
# Longest request target (path and query) answered; longer GETs get 414 and a hint to POST.
MAX_URL_BYTES = 65_536
MAX_INGEST_BYTES = 64_000_000

# Media types offered, in order of preference, for each kind of result.
SOLUTION_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
SOLUTION_ALIASES = {"application/json": "application/sparql-results+json",
                    "application/xml": "application/sparql-results+xml",
                    "text/xml": "application/sparql-results+xml",
                    "text/plain": "text/csv"}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
GRAPH_ALIASES = {"application/x-turtle": "text/turtle", "text/n3": "text/turtle",
                 "text/rdf+n3": "text/turtle", "application/turtle": "text/turtle",
                 "text/plain": "application/n-triples", "application/json": "application/ld+json",
                 "application/xml": "application/rdf+xml", "text/xml": "application/rdf+xml"}
# Short names accepted in the ``format`` / ``output`` / ``results`` parameters (as SPARQLWrapper sends).
FORMAT_NAMES = {
    "solutions": {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"},
    "graph": {"turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/turtle",
              "ntriples": "application/n-triples", "nt": "application/n-triples",
              "n-triples": "application/n-triples", "jsonld": "application/ld+json",
              "json-ld": "application/ld+json", "json": "application/ld+json",
              "xml": "application/rdf+xml", "rdfxml": "application/rdf+xml",
              "rdf+xml": "application/rdf+xml"},
}


# -- SERVICE --------------------------------------------------------------------------------------
_SERVICE_WORD = re.compile(r"(?<![\w?$:-])service(?![\w:.-])", re.IGNORECASE)


def _has_service_node(node) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service_node(v) for v in node.values())
    if isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        return any(_has_service_node(v) for v in node)
    return False


def uses_service(sparql: str, *, update: bool = False) -> bool:
    """True if a query (or update) might call a remote endpoint with ``SERVICE``.

    Errs on the side of refusing: a text that mentions the word and cannot be shown to use it
    only in strings, comments, IRIs or names counts as using it.
    """
    text = unescape(sparql)
    if "service" not in text.lower():
        return False
    if _SERVICE_WORD.search(LEXICAL.sub(" ", text)):
        return True
    try:
        from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception:  # noqa: BLE001 - any failure to parse means "cannot show it is safe"
        return True
    return _has_service_node(tree)


# -- content negotiation --------------------------------------------------------------------------
def negotiate(kind: str, accept: str | None, fmt: str | None = None) -> str | None:
    """The media type to answer with for a result ``kind`` ("solutions" or "graph"), or None (406).

    An explicit ``fmt`` (short name like ``json`` or a media type) wins when it suits the result.
    """
    offered = SOLUTION_TYPES if kind == "solutions" else GRAPH_TYPES
    aliases = SOLUTION_ALIASES if kind == "solutions" else GRAPH_ALIASES
    if fmt:
        f = fmt.strip().lower()
        f = FORMAT_NAMES[kind].get(f, aliases.get(f, f))
        if f in offered:
            return f
    return choose_type(accept, offered, aliases)


# -- the worker process ---------------------------------------------------------------------------
class _RowCap(io.RawIOBase):
    """A writer keeping what pyoxigraph writes of a TSV result until it holds ``rows`` lines;
    then it refuses more, which stops the query's evaluation."""

    def __init__(self, rows: int):
        self.data = bytearray()
        self.lines = 0
        self.rows = rows
        self.full = False

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:
        self.data += chunk
        self.lines += bytes(chunk).count(b"\n")
        if self.lines > self.rows:
            self.full = True
            raise OSError("row cap reached")
        return len(chunk)


def _capped_solutions(result: ox.QuerySolutions, max_rows: int) -> tuple[ox.QuerySolutions, bool]:
    """The first ``max_rows`` solutions as a new result that pyoxigraph can serialise, and whether
    there were more; evaluation stops at row ``max_rows + 1``.

    The rows pass through TSV, which writes one solution a line with every term in full, so that
    counting them and cutting after ``max_rows`` stays in pyoxigraph's own (fast) code."""
    cap = _RowCap(max_rows + 1)  # the header line, then the rows
    try:
        # pyoxigraph writes a few bytes a call: a buffer in C between keeps Python out of that loop
        with io.BufferedWriter(cap, buffer_size=1 << 16) as out:
            result.serialize(out, format=ox.QueryResultsFormat.TSV)
    except OSError:
        if not cap.full:
            raise
    data = bytes(cap.data)
    if cap.full:
        data = b"\n".join(data.split(b"\n", max_rows + 1)[:max_rows + 1]) + b"\n"
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV), cap.full


def run_task(store: ox.Store, task: dict) -> dict:
    """Run one query task on an open store and serialise its result; never raises."""
    from .dataset import Dataset, query_dataset

    dataset = Dataset(task.get("default_graphs"), task.get("named_graphs"))
    try:
        kwargs = {"prefixes": task["prefixes"], "base_iri": task.get("base"), **query_dataset(task["query"], dataset)}
        result = store.query(task["query"], **kwargs)
        kind = "graph" if isinstance(result, ox.QueryTriples) else "solutions"
        mime = negotiate(kind, task.get("accept"), task.get("format"))
        if mime is None:
            offered = SOLUTION_TYPES if kind == "solutions" else GRAPH_TYPES
            what = "a SELECT or ASK result" if kind == "solutions" else "a CONSTRUCT or DESCRIBE result"
            return {"status": 406, "message": f"{what} can be given as {', '.join(offered)}; "
                                              f"not as {task.get('accept') or task.get('format')}"}
        truncated = False
        if kind == "graph":
            triples = list(itertools.islice(result, task["max_rows"] + 1))
            truncated = len(triples) > task["max_rows"]
            fmt = getattr(ox.RdfFormat, GRAPH_TYPES[mime])
            prefixes = task["prefixes"] if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
            body = ox.serialize(triples[:task["max_rows"]], format=fmt, prefixes=prefixes) or b""
        else:
            if isinstance(result, ox.QuerySolutions):
                result, truncated = _capped_solutions(result, task["max_rows"])
            body = result.serialize(format=getattr(ox.QueryResultsFormat, SOLUTION_TYPES[mime]))
        ctype = mime + ("; charset=utf-8" if mime.startswith("text/") or mime.endswith("json") else "")
        return {"status": 200, "body": body, "type": ctype, "truncated": truncated}
    except SyntaxError as exc:
        return {"status": 400, "message": f"SPARQL syntax error: {exc}"}
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        return {"status": 500, "message": f"the query failed: {exc}"}


STARTED = {"started": True}  # what a worker says between receiving a task and running its query


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when the server dies, even by kill -9 in the middle of a
    query (Linux); elsewhere the worker ends when its pipe closes, after its current query."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the server died before the request took effect
        os._exit(0)


def _worker_main(parent: int | None = None) -> None:
    """Loop of a query worker: read pickled tasks on stdin, write pickled replies on stdout."""
    import gc

    if parent is not None:
        _die_with_parent(parent)

    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed by accident goes to standard error, not into the replies
    inp = sys.stdin.buffer
    opened: tuple[str, ox.Store] | None = None
    while True:
        try:
            task = pickle.load(inp)
        except (EOFError, OSError, pickle.UnpicklingError):
            return
        snap = task["snapshot"]
        if opened is None or opened[0] != snap:
            opened = None
            gc.collect()
            try:
                opened = (snap, ox.Store.read_only(snap))
            except OSError as exc:
                reply = {"status": 500, "message": f"cannot open the store snapshot: {exc}"}
        if opened is not None:
            pickle.dump(STARTED, out, protocol=pickle.HIGHEST_PROTOCOL)  # the query itself starts now
            out.flush()
            reply = run_task(opened[1], task)
        reply["snapshot"] = snap if opened is not None else None
        pickle.dump(reply, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()


class _Worker:
    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", f"from dipgraph.graph.server import _worker_main; _worker_main({os.getpid()})"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.holding: set[str] = set()

    def exchange(self, task: dict, started: Callable[[], None] = lambda: None) -> dict | None:
        """Send a task and wait for the reply (None if the worker died or was killed); ``started``
        is called when the worker, up and with the snapshot open, starts the query itself."""
        try:
            pickle.dump(task, self.proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.proc.stdin.flush()
            reply = pickle.load(self.proc.stdout)
            if reply == STARTED:
                started()
                reply = pickle.load(self.proc.stdout)
            return reply
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):
            return None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass
        self.proc.wait()


class QueryTimeout(Exception):
    """A query that ran (or waited for a worker) longer than the server allows."""


class QueryPool:
    """Worker processes reading snapshots of a store that this process holds and writes.

    ``refresh()`` takes a new snapshot after a write; ``run(task, timeout)`` answers a query.
    Besides the ``workers`` that take any query, one more worker is kept for short queries, so
    that a few expensive queries cannot make everyone wait: a query that finds every regular
    worker busy may run there for ``short`` seconds (counted from when the worker starts the query,
    not from its own start or the opening of a new snapshot, which can take a second on a busy
    machine); if it takes longer, it is stopped there and waits for a regular worker instead
    (within the same ``timeout``).
    """

    def __init__(self, store, workers: int = 2, short: float = 1.0):
        self.store = store
        self.root = Path(store.path) / SNAPSHOT_DIR
        shutil.rmtree(self.root, ignore_errors=True)
        self.root.mkdir(parents=True, mode=0o700)
        self._serial = itertools.count(1)
        self._lock = threading.Lock()
        self.current: str | None = None
        self.size = workers
        self.short = short
        self.workers: list[_Worker] = []
        self.express: _Worker | None = None
        self._idle: asyncio.Queue | None = None
        self._express_idle: asyncio.Queue | None = None
        self._waiting = 0  # queries waiting for any worker, served in their order of arrival
        self.closed = False
        self._threads = ThreadPoolExecutor(max_workers=workers + 3, thread_name_prefix="sparql")
        self.refresh()

    def refresh(self) -> None:
        """Snapshot the store as it is now; the next queries read it."""
        with self._lock:
            path = self.root / str(next(self._serial))
            self.store.oxigraph.backup(str(path))
            self.current = str(path)
        if getattr(self.store, "private", False):  # files the write made, and the snapshot's folder
            from .store import make_private

            make_private(Path(self.store.path))
        self._collect()

    def _collect(self) -> None:
        """Delete snapshots that no worker may still hold."""
        with self._lock:
            if self.closed:
                return
            everyone = self.workers + ([self.express] if self.express else [])
            keep = {self.current} | set().union(*(w.holding for w in everyone))
            for p in self.root.iterdir():
                if str(p) not in keep:
                    shutil.rmtree(p, ignore_errors=True)

    async def start(self) -> None:
        self._idle = asyncio.LifoQueue()  # the worker used last has the warmest caches
        self._express_idle = asyncio.Queue()
        for _ in range(self.size):
            w = _Worker()
            self.workers.append(w)
            self._idle.put_nowait(w)
        self.express = _Worker()
        self._express_idle.put_nowait(self.express)

    @property
    def busy(self) -> int:
        """How many workers are running a query now."""
        if self._idle is None:
            return 0
        return self.size - self._idle.qsize() + 1 - self._express_idle.qsize()

    async def _any_free(self, wait: float) -> tuple[_Worker, bool] | None:
        """The first worker to be free within ``wait`` seconds, regular or the short-query one
        (True for the latter), or None."""
        getters = {asyncio.ensure_future(self._idle.get()): False,
                   asyncio.ensure_future(self._express_idle.get()): True}
        try:
            done, _ = await asyncio.wait(getters, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for g in getters:
                g.cancel()
        got = None
        for g, express in getters.items():  # a getter done at the same time gives its worker back
            if g.done() and not g.cancelled():
                if got is None:
                    got = (g.result(), express)
                else:
                    (self._express_idle if express else self._idle).put_nowait(g.result())
        return got

    async def run(self, task: dict, timeout: float) -> dict:
        """Answer a task within ``timeout`` seconds of its arrival, else raise QueryTimeout (and
        replace its worker); waiting for a free worker counts in that time."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if not self._idle.empty() and not self._waiting:
            return await self._run_on(self._idle.get_nowait(), task, deadline)
        self._waiting += 1
        try:
            got = await self._any_free(max(0.0, deadline - loop.time()))
        finally:
            self._waiting -= 1
        if got is None:
            raise QueryTimeout(f"all {self.size} query workers stayed busy")
        worker, express = got
        if not express:
            return await self._run_on(worker, task, deadline)
        try:
            return await self._run_on(worker, task, deadline, express=True)
        except QueryTimeout:
            if loop.time() >= deadline:
                raise
        self._waiting += 1
        try:  # not a short query: it waits for a regular worker like any other
            worker = await asyncio.wait_for(self._idle.get(), max(0.0, deadline - loop.time()))
        except asyncio.TimeoutError:
            raise QueryTimeout(f"all {self.size} query workers stayed busy") from None
        finally:
            self._waiting -= 1
        return await self._run_on(worker, task, deadline)

    async def _run_on(self, worker: _Worker, task: dict, deadline: float, *, express: bool = False) -> dict:
        """Run a task on a worker within ``deadline``; on the short-query worker, the query itself
        (once the worker is up and has the snapshot open) may also take at most ``short`` seconds."""
        loop = asyncio.get_running_loop()
        task = dict(task, snapshot=self.current)
        with self._lock:
            worker.holding.add(task["snapshot"])
        started = loop.create_future()

        def on_start() -> None:
            loop.call_soon_threadsafe(lambda: started.done() or started.set_result(loop.time()))

        future = loop.run_in_executor(self._threads, worker.exchange, task, on_start)
        try:
            if express:
                await asyncio.wait({started, future}, timeout=max(0.0, deadline - loop.time()),
                                   return_when=asyncio.FIRST_COMPLETED)
                if started.done() and not future.done():
                    deadline = min(deadline, started.result() + self.short)
            reply = await asyncio.wait_for(future, max(0.0, deadline - loop.time()))
        except asyncio.TimeoutError:
            self._replace(worker, express)
            raise QueryTimeout("the query ran too long") from None
        except asyncio.CancelledError:  # the client went away: the worker's answer is of no use
            self._replace(worker, express)
            raise
        if reply is None:
            self._replace(worker, express)
            return {"status": 500, "message": "the query worker stopped unexpectedly (out of memory?)"}
        with self._lock:
            worker.holding = {reply["snapshot"]} if reply.get("snapshot") else set()
        (self._express_idle if express else self._idle).put_nowait(worker)
        self._collect()
        return reply

    def _replace(self, worker: _Worker, express: bool = False) -> None:
        worker.kill()
        if self.closed:
            return
        fresh = _Worker()
        with self._lock:
            if express:
                self.express = fresh
            else:
                self.workers = [fresh if w is worker else w for w in self.workers]
        (self._express_idle if express else self._idle).put_nowait(fresh)
        self._collect()

    def close(self) -> None:
        self.closed = True
        for w in self.workers + ([self.express] if self.express else []):
            w.kill()
        self.workers = []
        self.express = None
        self._threads.shutdown(wait=False)
        shutil.rmtree(self.root, ignore_errors=True)


# -- the web application --------------------------------------------------------------------------
def _examples(folder: Path) -> list[dict]:
    """Example queries of the query page: each .rq file, described by its first comment line."""
    out = []
    for f in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            text = f.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        title = first.lstrip("#").strip() if first.startswith("#") else f.stem
        out.append({"name": f.stem, "title": title, "query": text})
    return out


PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'")

VIEW_PARAMS = {"level": str, "actor": str, "depth": int, "since": str, "until": str,
               "min_articles": int, "max_nodes": int, "title": str}
PAGE_HINT = ("The graph page takes level (all, person, country), actor, depth (with actor), since, until "
             "(YYYY, YYYY-MM or YYYY-MM-DD), relation (repeated, or relations=met,visited), min_articles, "
             "max_nodes and title: /?level=country&since=2023.")


def wants_html(accept: str | None) -> bool:
    """Whether a client asks for HTML before plain text: a browser does; curl (``*/*``), SPARQL
    clients and the query page's own requests do not, and get errors as plain text."""
    return choose_type(accept, ("text/plain", "text/html"), {"application/xhtml+xml": "text/html"}) == "text/html"


def create_app(store, *, ingest: Callable | None = None, timeout: float = 30.0, max_rows: int = 10_000,
               cors: str | None = None, allow_update: bool = False, workers: int = 2,
               examples: Path | None = None, base: str | None = None, allow_ingest: bool = False,
               allow_load: bool = False, token: str | None = None, hosts: tuple[str, ...] = ()):
    """The Starlette application serving ``store`` (a :class:`graph.store.Store` this process holds).

    ``ingest(store, records, force=...) -> dict`` stores articles sent to ``/ingest`` (records are
    dicts with text, title, id, published, url, source, origin); without it ``/ingest`` answers 501.
    ``base`` is the URL of the server's root as clients know it (default: each request's own), the
    base of relative IRIs in queries, updates and Graph Store requests.
    Writes are refused unless ``allow_update`` (SPARQL Update, the Graph Store and ``/ingest``) or
    ``allow_ingest`` (``/ingest`` from this machine) is set; ``allow_load`` lets ``LOAD`` fetch from
    public addresses; ``token`` is then required with each write; ``hosts`` are names the server
    answers to besides its IP addresses and localhost (see :mod:`graph.guard`).
    """
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
    from starlette.routing import Route

    from .assets import inline, render, static_text
    from .dataset import Dataset, DatasetError, resolve_iri
    from .graphstore import ALIASES as STORE_ALIASES
    from .graphstore import DATASET_TYPES as STORE_DATASET_TYPES
    from .graphstore import GRAPH_TYPES as STORE_GRAPH_TYPES
    from .graphstore import graph_store_endpoint
    from .service import service_description
    from .vocab import PREFIXES, data_dir

    prefixes = dict(PREFIXES)
    root = (base.rstrip("/") + "/") if base else None
    guard = Guard.make(hosts=hosts, cors=cors, token=token, allow_update=allow_update,
                       allow_ingest=allow_ingest, allow_load=allow_load)
    pool = QueryPool(store, workers=workers)
    instance = secrets.token_hex(8)  # lets `dipgraph ingest` tell this server from another at the same address
    write_lock = threading.Lock()
    pages = OneAtATime("page")  # drawing pages holds the interpreter: one at a time, beside the writes
    example_list = _examples(examples if examples is not None else data_dir() / "queries")

    def text(status: int, message: str, **headers) -> PlainTextResponse:
        return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)

    def problem(request: Request, status: int, message: str, hint: str = "", **headers) -> Response:
        """An error where people browse: an HTML page for a browser, the same status and message as
        plain text for any other client."""
        headers = {**headers, "Vary": "Accept"}
        if not wants_html(request.headers.get("accept")):
            return text(status, message, **headers)
        doc = render("error.html", css=inline(static_text("query.css"), "css"), status=status,
                     reason=HTTPStatus(status).phrase, message=message, hint=hint)
        return HTMLResponse(doc, status_code=status, headers={"Content-Security-Policy": PAGE_CSP, **headers})

    def browsable(handler):
        """The handler, with its plain-text errors shown as an HTML page to a browser (SPARQL
        clients, which ask for results, not HTML, keep them as plain text)."""
        async def route(request: Request) -> Response:
            response = await handler(request)
            if (response.status_code >= 400 and isinstance(response, PlainTextResponse)
                    and wants_html(request.headers.get("accept"))):
                headers = {k: v for k, v in response.headers.items() if k.lower() in ("allow", "retry-after")}
                return problem(request, response.status_code, response.body.decode("utf-8").strip(), **headers)
            return response
        return route

    async def not_routed(request: Request, exc) -> Response:
        """No such page (404) or a method the page does not take (405)."""
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "GET")
            return problem(request, 405, f"{request.method} is not accepted at {request.url.path}; use {allowed}",
                           **(exc.headers or {}))
        return problem(request, exc.status_code, f"nothing at {request.url.path}: the graph page is /, the query "
                                                 "page /query and the SPARQL endpoint /sparql")

    def write(fn, *args, **kwargs):
        """Run a write on the live store, then let readers see it."""
        with write_lock:
            try:
                return fn(*args, **kwargs)
            finally:
                pool.refresh()

    def url_of(request: Request) -> str:
        """The request's URL without its query, under ``base`` when one is set."""
        own = request.url.replace(query="", fragment="")
        return str(own) if root is None else root + own.path.lstrip("/")

    def protocol_dataset(params: dict, default_key: str, named_key: str, url: str) -> Dataset | Response:
        given = {k: [resolve_iri(v, url) for v in params[k]] for k in (default_key, named_key) if k in params}
        for iri in [i for v in given.values() for i in v]:
            try:
                ox.NamedNode(iri)
            except ValueError as exc:
                return text(400, f"not a graph IRI: {iri!r} ({exc})")
        return Dataset(tuple(given[default_key]) if default_key in given else None,
                       tuple(given[named_key]) if named_key in given else None)

    async def parameters(request: Request) -> tuple[dict[str, list[str]], str | None] | Response:
        """Protocol parameters from the URL and a form body; the raw body for direct POSTs."""
        params: dict[str, list[str]] = {}
        for k, v in parse_qsl(request.url.query, keep_blank_values=True):
            params.setdefault(k, []).append(v)
        if request.method != "POST":
            return params, None
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_QUERY_BYTES:
                return text(413, f"the request body is over {MAX_QUERY_BYTES} bytes")
        try:
            decoded = body.decode("utf-8")
        except UnicodeDecodeError:
            return text(400, "the request body is not UTF-8")
        if ctype == "application/x-www-form-urlencoded":
            for k, v in parse_qsl(decoded, keep_blank_values=True):
                params.setdefault(k, []).append(v)
            return params, None
        if ctype in ("application/sparql-query", "application/sparql-update"):
            return params, decoded
        return text(415, "send a query as application/sparql-query, an update as application/sparql-update, "
                         "or either as an application/x-www-form-urlencoded form")

    async def sparql(request: Request) -> Response:
        if len(request.scope.get("raw_path", b"")) + len(request.scope.get("query_string", b"")) > MAX_URL_BYTES:
            return text(414, f"the URL is over {MAX_URL_BYTES} bytes; send a long query by POST, as an "
                             "application/sparql-query body or an application/x-www-form-urlencoded form")
        got = await parameters(request)
        if isinstance(got, Response):
            return got
        params, body = got
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        queries = params.get("query", []) + ([body] if body is not None and ctype == "application/sparql-query" else [])
        updates = params.get("update", []) + ([body] if body is not None and ctype == "application/sparql-update" else [])
        if len(queries) + len(updates) > 1:
            return text(400, "give exactly one query or one update")
        if updates:
            if request.method != "POST":
                return text(405, "updates are accepted by POST only", Allow="POST")
            return await run_update(updates[0], params, request)
        if not queries:
            if "text/html" in request.headers.get("accept", ""):
                return RedirectResponse("/query", status_code=303)
            if request.method == "GET" and not params:
                return describe(request)
            return text(400, "no query: give one as ?query=..., as a form field, or as an "
                             "application/sparql-query body")
        return await run_query(queries[0], params, request)

    def describe(request: Request) -> Response:
        """The service description, in the RDF format the client asks for (Turtle by default)."""
        mime = negotiate("graph", request.headers.get("accept"))
        if mime is None:
            return text(406, f"the service description can be given as {', '.join(GRAPH_TYPES)}")
        url = url_of(request)
        triples = service_description(url, update=allow_update, graph_store=resolve_iri("store", url))
        fmt = getattr(ox.RdfFormat, GRAPH_TYPES[mime])
        body = ox.serialize(triples, format=fmt, prefixes={"sd": "http://www.w3.org/ns/sparql-service-description#",
                                                           "formats": "http://www.w3.org/ns/formats/"}
                            if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None)
        ctype = mime + ("; charset=utf-8" if mime.startswith("text/") or mime.endswith("json") else "")
        return Response(body, media_type=ctype, headers={"Vary": "Accept"})

    async def run_query(query: str, params: dict, request: Request) -> Response:
        if not query.strip():
            return text(400, "the query is empty")
        if uses_service(query):
            return text(403, "SERVICE is refused: this endpoint never sends requests to other endpoints "
                             "on behalf of a client")
        fmt = next((params[k][-1] for k in ("format", "output", "results") if params.get(k)), None)
        url = url_of(request)
        dataset = protocol_dataset(params, "default-graph-uri", "named-graph-uri", url)
        if isinstance(dataset, Response):
            return dataset
        task = {"query": query, "prefixes": prefixes, "max_rows": max_rows,
                "accept": request.headers.get("accept"), "format": fmt, "base": url,
                "default_graphs": dataset.default, "named_graphs": dataset.named}
        try:
            reply = await pool.run(task, timeout)
        except QueryTimeout as exc:
            return text(503, f"query stopped: {exc}; this endpoint allows {timeout:g} seconds per query "
                             "and as long to wait for a free worker",
                        **{"Retry-After": "5"})
        if reply["status"] != 200:
            return text(reply["status"], reply["message"])
        headers = {"Vary": "Accept"}
        if reply["truncated"]:
            headers["X-SPARQL-MaxRows"] = str(max_rows)
        return Response(reply["body"], media_type=reply["type"], headers=headers)

    def write_refusal(request: Request, kind: str, types: tuple[str, ...] | None) -> Response | None:
        refused = guard.write_refusal(
            kind, content_type=request.headers.get("content-type", "").split(";")[0].strip().lower(),
            authorization=request.headers.get("authorization"),
            client=request.client.host if request.client else None,
            own_address=(request.scope.get("server") or ("",))[0], allowed_types=types)
        return text(*refused) if refused else None

    async def run_update(update: str, params: dict, request: Request) -> Response:
        refused = write_refusal(request, "update", ("application/sparql-update", "application/x-www-form-urlencoded"))
        if refused is not None:
            return refused
        if uses_service(update, update=True):
            return text(403, "SERVICE is refused: this endpoint never sends requests to other endpoints "
                             "on behalf of a client")
        if uses_load(update):
            if not allow_load:
                return text(403, "LOAD is refused: this endpoint does not fetch documents from the network for "
                                 "a client (start it with --allow-load to let LOAD fetch from public addresses)")
            return await run_load(update)
        url = url_of(request)
        dataset = protocol_dataset(params, "using-graph-uri", "using-named-graph-uri", url)
        if isinstance(dataset, Response):
            return dataset
        try:
            await asyncio.to_thread(write, store.update, update, dataset=dataset, base_iri=url)
        except DatasetError as exc:
            return text(400, str(exc))
        except SyntaxError as exc:
            return text(400, f"SPARQL syntax error: {exc}")
        except (OSError, ValueError) as exc:
            return text(500, f"the update failed: {exc}")
        return Response(status_code=204)

    async def run_load(update: str) -> Response:
        try:
            loads = load_requests(update, prefixes)
        except ValueError as exc:
            return text(400, str(exc))
        try:
            docs = await asyncio.to_thread(fetch_all, loads, timeout=timeout, max_bytes=MAX_INGEST_BYTES)
        except LoadRefused as exc:
            return text(403, str(exc))
        except LoadFailed as exc:
            return text(502, str(exc))
        try:
            await asyncio.to_thread(write, load_documents, store.oxigraph, docs)
        except (SyntaxError, ValueError) as exc:
            return text(400, f"the document cannot be loaded: {exc}")
        return Response(status_code=204)

    async def page(request: Request) -> Response:
        kwargs = {}
        q = request.query_params
        unknown = sorted(set(q.keys()) - set(VIEW_PARAMS) - {"relation", "relations"})
        if unknown:
            return problem(request, 400, f"unknown parameter {unknown[0]!r}", PAGE_HINT)
        for name, kind in VIEW_PARAMS.items():
            if name in q and q[name] != "":
                try:
                    kwargs[name] = kind(q[name])
                except ValueError:
                    return problem(request, 400, f"{name} must be a whole number, not {q[name]!r}", PAGE_HINT)
        if kwargs.get("depth", 1) != 1 and "actor" not in kwargs:  # as `dipgraph view --depth` alone
            return problem(request, 400, "depth needs actor: the actors within depth steps of that one", PAGE_HINT)
        # relation=met&relation=visited or relations=met,visited, as --relation takes them
        rels = [r.strip() for v in q.getlist("relation") + q.getlist("relations") for r in v.split(",") if r.strip()]
        if rels:
            kwargs["relations"] = rels
        try:
            from .view import build_page
        except ImportError as exc:
            return problem(request, 503, f"the graph page is not available in this installation ({exc}); "
                                         "/sparql and /query work")
        try:
            doc = await pages.run(build_page, store, timeout=timeout, **kwargs)
        except Busy:
            return problem(request, 503, f"another graph page was being drawn for {timeout:g} seconds; "
                                         "try again later", **{"Retry-After": "5"})
        except asyncio.TimeoutError:
            return problem(request, 503, f"the graph page took longer than {timeout:g} seconds; narrow it with "
                                         "actor=, relations=, since= or max_nodes=")
        except (ValueError, KeyError) as exc:
            return problem(request, 400, f"cannot draw that graph: {exc}", PAGE_HINT)
        return HTMLResponse(doc)

    async def query_page(request: Request) -> Response:
        first = example_list[0]["query"] if example_list else "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
        doc = render("query.html", css=inline(static_text("query.css"), "css"),
                     js=inline(static_text("query.js"), "js"), prefixes=", ".join(p + ":" for p in prefixes),
                     examples=example_list, first=first, prefix_map=prefixes)
        return HTMLResponse(doc, headers={"Content-Security-Policy": PAGE_CSP})

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "instance": instance,
                             "workers": len(pool.workers), "busy": pool.busy, "timeout": timeout, "max_rows": max_rows,
                             "allow_update": allow_update, "allow_load": allow_load, "token": token is not None,
                             "ingest": ingest is not None and (allow_update or allow_ingest)})

    async def ingest_route(request: Request) -> Response:
        if ingest is None:
            return text(501, "this server was started without ingestion")
        refused = write_refusal(request, "ingest", ("application/x-ndjson", "application/json"))
        if refused is not None:
            return refused
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_INGEST_BYTES:
                return text(413, f"the request body is over {MAX_INGEST_BYTES} bytes")
        records = []
        for n, line in enumerate(body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                return text(400, f"line {n}: not JSON ({exc})")
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                return text(400, f"line {n}: expected an object with a 'text' field")
            records.append(rec)
        force = request.query_params.get("force", "") in ("1", "true", "yes")
        replace = request.query_params.get("replace", "") in ("1", "true", "yes")
        try:
            report = await asyncio.to_thread(write, ingest, store, records, force=force, replace=replace)
        except (ValueError, TypeError) as exc:
            return text(400, f"cannot ingest: {exc}")
        except RuntimeError as exc:
            return text(500, f"ingestion failed: {exc}")
        return JSONResponse(report)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await pool.start()
        try:
            yield
        finally:
            pool.close()
            pages.close()

    middleware = [Middleware(GuardMiddleware, guard=guard)]
    if cors:
        # The headers a browser client such as YASGUI sends, and the methods of the Graph Store.
        middleware.append(Middleware(CORSMiddleware, allow_origins=[o.strip() for o in cors.split(",")],
                                     allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"],
                                     allow_headers=["Content-Type", "Accept", "Authorization", "X-Requested-With"],
                                     expose_headers=["X-SPARQL-MaxRows", "Location"]))
    store_types = tuple(t for t in (*STORE_GRAPH_TYPES, *STORE_DATASET_TYPES, *STORE_ALIASES, "multipart/form-data")
                        if t != "text/plain")  # a type a page of another site may send unasked

    def store_write_refusal(request: Request) -> Response | None:
        return write_refusal(request, "update", None if request.method == "DELETE" else store_types)

    store_route = graph_store_endpoint(store, write=write, allow_update=allow_update, url_of=url_of,
                                       prefixes=prefixes, write_refusal=store_write_refusal)
    store_methods = ["GET", "HEAD", "PUT", "POST", "DELETE"]
    app = Starlette(routes=[
        Route("/", page, methods=["GET"]),
        Route("/sparql", browsable(sparql), methods=["GET", "POST"]),
        Route("/query", query_page, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/ingest", ingest_route, methods=["POST"]),
        Route("/store", store_route, methods=store_methods),
        Route("/store/{graph:path}", store_route, methods=store_methods),
    ], middleware=middleware, lifespan=lifespan, exception_handlers={404: not_routed, 405: not_routed})
    app.state.pool = pool
    app.state.instance = instance
    return app
