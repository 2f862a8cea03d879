"""graph.html in a real browser: Debian's Chromium driven by Playwright, loaded from file://.

Every request that is not file: or data: is aborted and recorded; the tests assert there were
none. `make test` installs Chromium (apt) and Playwright (pip) when they are missing.
"""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from graphkit.api import KnowledgeGraph

from .conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
XSS = '<img src=x onerror="window.__pwned=1;alert(1)">'
SCRIPT_END = "</script><script>window.__pwned=2;alert(2)</script>"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


class Loaded:
    """A page loaded from a file with the network cut off, and what it tried to do."""

    def __init__(self, browser: Browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 900})

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:")):
                r.continue_()
            else:
                self.requests.append(url)
                r.abort()

        self.page.route("**/*", route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-state='ready']", state="attached", timeout=30_000)

    def js(self, expr: str):
        return self.page.evaluate(expr)


@pytest.fixture(scope="module")
def seed_page(browser, seed_out):
    loaded = Loaded(browser, seed_out / "graph.html")
    yield loaded
    loaded.page.close()


def test_page_loads_offline_and_asks_for_nothing(seed_page):
    assert seed_page.requests == []
    assert seed_page.errors == []
    assert seed_page.js("graphkit.network.physics.options.enabled") is False  # frozen


def test_dataset_has_every_actor_and_edge_group(seed_page, seed_out):
    data = json.loads((seed_out / "graph.json").read_text())
    assert seed_page.js("graphkit.nodes.length") == len(data["nodes"])
    groups = {
        (e["source"], e["target"], e["category"], e["attributed_to"], e["modality"])
        for e in data["edges"]
    }
    assert seed_page.js("graphkit.edges.length") == len(groups)


def test_search_finds_and_focuses_kataib(seed_page):
    page = seed_page.page
    page.fill("#search", "Kataib")
    assert page.text_content("#hits-count") == "1 found"
    page.press("#search", "Enter")
    assert seed_page.js("graphkit.state.focus") == "kataib_hezbollah"
    assert seed_page.js("graphkit.network.getSelectedNodes()") == ["kataib_hezbollah"]
    assert "Kataib Hezbollah" in page.text_content("#details")
    page.fill("#search", "")
    page.keyboard.press("Escape")
    assert seed_page.js("graphkit.state.focus") is None


def test_category_filter_hides_those_edges(seed_page):
    page = seed_page.page
    before = seed_page.js("graphkit.edgeView.length")
    fights = seed_page.js("graphkit.edges.get().filter(e => e.category === 'fight').length")
    assert fights > 0
    box = page.locator("#categories input[data-name='fight']")
    box.click()
    assert seed_page.js("graphkit.edgeView.get().filter(e => e.category === 'fight').length") == 0
    assert seed_page.js("graphkit.edgeView.length") == before - fights
    box.click()
    assert seed_page.js("graphkit.edgeView.length") == before


def test_speaker_filter_keeps_the_documents_own_voice(seed_page):
    page = seed_page.page
    page.select_option("#speaker", "author")
    speakers = seed_page.js("graphkit.edgeView.get().map(e => e.gk_speaker)")
    assert speakers and all(s is None for s in speakers)
    page.select_option("#speaker", "")


def test_confidence_filter_keeps_the_edges_that_are_usually_right(seed_page):
    page = seed_page.page
    confs = seed_page.js("graphkit.edges.get().map(e => e.gk_confidence)")
    assert min(confs) < 0.7 <= max(confs)  # the seed's measured confidences fall on both sides
    page.select_option("#confidence", "0.7")
    kept = seed_page.js("graphkit.edgeView.get().map(e => e.gk_confidence)")
    assert sorted(kept) == sorted(c for c in confs if c >= 0.7)
    assert "confidence=0.7" in page.evaluate("location.hash")
    page.select_option("#confidence", "0")
    assert seed_page.js("graphkit.edgeView.length") == len(confs)


