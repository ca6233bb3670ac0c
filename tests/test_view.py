"""The graph page: offline, safe with hostile article text, filters, encoding and the CLI verb.

Stores are real Oxigraph stores filled through Store.put from hand-made records that mirror the
seed article; the browser tests open the written file in headless Chromium with no network.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dipgraph.graph.network import to_networkx
from dipgraph.graph.records import Actor, Article, Event, Extraction, Role
from dipgraph.graph.store import Store
from dipgraph.graph.view import (FAMILY_COLOURS, KIND_COLOURS, PageInfo, ViewError, build_page, show,
                        write_page)

ROOT = Path(__file__).resolve().parent.parent
DIPGRAPH = str(Path(sys.executable).with_name("dipgraph"))

LAVROV = Actor("person", "Sergey Lavrov")
CHOE = Actor("person", "Choe Sun-hui")
PUTIN = Actor("person", "Vladimir Putin")
KIM = Actor("person", "Kim Jong-un")
RUSSIA = Actor("country", "Russia", "RUS")
NK = Actor("country", "North Korea", "PRK")
USSR = Actor("former_state", "Soviet Union", "SUN")
US = Actor("country", "United States", "USA")
UKRAINE = Actor("country", "Ukraine", "UKR")
UN = Actor("organisation", "United Nations")
LOOSE = Actor("person", "Jane Analyst")  # represents no country

MEETING = ("Lavrov said at the start of his meeting with his North Korean counterpart Choe Sun-hui "
           "in Pyongyang, according to the Russian state news agency Tass.")
SEED_TITLE = "Moscow-Pyongyang ties reach 'new, strategic level': Lavrov"


def seed_like() -> list[Extraction]:
    """The seed article's relations as records, and a second article that repeats some of them."""
    seed = Article(text="(seed)", title=SEED_TITLE, id="efe-2023-10-19-lavrov-choe",
                   published=date(2023, 10, 19), source="EFE")
    ev = (
        Event("met", LAVROV, CHOE, date="2023-10-19", sentence=MEETING),
        Event("visited", LAVROV, NK, date="2023-10-18",
              sentence="Lavrov arrived in Pyongyang on Wednesday for a two-day visit."),
        Event("met", PUTIN, KIM, date="2023-09-13",
              sentence="After the landmark summit between President Putin and North Korean leader Kim Jong-un."),
        Event("recognized", USSR, NK, date="1948-10-12",
              sentence="The former Soviet Union became the first country to recognize North Korea."),
        Event("aided", RUSSIA, NK, modality="reported",
              sentence="Moscow helped North Korea develop its national economy, Tass said."),
        Event("suppliedArmsTo", NK, RUSSIA, modality="reported", claimed_by=US,
              sentence="The United States said North Korea has delivered military equipment to Russia."),
        Event("cooperatedWith", RUSSIA, NK, date="2023-10-19",
              sentence="Relations between Moscow and Pyongyang have reached a new, strategic level."),
        Event("supported", KIM, RUSSIA, modality="hedged",
              sentence="Kim could have agreed to support Moscow's war in Ukraine."),
        Event("attacked", RUSSIA, UKRAINE, sentence="Moscow's war in Ukraine."),
        Event("met", LAVROV, KIM, modality="negated", sentence="Lavrov did not meet Kim Jong-un."),
    )
    roles = (Role(LAVROV, RUSSIA, "Foreign Minister"), Role(CHOE, NK, "Foreign Minister"),
             Role(PUTIN, RUSSIA, "President"), Role(KIM, NK, "leader"))
    later = Article(text="(later)", title="UN condemns arms deliveries", id="later-2023-11",
                    published=date(2023, 11, 2))
    ev2 = (
        Event("criticized", UN, NK, date="2023-11", sentence="The UN condemned the deliveries."),
        Event("sanctioned", US, RUSSIA, date="2023-11-02", sentence="Washington imposed new sanctions on Moscow."),
        Event("cooperatedWith", NK, RUSSIA, date="2023-11", sentence="Pyongyang and Moscow deepened cooperation."),
        Event("met", CHOE, LAVROV, date="2023-11-01", sentence="Choe met Lavrov again in Moscow."),
        Event("met", LOOSE, LAVROV, date="2023-11-01", sentence="An analyst met Lavrov."),
    )
    return [Extraction(seed, ev, roles), Extraction(later, ev2, roles[:2])]


IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
HREF = '<a href="javascript:alert(3)">click</a>'


def hostile() -> list[Extraction]:
    """An article whose actors, title and sentences carry script payloads."""
    evil = Actor("person", IMG)
    org = Actor("organisation", SCRIPT)
    linky = Actor("person", HREF)
    art = Article(text="(hostile)", title=SCRIPT, id="hostile-1", published=date(2024, 1, 2),
                  url="javascript:alert(4)")
    return [Extraction(art, (
        Event("met", evil, LAVROV, date="2024-01-02", sentence="</script><script>alert(5)</script> " + IMG),
        Event("criticized", org, linky, date="2024-01", sentence=HREF),
    ), ())]


def fill(path: Path, extractions: list[Extraction]) -> Path:
    with Store(path) as st:
        for ex in extractions:
            st.put(ex)
    return path


@pytest.fixture
def seed_store(store):
    for ex in seed_like():
        store.put(ex)
    return store


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="dipgraph-data">(.*?)</script>', page, re.S)
    assert m, "the page carries its data"
    return json.loads(m[1])


def labels(data: dict) -> set[str]:
    return {n["label"] for n in data["nodes"]}


def edges_by(data: dict) -> dict[tuple[str, str, str], dict]:
    name = {n["id"]: n["label"] for n in data["nodes"]}
    return {(name[e["from"]], e["pred"], name[e["to"]]): e for e in data["edges"]}


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <style> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parse(page: str) -> Tags:
    p = Tags()
    p.feed(page)
    p.close()
    return p


# -- the page as a file ------------------------------------------------------------------------------

def test_page_loads_nothing_from_other_hosts(seed_store):
    page = build_page(seed_store)
    tags = parse(page)
    links = [(t, k, v) for t, a in tags.tags for k, v in a.items()
             if k in ("src", "href", "srcset", "action", "poster", "data", "formaction", "xlink:href")]
    assert links == [], "no element may load or link anything"
    assert not [t for t, _ in tags.tags if t in ("link", "iframe", "object", "embed", "base")]
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", "".join(tags.styles))
    assert urls and all(u.startswith("data:") for u in urls), "CSS images are inlined as data: URLs"
    assert "sourceMappingURL" not in page
    scripts = [a for t, a in tags.tags if t == "script"]
    assert len(scripts) == 3 and all("src" not in a for a in scripts)
    assert "vis.Network" in page, "vis-network is inlined"


def test_hostile_text_is_data_not_markup(store):
    for ex in hostile():
        store.put(ex)
    page = build_page(store, title=IMG)
    tags = parse(page)
    assert not [t for t, _ in tags.tags if t in ("img", "a", "iframe")]
    assert not [(t, k) for t, a in tags.tags for k in a if k.startswith("on")]
    assert [t for t, _ in tags.tags].count("script") == 3
    assert IMG not in page and SCRIPT not in page and HREF not in page
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in page
    data = page_data(page)
    assert {IMG, SCRIPT, HREF} <= labels(data)
    assert data["articles"][0]["t"] == SCRIPT
    assert any(IMG in ev[7] for ev in data["events"])


# -- what the page draws ------------------------------------------------------------------------------

