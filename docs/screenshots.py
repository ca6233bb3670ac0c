"""The README's pictures of the graph page, made from the current code: the bundled samples are
ingested into a scratch store, the page is written as `make demo` writes it, and headless Chromium
(Debian's /usr/bin/chromium through Playwright, offline) photographs it at first sight and with an
actor in focus.

    .venv/bin/python docs/screenshots.py            # writes docs/img/page.png and docs/img/page-focus.png

The pictures are reduced to 256 colours so that each stays well under 300 KB.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["build_demo_page", "shoot", "main"]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1280, "height": 760}
FOCUS = "Russia"


def build_demo_page(folder: Path) -> Path:
    """Ingest data/samples into a store in ``folder`` and write the page, as `make demo` does."""
    dipgraph = str(Path(sys.executable).with_name("dipgraph"))
    if not Path(dipgraph).exists():
        raise SystemExit(f"no dipgraph command beside {sys.executable}: run this with the project's "
                         "Python, .venv/bin/python docs/screenshots.py")
    store, page = folder / "store", folder / "graph.html"
    for args in (["ingest", str(ROOT / "data" / "samples")], ["view", "-o", str(page)]):
        r = subprocess.run([dipgraph, *args, "--store", str(store)], capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"dipgraph {args[0]} failed: {r.stderr.strip()}")
    return page


def _small_png(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def shoot(page: Path, out: Path, focus: str = FOCUS) -> list[Path]:
    """Photograph ``page`` at first sight and with ``focus`` found by the page's search."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    out.mkdir(parents=True, exist_ok=True)
    url = page.resolve().as_uri()
    settled = "() => window.dipgraph && dipgraph.ready && dipgraph.labelsSettled()"
    shots = [out / "page.png", out / "page-focus.png"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        ctx = browser.new_context(viewport=VIEWPORT, offline=True)
        tab = ctx.new_page()
        tab.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
        tab.goto(url)
        tab.wait_for_function(settled, timeout=60_000)
        tab.screenshot(path=str(shots[0]))
        tab.fill("#search", focus)
        tab.press("#search", "Enter")
        tab.wait_for_timeout(400)  # the move to the actor
        tab.wait_for_function(settled, timeout=60_000)
        tab.screenshot(path=str(shots[1]))
        browser.close()
    for shot in shots:
        _small_png(shot)
    return shots


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the pictures")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dipgraph-shots-") as tmp:
        for shot in shoot(build_demo_page(Path(tmp)), args.out):
            print(f"wrote {shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot} "
                  f"({shot.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
