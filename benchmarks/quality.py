"""The quality dashboard: every development signal in one table (``make quality``).

    python benchmarks/quality.py [--shared ../shared] [--json] [--skip-throughput]

One run builds and scores, with the scorers and data in ``../shared`` (not in this repository):

- **seed**: the seed article by ``shared/eval/score.py`` (actor, edge F1, attribution);
- **attribution dev**: the 11 wikinews articles of ``tests/data/attribution`` with gold written
  for graphkit, each built on its own and scored by ``score.py`` (:mod:`benchmarks.attribution`);
- **VOA**: the 20 Voice of America articles of ``shared/gold/voa``, annotated independently of
  graphkit, each built on its own and scored the same way, with strict edge recall (found from
  the gold's own sentence) and the speaker-only claims found;
- **PLOVER dev**: the 165 event sentences of ``shared/events/plover_dev.jsonl``, one document
  per record, by ``shared/eval/score_events.py`` (dyad and typed recall, record and event-edge
  precision) and the typed recall of each PLOVER category;
- **wikinews**: actor mentions of the 163 wikinews articles against their gold entities
  (:mod:`benchmarks.wikinews_actors`), and how many nodes stand for one gold entity, in its
  document and across documents (GUM's Wikipedia identities, MEANTIME's instances): above 1
  is duplicates;
- **throughput**: graphkit's build of the wikinews texts against bare ``nlp.pipe`` over the same
  texts, in this process before anything else is built (as fresh as a command-line build), both
  warmed, best of three interleaved rounds each (a ratio, not a time: both share the machine's
  load).

It is a script, not a test: it prints figures for a person to read and compare.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]


def _benchmark(name: str):
    """Another script of benchmarks/ as a module (they are scripts, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(args: list[str]) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def seed(shared: Path, work: Path) -> dict[str, float]:
    import graphkit

    out = work / "seed.json"
    kg = graphkit.build([shared / "gold" / "iraq-strikes.txt"])
    out.write_text(json.dumps(kg.to_json()), encoding="utf-8")
    last = _run(
        [sys.executable, str(shared / "eval" / "score.py"), str(out),
         str(shared / "gold" / "iraq-strikes.gold.json")]
    ).strip().splitlines()[-1]  # fmt: skip
    num = r"([\d.]+)"
    m = re.search(
        rf"actor P/R/F1 {num}/{num}/{num}\s+edge P/R/F1 {num}/{num}/{num}\s+attribution {num}", last
    )
    if m is None:
        raise SystemExit(f"quality: cannot read score.py's output: {last}")
    v = [float(x) for x in m.groups()]
    return {"actor_f1": v[2], "edge_p": v[3], "edge_r": v[4], "edge_f1": v[5], "attribution": v[6]}


def plover_dev(shared: Path, work: Path) -> dict[str, object]:
    import graphkit

    gold = shared / "events" / "plover_dev.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    texts = work / "dev"
    texts.mkdir()
    for r in records:  # one document per record, id = record id, as the scorer expects
        (texts / f"{r['id']}.txt").write_text(r["text"] + "\n", encoding="utf-8")
    out = work / "dev.json"
    graph = graphkit.build([texts]).to_json()
    out.write_text(json.dumps(graph), encoding="utf-8")
    judged = _benchmark("plover_unlisted").judged_precision(shared, graph)
    score = [sys.executable, str(shared / "eval" / "score_events.py"), str(out), str(gold)]
    verbose = _run([*score, "--verbose"]).strip().splitlines()
    last = verbose[-1]
    fig = {k: float(v) for k, v in re.findall(r"([a-z][a-z -]+?) ([\d.]+)(?=\s|$)", last)}
    missed = Counter(line.split()[2] for line in verbose if line.startswith("MISS "))
    total = Counter(r["event_type"].lower() for r in records)
    syn = {"request": "demand", "accuse": "disapprove", "criticize": "disapprove"}
    total = Counter({syn.get(k, k): v for k, v in total.items()})
    per_cat = {c: round(1 - missed.get(c, 0) / n, 2) for c, n in sorted(total.items())}
    return {
        "dyad_recall": fig.get("dyad recall", 0.0),
        "typed_recall": fig.get("typed recall", 0.0),
        "event_edge_precision": fig.get("event-edge precision", 0.0),
        "record_precision": fig.get("record precision", 0.0),
        "event_edges": int(fig.get("event edges", 0)),
        "event_edge_precision_judged": judged["judged"],
        "record_precision_judged": judged["record_precision_judged"],
        "unjudged": judged["unjudged"],
        "per_category": per_cat,
    }


def wikinews(shared: Path) -> dict[str, dict[str, object]]:
    import graphkit
    from graphkit.analysis.evaluate import mention_scores

    load_gold = _benchmark("wikinews_actors").load_gold

    root = shared / "corpus" / "wikinews"
    out = {}
    for corpus in ("gum_wikinews", "meantime"):
        graph = graphkit.build([root / corpus / "text"]).to_json()
        r = mention_scores(graph, load_gold(corpus, root))
        n_nodes = len(graph["nodes"])
        linked = {e["source"] for e in graph["edges"]} | {e["target"] for e in graph["edges"]}
        r["nodes"] = n_nodes
        r["nodes_with_edge"] = len(linked)
        r["self_loops"] = sum(e["source"] == e["target"] for e in graph["edges"])
        out[corpus] = r
    return out


def wikinews_sample(shared: Path) -> dict[str, int]:
    """The hand-judged sample of wikinews edges (benchmarks/wikinews_sample.py)."""
    sample = _benchmark("wikinews_sample")
    drawn, judged = sample.draw(shared, 100), sample.read_judged()
    verdicts = [
        judged[r["key"]]["verdict"] for r in drawn if judged.get(r["key"], {}).get("verdict")
    ]
    return {"drawn": len(drawn), "judged": len(verdicts), "right": verdicts.count("right")}


#: interleaved rounds of the throughput measure; each side's best round is compared
THROUGHPUT_ROUNDS = 3


def throughput(shared: Path, rounds: int = THROUGHPUT_ROUNDS) -> dict[str, float]:
    """Docs per second of ``graphkit.build`` and of bare ``nlp.pipe`` over the wikinews texts.

    Both sides are warmed first (bare spaCy's model is loaded, graphkit builds two documents,
    which loads its pipeline and ontology), so that neither round one pays a load the other
    does not; then the two alternate for ``rounds`` rounds and each side's best round counts,
    which keeps the machine's passing load out of the ratio as far as one run can.
    """
    import spacy

    import graphkit
    from graphkit.nlp import resolve_model_name

    files = sorted((shared / "corpus" / "wikinews").glob("*/text/*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp = spacy.load(resolve_model_name(None))  # bare spaCy, as benchmarks/throughput.py
    for _doc in nlp.pipe(texts[:2]):
        pass
    graphkit.build(files[:2])
    bare, gk = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        graphkit.build(files)
        gk.append(time.perf_counter() - t)
    return {
        "docs": len(texts),
        "rounds": rounds,
        "bare_docs_per_s": round(len(texts) / min(bare), 1),
        "graphkit_docs_per_s": round(len(texts) / min(gk), 1),
        "ratio": round(min(bare) / min(gk), 2),
    }


def _article_rows(name: str, a: dict[str, object]) -> list[tuple[str, str]]:
    """The two rows of a set of articles scored one by one (benchmarks/attribution.py)."""
    return [
        (f"{name} edge P/R/F1",
         f"{a['edge_p']:.3f} / {a['edge_r']:.3f} / {a['edge_f1']:.3f} "
         f"(mean of {a['articles']} articles); strict R {a['edge_r_strict']:.3f}; "
         f"P {a['edge_p_drawn']:.3f} over the {a['articles_drawn']} with an edge"),
        (f"{name} attribution",
         f"{a['attribution']:.3f} ({a['found']} of {a['required']} required found); "
         f"speaker-only claims {a['speaker_only_found']}/{a['speaker_only']}; "
         f"actor F1 {a['actor_f1']:.3f}"),
    ]  # fmt: skip


def table(r: dict[str, object]) -> str:
    rows: list[tuple[str, str]] = []
    s = r["seed"]
    rows.append(("seed actor F1", f"{s['actor_f1']:.3f}"))
    rows.append(("seed edge P/R/F1", f"{s['edge_p']:.3f} / {s['edge_r']:.3f} / {s['edge_f1']:.3f}"))
    rows.append(("seed attribution", f"{s['attribution']:.3f}"))
    for name, key in (("VOA", "voa"), ("attribution dev", "attribution_dev")):
        if key in r:
            rows.extend(_article_rows(name, r[key]))
    a = r["attribution_dev"]
    if "edge_p_flat" in a:
        # its gold keeps the hierarchy on the actors, as the seed's does (docs/quality.md)
        rows.append(
            ("attribution dev, no hierarchy", f"edge P/R {a['edge_p_flat']:.3f} / "
             f"{a['edge_r_flat']:.3f} (built with --no-hierarchy)")
        )  # fmt: skip
    d = r["plover_dev"]
    rows.append(("dev typed recall", f"{d['typed_recall']:.3f}"))
    rows.append(("dev dyad recall", f"{d['dyad_recall']:.3f}"))
    rows.append(
        ("dev record precision", f"{d['record_precision']:.3f} (judged: a right event, listed "
         f"or not, in {d['record_precision_judged']:.3f} of the records given one)")
    )  # fmt: skip
    rows.append(("dev event-edge precision", f"{d['event_edge_precision']:.3f}"))
    rows.append(
        ("dev event-edge P, judged", f"{d['event_edge_precision_judged']:.3f} (events the gold "
         f"does not list judged by hand, benchmarks/plover_unlisted.tsv; {d['unjudged']} unjudged)")
    )  # fmt: skip
    rows.append(("dev event edges", str(d["event_edges"])))
    cats = d["per_category"]
    rows.append(("dev per category", " ".join(f"{c} {v:.2f}" for c, v in list(cats.items())[:9])))
    rows.append(("", " ".join(f"{c} {v:.2f}" for c, v in list(cats.items())[9:])))
    for corpus, w in r.get("wikinews", {}).items():
        by = w["recall_named_by_type"]
        rows.append(
            (f"{corpus} mentions", f"P {w['precision']}  named R {w['recall_named']} "
             f"(per {by.get('person')}, org {by.get('organization')}, place {by.get('place')})"
             f"  entity R {w['recall_entities']}")
        )  # fmt: skip
        rows.append(
            (f"{corpus} nodes", f"{w['nodes']} ({w['nodes_with_edge']} with an edge); "
             f"{w['self_loops']} self-loop edges")
        )  # fmt: skip
        rows.append(
            (f"{corpus} nodes per entity", f"{w['nodes_per_entity']} in its document "
             f"({w['split_entities']} split); {w['nodes_per_identity']} across documents "
             f"({w['split_identities']} split)")
        )  # fmt: skip
    ws = r.get("wikinews_sample")
    if ws:
        rows.append(
            ("wikinews sample (by hand)", f"{ws['right']} of {ws['judged']} judged edges right "
             f"({ws['drawn']} drawn, seed 33; benchmarks/wikinews_sample.tsv)")
        )  # fmt: skip
    t = r.get("throughput")
    if t:
        rows.append(
            ("throughput (wikinews)", f"{t['graphkit_docs_per_s']} docs/s vs bare nlp.pipe "
             f"{t['bare_docs_per_s']}: ratio {t['ratio']}")
        )  # fmt: skip
    width = max(len(a) for a, _ in rows)
    return "\n".join(f"{a.ljust(width)}  {b}" for a, b in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--skip-wikinews", action="store_true")
    args = ap.parse_args(argv)
    shared = args.shared.resolve()
    if not (shared / "eval" / "score.py").is_file():
        print(f"quality: {shared} has no eval/score.py; pass --shared DIR", file=sys.stderr)
        return 2
    # first, while the process holds nothing else: a `graphkit build` from the command line
    # starts as fresh, and the dev builds below leave a heap that every later fork copies from
    speed = None if args.skip_throughput else throughput(shared)
    with tempfile.TemporaryDirectory(prefix="graphkit-quality-") as tmp:
        work = Path(tmp)
        result: dict[str, object] = {
            "seed": seed(shared, work),
            "attribution_dev": {
                k: v
                for k, v in _benchmark("attribution").run(shared, work).items()
                if k != "per_article"
            },
            "plover_dev": plover_dev(shared, work),
        }
        flat = _benchmark("attribution").run(shared, work, hierarchy=False)
        result["attribution_dev"]["edge_p_flat"] = flat["edge_p"]  # type: ignore[index]
        result["attribution_dev"]["edge_r_flat"] = flat["edge_r"]  # type: ignore[index]
        if (shared / "gold" / "voa").is_dir():
            attribution = _benchmark("attribution")
            result["voa"] = {
                k: v
                for k, v in attribution.run(shared, work, shared / "gold" / "voa").items()
                if k != "per_article"
            }
        if not args.skip_wikinews:
            result["wikinews"] = wikinews(shared)
            result["wikinews_sample"] = wikinews_sample(shared)
        if speed is not None:
            result["throughput"] = speed
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
