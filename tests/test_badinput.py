"""Bad input: one clear line naming the file and the problem, the other inputs still stored, a
non-zero exit, and nothing already in the store lost. Also a process killed mid-ingest."""
from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dipgraph.graph.store import Store
from test_cli import INPUTS, dipgraph, snapshot
from test_store import lavrov_choe

GOOD = "Good news from Oslo\n\nNorway hosted talks between Colombia and Venezuela in Oslo on Monday.\n"
FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def filled_once(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("filled") / "store"
    with Store(path) as st:
        st.put(lavrov_choe())
    r = dipgraph("ingest", str(INPUTS), "--store", str(path))
    assert r.returncode == 0, r.stderr.decode()
    return path


@pytest.fixture
def filled(filled_once, tmp_path) -> Path:
    """A store already holding a hand-made article with events and the fixture inputs (a copy per test)."""
    path = tmp_path / "store"
    shutil.copytree(filled_once, path)
    return path


def article_ids(path: Path) -> set[str]:
    with Store(path, create=False) as st:
        return {a["id"] for a in st.articles()}


def write_cp1252(p: Path) -> None:
    p.write_bytes("Café talks in Paris\n\nThe French minister met his counterpart at a café “near” the "
                  "Quai d’Orsay on Friday – and said so.\n".encode("cp1252"))


def write_huge(p: Path) -> None:
    line = b"The delegations met again and talked about the border for a long time. " * 16 + b"\n"
    with p.open("wb") as fh:
        for _ in range(FIFTY_MB // len(line) + 1):
            fh.write(line)


# name, how to make it, the problem it must be reported with
CASES = {
    "empty.txt": (lambda p: p.write_bytes(b""), r"empty file"),
    "blank.md": (lambda p: p.write_bytes(b"\n\n   \n"), r"empty file"),
    "binary.txt": (lambda p: p.write_bytes(bytes(range(256)) * 64), r"binary file"),
    "photo.html": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000)), r"binary file"),
    "huge.txt": (write_huge, r"file is 52\.\d MB, over the 20 MB limit"),
    "bad-date.md": (lambda p: p.write_text("---\ntitle: Talks\npublished: 2023-02-30\n---\nThe envoys met.\n",
                                           "utf-8"), r"impossible date"),
    "bad-date-text.txt": (lambda p: p.write_text("---\ntitle: Talks\ndate: 31 Febtember\n---\nThe envoys met.\n",
                                                 "utf-8"), r"not a date"),
    "unclosed.md": (lambda p: p.write_text("---\ntitle: Talks\n\nThe envoys met.\n", "utf-8"),
                    r"front matter .*never ends"),
    "missing.txt": (None, r"no such file or folder"),
    # under the byte limit but more text than one article may hold: refused before any parsing
    "long.txt": (lambda p: p.write_text("A long report\n\n" + "The envoys met again in Geneva. " * 40_000,
                                        "utf-8"),
                 r"article text is 1,280,000 characters, over the limit of 1,000,000 for one article"),
}


@pytest.fixture(scope="module")
def bad_run(filled_once, tmp_path_factory):
    """One ingest of every bad file and one good file into a store that already holds articles."""
    tmp = tmp_path_factory.mktemp("bad")
    store = tmp / "store"
    shutil.copytree(filled_once, store)
    paths = []
    for name, (make, _) in CASES.items():
        if make:
            make(tmp / name)
        paths.append(str(tmp / name))
    good = tmp / "good.txt"
    good.write_text(GOOD, "utf-8")
    before, ids = snapshot(store), article_ids(store)
    r = dipgraph("ingest", *paths[:4], str(good), *paths[4:], "--store", str(store))
    return {"tmp": tmp, "result": r, "before": before, "after": snapshot(store), "ids": ids,
            "ids_after": article_ids(store), "good": good}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_file_gets_one_line_naming_it_and_the_problem(bad_run, name):
    r, bad = bad_run["result"], bad_run["tmp"] / name
    err = r.stderr.decode()
    about = [ln for ln in err.splitlines() if str(bad) in ln]
    assert len(about) == 1, err
    assert about[0].startswith(f"error: {bad}: ")
    assert re.search(CASES[name][1], about[0]), about[0]


def test_bad_files_fail_the_run_but_lose_nothing_and_the_good_file_goes_in(bad_run):
    r = bad_run["result"]
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "Traceback" not in err
    assert err.splitlines()[-1] == f"dipgraph: {len(CASES)} input(s) could not be read, 0 warning(s); see above"
    assert r.stdout.decode().startswith("1 added, 0 replaced, 0 unchanged;")
    # everything that was in the store is still there; the good file was added, no bad one
    assert bad_run["before"] < bad_run["after"]
    assert bad_run["ids_after"] - bad_run["ids"] == {_key_of(bad_run["good"])}


def _key_of(path: Path) -> str:
    from dipgraph.ingest.read import read_path

    [a] = list(read_path(path))
    return a.key


