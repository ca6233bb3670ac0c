"""The actor network: the store projected into networkx, and the questions analysts ask of it.

:func:`to_networkx` reads the events with SPARQL into a directed multigraph, one edge per event
with its evidence (predicate, date, modality, article, sentence). :func:`collapse` turns that into
one weighted tie per pair of actors. The analysis functions take the graph first and return plain
data (lists and dicts) that print, serialise to JSON or feed a plot:

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

import calendar
import csv
import difflib
import io
import itertools
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO

import networkx as nx

from .vocab import actors_graph_iri, relations as _vocab_relations

__all__ = [
    "LEVELS", "EXPORT_FORMATS", "FAMILIES", "ActorNotFound", "NoPath",
    "to_networkx", "period", "relation_names", "collapse", "find_actor", "centrality", "communities", "ego", "shortest_path",
    "pair_timeline", "events_between", "export_network", "write_network", "summary", "ties",
    "farthest_pair",
]

LEVELS = ("all", "person", "country")
EXPORT_FORMATS = ("graphml", "gexf", "csv")
FAMILIES = ("cooperation", "conflict")
BETWEENNESS_EXACT = 300  # actors up to which betweenness is computed exactly

_KIND_OF_CLASS = {"Person": "person", "Country": "country", "FormerState": "former_state",
                  "Organisation": "organisation"}
# When an actor has several classes, the more specific one names its kind.
_KIND_RANK = {"person": 0, "organisation": 1, "country": 2, "former_state": 3}
_STATE_KINDS = frozenset({"country", "former_state"})


class ActorNotFound(ValueError):
    """A name that matches no actor of the network (or several), with the closest names known."""


class NoPath(ValueError):
    """Two actors of the network that no chain of relations connects."""


# -- reading the store ------------------------------------------------------------------------------

# Events live in their article's named graph; asking per graph is quicker than the union. Negated
# events come too, only to be counted: the views say how many the articles deny. The optional
# columns of events and articles come in one query per property, not as OPTIONALs: Oxigraph
# answers that way several times faster.
_EVENTS = """
SELECT ?e ?s ?o ?p ?m ?g WHERE {
  GRAPH ?g { ?e dip:subject ?s ; dip:object ?o ; dip:predicate ?p ; dip:modality ?m }
}"""
_EVENT_DETAILS = ("dip:date", "dip:sentence", "dip:confidence", "dip:claimedBy")
_ARTICLE_DETAILS = ("schema:identifier", "schema:headline", "schema:datePublished", "schema:url")

# Actors are described in the actors graph; names, roles and positions in the article graphs.
_ACTORS = """
SELECT ?a ?label ?cls ?code WHERE { GRAPH <%s> {
  ?a a ?cls ; rdfs:label ?label .
  FILTER (?cls IN (dip:Person, dip:Country, dip:FormerState, dip:Organisation))
  OPTIONAL { ?a dip:isoCode ?code } } }""" % actors_graph_iri()

_ALT_LABELS = "SELECT DISTINCT ?a ?alt WHERE { GRAPH ?g { ?a skos:altLabel ?alt } }"

_REPRESENTS = "SELECT DISTINCT ?person ?of WHERE { GRAPH ?g { ?person dip:represents ?of } }"
_POSITIONS = """SELECT ?person ?of (COUNT(?pos) AS ?n) WHERE { GRAPH ?g { ?pos dip:holder ?person ; dip:of ?of } }
  GROUP BY ?person ?of"""

_KIND_NAMES = {"person": "person", "country": "country", "former_state": "former state",
               "organisation": "organisation"}


def _details(store, pattern: str, key: str, properties: tuple[str, ...]) -> dict[str, tuple]:
    """Optional values of many subjects: one tuple per subject in the order of ``properties``
    (None where it has none; one of them where it has several), asked one property at a time."""
    out: dict[str, list] = {}
    for i, prop in enumerate(properties):
        for row in store.query(f"SELECT ?{key} ?x WHERE {{ {pattern.format(prop)} }}"):
            values = out.setdefault(row[key].value, [None] * len(properties))
            if values[i] is None:
                values[i] = row["x"].value
    return {k: tuple(v) for k, v in out.items()}


def period(value) -> tuple[date, date]:
    """The first and last day an ISO date, year-month or year stands for.

    >>> period("2023-02")
    (datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))
    >>> period("1948")[1]
    datetime.date(1948, 12, 31)
    """
    if isinstance(value, date):
        return value, value
    text = str(value).strip()
    try:
        if len(text) == 4:
            y = int(text)
            return date(y, 1, 1), date(y, 12, 31)
        if len(text) == 7 and text[4] == "-":
            y, m = int(text[:4]), int(text[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        d = date.fromisoformat(text[:10])
        return d, d
    except (ValueError, IndexError):
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def relation_names(relations: str | Iterable[str] | None) -> set[str] | None:
    """The predicate names a relation filter keeps, or None for no filter.

    Names may be given as one comma-separated string or as several (each may hold commas too), with
    or without ``dip:``, as full IRIs, or as a family (``cooperation``, ``conflict``); an unknown
    name raises ValueError with the closest known ones.

    >>> sorted(relation_names(["met,dip:visited", "phoned"]))
    ['met', 'phoned', 'visited']
    """
    if relations is None:
        return None
    if isinstance(relations, str):
        relations = [relations]
    known = {r.name: r for r in _vocab_relations()}
    by_iri = {str(r.iri): r.name for r in known.values()}
    out: set[str] = set()
    for raw in (part for item in relations for part in str(item).split(",")):
        name = raw.strip().removeprefix("dip:")
        if not name:
            continue
        if name in FAMILIES:
            out |= {r.name for r in known.values() if r.family == name}
        elif name in known:
            out.add(name)
        elif name in by_iri:
            out.add(by_iri[name])
        else:
            close = difflib.get_close_matches(name, list(known) + list(FAMILIES), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(f"unknown relation {raw.strip()!r}{hint} (known: {', '.join(known)}, "
                             f"or a family: {', '.join(FAMILIES)})")
    return out or None


def _representative(person: str, targets: dict[str, int], kinds: dict[str, str],
                    labels: dict[str, str]) -> str:
    """The actor a person counts for: a state before an organisation, then the most stated role."""
    return min(targets, key=lambda t: (kinds.get(t) not in _STATE_KINDS, -targets[t], labels.get(t, t)))


def _absent_reason(label: str, kind: str, level: str, represented: bool) -> str:
    """Why an actor the store knows is not a node of the network: said for the user."""
    if level == "person" and kind != "person":
        return f"{label} is {'an' if kind[0] in 'aeiou' else 'a'} {_KIND_NAMES.get(kind, kind)}; " \
               "the person level draws only people"
    if level == "country" and kind == "person" and not represented:
        return f"{label} represents no known country, so the country level cannot draw them"
    return f"{label} has no relations that match these filters"


def to_networkx(store, level: str = "all", relations: str | Iterable[str] | None = None,
                since: str | date | None = None, until: str | date | None = None,
                include_reported: bool = True, include_hedged: bool = False,
                include_future: bool = False) -> nx.MultiDiGraph:
    """The store's events as a directed multigraph: one edge per event, keyed by the event's IRI.

    This is the one projection of the store onto a network: the analyses, the exports and the
    graph page all draw from it, so that a filter means the same thing everywhere.

    Nodes are actor IRIs with ``label``, ``kind`` (person, country, former_state, organisation),
    ``code`` where known and ``alt_labels``. Edges carry ``predicate``, ``relation`` (its label),
    ``family``, ``goldstein``, ``symmetric``, ``modality``, ``date`` (the event's own, or None),
    ``published``, ``article``, ``article_iri``, ``title``, ``url``, ``sentence``, ``confidence``,
    ``claimed_by``, and ``text_subject``/``text_object`` (the actors the sentence names).

    Negated events never count; asserted ones always do; ``reported`` claims by default, hedged
    and future ones only when asked. ``relations`` keeps some predicates ("met", "visited") or a
    whole family ("cooperation", "conflict"), as a list or a comma-separated string.
    ``since``/``until`` (YYYY, YYYY-MM or YYYY-MM-DD) keep events whose date overlaps the window;
    an event without its own date is placed at its article's publication date, and left out of
    any window if it has neither.

    ``level`` says what a node is: ``"all"`` (the default) every actor as the articles name it;
    ``"person"`` people only (a relation with a state or organisation is left out);
    ``"country"`` each person counted for the country they ``dip:represents`` (a state before an
    organisation; the most often stated if several), people who represent no one left out, and
    so are events that become a country's relation with itself.

    ``G.graph`` says what was left out: ``dropped`` events (``left_out`` actors that have no node
    at this level, plus relations with oneself), ``undated`` events outside a window for want of
    any date, and ``negated`` events (which the articles deny).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    wanted = relation_names(relations)
    modalities = {"asserted"}
    if include_reported:
        modalities.add("reported")
    if include_hedged:
        modalities.add("hedged")
    if include_future:
        modalities.add("future")
    lo = period(since)[0] if since not in (None, "") else None
    hi = period(until)[1] if until not in (None, "") else None
    if lo and hi and lo > hi:
        raise ValueError(f"the window is empty: since {since} is after until {until}")

    rels = {str(r.iri): r for r in _vocab_relations()}

    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    codes: dict[str, str] = {}
    for row in store.query(_ACTORS):
        a = row["a"].value
        labels[a] = row["label"].value
        kind = _KIND_OF_CLASS.get(row["cls"].value.rsplit("#", 1)[-1], "person")
        if _KIND_RANK[kind] >= _KIND_RANK.get(kinds.get(a, "person"), 0):
            kinds[a] = kind
        if row["code"] is not None:
            codes[a] = row["code"].value
    alts: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_ALT_LABELS):
        alts[row["a"].value].add(row["alt"].value)

    node_of: dict[str, str | None] = {a: a for a in labels}
    if level == "person":
        node_of = {a: (a if kind == "person" else None) for a, kind in kinds.items()}
    elif level == "country":
        represents: dict[str, dict[str, int]] = defaultdict(dict)
        for row in store.query(_REPRESENTS):
            represents[row["person"].value][row["of"].value] = 1
        for row in store.query(_POSITIONS):
            held = represents.get(row["person"].value)
            if held is not None and row["of"].value in held:
                held[row["of"].value] = int(row["n"].value)
        for a, kind in kinds.items():
            if kind == "person":
                targets = {t: n for t, n in represents.get(a, {}).items() if kinds.get(t, "person") != "person"}
                node_of[a] = _representative(a, targets, kinds, labels) if targets else None

    articles = _details(store, "GRAPH ?g {{ ?g a schema:NewsArticle ; {} ?x }}", "g", _ARTICLE_DETAILS)
    details = _details(store, "GRAPH ?g {{ ?e {} ?x }}", "e", _EVENT_DETAILS)
    no_details = (None, None, None, None)

    G = nx.MultiDiGraph(level=level)
    negated = undated = 0
    rows = []
    for e, s, o, p, modality, g in ([t.value for t in row] for row in store.query(_EVENTS)):
        rel = rels.get(p)
        if rel is None or (wanted is not None and rel.name not in wanted):
            continue
        if modality not in modalities:
            negated += modality == "negated"
            continue
        if lo or hi:
            when = details.get(e, no_details)[0] or articles.get(g, no_details)[2]
            try:
                start, end = period(when) if when else (None, None)
            except ValueError:
                start = end = None
            if start is None:
                undated += 1
                continue
            if (lo and end < lo) or (hi and start > hi):
                continue
        rows.append((e, s, o, g, rel, modality))
    rows.sort(key=lambda r: r[0])  # the same graph, whatever order the store answers in

    left_out: set[str] = set()
    dropped = 0
    for e, s, o, g, rel, modality in rows:
        u, v = node_of.get(s, s), node_of.get(o, o)
        if u is None or v is None:
            left_out.update(a for a, n in ((s, u), (o, v)) if n is None)
            dropped += 1
            continue
        if u == v:
            dropped += 1
            continue
        for n in (u, v):
            if n not in G:
                attrs = {"label": labels.get(n, n.rsplit("/", 1)[-1]), "kind": kinds.get(n, "person"),
                         "alt_labels": tuple(sorted(alts.get(n, ())))}
                if n in codes:
                    attrs["code"] = codes[n]
                G.add_node(n, **attrs)
        when, sentence, conf, claimed = details.get(e, no_details)
        art_id, title, published, url = articles.get(g, no_details)
        G.add_edge(u, v, key=e,
                   predicate=rel.name, relation=rel.label, family=rel.family, goldstein=rel.goldstein,
                   symmetric=rel.symmetric, modality=modality, date=when, published=published,
                   article=art_id or g, article_iri=g, title=title or "", url=url, sentence=sentence or "",
                   confidence=float(conf) if conf is not None else None,
                   claimed_by=labels.get(claimed, claimed) if claimed else None,
                   text_subject=labels.get(s, s), text_object=labels.get(o, o))

    # Names that lead to a node without being its own: a person's names lead to their country.
    aliases: dict[str, set[str]] = defaultdict(set)
    # Names of actors the store knows that have no node here, with the reason, for find_actor.
    absent: dict[str, str] = {}
    for a, label in labels.items():
        n = node_of.get(a)
        if n is not None and n in G:
            if n != a:
                for name in (label, *alts.get(a, ())):
                    aliases[_norm(name)].add(n)
            continue
        reason = _absent_reason(label, kinds.get(a, "person"), level, n is not None)
        for name in (label, *alts.get(a, ())):
            absent.setdefault(_norm(name), reason)
    G.graph["aliases"] = {k: tuple(sorted(v)) for k, v in aliases.items()}
    G.graph["absent"] = absent
    G.graph["left_out"] = len(left_out)
    G.graph["dropped"] = dropped
    G.graph["undated"] = undated
    G.graph["negated"] = negated
    G.graph["modalities"] = ",".join(m for m in ("asserted", "reported", "hedged", "future") if m in modalities)
    return G


