"""The README's tour runs as written, in order, and prints what the README shows.

The commands run for real (spaCy, the store on disk) in a scratch folder prepared as `make demo`
leaves a fresh clone; `python -m benchmarks.readme_tour --write` regenerates the shown outputs.
"""
import re
from pathlib import Path

import pytest

from benchmarks.readme_tour import README, SETUP, STORE, matches, run_tour, tour_steps


def test_readme_tour_runs_and_prints_what_it_shows(tmp_path: Path):
    lines = README.read_text(encoding="utf-8").split("\n")
    steps = tour_steps(lines)
    assert any("dipgraph view" in s.command for s in steps) and any("dipgraph analyze" in s.command for s in steps)
    # the tour names its store once; only another server's URL is given with --store
    assert not any(re.search(r"--store (?!http://)", s.command) for s in steps), "the tour names its store once"
    assert any(s.command.startswith("dipgraph serve") for s in steps)
    assert any(s.command.startswith("curl ") for s in steps) and any("--dask local" in s.command for s in steps)
    for line in SETUP:  # how to get `dipgraph` on PATH and name the store, as make demo prints them
        assert line in lines
    assert f"export DIPGRAPH_STORE=$(DEMO_STORE)" in (README.parent / "Makefile").read_text()
    assert f"DEMO_STORE ?= {STORE}" in (README.parent / "Makefile").read_text()
    problems = []
    for step, code, actual in run_tour(steps, tmp_path):
        if step.shown is None and code != 0:
            problems.append(f"{step.command!r} failed ({code}): {actual[-3:]}")
        elif step.shown is not None and not matches(step.shown, actual):
            problems.append(f"{step.command!r} printed {actual[:12]}, the README shows {list(step.shown)}")
    assert not problems, "\n".join(problems)
    assert (tmp_path / STORE).is_dir() and (tmp_path / "out" / "graph.html").is_file()
    assert (tmp_path / "out" / "everything.trig").stat().st_size > 0  # what the Graph Store sent back


@pytest.mark.parametrize("shown,actual,ok", [
    (("a", "...", "z"), ["a", "b", "c", "z"], True),
    (("a", "  ...", "z"), ["a", "z"], True),
    (("a", "b"), ["a", "c"], False),
    (("a", "..."), ["b"], False),
])
def test_elision_matches_only_what_it_stands_for(shown, actual, ok):
    assert matches(shown, actual) is ok
