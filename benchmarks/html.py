"""The explorer page in headless Chromium: load-to-interactive and every interaction, on a
synthetic graph of 5,000 actors and on real corpus graphs, with an honest clock.

    python benchmarks/html.py [--nodes 5000] [--edges 20000] [--seed 1] [--graph GRAPH_JSON ...]
    python benchmarks/html.py --wikinews ../shared/corpus/wikinews   # builds it first (cached)

The synthetic graph has realistic attributes (actor types, categories, speakers, modalities,
one evidence sentence per edge). Each page is rendered by graphkit, loaded from file:// in
Debian's Chromium with every non-file request aborted, and watched by a long-task observer and
Event Timing, both registered before the page's own script runs:

- *interactive* is the end of the last main-thread task of 50 ms or more, once the main thread
  has then been idle for 500 ms (and never before the first drawn frame);
- each *interaction* is real input (Playwright's trusted mouse, wheel and keyboard events),
  timed from its input event to the latest end among the slow events (to their next paint) and
  long tasks it set off, again once the main thread has been idle for 500 ms; 20 of each kind
  (click an actor, Escape, a category filter, a wheel zoom, a letter typed in the search, Enter
  to focus the first hit), reported as the 95th percentile, the median and the maximum.

The goals: interactive within 3 s, every kind of interaction within 200 ms at the 95th
percentile; the exit status is 1 when a page misses one.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named html.py, as the issue asks: keep its folder off the import path so that
# `import html` finds the standard library, not this script.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import networkx as nx  # noqa: E402

from graphkit.api import KnowledgeGraph  # noqa: E402
from graphkit.export.html import CATEGORY_COLORS, TYPE_COLORS  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
MODALITIES = ["asserted"] * 8 + ["negated", "denied", "hypothetical", "planned"]


def synthetic(n_nodes: int, n_edges: int, seed: int) -> KnowledgeGraph:
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    types = sorted(TYPE_COLORS)
    cats = sorted(CATEGORY_COLORS)
    docs = [{"id": f"doc{i}", "title": f"Article {i}", "authors": [], "publisher": "Wire"}
            for i in range(max(1, n_nodes // 50))]  # fmt: skip
    for i in range(n_nodes):
        label = f"Actor {i}"
        doc = rnd.choice(docs)["id"]
        mention = {"doc": doc, "start": 0, "end": len(label), "text": label}
        g.add_node(f"a{i}", label=label, type=rnd.choice(types), aliases=[label],
                   mentions=[mention])  # fmt: skip
    for j in range(n_edges):
        u, v = rnd.sample(range(n_nodes), 2)
        cat = rnd.choice(cats)
        modality = rnd.choice(MODALITIES)
        speaker = f"a{rnd.randrange(n_nodes)}" if rnd.random() < 0.2 else None
        text = f"Actor {u} did something to Actor {v} ({j})."
        at = 100 * j  # each edge its own sentence of its document
        ev = {"doc": rnd.choice(docs)["id"], "start": at, "end": at + len(text), "text": text,
              "rule": "verb_active", "confidence": 0.8,
              "trigger": {"start": at + 7 + len(str(u)), "end": at + 10 + len(str(u)),
                          "text": "did"}}  # fmt: skip
        g.add_edge(f"a{u}", f"a{v}", key=f"{cat}:{modality}:{speaker}:{j}", relation=cat,
                   category=cat, cameo=None, attributed_to=speaker, modality=modality,
                   confidence=0.8, evidence=[ev])  # fmt: skip
    return KnowledgeGraph(g, docs)


#: registered before the page's own script: every long task (a main-thread block of 50 ms or
#: more) and every input event slower than 16 ms to its next paint (Event Timing), from
#: navigation start on
OBSERVER = """
window.__bench = { long: [], events: [] };
new PerformanceObserver(list => {
  for (const t of list.getEntries()) __bench.long.push([t.startTime, t.startTime + t.duration]);
}).observe({ type: "longtask", buffered: true });
new PerformanceObserver(list => {
  for (const t of list.getEntries()) __bench.events.push([t.name, t.startTime, t.startTime + t.duration]);
}).observe({ type: "event", buffered: true, durationThreshold: 16 });
"""
#: resolves once the main thread has run no long task for ``ms``: the time it went quiet
QUIET = """async ms => {
  for (;;) {
    const last = Math.max(0, ...__bench.long.map(t => t[1]));
    if (performance.now() - last >= ms) return last;
    await new Promise(done => setTimeout(done, 25));
  }
}"""
#: how long one interaction took, from its input event to the end of the work it caused: the
#: latest end among the long tasks and slow events that began after ``since``; an interaction
#: none of whose tasks reached 50 ms and whose event painted within 16 ms counts as 16 ms
SPAN = """since => {
  const events = __bench.events.filter(e => e[1] >= since);
  const start = events.length ? Math.min(...events.map(e => e[1])) : since;
  const ends = [...events.map(e => e[2]), ...__bench.long.filter(t => t[0] >= since).map(t => t[1])];
  return Math.max(16, ...ends.map(end => end - start));
}"""
IDLE_MS = 500
REPEATS = 20


def _p95(values: list[float]) -> float:
    """The 95th percentile by nearest rank (the 19th of 20)."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


