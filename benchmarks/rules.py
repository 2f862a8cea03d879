"""How often each extraction rule fires and how often it is right, on every dev signal
(``make rules``), and the measured precision written back as the rule's confidence.

    python benchmarks/rules.py [--shared ../shared] [--write] [--json]

The dev signals, each built here from the texts:

- **seed**: ``shared/gold/iraq-strikes.txt`` against its gold;
- **voa**: the 20 Voice of America articles of ``shared/gold/voa`` (annotated independently of
  graphkit), each built on its own;
- **attribution**: the 11 wikinews articles of ``tests/data/attribution``, each on its own;
- **plover**: the 165 sentences of ``shared/events/plover_dev.jsonl``, one document each; an
  event the one-event gold does not list counts by its verdict in
  ``benchmarks/plover_unlisted.tsv`` (judged by hand).

In an article, each edge is scored on its own by ``shared/eval/score.py`` (the graph's nodes
and that one edge): *right* when it matches a gold assertion, *wrong* when it is a false edge;
an edge the scorer leaves aside (a place, an unscored category) counts for neither. In a
PLOVER sentence, an event edge (or an event with no recipient) is right when it is the
record's gold event (its category, and a subject and object the scorer's name matching
accepts), else wrong; standing relations are not annotated there and count for neither. An
edge read by several rules counts for each of them.

The confidence written back (``--write``) is the rule's precision pooled over the four sets
and smoothed towards one half: ``(right + 1) / (right + wrong + 2)``, rounded to two places,
so a rule seen twice and right twice gets 0.75, not 1. A rule that fired on no dev signal
keeps the confidence it has. The build then takes 0.1 off an edge whose target is a place;
no other penalty is applied (modality is no penalty any more: an act that did not happen is
no edge, see ``categories.tsv``). Rules under 0.5 are marked in the table.

It is a script, not a test: the figures are for a person.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "ontology" / "rules.tsv"
ATTRIBUTION = ROOT / "tests" / "data" / "attribution"
STANDING = {"member_of", "part_of", "aligned_with", "leader_of", "opposes", "controls",
            "located_in"}  # fmt: skip
SETS = ("seed", "voa", "attribution", "plover")
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]


def _module(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(path.stem, mod)
    spec.loader.exec_module(mod)
    return mod


def _rules(item: dict[str, Any]) -> set[str]:
    return {ev["rule"] for ev in item.get("evidence", []) if ev.get("rule")}


def judge_article(text: Path, gold: Path, scorer: Any, work: Path) -> list[tuple[str, bool]]:
    """(rule, right) for every scored edge of one article built on its own."""
    import graphkit

    graph = graphkit.build([text]).to_json()
    path = work / f"{text.stem}.json"
    out = []
    for edge in graph["edges"]:
        path.write_text(json.dumps({**graph, "edges": [edge]}), encoding="utf-8")
        r = scorer.score(str(path), str(gold))
        if r["false_edges"]:
            right = False
        elif r["edge_precision"] > 0:
            right = True
        else:
            continue  # a place or an unscored category: neither right nor wrong
        out.extend((rule, right) for rule in _rules(edge))
    return out


def judge_plover(shared: Path, work: Path) -> list[tuple[str, bool]]:
    """(rule, right) for every event edge and event of the PLOVER dev sentences."""
    import graphkit

    events = _module(shared / "eval" / "score_events.py")
    gold = shared / "events" / "plover_dev.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    texts = work / "plover"
    texts.mkdir()
    for r in records:
        (texts / f"{r['id']}.txt").write_text(r["text"] + "\n", encoding="utf-8")
    graph = graphkit.build([texts]).to_json()
    forms = {
        n["id"]: [x for x in [n.get("label"), n["id"], *(n.get("aliases") or [])] if x]
        for n in graph["nodes"]
    }
    by_id = {str(r["id"]): r for r in records}
    # each record's gold names one event: the others graphkit reads in the sentence were judged
    # by hand (benchmarks/plover_unlisted.tsv), and a right one counts as right
    unlisted = _module(Path(__file__).resolve().parent / "plover_unlisted.py").read_judged()
    out = []
    for e in [*graph["edges"], *graph.get("events", [])]:
        cat = events.SYN.get(e["category"], e["category"])
        if cat in STANDING:
            continue
        for doc in {ev["doc"] for ev in e["evidence"]}:
            r = by_id.get(doc)
            if r is None:
                continue
            want = events.SYN.get(r["event_type"].lower(), r["event_type"].lower())
            srcs = [a["text"] for a in r["source_actors"]]
            tgts = [a["text"] for a in r["target_actors"]]
            s_ok = any(events.name_match(forms[e["source"]], t) for t in srcs)
            if e.get("target") is None:
                o_ok = not tgts
            else:
                o_ok = not tgts or any(events.name_match(forms[e["target"]], t) for t in tgts)
            right = cat == want and s_ok and o_ok
            if not right:
                key = f"{doc}|{e['source']}|{cat}|{e.get('target') or ''}"
                right = unlisted.get(key, {}).get("verdict") == "right"
            out.extend((rule, right) for rule in _rules(e))
    return out


def measure(shared: Path) -> dict[str, dict[str, Counter[str]]]:
    """rule -> set -> Counter(right=…, wrong=…)."""
    scorer = _module(shared / "eval" / "score.py")
    table: dict[str, dict[str, Counter[str]]] = {}

    def add(name: str, verdicts: list[tuple[str, bool]]) -> None:
        for rule, right in verdicts:
            table.setdefault(rule, {}).setdefault(name, Counter())[
                "right" if right else "wrong"
            ] += 1

    with tempfile.TemporaryDirectory(prefix="graphkit-rules-") as tmp:
        work = Path(tmp)
        gold = shared / "gold"
        add("seed", judge_article(gold / "iraq-strikes.txt", gold / "iraq-strikes.gold.json",
                                  scorer, work))  # fmt: skip
        for name, folder in (("voa", gold / "voa"), ("attribution", ATTRIBUTION)):
            for g in sorted(folder.glob("*.gold.json")):
                text = g.with_name(g.name.removesuffix(".gold.json") + ".txt")
                add(name, judge_article(text, g, scorer, work))
        add("plover", judge_plover(shared, work))
    return table


def smoothed(counts: dict[str, Counter[str]]) -> tuple[int, int, float]:
    right = sum(c["right"] for c in counts.values())
    wrong = sum(c["wrong"] for c in counts.values())
    return right, wrong, round((right + 1) / (right + wrong + 2), 2)


def read_rules() -> list[str]:
    return [line for line in RULES.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_back(table: dict[str, dict[str, Counter[str]]]) -> list[str]:
    """Rewrite rules.tsv with each measured rule's smoothed precision; the changed rules."""
    lines = RULES.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = []
    for i, line in enumerate(lines):
        if line.startswith("#") or line.startswith("rule\t") or not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        if fields[0] not in table:
            continue
        new = f"{smoothed(table[fields[0]])[2]:.2f}"
        if fields[1] != new:
            changed.append(f"{fields[0]} {fields[1]} -> {new}")
            fields[1] = new
        lines[i] = "\t".join(fields) + "\n"
    RULES.write_text("".join(lines), encoding="utf-8")
    return changed