def test_all_actors_with_their_relations_and_evidence(seed_store):
    data = page_data(build_page(seed_store))
    assert {"Sergey Lavrov", "Choe Sun-hui", "Russia", "North Korea", "Vladimir Putin",
            "Kim Jong-un", "Soviet Union"} <= labels(data)
    edges = edges_by(data)
    met = [e for (s, p, o), e in edges.items() if p == "met" and {s, o} == {"Sergey Lavrov", "Choe Sun-hui"}]
    assert len(met) == 1, "a symmetric relation told twice is one edge"
    assert met[0]["n"] == 2
    sentences = [data["events"][i][7] for i in met[0]["ev"]]
    assert MEETING in sentences
    titles = [data["articles"][data["events"][i][8]]["t"] for i in met[0]["ev"]]
    assert SEED_TITLE in titles
    assert not [k for k in edges if k[1] == "met" and {k[0], k[2]} == {"Sergey Lavrov", "Kim Jong-un"}], \
        "negated events are hidden"
    assert any("negated" in n for n in data["notes"])


def test_encoding_of_kinds_families_articles_and_modality(seed_store):
    data = page_data(build_page(seed_store))
    node = {n["label"]: n for n in data["nodes"]}
    assert node["Sergey Lavrov"]["color"]["background"] == KIND_COLOURS["person"]
    assert node["Russia"]["color"]["background"] == KIND_COLOURS["country"]
    assert node["Soviet Union"]["color"]["background"] == KIND_COLOURS["former_state"]
    assert node["United Nations"]["color"]["background"] == KIND_COLOURS["organisation"]
    assert node["Sergey Lavrov"]["n"] == 2 and node["Vladimir Putin"]["n"] == 1
    assert node["Sergey Lavrov"]["size"] > node["Vladimir Putin"]["size"]
    e = edges_by(data)
    assert e[("United States", "sanctioned", "Russia")]["color"]["color"] == FAMILY_COLOURS["conflict"]
    coop = next(v for k, v in e.items() if k[1] == "cooperatedWith")
    assert coop["color"]["color"] == FAMILY_COLOURS["cooperation"]
    assert coop["width"] > e[("Sergey Lavrov", "visited", "North Korea")]["width"]
    assert e[("Russia", "aided", "North Korea")]["dashes"] and e[("Russia", "aided", "North Korea")]["mod"] == "reported"
    assert e[("Kim Jong-un", "supported", "Russia")]["mod"] == "hedged"
    assert e[("Sergey Lavrov", "visited", "North Korea")]["dashes"] is False
    assert e[("Sergey Lavrov", "visited", "North Korea")]["arrows"]["to"]["enabled"]
    assert not coop["arrows"]["to"]["enabled"], "symmetric relations have no arrow"
    xs = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xs) == len(data["nodes"]), "every actor has its own position"


def test_country_level_draws_people_as_their_country(seed_store):
    data = page_data(build_page(seed_store, level="country"))
    assert labels(data) == {"Russia", "North Korea", "Soviet Union", "United States", "Ukraine",
                            "United Nations"}
    edges = edges_by(data)
    met = [e for (s, p, o), e in edges.items() if p == "met"]
    assert len(met) == 1 and {data["nodes"][met[0]["from"]]["label"], data["nodes"][met[0]["to"]]["label"]} \
        == {"Russia", "North Korea"}
    assert MEETING in [data["events"][i][7] for i in met[0]["ev"]]
    assert "Sergey Lavrov" in data["names"], "the evidence still names the people"
    assert any("no known country" in n for n in data["notes"])


def test_person_level_draws_people_only(seed_store):
    data = page_data(build_page(seed_store, level="person"))
    assert labels(data) == {"Sergey Lavrov", "Choe Sun-hui", "Vladimir Putin", "Kim Jong-un", "Jane Analyst"}


