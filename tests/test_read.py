"""Readers: every input kind gives the title, id, date, url and text a user wrote in it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dipgraph.graph.records import Article
from dipgraph.graph.store import Store
from dipgraph.ingest.read import Problem, parse_date, read_bytes, read_path, read_paths

INPUTS = Path(__file__).parent / "data" / "inputs"


def articles_of(path) -> list[Article]:
    items = list(read_path(path))
    problems = [i for i in items if isinstance(i, Problem)]
    assert not problems, problems
    return items


def dipgraph_cmd() -> list[str]:
    """The installed ``dipgraph`` command beside this Python, else the module."""
    exe = Path(sys.executable).parent / "dipgraph"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "dipgraph.cli"]


def test_txt_without_front_matter_takes_first_line_as_title():
    [a] = articles_of(INPUTS / "plain-talks.txt")
    assert a.title == "Foreign ministers of Chile and Argentina meet in Santiago"
    assert a.text.startswith("Chilean Foreign Minister Alberto van Klaveren met")
    assert a.text.endswith("before the end of the year.")
    assert "Santiago\n" not in a.text.split("\n")[0]
    assert a.url is None and a.published is None
    # without id or url a file is known by its name without the extension
    assert a.id == a.key == "plain-talks"


def test_txt_with_front_matter():
    [a] = articles_of(INPUTS / "more" / "older" / "arctic-council.txt")
    assert a.id == "inputs-2021-05-arctic-council"
    assert a.key == a.id
    assert a.title == "Arctic Council ministers meet in Reykjavik"
    assert a.published == date(2021, 5, 20)
    assert a.url == "https://example.org/inputs/arctic-council"
    assert a.text.startswith("Foreign ministers of the eight Arctic states met in Reykjavik")
    assert "---" not in a.text and "published:" not in a.text


def test_markdown_front_matter_and_heading():
    [a] = articles_of(INPUTS / "mekong-summit.md")
    assert a.id == "inputs-2024-03-mekong-summit"
    assert a.title == "Mekong leaders agree on river data sharing"
    assert a.published == date(2024, 3, 14)
    assert a.url == "https://example.org/inputs/mekong-summit"
    assert a.source == "dipgraph test inputs"
    # the heading repeating the title is not part of the text, and no Markdown marks are left
    assert a.text.startswith("VIENTIANE, March 14 — The prime ministers of Laos and Cambodia met")
    assert "#" not in a.text
    assert a.text.endswith("join the data platform next year.")


def test_markdown_heading_without_front_matter_is_the_title(tmp_path):
    p = tmp_path / "note.md"
    p.write_text("## Talks in Oslo\n\nNorway hosted talks between the two delegations.\n", "utf-8")
    [a] = articles_of(p)
    assert a.title == "Talks in Oslo"
    assert a.text == "Norway hosted talks between the two delegations."


def test_txt_with_meta_json_sidecar():
    [a] = articles_of(INPUTS / "baltic-visit.txt")
    assert a.id == "inputs-2023-05-baltic-visit"
    assert a.published == date(2023, 5, 22)
    assert a.url == "https://example.org/inputs/baltic-visit"
    assert a.source == "dipgraph test inputs"
    # the sidecar has no title: the first line is the title and not part of the text
    assert a.title == "Estonian president tours Finnish naval base"
    assert a.text.startswith("The President of Estonia visited Finland on Monday")


def test_sidecar_title_wins_over_first_line(tmp_path):
    (tmp_path / "a.txt").write_text("Headline as printed\n\nThe envoy arrived in Rome.\n", "utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "Envoy in Rome", "id": "envoy-rome"}', "utf-8")
    [a] = articles_of(tmp_path / "a.txt")
    assert (a.title, a.id, a.text) == ("Envoy in Rome", "envoy-rome", "The envoy arrived in Rome.")


def test_seed_article_with_its_sidecar(seed_dir):
    [a] = articles_of(seed_dir / "lavrov-choe-pyongyang.txt")
    assert (a.id, a.published, a.source) == ("efe-2023-10-19-lavrov-choe", date(2023, 10, 19), "EFE")
    assert a.title == "Moscow-Pyongyang ties reach 'new, strategic level': Lavrov"
    assert a.text.startswith("Seoul, Oct 19 (EFE).- Russian Foreign Minister Sergey Lavrov said Thursday")
    # the page furniture at the end is not article text
    assert a.text.endswith("EFE")
    assert "Related Articles" not in a.text and "Back to top" not in a.text


def test_html_main_text_and_metadata_through_trafilatura():
    [a] = articles_of(INPUTS / "nile-talks.html")
    assert a.title == "Egypt and Ethiopia resume talks on the Nile dam"
    assert a.url == "https://example.org/inputs/nile-talks"
    assert a.published == date(2023, 8, 27)
    assert a.source == "Test Wire"
    assert a.key == "https://example.org/inputs/nile-talks"
    assert a.text.startswith("CAIRO, Aug. 27 — Negotiators from Egypt and Ethiopia resumed talks")
    assert "Sudan, which also shares the river" in a.text
    # page furniture is not article text
    for junk in ("Home", "Related stories", "Back to top"):
        assert junk not in a.text


def test_jsonl_one_article_per_line_with_each_text_field():
    a1, a2, a3 = articles_of(INPUTS / "wire.jsonl")
    assert (a1.id, a1.title, a1.published, a1.url) == (
        "inputs-wire-1", "Kenya and Tanzania sign a border trade pact", date(2023, 11, 2),
        "https://example.org/inputs/wire-1")
    assert a1.text.startswith("Kenya and Tanzania signed a pact")
    # "body" and "date" instead of "text" and "published"
    assert (a2.id, a2.published, a2.url) == ("inputs-wire-2", date(2023, 11, 3), None)
    assert a2.text.startswith("Norway pledged new aid to Mozambique")
    # "content", no id: the url is the identity
    assert a3.id is None and a3.key == "https://example.org/inputs/wire-3"
    assert a3.text.startswith("Peru recalled its ambassador from Mexico")
    assert [a.origin for a in (a1, a2, a3)] == [f"{INPUTS / 'wire.jsonl'}:{n}" for n in (1, 2, 3)]


def test_rss_feed_entries():
    a1, a2 = articles_of(INPUTS / "feed.rss")
    assert a1.title == "Japan and the Philippines hold coast guard drill"
    assert a1.id == "inputs-rss-1"
    assert a1.url == "https://example.org/inputs/rss-1"
    assert a1.published == date(2023, 6, 6)
    assert a1.source == "Test Wire Diplomacy"
    # HTML in the description becomes plain paragraphs
    assert a1.text == ("Coast guard ships from Japan and the Philippines held a joint drill off Manila Bay "
                       "on Tuesday.\n\nThe United States joined for the first time.")
    assert (a2.id, a2.published) == ("inputs-rss-2", date(2023, 6, 7))
    assert a2.text.startswith("Ghana hosted ministers from Togo and Benin in Accra")


def test_atom_feed_prefers_content_over_summary():
    a1, a2 = articles_of(INPUTS / "feed.atom")
    assert (a1.id, a1.title, a1.url) == ("inputs-atom-1", "Canada condemns missile launch",
                                         "https://example.org/inputs/atom-1")
    assert a1.published == date(2022, 9, 20)
    assert a1.text == "Canada condemned the missile launch on Tuesday and urged an immediate return to talks."
    assert "<p>" not in a1.text and "summary" not in a1.text
    # no <published>: the entry's update date, and its summary as text
    assert a2.published == date(2022, 9, 19)
    assert a2.text.startswith("Mongolia welcomed a delegation from South Korea")
    assert a2.source == "Test Wire Atom"


def test_feed_recognised_by_content_whatever_its_name(tmp_path):
    p = tmp_path / "news.xml"
    p.write_bytes((INPUTS / "feed.rss").read_bytes())
    assert [a.id for a in articles_of(p)] == ["inputs-rss-1", "inputs-rss-2"]


def test_folder_is_read_recursively_without_side_files():
    items = list(read_paths([INPUTS]))
    assert not [i for i in items if isinstance(i, Problem)]
    # origins name the file, with "#entry" for feeds and ":line" for JSON Lines
    origins = sorted(Path(re.sub(r"(#|\.jsonl:)(\d+)$", lambda m: ".jsonl" if m[1] != "#" else "",
                                 a.origin)).name for a in items)
    assert origins == sorted(["arctic-council.txt", "baltic-visit.txt", "feed.atom", "feed.atom",
                              "feed.rss", "feed.rss", "mekong-summit.md", "nile-talks.html",
                              "plain-talks.txt", "wire.jsonl", "wire.jsonl", "wire.jsonl"])
    # the nested file is found and the sidecar is not read as an article of its own
    assert any(a.id == "inputs-2021-05-arctic-council" for a in items)
    assert not any("meta.json" in a.origin for a in items)


def test_hidden_folders_and_other_suffixes_are_skipped(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden\n\nnot an article\n", "utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "a.txt").write_text("Title\n\nThe real article.\n", "utf-8")
    items = list(read_paths([tmp_path]))
    assert [(a.title, a.text) for a in items] == [("Title", "The real article.")]


def test_bytes_of_unknown_kind_are_sniffed():
    md = (INPUTS / "mekong-summit.md").read_bytes()
    [a] = list(read_bytes(md, "<stdin>"))
    assert a.id == "inputs-2024-03-mekong-summit"
    [j1, j2, j3] = list(read_bytes((INPUTS / "wire.jsonl").read_bytes(), "<stdin>"))
    assert j1.id == "inputs-wire-1" and j3.origin == "<stdin>:3"
    feed = list(read_bytes((INPUTS / "feed.atom").read_bytes(), "<stdin>"))
    assert [a.id for a in feed] == ["inputs-atom-1", "inputs-atom-2"]
    [h] = list(read_bytes((INPUTS / "nile-talks.html").read_bytes(), "<stdin>"))
    assert h.url == "https://example.org/inputs/nile-talks"


@pytest.mark.parametrize("value, expected", [
    ("2023-10-19", date(2023, 10, 19)),
    ("2023-10-19T08:30:00+09:00", date(2023, 10, 19)),
    (date(2020, 2, 29), date(2020, 2, 29)),
    ("19 October 2023", date(2023, 10, 19)),
    ("", None),
    (None, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13-01", "next Blursday"])
def test_parse_date_rejects_impossible_dates(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_standard_input_through_the_command(tmp_path):
    """``dipgraph ingest -`` reads one article from standard input, whatever its format."""
    store = tmp_path / "store"
    md = (INPUTS / "mekong-summit.md").read_bytes()
    env = {**os.environ, "DIPGRAPH_STORE": str(store)}
    r = subprocess.run(dipgraph_cmd() + ["ingest", "-"], input=md, capture_output=True, env=env,
                       timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert b"1 added" in r.stdout
    # a JSON Lines stream on standard input gives one article per line
    r = subprocess.run(dipgraph_cmd() + ["ingest", "-"], input=(INPUTS / "wire.jsonl").read_bytes(),
                       capture_output=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert b"3 added" in r.stdout
    with Store(store, create=False) as st:
        rows = {r["id"]: r for r in st.articles()}
    assert set(rows) == {"inputs-2024-03-mekong-summit", "inputs-wire-1", "inputs-wire-2",
                         "https://example.org/inputs/wire-3"}
    m = rows["inputs-2024-03-mekong-summit"]
    assert (m["title"], m["published"], m["url"]) == (
        "Mekong leaders agree on river data sharing", "2024-03-14", "https://example.org/inputs/mekong-summit")
