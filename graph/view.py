"""The interactive graph page: one self-contained HTML file that draws the actor network.

The page draws :func:`graph.projection.to_networkx`'s projection of the store, the one the analyses
and exports use, so that a level, a relation or a date window means the same thing in every
verb. It shows every event the articles do not deny: asserted ones as solid lines, reported ones
dashed, hedged and future ones dotted. The page's HTML, CSS and JavaScript are files
(``templates/graph.html``, ``static/graph.*``); vis-network (the library pyvis ships) is inlined
beside them, so the page works offline and loads nothing from any other host. Article text
(names, titles, sentences) travels as JSON data and is only ever put into the page as text.

>>> info = write_page(store, page, level="country", since="2023")
>>> info.nodes, info.edges
(5, 9)
>>> info.notes
('1 negated event(s): the articles say they did not happen', '1 person who represents no known country')
"""
from __future__ import annotations

import html
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx

from .assets import inline, render, static_text
from .layout import layout
from .projection import LEVELS, ActorNotFound, find_actor, period, relation_names, to_networkx
from .vocab import relations

__all__ = [
    "build_page", "write_page", "show", "PageInfo", "ViewError", "LEVELS", "KIND_COLOURS",
    "FAMILY_COLOURS", "DEFAULT_MAX_NODES", "page_circles",
]

DEFAULT_MAX_NODES = 500
KIND_COLOURS = {
    "person": "#4e79a7",
    "country": "#f28e2b",
    "former_state": "#b07aa1",
    "organisation": "#59a14f",
}
KIND_NAMES = {"person": "person", "country": "country", "former_state": "former state",
              "organisation": "organisation"}
FAMILY_COLOURS = {"cooperation": "#1f9e89", "conflict": "#d62728"}


class ViewError(ValueError):
    """Filters that cannot make a page (an unknown relation, actor or date), said for the user."""


@dataclass(frozen=True)
class PageInfo:
    """What a written page holds: where it is, how many actors and relations it draws, what was left out."""

    path: Path
    nodes: int
    edges: int
    omitted: int
    notes: tuple[str, ...] = ()


# -- what the page draws ----------------------------------------------------------------------------

Line = tuple[str, str, str]  # (actor, actor, predicate): one drawn line, the events behind it


@dataclass(frozen=True)
class _Drawing:
    """The projection cut to what the page draws: its actors, and its lines with their events."""

    events: nx.MultiDiGraph  # the projection: node attributes and every event's evidence
    actors: nx.Graph  # the actors drawn, tied where a line joins them
    lines: dict[Line, list[tuple[str, dict]]]  # each line's events: (event key, attributes)
    backwards: frozenset[Line]  # symmetric lines that most articles tell the other way round
    omitted: int
    notes: tuple[str, ...]


def _notes(G: nx.MultiDiGraph, level: str) -> list[str]:
    """What the projection left out, in words."""
    notes = []
    if G.graph.get("negated"):
        notes.append(f"{G.graph['negated']} negated event(s): the articles say they did not happen")
    if G.graph.get("undated"):
        notes.append(f"{G.graph['undated']} event(s) with no date, nor a publication date, outside any date range")
    n = G.graph.get("left_out", 0)
    if n and level == "country":
        notes.append(f"{n} {'person' if n == 1 else 'people'} who represent{'s' * (n == 1)} no known country")
    elif n and level == "person":
        notes.append(f"{n} countries and organisations (the page draws people only)")
    return notes


def _articles(events: list[tuple[str, dict]]) -> set[str]:
    return {d["article_iri"] for _, d in events}


