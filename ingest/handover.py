"""Handing articles to a running `dipgraph serve`, which holds the store and does the writing.

Oxigraph lets one process open a store folder. While a server holds one, it notes its address in
``server.json`` inside the folder; `dipgraph ingest` then reads the articles where it runs, sends
them to the server's ``/ingest`` as JSON records in batches, and the server turns the records back
into articles, extracts and stores them while it keeps answering queries.

>>> from datetime import date
>>> from dipgraph.graph.records import Article
>>> a = Article(text="Lavrov met Choe.", title="Talks", id="talks", published=date(2023, 10, 19))
>>> records_to_articles([article_record(a)]) == [a]
True
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx

from dipgraph.graph.interface import GraphStore
from dipgraph.graph.server import SERVER_FILE
from dipgraph.graph.records import Article

from .pipeline import Extractor, ingest, screen
from .read import Problem, article_from_record

__all__ = ["SERVER_FILE", "FORWARD_BATCH", "HandoverError", "Forwarded", "server_file", "running_server",
           "article_record", "records_to_articles", "ingest_records", "forward"]

FORWARD_BATCH = 8  # articles per request


class HandoverError(RuntimeError):
    """The server would not take the articles, or could not be reached; said for the user."""


@dataclass(frozen=True)
class Forwarded:
    """What the server did with the articles sent to it, and how many inputs failed here or there."""

    url: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    problems: int = 0


def server_file(store: str | Path) -> Path:
    """Where a server holding the store folder ``store`` notes its address."""
    return Path(store) / SERVER_FILE


def running_server(store: str | Path, *, timeout: float = 3.0) -> str | None:
    """The URL of a live server holding the store folder ``store``, or None."""
    try:
        info = json.loads(server_file(store).read_text("utf-8"))
        url = str(info["url"])
        health = httpx.get(url + "/health", timeout=timeout).raise_for_status().json()
    except (OSError, ValueError, KeyError, TypeError, AttributeError, httpx.HTTPError):
        return None
    if not isinstance(health, dict) or not info.get("instance") or health.get("instance") != info["instance"]:
        return None  # another server now has that address
    return url


def article_record(article: Article) -> dict:
    """An article as a JSON-ready record (its fields; the date in ISO form)."""
    rec = dataclasses.asdict(article)
    rec["published"] = article.published.isoformat() if article.published else None
    return rec


def records_to_articles(records: Iterable[dict]) -> list[Article | Problem]:
    """Articles from JSON records, each checked as an article read from a file is
    (:func:`ingest.read.article_from_record`): a record that is not one is a problem naming it."""
    return [article_from_record(rec, f"record {n}") for n, rec in enumerate(records, 1)]


def ingest_records(store: GraphStore, records: list[dict], *, extractor: Extractor | None = None,
                   force: bool = False, replace: bool = False) -> dict:
    """Extract and store articles sent as records (the server's side of the hand-over); the counts
    and problems as a JSON-ready dict; a bad record is a problem of its own."""
    report = ingest(store, records_to_articles(records), extractor=extractor, force=force, replace=replace)
    return {"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
            "events": report.events, "problems": [str(p) for p in report.problems]}


def forward(url: str, items: Iterable[Article | Problem], *, force: bool = False, replace: bool = False,
            on_problem: Callable[[str], None] = lambda message: None,
            timeout: float = 600.0) -> Forwarded:
    """Send articles to the server at ``url`` in batches (the client's side of the hand-over).

    Clashes within the whole run are screened here (:func:`ingest.pipeline.screen`), as the server
    sees one batch at a time; ``replace`` lets the server replace an article stored from another file.

    Inputs that could not be read, here or by the server, are counted and told to ``on_problem``
    as one line each; a server that refuses or cannot be reached raises :class:`HandoverError`.
    """
    totals = {"added": 0, "replaced": 0, "unchanged": 0, "events": 0, "problems": 0}
    batch: list[dict] = []

    def send(client: httpx.Client) -> None:
        body = "\n".join(json.dumps(r) for r in batch).encode("utf-8")
        headers = {"Content-Type": "application/x-ndjson"}
        if os.environ.get("DIPGRAPH_TOKEN"):
            headers["Authorization"] = "Bearer " + os.environ["DIPGRAPH_TOKEN"]
        try:
            params = {k: "1" for k, on in (("force", force), ("replace", replace)) if on}
            resp = client.post(url + "/ingest", content=body, params=params or None, headers=headers)
        except httpx.HTTPError as exc:
            raise HandoverError(f"cannot send the articles to the server at {url} ({exc})") from None
        if resp.is_error:
            hint = "; set $DIPGRAPH_TOKEN to the server's token" if resp.status_code == 401 else ""
            raise HandoverError(f"the server at {url} refused the articles: {resp.text.strip()}{hint}")
        try:
            report = resp.json()
        except ValueError as exc:
            raise HandoverError(f"the server at {url} answered what is not a report ({exc})") from None
        for k in ("added", "replaced", "unchanged", "events"):
            totals[k] += report.get(k, 0)
        for p in report.get("problems", []):
            totals["problems"] += 1
            on_problem(f"error: {p}")
        batch.clear()

    with httpx.Client(timeout=timeout) as client:
        for item in screen(items):
            if isinstance(item, Problem):
                totals["problems"] += item.level == "error"
                on_problem(f"{item.level}: {item}")
                continue
            batch.append(article_record(item))
            if len(batch) >= FORWARD_BATCH:
                send(client)
        if batch:
            send(client)
    return Forwarded(url, **totals)
