"""Article text never drives the terminal: escape sequences, newlines and direction overrides in
titles, ids, names and file names are printed as visible escapes by every verb that prints text,
while data formats written to a file or a pipe stay exact."""
from __future__ import annotations

import errno
import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dipgraph.graph.records import Actor, Article, Event, Extraction, Mention
from dipgraph.graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("dipgraph")
DIPGRAPH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "dipgraph.cli"]

RETITLE = "\x1b]0;owned\x07"  # sets the terminal's title
CLEAR = "\x1b[2J\x1b[H"       # clears the screen
CSI = "\x9b31m"               # the one-character form of ESC [
RLO = "\u202e"                # shows what follows right to left
HOSTILE = [b"\x1b", b"\x07", "\x9b".encode(), RLO.encode(), b"\r"]


def planted() -> Extraction:
    evil = Actor("person", f"Mr {CLEAR}Smith")
    rus = Actor("country", "Russia", "RUS")
    sentence = f"Mr Smith met Russia's envoy {RETITLE}today."
    art = Article(text=sentence, title=f"{RETITLE}Talks{CLEAR} in{CSI} Minsk {RLO}reversed\rover",
                  id="talks\nin-minsk\tthen", published=date(2023, 5, 1), url="https://news.example/a")
    ev = Event("met", evil, rus, modality="asserted", date="2023-05-01", sentence=sentence, start=0,
               end=len(sentence), extractor="hand-made", confidence=0.9)
    return Extraction(art, events=(ev,), mentions=(Mention(evil, "Mr Smith", 0, 8),))


def plain(i: int) -> Extraction:
    a, b = Actor("country", "France", "FRA"), Actor("country", "Germany", "DEU")
    sentence = f"France met Germany on day {i}."
    art = Article(text=sentence, title=f"Plain story {i}", id=f"plain-{i}", published=date(2023, 6, i + 1))
    ev = Event("met", a, b, modality="asserted", date=f"2023-06-{i + 1:02d}", sentence=sentence, start=0,
               end=len(sentence), extractor="hand-made", confidence=0.9)
    return Extraction(art, events=(ev,))


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("escapes") / "store"
    with Store(path) as st:
        st.put(plain(1))
        st.put(planted())
        st.put(plain(2))
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(DIPGRAPH + list(args), capture_output=True, cwd=ROOT, timeout=300)


def on_a_terminal(*args: str) -> bytes:
    """What a verb writes to its standard output when that is a terminal."""
    main, sub = pty.openpty()
    proc = subprocess.Popen(DIPGRAPH + list(args), stdout=sub, stderr=subprocess.DEVNULL, cwd=ROOT)
    os.close(sub)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError as exc:  # the terminal closes when the verb ends
            if exc.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert proc.wait(60) == 0
    return out


def assert_clean(out: bytes) -> None:
    for seq in HOSTILE:
        assert seq not in out, (seq, out)


def test_articles_prints_one_line_of_four_fields_per_article(hostile_store):
    r = run("articles", "--store", str(hostile_store))
    assert r.returncode == 0, r.stderr.decode()
    assert_clean(r.stdout)
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 3
    assert all(len(line.split("\t")) == 4 for line in lines)
    evil = next(line for line in lines if line.startswith("talks"))
    ident, published, events, title = evil.split("\t")
    assert ident == "talks\\nin-minsk\\tthen" and published == "2023-05-01" and events == "1 events"
    assert title == "\\x1b]0;owned\\x07Talks\\x1b[2J\\x1b[H in\\x9b31m Minsk \\u202ereversed\\rover"


def test_query_table_and_stats_show_control_characters(hostile_store):
    r = run("query", "SELECT ?id ?title WHERE { ?a schema:identifier ?id ; schema:headline ?title } ORDER BY ?id",
            "--store", str(hostile_store))
    assert r.returncode == 0, r.stderr.decode()
    assert_clean(r.stdout)
    assert "talks\\nin-minsk\\tthen" in r.stdout.decode()
    assert r.stdout.decode().splitlines()[-1] == "(3 rows)"
    r = run("query", "SELECT ?l WHERE { ?a rdfs:label ?l }", "--store", str(hostile_store))
    assert_clean(r.stdout)
    assert "Mr \\x1b[2J\\x1b[HSmith" in r.stdout.decode()


def test_data_formats_stay_exact_in_a_pipe_and_are_escaped_on_a_terminal(hostile_store):
    q = "SELECT ?title WHERE { ?a schema:identifier 'talks\\nin-minsk\\tthen' ; schema:headline ?title }"
    piped = run("query", q, "--store", str(hostile_store), "--format", "csv")
    assert RETITLE.encode() in piped.stdout  # the data as stored
    shown = on_a_terminal("query", q, "--store", str(hostile_store), "--format", "csv")
    assert_clean(shown.replace(b"\r\n", b"\n"))
    assert b"\\x1b]0;owned\\x07Talks" in shown
    exported = on_a_terminal("export", "--format", "nquads", "--store", str(hostile_store))
    assert_clean(exported.replace(b"\r\n", b"\n"))
    assert b"Minsk" in exported


def test_analysis_verbs_show_control_characters(hostile_store):
    for args in (["analyze"], ["path", "Mr Smith", "Russia"], ["timeline", "Mr Smith", "Russia"]):
        r = run(*args, "--store", str(hostile_store))
        assert r.returncode == 0, (args, r.stderr.decode())
        assert_clean(r.stdout)
        assert b"\\x1b[2J" in r.stdout, args


def test_messages_naming_a_hostile_file_show_its_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"bad{CLEAR}.md").write_text("---\ntitle: [unclosed\n---\nLavrov met Choe.\n")
    r = run("ingest", str(folder), "--store", str(tmp_path / "store"))
    assert r.returncode == 1
    assert_clean(r.stderr)
    assert b"bad\\x1b[2J\\x1b[H.md" in r.stderr
