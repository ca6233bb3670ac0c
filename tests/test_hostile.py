"""Hostile input around ingestion: YAML alias bombs and deep nesting, devices, pipes and links out
of a folder, wrong metadata and clashing ids. Every file is made in the test and read by the real
command in its own process; a bad file gets one line naming it, the good files given with it are
stored, and nothing already stored is lost."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from dipgraph.graph.store import Store

EXE = Path(sys.executable).parent / "dipgraph"
CMD = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "dipgraph.cli"]
GOOD = ("---\nid: good-oslo\ntitle: Good news from Oslo\npublished: 2024-05-06\n---\n"
        "Norway hosted talks between Colombia and Venezuela in Oslo on Monday.\n")


def _bounded() -> None:
    """In the child: a bound on memory, so that a reader that never stops fails instead of the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def run(*args: str, timeout: float = 300, stdin=None) -> subprocess.CompletedProcess:
    """The command as a user runs it, in its own process; a hang fails the test instead of the suite."""
    return subprocess.run(CMD + list(args), capture_output=True, timeout=timeout, stdin=stdin,
                          preexec_fn=_bounded, env={k: v for k, v in os.environ.items() if k != "DIPGRAPH_STORE"})


def stored(store: Path) -> dict[str, dict]:
    with Store(store, create=False) as st:
        return {a["id"]: a for a in st.articles()}


def lines_about(err: str, path: Path) -> list[str]:
    return [ln for ln in err.splitlines() if str(path) in ln]


def good(folder: Path, name: str = "good.md") -> Path:
    p = folder / name
    p.write_text(GOOD, "utf-8")
    return p


