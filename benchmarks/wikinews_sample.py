"""A hand-judged sample of the edges graphkit draws on the 163 wikinews articles.

The wikinews corpus (``../shared/corpus/wikinews``) has gold entities but no gold edges, so edge
precision on it is judged by hand: this script builds the corpus as one graph, draws
``--size`` edges at random with a fixed seed, and compares them with the verdicts kept in
``benchmarks/wikinews_sample.tsv`` (one row per judged edge: right or wrong, and why). It
prints the share of the drawn edges that were judged right and lists the drawn edges that have
no verdict yet; ``--write`` adds the drawn edges that have none, with an empty verdict, for a
person to judge. The file keeps every verdict given, drawn now or not: a change that removes an
edge redraws the sample, and an edge drawn again keeps its verdict.

    python benchmarks/wikinews_sample.py --shared ../shared            # the judged share
    python benchmarks/wikinews_sample.py --shared ../shared --write    # add unjudged rows

An edge is keyed by its source, category, target and the first evidence sentence, so a
verdict stays with the edge as long as graphkit reads the same thing from the same sentence.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# this folder holds scripts named like standard modules (html.py): never import from it
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
JUDGED = HERE / "wikinews_sample.tsv"
FIELDS = ["key", "verdict", "why", "source", "category", "target", "rule", "document", "sentence"]
SEED = 33


def draw(shared: Path, size: int, seed: int = SEED) -> list[dict[str, str]]:
    """``size`` edges of the wikinews build, drawn with ``seed`` from the edges in a stable
    order (event edges and standing relations alike; no events without a recipient)."""
    import graphkit

    files = sorted((shared / "corpus" / "wikinews").glob("*/text/*.txt"))
    if not files:
        raise SystemExit(f"wikinews_sample: no texts under {shared / 'corpus' / 'wikinews'}")
    kg = graphkit.build(files)
    label = {n: d.get("label", n) for n, d in kg.graph.nodes(data=True)}
    rows = []
    for u, v, d in kg.graph.edges(data=True):
        ev = d["evidence"][0]
        sentence = " ".join(ev.get("text", "").split())
        rows.append({
            "key": f"{u}|{d['category']}|{v}|{sentence[:120]}",
            "source": label[u], "category": d["category"], "target": label[v],
            "rule": ev.get("rule", ""), "document": ev.get("doc", ""), "sentence": sentence,
        })  # fmt: skip
    rows.sort(key=lambda r: r["key"])
    return random.Random(seed).sample(rows, min(size, len(rows)))


def read_judged(path: Path = JUDGED) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["key"]: r for r in csv.DictReader(fh, delimiter="\t")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--write", action="store_true", help="rewrite the file as the current sample")
    args = ap.parse_args(argv)
    drawn = draw(args.shared, args.size)
    judged = read_judged()
    verdicts = [
        judged[r["key"]]["verdict"] for r in drawn if judged.get(r["key"], {}).get("verdict")
    ]
    right = sum(v == "right" for v in verdicts)
    print(
        f"wikinews sample: {len(drawn)} edges drawn (seed {SEED}); {len(verdicts)} judged, "
        f"{right} right ({right / len(verdicts):.0%})"
        if verdicts
        else "none judged yet"
    )
    wrong = [judged[r["key"]] for r in drawn if judged.get(r["key"], {}).get("verdict") == "wrong"]
    for w in wrong:
        print(f"  wrong: {w['source']} -{w['category']}-> {w['target']} ({w['rule']}): {w['why']}")
    for r in drawn:
        j = judged.get(r["key"])
        if j and j.get("verdict") and (j["source"], j["target"]) != (r["source"], r["target"]):
            # the same nodes, labelled anew (a verdict about a label may no longer hold)
            print(
                f"  relabelled since judged ({j['verdict']}): {j['source']} -> {r['source']}, "
                f"{j['target']} -> {r['target']}: judge it again"
            )
    new = [r for r in drawn if r["key"] not in judged]
    if new:
        print(
            f"{len(new)} drawn edges have no verdict"
            + ("" if args.write else " (--write adds them)")
        )
    if args.write:
        # the drawn edges, with the verdicts they already have, and every verdict given to an
        # edge not drawn now (graphkit may read it again, and the verdict still holds)
        rows = [judged.get(r["key"]) or {**r, "verdict": "", "why": ""} for r in drawn]
        keys = {r["key"] for r in drawn}
        rows += [r for k, r in judged.items() if k not in keys and r.get("verdict")]
        with JUDGED.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(sorted(rows, key=lambda r: r["key"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
