"""Run the README's tour as written and check (or rewrite) the outputs it shows.

The tour is the README's sections "A short tour", "Browse the graph", "Analysis", "SPARQL
endpoint" and "Running at scale". Each ```console``` block holds commands (``$ ...``, a command
goes on over lines while a quote is open) and the output the README shows for them; a line ``...``
(indented or not) in a shown output stands for any number of lines. Each ```sh``` block holds
commands whose output the README does not show: its ``dipgraph``, ``curl``, ``oxigraph`` and
``echo`` lines must succeed. Installs, other tools (Dask's, JupyterLab) and lines naming a
placeholder for the reader's own machines (``SCHEDULER``, ``CORPUS/``) are left to the reader.

A ``dipgraph serve`` or ``oxigraph serve`` line starts a server in the background, as the README
has it run in a terminal of its own; it is stopped when the next server starts or the section
ends. The server listens on a free port instead of 7878, and the commands after it are sent there.

The commands run in order, through the shell, in a scratch folder that sees the project's
``data/`` and has the samples already ingested (what ``make demo`` leaves), with
``DIPGRAPH_STORE`` set to the same ``out/store`` the README names, so the outputs are compared as
printed.

    python -m benchmarks.readme_tour            # check; exit 1 and show the first difference
    python -m benchmarks.readme_tour --write    # rewrite the shown outputs from this run
"""
from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .processes import stop

__all__ = ["TOUR_SECTIONS", "STORE", "SETUP", "Step", "tour_steps", "run_tour", "matches", "rewrite"]

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
TOUR_SECTIONS = ("A short tour", "Browse the graph", "Analysis", "SPARQL endpoint", "Running at scale")
RUN = ("dipgraph ", "curl ", "oxigraph ", "echo ")  # the sh lines run; the rest are the reader's
PLACEHOLDERS = ("SCHEDULER", "CORPUS/")  # the reader's own machines and folders
PORT = "127.0.0.1:7878"  # the address the README's servers listen on
STORE = "out/store"  # the one store the README and `make demo` name
# The tour's setup lines (make demo prints them); the scratch environment does what they do.
SETUP = (". .venv/bin/activate", f"export DIPGRAPH_STORE={STORE}")


@dataclass(frozen=True)
class Step:
    """One command of the tour: its text, the output shown (None: not shown) and where it sits."""

    command: str
    shown: tuple[str, ...] | None
    start: int  # index in README lines of the first shown output line (console blocks)
    end: int    # index one past the last shown output line
    section: str = ""

    @property
    def server(self) -> bool:
        """A command that starts a server, which the README runs in a terminal of its own."""
        return self.command.startswith(("dipgraph serve", "oxigraph serve"))


def _complete(command: str) -> bool:
    try:
        shlex.split(command)
    except ValueError:
        return False
    return True


def tour_steps(lines: list[str]) -> list[Step]:
    """The commands of the tour sections in order, with the outputs the README shows."""
    steps: list[Step] = []
    section = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            section = line[3:].strip()
        fence = line.strip()
        if section in TOUR_SECTIONS and fence in ("```console", "```sh"):
            j = i + 1
            block: list[int] = []
            while not lines[j].startswith("```"):
                block.append(j)
                j += 1
            if fence == "```sh":
                for k in block:
                    cmd = re.sub(r"\s+#.*$", "", lines[k]).strip()
                    if cmd.startswith(RUN) and not any(p in cmd for p in PLACEHOLDERS):
                        steps.append(Step(cmd, None, k + 1, k + 1, section))
            else:
                k = 0
                while k < len(block):
                    text = lines[block[k]]
                    if not text.startswith("$ "):
                        k += 1
                        continue
                    cmd = text[2:]
                    while not _complete(cmd):
                        k += 1
                        cmd += "\n" + lines[block[k]]
                    k += 1
                    out_start = k
                    while k < len(block) and not lines[block[k]].startswith("$ "):
                        k += 1
                    out = [lines[n] for n in block[out_start:k]]
                    while out and not out[-1].strip():
                        out.pop()
                    start = block[out_start] if out_start < len(block) else j
                    steps.append(Step(cmd, tuple(out), start, start + len(out), section))
            i = j
        i += 1
    return steps


def matches(shown: tuple[str, ...], actual: list[str]) -> bool:
    """True when the actual lines are the shown ones, a ``...`` line standing for any lines."""
    shown_l = [s.rstrip() for s in shown]
    actual_l = [a.rstrip() for a in actual]
    while actual_l and not actual_l[-1]:
        actual_l.pop()

    def go(si: int, ai: int) -> bool:
        if si == len(shown_l):
            return ai == len(actual_l)
        if shown_l[si].strip() == "...":
            return any(go(si + 1, n) for n in range(ai, len(actual_l) + 1))
        return ai < len(actual_l) and actual_l[ai] == shown_l[si] and go(si + 1, ai + 1)

    return go(0, 0)