def test_filters(seed_store):
    only_met = page_data(build_page(seed_store, relations=["met"]))
    assert {e["pred"] for e in only_met["edges"]} == {"met"}
    assert [r["name"] for r in only_met["relations"]] == ["met"]
    both = page_data(build_page(seed_store, relations=["met,dip:visited"]))
    assert {e["pred"] for e in both["edges"]} == {"met", "visited"}

    # events the seed article does not date count at its publication date (2023-10-19), as in analyze
    autumn = page_data(build_page(seed_store, since="2023-10", until="2023-10-31"))
    assert {e["pred"] for e in autumn["edges"]} == {"met", "visited", "cooperatedWith", "aided",
                                                    "suppliedArmsTo", "supported", "attacked"}
    aided = edges_by(autumn)[("Russia", "aided", "North Korea")]
    assert [autumn["events"][i][4] for i in aided["ev"]] == ["2023-10-19"]
    assert [autumn["events"][i][9] for i in aided["ev"]] == [0], "placed at publication, not dated by the text"
    assert not any("no date" in n for n in autumn["notes"])
    old = page_data(build_page(seed_store, until=date(1950, 1, 1)))
    assert labels(old) == {"Soviet Union", "North Korea"}

    ego = page_data(build_page(seed_store, actor="choe sun-hui", depth=1))
    assert labels(ego) == {"Choe Sun-hui", "Sergey Lavrov"}
    assert labels(page_data(build_page(seed_store, actor="Choe", depth=1))) == labels(ego), "part of one name"
    ego2 = page_data(build_page(seed_store, actor="Choe Sun-hui", depth=2))
    assert labels(ego2) == {"Choe Sun-hui", "Sergey Lavrov", "North Korea", "Jane Analyst"}

    strong = page_data(build_page(seed_store, min_articles=2))
    assert sorted(e["pred"] for e in strong["edges"]) == ["cooperatedWith", "met"]

    capped = page_data(build_page(seed_store, max_nodes=3))
    assert len(capped["nodes"]) == 3
    assert {"Russia", "North Korea"} <= labels(capped), "the most connected actors are kept"
    assert any("beyond the 3 drawn" in n for n in capped["notes"])

    # an event with neither its own date nor a publication date is outside any window, and said so
    undated = Article(text="(undated)", title="Undated wire", id="undated-wire")
    seed_store.put(Extraction(undated, (Event("met", UN, UKRAINE, sentence="The UN met Ukraine."),), ()))
    assert ("United Nations", "met", "Ukraine") in edges_by(page_data(build_page(seed_store)))
    window = page_data(build_page(seed_store, since="2020"))
    assert ("United Nations", "met", "Ukraine") not in edges_by(window)
    assert "1 event(s) with no date, nor a publication date, outside any date range" in window["notes"]


@pytest.mark.parametrize("kwargs, message", [
    ({"relations": ["befriended"]}, "unknown relation 'befriended'"),
    ({"actor": "Napoleon"}, "no actor 'Napoleon'"),
    ({"actor": "Rusia"}, "close matches: Russia"),
    ({"actor": "Russia", "level": "person"}, "draws only people"),
    ({"since": "19 October"}, "not a date"),
    ({"since": "2024", "until": "2023"}, "is after"),
    ({"level": "city"}, "unknown level"),
    ({"max_nodes": 0}, "--max-nodes"),
    ({"actor": "Ukraine", "relations": ["met"]}, "no relations that match"),
])
def test_bad_filters_say_what_is_wrong(seed_store, kwargs, message):
    with pytest.raises(ViewError, match=re.escape(message)):
        build_page(seed_store, **kwargs)


def test_write_page_and_notebook_display(seed_store, tmp_path):
    info = write_page(seed_store, tmp_path / "g.html", max_nodes=4)
    assert isinstance(info, PageInfo)
    assert info.path.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert (info.nodes, info.omitted) == (4, 7)
    assert info.edges == len(page_data(info.path.read_text("utf-8"))["edges"])
    shown = show(seed_store, level="country")
    markup = shown.data
    assert "<iframe srcdoc=" in markup and 'sandbox="allow-scripts"' in markup
    assert "<script" not in markup, "the page is an attribute value, escaped"


def test_empty_store_gives_an_empty_page(store):
    data = page_data(build_page(store))
    assert data["nodes"] == [] and data["edges"] == []


