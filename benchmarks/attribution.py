"""Score graphkit on the attribution dev set (``tests/data/attribution``), one article at a time.

    python benchmarks/attribution.py [--shared ../shared] [--set voa] [--verbose] [--json]

Each article is built on its own and scored by ``shared/eval/score.py`` against the gold written
beside it. The figures are the mean edge F1 over the articles, the attribution accuracy over all
the required assertions found (pooled, so an article where nothing is found does not count as
zero), and the mean actor F1. ``make quality`` prints the same figures in its table.

``--set voa`` scores the 20 Voice of America articles of ``shared/gold/voa`` (annotated
independently of graphkit) the same way.

It is a script, not a test: the gold is development data, and the figures are for a person.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "attribution"
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]


def score_article(
    text: Path, gold: Path, shared: Path, work: Path, hierarchy: bool = True
) -> dict[str, object]:
    """Build one article and return score.py's figures, with the counts behind attribution.
    ``hierarchy=False`` builds without the built-in ``part_of`` edges (``--no-hierarchy``)."""
    import graphkit

    out = work / f"{text.stem}{'' if hierarchy else '.flat'}.json"
    kg = graphkit.build([text], hierarchy=hierarchy)
    out.write_text(json.dumps(kg.to_json()), encoding="utf-8")
    r = json.loads(
        subprocess.run(
            [sys.executable, str(shared / "eval" / "score.py"), str(out), str(gold), "--json"],
            check=True, capture_output=True, text=True,
        ).stdout
    )  # fmt: skip
    assertions = json.loads(gold.read_text(encoding="utf-8"))["assertions"]
    needed = [a for a in assertions if a["required"]]
    r["required"] = len(needed)
    r["found"] = r["required"] - len(r["missed_assertions"])
    r["attributed"] = r["found"] - len(r["misattributed_assertions"])
    # claims whose only source is a speaker (the gold does not accept the author's voice)
    speaker_only = [a["id"] for a in needed if "author" not in a["source"]]
    r["speaker_only"] = len(speaker_only)
    r["speaker_only_found"] = sum(1 for a in speaker_only if a not in r["missed_assertions"])
    return r


def run(shared: Path, work: Path, folder: Path = DEV, hierarchy: bool = True) -> dict[str, object]:
    """Every article of ``folder`` (``NAME.txt`` beside ``NAME.gold.json``) built on its own
    and scored; the means over the articles, attribution and speaker-only claims pooled."""
    articles = {}
    for gold in sorted(folder.glob("*.gold.json")):
        text = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
        articles[text.stem] = score_article(text, gold, shared, work, hierarchy)
    n = len(articles) or 1
    found = sum(r["found"] for r in articles.values())

    def mean(key: str) -> float:
        return round(sum(r[key] for r in articles.values()) / n, 3)

    # score.py gives an article with no scored edge precision 0 (0/0): the mean above counts
    # drawing nothing as drawing only wrong edges; this one leaves such articles out
    drawn = [r for r in articles.values() if r["edge_precision"] or r["false_edges"]]
    return {
        "edge_p_drawn": round(sum(r["edge_precision"] for r in drawn) / len(drawn), 3)
        if drawn
        else 0.0,
        "articles_drawn": len(drawn),
        "articles": len(articles),
        "required": sum(r["required"] for r in articles.values()),
        "found": found,
        "edge_f1": mean("edge_f1"),
        "edge_p": mean("edge_precision"),
        "edge_r": mean("edge_recall"),
        "edge_r_strict": mean("edge_recall_strict"),
        "actor_f1": mean("actor_f1"),
        "speaker_only": sum(r["speaker_only"] for r in articles.values()),
        "speaker_only_found": sum(r["speaker_only_found"] for r in articles.values()),
        "attribution": round(sum(r["attributed"] for r in articles.values()) / found, 3)
        if found
        else 0.0,
        "per_article": articles,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON")
    ap.add_argument(
        "--verbose", action="store_true", help="list misses and false edges per article"
    )
    ap.add_argument(
        "--set", choices=("attribution", "voa"), default="attribution",
        help="the attribution dev articles (default) or the VOA articles in SHARED/gold/voa",
    )  # fmt: skip
    args = ap.parse_args(argv)
    shared = args.shared.resolve()
    if not (shared / "eval" / "score.py").is_file():
        print(f"attribution: {shared} has no eval/score.py; pass --shared DIR", file=sys.stderr)
        return 2
    folder = DEV if args.set == "attribution" else shared / "gold" / "voa"
    with tempfile.TemporaryDirectory(prefix="graphkit-attribution-") as tmp:
        r = run(shared, Path(tmp), folder)
    if args.json:
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
    for name, a in r["per_article"].items():
        print(
            f"{name[:48]:48}  actor F1 {a['actor_f1']:.2f}  edge P/R/F1 {a['edge_precision']:.2f}/"
            f"{a['edge_recall']:.2f}/{a['edge_f1']:.2f}  attributed {a['attributed']}/{a['found']}"
        )
        if args.verbose:
            print(
                f"    missed {a['missed_assertions']}  "
                f"misattributed {a['misattributed_assertions']}"
            )
            for e in a["false_edges"]:
                print(f"    false  {e}")
            print(f"    missed actors {a['missed_actors']}  spurious {a['spurious_nodes']}")
            print(f"    duplicates {a['duplicate_nodes']}")
    print(
        f"{r['articles']} articles: mean edge P/R/F1 {r['edge_p']}/{r['edge_r']}/{r['edge_f1']}  "
        f"strict edge recall {r['edge_r_strict']}  speaker-only claims "
        f"{r['speaker_only_found']}/{r['speaker_only']}  "
        f"attribution {r['attribution']} ({r['found']} of {r['required']} required found)  "
        f"mean actor F1 {r['actor_f1']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