def _drawing(store, *, level: str, relations, actor, depth: int, since, until, min_articles: int,
             max_nodes: int) -> _Drawing:
    try:
        G = to_networkx(store, level=level, relations=relations, since=since, until=until,
                        include_reported=True, include_hedged=True, include_future=True)
    except ValueError as exc:
        raise ViewError(str(exc)) from None
    notes = _notes(G, level)

    lines: dict[Line, list[tuple[str, dict]]] = defaultdict(list)
    told_backwards: Counter = Counter()
    for u, v, k, d in G.edges(keys=True, data=True):
        if d["symmetric"] and v < u:  # one line for a symmetric relation, whichever way it is told
            u, v = v, u
            told_backwards[(u, v, d["predicate"])] += 1
        lines[(u, v, d["predicate"])].append((k, d))
    if min_articles > 1:
        before = len(lines)
        lines = {k: ev for k, ev in lines.items() if len(_articles(ev)) >= min_articles}
        if before - len(lines):
            notes.append(f"{before - len(lines)} relation(s) supported by fewer than {min_articles} articles")

    T = nx.Graph()
    T.add_edges_from((u, v) for u, v, _ in lines)
    focus = None
    if actor:
        try:
            focus = find_actor(G, actor)
        except ActorNotFound as exc:
            raise ViewError(str(exc)) from None
        if focus not in T:
            raise ViewError(f"{G.nodes[focus]['label']} has no relations that match these filters")
        T = nx.ego_graph(T, focus, radius=depth)

    omitted = 0
    if len(T) > max_nodes:
        reach: dict[str, set[str]] = defaultdict(set)
        for (u, v, _p), ev in lines.items():
            if u in T and v in T:
                reach[u] |= _articles(ev)
                reach[v] |= _articles(ev)
        ranked = sorted(T.nodes, key=lambda n: (n != focus, -T.degree(n), -len(reach[n]), G.nodes[n]["label"]))
        keep = ranked[:max_nodes]
        omitted = len(T) - len(keep)
        T = T.subgraph(keep).copy()
        notes.append(f"{omitted} less connected actor(s) beyond the {max_nodes} drawn "
                     "(raise --max-nodes to draw more)")
    kept = {k: ev for k, ev in lines.items() if k[0] in T and k[1] in T}
    backwards = frozenset(k for k, ev in kept.items() if told_backwards[k] * 2 > len(ev))
    return _Drawing(G, T, kept, backwards, omitted, tuple(notes))


# -- the page data ----------------------------------------------------------------------------------

_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "future": 2}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _reach(dr: _Drawing) -> tuple[dict[str, set[str]], Counter]:
    """Each actor's articles, and its weighted degree (the articles behind each of its lines, summed)."""
    reach: dict[str, set[str]] = defaultdict(set)
    weight: Counter = Counter()
    for (u, v, _p), ev in dr.lines.items():
        reach[u] |= _articles(ev)
        reach[v] |= _articles(ev)
        weight[u] += len(_articles(ev))
        weight[v] += len(_articles(ev))
    return reach, weight


def _sizes(T: nx.Graph, reach: dict[str, set[str]]) -> dict[str, float]:
    """The radius of each actor's circle in pixels: larger when more articles relate it to others."""
    return {v: round(10 + 7 * math.log2(1 + len(reach[v])), 1) for v in T}


def page_circles(store, **filters) -> tuple[nx.Graph, dict[str, float]]:
    """The network the page would lay out under these filters (see :func:`build_page`) and the
    radius of each actor's circle: what :func:`graph.layout.layout` is given."""
    kw = {"level": "all", "relations": None, "actor": None, "depth": 1, "since": None, "until": None,
          "min_articles": 1, "max_nodes": DEFAULT_MAX_NODES} | filters
    dr = _drawing(store, **kw)
    return dr.actors, _sizes(dr.actors, _reach(dr)[0])


