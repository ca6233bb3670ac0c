"""Graph page: time to build the page for 200, 2,000 and 10,000 synthetic actors, and time to the first
drawing in headless Chromium (Debian's /usr/bin/chromium through Playwright, offline); and the
layout alone (graph/layout.py) for 100, 500, 2,000 and 10,000 actors, with the overlaps it leaves.

    python -m benchmarks.bench_view            # 200, 2,000 and 10,000 actors
    python -m benchmarks.bench_view --quick    # 200 and 2,000

The store is filled from generated records (about two relations per actor, some actors far more
connected than others, people tied to a country), bulk-loaded as the quads Store.put would write, then the page is written with every actor drawn
(``max_nodes`` = the number of actors) and with the default cap. "Build" is ``write_page`` from the
open store to the file on disk (SPARQL, layout, HTML). "First drawing" is the page's own clock from
navigation start to vis-network's first ``afterDrawing`` event; "ready" is the wall time Playwright
waits from ``goto`` until the page has placed its labels for the first view. "Layout" is
``graph.layout.layout`` on the drawn network with the page's circle sizes; "overlaps" counts pairs of
circles that overlap, "within the gap" pairs closer than the room kept for a label.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

__all__ = ["run", "layout_figures", "synthetic", "main"]

CHROMIUM = "/usr/bin/chromium"


def synthetic(n_actors: int, seed: int = 5):
    """Extractions over ``n_actors`` actors: 10% countries, 5% organisations, the rest people."""
    from dipgraph.graph.records import Actor, Article, Event, Extraction, Role
    from dipgraph.graph.vocab import relations

    rnd = random.Random(seed)
    n_c = max(2, n_actors // 10)
    n_o = max(1, n_actors // 20)
    countries = [Actor("country", f"Country {i}", code=f"X{i:05d}") for i in range(n_c)]
    orgs = [Actor("organisation", f"Organisation {i}") for i in range(n_o)]
    people = [Actor("person", f"Person {i}") for i in range(n_actors - n_c - n_o)]
    everyone = countries + orgs + people
    weights = [1 / (i + 1) ** 0.6 for i in range(len(everyone))]
    rnd.shuffle(weights)
    home = {p.key: countries[int(rnd.paretovariate(1.2)) % n_c] for p in people}
    names = [r.name for r in relations()]
    n_events = 2 * n_actors
    per_article = 8
    start = date(2000, 1, 1)
    # every actor appears at least once, the rest by weight
    order = everyone[:]
    rnd.shuffle(order)
    out = []
    for a in range(0, n_events, per_article):
        events = []
        for k in range(a, min(a + per_article, n_events)):
            s = order[k % len(order)] if k < len(order) else rnd.choices(everyone, weights)[0]
            o = rnd.choices(everyone, weights)[0]
            if o.key == s.key:
                continue
            day = start + timedelta(days=rnd.randrange(9000))
            mod = rnd.choices(["asserted", "reported", "hedged", "negated"], [80, 10, 5, 5])[0]
            events.append(Event(rnd.choice(names), s, o, modality=mod,
                                date=day.isoformat() if rnd.random() < 0.8 else None,
                                sentence=f"{s.label} and {o.label}, sentence {k}.", start=k, end=k + 1,
                                extractor="synthetic"))
        cast = {e.subject.key: e.subject for e in events} | {e.object.key: e.object for e in events}
        roles = tuple(Role(p, home[p.key], "Minister") for p in cast.values() if p.kind == "person")
        out.append(Extraction(Article(text=f"article {a}", title=f"Synthetic article {a // per_article}",
                                      id=f"view-bench-{a}", published=start), tuple(events), roles))
    return out


def _fill(store, extractions, scratch: Path) -> None:
    """Bulk-load the records' quads, exactly those Store.put writes, without its per-article update."""
    import pyoxigraph as ox

    from .synth import write_nquads

    with scratch.open("w", encoding="utf-8") as f:
        write_nquads(extractions, f)
    store.oxigraph.bulk_load(path=str(scratch), format=ox.RdfFormat.N_QUADS)


