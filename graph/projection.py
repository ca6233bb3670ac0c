"""The one projection of the store onto a network: events in, a networkx graph of actors out.

:func:`to_networkx` reads the events with SPARQL into a directed multigraph, one edge per event
with its evidence (predicate, date, modality, article, sentence), under filters that mean the same
in every verb: the level (what a node is), the relations, the date window. The analyses and the
exports (:mod:`graph.network`) and the graph page (:mod:`graph.view`) all draw from it.
:func:`collapse` turns it into one weighted tie per pair of actors, and :func:`find_actor` finds
the node a name designates.

>>> G = to_networkx(store, level="country", relations="cooperation")
>>> sorted(G.nodes[n]["label"] for n in G)
['North Korea', 'Russia', 'Soviet Union']
>>> G.nodes[find_actor(G, "Sergey Lavrov")]["label"]  # a person's names lead to their country here
'Russia'
"""
from __future__ import annotations

import calendar
import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

import networkx as nx

from .interface import GraphStore
from .vocab import actors_graph_iri, relations as _vocab_relations

__all__ = ["LEVELS", "FAMILIES", "ActorNotFound", "to_networkx", "period", "relation_names", "collapse",
           "find_actor", "ties_graph", "node_label"]

LEVELS = ("all", "person", "country")
FAMILIES = ("cooperation", "conflict")

_KIND_OF_CLASS = {"Person": "person", "Country": "country", "FormerState": "former_state",
                  "Organisation": "organisation"}
# When an actor has several classes, the more specific one names its kind.
_KIND_RANK = {"person": 0, "organisation": 1, "country": 2, "former_state": 3}
_STATE_KINDS = frozenset({"country", "former_state"})


class ActorNotFound(ValueError):
    """A name that matches no actor of the network (or several), with the closest names known."""


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


def to_networkx(store: GraphStore, level: str = "all", relations: str | Iterable[str] | None = None,
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


def ties_graph(G: nx.Graph) -> nx.Graph:
    """An undirected weighted graph of ties from whatever graph the caller holds."""
    if G.is_multigraph():
        return collapse(G)
    if G.is_directed():
        return G.to_undirected()
    return G


def node_label(G: nx.Graph, n) -> str:
    """The label of node ``n`` (its id if it has none)."""
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
            names = sorted(node_label(G, n) for n in hits)
            raise ActorNotFound(f"{name!r} may mean any of {', '.join(names)}; give the full name")
    reason = (G.graph.get("absent") or {}).get(key)
    if reason:
        raise ActorNotFound(reason)
    within = sorted({n for lab, ns in by_label.items() if key and key in lab for n in ns}, key=lambda n: node_label(G, n))
    if len(within) == 1:  # part of one actor's name only: "Lavrov"
        return within[0]
    if within:
        names = [node_label(G, n) for n in within]
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
        top = sorted(G.nodes, key=lambda n: (-G.degree(n), node_label(G, n)))[:5]
        return_hint = "; its best-connected actors are " + ", ".join(node_label(G, n) for n in top)
    raise ActorNotFound(f"no actor {name!r} in {where}{return_hint}")
