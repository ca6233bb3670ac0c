"""Ingest throughput: words per second of dipgraph's ingest against bare ``nlp.pipe`` on the same texts,
and with 2 processes against 1 (spaCy's own multiprocessing, and a 2-worker Dask cluster against 1).

Both sides are timed after the model is loaded in this process, on a fresh on-disk store each time;
multi-process runs include their workers' start-up (each loads the model), as a user sees it.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from .synth import synthetic_articles

__all__ = ["run"]


def _words(articles) -> int:
    return sum(len(a.text.split()) for a in articles)


def _ingest(articles, **kw) -> float:
    from graph.store import Store
    from ingest.pipeline import Extractor, ingest

    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp, Store(Path(tmp) / "s") as st:
        t = time.perf_counter()
        report = ingest(st, articles, extractor=Extractor(), **kw)
        elapsed = time.perf_counter() - t
        assert report.added == len(articles), report
    return elapsed


def _ingest_dask(articles, address: str) -> float:
    from graph.store import Store
    from ingest.distributed import ingest_dask
    from ingest.pipeline import Extractor

    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp, Store(Path(tmp) / "s") as st:
        t = time.perf_counter()
        report = ingest_dask(st, articles, address, extractor=Extractor(), chunk_size=32)
        elapsed = time.perf_counter() - t
        assert report.added == len(articles), report
    return elapsed


def run(n_articles: int = 2000, *, parallel: bool = True, dask: bool = True, log=print) -> dict:
    """Words/s of the baseline and of each ingest mode, over ``n_articles`` generated articles."""
    from ingest.pipeline import DEFAULT_MODEL, Extractor, load_nlp

    articles = synthetic_articles(n_articles)
    words = _words(articles)
    nlp = load_nlp(DEFAULT_MODEL)
    batch = Extractor().batch_size
    list(nlp.pipe([a.text for a in articles[:32]], batch_size=batch))  # warm-up
    _ingest(articles[:32])  # warm-up: gazetteers and the extraction rules load here

    t = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=batch):
        pass
    base = time.perf_counter() - t
    log(f"  ingest: nlp.pipe {words / base:,.0f} words/s")
    one = _ingest(articles)
    log(f"  ingest: dipgraph ingest, 1 process {words / one:,.0f} words/s")
    out = {"articles": n_articles, "words": words, "model": DEFAULT_MODEL, "batch_size": batch,
           "nlp_pipe_seconds": base, "ingest_1_seconds": one}
    if parallel:
        two = _ingest(articles, n_process=2)
        out["ingest_2_seconds"] = two
        log(f"  ingest: dipgraph ingest, 2 processes {words / two:,.0f} words/s")
    if dask:
        for n in (1, 2):
            out[f"dask_{n}_seconds"] = _ingest_dask(articles, f"local:{n}")
            log(f"  ingest: dask local:{n} {words / out[f'dask_{n}_seconds']:,.0f} words/s (cluster start included)")
    return out
