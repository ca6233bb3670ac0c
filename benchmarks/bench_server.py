"""The SPARQL endpoint against the engine's own server: `dipgraph serve` and `oxigraph serve` on the same
data (the SPARQL benchmark's synthetic corpus), the same four queries, 1 client and 8 concurrent clients.

Both servers get the same quads (the dipgraph store, bulk-loaded, is dumped as N-Quads and loaded into
Oxigraph's folder with `oxigraph load`), the default graph as the union of all graphs (Oxigraph with
`--union-default-graph`), JSON results, and clients that keep their connection open. Each client
sends the four queries in turn, starting at a different one, for a fixed time; throughput is the
queries answered per second, latency the time from sending a request to reading the whole answer.
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from .bench_remote import _oxigraph
from .processes import stop
from .bench_sparql import QUERIES, _P, articles_for
from .synth import synthetic_extractions, write_nquads

__all__ = ["run"]

ROOT = Path(__file__).resolve().parent.parent
ACCEPT = "application/sparql-results+json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            host, port = urllib.parse.urlsplit(url)[1].split(":")
            with socket.create_connection((host, int(port)), timeout=2):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.2)


def _dipgraph_server(store: Path, workers: int):
    exe = Path(sys.executable).with_name("dipgraph")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "dipgraph.cli"]
    port = _free_port()
    proc = subprocess.Popen(cmd + ["serve", "--store", str(store), "--port", str(port), "--workers", str(workers),
                                   "--max-rows", "1000000", "--timeout", "300"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    _wait(url, proc, "dipgraph serve")
    return proc, url, "/sparql"


def _oxigraph_server(binary: str, location: Path):
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait(url, proc, "oxigraph serve")
    return proc, url, "/query"


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user and system) used so far by a process and its children, from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    family = {pid}
    try:
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    text = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                fields = text[text.rindex(")") + 2:].split()
                stats[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    except OSError:
        return None
    grew = True
    while grew:
        grew = False
        for p, (ppid, _) in stats.items():
            if ppid in family and p not in family:
                family.add(p)
                grew = True
    for p in family:
        if p in stats:
            total += stats[p][1] / tick
    return total if pid in stats else None


def _request(conn: http.client.HTTPConnection, path: str) -> bytes:
    conn.request("GET", path, headers={"Accept": ACCEPT})
    resp = conn.getresponse()
    body = resp.read()
    if resp.status != 200:
        raise RuntimeError(f"{resp.status}: {body[:300]!r}")
    return body


def _paths(endpoint: str) -> dict[str, str]:
    return {name: endpoint + "?" + urllib.parse.urlencode({"query": _P + q}) for name, q in QUERIES.items()}


def _rows(url: str, endpoint: str) -> dict[str, int]:
    """Each query once (a warm-up), with its number of rows."""
    conn = http.client.HTTPConnection(urllib.parse.urlsplit(url)[1], timeout=600)
    out = {}
    for name, path in _paths(endpoint).items():
        out[name] = len(json.loads(_request(conn, path))["results"]["bindings"])
    conn.close()
    return out


def _load(url: str, endpoint: str, clients: int, seconds: float, pid: int | None = None) -> dict:
    """``clients`` threads sending the queries in turn for ``seconds``: counts and latencies."""
    paths = list(_paths(endpoint).items())
    latencies: dict[str, list[float]] = {name: [] for name, _ in paths}
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(urllib.parse.urlsplit(url)[1], timeout=600)
        mine: dict[str, list[float]] = {name: [] for name, _ in paths}
        start.wait()
        i = k
        try:
            while time.perf_counter() < stop_at[0]:
                name, path = paths[i % len(paths)]
                t = time.perf_counter()
                _request(conn, path)
                mine[name].append(time.perf_counter() - t)
                i += 1
        except (OSError, RuntimeError, http.client.HTTPException) as exc:
            errors.append(str(exc))
        finally:
            conn.close()
            with lock:
                for name, ts in mine.items():
                    latencies[name].extend(ts)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    cpu0 = _cpu_seconds(pid) if pid else None
    t0 = time.perf_counter()
    stop_at[0] = t0 + seconds
    start.wait()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    cpu1 = _cpu_seconds(pid) if pid else None
    if errors:
        raise RuntimeError(f"{len(errors)} client error(s), first: {errors[0]}")
    done = sum(len(v) for v in latencies.values())
    return {"clients": clients, "seconds": wall, "queries": done, "qps": done / wall, "latencies": latencies,
            "cpu_seconds": cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None}


def _warm(url: str, endpoint: str, times: int) -> None:
    """Each query ``times`` times at once, so that every query worker has run each of them."""
    threads = [threading.Thread(target=_rows, args=(url, endpoint)) for _ in range(times)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def _merge(runs: list[dict]) -> dict:
    """Windows of one side and one number of clients, added up."""
    seconds = sum(r["seconds"] for r in runs)
    done = sum(r["queries"] for r in runs)
    lat: dict[str, list[float]] = {}
    for r in runs:
        for name, ts in r["latencies"].items():
            lat.setdefault(name, []).extend(ts)
    every = [x for ts in lat.values() for x in ts]
    cpu = [r["cpu_seconds"] for r in runs]
    cpu_total = sum(cpu) if None not in cpu else None
    return {"clients": runs[0]["clients"], "seconds": seconds, "queries": done, "qps": done / seconds,
            "cpu_seconds": cpu_total, "queries_per_cpu_second": done / cpu_total if cpu_total else None,
            "windows": [round(r["qps"], 3) for r in runs],
            "median_ms": {name: statistics.median(ts) * 1000 for name, ts in lat.items() if ts},
            "median_all_ms": statistics.median(every) * 1000 if every else None}


def run(size: int = 1_000_000, *, seconds: float = 24.0, rounds: int = 8, clients=(1, 8), workers: int = 2,
        log=print) -> dict:
    """Both servers on the same ``size``-triple corpus; per number of clients, throughput and latency.

    Both servers run at once and are measured in turns (``rounds`` windows of ``seconds / rounds``
    each, the first side alternating), so that other work on the machine weighs on both alike.
    """
    import pyoxigraph as ox

    from dipgraph.graph.store import Store

    binary = _oxigraph()
    n = articles_for(size)
    out: dict = {"target": size, "articles": n, "seconds_per_side": seconds, "rounds": rounds,
                 "workers": workers,
                 "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp:
        tmp = Path(tmp)
        nq = tmp / "corpus.nq"
        with open(nq, "w", encoding="utf-8") as fh:
            write_nquads(synthetic_extractions(n), fh)
        with Store(tmp / "store") as st:
            st.oxigraph.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            st.oxigraph.optimize()
            out["quads"] = len(st)
            st.oxigraph.dump(str(tmp / "all.nq"), format=ox.RdfFormat.N_QUADS)
        subprocess.run([binary, "load", "--location", str(tmp / "oxigraph"), "--file", str(tmp / "all.nq")],
                       check=True, capture_output=True)
        subprocess.run([binary, "optimize", "--location", str(tmp / "oxigraph")], capture_output=True)
        log(f"  server: {out['quads']:,} quads in both stores")
        servers = {}
        try:
            servers["dipgraph"] = _dipgraph_server(tmp / "store", workers)
            servers["oxigraph"] = _oxigraph_server(binary, tmp / "oxigraph")
            for side, (_, url, endpoint) in servers.items():
                out[side] = {"rows": _rows(url, endpoint)}
                _warm(url, endpoint, workers if side == "dipgraph" else 2)
            if out["dipgraph"]["rows"] != out["oxigraph"]["rows"]:
                raise RuntimeError(f"the servers disagree: {out['dipgraph']['rows']} != {out['oxigraph']['rows']}")
            for c in clients:
                windows: dict[str, list[dict]] = {side: [] for side in servers}
                for k in range(rounds):
                    for side in (("dipgraph", "oxigraph") if k % 2 == 0 else ("oxigraph", "dipgraph")):
                        proc, url, endpoint = servers[side]
                        windows[side].append(_load(url, endpoint, c, seconds / rounds, proc.pid))
                for side, runs in windows.items():
                    out[side][str(c)] = r = _merge(runs)
                    log(f"  server: {side}, {c} client(s): {r['qps']:.2f} queries/s, "
                        f"median {r['median_all_ms']:.0f} ms")
        finally:
            for proc, _, _ in servers.values():
                stop(proc)
        shutil.rmtree(tmp / "oxigraph", ignore_errors=True)
    return out


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(json.dumps(run(size, seconds=float(sys.argv[2]) if len(sys.argv) > 2 else 10.0), indent=2))