# -- front matter, JSON and sidecars -------------------------------------------------------------------
def alias_bomb(levels: int = 5, width: int = 9) -> str:
    """Front matter of a few hundred bytes whose aliases expand to width**levels words."""
    names = "abcdefghij"
    rows = [f"a: &a [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        rows.append(f"{names[i]}: &{names[i]} [{', '.join([f'*{names[i - 1]}'] * width)}]")
    return "---\n" + "\n".join(rows) + f"\ntitle: *{names[levels - 1]}\n---\nThe envoys met in Geneva.\n"


def test_yaml_alias_bomb_is_refused_in_one_line_and_the_good_article_goes_in(tmp_path):
    bomb = tmp_path / "bomb.md"
    bomb.write_text(alias_bomb(), "utf-8")
    assert bomb.stat().st_size < 400
    store = tmp_path / "store"
    r = run("ingest", str(bomb), str(good(tmp_path)), "--store", str(store))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    [line] = lines_about(err, bomb)
    assert line.startswith(f"error: {bomb}: front matter uses a YAML alias (*a, line 2)"), line
    assert r.stdout.decode().startswith("1 added")
    assert set(stored(store)) == {"good-oslo"}


def test_nesting_too_deep_for_the_parsers_is_one_line_per_file(tmp_path):
    """Python's JSON and YAML parsers recurse: nesting deep enough ends the process with a
    RecursionError, and with it the run, unless each reader says so for its file."""
    deep_yaml = tmp_path / "deep.md"
    deep_yaml.write_text("---\nkeys: " + "[" * 20_000 + "]" * 20_000 + "\ntitle: Deep\n---\nThe envoys met.\n", "utf-8")
    long_yaml = tmp_path / "long.md"
    long_yaml.write_text("---\ntitle: Long\nnotes: " + "word " * 20_000 + "\n---\nThe envoys met.\n", "utf-8")
    wire = tmp_path / "wire.jsonl"
    wire.write_text('{"id": "deep", "text": "The envoys met.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                    + json.dumps({"id": "wire-ok", "title": "Wire", "text": "Norway hosted talks in Oslo."}) + "\n",
                    "utf-8")
    side = tmp_path / "side.txt"
    side.write_text("Side talks\n\nNorway hosted talks between Colombia and Venezuela.\n", "utf-8")
    (tmp_path / "side.meta.json").write_text('{"id": "from-meta", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    store = tmp_path / "store"
    r = run("ingest", str(deep_yaml), str(long_yaml), str(wire), str(side), str(good(tmp_path)), "--store", str(store))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err, err[-2000:]
    [line] = lines_about(err, deep_yaml)
    assert line == f"error: {deep_yaml}: front matter is nested too deeply to be metadata"
    [line] = lines_about(err, long_yaml)
    assert line == f"error: {long_yaml}: front matter is 100,020 characters, over the limit of 64,000"
    [line] = lines_about(err, wire)
    assert line == f"error: {wire}:1: invalid JSON (nested too deeply)"
    [line] = lines_about(err, tmp_path / "side.meta.json")
    assert line.startswith("warning: ") and "nested too deeply" in line and "read without it" in line
    ids = set(stored(store))
    # side.txt goes in without its sidecar, under its file name
    assert {"good-oslo", "wire-ok", "side"} <= ids and "deep" not in ids and "from-meta" not in ids and len(ids) == 3


# -- special files and files outside a folder ---------------------------------------------------------
def test_devices_and_pipes_named_directly_are_refused_without_reading_them(tmp_path):
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    feed = tmp_path / "feed.xml"
    feed.symlink_to("/dev/zero")
    wire = tmp_path / "wire.jsonl"
    wire.symlink_to("/dev/zero")
    store = tmp_path / "store"
    r = run("ingest", str(zero), str(fifo), "/dev/zero", str(feed), str(wire), str(good(tmp_path)),
            "--store", str(store), timeout=120)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err, err[-2000:]
    for path, kind in ((zero, "a character device"), (fifo, "a named pipe"), (Path("/dev/zero"), "a character device"),
                       (feed, "a character device"), (wire, "a character device")):
        assert f"error: {path}: not a regular file ({kind}); not read" in err.splitlines(), err
    assert r.stdout.decode().startswith("1 added")
    assert set(stored(store)) == {"good-oslo"}


def test_standard_input_that_never_ends_is_cut_at_the_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        r = run("ingest", "-", "--store", str(tmp_path / "store"), "--max-bytes", "1000000", stdin=zero, timeout=120)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert err.splitlines()[0] == "error: <stdin>: file is 1 MB, over the 1 MB limit for one input (--max-bytes)"


def test_a_folder_is_read_without_following_links_out_of_it(tmp_path):
    """A folder given as input yields its own regular files: a link to a file or folder outside it,
    a device or a pipe inside it is reported (a warning naming it) and not read, and the run ends."""
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret memo\n\nThe minister met the ambassador in private.\n", "utf-8")
    (outside / "meta.json").write_text('{"title": "Leaked title"}', "utf-8")
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    good(folder)
    (folder / "sub" / "other.txt").write_text("Other talks\n\nJapan and India signed a trade agreement.\n", "utf-8")
    links = {
        folder / "secret.txt": outside / "secret.txt",
        folder / "passwd.txt": Path("/etc/passwd"),
        folder / "zero.txt": Path("/dev/zero"),
        folder / "elsewhere": outside,
        folder / "sub" / "other.meta.json": outside / "meta.json",
        folder / "again.md": folder / "good.md",  # inside the folder: read once, under its own name
        folder / "sub" / "up": folder,  # a loop
    }
    for link, target in links.items():
        link.symlink_to(target)
    os.mkfifo(folder / "pipe.txt")
    store = tmp_path / "store"
    r = run("ingest", str(folder), "--store", str(store), timeout=120)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err, err[-2000:]
    for name, what in (("secret.txt", "a file"), ("passwd.txt", "a file"), ("zero.txt", "a file"),
                       ("elsewhere", "a folder")):
        [line] = lines_about(err, folder / name)
        assert line == f"warning: {folder / name}: symbolic link to {what} outside the folder given; not " \
                       "followed (name it on the command line to read it)"
    [line] = lines_about(err, folder / "pipe.txt")
    assert line == f"warning: {folder / 'pipe.txt'}: not a regular file (a named pipe); not read"
    [line] = lines_about(err, folder / "sub" / "other.meta.json")
    assert line.startswith("warning: ") and "not followed" in line
    assert not lines_about(err, folder / "again.md") and not lines_about(err, folder / "sub" / "up")
    titles = {a["title"] for a in stored(store).values()}
    assert titles == {"Good news from Oslo", "Other talks"}
    assert r.stdout.decode().startswith("2 added")


# -- metadata that is not what it says ------------------------------------------------------------------
META_CASES = {
    "number-date.md": ("---\ntitle: Talks\npublished: 12\n---\nThe envoys met.\n",
                       "published: the number 12, not a date (write it as YYYY-MM-DD)"),
    "month-only.md": ("---\ntitle: Talks\ndate: March 2023\n---\nThe envoys met.\n",
                      "date: not a whole date: 'March 2023' (give the year, the month and the day)"),
    "list-title.md": ("---\ntitle: [Talks, in, Oslo]\n---\nThe envoys met.\n", "title: a list, not text"),
    "mapping-url.md": ("---\ntitle: Talks\nurl: {host: example.org}\n---\nThe envoys met.\n", "url: a mapping, not text"),
    "true-id.md": ("---\ntitle: Talks\nid: yes\n---\nThe envoys met.\n", "id: the value true, not text"),
}


def test_metadata_of_the_wrong_kind_is_refused_naming_the_file_and_field(tmp_path):
    paths = []
    for name, (text, _) in META_CASES.items():
        (tmp_path / name).write_text(text, "utf-8")
        paths.append(str(tmp_path / name))
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "w1", "title": {"en": "Talks"}, "text": "The envoys met."}) + "\n"
                    + json.dumps({"id": "w2", "published": 20230101, "text": "The envoys met."}) + "\n"
                    + json.dumps({"id": "w3", "title": 1984, "text": "Norway hosted talks in Oslo."}) + "\n", "utf-8")
    side = tmp_path / "side.txt"
    side.write_text("Side talks\n\nThe envoys met.\n", "utf-8")
    (tmp_path / "side.meta.json").write_text('{"id": "side", "url": ["https://a.example", "https://b.example"]}', "utf-8")
    store = tmp_path / "store"
    r = run("ingest", *paths, str(wire), str(side), str(good(tmp_path)), "--store", str(store))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err, err
    for name, (_, message) in META_CASES.items():
        [line] = lines_about(err, tmp_path / name)
        assert line == f"error: {tmp_path / name}: {message}"
    assert f"error: {wire}:1: title: a mapping, not text" in err.splitlines()
    assert f"error: {wire}:2: published: the number 20230101, not a date (write it as YYYY-MM-DD)" in err.splitlines()
    assert f"error: {side}: url: a list, not text" in err.splitlines()
    rows = stored(store)
    assert set(rows) == {"good-oslo", "w3"}  # a number as title is that text
    assert rows["w3"]["title"] == "1984" and rows["good-oslo"]["published"] == "2024-05-06"