@pytest.mark.parametrize("filters", [
    {}, {"level": "country"}, {"level": "person"}, {"relations": "met,visited"}, {"relations": ["conflict"]},
    {"since": "2023-10", "until": "2023-10-31"}, {"level": "country", "until": "1950"},
])
def test_the_page_draws_the_network_the_analyses_use(seed_store, filters):
    """One projection: under the same filters the page holds the actors and events of to_networkx."""
    data = page_data(build_page(seed_store, **filters))
    G = to_networkx(seed_store, include_hedged=True, include_future=True, **filters)
    assert labels(data) == {d["label"] for _, d in G.nodes(data=True)}
    assert sum(len(e["ev"]) for e in data["edges"]) == G.number_of_edges() == len(data["events"])


# -- the command line ---------------------------------------------------------------------------------

def run(*args, cwd=None):
    return subprocess.run([DIPGRAPH, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_cli_view_writes_the_page_and_says_what_was_left_out(tmp_path):
    st = fill(tmp_path / "st", seed_like())
    out = tmp_path / "g.html"
    r = run("view", "--store", str(st), "-o", str(out), "--level", "country", "--relation", "met",
            "--relation", "cooperatedWith", "--since", "2023")
    assert r.returncode == 0, r.stderr
    assert f"wrote {out}: 2 actors, 2 relations" in r.stdout
    assert "left out: 1 person who represents no known country" in r.stderr
    data = page_data(out.read_text("utf-8"))
    assert labels(data) == {"Russia", "North Korea"}

    r = run("view", "--store", str(st), "-o", str(out), "--max-nodes", "2")
    assert r.returncode == 0 and "less connected actor(s) beyond the 2 drawn" in r.stderr


@pytest.mark.parametrize("args, message", [
    (["--relation", "hugged"], "unknown relation 'hugged'"),
    (["--actor", "Nobody Atall"], "no actor 'Nobody Atall'"),
    (["--since", "yesterday"], "not a date"),
    (["--depth", "3"], "--depth needs --actor"),
    (["-o", "/nonexistent-dir/g.html"], "cannot write the page"),
])
def test_cli_view_bad_input(tmp_path, args, message):
    st = fill(tmp_path / "st", seed_like())
    r = run("view", "--store", str(st), *args, cwd=tmp_path)
    assert r.returncode != 0
    assert message in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_cli_view_and_analyze_read_the_options_alike(tmp_path):
    """--level, --relation (repeated or a list) and --since mean the same in view and analyze."""
    st = fill(tmp_path / "st", seed_like())
    out = tmp_path / "g.html"
    filters = ["--level", "person", "--since", "2023-10", "--relation", "met", "--relation", "visited,supported"]
    r = run("view", "--store", str(st), "-o", str(out), *filters)
    assert r.returncode == 0, r.stderr
    a = run("analyze", "--store", str(st), "--json", "--hedged", "--future", *filters)
    assert a.returncode == 0, a.stderr
    drawn = labels(page_data(out.read_text("utf-8")))
    assert drawn == {row["actor"] for row in json.loads(a.stdout)["centrality"]} == \
        {"Sergey Lavrov", "Choe Sun-hui", "Jane Analyst"}
    b = run("analyze", "--store", str(st), "--json", "--hedged", "--future", "--level", "person",
            "--since", "2023-10", "--relations", "met,visited,supported")
    assert json.loads(b.stdout) == json.loads(a.stdout)


def test_cli_view_missing_store(tmp_path):
    r = run("view", "--store", str(tmp_path / "none"), cwd=tmp_path)
    assert r.returncode != 0 and "no store here" in r.stderr and "Traceback" not in r.stderr


# -- in a real browser --------------------------------------------------------------------------------

def open_page(browser, path: Path, events: dict):
    """Open the file in a fresh offline context where every request but the file itself is refused."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 850}, offline=True)
    page = ctx.new_page()
    url = path.resolve().as_uri()
    events.setdefault("requests", [])
    events.setdefault("errors", [])
    events.setdefault("dialogs", [])
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page.on("request", lambda req: events["requests"].append(req.url))
    page.on("pageerror", lambda exc: events["errors"].append(str(exc)))

    def dialog(d):
        events["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(url)
    page.wait_for_function("() => window.dipgraph && window.dipgraph.ready", timeout=30_000)
    return ctx, page


def node_ids(page) -> dict[str, int]:
    return page.evaluate("Object.fromEntries(dipgraph.data.nodes.map(n => [n.label, n.id]))")


def drawn_labels(page) -> set[str]:
    """Labels of the actors that are in the drawing and inside the visible canvas."""
    return set(page.evaluate("""() => {
        const g = document.getElementById('graph').getBoundingClientRect();
        const net = dipgraph.network;
        return dipgraph.nodesView.getIds().filter(id => {
            const p = net.canvasToDOM(net.getPosition(id));
            return p.x >= 0 && p.y >= 0 && p.x <= g.width && p.y <= g.height;
        }).map(id => dipgraph.nodes.get(id).label);
    }"""))


def screen_point(page, node_a: int, node_b: int | None = None) -> tuple[float, float]:
    """Where a node (or the middle of the straight edge between two nodes) is on the screen."""
    return tuple(page.evaluate("""([a, b]) => {
        const net = dipgraph.network, g = document.getElementById('graph').getBoundingClientRect();
        const pa = net.canvasToDOM(net.getPosition(a));
        const pb = b === null ? pa : net.canvasToDOM(net.getPosition(b));
        return [g.left + (pa.x + pb.x) / 2, g.top + (pa.y + pb.y) / 2];
    }""", [node_a, node_b]))


def visible_preds(page) -> list[str]:
    return page.evaluate("dipgraph.edgesView.get().map(e => e.pred)")


@pytest.mark.browser
def test_page_in_the_browser(browser, tmp_path):
    st = fill(tmp_path / "st", seed_like())
    with Store(st) as s:
        info = write_page(s, tmp_path / "graph.html", title="Seed article")
    events: dict = {}
    ctx, page = open_page(browser, info.path, events)
    try:
        assert {"Sergey Lavrov", "Choe Sun-hui", "Russia", "North Korea"} <= drawn_labels(page)
        assert page.locator("#counts").inner_text().startswith(f"{info.nodes} of {info.nodes} actors")

        page.fill("#search", "Choe")
        page.press("#search", "Enter")
        ids = node_ids(page)
        assert page.evaluate("dipgraph.network.getSelectedNodes()") == [ids["Choe Sun-hui"]]
        assert page.locator("#panel h3").inner_text() == "Choe Sun-hui"
        page.wait_for_timeout(400)  # the focus animation
        assert "Choe Sun-hui" in drawn_labels(page)

        assert "met" in visible_preds(page)
        page.uncheck("input[data-relation=met]")
        assert "met" not in visible_preds(page) and visible_preds(page)
        assert "Vladimir Putin" not in drawn_labels(page), "actors left without relations are hidden"
        page.check("input[data-relation=met]")
        assert visible_preds(page).count("met") == 3

        page.click("#fit")
        page.wait_for_timeout(400)
        x, y = screen_point(page, ids["Sergey Lavrov"], ids["Choe Sun-hui"])
        page.mouse.click(x, y)
        panel = page.locator("#panel")
        assert "met" in panel.locator("h3").inner_text()
        assert MEETING in panel.inner_text()
        assert SEED_TITLE in panel.inner_text()
        assert "2023-10-19" in panel.inner_text()
        page.screenshot(path=str(tmp_path / "graph.png"))

        x, y = screen_point(page, ids["Sergey Lavrov"])
        page.mouse.click(x, y)
        assert panel.locator("h3").inner_text() == "Sergey Lavrov"
        assert "visited North Korea" in panel.inner_text()

        slider = page.locator("#date-from")
        n_ticks = int(slider.get_attribute("max")) + 1
        assert page.locator("#date-from-label").inner_text() == "1948-10-12"
        slider.fill("1")  # move past 1948
        assert "recognized" not in visible_preds(page)
        shown = sorted(visible_preds(page))
        assert "aided" in shown, "an event the text does not date counts at its publication date"
        page.uncheck("#undated")
        assert sorted(visible_preds(page)) == shown, "every event here has a date or a publication date"
        aided = page.evaluate("dipgraph.data.edges.find(e => e.pred === 'aided').id")
        page.evaluate(f"dipgraph.showEdge({aided})")
        assert "2023-10-19 (published)" in panel.inner_text()
        page.locator("#date-to").fill("0")
        assert page.evaluate("+document.getElementById('date-from').value") == 0 and n_ticks > 2
        assert set(visible_preds(page)) == {"recognized"}
    finally:
        ctx.close()
    assert events["errors"] == []
    assert set(events["requests"]) == {info.path.resolve().as_uri()}


@pytest.mark.browser
def test_hostile_text_shows_literally_and_never_runs(browser, tmp_path):
    st = fill(tmp_path / "st", hostile())
    with Store(st) as s:
        info = write_page(s, tmp_path / "hostile.html", title=SCRIPT)
    events: dict = {}
    ctx, page = open_page(browser, info.path, events)
    try:
        ids = node_ids(page)
        assert {IMG, SCRIPT, HREF} <= drawn_labels(page)
        assert page.locator("#title").inner_text() == SCRIPT
        assert page.title() == SCRIPT
        for label in (IMG, HREF, SCRIPT):
            x, y = screen_point(page, ids[label])
            page.mouse.move(x, y)
            page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
            tip = page.locator("div.vis-tooltip")
            assert tip.inner_text().startswith(label)
            assert tip.evaluate("t => t.children.length") == 0
            page.mouse.click(x, y)
            panel = page.locator("#panel")
            assert panel.locator("h3").inner_text() == label
            text = panel.inner_text()
            assert SCRIPT in text, "the article title shows as text"
            page.mouse.move(5, 5)
            page.wait_for_timeout(200)
        page.fill("#search", "<img")
        page.press("#search", "Enter")
        assert page.locator("#panel h3").inner_text() == IMG
        assert "</script><script>alert(5)</script> " + IMG in page.locator("#panel").inner_text()
        assert page.evaluate("document.querySelectorAll('img, a, iframe').length") == 0
        page.wait_for_timeout(300)
        page.screenshot(path=str(tmp_path / "hostile.png"))
    finally:
        ctx.close()
    assert events["dialogs"] == []
    assert events["errors"] == []


@pytest.mark.browser
@pytest.mark.slow
def test_seed_article_ingested_and_drawn(browser, seed_dir, tmp_path):
    st = tmp_path / "st"
    r = subprocess.run([DIPGRAPH, "ingest", str(seed_dir), "--store", str(st)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "seed.html"
    r = run("view", "--store", str(st), "-o", str(out))
    assert r.returncode == 0, r.stderr
    events: dict = {}
    ctx, page = open_page(browser, out, events)
    try:
        drawn = drawn_labels(page)
        assert {"Sergey Lavrov", "Russia", "North Korea"} <= drawn
        choe = [n for n in drawn if n.startswith("Choe S")]  # the canonical spelling may differ
        assert len(choe) == 1
        page.fill("#search", "Choe")
        page.press("#search", "Enter")
        assert page.locator("#panel h3").inner_text() == choe[0]
        assert "meeting with his North Korean counterpart Choe Sun-hui" in page.locator("#panel").inner_text()
        page.screenshot(path=str(tmp_path / "seed.png"))
    finally:
        ctx.close()
    assert events["dialogs"] == [] and events["errors"] == []
