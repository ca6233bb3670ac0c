"""Where the page puts each actor: a force layout in which no two circles overlap and labels have room.

networkx's layouts weigh every pair of actors at every step (its ``forceatlas2_layout``, which can
prevent overlaps, takes about 14 s for 2,000 actors on one core), so this one makes only actors that
are near each other push apart: a k-d tree finds them, and a step costs about as much as the actors
and their ties. Edges pull their two ends towards a length that grows with both circles. After the
forces settle a separation pass pushes apart every pair of circles closer than their radii plus a
gap (room for a line of label below each), and if any pair is left it spreads the whole drawing
until none is, so the result never has two overlapping actors. Each connected group is laid out on
its own: the largest first, the others packed in columns beside it.

>>> import networkx as nx
>>> G = nx.star_graph(30)
>>> pos = layout(G, {v: 12.0 for v in G})
>>> overlapping(pos, {v: 12.0 for v in G})
[]
"""
from __future__ import annotations

import math
import random
from collections.abc import Hashable, Mapping

import networkx as nx

__all__ = ["layout", "overlapping", "GAP", "EDGE"]

GAP = 14.0  # pixels kept free between two circles: a line of label fits between them
EDGE = 80.0  # pixels between the rims of two tied actors, before the forces adjust it
_CORE = 200  # largest group placed first by networkx's spring layout; the rest grow outwards from it
_STEPS = 80


def overlapping(pos: Mapping[Hashable, tuple[float, float]], radius: Mapping[Hashable, float],
                gap: float = 0.0) -> list[tuple[Hashable, Hashable]]:
    """The pairs of actors whose circles (each widened by ``gap`` / 2) overlap, each pair once."""
    import numpy as np

    keys = list(pos)
    if len(keys) < 2:
        return []
    P = np.array([pos[k] for k in keys], dtype=float)
    r = np.array([radius[k] for k in keys], dtype=float)
    i, j, d, need = _close_pairs(P, r, gap)
    bad = d < need - 1e-6
    return [(keys[a], keys[b]) for a, b in zip(i[bad], j[bad])]


def _close_pairs(P, r, gap):
    """Index pairs closer than the widest possible sum of radii, their distances and what they need."""
    import numpy as np
    from scipy.spatial import cKDTree

    pairs = cKDTree(P).query_pairs(2 * float(r.max()) + gap, output_type="ndarray")
    if not len(pairs):
        e = np.zeros(0, dtype=int)
        return e, e, np.zeros(0), np.zeros(0)
    i, j = pairs[:, 0], pairs[:, 1]
    d = np.hypot(*(P[i] - P[j]).T)
    return i, j, d, r[i] + r[j] + gap


def _core(G: nx.Graph, size: int) -> list:
    """Up to ``size`` well connected actors that hang together: grown from the best connected one,
    always adding the best connected actor tied to those already taken."""
    import heapq

    start = min(G.nodes, key=lambda v: (-G.degree(v), str(v)))
    taken, seen = [], {start}
    heap = [(-G.degree(start), str(start), start)]
    while heap and len(taken) < size:
        _, _, v = heapq.heappop(heap)
        taken.append(v)
        for w in G[v]:
            if w not in seen:
                seen.add(w)
                heapq.heappush(heap, (-G.degree(w), str(w), w))
    return taken


def _initial(G: nx.Graph, index: dict, k: float, seed: int):
    """Start positions: the best connected few hundred actors by spring layout, the rest beside their ties."""
    import numpy as np

    rng = random.Random(seed)
    core = _core(G, _CORE)
    raw = nx.spring_layout(G.subgraph(core), seed=seed, iterations=50)
    lengths = [math.dist(raw[u], raw[v]) for u, v in G.subgraph(core).edges]
    unit = float(np.median(lengths)) if lengths else 1.0
    pos = {v: (float(p[0]) * k / (unit or 1.0), float(p[1]) * k / (unit or 1.0)) for v, p in raw.items()}
    frontier = list(core)
    while frontier:  # each actor goes just beyond the placed actors it is tied to
        nxt = []
        for v in frontier:
            for w in G[v]:
                if w in pos:
                    continue
                placed = [pos[x] for x in G[w] if x in pos]
                cx = sum(p[0] for p in placed) / len(placed)
                cy = sum(p[1] for p in placed) / len(placed)
                ang = rng.uniform(0, 2 * math.pi)
                d = k * rng.uniform(0.5, 1.0)
                pos[w] = (cx + d * math.cos(ang), cy + d * math.sin(ang))
                nxt.append(w)
        frontier = nxt
    P = np.zeros((len(index), 2))
    for v, i in index.items():
        P[i] = pos[v]
    P -= P.mean(axis=0)
    spread = float(np.median(np.hypot(*P.T)))
    wanted = 0.7 * k * math.sqrt(len(P) / math.pi)  # about one actor per k by k square
    if spread < wanted:  # actors grown beside their ties crowd; start them no denser than that
        P *= wanted / max(spread, 1e-9)
    return P