class _Clock:
    """One page's honest clock: marks, real input (Playwright's trusted events), and the span
    from each input to the moment the main thread has been idle for ``IDLE_MS``."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.spans: dict[str, list[float]] = {}

    def quiet(self) -> float:
        return float(self.page.evaluate(QUIET, IDLE_MS))

    def time(self, kind: str, act: Any) -> float:
        self.quiet()
        since = self.page.evaluate("performance.now()")
        act()
        self.quiet()
        ms = float(self.page.evaluate(SPAN, since))
        self.spans.setdefault(kind, []).append(ms)
        return ms


def _node_point(page: Any, node: str) -> tuple[float, float] | None:
    """Where an actor is drawn, in page pixels (None when it is off the canvas)."""
    at = page.evaluate(
        """id => { const n = graphkit.network, p = n.canvasToDOM(n.getPosition(id));
                   const r = document.getElementById("graph").getBoundingClientRect();
                   const x = r.left + p.x, y = r.top + p.y;
                   return x > r.left + 4 && x < r.right - 4 && y > r.top + 4 && y < r.bottom - 4
                     ? [x, y] : null; }""",
        node,
    )
    return (at[0], at[1]) if at else None


def _interactions(page: Any, kg: KnowledgeGraph) -> dict[str, list[float]]:
    """Each kind of interaction ``REPEATS`` times, with real input: a click on an actor and
    Escape to clear it, a category filter toggled, a wheel zoom in and out, a letter typed in
    the search and Enter to focus the first hit."""
    clock = _Clock(page)
    g = kg.graph
    busiest = sorted(g.nodes, key=lambda n: (-g.degree(n), n))
    clicked = 0
    for node in busiest:
        if clicked == REPEATS:
            break
        at = _node_point(page, node)
        if at is None:
            continue
        clock.time("click an actor", lambda at=at: page.mouse.click(*at))
        if page.evaluate("graphkit.state.focus") is None:
            raise SystemExit(f"a click at {at} on {node!r} focused nothing")
        clock.time("Escape (clear)", lambda: page.keyboard.press("Escape"))
        clicked += 1
    names = page.eval_on_selector_all(
        "#categories input", "boxes => boxes.map(b => b.dataset.name)"
    )
    for i in range(REPEATS):
        box = f'#categories input[data-name="{names[i // 2 % len(names)]}"]'
        clock.time("filter a category", lambda box=box: page.click(box))
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for i in range(REPEATS):
        step = -240 if i % 2 == 0 else 240
        clock.time("zoom (wheel)", lambda step=step: page.mouse.wheel(0, step))
    for node in busiest[:REPEATS]:
        name = g.nodes[node]["label"]
        page.fill("#search", name[:-1])
        clock.time("type in the search", lambda name=name: page.press("#search", name[-1]))
        clock.time("Enter (search to focus)", lambda: page.press("#search", "Enter"))
        if page.evaluate("graphkit.state.focus") is None:
            raise SystemExit(f"searching {name!r} focused nothing")
        page.keyboard.press("Escape")  # empties the search
        page.keyboard.press("Escape")  # clears the focus
    return clock.spans


def measure(kg: KnowledgeGraph, name: str, goal: float, budget: float) -> bool:
    """Render, load and drive one page; print its figures; True when every goal is met."""
    from playwright.sync_api import sync_playwright

    t = time.perf_counter()
    page_html = kg.to_html()
    render_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:  # removed afterwards
        path = Path(tmp) / "graph.html"
        path.write_text(page_html, encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            local = ("file:", "data:")
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(local)
                       else r.abort())  # fmt: skip
            page.add_init_script(OBSERVER)
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-state='ready']", state="attached", timeout=120_000)
            drawn = page.evaluate("graphkit.timings.drawn")
            interactive = max(drawn, _Clock(page).quiet())
            longest = page.evaluate("Math.max(0, ...__bench.long.map(t => t[1] - t[0]))")
            spans = _interactions(page, kg)
            browser.close()
    g = kg.graph
    print(f"{name}: {g.number_of_nodes()} actors, {g.number_of_edges()} edges, "
          f"graph.html {size_mb:.1f} MB rendered by graphkit in {render_s:.2f} s")  # fmt: skip
    print(f"  first drawn frame {drawn / 1000:.2f} s; interactive (main thread idle "
          f"{IDLE_MS} ms after) {interactive / 1000:.2f} s after navigation start, goal "
          f"{goal} s; longest main-thread block at load {longest:.0f} ms")  # fmt: skip
    ok = interactive / 1000 <= goal
    for kind, values in spans.items():
        p95 = _p95(values)
        ok &= p95 <= budget
        print(f"  {kind:<26} p95 {p95:5.0f} ms  median {statistics.median(values):5.0f} ms  "
              f"max {max(values):5.0f} ms  (n={len(values)}, goal {budget:.0f} ms)")  # fmt: skip
    return ok


def _wikinews(folder: Path, out: Path) -> Path:
    """graph.json of the whole wikinews corpus, built (with the cache) into ``out``."""
    import subprocess

    texts = sorted(str(p) for p in folder.glob("*/text"))
    subprocess.run([sys.executable, "-m", "graphkit", "build", *texts, "-o", str(out), "-q",
                    "--format", "json"], check=True)  # fmt: skip
    return out / "graph.json"


def main(argv: list[str] | None = None) -> int:
    from graphkit.api import read_json

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000, help="synthetic actors (0: none)")
    ap.add_argument("--edges", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--graph", type=Path, action="append", default=[], help="a graph.json to time")
    ap.add_argument("--wikinews", type=Path, help="the wikinews corpus folder: build and time it")
    ap.add_argument(
        "--goal", type=float, default=3.0, help="seconds to interactive (exit 1 if over)"
    )
    ap.add_argument(
        "--budget", type=float, default=200.0, help="ms for each interaction, p95 (exit 1 if over)"
    )
    args = ap.parse_args(argv)

    ok = True
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-wn-") as tmp:
        graphs = list(args.graph)
        if args.wikinews:
            graphs.append(_wikinews(args.wikinews, Path(tmp)))
        for path in graphs:
            ok &= measure(
                read_json(path),
                "wikinews" if args.wikinews and path.parent == Path(tmp) else str(path),
                args.goal,
                args.budget,
            )
    if args.nodes:
        kg = synthetic(args.nodes, args.edges, args.seed)
        ok &= measure(kg, f"synthetic (seed {args.seed})", args.goal, args.budget)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
