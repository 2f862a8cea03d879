"""Write the README's pictures of the explorer, taken in Debian's Chromium (Playwright).

    python tools/screenshot.py GRAPH_HTML -o docs/seed-graph.png
    python tools/screenshot.py GRAPH_HTML --views docs/wikinews   # -desktop, -phone, -focus

Opens the page from file:// with every other request aborted and waits until it is
interactive. One picture: the page after a search for "Kataib" (the seed). ``--views PREFIX``:
three pictures of a corpus page, on a 1400x900 desktop, on a 390x844 phone, and on the desktop
after a click on the actor with the most edges (its neighbourhood in focus, its details open).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}


def screenshot(page, path: Path, query: str = "Kataib") -> Path:
    """Screenshot an already loaded graphkit page after searching for ``query`` (the first
    hit is focused)."""
    page.wait_for_selector("body[data-state='ready']", state="attached", timeout=30_000)
    if query:
        page.fill("#search", query)
        page.press("#search", "Enter")
    page.wait_for_timeout(200)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    if query:
        page.fill("#search", "")
        page.keyboard.press("Escape")
    return path


def _open(browser, html: Path, viewport: dict[str, int], mobile: bool = False):
    ctx = browser.new_context(viewport=viewport, is_mobile=mobile, has_touch=mobile)
    page = ctx.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
               else r.abort())  # fmt: skip
    page.goto(html.resolve().as_uri())
    page.wait_for_selector("body[data-state='ready']", state="attached", timeout=60_000)
    return ctx, page


def views(browser, html: Path, prefix: Path) -> list[Path]:
    """The desktop, phone and focus pictures of a page."""
    out = []
    prefix.parent.mkdir(parents=True, exist_ok=True)
    for name, viewport, mobile in (("desktop", DESKTOP, False), ("phone", PHONE, True)):
        ctx, page = _open(browser, html, viewport, mobile)
        page.wait_for_timeout(200)
        path = prefix.with_name(f"{prefix.name}-{name}.png")
        page.screenshot(path=str(path))
        out.append(path)
        ctx.close()
    ctx, page = _open(browser, html, DESKTOP)
    busiest = "graphkit.nodes.get().reduce((a, b) => b.gk_degree > a.gk_degree ? b : a).id"
    page.evaluate(f"graphkit.focusActor({busiest})")
    page.wait_for_timeout(200)
    path = prefix.with_name(f"{prefix.name}-focus.png")
    page.screenshot(path=str(path))
    out.append(path)
    ctx.close()
    return out


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", nargs="?", type=Path, default=ROOT / "out" / "graph.html")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "seed-graph.png")
    ap.add_argument("--views", type=Path, help="write PREFIX-desktop/-phone/-focus.png instead")
    args = ap.parse_args(argv)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        if args.views:
            for path in views(browser, args.html, args.views):
                print(path)
        else:
            ctx, page = _open(browser, args.html, DESKTOP)
            print(screenshot(page, args.out))
            ctx.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
