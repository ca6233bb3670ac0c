"""The interactive graph page: one self-contained HTML file that draws the actor network.

The page inlines vis-network (the library pyvis ships) and all of its CSS and JavaScript, so it
works offline and loads nothing from any other host. Article text (names, titles, sentences)
travels as JSON data and is only ever put into the page as text, never parsed as HTML.

>>> from dipgraph.graph.view import write_page
>>> write_page(store, "graph.html", level="country", since="2023")
PageInfo(path=PosixPath('graph.html'), nodes=12, edges=19, omitted=0, notes=())
"""
from __future__ import annotations

import html
import json
import math
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import networkx as nx

from .vocab import relation, relations

__all__ = [
    "build_page", "write_page", "show", "PageInfo", "ViewError", "LEVELS", "KIND_COLOURS",
    "FAMILY_COLOURS", "DEFAULT_MAX_NODES",
]

LEVELS = ("all", "person", "country")
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
_DIP = "https://w3id.org/dipgraph/ontology#"
_CORE = 200  # largest graph laid out by force simulation in full; bigger ones grow from this core


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


# -- reading the store ------------------------------------------------------------------------------

@dataclass
class _Data:
    labels: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    alts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[str, dict] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    represents: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    events: list[tuple] = field(default_factory=list)  # (graph, s, o, pred, modality, date, sentence)
    negated: int = 0


def _v(term) -> str | None:
    return None if term is None else term.value


def _read(store, preds: list[str] | None) -> _Data:
    """Everything the page needs, in a handful of SPARQL queries over the whole store."""
    from .vocab import actors_graph_iri

    d = _Data()
    actors_g = f"<{actors_graph_iri()}>"
    classes: dict[str, set[str]] = defaultdict(set)
    for row in store.query(f"""SELECT ?a ?label ?c WHERE {{ GRAPH {actors_g} {{
            ?a a ?c . OPTIONAL {{ ?a rdfs:label ?label }} }} }}"""):
        a = row["a"].value
        classes[a].add(row["c"].value[len(_DIP):] if row["c"].value.startswith(_DIP) else "")
        if row["label"] is not None:
            d.labels[a] = row["label"].value
    for a, cls in classes.items():
        d.kinds[a] = ("former_state" if "FormerState" in cls else "country" if "Country" in cls
                      else "organisation" if "Organisation" in cls else "person")
    for row in store.query("SELECT DISTINCT ?a ?alt WHERE { GRAPH ?g { ?a skos:altLabel ?alt } }"):
        d.alts[row["a"].value].append(row["alt"].value)
    for row in store.query("""SELECT ?g ?title ?pub ?url ?id WHERE { GRAPH ?g { ?g a schema:NewsArticle .
            OPTIONAL { ?g schema:headline ?title } OPTIONAL { ?g schema:datePublished ?pub }
            OPTIONAL { ?g schema:url ?url } OPTIONAL { ?g schema:identifier ?id } } }"""):
        d.articles[row["g"].value] = {"t": _v(row["title"]) or "", "p": _v(row["pub"]) or "",
                                      "u": _v(row["url"]) or "", "id": _v(row["id"]) or ""}
    for row in store.query("SELECT DISTINCT ?g ?a WHERE { GRAPH ?g { ?g schema:mentions ?a } }"):
        d.mentions[row["a"].value].add(row["g"].value)
    for row in store.query("""SELECT ?p ?c (COUNT(DISTINCT ?g) AS ?n) WHERE {
            GRAPH ?g { ?p dip:represents ?c } } GROUP BY ?p ?c"""):
        d.represents[row["p"].value][row["c"].value] += int(row["n"].value)
    values = ""
    if preds is not None:
        values = "VALUES ?p { " + " ".join(f"<{relation(p).iri}>" for p in preds) + " }"
    # The optional columns come in queries of their own: Oxigraph joins them far faster that way.
    dates = {r["e"].value: r["d"].value for r in store.query(
        "SELECT ?e ?d WHERE { GRAPH ?g { ?e dip:date ?d } }")}
    sentences = {r["e"].value: r["s"].value for r in store.query(
        "SELECT ?e ?s WHERE { GRAPH ?g { ?e dip:sentence ?s } }")}
    q = f"""SELECT ?e ?g ?s ?o ?p ?m WHERE {{ {values}
            GRAPH ?g {{ ?e dip:subject ?s ; dip:object ?o ; dip:predicate ?p ; dip:modality ?m }} }}"""
    seen: set[str] = set()
    for row in store.query(q):
        e, m = row["e"].value, row["m"].value
        if e in seen:
            continue
        seen.add(e)
        if m == "negated":
            d.negated += 1
            continue
        p = row["p"].value
        d.events.append((row["g"].value, row["s"].value, row["o"].value,
                         p[len(_DIP):] if p.startswith(_DIP) else p, m, dates.get(e), sentences.get(e, "")))
    return d


# -- dates ------------------------------------------------------------------------------------------