def _page_data(dr: _Drawing, title: str, filters: dict) -> dict:
    G, T = dr.events, dr.actors
    rel_info = {r.name: r for r in relations()}
    ids = {n: i for i, n in enumerate(sorted(T.nodes, key=lambda v: (G.nodes[v]["label"], v)))}
    names: list[str] = []
    name_ix: dict[str, int] = {}

    def name(label: str) -> int:
        if label not in name_ix:
            name_ix[label] = len(names)
            names.append(label)
        return name_ix[label]

    art_ix: dict[str, int] = {}
    arts: list[dict] = []
    events: list[list] = []
    ev_ix: dict[str, int] = {}
    big = len(T) > 1000

    def when(d: dict) -> tuple[str, int | None, int | None]:
        text = d["date"] or d["published"] or ""
        try:
            first, last = period(text)
        except ValueError:
            return text, None, None
        return text, first.toordinal(), last.toordinal()

    def event(k: str, d: dict) -> int:
        if k not in ev_ix:
            g = d["article_iri"]
            if g not in art_ix:
                art_ix[g] = len(arts)
                arts.append({"t": d["title"], "p": d["published"] or "", "u": d["url"] or "", "id": d["article"]})
            text, lo, hi = when(d)
            ev_ix[k] = len(events)
            events.append([name(d["text_subject"]), d["predicate"], name(d["text_object"]), d["modality"], text,
                           lo, hi, d["sentence"], art_ix[g], 1 if d["date"] else 0])
        return ev_ix[k]

    reach, weight = _reach(dr)
    size = _sizes(dr.actors, reach)
    pos = layout(T, size)

    nodes = []
    for v, i in ids.items():
        attrs = G.nodes[v]
        kind, label, n_art = attrs["kind"], attrs["label"], len(reach[v])
        x, y = pos[v]
        nodes.append({
            "id": i, "label": label, "kind": kind, "n": n_art, "w": weight[v], "x": x, "y": y,
            "size": size[v],
            "color": {"background": KIND_COLOURS[kind], "border": "#ffffff",
                      "highlight": {"background": KIND_COLOURS[kind], "border": "#111111"},
                      "hover": {"background": KIND_COLOURS[kind], "border": "#111111"}},
            "title": f"{label} · {KIND_NAMES[kind]} · {_plural(n_art, 'article')}",
            "alt": list(attrs.get("alt_labels", ()))[:12],
        })

    pair_count: Counter = Counter()
    edges = []
    for k, ((u, v, p), ev) in enumerate(sorted(dr.lines.items(), key=lambda kv: (ids[kv[0][0]], ids[kv[0][1]], kv[0][2]))):
        r = rel_info[p]
        if (u, v, p) in dr.backwards:  # draw and name a symmetric relation as most articles tell it
            u, v = v, u
        n_art = len(_articles(ev))
        mod = min((d["modality"] for _, d in ev), key=lambda m: _RANK.get(m, 3))
        pair = (min(ids[u], ids[v]), max(ids[u], ids[v]))
        nth = pair_count[pair]
        pair_count[pair] += 1
        colour = FAMILY_COLOURS.get(r.family, "#888888")
        ordered = sorted(ev, key=lambda kd: (when(kd[1])[0], kd[0]))
        dates = sorted({when(d)[0] for _, d in ev} - {""})
        span = (dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}") if dates else "undated"
        edge = {
            "id": k, "from": ids[u], "to": ids[v], "pred": p, "family": r.family, "n": n_art,
            "mod": mod, "width": round(1.5 + 2.5 * math.log2(n_art), 2),
            "dashes": False if mod == "asserted" else [8, 6] if mod == "reported" else [2, 5],
            "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
            "arrows": {"to": {"enabled": not r.symmetric, "scaleFactor": 0.6}},
            "title": f"{G.nodes[u]['label']} {r.label} {G.nodes[v]['label']} · {_plural(n_art, 'article')} · {span}"
                     + ("" if mod == "asserted" else f" · {mod}"),
            "ev": [event(key, d) for key, d in ordered],
        }
        if nth and not big:
            clockwise = bool(nth % 2) == (ids[u] <= ids[v])  # same side whichever way it points
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                              "roundness": 0.15 * ((nth + 1) // 2)}
        edges.append(edge)

    ticks: dict[int, str] = {}
    for e in events:
        if e[5] is not None and (e[5] not in ticks or len(e[4]) > len(ticks[e[5]])):
            ticks[e[5]] = e[4]
    used = sorted({e["pred"] for e in edges}, key=lambda p: list(rel_info).index(p))
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "events": events,
        "names": names,
        "articles": arts,
        "ticks": sorted(ticks.items()),
        "relations": [{"name": p, "label": rel_info[p].label, "family": rel_info[p].family,
                       "plover": rel_info[p].plover, "color": FAMILY_COLOURS[rel_info[p].family],
                       "count": sum(1 for e in edges if e["pred"] == p)} for p in used],
        "kinds": [{"kind": k, "label": KIND_NAMES[k], "color": c} for k, c in KIND_COLOURS.items()],
        "families": FAMILY_COLOURS,
        "notes": list(dr.notes),
        "filters": filters,
        "big": big,
    }


