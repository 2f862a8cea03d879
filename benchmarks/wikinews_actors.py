"""Actor extraction on the wikinews corpus, against its gold entity mentions.

    python benchmarks/wikinews_actors.py [--graph graph.json] [--json]

Builds a graph of the 163 wikinews articles in ../shared/corpus/wikinews (43 GUM, 120
MEANTIME; CC BY 2.5 Wikinews contributors, annotations CC BY 4.0 GUM / NewsReader MEANTIME),
or reads one built by ``graphkit build`` from the two ``text`` folders, and scores its actor
mentions against the gold person / organisation / place mentions with
:func:`graphkit.analysis.evaluate.mention_scores`: precision of the graph's mentions, recall
of the gold *named* mentions (MEANTIME ``NAM``; in GUM, mentions with a capitalised word that
are not pronouns), per type, and recall of gold entities.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import graphkit
from graphkit.analysis.evaluate import GoldMention, mention_scores

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"
#: gold types that are actors (or places, which graphkit keeps when they are states)
TYPES = {
    "person": "person", "organization": "organization", "place": "place",
    "PER": "person", "ORG": "organization", "LOC": "place",
}  # fmt: skip
PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
            "it", "its", "they", "them", "their", "who", "whom", "which", "that", "this",
            "these", "those", "itself", "themselves", "himself", "herself"}  # fmt: skip


def _named_gum(text: str) -> bool:
    words = text.split()
    if not words or text.lower() in PRONOUNS:
        return False
    if words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def load_gold(corpus: str, root: Path = WIKINEWS) -> dict[str, list[GoldMention]]:
    """Gold actor mentions of one sub-corpus ("gum_wikinews" or "meantime"), keyed by the
    document id ``graphkit build <corpus>/text`` gives each file."""
    out: dict[str, list[GoldMention]] = {}
    with open(root / corpus / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            doc_id = rec["text_file"].removeprefix("text/").removesuffix(".txt")
            spans = []
            for e in rec["entities"]:
                t = TYPES.get(e.get("type") or "")
                if t is None:
                    continue
                if corpus == "meantime":
                    named = e.get("syntactic_type") == "NAM"
                else:
                    named = _named_gum(e["text"])
                identity = e.get("identity") or e.get("xdoc_id")
                spans.append(
                    GoldMention(e["start"], e["end"], t, named, e.get("cluster"), identity)
                )
            out[doc_id] = spans
    return out


def score_corpus(corpus: str, graph: dict) -> dict:
    return mention_scores(graph, load_gold(corpus))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="graph.json of one sub-corpus (else build both)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    results = {}
    for corpus in ("gum_wikinews", "meantime"):
        if args.graph:
            graph = json.loads(args.graph.read_text(encoding="utf-8"))
        else:
            graph = graphkit.build([WIKINEWS / corpus / "text"]).to_json()
        results[corpus] = score_corpus(corpus, graph)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for corpus, r in results.items():
        by_type = ", ".join(f"{t} {v}" for t, v in r["recall_named_by_type"].items())
        print(
            f"{corpus}: {r['documents']} docs; mention precision {r['precision']} "
            f"({r['predicted_mentions']} mentions); named-mention recall {r['recall_named']} "
            f"({by_type}); entity recall {r['recall_entities']} of {r['gold_entities']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