def test_not_utf8_is_read_as_cp1252_with_a_warning(filled, tmp_path):
    bad = tmp_path / "latin.txt"
    write_cp1252(bad)
    wire = tmp_path / "latin.jsonl"
    wire.write_bytes('{"id": "jl-cafe", "title": "Café", "text": "Talks at the café “Oslo” went well."}\n'
                     .encode("cp1252"))
    before = snapshot(filled)
    r = dipgraph("ingest", str(bad), str(wire), "--store", str(filled))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    [line] = [ln for ln in err.splitlines() if str(bad) in ln]
    assert line.startswith(f"warning: {bad}: not UTF-8") and "read as cp1252" in line
    [line] = [ln for ln in err.splitlines() if str(wire) in ln]
    assert line.startswith(f"warning: {wire}:1: not UTF-8") and "read as cp1252" in line
    assert r.stdout.decode().startswith("2 added")
    assert before < snapshot(filled)
    with Store(filled, create=False) as st:
        [(title, length)] = [(t.value, n.value) for t, n in st.query(
            "SELECT ?t ?n WHERE { ?a schema:headline ?t ; dip:textLength ?n FILTER(STRSTARTS(?t, 'Café ')) }")]
        [(title2, length2)] = [(t.value, n.value) for t, n in st.query(
            "SELECT ?t ?n WHERE { ?a schema:identifier 'jl-cafe' ; schema:headline ?t ; dip:textLength ?n }")]
    text = "The French minister met his counterpart at a café “near” the Quai d’Orsay on Friday – and said so."
    assert (title, int(length)) == ("Café talks in Paris", len(text))
    assert (title2, int(length2)) == ("Café", len("Talks at the café “Oslo” went well."))


