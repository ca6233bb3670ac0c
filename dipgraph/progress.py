"""Progress of a long ingest, as the command line shows it.

On a terminal: a bar with articles done out of the total, the rate and the time left, after a
"loading model" line while spaCy loads. Elsewhere (a log, CI): one plain line every few seconds on
standard error ("ingest: 120 articles of 500, 3.2/s"), so a long run shows it is alive without flooding the log. The last summary is the
verb's own and is always printed.
"""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator, Optional

__all__ = ["ingest_progress", "loading_model"]


@contextmanager
def ingest_progress(total: Optional[int], *, terminal: bool,
                    every: float) -> Iterator[Callable[[object, str], None]]:
    """A context giving the ``on_article(article, outcome)`` callback that reports progress.

    ``total`` is the number of articles to go through (None when it cannot be known, as for
    standard input); ``every`` is the seconds between lines off a terminal (0: no lines)."""
    if terminal:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

        columns = [SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                   TextColumn("{task.completed} articles{task.fields[of]}, {task.fields[rate]}"),
                   TimeRemainingColumn()]
        with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
            task = bar.add_task("ingest", total=total, rate="-", of=f" of {total}" if total is not None else "")
            start = time.monotonic()
            done = 0

            def on_article(article, outcome: str) -> None:
                nonlocal done
                done += 1
                rate = done / max(time.monotonic() - start, 1e-6)
                bar.update(task, advance=1, rate=f"{rate:.1f}/s")

            yield on_article
        return

    start = last = time.monotonic()
    done = 0
    out_of = f" of {total}" if total is not None else ""

    def on_article(article, outcome: str) -> None:
        nonlocal done, last
        done += 1
        now = time.monotonic()
        if every and now - last >= every:
            last = now
            print(f"ingest: {done} articles{out_of}, {done / (now - start):.1f}/s", file=sys.stderr, flush=True)

    yield on_article


@contextmanager
def loading_model(name: str, *, terminal: bool) -> Iterator[None]:
    """Say that the model is loading while it does (spaCy takes seconds to load)."""
    if terminal:
        from rich.console import Console

        with Console(stderr=True).status(f"loading model {name}"):
            yield
    else:  # off a terminal the model loads silently: its time shows in the first rate
        yield