# -- clashing ids --------------------------------------------------------------------------------------
def article(path: Path, ident: str | None, title: str, body: str, url: str | None = None) -> Path:
    meta = "".join(f"{k}: {v}\n" for k, v in (("id", ident), ("title", title), ("url", url)) if v)
    path.write_text(f"---\n{meta}---\n{body}\n", "utf-8")
    return path


def test_the_same_id_twice_in_one_run_keeps_the_first_and_says_so(tmp_path):
    a = article(tmp_path / "a.md", "summit", "First telling", "Japan and India signed a trade agreement.")
    b = article(tmp_path / "b.md", "summit", "Second telling", "India and Japan held talks in Tokyo.")
    c = article(tmp_path / "c.md", "other", "Same url", "Norway hosted talks.", url="https://news.example/1")
    d = article(tmp_path / "d.md", "another", "Same url again", "Norway hosted more talks.", url="https://news.example/1")
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "w", "title": "Wire one", "text": "Norway hosted talks."}) + "\n"
                    + json.dumps({"id": "w", "title": "Wire two", "text": "Sweden hosted talks."}) + "\n", "utf-8")
    store = tmp_path / "store"
    for attempt in range(2):  # the same files again: the same article stays, nothing alternates
        r = run("ingest", str(a), str(b), str(c), str(d), str(wire), str(a), "--store", str(store))
        err = r.stderr.decode()
        assert r.returncode == 1 and "Traceback" not in err, err
        assert err.splitlines()[:3] == [
            f"error: {b}: id 'summit' is also given by {a} (read first, so stored); this one is not stored: "
            "give it its own id",
            f"error: {d}: url 'https://news.example/1' is also the url of {c} (read first, so stored); "
            "this one is not stored",
            f"error: {wire}:2: id 'w' is also given by {wire}:1 (read first, so stored); this one is not "
            "stored: give it its own id"]
        assert len(err.splitlines()) == 4  # and the count; a file named twice is read once, silently
        expected = "3 added, 0 replaced, 0 unchanged" if attempt == 0 else "0 added, 0 replaced, 3 unchanged"
        assert r.stdout.decode().startswith(expected)
        rows = stored(store)
        assert {k: v["title"] for k, v in rows.items()} == {"summit": "First telling", "other": "Same url",
                                                             "w": "Wire one"}