def render(table: dict[str, dict[str, Counter[str]]]) -> str:
    known = {line.split("\t")[0]: line.split("\t")[1] for line in read_rules()
             if not line.startswith("#") and not line.startswith("rule\t")}  # fmt: skip
    head = f"{'rule':24} " + " ".join(f"{s:>12}" for s in SETS)
    head += f" {'all':>9} {'measured':>9} {'in file':>8}"
    rows = [head, "-" * len(head)]
    order = sorted(set(known) | set(table), key=lambda r: (r not in table, r))
    for rule in order:
        counts = table.get(rule, {})
        cells = []
        for s in SETS:
            c = counts.get(s)
            cells.append(f"{c['right']}/{c['right'] + c['wrong']}" if c else "-")
        right, wrong, conf = smoothed(counts) if counts else (0, 0, None)
        mark = " <0.5" if conf is not None and conf < 0.5 else ""
        measured = f"{conf:.2f}" if conf is not None else "-"
        rows.append(
            f"{rule:24} "
            + " ".join(f"{c:>12}" for c in cells)
            + f" {f'{right}/{right + wrong}':>9} {measured:>9} {known.get(rule, '?'):>8}{mark}"
        )
    rows += _families(table, head)
    rows.append("cells: right/fired (fired = right + wrong; edges the scorer leaves aside "
                "count for neither)")  # fmt: skip
    return "\n".join(rows)


def _families(table: dict[str, dict[str, Counter[str]]], head: str) -> list[str]:
    """The same counts totalled per family of rules (rules.tsv's ``family`` column)."""
    lines = [line for line in read_rules() if not line.startswith("#")]
    family = {r["rule"]: r.get("family") or "-" for r in csv.DictReader(lines, delimiter="\t")}
    totals: dict[str, dict[str, Counter[str]]] = {}
    for rule, counts in table.items():
        fam = totals.setdefault(family.get(rule, "-"), {})
        for s, c in counts.items():
            fam.setdefault(s, Counter()).update(c)
    rows = ["-" * len(head)]
    for fam, counts in sorted(totals.items()):
        cells = [f"{c['right']}/{c['right'] + c['wrong']}" if (c := counts.get(s)) else "-"
                 for s in SETS]  # fmt: skip
        right, wrong, conf = smoothed(counts)
        rows.append(f"{'family ' + fam:24} " + " ".join(f"{c:>12}" for c in cells)
                    + f" {f'{right}/{right + wrong}':>9} {conf:>9.2f}")  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--write", action="store_true", help="write the measured confidences")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    shared = args.shared.resolve()
    if not (shared / "eval" / "score.py").is_file():
        print(f"rules: {shared} has no eval/score.py; pass --shared DIR", file=sys.stderr)
        return 2
    table = measure(shared)
    if args.json:
        print(json.dumps({r: {s: dict(c) for s, c in v.items()} for r, v in table.items()},
                         indent=1, sort_keys=True))  # fmt: skip
    else:
        print(render(table))
    if args.write:
        for line in write_back(table):
            print(f"rules.tsv: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
