"""Latency of a cheap query at `dipgraph serve` while expensive queries hold the query workers.

A real server (the `dipgraph serve` command, default two workers) on loopback over a store of
synthetic articles. The cheap query counts the articles; the expensive one is a cross product that
runs until the server stops it. The cheap query's latency is measured three ways: with the server
idle (the baseline), while two expensive queries run (as many as there are workers), and while
three run (so that one keeps taking the worker kept for short queries, and being sent back).

    python -m benchmarks.bench_fairness            # prints the figures as JSON
"""
from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

__all__ = ["run", "CHEAP", "EXPENSIVE"]

CHEAP = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ROOT = Path(__file__).resolve().parent.parent


def _get(url: str, query: str, timeout: float = 300) -> tuple[int, float]:
    """(status, seconds) of one query by GET."""
    t = time.perf_counter()
    req = urllib.request.Request(url + "/sparql?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "text/csv"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    return status, time.perf_counter() - t


def _percentiles(samples: list[float]) -> dict:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50_ms": statistics.median(samples) * 1000, "p95_ms": q[94] * 1000, "max_ms": max(samples) * 1000,
            "n": len(samples)}


@contextlib.contextmanager
def _server(store: Path, timeout: float):
    exe = Path(sys.executable).with_name("dipgraph")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "dipgraph.cli"]
    proc = subprocess.Popen(cmd + ["serve", "--store", str(store), "--port", "0", "--timeout", str(timeout)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(OSError, ValueError, KeyError):
                url = json.loads((store / "server.json").read_text())["url"]
                with urllib.request.urlopen(url + "/health", timeout=5) as r:
                    health = json.loads(r.read())
                    break
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.1)
        yield url, health
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _busy(url: str) -> int:
    with urllib.request.urlopen(url + "/health", timeout=30) as r:
        return json.loads(r.read()).get("busy", 0)


def _measure(url: str, n: int, expensive: int) -> dict:
    """Cheap-query latencies while ``expensive`` expensive queries run all along (each restarted when
    the server stops it)."""
    stop = threading.Event()
    statuses: list[int] = []

    def hog():
        while not stop.is_set():
            statuses.append(_get(url, EXPENSIVE)[0])

    hogs = [threading.Thread(target=hog, daemon=True) for _ in range(expensive)]
    for h in hogs:
        h.start()
    deadline = time.monotonic() + 60
    while expensive and _busy(url) < min(expensive, 2) and time.monotonic() < deadline:
        time.sleep(0.05)
    samples, failed = [], []
    for _ in range(n):
        status, seconds = _get(url, CHEAP)
        if status == 200:
            samples.append(seconds)
        else:
            failed.append(status)
    stop.set()
    for h in hogs:  # each ends when the server stops its query
        h.join()
    out = _percentiles(samples)
    out["failed"] = failed
    out["expensive_answers"] = sorted(set(statuses))
    return out


def run(n_articles: int = 400, n: int = 200, *, timeout: float = 30.0, log=lambda m: None) -> dict:
    """Build a store, serve it, and measure the cheap query idle, under two and under three hogs."""
    from dipgraph.graph.store import Store

    from .synth import synthetic_extractions

    with tempfile.TemporaryDirectory(prefix="dipgraph-fairness-") as tmp:
        store = Path(tmp) / "store"
        with Store(store) as st:
            st.put_many(synthetic_extractions(n_articles))
            quads = len(st)
        log(f"  store of {n_articles} articles, {quads:,} quads")
        with _server(store, timeout) as (url, health):
            _get(url, CHEAP)  # warm the worker's snapshot
            result = {"articles": n_articles, "quads": quads, "workers": health["workers"], "timeout": timeout,
                      "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
            for name, hogs in (("idle", 0), ("two_expensive", 2), ("three_expensive", 3)):
                log(f"  cheap query, {name}...")
                result[name] = _measure(url, n, hogs)
    return result


if __name__ == "__main__":
    print(json.dumps(run(log=lambda m: print(m, file=sys.stderr)), indent=2))