def test_an_id_stored_from_another_file_is_a_clash_unless_replace(tmp_path):
    store = tmp_path / "store"
    a = article(tmp_path / "a.md", "summit", "First telling", "Japan and India signed a trade agreement.")
    assert run("ingest", str(a), "--store", str(store)).returncode == 0
    other = tmp_path / "elsewhere"
    other.mkdir()
    b = article(other / "a.md", "summit", "Second telling", "India and Japan held talks in Tokyo.")
    r = run("ingest", str(b), "--store", str(store))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert err.splitlines()[0] == (f"error: {b}: id 'summit' is already stored from another file (titled "
                                   "'First telling'); not replaced: give this article its own id, or ingest with "
                                   "--replace to replace that one")
    assert stored(store)["summit"]["title"] == "First telling"
    # the same file, edited: replaced as always, from wherever it is named
    article(a, "summit", "First telling, updated", "Japan and India signed a wider trade agreement.")
    r = subprocess.run(CMD + ["ingest", "a.md", "--store", str(store)], capture_output=True, cwd=tmp_path, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().startswith("0 added, 1 replaced")
    # the intended replacement
    r = run("ingest", str(b), "--store", str(store), "--replace")
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().startswith("0 added, 1 replaced")
    assert stored(store)["summit"]["title"] == "Second telling"


# -- the same rules for articles sent to a running server ------------------------------------------------
@pytest.mark.slow
def test_a_server_ingest_holds_the_same_limits_and_checks(tmp_path):
    """Records sent to /ingest (as `dipgraph ingest` sends them while a server holds the store) are
    checked as files are: the length limit, metadata kinds, clashes; a bad record is a problem of its
    own and the good ones are stored."""
    from test_server import fetch, running

    from dipgraph.ingest.read import MAX_CHARS

    store = tmp_path / "store"
    a = article(tmp_path / "a.md", "summit", "First telling", "Japan and India signed a trade agreement.")
    assert run("ingest", str(a), "--store", str(store)).returncode == 0
    with running(store, "--allow-ingest") as url:
        records = [
            {"text": "The envoys met. " * (MAX_CHARS // 16 + 1), "title": "Too long", "id": "too-long",
             "origin": "huge.txt"},
            {"text": "The envoys met.", "title": ["Talks", "in", "Oslo"], "id": "bad-title", "origin": "list.md"},
            {"text": "The envoys met.", "title": "Talks " * 1000, "id": "long-title", "origin": "title.md"},
            {"text": "The envoys met.", "published": 12, "id": "bad-date", "origin": "number.md"},
            {"text": "Norway hosted talks between Colombia and Venezuela.", "title": "Good", "id": "good-oslo",
             "origin": "good.md"},
        ]
        body = "\n".join(json.dumps(r) for r in records).encode()
        status, _, answer = fetch(url + "/ingest", data=body, headers={"Content-Type": "application/x-ndjson"})
        assert status == 200, answer
        report = json.loads(answer)
        assert report["added"] == 1
        assert report["problems"] == [
            f"huge.txt: article text is {16 * (MAX_CHARS // 16 + 1):,} characters, over the limit of "
            f"{MAX_CHARS:,} for one article",
            "list.md: title: a list, not text",
            "title.md: title is 5,999 characters, over the limit of 2,000 for a title",
            "number.md: published: the number 12, not a date (write it as YYYY-MM-DD)"]
        # an id stored from another file, sent by the command to the server that holds the store
        other = tmp_path / "elsewhere"
        other.mkdir()
        b = article(other / "a.md", "summit", "Second telling", "India and Japan held talks in Tokyo.")
        r = run("ingest", str(b), "--store", str(store))
        err = r.stderr.decode()
        assert r.returncode == 1 and "Traceback" not in err
        assert b"sent to the server" in r.stdout
        assert f"error: {b}: id 'summit' is already stored from another file (titled 'First telling')" in err
        r = run("ingest", str(b), "--store", str(store), "--replace")
        assert r.returncode == 0 and r.stdout.decode().startswith("0 added, 1 replaced"), r.stderr.decode()
    assert {k: v["title"] for k, v in stored(store).items()} == {"summit": "Second telling", "good-oslo": "Good"}


def test_a_query_file_that_never_ends_is_cut_short(tmp_path):
    store = tmp_path / "store"
    assert run("ingest", str(good(tmp_path)), "--store", str(store)).returncode == 0
    r = run("query", "-f", "/dev/zero", "--store", str(store), timeout=120)
    assert r.returncode == 2 and r.stderr.decode().splitlines() == [
        "dipgraph: /dev/zero: over 1,000,000 bytes, too long for a query"]
