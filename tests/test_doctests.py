"""The ``>>>`` examples in the docstrings run as written, so that what a reader copies works.

Every module of dipgraph, dipgraph.graph and dipgraph.ingest is imported by its installed name and
its examples are run. Besides what they import themselves, examples may use ``store`` (a real
store holding two hand-made articles about Lavrov, Choe, Russia and North Korea), ``extraction``
(one more article, not yet stored), ``folder`` (a new empty folder) and ``page`` (a path for a page
to write). An example that needs a SPARQL server is marked to be skipped.
"""
from __future__ import annotations

import doctest
import importlib
from datetime import date
from pathlib import Path

import pytest

from dipgraph.graph.records import Actor, Article, Event, Extraction
from dipgraph.graph.store import Store
from test_view import seed_like

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"dipgraph": ROOT / "dipgraph", "dipgraph.graph": ROOT / "graph", "dipgraph.ingest": ROOT / "ingest"}
MODULES = sorted(f"{name}.{f.stem}" for name, folder in PACKAGES.items() for f in folder.glob("*.py")
                 if f.stem != "__init__")


def _examples(name: str) -> list[doctest.DocTest]:
    return [t for t in doctest.DocTestFinder().find(importlib.import_module(name)) if t.examples]


def another_article() -> Extraction:
    text = "Wang Yi met Sergey Lavrov in Beijing."
    art = Article(text=text, title="Wang meets Lavrov", id="wang-lavrov", published=date(2023, 9, 18))
    return Extraction(art, (Event("met", Actor("person", "Wang Yi"), Actor("person", "Sergey Lavrov"),
                                  date="2023-09-18", sentence=text, start=0, end=len(text)),), ())


@pytest.mark.parametrize("name", [m for m in MODULES if _examples(m)])
def test_docstring_examples(name, tmp_path):
    with Store(tmp_path / "store") as store:
        for ex in seed_like():
            store.put(ex)
        globs = {"store": store, "extraction": another_article(), "folder": tmp_path / "new-store",
                 "page": tmp_path / "graph.html"}
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        for test in _examples(name):
            test.globs.update(globs)
            runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) of {name} failed; see the output above"


def test_the_main_modules_have_examples_that_run():
    """The modules a reader starts from show how they are used, and those examples are not skipped."""
    for name in ("dipgraph.graph.store", "dipgraph.graph.projection", "dipgraph.graph.network", "dipgraph.graph.view",
                 "dipgraph.graph.settings",
                 "dipgraph.ingest.dates", "dipgraph.ingest.handover"):
        run = [e for t in _examples(name) for e in t.examples if not e.options.get(doctest.SKIP)]
        assert run, f"{name} has no example that runs"