def _elide(shown: tuple[str, ...], actual: list[str]) -> list[str]:
    """The actual output cut as the shown one is: as many lines before and after ``...``."""
    while actual and not actual[-1].strip():
        actual = actual[:-1]
    cuts = [n for n, line in enumerate(shown) if line.strip() == "..."]
    if not cuts:
        return actual
    cut = cuts[0]
    head, tail = cut, len(shown) - cut - 1
    if head + tail >= len(actual):
        return actual
    return actual[:head] + [shown[cut]] + (actual[len(actual) - tail:] if tail else [])


def _scratch(folder: Path) -> dict[str, str]:
    """A folder like a fresh clone after `make demo`: data/ and an ingested out/store."""
    (folder / "data").symlink_to(ROOT / "data")
    (folder / "out").mkdir()
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["DIPGRAPH_STORE"] = STORE
    env["COLUMNS"] = "80"
    env["DIPGRAPH_PROGRESS_EVERY"] = "0"  # progress lines come with the clock; the README shows none
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr interleave as on a terminal
    env.pop("DIPGRAPH_DATA", None)
    subprocess.run(["dipgraph", "ingest", "data/samples"], cwd=folder, env=env, check=True,
                   capture_output=True, text=True)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answering(url: str, proc: subprocess.Popen, seconds: float = 60) -> bool:
    """Wait until the server at ``url`` answers HTTP (any status), or it died, or time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            time.sleep(0.2)
    return False


def run_tour(steps: list[Step], folder: Path) -> list[tuple[Step, int, list[str]]]:
    """Run every step in order in ``folder``; each with its exit status and output lines (a
    server's: whether it came up, and its log if it did not)."""
    env = _scratch(folder)
    results = []
    server: subprocess.Popen | None = None
    address, section = PORT, None
    try:
        for step in steps:
            if step.section != section:
                stop(server)
                server, address, section = None, PORT, step.section
            if step.server:
                stop(server)
                address = f"127.0.0.1:{_free_port()}"
                command = step.command.replace(PORT, address)
                if command.startswith("dipgraph serve") and "--port" not in command:
                    command += f" --port {address.rsplit(':', 1)[1]}"
                log = folder / f"server-{len(results)}.log"
                with open(log, "wb") as out:
                    server = subprocess.Popen(["bash", "-c", "exec " + command], cwd=folder, env=env,
                                              stdout=out, stderr=subprocess.STDOUT)
                up = _answering(f"http://{address}/", server)
                results.append((step, 0 if up else 1, [] if up else log.read_text(errors="replace").splitlines()))
                continue
            command = step.command.replace(PORT, address)
            if command.startswith("curl "):  # an HTTP error is a failure too (curl says 0 otherwise)
                command = "curl --fail-with-body -sS " + command[5:]
            done = subprocess.run(["bash", "-c", command], cwd=folder, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
            results.append((step, done.returncode, done.stdout.splitlines()))
    finally:
        stop(server)
    return results


def rewrite(lines: list[str], results) -> list[str]:
    """README lines with each shown output replaced by this run's output, cut the same way."""
    out = list(lines)
    for step, _, actual in sorted(results, key=lambda r: r[0].start, reverse=True):
        if step.shown is None:
            continue
        out[step.start:step.end] = _elide(step.shown, actual)
    return out


def main(argv: list[str]) -> int:
    lines = README.read_text(encoding="utf-8").split("\n")
    steps = tour_steps(lines)
    with tempfile.TemporaryDirectory() as tmp:
        results = run_tour(steps, Path(tmp))
    bad = 0
    for step, code, actual in results:
        if step.shown is None and code != 0:
            print(f"failed ({code}): {step.command}\n  " + "\n  ".join(actual[-5:]))
            bad += 1
        elif step.shown is not None and not matches(step.shown, actual) and "--write" not in argv:
            print(f"differs: {step.command}\n  shown:  " + "\n          ".join(step.shown)
                  + "\n  actual: " + "\n          ".join(actual))
            bad += 1
    if "--write" in argv:
        README.write_text("\n".join(rewrite(lines, results)), encoding="utf-8")
        print(f"rewrote the outputs of {sum(s.shown is not None for s in steps)} commands in {README.name}")
    print(f"{len(steps)} commands, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
