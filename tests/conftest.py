"""Shared fixtures: a real store in a temp folder, the seed article, the sample articles, Chromium."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from dipgraph.graph.records import Article
from dipgraph.graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed"
SAMPLES = ROOT / "data" / "samples"
CHROMIUM = Path("/usr/bin/chromium")
# Progress lines come with the clock; commands the tests run keep their output to what they did.
os.environ["DIPGRAPH_PROGRESS_EVERY"] = "0"


@pytest.fixture
def store(tmp_path):
    """An empty dipgraph store on disk, closed after the test."""
    st = Store(tmp_path / "store")
    yield st
    st.close()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The seed article folder beside the checkout; tests using it skip where it is absent."""
    if not (SEED / "lavrov-choe-pyongyang.txt").exists():
        pytest.skip(f"the seed article is not beside the checkout ({SEED} is missing)")
    return SEED


@pytest.fixture(scope="session")
def realnews_dir() -> Path:
    """The real news development set beside the checkout; tests using it skip where it is absent."""
    folder = SEED.parent / "realnews"
    if not any(folder.glob("*.gold.tsv")):
        pytest.skip(f"the real news development set is not beside the checkout ({folder} is missing)")
    return folder


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium, installed with apt-get when missing (as root, as on CI)."""
    if not CHROMIUM.exists() and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed and could not be installed here")
    return str(CHROMIUM)


CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def browser(chromium_path):
    """A headless Chromium driven by Playwright (no browser download), closed after the test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def mixed_corpus(samples_dir) -> list[Article]:
    """A few of the samples and some short articles written here, for comparing ingest modes."""
    from dipgraph.ingest.read import read_paths

    files = sorted(samples_dir.glob("*.md"))[:4]
    arts = [a for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]
    arts += [
        Article(text="Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Beijing "
                     "on Tuesday. The two sides signed an agreement on trade.",
                title="Lavrov in Beijing", id="gen-lavrov-beijing", published=date(2024, 4, 9)),
        Article(text="France recalled its ambassador to Australia. Paris criticized Canberra over the deal.",
                title="Ambassador recalled", id="gen-france-australia", published=date(2021, 9, 17)),
        Article(text="The European Union imposed sanctions on Iran over drone deliveries to Russia.",
                title="EU sanctions", id="gen-eu-iran", published=date(2022, 10, 20)),
    ]
    return arts


@pytest.fixture(scope="session")
def nquads():
    """A store's whole content as a set of N-Quads lines, for comparing two stores."""
    def content(st: Store) -> set[bytes]:
        buf = io.BytesIO()
        st.export("nquads", buf)
        return set(buf.getvalue().splitlines())
    return content
