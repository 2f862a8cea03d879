"""Write the README's screenshot of the seed graph: docs/seed-graph.png.

    python tools/screenshot.py [GRAPH_HTML] [-o docs/seed-graph.png]

Opens the page from file:// in Debian's Chromium (driven by Playwright), waits until the layout
has settled and frozen, searches for "Kataib" so the sidebar shows an actor, and saves a PNG.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def screenshot(page, path: Path, query: str = "Kataib") -> Path:
    """Screenshot an already loaded graphkit page after searching for ``query``."""
    page.wait_for_selector("body[data-state='ready']", state="attached", timeout=30_000)
    if query:
        page.fill("#search", query)
        page.evaluate("graphkit.network.fit({animation: false})")  # the whole graph, highlighted
    page.wait_for_timeout(200)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    if query:
        page.fill("#search", "")
    return path


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", nargs="?", type=Path, default=ROOT / "out" / "graph.html")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "seed-graph.png")
    args = ap.parse_args(argv)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                   else r.abort())  # fmt: skip
        page.goto(args.html.resolve().as_uri())
        print(screenshot(page, args.out))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
