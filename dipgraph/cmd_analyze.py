"""The analysis verbs: `analyze` (centrality and blocs), `path A B` and `timeline A B`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from dipgraph.graph.table import text_table
from dipgraph.options import (FutureOpt, HedgedOpt, JsonOpt, LevelOpt, NoReportedOpt, RelationOpt, SinceOpt, StoreOpt,
                              UntilOpt, check_output, err, fail, open_store, os_problem, say)

__all__ = ["register", "analyze", "path", "timeline"]

def _network(store, level, relations, since, until, hedged, future, no_reported):
    """Open the store read-only, project it, close it; bad options become one clear message."""
    from dipgraph.graph.network import to_networkx
    from dipgraph.graph.store import StoreError

    st = open_store(store, create=False)
    try:
        return to_networkx(st, level=level, relations=relations, since=since, until=until,
                           include_reported=not no_reported, include_hedged=hedged, include_future=future)
    except (ValueError, StoreError) as exc:
        fail(str(exc))
    finally:
        st.close()


def _plot(fig_fn, target: Path) -> None:
    try:
        fig_fn(path=target)
    except ValueError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{target}: cannot write the chart: {os_problem(exc, target)}")
    err(f"wrote {target}")


def _check_plot_target(target: Optional[Path]) -> None:
    """A --plot file that cannot be drawn or written ends the command before the analysis runs."""
    from dipgraph.graph.plot import IMAGE_TYPES

    if target is None:
        return
    if target.suffix.lower() not in IMAGE_TYPES and not target.is_dir():
        fail(f"{target}: cannot draw a {target.suffix or 'suffix-less'} file; use one of {', '.join(IMAGE_TYPES)}")
    check_output(target, "the chart")


def _modalities(G) -> str:
    return (G.graph.get("modalities") or "asserted").replace(",", ", ")


def analyze(
    store: Optional[str] = StoreOpt,
    level: str = LevelOpt,
    top: int = typer.Option(10, "--top", "-n", min=1, help="How many actors to list."),
    by: str = typer.Option("pagerank", "--by", help="Rank by pagerank, degree, betweenness or articles."),
    method: str = typer.Option("louvain", "--method", help="Community detection: louvain or greedy."),
    relations: Optional[list[str]] = RelationOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    hedged: bool = HedgedOpt,
    future: bool = FutureOpt,
    no_reported: bool = NoReportedOpt,
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw a centrality bar chart (.png, .svg or .pdf)."),
    as_json: bool = JsonOpt,
):
    """Who is central and which blocs form: centrality tables and communities of the actor network.

    Example: dipgraph analyze --level country --top 10 --plot centrality.png
    """
    from dipgraph.graph.network import centrality, communities, summary
    from dipgraph.graph.plot import plot_centrality

    _check_plot_target(plot)
    G = _network(store, level, relations, since, until, hedged, future, no_reported)
    try:
        ranked = centrality(G, by=by)
        blocs = communities(G, method=method, min_size=2)
    except ValueError as exc:
        fail(str(exc))
    info = summary(G)
    if plot is not None:
        _plot(lambda path: plot_centrality(ranked, metric=by, top=top, path=path), plot)
    if as_json:
        say(json.dumps({"network": info, "centrality": ranked[:top], "communities": blocs}, indent=2))
        return
    if not ranked:
        say(f"No relations in the store match ({level} level, {_modalities(G)}): nothing to analyse yet.")
        return
    say(f"{info['actors']} actors, {info['ties']} ties, {info['events']} events from "
               f"{info['articles']} article(s); {level} level; counting {_modalities(G)} events")
    if info.get("dropped"):
        say(f"({info['dropped']} event(s) left out: a person who represents no country, "
                   "or a country's relation with itself)")
    say("")
    say(f"Most central actors (by {by}):")
    say(text_table(["#", "actor", "kind", "partners", "articles", "betweenness", "pagerank"],
                      [[r["rank"], r["actor"], r["kind"].replace("_", " "), r["degree"], r["articles"],
                        f"{r['betweenness']:.3f}", f"{r['pagerank']:.3f}"] for r in ranked[:top]],
                      right={0, 3, 4, 5, 6}))
    say("")
    say(f"Blocs ({method} communities over net-cooperative ties):")
    if not blocs:
        say("  none: no two actors share a net-cooperative tie")
    for b in blocs:
        shown = ", ".join(b["members"][:12]) + (f" and {b['size'] - 12} more" if b["size"] > 12 else "")
        say(f"  {b['community']}. {shown}")
    alone = info["actors"] - sum(b["size"] for b in blocs)
    if blocs and alone:
        say(f"  ({alone} actor(s) with no net-cooperative tie are in no bloc)")


def _resolve_pair(G, a: str, b: str):
    from dipgraph.graph.network import ActorNotFound, find_actor

    try:
        return find_actor(G, a), find_actor(G, b)
    except ActorNotFound as exc:
        fail(str(exc), 1)


def _evidence_line(e: dict) -> list[str]:
    when = e["date"] or (f"{e['published']} (published)" if e["published"] else "undated")
    who = f"{e['text_subject']} {e['relation']} {e['text_object']}"
    modality = "" if e["modality"] == "asserted" else f" [{e['modality']}]"
    return [f"     {when}  {who}{modality}  ({e['article']})",
            f"       \"{' '.join(e['sentence'].split())}\""]


def path(
    a: str = typer.Argument(..., metavar="A", help="First actor (a name, case-insensitive: \"Russia\", \"Lavrov\")."),
    b: str = typer.Argument(..., metavar="B", help="Second actor."),
    store: Optional[str] = StoreOpt,
    level: str = LevelOpt,
    relations: Optional[list[str]] = RelationOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    hedged: bool = HedgedOpt,
    future: bool = FutureOpt,
    no_reported: bool = NoReportedOpt,
    as_json: bool = JsonOpt,
):
    """How two actors are connected: the shortest chain of relations, with the sentences behind each hop.

    Example: dipgraph path "North Korea" Ukraine --level country
    """
    from dipgraph.graph.network import NoPath, shortest_path

    G = _network(store, level, relations, since, until, hedged, future, no_reported)
    _resolve_pair(G, a, b)
    try:
        hops = shortest_path(G, a, b)
    except (NoPath, ValueError) as exc:
        fail(str(exc), 1)
    if as_json:
        say(json.dumps(hops, indent=2))
        return
    chain = " → ".join([hops[0]["from"]] + [h["to"] for h in hops])
    say(f"{chain}  ({len(hops)} hop{'s' if len(hops) != 1 else ''})")
    for i, h in enumerate(hops, 1):
        say(f"  {i}. {h['from']} — {h['to']}: {h['relations']} "
                   f"({h['weight']} article{'s' if h['weight'] != 1 else ''})")
        for e in h["evidence"]:
            for line in _evidence_line(e):
                say(line)


def timeline(
    a: str = typer.Argument(..., metavar="A", help="First actor."),
    b: str = typer.Argument(..., metavar="B", help="Second actor."),
    store: Optional[str] = StoreOpt,
    level: str = LevelOpt,
    relations: Optional[list[str]] = RelationOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    hedged: bool = HedgedOpt,
    future: bool = FutureOpt,
    no_reported: bool = NoReportedOpt,
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw the timeline (.png, .svg or .pdf)."),
    as_json: bool = JsonOpt,
):
    """How two actors' relations moved over time: their events by date with a running balance.

    The balance adds each relation's Goldstein-style score (cooperation above zero, conflict below).

    Example: dipgraph timeline "United States" China --level country --plot us-china.png
    """
    from dipgraph.graph.network import pair_timeline
    from dipgraph.graph.plot import plot_timeline

    _check_plot_target(plot)
    G = _network(store, level, relations, since, until, hedged, future, no_reported)
    u, v = _resolve_pair(G, a, b)
    rows = pair_timeline(G, u, v)
    if plot is not None:
        _plot(lambda path: plot_timeline(rows, title=f"{G.nodes[u]['label']} and {G.nodes[v]['label']}: "
                                         "cooperation and conflict", path=path), plot)
    if as_json:
        say(json.dumps(rows, indent=2))
        return
    if not rows:
        say(f"No events between {G.nodes[u]['label']} and {G.nodes[v]['label']} "
                   f"({level} level, {_modalities(G)}).")
        return
    body = []
    for r in rows:
        when = r["date"] or (f"{r['published']}*" if r["published"] else "?")
        body.append([when, f"{r['subject']} {r['relation']} {r['object']}", f"{r['goldstein']:+.1f}",
                     f"{r['balance']:+.1f}", r["article"]])
    say(text_table(["date", "event", "score", "balance", "article"], body, right={2, 3}))
    last = rows[-1]
    say(f"{len(rows)} event(s): {last['cooperation']} cooperation, {last['conflict']} conflict; "
               f"balance {last['balance']:+.1f}")
    if any(not r["dated"] for r in rows):
        say("* no date in the text: placed at the article's publication date")


def register(app: typer.Typer) -> None:
    """Add the analysis verbs to the dipgraph command."""
    app.command("analyze")(analyze)
    app.command("path")(path)
    app.command("timeline")(timeline)