def test_broken_jsonl_line_names_file_and_line(filled, tmp_path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text(
        '{"id": "jl-1", "title": "One", "text": "Chile and Peru met in Lima."}\n'
        '{"id": "jl-2", "title": "Two", "text": "unterminated\n'
        '{"id": "jl-3", "title": "Three", "text": "Ghana and Togo signed a pact."}\n'
        '["not", "an", "object"]\n'
        '{"id": "jl-5", "title": "Five", "published": "2023-02-30", "text": "Impossible day."}\n'
        '{"id": "jl-6", "title": "Six"}\n', "utf-8")
    before, ids = snapshot(filled), article_ids(filled)
    r = dipgraph("ingest", str(wire), "--store", str(filled))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    lines = {int(m[1]): ln for ln in err.splitlines() if (m := re.match(rf"error: {re.escape(str(wire))}:(\d+): ", ln))}
    assert set(lines) == {2, 4, 5, 6}
    assert "invalid JSON" in lines[2]
    assert "expected a JSON object" in lines[4]
    assert "impossible date" in lines[5]
    assert "no article text" in lines[6]
    assert r.stdout.decode().startswith("2 added")
    assert before < snapshot(filled)
    assert article_ids(filled) - ids == {"jl-1", "jl-3"}


def test_fifty_megabyte_jsonl_line_is_refused_and_the_other_lines_go_in(filled, tmp_path):
    wire = tmp_path / "big.jsonl"
    with wire.open("wb") as fh:
        fh.write(b'{"id": "small-1", "title": "Small", "text": "Chile and Peru met in Lima."}\n')
        fh.write(b'{"id": "big", "title": "Big", "text": "' + b"talks " * (FIFTY_MB // 6) + b'"}\n')
        fh.write(b'{"id": "small-3", "title": "Small too", "text": "Ghana and Togo signed a pact."}\n')
    before = snapshot(filled)
    r = dipgraph("ingest", str(wire), "--store", str(filled))
    assert r.returncode == 1
    [line] = [ln for ln in r.stderr.decode().splitlines() if str(wire) in ln]
    assert line.startswith(f"error: {wire}:2: line is 52.4 MB, over the 20 MB limit")
    assert before < snapshot(filled)
    assert {"small-1", "small-3"} <= article_ids(filled) and "big" not in article_ids(filled)


def test_fifty_megabytes_on_standard_input_is_refused(filled, tmp_path):
    before = snapshot(filled)
    r = dipgraph("ingest", "-", "--store", str(filled), input=b"Talks went on. " * (FIFTY_MB // 15 + 1))
    assert r.returncode == 1
    [line] = [ln for ln in r.stderr.decode().splitlines() if "<stdin>" in ln]
    assert "over the 20 MB limit" in line
    assert snapshot(filled) == before


def test_the_byte_limit_is_an_option(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("A report\n\n" + "The envoys met again in Geneva. " * 100, "utf-8")  # 3.2 kB
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    r = dipgraph("ingest", str(report), str(good), "--store", str(tmp_path / "s"), "--max-bytes", "2000")
    assert r.returncode == 1
    assert f"error: {report}: file is 3.2 kB, over the 2 kB limit for one input (--max-bytes)" in r.stderr.decode()
    assert r.stdout.decode().startswith("1 added")


def test_store_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    r = dipgraph("ingest", str(good), "--store", str(folder))
    assert r.returncode != 0
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"dipgraph: {folder}: not a dipgraph store")
    # the folder is left exactly as it was
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]
    assert (folder / "holiday.jpg").read_bytes() == b"\xff\xd8\xff\xe0 not really a photo"
    for verb in (["query", "ASK { ?s ?p ?o }"], ["stats"], ["export"], ["remove", "x"], ["articles"]):
        r = dipgraph(*verb, "--store", str(folder))
        assert r.returncode != 0 and "not a dipgraph store" in r.stderr.decode(), verb
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]


def test_store_path_that_is_a_file(tmp_path):
    f = tmp_path / "store.txt"
    f.write_text("keep me", "utf-8")
    r = dipgraph("ingest", str(INPUTS / "plain-talks.txt"), "--store", str(f))
    assert r.returncode != 0 and "is a file, not a store folder" in r.stderr.decode()
    assert f.read_text("utf-8") == "keep me"


# -- killed mid-ingest ------------------------------------------------------------------------------

COUNTRIES = ["Chile", "Peru", "Ghana", "Togo", "Norway", "Japan", "Kenya", "Brazil", "India", "Egypt",
             "Poland", "Canada", "Mexico", "Vietnam", "Turkey", "Spain"]


def generated_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        a, b, c = COUNTRIES[i % 16], COUNTRIES[(i * 7 + 3) % 16], COUNTRIES[(i * 5 + 1) % 16]
        body = " ".join([
            f"The foreign ministers of {a} and {b} met in the capital of {c} on Tuesday for talks number {i}.",
            f"{a} urged {b} to reopen the border crossings that were closed last spring.",
            f"Officials from {c} said the two delegations signed an agreement on fishing rights.",
        ])
        (folder / f"gen-{i:04d}.md").write_text(
            f"---\nid: gen-{i:04d}\ntitle: Talks {i} between {a} and {b}\npublished: 2023-06-{1 + i % 28:02d}\n"
            f"---\n{body}\n", "utf-8")


def incomplete_articles(path: Path) -> list[str]:
    """Article graphs that miss their NewsArticle node or text hash, or hold an event without a sentence."""
    with Store(path, create=False) as st:
        bad = st.query("""SELECT DISTINCT ?g WHERE { GRAPH ?g { ?x ?p ?y }
              FILTER (STRSTARTS(STR(?g), STR(res:article\\/)))
              FILTER (NOT EXISTS { GRAPH ?g { ?g a schema:NewsArticle ; dip:textHash ?h ; schema:identifier ?i } }
                      || EXISTS { GRAPH ?g { ?e a dip:Event FILTER NOT EXISTS { ?e dip:sentence ?s } } }) }""")
        return [row[0].value for row in bad]


def count(path: Path, sparql: str) -> int:
    with Store(path, create=False) as st:
        return int(next(iter(st.query(sparql)))[0].value)


N_ARTICLES = 300


def test_killed_mid_ingest_leaves_whole_articles_and_the_rerun_completes(tmp_path):
    folder = tmp_path / "many"
    generated_articles(folder, N_ARTICLES)
    store = tmp_path / "store"
    exe = Path(sys.executable).parent / "dipgraph"
    # a terminal on standard error makes the command show its progress, so the test can see it working
    master, slave = pty.openpty()
    proc = subprocess.Popen([str(exe), "ingest", str(folder), "--store", str(store), "--batch-size", "8"],
                            stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen, done, shown = b"", 0, time.monotonic()
    try:
        while done < 20 and proc.poll() is None and time.monotonic() - shown < 300:
            ready, _, _ = select.select([master], [], [], 1.0)
            if ready:
                try:
                    seen = (seen + os.read(master, 65536))[-4096:]
                except OSError:
                    break
                counts = re.findall(rb"(\d+) artic", seen)
                done = int(counts[-1]) if counts else 0
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        os.close(master)
    assert done >= 20, seen.decode(errors="replace")
    assert proc.returncode == -signal.SIGKILL

    stored = count(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }")
    assert stored >= 20
    assert incomplete_articles(store) == []

    r = dipgraph("ingest", str(folder), "--store", str(store))
    assert r.returncode == 0, r.stderr.decode()
    m = re.match(r"(\d+) added, 0 replaced, (\d+) unchanged;", r.stdout.decode())
    assert m and int(m[1]) + int(m[2]) == N_ARTICLES and int(m[2]) == stored
    assert int(m[1]) > 0  # the kill did interrupt the first run
    assert incomplete_articles(store) == []
    assert count(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }") \
        == N_ARTICLES
    # one hash, one headline per article: nothing doubled
    assert count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle ; dip:textHash ?h ; "
                        "schema:headline ?t } }") == N_ARTICLES
