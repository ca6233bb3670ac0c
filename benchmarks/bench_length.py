"""Cost by article length: seconds and memory of ingesting one article of 10 kB to 1 MB.

Each length runs in a fresh child process (so that one length's memory does not hide the next's):
the child loads the model and ingests a small article first, then ingests the long one into an
on-disk store. Time is that ingest (read, parse, extraction, store), memory its peak resident set
above what the warmed-up process already held (the kernel's high-water mark, reset before the
ingest). If the cost is linear in the text, seconds per 100 kB are the same at every length. Before each
length, the same child times a 10 kB article (median of five), and the figure that matters is the
ratio of seconds per 100 kB at that length to the 10 kB article's. The ratio is of CPU seconds (the
process's own, all its threads): on a shared machine the wall time of a long run depends on what
else runs meanwhile, its CPU time much less; wall seconds are given beside them.

    python -m benchmarks.bench_length            # 10 kB to 1 MB
    python -m benchmarks.bench_length --child 30000
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["run", "measure", "SIZES"]

SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)
QUICK_SIZES = (10_000, 100_000)
# short articles take well under a second: their time is the median of a few, of different texts
REPEAT_UNDER = 50_000
REPEAT = 5
REFERENCE = 10_000


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> bool:
    """Reset this process's peak resident set (VmHWM) to its current size (Linux 4.0 and later)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def measure(chars: int) -> dict:
    """Seconds and peak memory above the warmed-up process of ingesting one article of ``chars``,
    and the seconds of a :data:`REFERENCE`-character article measured just before in the same process
    (the machine's load changes between processes; a ratio taken within one is steadier)."""
    from dipgraph.graph.store import Store
    from dipgraph.ingest.pipeline import Extractor, ingest

    from .synth import long_article

    extractor = Extractor()

    def timed(n: int, repeat: int, seed: int) -> tuple[float, float, float | None, int]:
        seconds, cpu, peaks = [], [], []
        for k in range(repeat):
            article = long_article(n, seed=seed + 7 * k)
            base = _status_kb("VmRSS")
            exact = _reset_peak()
            t, c = time.perf_counter(), time.process_time()
            report = ingest(st, [article], extractor=extractor)
            seconds.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            peaks.append((_status_kb("VmHWM") - base) / 1024 if exact else None)
            if report.added != 1:
                raise RuntimeError(f"the article of {n} characters was not stored: {report}")
        return (statistics.median(seconds), statistics.median(cpu), (max(peaks) if None not in peaks else None),
                report.events)

    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp, Store(Path(tmp) / "s") as st:
        ingest(st, [long_article(3_000, seed=1)], extractor=extractor)  # model, gazetteers, store warm
        ref_seconds, ref_cpu, _, _ = timed(REFERENCE, REPEAT, seed=500)
        seconds, cpu, peak, events = timed(chars, REPEAT if chars < REPEAT_UNDER else 1, seed=20)
    return {"chars": chars, "seconds": seconds, "cpu_seconds": cpu, "events": events, "peak_above_mb": peak,
            "reference_seconds": ref_seconds, "reference_cpu_seconds": ref_cpu}


def run(sizes=SIZES, *, log=print) -> dict:
    """Every length of ``sizes`` measured in a child process, with seconds and MB per 100 kB."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    rows = []
    for chars in sizes:
        r = subprocess.run([sys.executable, "-m", "benchmarks.bench_length", "--child", str(chars)],
                           cwd=root, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"the {chars}-character run failed: {r.stderr.strip()[-500:]}")
        row = json.loads(r.stdout.strip().splitlines()[-1])
        row["seconds_per_100k"] = row["seconds"] * 100_000 / chars
        if row["peak_above_mb"] is not None:
            row["mb_per_100k"] = row["peak_above_mb"] * 100_000 / chars
        row["cpu_seconds_per_100k"] = row["cpu_seconds"] * 100_000 / chars
        row["relative"] = (row["cpu_seconds"] / chars) / (row["reference_cpu_seconds"] / REFERENCE)
        row["relative_wall"] = (row["seconds"] / chars) / (row["reference_seconds"] / REFERENCE)
        rows.append(row)
        log(f"  length: {chars:,} characters in {row['seconds']:.1f} s, {row['cpu_seconds']:.1f} s of CPU "
            f"({row['cpu_seconds_per_100k']:.2f} s per 100 kB, {row['relative']:.2f}x a {REFERENCE // 1000} kB "
            f"article's), peak +{row['peak_above_mb'] or 0:.0f} MB")
    return {"rows": rows, "reference": REFERENCE, "ratio": rows[-1]["relative"], "to": rows[-1]["chars"]}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        print(json.dumps(measure(int(argv[1]))))
        return 0
    print(json.dumps(run(), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
