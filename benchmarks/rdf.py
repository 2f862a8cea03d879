"""RDF export and canned SPARQL queries on a synthetic graph of over a million triples.

    python benchmarks/rdf.py [--edges 50000] [--nodes 10000] [--repeat 3]

Builds a random KnowledgeGraph (the same generator as benchmarks/html.py), then, in one run,
for graphkit's Oxigraph-backed store and for plain rdflib:

- loads the RDF model into the store (triples/s);
- exports it as N-Triples and Turtle (triples/s, best of --repeat);
- runs every canned query (ms, best of --repeat), each with the binding a user would give
  (an actor for who-did-what and claims-by, a group for members-of, a document for timeline).

Printed: the figures side by side and the ratio Oxigraph / rdflib. Plain rdflib is slow on a
million triples, so its export and queries are measured on the same graph but --rdflib-repeat
times (default 1).
"""

from __future__ import annotations

import argparse
import runpy
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from graphkit.analysis.query import canned, run
from graphkit.api import KnowledgeGraph
from graphkit.export.rdf import to_rdf

HERE = Path(__file__).resolve().parent


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


Queries = dict[str, tuple[str, dict[str, Identifier]]]


def measure(kg: KnowledgeGraph, store: str, repeat: int, queries: Queries) -> dict[str, float]:
    """Load, export and query timings for one store."""
    r: dict[str, float] = {}
    t = time.perf_counter()
    g = to_rdf(kg, store)
    r["load s"] = time.perf_counter() - t
    n = len(g)
    r["triples"] = n
    fmt_nt = "ox-ntriples" if store == "oxigraph" else "nt"
    fmt_ttl = "ox-turtle" if store == "oxigraph" else "turtle"
    r["N-Triples export triples/s"] = n / best(lambda: g.serialize(format=fmt_nt), repeat)[0]
    r["Turtle export triples/s"] = n / best(lambda: g.serialize(format=fmt_ttl), repeat)[0]
    for name, (text, b) in queries.items():
        secs, table = best(lambda text=text, b=b: run(g, text, b), repeat)
        r[f"{name} ms"] = secs * 1000
        r[f"{name} rows"] = len(table.rows)  # type: ignore[attr-defined]
    return r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--edges", type=int, default=55_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-repeat", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    synthetic = runpy.run_path(str(HERE / "html.py"))["synthetic"]
    kg = synthetic(args.nodes, args.edges, args.seed)
    armed = URIRef("https://w3id.org/graphkit/ontology/0.1/ArmedGroup")
    bindings = {
        "who-did-what": {"objectLabel": Literal("Actor 7")},
        "claims-by": {"speakerLabel": Literal("Actor 11")},
        "members-of": {"groupLabel": Literal("Actor 3")},
        "timeline": {"document": Literal("doc5")},
        "actors-by-type": {"type": armed},
        "contested": {"subjectLabel": Literal("Actor 7")},
    }
    texts = {name: path.read_text(encoding="utf-8") for name, path in canned().items()}
    queries = {name: (texts[name], bindings.get(name, {})) for name in texts}
    # the same queries over the whole graph, with nothing bound
    for name in ("contested", "actors-by-type", "who-did-what"):
        queries[f"{name} (unbound)"] = (texts[name], {})
    results = {
        "oxigraph": measure(kg, "oxigraph", args.repeat, queries),
        "memory": measure(kg, "memory", args.rdflib_repeat, queries),
    }
    ox, rl = results["oxigraph"], results["memory"]
    triples = f"{ox['triples']:,.0f} triples"
    print(f"synthetic graph: {args.nodes:,} actors, {args.edges:,} edges, {triples}")
    print(f"{'':34}{'oxigraph':>14}{'rdflib':>14}{'ratio':>9}")
    for key in ox:
        if key in {"triples"} or key.endswith(" rows"):
            continue
        faster = ox[key] / rl[key] if key.endswith("/s") else rl[key] / ox[key]
        print(f"{key:34}{ox[key]:>14,.1f}{rl[key]:>14,.1f}{faster:>8.1f}x")
    for name in queries:
        print(f"  {name}: {ox[name + ' rows']:.0f} rows")
    slow = [k for k in ox if k.endswith(" ms") and "(unbound)" not in k and ox[k] >= 50]
    fast_export = ox["N-Triples export triples/s"] >= 1_000_000
    print(f"goals: export >= 1M triples/s: {'yes' if fast_export else 'no'}; "
          f"every canned query (as bound above) < 50 ms: "
          f"{'yes' if not slow else 'no ' + str(slow)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
