"""Where a build's time goes: each component of graphkit's pipeline over the wikinews texts.

    python benchmarks/stages.py [--shared ../shared] [--rounds 3]

The throughput ratio of ``make quality`` (a build against bare ``nlp.pipe``) moves by a tenth
between runs on a 2-core virtual machine, whose speed changes from one minute to the next. This
script splits one process's time between the model's own components (tok2vec, tagger, parser,
attribute ruler, lemmatizer, NER: what bare ``nlp.pipe`` runs too) and graphkit's (the
paragraph breaks, the gazetteer, the state fixes, and the extraction with its parse of photo
credits and headings). Each component runs over all the texts in turn, the rounds alternate,
and each component's best round counts; the split is a ratio of times taken minutes apart at
most, so the machine's speed mostly cancels out. It prints each component's seconds and share,
and the ratio the split implies: the model's time over the whole pipeline's. Reading the
files, the language check and assembling the graph are left out (about 3% of a build here).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
#: the components bare ``nlp.pipe`` runs too (the rest are graphkit's)
MODEL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def split(shared: Path, rounds: int) -> dict[str, float]:
    """Each component's best time in seconds over the wikinews texts, ``make_doc`` included."""
    from graphkit.build import load_nlp
    from graphkit.ingest import read_document
    from graphkit.ontology import load_ontology

    onto = load_ontology()
    nlp = load_nlp(onto)
    files = sorted((shared / "corpus" / "wikinews").glob("*/text/*.txt"))
    documents = [read_document(f, f.stem) for f in files]
    best: dict[str, float] = {}
    for _ in range(rounds + 1):  # the first round warms every cache; it is not counted
        docs = []
        t = time.perf_counter()
        for d in documents:
            doc = nlp.make_doc(d.clean)
            doc._.graphkit_document = d
            docs.append(doc)
        times = {"make_doc": time.perf_counter() - t}
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            pipe = getattr(proc, "pipe", None)
            docs = list(pipe(docs, batch_size=32)) if pipe is not None else [proc(d) for d in docs]
            times[name] = time.perf_counter() - t
        if not best:
            best = dict.fromkeys(times, float("inf"))
            continue
        best = {k: min(best[k], v) for k, v in times.items()}
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    if not (args.shared / "corpus" / "wikinews").is_dir():
        print(f"{args.shared}: no corpus/wikinews here (--shared)", file=sys.stderr)
        return 2
    best = split(args.shared, args.rounds)
    total = sum(best.values())
    for name, seconds in best.items():
        whose = "model" if name in MODEL or name == "make_doc" else "graphkit"
        print(f"{name:22} {whose:9} {seconds:6.3f} s  {seconds / total:6.1%}")
    model = sum(v for k, v in best.items() if k in MODEL or k == "make_doc")
    print(f"{'graphkit, all':22} {'':9} {total - model:6.3f} s  {(total - model) / total:6.1%}")
    print(f"ratio implied (model / whole pipeline): {model / total:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
