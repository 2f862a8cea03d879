"""The explorer page in headless Chromium: load-to-interactive on a synthetic graph of 5,000
actors and on real corpus graphs.

    python benchmarks/html.py [--nodes 5000] [--edges 20000] [--seed 1] [--graph GRAPH_JSON ...]
    python benchmarks/html.py --wikinews ../shared/corpus/wikinews   # builds it first (cached)

The synthetic graph has realistic attributes (actor types, categories, speakers, modalities,
one evidence sentence per edge). Each page is rendered by graphkit, loaded from file:// in
Debian's Chromium with every non-file request aborted, and timed from navigation start: the
first drawn frame, the moment it is interactive (drawn, handlers attached: the layout is
computed before the page opens), a node click to a filled details panel and a keyboard search.
The goal for every page is interactive within 3 s; the exit status is 1 when one misses it.
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
import tempfile  # noqa: E402
import time  # noqa: E402

import networkx as nx  # noqa: E402

from graphkit.export.html import CATEGORY_COLORS, TYPE_COLORS  # noqa: E402
from graphkit.graph import KnowledgeGraph  # noqa: E402

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


def measure(kg: KnowledgeGraph, name: str, goal: float) -> bool:
    from playwright.sync_api import sync_playwright

    t = time.perf_counter()
    page_html = kg.to_html()
    render_s = time.perf_counter() - t
    first = max(kg.graph.nodes, key=kg.graph.degree)  # the busiest actor
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
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-state='ready']", state="attached", timeout=120_000)
            timings = page.evaluate("graphkit.timings")
            click_ms = page.evaluate(
                """id => { const t = performance.now();
                     graphkit.network.emit('click', {nodes: [id], edges: []});
                     const shown = !document.getElementById('details').hidden;
                     return shown ? performance.now() - t : -1; }""",
                first,
            )
            page.keyboard.press("Escape")
            t = time.perf_counter()
            page.fill("#search", kg.graph.nodes[first]["label"])
            page.press("#search", "Enter")
            page.wait_for_function("id => graphkit.state.focus === id", arg=first)
            search_ms = (time.perf_counter() - t) * 1000
            browser.close()
    g = kg.graph
    drawn, ready = timings["drawn"] / 1000, timings["ready"] / 1000
    print(f"{name}: {g.number_of_nodes()} actors, {g.number_of_edges()} edges, "
          f"graph.html {size_mb:.1f} MB rendered by graphkit in {render_s:.2f} s")  # fmt: skip
    print(f"  first drawn frame {drawn:.2f} s, interactive {ready:.2f} s after navigation start "
          f"(goal {goal} s); node click to details {click_ms:.0f} ms; keyboard search to focus "
          f"{search_ms:.0f} ms")  # fmt: skip
    return ready <= goal


def _wikinews(folder: Path, out: Path) -> Path:
    """graph.json of the whole wikinews corpus, built (with the cache) into ``out``."""
    import subprocess

    texts = sorted(str(p) for p in folder.glob("*/text"))
    subprocess.run([sys.executable, "-m", "graphkit", "build", *texts, "-o", str(out), "-q",
                    "--format", "json"], check=True)  # fmt: skip
    return out / "graph.json"


def main(argv: list[str] | None = None) -> int:
    from graphkit.load import read_json

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000, help="synthetic actors (0: none)")
    ap.add_argument("--edges", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--graph", type=Path, action="append", default=[], help="a graph.json to time")
    ap.add_argument("--wikinews", type=Path, help="the wikinews corpus folder: build and time it")
    ap.add_argument(
        "--goal", type=float, default=3.0, help="seconds to interactive (exit 1 if over)"
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
            )
    if args.nodes:
        kg = synthetic(args.nodes, args.edges, args.seed)
        ok &= measure(kg, f"synthetic (seed {args.seed})", args.goal)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
