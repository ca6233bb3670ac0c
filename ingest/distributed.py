"""Ingestion on a Dask cluster: workers parse and extract, the client writes to the store.

Extraction is a pure function of an article, so batches of articles go to the workers (each loads
the spaCy pipeline once and keeps it), and their extractions stream back as they complete to be
written, in input order, into the store by this process, the only one that holds the store.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from dipgraph.graph.records import Article, Extraction

from .pipeline import DEFAULT_MODEL, Extractor, IngestReport, articles_to_do, chunks, store_all
from .read import Problem

__all__ = ["ingest_dask", "open_client", "extract_batch"]

CHUNK = 8  # articles per task: small enough to spread a few files over every worker


@lru_cache(maxsize=4)
def _worker_extractor(model: str, batch_size: int) -> Extractor:
    """One extractor (and so one loaded spaCy pipeline) per worker process and model."""
    ex = Extractor(model, batch_size=batch_size)
    ex.nlp  # load now, once
    return ex


def extract_batch(articles: list[Article], model: str = DEFAULT_MODEL, batch_size: int = 32) -> list[Extraction]:
    """Parse and extract a batch of articles; runs on a worker."""
    return list(_worker_extractor(model, batch_size).pipe(articles))


def open_client(address: str, *, timeout: float = 20.0):
    """A Dask client for ``local:N`` (a new local cluster of N worker processes) or a scheduler address.

    Returns ``(client, cluster)``; ``cluster`` is None unless this call started it.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("Dask is not installed; install it with pip install 'dipgraph[dask]'") from None
    m = re.fullmatch(r"local(?::(\d+))?", address.strip())
    if m:
        n = int(m[1] or 2)
        if n < 1:
            raise RuntimeError(f"--dask {address}: the number of local workers must be at least 1")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        try:
            return Client(cluster), cluster
        except Exception:
            cluster.close()
            raise
    if address.startswith("local"):
        raise RuntimeError(f"--dask {address}: write local:N with N a number of workers, e.g. local:2")
    try:
        return Client(address, timeout=timeout), None
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"--dask {address}: cannot reach the Dask scheduler ({exc})") from None


def ingest_dask(store, items: Iterable[Article | Problem], address: str, *, extractor: Extractor | None = None,
                force: bool = False, replace: bool = False, on_problem: Callable[[Problem], None] | None = None,
                on_article: Callable[[Article, str], None] | None = None,
                chunk_size: int = CHUNK, timeout: float = 20.0) -> IngestReport:
    """Like :func:`ingest.pipeline.ingest`, with extraction on a Dask cluster at ``address``.

    Articles unchanged since they were stored are skipped before they are sent. At most a few
    batches per worker are in flight, so memory stays flat however long the input is.
    """
    client, cluster = open_client(address, timeout=timeout)  # says which extra to install when Dask is missing
    from dask.distributed import as_completed

    extractor = extractor or Extractor()
    report = IngestReport()

    def todo() -> Iterator[list[Article]]:
        return chunks(articles_to_do(store, items, report, force=force, replace=replace, on_problem=on_problem,
                                     on_article=on_article), chunk_size)

    try:
        workers = max(1, sum(client.nthreads().values()))
        window = 2 * workers
        batches = enumerate(todo())
        pending = as_completed()
        waiting: dict[int, list[Extraction]] = {}
        index_of: dict[str, int] = {}
        next_index = 0

        def submit_one() -> bool:
            for i, batch in batches:
                fut = client.submit(extract_batch, batch, extractor.model, extractor.batch_size,
                                    pure=False, key=f"dipgraph-extract-{i}-{id(pending)}")
                index_of[fut.key] = i
                pending.add(fut)
                return True
            return False

        def in_order() -> Iterator[Extraction]:
            nonlocal next_index
            for _ in range(window):
                if not submit_one():
                    break
            for fut in pending:
                try:
                    result = fut.result()
                except RuntimeError:
                    raise
                except Exception as exc:
                    raise RuntimeError(
                        f"extraction failed on the Dask cluster: {type(exc).__name__}: {exc}") from None
                waiting[index_of.pop(fut.key)] = result
                submit_one()  # keep the workers busy while this process writes
                while next_index in waiting:  # in input order, as a plain ingest writes
                    yield from waiting.pop(next_index)
                    next_index += 1

        store_all(store, in_order(), report, force=force, on_article=on_article, on_problem=on_problem)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report
