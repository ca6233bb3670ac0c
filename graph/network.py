"""The questions analysts ask of the actor network, and its export for Gephi and spreadsheets.

The functions take the graph of :func:`graph.projection.to_networkx` (re-exported here, with
:func:`collapse` and :func:`find_actor`, so that one import serves) first and return plain data
(lists and dicts) that print, serialise to JSON or feed a plot:

>>> G = to_networkx(store, level="country")
>>> [row["actor"] for row in centrality(G, top=2)]
['North Korea', 'Russia']
>>> [(hop["from"], hop["to"]) for hop in shortest_path(G, "Ukraine", "United Nations")]
[('Ukraine', 'Russia'), ('Russia', 'North Korea'), ('North Korea', 'United Nations')]
>>> [(row["when"], row["predicate"]) for row in pair_timeline(G, "Russia", "north korea")][:2]
[('2023-09-13', 'met'), ('2023-10-18', 'visited')]

Actors are named by their label, case-insensitively, or by any name the articles used for them
(``skos:altLabel``: "Washington", "the Kremlin"); an unknown name raises :class:`ActorNotFound`
listing the closest names the network knows.
"""
from __future__ import annotations

import csv
import io
import itertools
import os
from collections import defaultdict
from pathlib import Path
from typing import IO

import networkx as nx

from .interface import GraphStore
from .projection import (FAMILIES, LEVELS, ActorNotFound, collapse, find_actor, node_label as _label, period,
                         relation_names, ties_graph as _ties, to_networkx)

__all__ = [
    "LEVELS", "EXPORT_FORMATS", "FAMILIES", "ActorNotFound", "NoPath",
    "to_networkx", "period", "relation_names", "collapse", "find_actor", "centrality", "communities", "ego",
    "shortest_path", "pair_timeline", "events_between", "export_network", "write_network", "summary", "ties",
    "farthest_pair",
]

EXPORT_FORMATS = ("graphml", "gexf", "csv")
BETWEENNESS_EXACT = 300  # actors up to which betweenness is computed exactly


class NoPath(ValueError):
    """Two actors of the network that no chain of relations connects."""


# -- analysis ---------------------------------------------------------------------------------------

def summary(G: nx.Graph) -> dict:
    """What the network holds: actors, ties, events and articles, and its level."""
    out = {"level": G.graph.get("level"), "actors": G.number_of_nodes(), "ties": _ties(G).number_of_edges()}
    if G.is_multigraph():
        out["events"] = G.number_of_edges()
        out["articles"] = len({d.get("article_iri") for _, _, d in G.edges(data=True)})
        out["dropped"] = G.graph.get("dropped", 0)
    return out


def _articles_per_node(G: nx.Graph) -> dict:
    seen: dict = defaultdict(set)
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            seen[u].add(d.get("article_iri") or k)
            seen[v].add(d.get("article_iri") or k)
        return {n: len(s) for n, s in seen.items()}
    return dict(_ties(G).degree(weight="weight"))