# -- from events to ties ----------------------------------------------------------------------------

def collapse(G: nx.MultiDiGraph, directed: bool = False) -> nx.Graph | nx.DiGraph:
    """One tie per pair of actors: ``weight`` = supporting articles, ``score`` = summed Goldstein.

    Each tie also counts its ``events``, ``cooperation`` and ``conflict`` events and lists its
    ``relations``. Undirected by default; with ``directed=True`` a symmetric relation (met,
    signed an agreement with ...) supports both directions.
    """
    H: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    H.graph.update({k: v for k, v in G.graph.items() if isinstance(v, (str, int, float))})
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda nd: nd[0]))
    ties: dict[tuple[str, str], dict] = {}
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        pairs = [(u, v)]
        if directed and d.get("symmetric"):
            pairs.append((v, u))
        for a, b in pairs:
            key = (a, b) if directed else tuple(sorted((a, b)))
            t = ties.setdefault(key, {"articles": set(), "events": 0, "score": 0.0, "cooperation": 0,
                                      "conflict": 0, "relations": Counter()})
            t["articles"].add(d.get("article_iri") or k)
            t["events"] += 1
            t["score"] += float(d.get("goldstein") or 0.0)
            t[d.get("family") if d.get("family") in FAMILIES else "cooperation"] += 1
            t["relations"][d.get("predicate", "")] += 1
    for (a, b), t in sorted(ties.items()):
        H.add_edge(a, b, weight=len(t["articles"]), events=t["events"], score=round(t["score"], 6),
                   cooperation=t["cooperation"], conflict=t["conflict"],
                   relations=", ".join(sorted(t["relations"])))
    return H