_DATE_RE = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _span(text: str | None) -> tuple[int, int] | None:
    """The first and last day (as ordinals) of an ISO date, year-month or year; None if not one."""
    if not text:
        return None
    m = _DATE_RE.match(text.strip())
    if not m:
        return None
    try:
        y = int(m[1])
        if m[3]:
            day = date(y, int(m[2]), int(m[3])).toordinal()
            return day, day
        if m[2]:
            mo = int(m[2])
            first = date(y, mo, 1)
            last = date(y + (mo == 12), mo % 12 + 1, 1).toordinal() - 1
            return first.toordinal(), last
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    except ValueError:
        return None


def _bound(value, name: str) -> tuple[int, int] | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    span = _span(text)
    if span is None:
        raise ViewError(f"{name} {text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return span


# -- building the network ---------------------------------------------------------------------------

@dataclass
class _Net:
    graph: nx.Graph
    edges: dict[tuple[str, str, str], list[int]]  # (u, v, predicate) -> event indices
    node_articles: dict[str, set[str]]
    omitted: int
    notes: list[str]
    reversed: set[tuple[str, str, str]] = field(default_factory=set)  # symmetric, mostly told v-u


def _relations_arg(rels) -> list[str] | None:
    if rels is None:
        return None
    if isinstance(rels, str):
        rels = [rels]
    names: list[str] = []
    for item in rels:
        for part in str(item).split(","):
            part = part.strip()
            if not part:
                continue
            if part.startswith("dip:"):
                part = part[4:]
            try:
                names.append(relation(part).name)
            except KeyError:
                known = ", ".join(r.name for r in relations())
                raise ViewError(f"unknown relation {part!r}; known relations: {known}") from None
    return sorted(set(names)) or None


def _country_of(d: _Data, person: str) -> str | None:
    """The country (else organisation) a person most often represents in the articles."""
    best = None
    for target, n in d.represents.get(person, Counter()).most_common():
        kind = d.kinds.get(target)
        rank = 0 if kind in ("country", "former_state") else 1 if kind == "organisation" else 2
        if rank < 2 and (best is None or rank < best[0] or (rank == best[0] and n > best[1])):
            best = (rank, n, target)
    return best[2] if best else None


def _mapper(d: _Data, level: str):
    if level == "all":
        return lambda a: a
    if level == "person":
        return lambda a: a if d.kinds.get(a, "person") == "person" else None
    cache: dict[str, str | None] = {}

    def to_country(a: str) -> str | None:
        if d.kinds.get(a, "person") != "person":
            return a
        if a not in cache:
            cache[a] = _country_of(d, a)
        return cache[a]
    return to_country


def _find_actor(d: _Data, name: str, mapped, level: str) -> str:
    want = " ".join(name.split()).casefold()
    if not want:
        raise ViewError("--actor needs a name")
    exact = {a for a, lab in d.labels.items() if lab.casefold() == want}
    if not exact:
        exact = {a for a, alts in d.alts.items() if any(x.casefold() == want for x in alts)}
    if not exact:
        exact = {a for a, lab in d.labels.items() if want in lab.casefold()}
    if not exact:
        raise ViewError(f"no actor called {name!r} in the store")
    targets = {mapped(a) for a in exact} - {None}
    if not targets:
        a = sorted(exact)[0]
        kind = KIND_NAMES.get(d.kinds.get(a, ""), "actor")
        if level == "person":
            raise ViewError(f"{d.labels.get(a, name)} is a {kind}; --level person draws only people")
        raise ViewError(f"{d.labels.get(a, name)} represents no known country, so --level country "
                        "cannot draw them")
    if len(targets) > 1:
        names = sorted(d.labels.get(t, t) for t in targets)
        raise ViewError(f"{name!r} matches several actors: {', '.join(names[:8])}"
                        + (" ..." if len(names) > 8 else "") + "; give the full name")
    return targets.pop()


def _network(d: _Data, *, level: str, actor, depth: int, since, until, min_articles: int,
             max_nodes: int) -> _Net:
    mapped = _mapper(d, level)
    lo = _bound(since, "--since")
    hi = _bound(until, "--until")
    if lo and hi and lo[0] > hi[1]:
        raise ViewError(f"--since {since} is after --until {until}")
    notes: list[str] = []
    if d.negated:
        notes.append(f"{d.negated} negated event(s): the articles say they did not happen")
    sym = {r.name: r.symmetric for r in relations()}
    edges: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    told_backwards: Counter = Counter()
    unmapped: set[str] = set()
    undated = 0
    for i, (g, s, o, p, m, dt, _sent) in enumerate(d.events):
        if lo or hi:
            span = _span(dt)
            if span is None:
                undated += 1
                continue
            if (lo and span[1] < lo[0]) or (hi and span[0] > hi[1]):
                continue
        u, v = mapped(s), mapped(o)
        if u is None or v is None:
            unmapped.update(a for a, b in ((s, u), (o, v)) if b is None)
            continue
        if u == v:
            continue
        if sym.get(p, False) and v < u:
            u, v = v, u
            told_backwards[(u, v, p)] += 1
        edges[(u, v, p)].append(i)
    if undated:
        notes.append(f"{undated} undated event(s), outside any date range")
    if unmapped:
        if level == "country":
            n_people = sum(1 for a in unmapped if d.kinds.get(a, "person") == "person")
            notes.append(f"{n_people} {'person' if n_people == 1 else 'people'} who represent"
                         f"{'s' * (n_people == 1)} no known country")
        elif level == "person":
            notes.append(f"{len(unmapped)} countries and organisations (the page draws people only)")

    def n_articles(ev: list[int]) -> int:
        return len({d.events[i][0] for i in ev})

    if min_articles > 1:
        before = len(edges)
        edges = {k: ev for k, ev in edges.items() if n_articles(ev) >= min_articles}
        if before - len(edges):
            notes.append(f"{before - len(edges)} relation(s) supported by fewer than "
                         f"{min_articles} articles")

    G = nx.Graph()
    for (u, v, _p) in edges:
        G.add_edge(u, v)

    focus = None
    if actor:
        focus = _find_actor(d, actor, mapped, level)
        if focus not in G:
            raise ViewError(f"{d.labels.get(focus, actor)} has no relations that match these filters")
        G = nx.ego_graph(G, focus, radius=depth)

    node_articles: dict[str, set[str]] = defaultdict(set)
    for a, gs in d.mentions.items():
        n = mapped(a)
        if n is not None and n in G:
            node_articles[n].update(gs)
    for (u, v, _p), ev in edges.items():
        if u in G and v in G:
            arts = {d.events[i][0] for i in ev}
            node_articles[u].update(arts)
            node_articles[v].update(arts)

    omitted = 0
    if len(G) > max_nodes:
        ranked = sorted(G.nodes, key=lambda n: (n != focus, -G.degree(n), -len(node_articles[n]),
                                                d.labels.get(n, n)))
        keep = ranked[:max_nodes]
        omitted = len(G) - len(keep)
        G = G.subgraph(keep).copy()
        notes.append(f"{omitted} less connected actor(s) beyond the {max_nodes} drawn "
                     "(raise --max-nodes to draw more)")
    kept = {k: ev for k, ev in edges.items() if k[0] in G and k[1] in G}
    backwards = {k for k, ev in kept.items() if told_backwards[k] * 2 > len(ev)}
    return _Net(G, kept, node_articles, omitted, notes, backwards)


# -- layout -----------------------------------------------------------------------------------------

def _component_layout(G: nx.Graph, seed: int):
    """Positions of one connected component, in units of a typical edge length."""
    import numpy as np

    n = len(G)
    if n == 1:
        return {next(iter(G)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(G)
        return {a: (-0.5, 0.0), b: (0.5, 0.0)}
    rng = random.Random(seed)
    order = sorted(G.nodes, key=lambda v: (-G.degree(v), v))
    core = order[:_CORE]
    raw = nx.spring_layout(G.subgraph(core), seed=seed, iterations=50)
    lengths = [math.dist(raw[u], raw[v]) for u, v in G.subgraph(core).edges]
    unit = float(np.median(lengths)) if lengths else 1.0
    pos = {v: (float(p[0]) / (unit or 1.0), float(p[1]) / (unit or 1.0)) for v, p in raw.items()}
    if n > len(core):
        # Grow outwards from the core: each actor goes just beyond the actors it is tied to.
        frontier = list(core)
        while frontier:
            nxt = []
            for v in frontier:
                for w in G[v]:
                    if w in pos:
                        continue
                    placed = [pos[x] for x in G[w] if x in pos]
                    cx = sum(p[0] for p in placed) / len(placed)
                    cy = sum(p[1] for p in placed) / len(placed)
                    ang = math.atan2(cy, cx) + rng.uniform(-1.2, 1.2)
                    r = rng.uniform(0.7, 1.5)
                    pos[w] = (cx + r * math.cos(ang), cy + r * math.sin(ang))
                    nxt.append(w)
            frontier = nxt
    return pos


def _layout(G: nx.Graph, seed: int = 7, unit_px: float = 120.0) -> dict[str, tuple[float, float]]:
    """Positions in pixels: each connected group laid out on its own, the groups packed in rows.

    Only the best connected few hundred actors of a group are placed by force simulation
    (networkx's is slow beyond that); the rest grow outwards beside the actors they are tied to.
    """
    import numpy as np

    comps = sorted((sorted(c) for c in nx.connected_components(G)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in comps:
        pos = _component_layout(G.subgraph(comp), seed)
        pts = np.array([pos[v] for v in comp], dtype=float)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        boxes.append((comp, pos, lo, hi - lo + 1.2))  # 1.2: room for labels and a margin
    total = sum(float(w * h) for *_, (w, h) in boxes)
    row_width = max([float(size[0]) for *_, size in boxes] + [math.sqrt(total) * 1.3]) if boxes else 0
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    placed = []
    for comp, pos, lo, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        placed.append((comp, pos, lo, np.array([x, y])))
        x += float(w)
        row_h = max(row_h, float(h))
    width = max((float(o[0] + b[3][0]) for o, b in zip((p[3] for p in placed), boxes)), default=0.0)
    height = y + row_h
    centre = np.array([width / 2, height / 2])
    for comp, pos, lo, origin in placed:
        dx = float(origin[0] - lo[0] + 0.6 - centre[0])
        dy = float(origin[1] - lo[1] + 0.6 - centre[1])
        for v in comp:
            x, y = pos[v]
            out[v] = (round((x + dx) * unit_px, 1), round((y + dy) * unit_px, 1))
    return out


# -- the page data ----------------------------------------------------------------------------------

_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "future": 2}


def _page_data(d: _Data, net: _Net, title: str, filters: dict) -> dict:
    G = net.graph
    pos = _layout(G)
    rel_info = {r.name: r for r in relations()}
    ids = {n: i for i, n in enumerate(sorted(G.nodes, key=lambda v: (d.labels.get(v, v), v)))}
    names: list[str] = []
    name_ix: dict[str, int] = {}

    def name(a: str) -> int:
        if a not in name_ix:
            name_ix[a] = len(names)
            names.append(d.labels.get(a) or a.rsplit("/", 1)[-1])
        return name_ix[a]

    art_ix: dict[str, int] = {}
    arts: list[dict] = []
    events: list[list] = []
    ev_ix: dict[int, int] = {}
    big = len(G) > 1000

    def event(i: int) -> int:
        if i not in ev_ix:
            g, s, o, p, m, dt, sent = d.events[i]
            if g not in art_ix:
                art_ix[g] = len(arts)
                arts.append(d.articles.get(g, {"t": "", "p": "", "u": "", "id": g}))
            span = _span(dt)
            ev_ix[i] = len(events)
            events.append([name(s), p, name(o), m, dt or "", span[0] if span else None,
                           span[1] if span else None, sent, art_ix[g]])
        return ev_ix[i]

    nodes = []
    for v, i in ids.items():
        kind = d.kinds.get(v, "person")
        n_art = len(net.node_articles.get(v, ()))
        label = d.labels.get(v) or v.rsplit("/", 1)[-1]
        x, y = pos[v]
        nodes.append({
            "id": i, "label": label, "kind": kind, "n": n_art, "x": x, "y": y,
            "size": round(10 + 7 * math.log2(1 + n_art), 1),
            "color": {"background": KIND_COLOURS[kind], "border": "#ffffff",
                      "highlight": {"background": KIND_COLOURS[kind], "border": "#111111"},
                      "hover": {"background": KIND_COLOURS[kind], "border": "#111111"}},
            "title": f"{label} · {KIND_NAMES[kind]} · {n_art} article{'s' * (n_art != 1)}",
            "alt": sorted(set(d.alts.get(v, ())))[:12],
        })

    pair_count: Counter = Counter()
    edges = []
    for k, ((u, v, p), ev) in enumerate(sorted(net.edges.items(), key=lambda kv: (ids[kv[0][0]], ids[kv[0][1]], kv[0][2]))):
        r = rel_info[p]
        if (u, v, p) in net.reversed:  # draw and name a symmetric relation as most articles tell it
            u, v = v, u
        n_art = len({d.events[i][0] for i in ev})
        mod = min((d.events[i][4] for i in ev), key=lambda m: _RANK.get(m, 3))
        pair = (min(ids[u], ids[v]), max(ids[u], ids[v]))
        nth = pair_count[pair]
        pair_count[pair] += 1
        colour = FAMILY_COLOURS.get(r.family, "#888888")
        dates = sorted({d.events[i][5] for i in ev if d.events[i][5]})
        when = (dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}") if dates else "undated"
        edge = {
            "id": k, "from": ids[u], "to": ids[v], "pred": p, "family": r.family, "n": n_art,
            "mod": mod, "width": round(1.5 + 2.5 * math.log2(n_art), 2),
            "dashes": False if mod == "asserted" else [8, 6] if mod == "reported" else [2, 5],
            "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
            "arrows": {"to": {"enabled": not r.symmetric, "scaleFactor": 0.6}},
            "title": f"{d.labels.get(u, u)} {r.label} {d.labels.get(v, v)} · "
                     f"{n_art} article{'s' * (n_art != 1)} · {when}"
                     + ("" if mod == "asserted" else f" · {mod}"),
            "ev": [event(i) for i in sorted(ev, key=lambda i: (d.events[i][5] or "", i))],
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
        "notes": net.notes,
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
    if re.search(r"</script|<!--", js, re.I) or re.search(r"</style", css, re.I):
        raise RuntimeError("vis-network's files cannot be inlined safely")
    return js, css


def _json_for_script(obj) -> str:
    """JSON that cannot end or confuse the <script> element it sits in."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _check_args(level: str, depth: int, min_articles: int, max_nodes: int) -> None:
    if level not in LEVELS:
        raise ViewError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    if depth < 0:
        raise ViewError("--depth must be 0 or more")
    if min_articles < 1:
        raise ViewError("--min-articles must be 1 or more")
    if max_nodes < 1:
        raise ViewError("--max-nodes must be 1 or more")


def _render(store, *, level="all", relations=None, actor=None, depth=1, since=None, until=None,
            min_articles=1, max_nodes=DEFAULT_MAX_NODES, title="dipgraph") -> tuple[str, _Net]:
    _check_args(level, int(depth), int(min_articles), int(max_nodes))
    preds = _relations_arg(relations)
    d = _read(store, preds)
    net = _network(d, level=level, actor=actor, depth=int(depth), since=since, until=until,
                   min_articles=int(min_articles), max_nodes=int(max_nodes))
    filters = {"level": level, "relations": preds, "actor": actor, "depth": int(depth),
               "since": str(since) if since else None, "until": str(until) if until else None,
               "min_articles": int(min_articles), "max_nodes": int(max_nodes)}
    data = _page_data(d, net, str(title), filters)
    js, css = _vis_assets()
    parts = {"TITLE": html.escape(str(title), quote=True), "VIS_CSS": css, "PAGE_CSS": _PAGE_CSS,
             "DATA": _json_for_script(data), "VIS_JS": js, "PAGE_JS": _PAGE_JS}
    page = re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m[1]], _TEMPLATE)  # one pass: inserted text stays as is
    return page, net


def build_page(store, *, level: str = "all", relations=None, actor: str | None = None,
               depth: int = 1, since=None, until=None, min_articles: int = 1,
               max_nodes: int = DEFAULT_MAX_NODES, title: str = "dipgraph") -> str:
    """The complete, self-contained HTML page drawing the store's actor network under these filters.

    ``level``: "all" actors as stated, "person" (people only) or "country" (people replaced by the
    country they represent). ``relations``: predicate names to keep. ``actor``/``depth``: only the
    actors within ``depth`` steps of one actor. ``since``/``until``: ISO dates bounding event dates
    (undated events are then left out). ``min_articles``: relations supported by fewer articles are
    left out. ``max_nodes``: above it, the most connected actors are kept.
    Raises :class:`ViewError` for filters that make no sense.
    """
    return _render(store, level=level, relations=relations, actor=actor, depth=depth, since=since,
                   until=until, min_articles=min_articles, max_nodes=max_nodes, title=title)[0]


def write_page(store, path, **filters) -> PageInfo:
    """Write the page (see :func:`build_page` for the filters) to ``path``; say what it holds."""
    page, net = _render(store, **filters)
    out = Path(path)
    out.write_text(page, "utf-8")
    return PageInfo(path=out, nodes=net.graph.number_of_nodes(), edges=len(net.edges),
                    omitted=net.omitted, notes=tuple(net.notes))


def show(store, *, height: int = 650, **filters):
    """The page inline in a Jupyter notebook: an ``IPython.display.HTML`` holding a sandboxed iframe."""
    from IPython.display import HTML

    page = build_page(store, **filters)
    return HTML(f'<div class="dipgraph-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
                f'sandbox="allow-scripts" style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
                f'title="{html.escape(str(filters.get("title", "dipgraph")), quote=True)}"></iframe></div>')


# -- the page template --------------------------------------------------------------------------
# Placeholders are replaced once each; only @@TITLE@@ (HTML-escaped) and @@DATA@@ (JSON with every
# "<", ">" and "&" escaped) carry text from the store.

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>@@PAGE_CSS@@</style>
</head>
<body>
<header>
  <h1 id="title">@@TITLE@@</h1>
  <div id="search-box">
    <input id="search" type="search" placeholder="Find an actor" list="actor-names" aria-label="Find an actor" autocomplete="off">
    <datalist id="actor-names"></datalist>
    <button id="search-go" type="button">Find</button>
    <span id="search-status" role="status"></span>
  </div>
  <span id="counts" role="status"></span>
  <label class="toggle" title="Let the actors settle by simulated forces for a few seconds"><input type="checkbox" id="physics"> Physics</label>
  <button id="fit" type="button" title="Show the whole network">Fit</button>
</header>
<div id="main">
  <aside id="controls">
    <section>
      <h2>Relations</h2>
      <div id="relations"></div>
      <div class="buttons"><button id="rel-all" type="button">All</button><button id="rel-none" type="button">None</button></div>
    </section>
    <section id="dates">
      <h2>Dates</h2>
      <div id="date-range">
        <label>From <output id="date-from-label"></output><input id="date-from" type="range" min="0" max="0" value="0" aria-label="Earliest event date"></label>
        <label>To <output id="date-to-label"></output><input id="date-to" type="range" min="0" max="0" value="0" aria-label="Latest event date"></label>
      </div>
      <p id="no-dates" class="muted" hidden>No dated events.</p>
      <label class="check"><input type="checkbox" id="undated" checked> Include undated events</label>
    </section>
    <section>
      <h2>Legend</h2>
      <ul id="legend" class="legend"></ul>
      <ul class="legend">
        <li><span class="line solid"></span>stated by the article</li>
        <li><span class="line dashed"></span>reported: claimed by someone else</li>
        <li><span class="line dotted"></span>hedged or planned</li>
      </ul>
      <p class="muted">Circle size: articles mentioning the actor. Line width: articles supporting the relation. Arrows point from the actor who acts.</p>
    </section>
    <section id="notes-box" hidden>
      <h2>Left out</h2>
      <ul id="notes"></ul>
    </section>
  </aside>
  <div id="graph" aria-label="Network of actors and relations"></div>
  <aside id="panel" aria-live="polite">
    <div id="panel-body"><p class="muted">Click an actor or a relation to see the relations, dates, sentences and articles behind it.</p></div>
  </aside>
</div>
<script type="application/json" id="dipgraph-data">@@DATA@@</script>
<script>@@VIS_JS@@</script>
<script>@@PAGE_JS@@</script>
</body>
</html>
"""

_PAGE_CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; background: #fff; }
header { display: flex; align-items: center; gap: 14px; padding: 8px 14px; border-bottom: 1px solid #ddd; background: #f7f7f9; flex-wrap: wrap; }
header h1 { font-size: 17px; margin: 0; font-weight: 600; max-width: 32ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#search-box { display: flex; align-items: center; gap: 6px; }
#search { width: 220px; padding: 4px 8px; font: inherit; border: 1px solid #bbb; border-radius: 4px; }
#search-status { color: #b00; font-size: 13px; }
#counts { color: #555; font-size: 13px; margin-left: auto; }
button { font: inherit; padding: 3px 10px; border: 1px solid #bbb; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover { background: #eef; }
#main { display: grid; grid-template-columns: 250px 1fr 340px; height: calc(100% - 50px); }
#controls { overflow-y: auto; border-right: 1px solid #ddd; padding: 6px 12px; background: #fcfcfd; }
#controls h2, #panel h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #555; margin: 12px 0 6px; }
#relations label, .check { display: flex; align-items: center; gap: 6px; padding: 1px 0; cursor: pointer; }
#relations .count { color: #888; margin-left: auto; font-size: 12px; }
.swatch { display: inline-block; width: 14px; height: 4px; border-radius: 2px; }
.buttons { display: flex; gap: 6px; margin-top: 6px; }
#date-range label { display: block; margin-bottom: 4px; }
#date-range output { float: right; font-variant-numeric: tabular-nums; color: #333; }
#date-range input { width: 100%; }
.legend { list-style: none; padding: 0; margin: 0 0 6px; }
.legend li { display: flex; align-items: center; gap: 8px; padding: 1px 0; }
.dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; }
.line { display: inline-block; width: 26px; height: 0; border-top: 3px solid #555; }
.line.dashed { border-top-style: dashed; }
.line.dotted { border-top-style: dotted; }
.muted { color: #777; font-size: 12px; }
#notes { padding-left: 18px; margin: 0; font-size: 12px; color: #555; }
#graph { position: relative; min-width: 0; min-height: 0; background: #fff; }
#panel { overflow-y: auto; border-left: 1px solid #ddd; padding: 8px 14px; background: #fcfcfd; }
#panel h3 { font-size: 16px; margin: 8px 0 2px; }
#panel .meta { color: #666; font-size: 12px; margin-bottom: 8px; }
.rel-head { margin: 12px 0 4px; font-weight: 600; cursor: pointer; color: #1a4e8a; }
.rel-head:hover { text-decoration: underline; }
.rel-head.hidden-rel { color: #999; }
ol.evidence { padding-left: 18px; margin: 4px 0; }
ol.evidence li { margin-bottom: 10px; }
.ev-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.ev-claim { font-weight: 500; }
.ev-date { color: #555; font-size: 12px; font-variant-numeric: tabular-nums; }
.ev-mod { font-size: 11px; padding: 0 5px; border-radius: 8px; background: #eee; color: #444; }
blockquote.ev-sentence { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #ccd; background: #f4f5f8; white-space: pre-wrap; overflow-wrap: anywhere; }
.ev-article { font-size: 12px; color: #333; overflow-wrap: anywhere; }
.ev-article::before { content: "Article: "; color: #777; }
.ev-url { font-size: 11px; color: #777; overflow-wrap: anywhere; }
.more { color: #777; font-size: 12px; }
div.vis-tooltip { font: 13px system-ui, sans-serif; max-width: 380px; white-space: normal; }
"""

_PAGE_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dipgraph-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  var relInfo = {};
  data.relations.forEach(function (r) { relInfo[r.name] = r; });
  function relLabel(p) { return relInfo[p] ? relInfo[p].label : p; }
  var kindLabel = {};
  data.kinds.forEach(function (k) { kindLabel[k.kind] = k.label; });

  var state = { rel: {}, lo: null, hi: null, undated: true };
  data.relations.forEach(function (r) { state.rel[r.name] = true; });
  var degree = {};
  data.edges.forEach(function (e) { degree[e.from] = (degree[e.from] || 0) + 1; degree[e.to] = (degree[e.to] || 0) + 1; });
  var visN = new Set(data.nodes.map(function (n) { return n.id; }));
  var visE = new Set(data.edges.map(function (e) { return e.id; }));

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visN.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return visE.has(e.id); } });

  var options = {
    autoResize: true,
    nodes: { shape: "dot", borderWidth: 1.5,
             font: { size: 14, face: "system-ui, sans-serif", color: "#222", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5, arrowStrikethrough: false },
    physics: { enabled: false, solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.3 },
               maxVelocity: 25, minVelocity: 1, timestep: 0.4, stabilization: { enabled: false } },
    interaction: { hover: !data.big, tooltipDelay: 150, hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big,
                   navigationButtons: false, keyboard: false, multiselect: false },
    layout: { improvedLayout: false, randomSeed: 7 }
  };
  var t0 = performance.now();
  var network = new vis.Network($("graph"), { nodes: nodesView, edges: edgesView }, options);
  var api = { data: data, network: network, nodes: nodes, edges: edges, nodesView: nodesView,
              edgesView: edgesView, ready: false, firstDrawMs: null, networkMs: performance.now() - t0 };
  window.dipgraph = api;
  network.once("afterDrawing", function () {
    api.firstDrawMs = performance.now();
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.fit({ animation: false });

  // -- filters ------------------------------------------------------------------------------------
  function edgeVisible(e) {
    if (!state.rel[e.pred]) { return false; }
    for (var i = 0; i < e.ev.length; i++) {
      var ev = data.events[e.ev[i]];
      if (ev[5] === null) { if (state.undated) { return true; } }
      else if ((state.lo === null || ev[6] >= state.lo) && (state.hi === null || ev[5] <= state.hi)) { return true; }
    }
    return false;
  }
  function recompute() {
    visE = new Set();
    var touched = new Set();
    data.edges.forEach(function (e) {
      if (edgeVisible(e)) { visE.add(e.id); touched.add(e.from); touched.add(e.to); }
    });
    visN = new Set();
    data.nodes.forEach(function (n) { if (touched.has(n.id) || !degree[n.id]) { visN.add(n.id); } });
    nodesView.refresh();
    edgesView.refresh();
    showCounts();
  }
  function showCounts() {
    $("counts").textContent = visN.size + " of " + data.nodes.length + " actors, " +
      visE.size + " of " + data.edges.length + " relations shown";
  }
  api.visibleNodeIds = function () { return Array.from(visN); };
  api.visibleEdgeIds = function () { return Array.from(visE); };
  api.recompute = recompute;

  var relBox = $("relations");
  if (!data.relations.length) { relBox.appendChild(el("p", "muted", "No relations match the filters this page was built with.")); }
  data.relations.forEach(function (r) {
    var label = el("label");
    label.title = r.plover + " (" + r.family + ")";
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-relation", r.name);
    box.addEventListener("change", function () { state.rel[r.name] = box.checked; recompute(); });
    var sw = el("span", "swatch");
    sw.style.background = r.color;
    label.appendChild(box);
    label.appendChild(sw);
    label.appendChild(el("span", "rel-name", r.label));
    label.appendChild(el("span", "count", r.count));
    relBox.appendChild(label);
  });
  function setAll(on) {
    relBox.querySelectorAll("input[type=checkbox]").forEach(function (b) { b.checked = on; state.rel[b.getAttribute("data-relation")] = on; });
    recompute();
  }
  $("rel-all").addEventListener("click", function () { setAll(true); });
  $("rel-none").addEventListener("click", function () { setAll(false); });

  var ticks = data.ticks, from = $("date-from"), to = $("date-to");
  if (!ticks.length) {
    $("date-range").hidden = true;
    $("no-dates").hidden = false;
  } else {
    from.max = to.max = String(ticks.length - 1);
    from.value = "0";
    to.value = String(ticks.length - 1);
  }
  function onDates(ev) {
    if (!ticks.length) { return; }
    var a = +from.value, b = +to.value;
    if (a > b) { if (ev && ev.target === from) { to.value = String(a); } else { from.value = String(b); } }
    a = +from.value; b = +to.value;
    state.lo = ticks[a][0];
    state.hi = ticks[b][0];
    $("date-from-label").textContent = ticks[a][1];
    $("date-to-label").textContent = ticks[b][1];
    if (ev) { recompute(); }
  }
  from.addEventListener("input", onDates);
  to.addEventListener("input", onDates);
  $("undated").addEventListener("change", function () { state.undated = $("undated").checked; recompute(); });
  onDates(null);

  // -- legend and notes ---------------------------------------------------------------------------
  var legend = $("legend");
  data.kinds.forEach(function (k) {
    var li = el("li"), dot = el("span", "dot");
    dot.style.background = k.color;
    li.appendChild(dot);
    li.appendChild(el("span", null, k.label));
    legend.appendChild(li);
  });
  Object.keys(data.families).forEach(function (f) {
    var li = el("li"), sw = el("span", "line");
    sw.style.borderTopColor = data.families[f];
    li.appendChild(sw);
    li.appendChild(el("span", null, f));
    legend.appendChild(li);
  });
  if (data.notes.length) {
    $("notes-box").hidden = false;
    data.notes.forEach(function (n) { $("notes").appendChild(el("li", null, n)); });
  }

  // -- the side panel -----------------------------------------------------------------------------
  var panel = $("panel-body");
  function nodeLabel(id) { var n = nodes.get(id); return n ? n.label : "?"; }
  function edgePhrase(e) { return nodeLabel(e.from) + " " + relLabel(e.pred) + " " + nodeLabel(e.to); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function evidenceList(ids, budget) {
    var ol = el("ol", "evidence");
    ids.slice(0, budget).forEach(function (i) {
      var ev = data.events[i];
      var li = el("li"), head = el("div", "ev-head");
      head.appendChild(el("span", "ev-claim", data.names[ev[0]] + " " + relLabel(ev[1]) + " " + data.names[ev[2]]));
      head.appendChild(el("span", "ev-date", ev[4] || "undated"));
      if (ev[3] !== "asserted") { head.appendChild(el("span", "ev-mod", ev[3])); }
      li.appendChild(head);
      if (ev[7]) { li.appendChild(el("blockquote", "ev-sentence", ev[7])); }
      var a = data.articles[ev[8]] || {};
      li.appendChild(el("div", "ev-article", (a.t || a.id || "untitled article") + (a.p ? " (" + a.p + ")" : "")));
      if (a.u) { li.appendChild(el("div", "ev-url", a.u)); }
      ol.appendChild(li);
    });
    if (ids.length > budget) { ol.appendChild(el("li", "more", (ids.length - budget) + " more")); }
    return ol;
  }
  function clearPanel() { while (panel.firstChild) { panel.removeChild(panel.firstChild); } }
  function showEdge(id) {
    var e = data.edges[id];
    if (!e) { return; }
    clearPanel();
    panel.setAttribute("data-showing", "edge:" + id);
    panel.appendChild(el("h3", null, edgePhrase(e)));
    var r = relInfo[e.pred] || {};
    panel.appendChild(el("div", "meta", (r.family || "") + " · " + (r.plover || "") + " · " +
      plural(e.n, "article") + (e.mod !== "asserted" ? " · " + e.mod : "")));
    panel.appendChild(evidenceList(e.ev, 200));
  }
  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    clearPanel();
    panel.setAttribute("data-showing", "node:" + id);
    panel.appendChild(el("h3", null, n.label));
    panel.appendChild(el("div", "meta", (kindLabel[n.kind] || n.kind) + " · " + plural(n.n, "article")));
    if (n.alt && n.alt.length) { panel.appendChild(el("div", "meta", "Also called: " + n.alt.join(", "))); }
    var mine = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    mine.sort(function (a, b) { return (visE.has(b.id) - visE.has(a.id)) || (b.n - a.n); });
    panel.appendChild(el("h2", null, plural(mine.length, "relation")));
    var budget = 300;
    mine.forEach(function (e) {
      var head = el("div", "rel-head" + (visE.has(e.id) ? "" : " hidden-rel"),
        edgePhrase(e) + " (" + plural(e.n, "article") + (visE.has(e.id) ? "" : ", hidden by the filters") + ")");
      head.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
      panel.appendChild(head);
      if (budget > 0) { panel.appendChild(evidenceList(e.ev, Math.min(budget, 20))); }
      budget -= Math.min(e.ev.length, 20);
    });
  }
  api.showNode = showNode;
  api.showEdge = showEdge;
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });

  // -- search ---------------------------------------------------------------------------------------
  var list = $("actor-names");
  data.nodes.slice(0, 5000).forEach(function (n) { var o = document.createElement("option"); o.value = n.label; list.appendChild(o); });
  function findNode(q) {
    q = q.trim().toLowerCase();
    if (!q) { return null; }
    var best = null, bestRank = 9;
    data.nodes.forEach(function (n) {
      var lab = n.label.toLowerCase(), r = 9;
      if (lab === q) { r = 0; } else if (lab.indexOf(q) === 0) { r = 1; } else if (lab.indexOf(q) >= 0) { r = 2; }
      else if (n.alt.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; })) { r = 3; }
      if (r < bestRank || (r === bestRank && best && visN.has(n.id) && !visN.has(best.id))) { best = n; bestRank = r; }
    });
    return best;
  }
  function search() {
    var q = $("search").value, status = $("search-status");
    var n = findNode(q);
    if (!q.trim()) { status.textContent = ""; return; }
    if (!n) { status.textContent = "No actor matches \u201c" + q.trim() + "\u201d"; return; }
    status.textContent = visN.has(n.id) ? "" : n.label + " is hidden by the filters";
    network.selectNodes(visN.has(n.id) ? [n.id] : []);
    if (visN.has(n.id)) { network.focus(n.id, { scale: 1.2, animation: { duration: 300 } }); }
    showNode(n.id);
  }
  api.search = function (q) { $("search").value = q; search(); };
  $("search").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); search(); } });
  $("search").addEventListener("change", search);
  $("search-go").addEventListener("click", search);

  // -- physics, bounded: runs until the layout settles or for at most eight seconds -------------------
  var physicsTimer = null;
  function physicsOff() {
    network.setOptions({ physics: { enabled: false } });
    $("physics").checked = false;
    if (physicsTimer) { clearTimeout(physicsTimer); physicsTimer = null; }
  }
  $("physics").addEventListener("change", function () {
    if (!$("physics").checked) { physicsOff(); return; }
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilized", physicsOff);
    physicsTimer = setTimeout(physicsOff, 8000);
  });
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  showCounts();
})();
"""
