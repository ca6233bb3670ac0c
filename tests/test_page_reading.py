"""The graph page can be read: actors never overlap, labels are readable and never cross, focus on an
actor brings out its neighbours, and filters re-fit the view and the evidence panel.

The networks are generated (benchmarks/bench_view.py's synthetic records, networkx's generators), put
in a real store and written as the page; the browser tests read what vis-network itself reports in
headless Chromium: positions (``getPositions``), circles and node boxes (``getBoundingBox``), the
label boxes it draws, the zoom (``getScale``) and the state of the DataSet behind the drawing.
"""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest

from benchmarks.bench_view import synthetic
from benchmarks.bench_view import _fill as bulk_fill
from dipgraph.graph.layout import GAP, layout, overlapping
from dipgraph.graph.store import Store
from dipgraph.graph.view import build_page, write_page
from test_view import open_page, page_data


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Pages of 100 and 2,000 generated actors (every actor drawn), written once for this module."""
    tmp = tmp_path_factory.mktemp("reading")
    out = {}
    for n in (100, 2000):
        with Store(tmp / f"store{n}") as st:
            bulk_fill(st, synthetic(n), tmp / f"s{n}.nq")
            info = write_page(st, tmp / f"page{n}.html", max_nodes=n)
        out[n] = info.path
    return out


def circles(data: dict) -> tuple[dict, dict]:
    return ({n["id"]: (n["x"], n["y"]) for n in data["nodes"]}, {n["id"]: n["size"] for n in data["nodes"]})


# -- the layout, in Python ----------------------------------------------------------------------------

@pytest.mark.parametrize("n", [100, 500, 2000])
def test_no_two_actors_overlap_in_the_written_page(tmp_path, n):
    with Store(tmp_path / "st") as st:
        bulk_fill(st, synthetic(n), tmp_path / "s.nq")
        data = page_data(build_page(st, max_nodes=n))
    assert len(data["nodes"]) > 0.9 * n
    pos, size = circles(data)
    assert overlapping(pos, size) == []
    # and room for a line of label between any two circles (positions are rounded to 0.1 px)
    assert overlapping(pos, size, GAP - 0.5) == []


@pytest.mark.parametrize("G", [
    nx.star_graph(300),  # one hub with many ties: its neighbours crowd around it
    nx.complete_graph(40),  # everyone tied to everyone
    nx.barabasi_albert_graph(1500, 2, seed=4),
    nx.disjoint_union_all([nx.path_graph(3)] * 50 + [nx.empty_graph(1)] * 20),  # many small groups
], ids=["star", "complete", "scale-free", "small-groups"])
def test_layout_keeps_circles_apart_whatever_the_shape(G):
    radius = {v: 10 + 7 * math.log2(1 + G.degree(v)) for v in G}
    pos = layout(G, radius)
    assert set(pos) == set(G)
    assert overlapping(pos, radius, GAP - 0.5) == []


def test_overlapping_finds_what_overlaps():
    pos = {"a": (0, 0), "b": (15, 0), "c": (100, 0), "d": (0, 30)}
    assert sorted(overlapping(pos, {"a": 10, "b": 10, "c": 10, "d": 10})) == [("a", "b")]
    assert sorted(overlapping(pos, {"a": 10, "b": 10, "c": 10, "d": 10}, gap=12)) == [("a", "b"), ("a", "d")]


# -- in the browser -----------------------------------------------------------------------------------

SETTLED = "() => window.dipgraph && dipgraph.ready && dipgraph.labelsSettled()"

# What vis-network reports: every drawn actor's circle (position and size), which labels it draws
# (a label's font on the screen is at least drawThreshold - 1 = 4 px), their boxes as it draws them
# (the label module's box; getBoundingBox stops half a line short of the text), the node boxes, and
# which actors are in the view.
DRAWING = """() => {
  const net = dipgraph.network, scale = net.getScale(), g = document.getElementById('graph');
  const ids = dipgraph.nodesView.getIds(), pos = net.getPositions(ids), out = [];
  for (const id of ids) {
    const item = dipgraph.nodes.get(id), body = net.body.nodes[id], lab = body.labelModule.size;
    const dom = net.canvasToDOM(pos[id]);
    const font = (item.font && item.font.size) || 0;
    out.push({id, x: pos[id].x, y: pos[id].y, r: body.options.size, w: item.w, label: item.label,
              px: font * scale, labelled: font * scale >= 4,
              inView: dom.x >= 0 && dom.y >= 0 && dom.x <= g.clientWidth && dom.y <= g.clientHeight,
              dom: [dom.x, dom.y], box: net.getBoundingBox(id),
              lbox: [lab.left, lab.top, lab.left + lab.width, lab.top + lab.height]});
  }
  return {scale, nodes: out, width: g.clientWidth, height: g.clientHeight};
}"""


# The label box vis-network would draw for each of these unnamed actors, at the size the page gives
# that actor's label; each is drawn for a moment and hidden again.
WOULD_BE = """(ids) => {
  const net = dipgraph.network, scale = net.getScale(), out = {};
  for (const id of ids) {
    dipgraph.nodes.update({id, font: {size: dipgraph.labelSize(id) / scale}});
    net.redraw();
    const lab = net.body.nodes[id].labelModule.size;
    out[id] = [lab.left, lab.top, lab.left + lab.width, lab.top + lab.height];
    dipgraph.nodes.update({id, font: {size: 0}});
  }
  net.redraw();
  return out;
}"""


def drawing(page) -> dict:
    page.wait_for_function(SETTLED, timeout=30_000)
    return page.evaluate(DRAWING)


def overlapping_circles(nodes: list[dict]) -> list[tuple[int, int]]:
    return overlapping({n["id"]: (n["x"], n["y"]) for n in nodes}, {n["id"]: n["r"] for n in nodes})


def crossing(boxes: dict[int, list[float]]) -> list[tuple[int, int]]:
    """Pairs of boxes [left, top, right, bottom] that share some area."""
    items = sorted(boxes.items(), key=lambda kv: kv[1][0])
    out = []
    for i, (a, ba) in enumerate(items):
        for b, bb in items[i + 1:]:
            if bb[0] >= ba[2]:
                break
            if ba[1] < bb[3] and bb[1] < ba[3]:
                out.append((a, b))
    return out


ROOM = 3.0  # px on the screen the page keeps free around each label


def padded(boxes: dict, scale: float, room: float = ROOM) -> dict:
    """The boxes (canvas units) widened by ``room`` screen pixels on every side."""
    m = room / scale
    return {k: [b[0] - m, b[1] - m, b[2] + m, b[3] + m] for k, b in boxes.items()}


def labelled(d: dict) -> list[dict]:
    return [n for n in d["nodes"] if n["labelled"]]


@pytest.mark.browser
@pytest.mark.parametrize("n", [100, 2000])
def test_first_sight_actors_apart_and_labels_readable(browser, pages, n):
    events: dict = {}
    ctx, page = open_page(browser, pages[n], events)
    try:
        d = drawing(page)
        nodes = d["nodes"]
        data = page.evaluate("dipgraph.data.nodes.map(n => [n.id, n.x, n.y])")
        assert len(nodes) == len(data) > 0.9 * n
        assert overlapping_circles(nodes) == []
        # the browser kept the laid-out positions (physics is off after load; getPositions gives whole pixels)
        page.wait_for_timeout(500)
        now = {m["id"]: (m["x"], m["y"]) for m in drawing(page)["nodes"]}
        assert all(abs(now[i][0] - x) <= 1 and abs(now[i][1] - y) <= 1 for i, x, y in data)

        shown = labelled(d)
        assert shown, "some labels at first sight"
        assert all(m["inView"] for m in nodes), "the first fit shows every actor"
        assert min(m["px"] for m in shown) >= 11.9 and max(m["px"] for m in shown) <= 17.1, \
            "labels are 12 to 17 px on the screen"
        assert crossing({m["id"]: m["lbox"] for m in shown}) == [], "no label drawn over another"
        assert crossing(padded({m["id"]: m["lbox"] for m in shown}, d["scale"], ROOM - 0.1)) == [], \
            "labels keep a few pixels apart"
        # the most important actors are named first
        top = max(nodes, key=lambda m: (m["w"], -m["id"]))
        assert top["labelled"]
        # an actor in view goes unnamed only where its label would cross the label of an actor at
        # least as important (its box read from vis-network with the label drawn for a moment)
        hidden = [m for m in nodes if not m["labelled"] and m["inView"]][:40]
        boxes = page.evaluate(WOULD_BE, [m["id"] for m in hidden])
        weight = {m["id"]: m["w"] for m in nodes}
        for m in hidden:
            over = crossing(padded({m["id"]: boxes[str(m["id"])], **{s["id"]: s["lbox"] for s in shown}},
                                   d["scale"]))
            assert [o for pair in over for o in pair if o != m["id"] and weight[o] >= m["w"]], m["label"]
        # a labelled actor's box, as vis-network gives it, holds its circle and starts its label
        for m in shown[:20]:
            b = m["box"]
            assert b["left"] <= m["x"] - m["r"] and b["right"] >= m["x"] + m["r"]
            assert b["bottom"] > m["y"] + m["r"] and m["lbox"][1] >= m["y"] + m["r"]
    finally:
        ctx.close()
    assert events["errors"] == []


@pytest.mark.browser
def test_zooming_in_names_every_actor_in_view(browser, pages):
    ctx, page = open_page(browser, pages[100], {})
    try:
        first = drawing(page)
        share = [len(labelled(first)) / len(first["nodes"])]
        top = max(first["nodes"], key=lambda m: (m["w"], -m["id"]))
        for factor in (3, 10):  # the mouse wheel over the most important actor
            while page.evaluate("dipgraph.network.getScale()") < first["scale"] * factor:
                at = page.evaluate("(id) => dipgraph.network.canvasToDOM(dipgraph.network.getPosition(id))", top["id"])
                g = page.evaluate("(() => { const r = document.getElementById('graph').getBoundingClientRect(); return [r.left, r.top]; })()")
                page.mouse.move(g[0] + at["x"], g[1] + at["y"])
                page.mouse.wheel(0, -200)
            d = drawing(page)
            in_view = [m for m in d["nodes"] if m["inView"]]
            share.append(sum(m["labelled"] for m in in_view) / len(in_view))
            assert crossing({m["id"]: m["lbox"] for m in labelled(d)}) == []
            assert all(11.9 <= m["px"] <= 17.1 for m in labelled(d)), "labels keep their size on the screen"
        assert share[0] < share[1] <= share[2] == 1.0, share
    finally:
        ctx.close()


def neighbours(page, node: int) -> set[int]:
    return set(page.evaluate("""(id) => dipgraph.data.edges.filter(e => dipgraph.visibleEdgeIds().includes(e.id)
                                 && (e.from === id || e.to === id)).flatMap(e => [e.from, e.to])""", node)) | {node}


def dimmed(page) -> tuple[set[int], set[int], set[int]]:
    """(dimmed actors, actors not dimmed, dimmed relations) as the DataSet behind the drawing holds them."""
    nodes = page.evaluate("dipgraph.nodesView.get().map(n => [n.id, n.dim, n.color.background])")
    edges = page.evaluate("dipgraph.edgesView.get().map(e => [e.id, e.dim, e.color.opacity])")
    for _, dim, bg in nodes:
        assert dim == bg.startswith("rgba("), "a dimmed actor is drawn pale, the others in their colour"
    for _, dim, opacity in edges:
        assert dim == (opacity < 0.2)
    return ({i for i, dim, _ in nodes if dim}, {i for i, dim, _ in nodes if not dim},
            {i for i, dim, _ in edges if dim})


def click_at(page, x: float, y: float) -> None:
    g = page.evaluate("(() => { const r = document.getElementById('graph').getBoundingClientRect(); return [r.left, r.top]; })()")
    page.mouse.click(g[0] + x, g[1] + y)


@pytest.mark.browser
def test_focus_on_an_actor_and_its_neighbours(browser, pages):
    ctx, page = open_page(browser, pages[100], {})
    try:
        d = drawing(page)
        assert dimmed(page)[0] == set()
        # the actor with most ties, clicked where vis-network draws it
        node = max(d["nodes"], key=lambda m: (len(neighbours(page, m["id"])), -m["id"]))
        click_at(page, *node["dom"])
        near = neighbours(page, node["id"])
        dim_nodes, lit, dim_edges = dimmed(page)
        assert lit == near and len(dim_nodes) == len(d["nodes"]) - len(near) > 0
        incident = set(page.evaluate("(id) => dipgraph.edgesView.get().filter(e => e.from === id || e.to === id).map(e => e.id)",
                                     node["id"]))
        assert dim_edges == set(page.evaluate("dipgraph.edgesView.getIds()")) - incident
        assert page.locator("#panel h3").inner_text() == node["label"]
        after = drawing(page)
        names = {m["id"] for m in labelled(after)}
        assert node["id"] in names and names <= near, "only the focused actors are named"
        assert crossing({m["id"]: m["lbox"] for m in labelled(after)}) == []

        page.keyboard.press("Escape")
        assert dimmed(page)[0] == set() and dimmed(page)[2] == set()

        click_at(page, *node["dom"])
        assert dimmed(page)[1] == near
        # a click where no actor or relation is drawn clears it
        empty = page.evaluate("""() => {
          const net = dipgraph.network, g = document.getElementById('graph');
          for (let y = 5; y < g.clientHeight; y += 10) for (let x = 5; x < g.clientWidth; x += 10) {
            if (net.getNodeAt({x, y}) === undefined && net.getEdgeAt({x, y}) === undefined) return [x, y];
          }
          return null;
        }""")
        click_at(page, *empty)
        assert dimmed(page)[0] == set()

        # finding an actor focuses it too
        other = next(m for m in d["nodes"] if m["id"] not in near)
        page.fill("#search", other["label"])
        page.press("#search", "Enter")
        assert dimmed(page)[1] == neighbours(page, other["id"])
        page.keyboard.press("Escape")
        assert dimmed(page)[0] == set()
    finally:
        ctx.close()


@pytest.mark.browser
def test_filters_refit_the_view_and_the_panel_follows_them(browser, pages):
    ctx, page = open_page(browser, pages[2000], {})
    try:
        before = drawing(page)
        # the actor with the most events in the panel
        node = page.evaluate("""() => {
          const count = {};
          dipgraph.data.edges.forEach(e => { count[e.from] = (count[e.from] || 0) + e.ev.length;
                                             count[e.to] = (count[e.to] || 0) + e.ev.length; });
          return +Object.keys(count).sort((a, b) => count[b] - count[a])[0];
        }""")
        page.evaluate("(id) => dipgraph.showNode(id)", node)
        listed = page.evaluate("Array.from(document.querySelectorAll('#panel li[data-event]')).map(li => +li.dataset.event)")
        assert listed

        # keep the later half of the dates
        ticks = int(page.locator("#date-from").get_attribute("max"))
        page.locator("#date-from").fill(str(ticks // 2))
        after = drawing(page)
        lo = page.evaluate("dipgraph.data.ticks[+document.getElementById('date-from').value][0]")
        hi = page.evaluate("dipgraph.data.ticks[+document.getElementById('date-to').value][0]")
        shown = page.evaluate("Array.from(document.querySelectorAll('#panel li[data-event]')).map(li => +li.dataset.event)")
        events = page.evaluate("(ids) => ids.map(i => dipgraph.data.events[i])", shown)
        assert shown and len(shown) < len(listed), "the panel drops the events outside the dates"
        for ev in events:
            assert ev[5] is None or (ev[6] >= lo and ev[5] <= hi), f"{ev[4]} is outside the chosen dates"
        assert page.locator("#panel .filtered").count() >= 1, "the panel says some relations are hidden"

        # the view fits what is left: every actor shown is in view, and they fill it
        assert len(after["nodes"]) < len(before["nodes"])
        assert all(m["inView"] for m in after["nodes"])
        xs = [m["dom"][0] for m in after["nodes"]]
        ys = [m["dom"][1] for m in after["nodes"]]
        assert max((max(xs) - min(xs)) / after["width"], (max(ys) - min(ys)) / after["height"]) > 0.75
        assert overlapping_circles(after["nodes"]) == []
        assert crossing({m["id"]: m["lbox"] for m in labelled(after)}) == []

        # one relation only: a smaller network, fitted again, and the panel lists only that relation
        page.click("#rel-none")
        rel = page.evaluate("dipgraph.data.relations[0].name")
        page.check(f"input[data-relation={rel}]")
        only = drawing(page)
        assert 0 < len(only["nodes"]) < len(after["nodes"])
        assert only["scale"] != after["scale"]
        assert all(m["inView"] for m in only["nodes"])
        preds = page.evaluate("(ids) => ids.map(i => dipgraph.data.events[i][1])",
                              page.evaluate("Array.from(document.querySelectorAll('#panel li[data-event]')).map(li => +li.dataset.event)"))
        assert set(preds) <= {rel}
    finally:
        ctx.close()


# -- the README's pictures ----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def _screenshots_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_readme_shows_the_pictures_and_how_to_make_them():
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in ("page.png", "page-focus.png"):
        assert f"(docs/img/{name})" in readme
        assert 10_000 < (ROOT / "docs" / "img" / name).stat().st_size < 300_000
    assert "`.venv/bin/python docs/screenshots.py`" in readme


@pytest.mark.browser
def test_screenshot_script_photographs_the_page(chromium_path, tmp_path):
    from PIL import Image

    from test_view import seed_like

    with Store(tmp_path / "st") as st:
        for ex in seed_like():
            st.put(ex)
        info = write_page(st, tmp_path / "graph.html")
    shots = _screenshots_module().shoot(info.path, tmp_path / "img", focus="Russia")
    assert [s.name for s in shots] == ["page.png", "page-focus.png"]
    for shot in shots:
        assert shot.stat().st_size < 300_000
        with Image.open(shot) as im:
            assert im.size == (1280, 760)
    first, focused = (Image.open(s).convert("RGB").tobytes() for s in shots)
    assert first != focused, "the focus shows"
