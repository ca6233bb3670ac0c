"""What a new user meets first on the command line: the version, plain help, one-line errors."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