def test_clicking_an_edge_shows_its_evidence(seed_page):
    page = seed_page.page
    edges = seed_page.js(
        "graphkit.edgeView.get().map(e => ({id: e.id, text: e.gk_evidence[0].text}))"
    )
    box = page.locator("#graph").bounding_box()
    for edge in edges:
        point = seed_page.js(
            f"""(() => {{
              const e = graphkit.network.body.edges[{json.dumps(edge["id"])}];
              const p = e.edgeType.getPoint(0.5);
              return graphkit.network.canvasToDOM(p);
            }})()"""
        )
        page.keyboard.press("Escape")  # close the details of the last try
        page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        details = page.text_content("#details")
        if edge["text"] in details:
            assert page.locator("#details mark").count() >= 1  # the trigger is highlighted
            return
    pytest.fail("no edge click showed its evidence")


def _hostile_graph() -> KnowledgeGraph:
    g = nx.MultiDiGraph()
    mention = {"doc": "evil", "start": 0, "end": 5, "text": XSS}
    g.add_node(XSS, label=XSS, type="Person", aliases=[XSS, SCRIPT_END], mentions=[mention])
    g.add_node("b", label=SCRIPT_END, type="State", aliases=[], mentions=[])
    ev = {"doc": "evil", "start": 0, "end": 40, "text": f"{XSS} attacked {SCRIPT_END}",
          "rule": "verb_active", "confidence": 0.8, "claim": SCRIPT_END,
          "trigger": {"start": 0, "end": 5, "text": XSS[:5]}}  # fmt: skip
    g.add_edge(XSS, "b", key="attack:asserted:author", relation="attack", category="fight",
               cameo="190", attributed_to=None, modality="asserted", confidence=0.8,
               evidence=[ev])  # fmt: skip
    docs = [{"id": "evil", "title": SCRIPT_END, "authors": [XSS], "publisher": XSS}]
    return KnowledgeGraph(g, docs)


def test_article_text_is_shown_as_text_and_runs_nothing(browser, tmp_path):
    path = tmp_path / "graph.html"
    path.write_text(_hostile_graph().to_html(), encoding="utf-8")
    loaded = Loaded(browser, path)
    page = loaded.page
    page.fill("#search", "img")
    page.locator("#hits li").first.click()
    assert XSS in page.text_content("#details")
    loaded.js("graphkit.network.selectEdges([graphkit.edges.getIds()[0]])")
    loaded.js("graphkit.network.emit('click', {nodes: [], edges: graphkit.edges.getIds()})")
    assert SCRIPT_END in page.text_content("#details")
    assert loaded.js("window.__pwned") is None
    assert loaded.dialogs == [] and loaded.errors == [] and loaded.requests == []
    assert page.locator("#details img").count() == 0


def test_screenshot_for_the_readme(seed_page, tmp_path):
    screenshot = runpy.run_path(str(ROOT / "tools" / "screenshot.py"))["screenshot"]
    out = screenshot(seed_page.page, tmp_path / "seed.png")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_a_large_graph_arrives_laid_out_and_is_usable(browser, tmp_path):
    synthetic = runpy.run_path(str(ROOT / "benchmarks" / "html.py"))["synthetic"]
    kg = synthetic(2000, 6000, 7)
    path = tmp_path / "graph.html"
    path.write_text(kg.to_html(), encoding="utf-8")
    loaded = Loaded(browser, path)
    assert loaded.requests == [] and loaded.errors == []
    assert loaded.js("graphkit.nodes.length") == 2000
    assert loaded.js("graphkit.nodes.get().every(n => typeof n.x === 'number')")
    assert loaded.js("graphkit.network.physics.options.enabled") is False
    # interactive: a search focuses an actor and fills the details panel
    loaded.page.fill("#search", "Actor 1999")
    loaded.page.press("#search", "Enter")
    assert "Actor 1999" in loaded.page.text_content("#details")
    loaded.page.close()
