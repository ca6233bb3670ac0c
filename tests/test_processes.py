"""Ingestion with worker processes (``--processes 2``) gives the same store as a plain ingest."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from dipgraph.graph.records import Article
from dipgraph.graph.store import Store
from dipgraph.ingest.pipeline import Extractor, ingest

ROOT = Path(__file__).resolve().parent.parent


def corpus(mixed_corpus: list[Article]) -> list[Article]:
    """The shared corpus and enough short articles for several chunks per worker."""
    return mixed_corpus + [
        Article(text=f"Germany and France met in Berlin on day {i}. Poland criticized Hungary.",
                title=f"Meeting {i}", id=f"gen-berlin-{i}", published=date(2020, 1, 1 + i))
        for i in range(20)]


def test_two_processes_equal_one(tmp_path, mixed_corpus, nquads):
    arts = corpus(mixed_corpus)
    with Store(tmp_path / "one") as one, Store(tmp_path / "two") as two:
        want = ingest(one, arts, extractor=Extractor())
        seen: list[str] = []
        got = ingest(two, arts, extractor=Extractor(), n_process=2, on_article=lambda a, o: seen.append(a.key))
        assert (got.added, got.events, got.words) == (want.added, want.events, want.words)
        assert got.added == len(arts)
        assert got.events > 0  # the comparison covers events, not only article metadata
        assert seen == [a.key for a in arts]  # written in input order
        assert nquads(two) == nquads(one)
        assert two.articles() == one.articles()

        # a second run skips every unchanged article before any worker starts on it
        again = ingest(two, arts, extractor=Extractor(), n_process=2)
        assert (again.added, again.unchanged) == (0, len(arts))


def test_cli_processes_2_equals_processes_1(tmp_path, samples_dir, nquads):
    files = [str(f) for f in sorted(samples_dir.glob("*.md"))[:4]]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DIPGRAPH_STORE", None)
    out = {}
    for n in (1, 2):
        r = subprocess.run([sys.executable, "-m", "dipgraph.cli", "ingest", *files, "--store", str(tmp_path / f"p{n}"),
                            "--processes", str(n)], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert r.returncode == 0, r.stderr
        assert r.stderr == ""
        out[n] = r.stdout
    assert out[2] == out[1].replace("p1", "p2")
    with Store(tmp_path / "p1") as one, Store(tmp_path / "p2") as two:
        assert nquads(two) == nquads(one)


def test_a_bad_model_is_one_message(tmp_path, samples_dir):
    files = [str(f) for f in sorted(samples_dir.glob("*.md"))[:1]]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DIPGRAPH_STORE", None)
    r = subprocess.run([sys.executable, "-m", "dipgraph.cli", "ingest", *files, "--store", str(tmp_path / "s"),
                        "--processes", "2", "--model", "no_such_model"],
                       capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert r.returncode != 0
    assert "no_such_model" in r.stderr and "Traceback" not in r.stderr
