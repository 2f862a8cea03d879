"""Throughput of a graphkit build against bare spaCy ``nlp.pipe`` on the same texts, in one run.

    python benchmarks/throughput.py [FOLDER ...] [--repeat 3] [--min-ratio 0.85]

The texts are every ``.txt`` below the folders (default: the wikinews corpus in
../shared/corpus/wikinews, 163 articles). The baseline is the plain spaCy model
(``spacy.load``) piping the same texts; graphkit is :func:`graphkit.build` on the same
files: reading, its own pipeline components, extraction, resolution and assembly. Both are
warmed up first and timed ``--repeat`` times, alternating; the best time of each is used.
Printed: documents per second for each and their ratio; exit 1 when the ratio is below
``--min-ratio``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

import graphkit
from graphkit.ingest import discover, read_document
from graphkit.nlp import resolve_model_name

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"
DEFAULT = [WIKINEWS / "gum_wikinews" / "text", WIKINEWS / "meantime" / "text"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--min-ratio", type=float, default=0.0)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    found, missing = discover(args.folders)
    if missing:
        raise SystemExit(str(missing[0]))
    paths = [p for p, _ in found]
    docs = [read_document(p, doc_id) for p, doc_id in found]
    texts = [d.clean for d in docs]
    chars = sum(len(t) for t in texts)
    model = resolve_model_name(args.model)
    bare = spacy.load(model)
    print(f"{len(texts)} documents, {chars:,} characters, model {model}")

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=32):
            pass

    def run_graphkit() -> None:
        kg = graphkit.build(paths, model=args.model)
        assert not kg.errors, kg.errors

    run_bare()  # warm up both (model load, caches)
    run_graphkit()
    best = {"bare": float("inf"), "graphkit": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("bare", run_bare), ("graphkit", run_graphkit)):
            t = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t)
    rate = {k: len(texts) / v for k, v in best.items()}
    ratio = rate["graphkit"] / rate["bare"]
    print(f"bare nlp.pipe: {rate['bare']:.1f} docs/s ({best['bare']:.2f} s)")
    print(f"graphkit build: {rate['graphkit']:.1f} docs/s ({best['graphkit']:.2f} s)")
    print(f"ratio graphkit / bare: {ratio:.2f}")
    if ratio < args.min_ratio:
        print(f"below the minimum ratio {args.min_ratio}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