def centrality(G: nx.Graph, top: int | None = None, by: str = "pagerank") -> list[dict]:
    """Actors ranked by centrality, most central first: one dict per actor.

    ``degree`` is the number of distinct partners, ``articles`` the articles that relate the
    actor to anyone, ``betweenness`` how often the actor lies on shortest paths between others
    (normalised; above 300 actors estimated from 300 sampled actors, with a fixed seed),
    ``pagerank`` its PageRank over ties weighted by supporting articles. Relations are read as
    ties whatever their direction. ``by`` picks the ranking metric.
    """
    metrics = ("pagerank", "degree", "betweenness", "articles")
    if by not in metrics:
        raise ValueError(f"cannot rank by {by!r}; choose one of {', '.join(metrics)}")
    T = _ties(G)
    if T.number_of_nodes() == 0:
        return []
    degree = dict(T.degree())
    n = T.number_of_nodes()
    sample = None if n <= BETWEENNESS_EXACT else BETWEENNESS_EXACT
    betweenness = nx.betweenness_centrality(T, k=sample, normalized=True, seed=7)
    if T.number_of_edges():
        pagerank = nx.pagerank(T, weight="weight")
    else:
        pagerank = {n: 1.0 / T.number_of_nodes() for n in T}
    articles = _articles_per_node(G)
    rows = [{"actor": _label(T, n), "id": n, "kind": T.nodes[n].get("kind", ""),
             "degree": degree[n], "articles": articles.get(n, 0),
             "betweenness": betweenness[n], "pagerank": pagerank[n]} for n in T]
    rows.sort(key=lambda r: (-r[by], -r["degree"], -r["pagerank"], r["actor"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return rows[:top] if top else rows


def communities(G: nx.Graph, method: str = "louvain", ties: str = "cooperative", seed: int = 7,
                min_size: int = 1) -> list[dict]:
    """Blocs of actors: modularity communities over ties weighted by supporting articles.

    ``ties="cooperative"`` (the default) keeps only net-cooperative ties (summed Goldstein score
    above zero), so that enemies who fight often do not end up in one bloc; ``"all"`` uses every
    tie. ``method`` is ``"louvain"`` (seeded, so repeatable) or ``"greedy"`` modularity.
    Each community lists its members, best-connected first; largest community first.
    """
    if method not in ("louvain", "greedy"):
        raise ValueError(f"unknown method {method!r}; choose louvain or greedy")
    if ties not in ("cooperative", "all"):
        raise ValueError(f"unknown ties {ties!r}; choose cooperative or all")
    T = _ties(G)
    if ties == "cooperative":
        keep = nx.Graph()
        keep.add_nodes_from(T.nodes(data=True))
        keep.add_edges_from((u, v, d) for u, v, d in T.edges(data=True) if d.get("score", 1.0) > 0)
        T = keep
    if T.number_of_nodes() == 0:
        return []
    if method == "louvain":
        found = nx.community.louvain_communities(T, weight="weight", seed=seed)
    else:
        found = nx.community.greedy_modularity_communities(T, weight="weight")
    strength = dict(T.degree(weight="weight"))
    groups = []
    for members in found:
        ordered = sorted(members, key=lambda n: (-strength[n], _label(T, n)))
        groups.append({"members": [_label(T, n) for n in ordered], "ids": ordered, "size": len(ordered)})
    groups.sort(key=lambda g: (-g["size"], g["members"][0]))
    groups = [g for g in groups if g["size"] >= min_size]
    for i, g in enumerate(groups, 1):
        g["community"] = i
    return groups


def ties(G: nx.Graph, top: int | None = None) -> list[dict]:
    """Pairs of actors with the most evidence first: supporting articles, events, Goldstein score.

    Each row names both actors (``a``, ``b`` and their node ids ``a_id``, ``b_id``) and counts
    the tie's ``weight`` (articles), ``events``, ``cooperation`` and ``conflict`` events.
    """
    T = _ties(G)
    rows = []
    for u, v, d in T.edges(data=True):
        if _label(T, v) < _label(T, u):
            u, v = v, u
        rows.append({"a": _label(T, u), "b": _label(T, v), "a_id": u, "b_id": v,
                     "weight": d.get("weight", 1), "events": d.get("events", 1), "score": d.get("score", 0.0),
                     "cooperation": d.get("cooperation", 0), "conflict": d.get("conflict", 0),
                     "relations": d.get("relations", "")})
    rows.sort(key=lambda r: (-r["weight"], -r["events"], r["a"], r["b"]))
    return rows[:top] if top else rows


def farthest_pair(G: nx.Graph) -> tuple[str, str] | None:
    """Two actors far apart in the largest connected group (node ids), or None without any tie.

    The chain between them is a long one the network can explain hop by hop, which makes it a good
    first question for :func:`shortest_path`. Two sweeps of breadth-first search find it, so it
    stays quick on large networks (on a tree it is exactly the farthest pair).
    """
    T = _ties(G)
    if T.number_of_edges() == 0:
        return None
    biggest = max(nx.connected_components(T), key=lambda c: (len(c), sorted(c)))

    def farthest(source):
        dist = nx.single_source_shortest_path_length(T, source)
        return min(dist, key=lambda n: (-dist[n], _label(T, n), n))

    hub = min(biggest, key=lambda n: (-T.degree(n), _label(T, n), n))
    a = farthest(hub)
    b = farthest(a)
    return (a, b) if (_label(T, a), a) <= (_label(T, b), b) else (b, a)


def ego(G: nx.Graph, actor: str, radius: int = 1) -> dict:
    """An actor's neighbourhood: the actors within ``radius`` ties, and the ties among them."""
    if radius < 1:
        raise ValueError("the radius is at least 1")
    T = _ties(G)
    center = find_actor(G, actor)
    dist = nx.single_source_shortest_path_length(T, center, cutoff=radius)
    E = T.subgraph(dist)
    nodes = [{"actor": _label(T, n), "id": n, "kind": T.nodes[n].get("kind", ""), "distance": d}
             for n, d in dist.items()]
    nodes.sort(key=lambda r: (r["distance"], r["actor"]))
    edges = [{"a": _label(T, u), "b": _label(T, v), "weight": d.get("weight", 1), "score": d.get("score", 0.0),
              "relations": d.get("relations", "")} for u, v, d in E.edges(data=True)]
    edges.sort(key=lambda r: (-r["weight"], r["a"], r["b"]))
    return {"center": _label(T, center), "id": center, "radius": radius, "nodes": nodes, "ties": edges}


def _when(d: dict) -> str | None:
    return d.get("date") or d.get("published")


def _event_row(G: nx.Graph, u, v, k, d: dict) -> dict:
    return {
        "date": d.get("date"), "when": _when(d), "dated": bool(d.get("date")),
        "subject": _label(G, u), "predicate": d.get("predicate"), "relation": d.get("relation"),
        "object": _label(G, v), "family": d.get("family"), "goldstein": d.get("goldstein", 0.0),
        "modality": d.get("modality"), "article": d.get("article"), "title": d.get("title", ""),
        "published": d.get("published"), "sentence": d.get("sentence", ""),
        "text_subject": d.get("text_subject", _label(G, u)), "text_object": d.get("text_object", _label(G, v)),
        "event": k,
    }


def _chronological(row: dict):
    return (row["when"] is None, row["when"] or "", row["article"] or "", row["sentence"], row["event"] or "")


def events_between(G: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    """Every event between two actors, either way round, oldest first (the evidence for their tie).

    An event without its own date sorts at its article's publication date (``dated`` is False).
    """
    if not G.is_multigraph():
        raise ValueError("events need the graph from to_networkx (one edge per event), not a collapsed one")
    u, v = find_actor(G, a), find_actor(G, b)
    rows = []
    for s, t in ((u, v), (v, u)):
        if G.has_edge(s, t):
            for k, d in G[s][t].items():
                rows.append(_event_row(G, s, t, k, d))
    rows.sort(key=_chronological)
    return rows


def shortest_path(G: nx.Graph, a: str, b: str) -> list[dict]:
    """The fewest ties leading from one actor to another, with the events behind each hop.

    Among equally short paths the one with the most supporting articles wins. Each hop gives
    ``from``, ``to``, ``weight`` and ``evidence`` (the events with sentence, article and date).
    Raises :class:`NoPath` when no chain of relations connects the two.
    """
    s, t = find_actor(G, a), find_actor(G, b)
    if s == t:
        raise ValueError(f"{a!r} and {b!r} are the same actor ({_label(G, s)})")
    T = _ties(G)
    try:
        candidates = list(itertools.islice(nx.all_shortest_paths(T, s, t), 500))
    except nx.NetworkXNoPath:
        raise NoPath(f"{_label(G, s)} and {_label(G, t)} are not connected by any chain of relations "
                     f"({T.degree(s)} and {T.degree(t)} partners)") from None

    candidates.sort(key=lambda p: [_label(T, n) for n in p])  # ties go to the alphabetically first
    best = max(candidates, key=lambda p: sum(T[x][y].get("weight", 1) for x, y in zip(p, p[1:])))
    hops = []
    for x, y in zip(best, best[1:]):
        evidence = events_between(G, x, y) if G.is_multigraph() else []
        hops.append({"from": _label(T, x), "to": _label(T, y), "from_id": x, "to_id": y,
                     "weight": T[x][y].get("weight", 1), "relations": T[x][y].get("relations", ""),
                     "evidence": evidence})
    return hops


def pair_timeline(G: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    """Events between two actors by date, with a running cooperation/conflict balance.

    Each row is an event (see :func:`events_between`) plus ``balance`` (the running sum of the
    relations' Goldstein scores: above zero, cooperation has outweighed conflict so far) and the
    running counts of ``cooperation`` and ``conflict`` events.
    """
    rows = events_between(G, a, b)
    balance, coop, conflict = 0.0, 0, 0
    for r in rows:
        balance += float(r["goldstein"] or 0.0)
        if r["family"] == "conflict":
            conflict += 1
        else:
            coop += 1
        r.update(balance=round(balance, 6), cooperation=coop, conflict=conflict)
    return rows


# -- export -----------------------------------------------------------------------------------------

_CSV_COLUMNS = ("source", "target", "source_label", "target_label", "predicate", "relation", "family",
                "goldstein", "modality", "date", "published", "article", "title", "sentence",
                "text_subject", "text_object", "claimed_by", "confidence", "event")
_CSV_TEXT = {"source_label", "target_label", "title", "sentence", "text_subject", "text_object",
             "claimed_by", "article"}


def _cell(value) -> str:
    """Text a spreadsheet shows as text, never evaluates as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _exportable(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML and GEXF can hold: no None, lists joined by "; "."""
    def clean(d: dict) -> dict:
        out = {}
        for k, v in d.items():
            if v is None:
                continue
            if isinstance(v, (tuple, list, set, frozenset)):
                v = "; ".join(map(str, v))
            elif not isinstance(v, (str, int, float, bool)):
                continue
            out[k] = v
        return out

    H = nx.MultiDiGraph()
    H.graph.update(clean({k: v for k, v in G.graph.items() if not isinstance(v, dict)}))
    for n, d in G.nodes(data=True):
        H.add_node(n, **clean(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, weight=1.0, **clean(d))
    return H


def write_network(G: nx.MultiDiGraph, fmt: str, out: IO[bytes] | str | os.PathLike[str]) -> None:
    """Write an event graph as GraphML or GEXF (for Gephi, one edge per event with weight 1)
    or CSV (one row per event, for spreadsheets)."""
    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        from .store import RDF_FORMATS

        raise ValueError(f"unknown format {fmt!r}: the actor network is written as {', '.join(EXPORT_FORMATS)}, "
                         f"the RDF graph as {', '.join(RDF_FORMATS)}")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(_CSV_COLUMNS)
        for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (_when(e[3]) or "", e[2])):
            row = {"source": u, "target": v, "source_label": _label(G, u), "target_label": _label(G, v),
                   "event": k, **d}
            w.writerow([_cell(row.get(c)) if c in _CSV_TEXT else ("" if row.get(c) is None else row.get(c))
                        for c in _CSV_COLUMNS])
        data = buf.getvalue().encode("utf-8")
        if isinstance(out, (str, os.PathLike)):
            Path(out).write_bytes(data)
        else:
            out.write(data)
        return
    H = _exportable(G)
    if fmt == "graphml":
        nx.write_graphml(H, out, encoding="utf-8")
    else:
        nx.write_gexf(H, out, encoding="utf-8")


def export_network(store: GraphStore, fmt: str, out: IO[bytes] | str | os.PathLike[str], level: str = "all",
                   **filters) -> None:
    """Write the store's actor network (see :func:`to_networkx`) as graphml, gexf or csv to a path
    or a binary stream; ValueError for any other format."""
    if str(fmt).lower() not in EXPORT_FORMATS:
        write_network(nx.MultiDiGraph(), fmt, out)  # raises the message naming every format
    write_network(to_networkx(store, level=level, **filters), fmt, out)