def _ties(G: nx.Graph) -> nx.Graph:
    """An undirected weighted graph of ties from whatever graph the caller holds."""
    if G.is_multigraph():
        return collapse(G)
    if G.is_directed():
        return G.to_undirected()
    return G


def _label(G: nx.Graph, n) -> str:
    return G.nodes[n].get("label", str(n))


# -- naming actors ----------------------------------------------------------------------------------

def _norm(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def find_actor(G: nx.Graph, name: str) -> str:
    """The node an actor's name designates: its label, any other name it was given, its IRI, or a
    part of one actor's label only ("Lavrov" for "Sergey Lavrov").

    Case does not matter. An unknown or ambiguous name raises :class:`ActorNotFound` with the
    closest names the network knows, or, for an actor the store knows but the network leaves out,
    the reason (another level, or no relation that matches the filters).
    """
    if name in G:
        return name
    key = _norm(name)
    by_label: dict[str, set] = defaultdict(set)
    by_alt: dict[str, set] = defaultdict(set)
    shown: dict[str, str] = {}  # every known name -> how to show it in a suggestion
    for n, d in G.nodes(data=True):
        label = d.get("label", str(n))
        by_label[_norm(label)].add(n)
        shown.setdefault(label, label)
        for alt in (*d.get("alt_labels", ()), *([d["code"]] if d.get("code") else [])):
            by_alt[_norm(alt)].add(n)
            shown.setdefault(alt, f"{alt} ({label})")
    for alias, targets in (G.graph.get("aliases") or {}).items():
        present = {t for t in targets if t in G}
        if present:
            by_alt[alias] |= present
    for index in (by_label, by_alt):
        hits = index.get(key)
        if hits and len(hits) == 1:
            return next(iter(hits))
        if hits:
            names = sorted(_label(G, n) for n in hits)
            raise ActorNotFound(f"{name!r} may mean any of {', '.join(names)}; give the full name")
    reason = (G.graph.get("absent") or {}).get(key)
    if reason:
        raise ActorNotFound(reason)
    within = sorted({n for lab, ns in by_label.items() if key and key in lab for n in ns}, key=lambda n: _label(G, n))
    if len(within) == 1:  # part of one actor's name only: "Lavrov"
        return within[0]
    if within:
        names = [_label(G, n) for n in within]
        raise ActorNotFound(f"{name!r} may mean any of {', '.join(names[:8])}"
                            + (" ..." if len(names) > 8 else "") + "; give the full name")
    level = G.graph.get("level")
    where = f"the {level}-level network" if level and level != "all" else "the network"
    if G.number_of_nodes() == 0:
        raise ActorNotFound(f"no actor {name!r}: {where} is empty (no relations match)")
    folded = {_norm(k): v for k, v in shown.items()}
    close = difflib.get_close_matches(key, list(folded), n=5, cutoff=0.6)
    close += [k for k in folded if key in k and k not in close]
    suggestions = list(dict.fromkeys(folded[c] for c in close))[:6]
    if suggestions:
        return_hint = "; close matches: " + ", ".join(suggestions)
    else:
        top = sorted(G.nodes, key=lambda n: (-G.degree(n), _label(G, n)))[:5]
        return_hint = "; its best-connected actors are " + ", ".join(_label(G, n) for n in top)
    raise ActorNotFound(f"no actor {name!r} in {where}{return_hint}")


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


def export_network(store, fmt: str, out: IO[bytes] | str | os.PathLike[str], level: str = "all",
                   **filters) -> None:
    """Write the store's actor network (see :func:`to_networkx`) as graphml, gexf or csv to a path
    or a binary stream; ValueError for any other format."""
    if str(fmt).lower() not in EXPORT_FORMATS:
        write_network(nx.MultiDiGraph(), fmt, out)  # raises the message naming every format
    write_network(to_networkx(store, level=level, **filters), fmt, out)