def _first_draw(browser, path: Path) -> tuple[float, float]:
    """(ms from navigation start to the first drawing by the page's clock, wall seconds to ready)."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 850}, offline=True)
    page = ctx.new_page()
    url = path.resolve().as_uri()
    page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
    t = time.perf_counter()
    page.goto(url, timeout=120_000)
    page.wait_for_function("() => window.dipgraph && window.dipgraph.ready", timeout=120_000, polling=50)
    wall = time.perf_counter() - t
    ms = page.evaluate("dipgraph.firstDrawMs")
    ctx.close()
    return ms, wall


def layout_figures(sizes: tuple[int, ...] = (100, 500, 2000, 10_000), repeat: int = 3) -> list[dict]:
    """Time the layout of each synthetic network as the page draws it, and count what overlaps."""
    from dipgraph.graph.layout import GAP, layout, overlapping
    from dipgraph.graph.store import Store
    from dipgraph.graph.view import page_circles

    rows = []
    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-layout-") as tmp:
        for n in sizes:
            with Store(Path(tmp) / f"s{n}") as st:
                _fill(st, synthetic(n), Path(tmp) / f"s{n}.nq")
                T, radius = page_circles(st, max_nodes=n)
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                pos = layout(T, radius)
                times.append(time.perf_counter() - t)
            rows.append({"actors drawn": f"{len(T):,}", "ties": f"{T.number_of_edges():,}",
                         "layout (median)": f"{statistics.median(times):.2f} s",
                         "overlaps": str(len(overlapping(pos, radius))),
                         f"within the {GAP:.0f} px gap": str(len(overlapping(pos, radius, GAP - 0.5)))})
            print(rows[-1], file=sys.stderr, flush=True)
    return rows


def _table(rows: list[dict]) -> list[str]:
    keys = list(rows[0])
    return ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)] + \
        ["| " + " | ".join(r[k] for k in keys) + " |" for r in rows]


def run(quick: bool = False, sizes: tuple[int, ...] | None = None, repeat: int = 3) -> str:
    """Measure and return a Markdown table (also what ``benchmarks/run.py`` includes)."""
    from playwright.sync_api import sync_playwright

    from dipgraph.graph.store import Store
    from dipgraph.graph.view import DEFAULT_MAX_NODES, write_page

    sizes = sizes or ((200, 2000) if quick else (200, 2000, 10_000))
    rows = []
    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-view-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        for n in sizes:
            exs = synthetic(n)
            t = time.perf_counter()
            with Store(Path(tmp) / f"s{n}") as st:
                _fill(st, exs, Path(tmp) / f"s{n}.nq")
                load = time.perf_counter() - t
                for cap in (n, DEFAULT_MAX_NODES):
                    if cap == DEFAULT_MAX_NODES and n <= DEFAULT_MAX_NODES:
                        continue
                    out = Path(tmp) / f"page-{n}-{cap}.html"
                    builds = []
                    for _ in range(repeat):
                        t = time.perf_counter()
                        info = write_page(st, out, max_nodes=cap)
                        builds.append(time.perf_counter() - t)
                    draws = [_first_draw(browser, out) for _ in range(repeat)]
                    rows.append({
                        "actors in store": f"{n:,}", "drawn": f"{info.nodes:,}", "relations": f"{info.edges:,}",
                        "build (median)": f"{statistics.median(builds):.2f} s",
                        "file": f"{out.stat().st_size / 1e6:.1f} MB",
                        "first drawing (median)": f"{statistics.median(d[0] for d in draws) / 1000:.2f} s",
                        "ready, wall (median)": f"{statistics.median(d[1] for d in draws):.2f} s",
                        "store fill": f"{load:.1f} s",
                    })
                    print(rows[-1], file=sys.stderr, flush=True)
        browser.close()
    lines = _table(rows)
    lines += ["", f"Median of {repeat} builds and {repeat} page loads each; targets: at 2,000 actors the "
              "page is written in under a second and first drawn within a few seconds.", ""]
    lines += _table(layout_figures((100, 500, 2000) if quick else (100, 500, 2000, 10_000), repeat))
    lines += ["", f"The layout alone, median of {repeat}; target: no overlaps at any size, and the cost "
              "growing about linearly with the actors."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_view", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="200 and 2,000 actors only")
    ap.add_argument("--sizes", help="comma-separated numbers of actors, e.g. 200,2000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    sizes = tuple(int(x) for x in args.sizes.split(",")) if args.sizes else None
    print(run(quick=args.quick, sizes=sizes, repeat=args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
