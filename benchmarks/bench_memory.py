"""Memory: peak RSS of ``dipgraph ingest`` over N generated articles (one JSON Lines file), and RSS
sampled along the run, to show whether it grows with the corpus.

The command runs as a child process; its peak (VmHWM) and the samples come from /proc while it runs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .synth import synthetic_articles

__all__ = ["run", "spacy_baseline"]


def spacy_baseline(n_articles: int = 500) -> dict:
    """Peak RSS of a bare process that loads the same spaCy pipeline and parses ``n_articles``: the floor."""
    root = Path(__file__).resolve().parent.parent
    code = ("import sys; from benchmarks.synth import synthetic_articles; from dipgraph.ingest.pipeline import load_nlp;"
            f"texts=[a.text for a in synthetic_articles({int(n_articles)}, seed=5)];"
            "[None for _ in load_nlp().pipe(texts, batch_size=32)]")
    code_, seconds, _, peak = watch([sys.executable, "-c", code], cwd=root,
                                    env={**os.environ, "PYTHONPATH": str(root)})
    if code_ != 0:
        raise RuntimeError("the spaCy baseline failed")
    return {"articles": n_articles, "peak_rss_mb": round(peak / 1024, 1), "seconds": seconds}


def _status_kb(pid: int) -> tuple[int, int] | None:
    """(VmRSS, VmHWM) of a running process, in KiB: its resident memory now and its peak so far."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            fields = dict(line.split(":", 1) for line in fh if line.startswith(("VmRSS", "VmHWM")))
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])
    except (OSError, KeyError, ValueError):
        return None


def watch(cmd: list[str], *, cwd: Path, env: dict, stdout=None, stderr=None, every: float = 0.1):
    """Run ``cmd``; returns (exit code, seconds, [(t, rss KiB)], peak KiB).

    The peak is the process's own high-water mark (VmHWM), read while it runs: the kernel's
    ru_maxrss of a child also counts the parent's memory at fork, so it cannot be used here.
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
    samples: list[tuple[float, int]] = []
    peak = 0
    while True:
        pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        st = _status_kb(proc.pid)
        if st:
            samples.append((time.perf_counter() - t0, st[0]))
            peak = max(peak, st[1])
        time.sleep(every)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.perf_counter() - t0, samples, peak


def run(n_articles: int = 10_000, *, log=print) -> dict:
    """Peak RSS (MB), wall time and RSS at each tenth of the run for an ingest of ``n_articles``."""
    root = Path(__file__).resolve().parent.parent
    articles = synthetic_articles(n_articles, seed=5)
    words = sum(len(a.text.split()) for a in articles)
    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with open(corpus, "w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                     "published": a.published.isoformat(), "source": a.source}) + "\n")
        del articles
        cmd = [sys.executable, "-m", "dipgraph.cli", "ingest", str(corpus), "--store", str(Path(tmp) / "store")]
        env = {**os.environ, "PYTHONPATH": str(root)}
        env.pop("DIPGRAPH_STORE", None)
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        with open(out_path, "wb") as out_fh, open(err_path, "wb") as err_fh:
            code, elapsed, samples, peak = watch(cmd, cwd=root, env=env, stdout=out_fh, stderr=err_fh, every=0.25)
        out_text = out_path.read_text("utf-8", "replace")
        err_text = err_path.read_text("utf-8", "replace")
        store_mb = sum(f.stat().st_size for f in (Path(tmp) / "store").rglob("*") if f.is_file()) / 1e6
    if code != 0:
        raise RuntimeError(f"dipgraph ingest failed: {err_text.strip()[-500:]}")
    tenths = []
    for k in range(1, 11):
        upto = [r for t, r in samples if t <= elapsed * k / 10]
        tenths.append(round((upto[-1] if upto else 0) / 1024, 1))
    log(f"  memory: {n_articles} articles in {elapsed:.0f}s, peak RSS {peak / 1024:.0f} MB")
    return {"articles": n_articles, "words": words, "seconds": elapsed, "peak_rss_mb": round(peak / 1024, 1),
            "rss_by_tenth_mb": tenths, "store_mb": round(store_mb, 1), "stdout": out_text.strip()}
