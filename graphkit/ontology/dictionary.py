"""The event dictionary's loader: the categories and the CAMEO codes, verbs and phrase patterns
converted from PETRARCH2 (tools/convert_eventdata.py), with graphkit's own rows over them."""

from __future__ import annotations

from pathlib import Path

from .files import _read_rows, _split, _weight, _yes
from .model import Ontology
from .schema import CameoCode, Category, VerbPattern


def _load_dictionary(onto: Ontology, folder: Path) -> None:
    """The converted event dictionary (tools/convert_eventdata.py) and the categories."""
    _load_categories(onto, folder)
    _load_codes(onto, folder)
    _load_verbs(onto, folder)
    _load_patterns(onto, folder)


def _load_categories(onto: Ontology, folder: Path) -> None:
    """categories.tsv: the PLOVER categories and standing relations, with how each reads."""
    p = folder / "categories.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.categories[row["category"]] = Category(
                row["category"],
                _split(row["preps"], ","),
                _yes(row["unary"]),
                _yes(row["standing"]),
                clause=_yes(row.get("clause")),
                intent=row.get("intent") or "",
                place=_yes(row.get("place")),
                not_by=_split(row.get("not_by") or "", ","),
                agent=_yes(row.get("agent")),
                theme=_split(row.get("theme") or "", ","),
                family=row.get("family") or "",
                resist=_yes(row.get("resist")),
                frontier=_yes(row.get("frontier")),
                victims=_split(row.get("victims") or "", ","),
                regular=_split(row.get("regular") or "", ","),
                unreal=row.get("unreal") or "",
                refused=row.get("refused") or "",
                governs=_yes(row.get("governs")),
                aims=_yes(row.get("aims")),
                answers=_yes(row.get("answers")),
                performers=(row.get("performers") or "").lower(),
                called=row.get("called") or "",
            )


def _load_codes(onto: Ontology, folder: Path) -> None:
    """cameo_codes.tsv: every CAMEO code with its category, mode and Goldstein weight."""
    p = folder / "cameo_codes.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.codes[row["code"]] = CameoCode(
                row["code"], row["category"], row["mode"], row["context"], row["relation"],
                row["description"], _weight(row, "goldstein"),
            )  # fmt: skip


def _load_verbs(onto: Ontology, folder: Path) -> None:
    """cameo_verbs.tsv (the imported verbs, their blocks and forms), then verb_defaults.tsv."""
    p = folder / "cameo_verbs.tsv"
    if p.exists():
        for row in _read_rows(p):
            lemma = row["lemma"].lower()
            if row["code"] and not onto.verb_codes.get(lemma):
                onto.verb_codes[lemma] = row["code"]
            onto.verb_codes.setdefault(lemma, "")
            blocks = onto.verb_blocks.get(lemma, ())
            if row["block"] not in blocks:
                onto.verb_blocks[lemma] = (*blocks, row["block"])
            for form in _split(row["forms"], "|"):
                onto.verb_forms.setdefault(form.lower(), lemma)
    p = folder / "verb_defaults.tsv"
    if p.exists():  # graphkit's own (or the user's) default codes win over imported ones
        for row in _read_rows(p):
            lemma = row["lemma"].lower()
            onto.verb_codes[lemma] = row["code"]
            onto.verb_blocks.setdefault(lemma, ())


def _load_patterns(onto: Ontology, folder: Path) -> None:
    """The phrase patterns: imported (cameo_patterns.tsv, over the word sets of
    cameo_sets.tsv) and graphkit's own (verb_patterns.tsv), most specific first."""
    sets: dict[str, set[str]] = {}
    p = folder / "cameo_sets.tsv"
    if p.exists():
        for row in _read_rows(p):
            sets.setdefault(row["set"], set()).add(row["word"].lower())
    found: dict[str, list[VerbPattern]] = {k: list(v) for k, v in onto.patterns.items()}
    for name, own in (("cameo_patterns.tsv", False), ("verb_patterns.tsv", True)):
        p = folder / name
        if not p.exists():
            continue
        for row in _read_rows(p):
            # graphkit's own patterns form a block of their own, "=lemma", tried first
            block = "=" + row["verb"].lower() if own else row["block"]
            if own and block not in onto.verb_blocks.get(row["verb"].lower(), ()):
                lemma = row["verb"].lower()
                onto.verb_blocks[lemma] = (block, *onto.verb_blocks.get(lemma, ()))
                onto.verb_codes.setdefault(lemma, "")

            def slots(cell: str) -> tuple[frozenset[str], ...]:
                return tuple(_slot(w, sets) for w in cell.split())

            preps = []
            for group in _split(row["preps"], ";"):
                prep, _, words = group.partition(":")
                preps.append((prep.strip(), slots(words)))
            found.setdefault(block, []).append(
                VerbPattern(
                    slots(row["before"]),
                    slots(row["after"]),
                    tuple(preps),
                    row["target"],
                    row["code"],
                    particle=tuple(row.get("particle", "").split()),
                    adverbs=slots(row.get("adverb") or ""),
                )
            )
    onto.patterns = {k: tuple(sorted(v, key=lambda pat: -pat.size)) for k, v in found.items()}


def _slot(word: str, sets: dict[str, set[str]]) -> frozenset[str]:
    """One pattern slot: a set's words, or a word (multi-word joined by "_"), or alternatives
    of these separated by "|"."""
    out: set[str] = set()
    for alt in word.split("|"):
        if alt.startswith("&"):
            out.update(sets.get(alt, ()))
        elif alt:
            out.add(alt.replace("_", " ").lower())
    return frozenset(out)
