"""Limits on the server's connections, so that slow or numerous clients cannot shut others out.

A client must send a request's line and headers within ``header_timeout`` seconds (of connecting,
or of the previous answer on a kept-alive connection), its body within ``body_timeout`` seconds of
the headers, and must not leave an answer unread for ``send_timeout`` seconds; otherwise its
connection is closed. At most ``max_connections`` are open at once, kept below the process's limit
on open files: when a new one would pass the cap, the connection that has waited longest without
sending a request is closed to make room, or, if every connection is busy with a request, the new
one is. Such events, and the server's other warnings, are logged once per interval with a count of
the ones left out, so that a flood of clients cannot flood the log.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import resource
import sys
import time
from dataclasses import dataclass

__all__ = ["ConnectionLimits", "OncePerInterval", "protocol_class", "safe_connection_cap",
           "raise_open_files_limit", "install_logging", "run_server", "OneAtATime", "Busy", "LOGGER"]

LOGGER = "dipgraph.server"
# Connections accepted in one turn of the event loop: few enough that the cap is checked often
# when many arrive at once (the kernel queues the others).
ACCEPT_BATCH = 64
# Open files kept free for the store, the query workers' pipes and snapshots, whatever the cap.
RESERVED_FILES = 256


@dataclass(frozen=True)
class ConnectionLimits:
    """How long a client may take, and how many may be connected at once."""

    max_connections: int = 1000
    header_timeout: float = 10.0
    body_timeout: float = 60.0
    send_timeout: float = 60.0
    log_interval: float = 10.0
    max_header_bytes: int | None = None  # longest request line and headers read (None: uvicorn's default)


def raise_open_files_limit() -> int:
    """Raise this process's soft limit on open files to its hard limit; returns the soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = min(hard, 1 << 16) if hard != resource.RLIM_INFINITY else 1 << 16
        if target > soft:
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
                soft = target
            except (ValueError, OSError):
                pass
    return soft


def _open_files() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return 64


def safe_connection_cap(wanted: int) -> int:
    """``wanted``, lowered so that the connections leave ``RESERVED_FILES`` open files free."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(8, min(wanted, soft - _open_files() - RESERVED_FILES))


class OncePerInterval(logging.Filter):
    """Lets through the first record of each kind (its first line) per interval and counts the
    rest; :meth:`flush` reports the counts of intervals that are over."""

    def __init__(self, interval: float = 10.0, clock=time.monotonic):
        super().__init__()
        self.interval = interval
        self.clock = clock
        self._seen: dict[tuple[str, str], list] = {}  # (logger, kind) -> [start, left out, level]

    @staticmethod
    def _kind(record: logging.LogRecord) -> str:
        return record.getMessage().split("\n", 1)[0][:160]

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "summary", False):
            return True
        key = (record.name, self._kind(record))
        now = self.clock()
        entry = self._seen.get(key)
        if entry is not None and now - entry[0] < self.interval:
            entry[1] += 1
            return False
        if entry is not None and entry[1]:
            self._report(key, entry)
        self._seen[key] = [now, 0, record.levelno]
        return True

    def _report(self, key: tuple[str, str], entry: list) -> None:
        name, kind = key
        logging.getLogger(name).log(entry[2], "%d more like this in %g s: %s", entry[1], self.interval, kind,
                                    extra={"summary": True})

    def flush(self, *, everything: bool = False) -> None:
        """Report what was left out in intervals that are over (or in all, at the end)."""
        now = self.clock()
        for key, entry in list(self._seen.items()):
            if entry[1] and (everything or now - entry[0] >= self.interval):
                self._report(key, entry)
                entry[0], entry[1] = now, 0
            elif not entry[1] and now - entry[0] >= self.interval:
                del self._seen[key]


def install_logging(interval: float) -> OncePerInterval:
    """Send the server's warnings to standard error, each kind at most once per ``interval``."""
    once = OncePerInterval(interval)
    ours = logging.getLogger(LOGGER)
    if not ours.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("dipgraph: %(message)s"))
        ours.addHandler(handler)
        ours.propagate = False
    ours.setLevel(logging.INFO)
    for name in (LOGGER, "uvicorn.error", "asyncio"):
        logging.getLogger(name).addFilter(once)
    return once


