"""The actor network and its analysis, on small stores built from records where the answers are known."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import networkx as nx
import pytest
from typer.testing import CliRunner

from dipgraph.cli import app
from dipgraph.graph import network as net
from dipgraph.graph.plot import plot_centrality, plot_timeline, to_png
from dipgraph.graph.records import Actor, Article, Event, Extraction, Mention, Role
from dipgraph.graph.store import Store
from dipgraph.graph.vocab import relation

RUS = Actor("country", "Russia", code="RUS")
PRK = Actor("country", "North Korea", code="PRK")
CHN = Actor("country", "China", code="CHN")
USA = Actor("country", "United States", code="USA")
UKR = Actor("country", "Ukraine", code="UKR")
FRA = Actor("country", "France", code="FRA")
JPN = Actor("country", "Japan", code="JPN")
KOR = Actor("country", "South Korea", code="KOR")
LAVROV = Actor("person", "Sergey Lavrov")
CHOE = Actor("person", "Choe Sun-hui")
BLINKEN = Actor("person", "Antony Blinken")
XI = Actor("person", "Xi Jinping")
ENVOY = Actor("person", "Anon Envoy")


def ev(subject, predicate, obj, when=None, sentence=None, modality="asserted", start=0, claimed_by=None):
    sentence = sentence or f"{subject.label} {relation(predicate).label} {obj.label}."
    return Event(predicate, subject, obj, modality=modality, date=when, sentence=sentence, start=start,
                 end=start + len(sentence), claimed_by=claimed_by, extractor="hand")


def article(key, published, events, roles=(), mentions=(), title=None):
    events = tuple(e if e.start else Event(**{**e.__dict__, "start": i * 100}) for i, e in enumerate(events))
    return Extraction(Article(text=f"text of {key}", title=title or key, id=key, published=date.fromisoformat(published)),
                      events=events, roles=tuple(roles), mentions=tuple(mentions))


LAVROV_CHOE = "Lavrov held talks with Choe Sun-hui in Pyongyang on Thursday."
RUS_UKR = "Russian forces invaded Ukraine at dawn."

WORLD = [
    article("lavrov-choe", "2023-10-19", [
        ev(LAVROV, "met", CHOE, "2023-10-19", LAVROV_CHOE),
        ev(LAVROV, "visited", PRK, "2023-10-18"),
    ], roles=[Role(LAVROV, RUS, "Foreign Minister"), Role(CHOE, PRK, "Foreign Minister")],
        mentions=[Mention(PRK, "Pyongyang", 0, 9), Mention(LAVROV, "Lavrov", 0, 6), Mention(RUS, "Moscow", 0, 6)]),
    article("blinken-xi", "2023-06-19", [
        ev(BLINKEN, "met", XI, "2023-06-19"),
        ev(USA, "accused", CHN, "2023-02"),
        ev(XI, "met", ENVOY, "2023-06-19", modality="negated"),
    ], roles=[Role(BLINKEN, USA, "Secretary of State"), Role(XI, CHN, "President")],
        mentions=[Mention(USA, "Washington", 0, 10)]),
    article("invasion", "2022-02-24", [
        ev(RUS, "attacked", UKR, "2022-02-24", RUS_UKR),
        ev(USA, "sanctioned", RUS, "2022-02", modality="reported", claimed_by=UKR),
        ev(FRA, "supported", UKR, "2022-02-25"),
        ev(ENVOY, "met", FRA, "2022-02-25"),
    ]),
    article("xi-moscow", "2023-03-21", [
        ev(XI, "visited", RUS, "2023-03-20"),
        ev(CHN, "signedAgreementWith", RUS, "2023-03-21"),
        ev(CHN, "aided", RUS, None, modality="future"),
        ev(RUS, "criticized", USA, "2023-03-21", modality="hedged"),
    ], roles=[Role(XI, CHN, "President")]),
    article("china-russia-2024", "2024-05-16", [ev(CHN, "cooperatedWith", RUS)]),
    article("russia-china-2021", "2021-07-02", [ev(RUS, "criticized", CHN, "2021-07")]),
    article("japan-korea", "2023-08-18", [ev(JPN, "met", KOR, "2023-08-18")],
            title="=1+1 Japan and South Korea meet"),
]


def build(path, extractions):
    with Store(path) as st:
        for ex in extractions:
            st.put(ex)
    return path


@pytest.fixture(scope="module")
def world_path(tmp_path_factory):
    """A closed store holding WORLD, for functions and for the command line."""
    return build(tmp_path_factory.mktemp("world") / "store", WORLD)


@pytest.fixture(scope="module")
def graphs(world_path):
    with Store(world_path, create=False) as st:
        return {"all": net.to_networkx(st), "country": net.to_networkx(st, level="country")}


def labels(G):
    return {d["label"] for _, d in G.nodes(data=True)}


def edge_set(G):
    return sorted((G.nodes[u]["label"], d["predicate"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True))


# -- projection ------------------------------------------------------------------------------------

def test_actors_as_named_keep_their_evidence(graphs):
    G = graphs["all"]
    assert {"Sergey Lavrov", "Choe Sun-hui", "North Korea", "Anon Envoy"} <= labels(G)
    (u, v, d), = [(u, v, d) for u, v, d in G.edges(data=True) if d["sentence"] == LAVROV_CHOE]
    assert (G.nodes[u]["label"], G.nodes[v]["label"]) == ("Sergey Lavrov", "Choe Sun-hui")
    assert d["predicate"] == "met" and d["date"] == "2023-10-19" and d["article"] == "lavrov-choe"
    assert d["modality"] == "asserted" and d["family"] == "cooperation" and d["goldstein"] == 1.0
    assert G.nodes[u]["kind"] == "person"
    assert "Pyongyang" in G.nodes[net.find_actor(G, "North Korea")]["alt_labels"]


def test_negated_never_counts_hedged_and_future_only_when_asked(world_path):
    with Store(world_path, create=False) as st:
        default = edge_set(net.to_networkx(st))
        everything = edge_set(net.to_networkx(st, include_hedged=True, include_future=True))
        no_reported = edge_set(net.to_networkx(st, include_reported=False))
    assert ("Xi Jinping", "met", "Anon Envoy") not in default + everything
    assert ("China", "aided", "Russia") not in default and ("China", "aided", "Russia") in everything
    assert ("Russia", "criticized", "United States") not in default
    assert ("Russia", "criticized", "United States") in everything
    assert ("United States", "sanctioned", "Russia") in default
    assert ("United States", "sanctioned", "Russia") not in no_reported


def test_country_level_counts_people_for_the_country_they_represent(graphs):
    G = graphs["country"]
    assert labels(G) == {"Russia", "North Korea", "China", "United States", "Ukraine", "France", "Japan",
                         "South Korea"}
    met = [d for u, v, d in G.edges(data=True) if d["sentence"] == LAVROV_CHOE]
    assert len(met) == 1
    assert (met[0]["text_subject"], met[0]["text_object"]) == ("Sergey Lavrov", "Choe Sun-hui")
    assert ("Russia", "met", "North Korea") in edge_set(G)
    assert ("China", "visited", "Russia") in edge_set(G)  # Xi Jinping visited Russia
    # Anon Envoy represents no one, and Lavrov visiting North Korea stays Russia -> North Korea
    assert G.graph["dropped"] == 1
    assert ("Russia", "visited", "North Korea") in edge_set(G)


def test_levels_draw_everyone_people_only_or_countries(world_path, graphs):
    with Store(world_path, create=False) as st:
        people = net.to_networkx(st, level="person")
        met = net.to_networkx(st, relations="met")
    everyone = graphs["all"]  # the default level: every actor as the articles name it
    assert everyone.graph["level"] == "all"
    assert {"Sergey Lavrov", "North Korea", "Russia", "Anon Envoy"} <= labels(everyone)
    assert labels(people) == {"Sergey Lavrov", "Choe Sun-hui", "Antony Blinken", "Xi Jinping"}
    assert people.graph["left_out"] == 8  # the eight states that the events name
    assert everyone.graph["negated"] == 1 and everyone.graph["dropped"] == 0
    # an actor the store knows but a network leaves out is named with the reason
    with pytest.raises(net.ActorNotFound, match="Russia is a country; the person level draws only people"):
        net.find_actor(people, "Russia")
    with pytest.raises(net.ActorNotFound, match="Anon Envoy represents no known country"):
        net.find_actor(graphs["country"], "anon envoy")
    with pytest.raises(net.ActorNotFound, match="Ukraine has no relations that match these filters"):
        net.find_actor(met, "Ukraine")
    # a part of one actor's name designates it; a part of several says which
    assert people.nodes[net.find_actor(people, "Blinken")]["label"] == "Antony Blinken"
    with pytest.raises(net.ActorNotFound, match="may mean any of North Korea, South Korea"):
        net.find_actor(everyone, "Korea")


def test_relations_and_dates_filter_events(world_path):
    with Store(world_path, create=False) as st:
        conflict = edge_set(net.to_networkx(st, level="country", relations="conflict"))
        met = edge_set(net.to_networkx(st, level="country", relations=["met"]))
        recent = edge_set(net.to_networkx(st, level="country", since="2024"))
        early = edge_set(net.to_networkx(st, level="country", until="2022-02-24"))
        with pytest.raises(ValueError, match="did you mean met"):
            net.to_networkx(st, relations="meet")
        with pytest.raises(ValueError, match="not a date"):
            net.to_networkx(st, since="last year")
    assert {p for _, p, _ in conflict} == {"attacked", "accused", "sanctioned", "criticized"}
    assert {p for _, p, _ in met} == {"met"}
    # the undated cooperation of 2024 is placed at its article's publication date
    assert recent == [("China", "cooperatedWith", "Russia")]
    # a month-precise date overlaps a window that ends inside that month
    assert early == [("Russia", "attacked", "Ukraine"), ("Russia", "criticized", "China"),
                     ("United States", "sanctioned", "Russia")]


def test_collapse_weighs_ties_by_articles_and_scores_them(graphs):
    H = net.collapse(graphs["country"])
    rus, chn = net.find_actor(H, "Russia"), net.find_actor(H, "China")
    tie = H[rus][chn]
    # visited + signed (xi-moscow), cooperated (2024), criticized (2021): three articles, four events
    assert tie["weight"] == 3 and tie["events"] == 4
    expected = sum(relation(p).goldstein for p in ("visited", "signedAgreementWith", "cooperatedWith", "criticized"))
    assert tie["score"] == pytest.approx(expected)
    assert (tie["cooperation"], tie["conflict"]) == (3, 1)
    D = net.collapse(graphs["country"], directed=True)
    assert D.has_edge(chn, rus) and D.has_edge(rus, chn)  # the agreement is symmetric
    assert D[rus][chn]["relations"] == "cooperatedWith, criticized, signedAgreementWith"
    assert D[chn][rus]["relations"] == "cooperatedWith, signedAgreementWith, visited"


# -- analysis --------------------------------------------------------------------------------------

def test_the_centre_of_a_star_is_most_central(tmp_path):
    leaves = [PRK, CHN, UKR, FRA, JPN]
    star = [article(f"star-{i}", "2023-01-0" + str(i + 1), [ev(RUS, "met", leaf, f"2023-01-0{i + 1}")])
            for i, leaf in enumerate(leaves)]
    star.append(article("leaves", "2023-02-01", [ev(JPN, "met", KOR, "2023-02-01")]))
    with Store(build(tmp_path / "star", star), create=False) as st:
        G = net.to_networkx(st, level="country")
    for by in ("pagerank", "degree", "betweenness", "articles"):
        ranked = net.centrality(G, by=by)
        assert ranked[0]["actor"] == "Russia", by
    top = net.centrality(G, top=3)
    assert len(top) == 3 and top[0]["degree"] == 5 and top[0]["articles"] == 5
    assert top[0]["betweenness"] > top[1]["betweenness"]
    with pytest.raises(ValueError, match="cannot rank"):
        net.centrality(G, by="fame")


def test_communities_are_blocs_of_cooperation(tmp_path):
    west = [USA, FRA, Actor("country", "United Kingdom", code="GBR")]
    east = [RUS, Actor("country", "Belarus", code="BLR"), Actor("country", "Iran", code="IRN")]
    arts = []
    for bloc in (west, east):
        for i, a in enumerate(bloc):
            for b in bloc[i + 1:]:
                arts.append(article(f"{a.code}-{b.code}", "2023-05-01", [ev(a, "signedAgreementWith", b, "2023-05-01")]))
    arts.append(article("hostility", "2023-06-01", [ev(USA, "sanctioned", RUS), ev(RUS, "threatened", west[2]),
                                                    ev(USA, "met", RUS, "2023-06-01")]))
    with Store(build(tmp_path / "blocs", arts), create=False) as st:
        G = net.to_networkx(st, level="country")
    for method in ("louvain", "greedy"):
        found = {frozenset(c["members"]) for c in net.communities(G, method=method)}
        assert found == {frozenset(a.label for a in west), frozenset(a.label for a in east)}, method
    # seeded: the same blocs whatever order the ties come in
    shuffled = nx.MultiDiGraph(**G.graph)
    shuffled.add_nodes_from(reversed(list(G.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert net.communities(shuffled) == net.communities(G)
    assert all(c["size"] == 3 for c in net.communities(G, ties="all", min_size=2))


def test_ego_network_reaches_as_far_as_asked(graphs):
    one = net.ego(graphs["country"], "Russia")
    assert one["center"] == "Russia"
    assert {n["actor"] for n in one["nodes"]} == {"Russia", "North Korea", "China", "United States", "Ukraine"}
    two = net.ego(graphs["country"], "russia", radius=2)
    assert {"France": 2} == {n["actor"]: n["distance"] for n in two["nodes"] if n["actor"] == "France"}
    assert not any(n["actor"] == "Japan" for n in two["nodes"])


def test_shortest_path_gives_two_hops_with_their_evidence(graphs):
    hops = net.shortest_path(graphs["country"], "Pyongyang", "Ukraine")
    assert [(h["from"], h["to"]) for h in hops] == [("North Korea", "Russia"), ("Russia", "Ukraine")]
    first = hops[0]["evidence"]
    assert LAVROV_CHOE in [e["sentence"] for e in first]
    lavrov = next(e for e in first if e["sentence"] == LAVROV_CHOE)
    assert (lavrov["date"], lavrov["article"], lavrov["text_subject"]) == ("2023-10-19", "lavrov-choe", "Sergey Lavrov")
    assert [e["sentence"] for e in hops[1]["evidence"]] == [RUS_UKR]
    with pytest.raises(net.NoPath, match="not connected"):
        net.shortest_path(graphs["country"], "Japan", "Russia")


def test_actors_are_found_by_any_name_and_unknown_ones_get_suggestions(graphs):
    G, C = graphs["all"], graphs["country"]
    assert G.nodes[net.find_actor(G, "NORTH KOREA")]["label"] == "North Korea"
    assert G.nodes[net.find_actor(G, "Washington")]["label"] == "United States"
    assert G.nodes[net.find_actor(G, "PRK")]["label"] == "North Korea"
    assert G.nodes[net.find_actor(G, "lavrov")]["label"] == "Sergey Lavrov"
    assert C.nodes[net.find_actor(C, "Lavrov")]["label"] == "Russia"  # a person stands for his country
    with pytest.raises(net.ActorNotFound, match="close matches: Russia"):
        net.find_actor(C, "Rusia")
    with pytest.raises(net.ActorNotFound, match="no actor 'Atlantis'"):
        net.find_actor(C, "Atlantis")


def test_pair_timeline_is_chronological_with_a_running_balance(graphs):
    rows = net.pair_timeline(graphs["country"], "Russia", "China")
    assert [r["predicate"] for r in rows] == ["criticized", "visited", "signedAgreementWith", "cooperatedWith"]
    assert [r["when"] for r in rows] == ["2021-07", "2023-03-20", "2023-03-21", "2024-05-16"]
    assert rows[-1]["dated"] is False and rows[-1]["date"] is None
    expected, total = [], 0.0
    for p in ("criticized", "visited", "signedAgreementWith", "cooperatedWith"):
        total += relation(p).goldstein
        expected.append(total)
    assert [r["balance"] for r in rows] == pytest.approx(expected)
    assert rows[0]["balance"] < 0 < rows[-1]["balance"]
    assert [(r["cooperation"], r["conflict"]) for r in rows] == [(0, 1), (1, 1), (2, 1), (3, 1)]
    assert net.pair_timeline(graphs["country"], "Japan", "Russia") == []


def test_empty_store_gives_empty_answers(store):
    G = net.to_networkx(store)
    assert G.number_of_nodes() == 0
    assert net.centrality(G) == [] and net.communities(G) == []
    with pytest.raises(net.ActorNotFound, match="empty"):
        net.find_actor(G, "Russia")


# -- export and plots ------------------------------------------------------------------------------

def test_graphml_reads_back_with_the_same_nodes_and_edges(world_path, tmp_path):
    out = tmp_path / "net.graphml"
    with Store(world_path, create=False) as st:
        net.export_network(st, "graphml", out)
        G = net.to_networkx(st)
    back = nx.read_graphml(out)
    assert set(back.nodes) == set(G.nodes)
    assert sorted((u, v, k) for u, v, k in back.edges(keys=True)) == sorted(G.edges(keys=True))
    assert {back.nodes[n]["label"] for n in back} == labels(G)
    u, v, k = next((u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d["sentence"] == LAVROV_CHOE)
    assert back[u][v][k]["sentence"] == LAVROV_CHOE and back[u][v][k]["predicate"] == "met"


def test_gexf_and_csv_exports(world_path, tmp_path):
    with Store(world_path, create=False) as st:
        G = net.to_networkx(st, level="country")
        net.export_network(st, "gexf", tmp_path / "net.gexf", level="country")
        buf = io.BytesIO()
        net.export_network(st, "csv", buf)
        n_events = net.to_networkx(st).number_of_edges()
        with pytest.raises(ValueError, match="graphml, gexf, csv"):
            net.export_network(st, "pajek", buf)
    back = nx.read_gexf(tmp_path / "net.gexf")
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    assert len(rows) == n_events
    assert any(r["sentence"] == LAVROV_CHOE and r["source_label"] == "Sergey Lavrov" for r in rows)
    # a title a spreadsheet would run as a formula stays text
    assert {r["title"] for r in rows if r["article"] == "japan-korea"} == {"'=1+1 Japan and South Korea meet"}


def test_plots_write_images(graphs, tmp_path):
    rows = net.pair_timeline(graphs["country"], "Russia", "China")
    plot_timeline(rows, path=tmp_path / "t.png")
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    plot_centrality(net.centrality(graphs["country"]), path=tmp_path / "c.svg")
    assert b"<svg" in (tmp_path / "c.svg").read_bytes()[:500]
    assert to_png(plot_timeline([]))[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match=".png"):
        plot_timeline(rows, path=tmp_path / "t.gif")


# -- command line ----------------------------------------------------------------------------------

runner = CliRunner()


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def test_cli_analyze_ranks_and_groups(world_path, tmp_path):
    r = run("analyze", "--store", world_path, "--level", "country", "--top", "3", "--plot", tmp_path / "c.png")
    assert r.exit_code == 0, r.output
    table = r.stdout.splitlines()
    first = next(i for i, line in enumerate(table) if line.startswith("-"))
    assert "Russia" in table[first + 1]
    assert "Blocs" in r.stdout and (tmp_path / "c.png").stat().st_size > 1000
    j = run("analyze", "--store", world_path, "--level", "country", "--json")
    data = json.loads(j.stdout)
    assert data["centrality"][0]["actor"] == "Russia" and data["network"]["actors"] == 8


def test_cli_path_and_timeline(world_path, tmp_path):
    r = run("path", "north korea", "Ukraine", "--store", world_path, "--level", "country")
    assert r.exit_code == 0, r.output
    assert "North Korea → Russia → Ukraine" in r.stdout
    assert LAVROV_CHOE in r.stdout and RUS_UKR in r.stdout
    t = run("timeline", "Russia", "China", "--store", world_path, "--level", "country", "--plot", tmp_path / "t.svg")
    assert t.exit_code == 0, t.output
    assert "+12.9" in t.stdout and "3 cooperation, 1 conflict" in t.stdout
    assert (tmp_path / "t.svg").exists()


@pytest.mark.parametrize("args, message", [
    (["path", "Atlantis", "Russia"], "no actor 'Atlantis'"),
    (["path", "Japan", "Russia", "--level", "country"], "not connected"),
    (["timeline", "Rusia", "China"], "close matches: Russia"),
    (["analyze", "--since", "yesterday"], "not a date"),
    (["analyze", "--level", "planet"], "unknown level"),
    (["analyze", "--relations", "hugged"], "unknown relation"),
    (["timeline", "Russia", "China", "--plot", "t.gif"], "use one of .png"),
    (["export", "--format", "pajek"], "graphml"),
])
def test_cli_bad_input_gives_one_clear_message(world_path, args, message):
    r = run(*args, "--store", world_path)
    assert r.exit_code != 0
    assert message in r.output


def test_cli_export_graphml(world_path, tmp_path):
    r = run("export", "--format", "graphml", "-o", tmp_path / "g.graphml", "--store", world_path)
    assert r.exit_code == 0, r.output
    with Store(world_path, create=False) as st:
        G = net.to_networkx(st)
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert set(back.nodes) == set(G.nodes) and back.number_of_edges() == G.number_of_edges()


def test_cli_analyze_on_an_empty_store(tmp_path):
    Store(tmp_path / "empty").close()
    r = run("analyze", "--store", tmp_path / "empty")
    assert r.exit_code == 0 and "No relations" in r.stdout


def test_strongest_ties_and_the_farthest_pair(graphs):
    C = graphs["country"]
    first = net.ties(C, top=1)[0]
    assert (first["a"], first["b"], first["weight"], first["events"]) == ("China", "Russia", 3, 4)
    a, b = net.farthest_pair(C)
    # the longest chain: North Korea or China ... Russia ... Ukraine ... France (three hops)
    assert len(net.shortest_path(C, a, b)) == 3
    assert "France" in {C.nodes[a]["label"], C.nodes[b]["label"]}
