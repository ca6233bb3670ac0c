"""What a new user meets first on the command line: the version, plain help, one-line errors."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import dipgraph, ok
from test_server import build_store, running

from dipgraph import __version__

ROOT = Path(__file__).resolve().parent.parent


def test_version_prints_the_installed_version():
    assert ok(dipgraph("--version")).strip() == f"dipgraph {__version__}"


def test_help_shows_flags_without_type_tags():
    for verb in ([], ["ingest"], ["view"], ["analyze"]):
        text = ok(dipgraph(*verb, "--help"))
        assert "--help" in text and "<bool>" not in text


def test_ingest_dask_without_dask_names_the_extra(tmp_path):
    # Dask made unimportable in this process, as in an install without the extra.
    code = ("import sys; sys.modules['dask'] = sys.modules['dask.distributed'] = None; "
            "from dipgraph.cli import main; sys.argv[0] = 'dipgraph'; main()")
    r = subprocess.run([sys.executable, "-c", code, "ingest", str(ROOT / "data/samples/blinken-xi-beijing.md"),
                        "--dask", "local:1", "--store", str(tmp_path / "s")], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert "pip install 'dipgraph[dask]'" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_stats_on_a_served_folder_gives_the_servers_url(tmp_path):
    path = tmp_path / "store"
    build_store(path, 3)
    with running(path) as url:
        r = dipgraph("stats", "--store", str(path))
        assert r.returncode != 0 and b"Traceback" not in r.stderr
        assert f"{url}/sparql" in r.stderr.decode()
        # and the URL it names answers
        assert "articles: 3" in ok(dipgraph("stats", "--store", f"{url}/sparql"))


def test_plain_txt_is_known_by_its_file_name_and_undated_articles_are_counted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chile-argentina.txt").write_text(
        "Ministers meet\n\nChilean Foreign Minister Alberto van Klaveren met Argentine Foreign Minister "
        "Diana Mondino in Santiago on Tuesday.\n", "utf-8")
    store = str(tmp_path / "s")
    out = ok(dipgraph("ingest", str(folder), "--store", store))
    assert "1 article(s) had no publication date" in out
    listed = ok(dipgraph("articles", "--store", store))
    assert listed.startswith("chile-argentina\t")
    # nothing new to extract: nothing to say about dates
    assert "no publication date" not in ok(dipgraph("ingest", str(folder), "--store", store))


def test_ingest_off_a_terminal_writes_progress_lines_with_the_total_and_a_summary(tmp_path):
    import re

    files = [str(ROOT / "data/samples" / n) for n in ("blinken-xi-beijing.md", "russia-invades-ukraine.md")]
    r = dipgraph("ingest", *files, "--store", str(tmp_path / "s"), env={"DIPGRAPH_PROGRESS_EVERY": "0.000001"})
    out = ok(r)
    lines = r.stderr.decode().splitlines()
    assert lines and all(re.fullmatch(r"ingest: [12] articles of 2, [0-9.]+/s", line) for line in lines), lines
    assert out.startswith("2 added, 0 replaced, 0 unchanged;")
    # with 0, no progress lines at all
    quiet = dipgraph("ingest", *files, "--store", str(tmp_path / "t"), env={"DIPGRAPH_PROGRESS_EVERY": "0"})
    assert ok(quiet).startswith("2 added") and quiet.stderr == b""


# -- files the verbs write: a place that cannot take them is one line before any work ------------

WRITERS = {  # verb arguments before the file, and the thing it writes
    "analyze --plot": (["analyze", "--level", "country", "--plot"], "the chart"),
    "timeline --plot": (["timeline", "Russia", "Ukraine", "--level", "country", "--plot"], "the chart"),
    "view -o": (["view", "-o"], "the page"),
    "export -o": (["export", "-o"], "the export"),
    "export --format graphml -o": (["export", "--format", "graphml", "-o"], "the export"),
    "export --format csv -o": (["export", "--format", "csv", "-o"], "the export"),
}
SUFFIX = {"the chart": ".png", "the page": ".html", "the export": ".out"}


@pytest.fixture(scope="module")
def ukraine_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("writers") / "store"
    ok(dipgraph("ingest", str(ROOT / "data/samples/russia-invades-ukraine.md"), "--store", str(path)))
    return path


def _bad_places(tmp: Path, suffix: str) -> dict[str, tuple[str, str]]:
    """Each bad target, and what the message must say about it."""
    (tmp / "a-file").write_text("not a folder")
    (tmp / f"a-folder{suffix}").mkdir()
    return {
        "missing folder": (str(tmp / "no" / "such" / f"x{suffix}"), f"no folder {tmp / 'no' / 'such'} (create it first)"),
        "a file as folder": (str(tmp / "a-file" / f"x{suffix}"), f"{tmp / 'a-file'} is not a folder"),
        "a folder as file": (str(tmp / f"a-folder{suffix}"), "it is a folder; name a file"),
        "a folder that takes no files": (f"/proc/dipgraph-test{suffix}", "no file can be made in /proc"),
    }


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_file_that_cannot_be_written_is_one_line_naming_it(writer, ukraine_store, tmp_path):
    args, what = WRITERS[writer]
    for case, (target, problem) in _bad_places(tmp_path, SUFFIX[what]).items():
        before = sorted(p.name for p in tmp_path.rglob("*"))
        r = dipgraph(*args, target, "--store", str(ukraine_store), cwd=tmp_path)
        err = r.stderr.decode()
        assert r.returncode != 0, (writer, case)
        assert "Traceback" not in err and "Errno" not in err and "os error" not in err, (writer, case, err)
        assert err.strip() == f"dipgraph: {target}: cannot write {what}: {problem}", (writer, case)
        assert r.stdout == b"", (writer, case)  # nothing was computed or printed before the refusal
        assert sorted(p.name for p in tmp_path.rglob("*")) == before, (writer, case)
    # and a good place works
    good = tmp_path / f"good{SUFFIX[what]}"
    r = dipgraph(*args, str(good), "--store", str(ukraine_store), cwd=tmp_path)
    assert r.returncode == 0 and good.stat().st_size > 0, r.stderr


def test_a_query_file_that_cannot_be_read_is_one_line(tmp_path, ukraine_store):
    for target, problem in [(tmp_path / "none.rq", "no such file"), (tmp_path, "it is a folder; name a file")]:
        r = dipgraph("query", "-f", str(target), "--store", str(ukraine_store))
        assert r.returncode != 0
        assert r.stderr.decode().strip() == f"dipgraph: {target}: cannot read the query: {problem}"
