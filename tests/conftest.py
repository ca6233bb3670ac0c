"""Shared fixtures: a real store in a temp folder, the seed article, the sample articles, Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed"
SAMPLES = ROOT / "data" / "samples"
CHROMIUM = Path("/usr/bin/chromium")


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
