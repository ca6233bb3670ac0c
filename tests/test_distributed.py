"""Ingestion on a real Dask cluster (two worker processes) gives the same store as a plain ingest."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dipgraph.graph.records import Article
from dipgraph.graph.store import Store
from dipgraph.ingest.pipeline import Extractor, ingest
from dipgraph.ingest.read import Problem

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cluster():
    """A local Dask cluster of two worker processes, shared by this module's tests."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


def test_dask_ingest_equals_plain_ingest(tmp_path, cluster, mixed_corpus, nquads):
    from dipgraph.ingest.distributed import ingest_dask

    arts = mixed_corpus
    assert len(arts) >= 5
    with Store(tmp_path / "plain") as plain, Store(tmp_path / "dask") as dasked:
        want = ingest(plain, arts, extractor=Extractor())
        got = ingest_dask(dasked, arts, cluster.scheduler_address, extractor=Extractor(), chunk_size=2)
        assert (got.added, got.events, got.words) == (want.added, want.events, want.words)
        assert got.added == len(arts)
        assert got.events > 0  # the samples state relations, so the comparison covers events too
        assert nquads(dasked) == nquads(plain)
        assert dasked.articles() == plain.articles()

        # a second run skips every unchanged article before sending anything
        again = ingest_dask(dasked, arts, cluster.scheduler_address, extractor=Extractor())
        assert (again.added, again.unchanged) == (0, len(arts))


def test_both_workers_take_part(tmp_path, cluster):
    from dipgraph.ingest.distributed import ingest_dask

    arts = [Article(text=f"Article {i}: Germany and France met in Berlin.", title=f"t{i}", id=f"gen-{i}")
            for i in range(12)]
    seen = []

    def record(article, outcome):
        seen.append(article.key)

    with Store(tmp_path / "s") as st:
        report = ingest_dask(st, arts, cluster.scheduler_address, chunk_size=1, on_article=record)
        assert report.added == 12
    # written in input order although the batches run on two workers at once
    assert seen == [a.key for a in arts]
    with distributed.Client(cluster.scheduler_address) as client:
        loaded = client.run(lambda: "dipgraph.ingest.distributed" in sys.modules)
    assert len(loaded) == 2 and all(loaded.values())


def test_problems_are_reported_not_sent(tmp_path, cluster):
    from dipgraph.ingest.distributed import ingest_dask

    items = [Problem("bad.html", "cannot be read"),
             Article(text="Japan urged China to show restraint.", title="Appeal", id="gen-appeal")]
    seen = []
    with Store(tmp_path / "s") as st:
        report = ingest_dask(st, items, cluster.scheduler_address, on_problem=seen.append)
        assert report.added == 1 and len(report.errors) == 1 and seen == [items[0]]


def test_missing_model_is_one_clear_error(tmp_path, cluster):
    from dipgraph.ingest.distributed import ingest_dask

    arts = [Article(text="Spain met Portugal.", title="t", id="gen-x")]
    with Store(tmp_path / "s") as st:
        with pytest.raises(RuntimeError, match="not installed"):
            ingest_dask(st, arts, cluster.scheduler_address, extractor=Extractor("no_such_spacy_model"))


def test_bad_addresses_are_clear_errors(tmp_path):
    from dipgraph.ingest.distributed import ingest_dask

    with Store(tmp_path / "s") as st:
        with pytest.raises(RuntimeError, match="local:N"):
            ingest_dask(st, [], "local:two")
        with pytest.raises(RuntimeError, match="cannot reach the Dask scheduler"):
            ingest_dask(st, [], "tcp://127.0.0.1:9", timeout=2)


def test_cli_ingest_with_dask(tmp_path, cluster, samples_dir, nquads):
    files = [str(f) for f in sorted(samples_dir.glob("*.md"))[:3]]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DIPGRAPH_STORE", None)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "dipgraph.cli", "ingest", *files, *args],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)

    r = run("--store", str(tmp_path / "dask"), "--dask", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    assert "3 added" in r.stdout
    plain = run("--store", str(tmp_path / "plain"))
    assert plain.returncode == 0, plain.stderr
    with Store(tmp_path / "dask") as a, Store(tmp_path / "plain") as b:
        assert nquads(a) == nquads(b)
    bad = run("--store", str(tmp_path / "x"), "--dask", "local:0")
    assert bad.returncode != 0 and "at least 1" in bad.stderr and "Traceback" not in bad.stderr
