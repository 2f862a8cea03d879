"""PLOVER dev event-edge precision with the events its gold does not list judged by hand.

Each record of ``../shared/events/plover_dev.jsonl`` names one event, so
``score_events.py``'s event-edge precision counts every other event graphkit reads in the
sentence as wrong, right or not ("Ivory Coast rebels rejected a Senegalese peace plan and
opposed the deployment of a regional force" has two rejections; the gold lists one). That
figure is a lower bound, as the scorer says. This script builds the dev set the same way,
takes the event edges (and events with no recipient) the scorer does not count as hits, and
looks each up in ``benchmarks/plover_unlisted.tsv``: one row per edge a person judged against
the sentence (right or wrong, and why). It prints the lower bound, the judged precision
((gold hits + judged right) / event edges) and the edges still unjudged; ``--write`` adds them
to the file with an empty verdict.

    python benchmarks/plover_unlisted.py --shared ../shared
    python benchmarks/plover_unlisted.py --shared ../shared --write

An edge is keyed by its record, source, category and target, so a verdict stays with it as long
as graphkit reads the same thing from the same sentence.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
# this folder holds scripts named like standard modules (html.py): never import from it
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
JUDGED = HERE / "plover_unlisted.tsv"
FIELDS = ["key", "verdict", "why", "source", "category", "target", "modality", "rule", "sentence"]


def _scorer(shared: Path) -> ModuleType:
    path = shared / "eval" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"plover_unlisted: cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def unlisted(
    shared: Path, graph: dict | None = None
) -> tuple[int, int, list[dict[str, str]], set[str]]:
    """(gold hits, event edges, the event edges that are no hit as rows to judge, the records
    with a hit) of
    ``graph``, the graph.json of the dev set built one document per record (built here when
    not given)."""
    ev = _scorer(shared)
    gold = shared / "events" / "plover_dev.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    if graph is None:
        import graphkit

        with tempfile.TemporaryDirectory() as tmp:
            texts = Path(tmp)
            for r in records:
                (texts / f"{r['id']}.txt").write_text(r["text"] + "\n", encoding="utf-8")
            graph = graphkit.build([texts]).to_json()
    nodes = {n["id"]: n for n in graph["nodes"]}
    forms = {
        k: [x for x in [n.get("label"), k, *(n.get("aliases") or [])] if x]
        for k, n in nodes.items()
    }
    by_doc: dict[str, dict[tuple[str, str, str | None], dict]] = {}
    for e in [*graph["edges"], *graph.get("events", [])]:
        cat = ev.SYN.get(e["category"], e["category"])
        if cat in ev.STANDING:
            continue
        for d in {x["doc"] for x in e["evidence"]}:
            by_doc.setdefault(d, {}).setdefault((e["source"], cat, e.get("target")), e)
    hits = total = 0
    hit_records: set[str] = set()
    rows: list[dict[str, str]] = []
    for r in records:
        etype = ev.SYN.get(r["event_type"].lower(), r["event_type"].lower())
        srcs = [a["text"] for a in r["source_actors"]]
        tgts = [a["text"] for a in r["target_actors"]]
        for (s, cat, o), e in sorted(by_doc.get(r["id"], {}).items(), key=lambda x: str(x[0])):
            total += 1
            ok_s = any(ev.name_match(forms[s], t) for t in srcs)
            if o is None:
                ok = not tgts and ok_s
            else:
                ok_o = not tgts or any(ev.name_match(forms[o], t) for t in tgts)
                if r.get("reciprocal") and not (ok_s and ok_o):
                    both = srcs + tgts
                    ok_s = any(ev.name_match(forms[s], t) for t in both)
                    ok_o = any(ev.name_match(forms[o], t) for t in both)
                ok = ok_s and ok_o
            if ok and cat == etype:
                hits += 1
                hit_records.add(r["id"])
                continue
            label = {k: n.get("label", k) for k, n in nodes.items()}
            rows.append({
                "key": f"{r['id']}|{s}|{cat}|{o or ''}",
                "source": label[s], "category": cat, "target": label.get(o, "") if o else "",
                "modality": e.get("modality", ""), "rule": e["evidence"][0].get("rule", ""),
                "sentence": " ".join(r["text"].split()),
            })  # fmt: skip
    return hits, total, rows, hit_records


def read_judged(path: Path = JUDGED) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["key"]: row for row in csv.DictReader(fh, delimiter="\t")}


def judged_precision(shared: Path, graph: dict | None = None) -> dict[str, float | int]:
    """The lower bound, the judged precision, and how many unlisted edges have no verdict."""
    hits, total, rows, hit_records = unlisted(shared, graph)
    judged = read_judged()
    right = sum(1 for r in rows if judged.get(r["key"], {}).get("verdict") == "right")
    open_ = sum(
        1 for r in rows if judged.get(r["key"], {}).get("verdict") not in {"right", "wrong"}
    )
    # the records given an event, and those that show the reader at least one right event
    with_events = hit_records | {r["key"].split("|")[0] for r in rows}
    right_records = hit_records | {
        r["key"].split("|")[0] for r in rows if judged.get(r["key"], {}).get("verdict") == "right"
    }
    return {
        "record_precision_judged": round(len(right_records) / len(with_events), 3)
        if with_events
        else 0.0,
        "lower_bound": round(hits / total, 3) if total else 0.0,
        "judged": round((hits + right) / total, 3) if total else 0.0,
        "edges": total, "gold_hits": hits, "judged_right": right, "unjudged": open_,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--write", action="store_true", help="add the unjudged edges to the file")
    args = ap.parse_args(argv)
    hits, total, rows, _ = unlisted(args.shared)
    judged = read_judged()
    right = [r for r in rows if judged.get(r["key"], {}).get("verdict") == "right"]
    wrong = [r for r in rows if judged.get(r["key"], {}).get("verdict") == "wrong"]
    open_ = [r for r in rows if r not in right and r not in wrong]
    print(
        f"PLOVER dev event edges {total}: {hits} gold hits (lower bound {hits / total:.3f}); "
        f"{len(rows)} unlisted, {len(right)} judged right, {len(wrong)} wrong, {len(open_)} "
        f"unjudged; judged precision {(hits + len(right)) / total:.3f}"
    )
    for r in wrong:
        why = judged[r["key"]].get("why", "")
        target = r["target"] or "(none)"
        print(f"  wrong: {r['source']} -{r['category']}-> {target} ({r['rule']}): {why}")
    if args.write:
        keep = [r for r in judged.values() if r["key"] in {x["key"] for x in rows}]
        new = [{**r, "verdict": "", "why": ""} for r in open_]
        with JUDGED.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS, delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(sorted([*keep, *new], key=lambda r: r["key"]))
    elif open_:
        print(f"{len(open_)} unlisted edges have no verdict (--write adds them)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
