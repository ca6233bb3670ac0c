"""Initial load of a SPARQL server: one SPARQL Update per article (``--store http://...``) against the
bulk path (``dipgraph export --format nquads``, then the server's bulk loader, ``oxigraph load``).
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .synth import synthetic_extractions

__all__ = ["run"]


def _oxigraph() -> str:
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the `oxigraph` command (pip package oxigraph) is not installed")
    return found


def _serve(binary: str, location: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2).close()
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("the oxigraph server did not start") from None
            time.sleep(0.1)


def run(n_articles: int = 1000, *, log=print) -> dict:
    """Seconds to load ``n_articles`` synthetic articles into an Oxigraph server both ways."""
    from dipgraph.graph.remote import RemoteStore
    from dipgraph.graph.store import Store

    binary = _oxigraph()
    exs = list(synthetic_extractions(n_articles, seed=13))
    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp:
        tmp = Path(tmp)
        proc, url = _serve(binary, tmp / "server")
        try:
            remote = RemoteStore(url)
            t = time.perf_counter()
            for ex in exs:
                remote.put(ex)
            updates = time.perf_counter() - t
            quads = len(remote)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        log(f"  remote: {n_articles} articles by SPARQL Update in {updates:.1f}s")
        t = time.perf_counter()
        with Store(tmp / "local") as st:
            for ex in exs:
                st.put(ex)
            st.export("nquads", str(tmp / "all.nq"))
        local = time.perf_counter() - t
        t = time.perf_counter()
        subprocess.run([binary, "load", "--location", str(tmp / "bulk"), "--file", str(tmp / "all.nq")],
                       check=True, capture_output=True)
        bulk = time.perf_counter() - t
        log(f"  remote: local store + export {local:.1f}s, oxigraph load {bulk:.1f}s")
    return {"articles": n_articles, "quads": quads, "updates_seconds": updates,
            "local_and_export_seconds": local, "bulk_load_seconds": bulk}