def _forces(P, r, edges, k: float, steps: int):
    """Settle positions: edges pull to their length, near actors push apart, hubs get more room."""
    import numpy as np
    from scipy.spatial import cKDTree

    n = len(P)
    eu, ev = edges[:, 0], edges[:, 1]
    deg = np.bincount(np.concatenate([eu, ev]), minlength=n).astype(float)
    mass = np.sqrt(deg + 1.0)  # a hub's neighbours need room around it
    length = r[eu] + r[ev] + EDGE
    reach = 2.5 * k
    for step in range(steps):
        temp = k * (1.0 - step / steps) * 0.5 + 0.5
        F = np.zeros_like(P)
        pairs = cKDTree(P).query_pairs(reach, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            delta = P[i] - P[j]
            d = np.hypot(*delta.T)
            rim = np.maximum(d - r[i] - r[j], 0.05 * k)  # distance between the circles, not the centres
            f = (k * k * mass[i] * mass[j] / rim) * (1.0 - d / reach) / np.maximum(d, 1e-9)
            push = delta * f[:, None]
            F[:, 0] += np.bincount(i, push[:, 0], n) - np.bincount(j, push[:, 0], n)
            F[:, 1] += np.bincount(i, push[:, 1], n) - np.bincount(j, push[:, 1], n)
        delta = P[eu] - P[ev]
        d = np.maximum(np.hypot(*delta.T), 1e-9)
        pull = delta * ((d - length) / d)[:, None]  # pulls (or pushes) along the edge toward its length
        F[:, 0] += np.bincount(ev, pull[:, 0], n) - np.bincount(eu, pull[:, 0], n)
        F[:, 1] += np.bincount(ev, pull[:, 1], n) - np.bincount(eu, pull[:, 1], n)
        out = P - P.mean(axis=0)  # a little gravity holds the group together
        F -= out * (0.02 * k * mass / np.maximum(np.hypot(*out.T), 1e-9))[:, None]
        norm = np.maximum(np.hypot(*F.T), 1e-9)
        P = P + F * (np.minimum(norm, temp) / norm)[:, None]
    return P


def _separate(P, r, gap: float, rng):
    """Push apart every two circles closer than their radii plus ``gap``; then, if any pair is left,
    spread the whole drawing about its centre just enough to part them all."""
    import numpy as np

    n = len(P)
    for _ in range(200):
        i, j, d, need = _close_pairs(P, r, gap)
        bad = d < need
        if not bad.any():
            return P
        i, j, d, need = i[bad], j[bad], d[bad], need[bad]
        delta = P[i] - P[j]
        zero = d < 1e-6
        if zero.any():  # two actors on one point: part them in some direction
            ang = np.array([rng.uniform(0, 2 * math.pi) for _ in range(int(zero.sum()))])
            delta[zero] = np.c_[np.cos(ang), np.sin(ang)]
            d = np.where(zero, 1.0, d)
        # a pixel more than needed, so that jammed actors do not creep apart by ever smaller steps
        shift = delta * ((need + 1.0 - d * np.where(zero, 0.0, 1.0)) / 2 / d)[:, None]
        for c in (0, 1):
            P[:, c] += np.bincount(i, shift[:, c], n) - np.bincount(j, shift[:, c], n)
    i, j, d, need = _close_pairs(P, r, gap)
    bad = d < need
    if bad.any():
        factor = float(np.max(need[bad] / np.maximum(d[bad], 1e-6))) * 1.001
        centre = P.mean(axis=0)
        P = centre + (P - centre) * factor
    return P


def _group(G: nx.Graph, radius: Mapping, gap: float, seed: int):
    """One connected group's positions (an array in the order of ``nodes``) and its nodes."""
    import numpy as np

    nodes = sorted(G.nodes, key=str)
    index = {v: i for i, v in enumerate(nodes)}
    r = np.array([float(radius[v]) for v in nodes])
    if len(nodes) == 1:
        return nodes, np.zeros((1, 2)), r
    if len(nodes) == 2:
        half = (r[0] + r[1] + EDGE) / 2
        return nodes, np.array([[-half, 0.0], [half, 0.0]]), r
    k = float(np.median(r)) * 2 + EDGE
    P = _initial(G, index, k, seed)
    edges = np.array([(index[u], index[v]) for u, v in G.edges], dtype=int)
    P = _forces(P, r, edges, k, _STEPS)
    P = _separate(P, r, gap, random.Random(seed))
    return nodes, P, r


def layout(G: nx.Graph, radius: Mapping[Hashable, float], *, gap: float = GAP,
           seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Positions in pixels for every node of ``G``, drawn as a circle of ``radius[node]`` pixels:
    no two circles closer than ``gap``, each group laid out on its own, the groups packed in columns."""
    import numpy as np

    groups = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    margin = EDGE
    boxes = []
    for comp in groups:
        nodes, P, r = _group(G.subgraph(comp), radius, gap, seed)
        lo = (P - r[:, None]).min(axis=0)
        hi = (P + r[:, None]).max(axis=0)
        boxes.append((nodes, P - lo, hi - lo + margin))
    # the largest group first; the others in columns to its right, each column as tall as it
    # (screens are wider than tall)
    total = sum(float(w * h) for *_, (w, h) in boxes)
    height = max([float(boxes[0][2][1]), math.sqrt(total)]) if boxes else 0.0
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = col_w = 0.0
    placed = []
    for nodes, P, (w, h) in boxes:
        if y > 0 and y + h > height:
            x, y, col_w = x + col_w, 0.0, 0.0
        placed.append((nodes, P + np.array([x, y])))
        if not placed[1:]:  # the largest group takes a column of its own
            x += float(w)
            continue
        y += float(h)
        col_w = max(col_w, float(w))
    if not placed:
        return out
    every = np.vstack([P for _, P in placed])
    centre = (every.min(axis=0) + every.max(axis=0)) / 2
    for nodes, P in placed:
        for v, (px, py) in zip(nodes, P - centre):
            out[v] = (round(float(px), 1), round(float(py), 1))
    return out
