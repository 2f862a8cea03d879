"""axe-core, the accessibility engine (from npm: `make test` installs it from package.json and
package-lock.json), run in Chromium on the explorer in both colour schemes: the page as it
opens, with an actor's details open, with an edge chosen, and on a phone with the drawer open.
Every violation axe reports fails the test, with its rule, impact and the elements involved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT
from .test_explorer import corpus_html  # noqa: F401  (the corpus page fixture)
from .test_html_browser import browser  # noqa: F401  (the browser fixture)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: every rule axe runs by default (WCAG 2.0, 2.1 and 2.2 A and AA, and its best practices)
RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5) }));
}"""


def _source() -> str:
    if not AXE.is_file():
        raise AssertionError(f"{AXE} is missing: `make test` installs it (npm ci)")
    return AXE.read_text(encoding="utf-8")


def _violations(page) -> list[dict]:
    page.evaluate(_source())  # evaluated by the test, not loaded by the page: its CSP stays
    return page.evaluate(RUN)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(browser, corpus_html, scheme):  # noqa: F811
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
               else r.abort())  # fmt: skip
    page.goto(Path(corpus_html).as_uri())
    page.wait_for_selector("body[data-state='ready']", state="attached")
    found = {"as it opens": _violations(page)}
    page.evaluate("graphkit.focusActor('kataib_hezbollah')")
    found["an actor's details"] = _violations(page)
    page.evaluate("graphkit.focusEdge(graphkit.edges.get()[0].id)")
    found["an edge's details"] = _violations(page)
    page.fill("#search", "ira")
    found["search hits"] = _violations(page)
    ctx.close()
    phone = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844},
                                has_touch=True, is_mobile=True)  # fmt: skip
    page = phone.new_page()
    page.goto(Path(corpus_html).as_uri())
    page.wait_for_selector("body[data-state='ready']", state="attached")
    page.click("#menu")
    found["the phone's drawer"] = _violations(page)
    phone.close()
    assert {where: v for where, v in found.items() if v} == {}