# -- the page ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from the pyvis package, ready to inline."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")  # found, not imported: importing pyvis pulls in IPython
    if spec is None or not spec.origin:
        raise RuntimeError("pyvis is not installed; it provides vis-network for the page")
    base = Path(spec.origin).resolve().parent / "lib" / "vis-9.1.2"
    js = (base / "vis-network.min.js").read_text("utf-8")
    css = (base / "vis-network.css").read_text("utf-8")
    js = re.sub(r"//[#@] sourceMappingURL=\S*", "", js)
    css = re.sub(r"/\*[#@] sourceMappingURL=.*?\*/", "", css)
    return js, css


def _check_args(depth: int, min_articles: int, max_nodes: int) -> None:
    if depth < 0:
        raise ViewError("--depth must be 0 or more")
    if min_articles < 1:
        raise ViewError("--min-articles must be 1 or more")
    if max_nodes < 1:
        raise ViewError("--max-nodes must be 1 or more")


def _render(store, *, level="all", relations=None, actor=None, depth=1, since=None, until=None,
            min_articles=1, max_nodes=DEFAULT_MAX_NODES, title="dipgraph") -> tuple[str, _Drawing]:
    _check_args(int(depth), int(min_articles), int(max_nodes))
    dr = _drawing(store, level=level, relations=relations, actor=actor, depth=int(depth), since=since,
                  until=until, min_articles=int(min_articles), max_nodes=int(max_nodes))
    wanted = relation_names(relations)
    filters = {"level": level, "relations": sorted(wanted) if wanted else None,
               "actor": actor, "depth": int(depth), "since": str(since) if since else None,
               "until": str(until) if until else None, "min_articles": int(min_articles),
               "max_nodes": int(max_nodes)}
    data = _page_data(dr, str(title), filters)
    js, css = _vis_assets()
    try:
        page = render("graph.html", title=str(title), data=data,
                      vis_css=inline(css, "css"), vis_js=inline(js, "js"),
                      page_css=inline(static_text("graph.css"), "css"),
                      page_js=inline(static_text("graph.js"), "js"))
    except ValueError as exc:
        raise RuntimeError(f"the page cannot be made safely: {exc}") from None
    return page, dr


def build_page(store, *, level: str = "all", relations=None, actor: str | None = None,
               depth: int = 1, since=None, until=None, min_articles: int = 1,
               max_nodes: int = DEFAULT_MAX_NODES, title: str = "dipgraph") -> str:
    """The complete, self-contained HTML page drawing the store's actor network under these filters.

    ``level``, ``relations``, ``since`` and ``until`` mean what they mean for
    :func:`graph.projection.to_networkx`: "all" actors as named, "person" (people only) or "country"
    (people drawn as the country they represent); predicate names or families to keep; dates
    bounding the events, an event the article does not date counting at its publication date.
    ``actor``/``depth``: only the actors within ``depth`` steps of one actor. ``min_articles``:
    relations supported by fewer articles are left out. ``max_nodes``: above it, the most connected
    actors are kept. Raises :class:`ViewError` for filters that make no sense.
    """
    return _render(store, level=level, relations=relations, actor=actor, depth=depth, since=since,
                   until=until, min_articles=min_articles, max_nodes=max_nodes, title=title)[0]


def write_page(store, path, **filters) -> PageInfo:
    """Write the page (see :func:`build_page` for the filters) to ``path``; say what it holds."""
    page, dr = _render(store, **filters)
    out = Path(path)
    out.write_text(page, "utf-8")
    return PageInfo(path=out, nodes=dr.actors.number_of_nodes(), edges=len(dr.lines),
                    omitted=dr.omitted, notes=dr.notes)


def show(store, *, height: int = 650, **filters):
    """The page inline in a Jupyter notebook: an ``IPython.display.HTML`` holding a sandboxed iframe."""
    from IPython.display import HTML

    page = build_page(store, **filters)
    return HTML(f'<div class="dipgraph-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
                f'sandbox="allow-scripts" style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
                f'title="{html.escape(str(filters.get("title", "dipgraph")), quote=True)}"></iframe></div>')