def protocol_class(limits: ConnectionLimits):
    """uvicorn's h11 protocol with the timeouts and the cap of ``limits``."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    log = logging.getLogger(LOGGER)

    class LimitedH11Protocol(H11Protocol):
        _timer = None
        _send_timer = None
        _phase = None
        _waiting_since = 0.0

        # -- the cap ------------------------------------------------------------------------------
        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._waiting_since = self.loop.time()
            if len(self.connections) > limits.max_connections:
                idle = [c for c in self.connections if c is not self and c._waiting_for_request()]
                if idle:
                    min(idle, key=lambda c: c._waiting_since)._close(
                        f"a connection waiting for a request was closed to make room: "
                        f"{limits.max_connections} connections are open")
                else:
                    self._close(f"a connection was refused: {limits.max_connections} connections are open "
                                "and busy")
                    return
            self._update_phase()

        def _waiting_for_request(self) -> bool:
            return self._phase == "headers"

        def _close(self, why: str) -> None:
            log.warning(why)
            self._cancel()
            self._phase = "closing"
            if not self.transport.is_closing():
                self.transport.abort()

        # -- the timeouts ---------------------------------------------------------------------------
        def _cancel(self) -> None:
            for name in ("_timer", "_send_timer"):
                t = getattr(self, name)
                if t is not None:
                    t.cancel()
                    setattr(self, name, None)

        def _arm(self, phase: str, seconds: float) -> None:
            if self._timer is not None:
                self._timer.cancel()
            self._phase = phase
            self._timer = self.loop.call_later(seconds, self._expired, phase, seconds)

        def _expired(self, phase: str, seconds: float) -> None:
            self._timer = None
            what = {"headers": "send its request headers", "body": "send its request body"}[phase]
            self._close(f"a connection was closed: the client took more than {seconds:g} s to {what}")

        def _update_phase(self) -> None:
            if self.transport is None or self.transport.is_closing():
                return
            cycle = self.cycle
            if cycle is None or cycle.response_complete:
                if self._send_timer is not None:  # an answer is still being sent: the send timeout runs
                    if self._timer is not None:
                        self._timer.cancel()
                        self._timer = None
                    self._phase = "sending"
                elif self._phase != "headers":
                    self._waiting_since = self.loop.time()
                    self._arm("headers", limits.header_timeout)
            elif cycle.more_body:
                if self._phase != "body":
                    self._arm("body", limits.body_timeout)
            elif self._phase != "answer":
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
                self._phase = "answer"

        def handle_events(self) -> None:
            super().handle_events()
            self._update_phase()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._update_phase()

        def pause_writing(self) -> None:
            super().pause_writing()
            if self._send_timer is None:
                self._send_timer = self.loop.call_later(
                    limits.send_timeout, self._close,
                    f"a connection was closed: the client read too little of its answer for {limits.send_timeout:g} s")

        def resume_writing(self) -> None:
            super().resume_writing()
            if self._send_timer is not None:
                self._send_timer.cancel()
                self._send_timer = None
            self._update_phase()

        def connection_lost(self, exc) -> None:
            self._cancel()
            self._phase = "closed"
            super().connection_lost(exc)

    return LimitedH11Protocol


async def flush_periodically(once: OncePerInterval) -> None:
    """Report the counts of left-out log records at the end of each interval, until cancelled."""
    try:
        while True:
            await asyncio.sleep(once.interval)
            once.flush()
    finally:
        once.flush(everything=True)


def run_server(app, sock, limits: ConnectionLimits, *, graceful: float = 3.0) -> None:
    """Serve ``app`` on a bound socket with uvicorn under ``limits`` until stopped by a signal."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=graceful,
                            http=protocol_class(limits), backlog=ACCEPT_BATCH,
                            h11_max_incomplete_event_size=limits.max_header_bytes)
    once = install_logging(limits.log_interval)
    server = uvicorn.Server(config)

    async def main() -> None:
        flusher = asyncio.ensure_future(flush_periodically(once))
        try:
            await server.serve(sockets=[sock])
        finally:
            flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await flusher

    asyncio.run(main())


class Busy(Exception):
    """No slot for the work came free in time."""


class OneAtATime:
    """Blocking work (drawing the graph page) run one piece at a time, in a thread of its own.

    Such work holds Python's interpreter lock, so running several at once only slows each, and the
    server with them; a piece whose client stopped waiting still finishes, and keeps the slot until
    then, so that abandoned pieces cannot pile up.
    """

    def __init__(self, name: str):
        from concurrent.futures import ThreadPoolExecutor

        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._slot: asyncio.Semaphore | None = None

    async def run(self, fn, /, *args, timeout: float, **kwargs):
        """``fn(*args, **kwargs)`` once the slot is free; Busy if it is not within ``timeout``
        seconds, asyncio.TimeoutError if the answer takes longer than what is left of them."""
        import functools

        loop = asyncio.get_running_loop()
        if self._slot is None:
            self._slot = asyncio.Semaphore(1)
        deadline = loop.time() + timeout
        try:
            await asyncio.wait_for(self._slot.acquire(), timeout)
        except asyncio.TimeoutError:
            raise Busy() from None
        future = loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))
        future.add_done_callback(lambda _: self._slot.release())
        return await asyncio.wait_for(asyncio.shield(future), max(0.0, deadline - loop.time()))

    def close(self) -> None:
        self._executor.shutdown(wait=False)
