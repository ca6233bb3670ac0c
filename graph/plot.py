"""Pictures of the analysis: a pair's timeline and a centrality bar chart, as PNG, SVG or PDF.

Figures are drawn on matplotlib's Agg canvas without pyplot, so nothing depends on a display or
on global plotting state. In a notebook, ``IPython.display.Image(to_png(fig))`` shows one.
"""
from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

__all__ = ["IMAGE_TYPES", "plot_timeline", "plot_centrality", "save", "to_png"]

IMAGE_TYPES = (".png", ".svg", ".pdf")
COLOURS = {"cooperation": "#2a9d8f", "conflict": "#d62828"}
KIND_COLOURS = {"person": "#4c72b0", "country": "#dd8452", "former_state": "#937860", "organisation": "#55a868"}


def _new_figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def save(fig: Figure, path: str | os.PathLike[str]) -> Path:
    """Write a figure to ``path``; its suffix (.png, .svg or .pdf) picks the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in IMAGE_TYPES:
        raise ValueError(f"{path}: cannot draw a {suffix or 'suffix-less'} file; "
                         f"use one of {', '.join(IMAGE_TYPES)}")
    fig.savefig(path, format=suffix[1:])
    return path


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes (for notebooks, web pages and tests)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _start(when: str) -> date:
    text = str(when)
    if len(text) == 4:
        return date(int(text), 1, 1)
    if len(text) == 7:
        return date(int(text[:4]), int(text[5:7]), 1)
    return date.fromisoformat(text[:10])


def plot_timeline(rows: Sequence[dict], *, title: str | None = None,
                  path: str | os.PathLike[str] | None = None) -> Figure:
    """The running cooperation/conflict balance between two actors, one marker per event.

    ``rows`` is the result of :func:`graph.network.pair_timeline`. Markers are coloured by the
    relation's family and labelled with the relation; events with no date at all are left out
    (the subtitle says how many).
    """
    dated = []
    for r in rows:
        try:
            if r.get("when"):
                dated.append((_start(r["when"]), r))
        except ValueError:
            pass
    undated = len(rows) - len(dated)
    fig = _new_figure(9, 4.5)
    ax = fig.add_subplot()
    if title is None:
        pair = sorted({rows[0]["subject"], rows[0]["object"]}) if rows else []
        title = f"{pair[0]} and {pair[1]}: cooperation and conflict" if len(pair) == 2 else "Pair timeline"
    ax.set_title(title)
    ax.axhline(0, color="#888888", linewidth=0.8)
    if not dated:
        ax.text(0.5, 0.5, "no dated events between these actors", ha="center", va="center",
                transform=ax.transAxes, color="#666666")
        ax.set_yticks([])
        ax.set_xticks([])
    else:
        xs = [d for d, _ in dated]
        ys = [r["balance"] for _, r in dated]
        ax.step(xs, ys, where="post", color="#555555", linewidth=1.2, label="running balance")
        for family, colour in COLOURS.items():
            pts = [(d, r["balance"]) for d, r in dated if (r.get("family") or "cooperation") == family]
            if pts:
                ax.scatter([p[0] for p in pts], [p[1] for p in pts], color=colour, zorder=3, label=family)
        if len(dated) <= 30:
            for i, (d, r) in enumerate(dated):  # alternate above and below so neighbours do not overlap
                ax.annotate(r.get("relation") or r.get("predicate") or "", (d, r["balance"]),
                            textcoords="offset points", xytext=(5, 6 if i % 2 == 0 else -13), fontsize=7,
                            color="#333333")
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        if len(set(xs)) == 1:
            ax.set_xlim(xs[0].toordinal() - 30, xs[0].toordinal() + 30)
        ax.set_ylabel("running Goldstein balance")
        ax.legend(loc="best", fontsize=8)
        ax.grid(axis="y", alpha=0.3)
    if undated:
        ax.set_xlabel(f"{undated} event(s) without any date not shown")
    if path is not None:
        save(fig, path)
    return fig


def plot_centrality(rows: Sequence[dict], *, metric: str = "pagerank", top: int = 15,
                    title: str | None = None, path: str | os.PathLike[str] | None = None) -> Figure:
    """A horizontal bar chart of the most central actors, coloured by kind of actor.

    ``rows`` is the result of :func:`graph.network.centrality`; ``metric`` names the bar length.
    """
    if rows and metric not in rows[0]:
        raise ValueError(f"no metric {metric!r} in these rows; choose one of pagerank, degree, betweenness, articles")
    best = sorted(rows, key=lambda r: -r[metric])[:top]
    fig = _new_figure(8, max(2.5, 0.38 * len(best) + 1.2))
    ax = fig.add_subplot()
    ax.set_title(title or f"Most central actors by {metric}")
    if not best:
        ax.text(0.5, 0.5, "no actors in the network", ha="center", va="center", transform=ax.transAxes,
                color="#666666")
        ax.set_xticks([])
        ax.set_yticks([])
    else:
        best = best[::-1]
        ax.barh([r["actor"] for r in best], [r[metric] for r in best],
                color=[KIND_COLOURS.get(r.get("kind", ""), "#999999") for r in best])
        ax.set_xlabel(metric)
        kinds = [k for k in KIND_COLOURS if any(r.get("kind") == k for r in best)]
        ax.legend(handles=[Patch(color=KIND_COLOURS[k], label=k.replace("_", " ")) for k in kinds],
                  loc="lower right", fontsize=8)
    if path is not None:
        save(fig, path)
    return fig
