"""The gazetteer's loaders: states, actors (graphkit's and the imported Phoenix ones), generic
heads and agents, titles and offices, organisation types, peoples and the names that are not
actors."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from ..errors import OntologyError
from .files import _iso_day, _read_rows, _read_text, _split, _yes
from .folding import normalize_name
from .lexicon import class_of_code
from .model import Ontology
from .schema import GazetteerActor, GenericHead, Office, State, Title


def _load_states(onto: Ontology, folder: Path) -> None:
    p = folder / "states.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.states[row["id"]] = State(
                row["id"], row["name"], _split(row["aliases"], "|"), _split(row["demonyms"], "|")
            )


def _load_actors(onto: Ontology, folder: Path) -> None:
    p = folder / "actors.jsonl"
    if p.exists():
        first: dict[str, int] = {}  # a folder may override another's actor, not its own
        for lineno, line in enumerate(_read_text(p).splitlines(), start=1):
            if line.strip():
                actor = _gazetteer_record(line, f"{p}:{lineno}")
                if actor.id in first:
                    raise OntologyError(
                        f"{p}:{lineno}: actor id {actor.id!r} again (first at line "
                        f"{first[actor.id]})"
                    )
                first[actor.id] = lineno
                onto.actors[actor.id] = actor


def _gazetteer_record(line: str, where: str) -> GazetteerActor:
    """One line of actors.jsonl, every field of its type, or an OntologyError naming it."""
    try:
        rec = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise OntologyError(f"{where}: not JSON ({exc})") from None
    if not isinstance(rec, dict):
        raise OntologyError(f"{where}: not a gazetteer record (a JSON object)")
    for name in ("id", "label", "class"):
        if not isinstance(rec.get(name), str) or not rec[name].strip():
            raise OntologyError(f"{where}: {name!r} must be a non-empty string")
    aliases = rec.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise OntologyError(f"{where}: 'aliases' must be a list of strings")
    part_of = rec.get("part_of")
    if part_of is not None and not isinstance(part_of, str):
        raise OntologyError(f"{where}: 'part_of' must be a string (an actor or state id)")
    code = rec.get("code", "")
    if not isinstance(code, str) or (code and not re.fullmatch(r"(?:[A-Z]{3})+", code)):
        raise OntologyError(f"{where}: 'code' must be a CAMEO actor code (\"YEMREB\")")
    return GazetteerActor(rec["id"], rec["label"], rec["class"], tuple(aliases), part_of, code=code)


def _check_part_of(onto: Ontology) -> None:
    """Refuse a gazetteer whose part_of links run in a circle, naming the circle."""
    for start in sorted(onto.actors):
        path = [start]
        parent = onto.actors[start].part_of
        while parent is not None and parent in onto.actors:
            if parent in path:
                circle = " -> ".join([*path[path.index(parent) :], parent])
                raise OntologyError(f"actors.jsonl: part_of runs in a circle: {circle}")
            path.append(parent)
            parent = onto.actors[parent].part_of


def _load_generic(onto: Ontology, folder: Path) -> None:
    p = folder / "generic_actors.tsv"
    if p.exists():
        for row in _read_rows(p):
            h = row["head"].lower()
            onto.generic[h] = GenericHead(
                h,
                row["kind"],
                row["class"],
                row["label"],
                alone=(row.get("alone") or "no").lower(),
                unit=_yes(row.get("unit")),
                sector=row.get("sector") or "",
            )


def _load_agents(onto: Ontology, folder: Path) -> None:
    """Generic agents imported from Phoenix (agents.tsv), typed by their sector (sectors.tsv);
    graphkit's own generic_actors.tsv rows win."""
    p = folder / "sectors.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.sectors[row["sector"]] = GenericHead(
                "", row["kind"], row["class"], row["label"], alone=row["alone"].lower(),
                unit=_yes(row["unit"]), sector=row["sector"],
            )  # fmt: skip
    p = folder / "not_agents.tsv"
    if p.exists():
        onto.not_agents.update(row["head"].lower() for row in _read_rows(p))
    p = folder / "agents.tsv"
    if not p.exists():
        return
    for row in _read_rows(p):
        if row["head"].lower() in onto.not_agents:
            continue
        sector = onto.sectors.get(row["sector"]) or onto.sectors.get(row["sector"][:3])
        if sector is None:
            raise OntologyError(
                f"{p}: {row['head']}: sector {row['sector']!r} is not in sectors.tsv"
            )
        for head in (row["head"].lower(), *(f.lower() for f in _split(row["forms"], "|"))):
            if head not in onto.generic:
                onto.generic[head] = GenericHead(
                    head, sector.kind, sector.cls, sector.label, alone=sector.alone,
                    unit=sector.unit, sector=row["sector"], imported=True,
                )  # fmt: skip


def _load_descriptions(onto: Ontology, folder: Path) -> None:
    p = folder / "descriptions.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.descriptions[row["noun"].lower()] = _split(row["classes"], ",")


def _load_titles(onto: Ontology, folder: Path) -> None:
    p = folder / "titles.tsv"
    if p.exists():
        for row in _read_rows(p):
            t = row["title"].lower()
            onto.titles[t] = Title(t, row["relation"], row["target"])


def _load_offices(onto: Ontology, folder: Path) -> None:
    """offices.tsv: the terms of offices, a user's rows added to the built-in ones."""
    p = folder / "offices.tsv"
    if not p.exists():
        return
    terms: dict[tuple[str, str], list[Office]] = {k: list(v) for k, v in onto.offices.items()}
    for row in _read_rows(p):
        state, title = row["state"], row["title"].lower()
        if state not in onto.states:
            raise OntologyError(f"{p}:{row.lineno}: state {state!r} is not in states.tsv")
        if title not in onto.titles:
            raise OntologyError(f"{p}:{row.lineno}: title {title!r} is not in titles.tsv")
        start, checked = _iso_day(row, "start"), _iso_day(row, "checked")
        assert start is not None and checked is not None
        term = Office(
            state, title, row["person"], row["name"], start, _iso_day(row, "end", False), checked
        )
        terms.setdefault((state, title), []).append(term)
    onto.offices = {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in terms.items()}


def _load_org_types(onto: Ontology, folder: Path) -> None:
    p = folder / "org_types.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.org_types[row["word"].lower()] = row["class"]
            if row.get("same_as"):
                onto.designators[row["word"].lower()] = row["same_as"].lower()


def _load_peoples(onto: Ontology, folder: Path) -> None:
    p = folder / "peoples.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.peoples[row["word"].lower()] = row.get("sector") or ""


def _load_not_actors(onto: Ontology, folder: Path) -> None:
    p = folder / "not_actors.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.not_actors.add(normalize_name(row["name"]))


def _load_imported_actors(onto: Ontology, folder: Path) -> None:
    p = folder / "phoenix_actors.tsv"
    if not p.exists():
        return
    own = {normalize_name(n): a.id for a in onto.actors.values() for n in (a.label, *a.aliases)}
    #: imported actors by their name with its company designator in one form: Phoenix lists
    #: "News Corp" and "News Corporation" apart, and they are one actor
    designated: dict[str, str] = {}
    for row in _read_rows(p):
        known = onto.actors.get(row["id"]) or onto.actors.get(
            own.get(normalize_name(row["label"]), "")
        )
        if known is not None:
            # graphkit already knows this actor: its own row wins, and gains the code
            if not known.code and not known.imported:
                onto.actors[known.id] = replace(known, code=row["code"])
            continue
        form = normalize_name(onto.designated(row["label"]))
        same = onto.actors.get(designated.get(form, ""))
        if same is not None and same.code == row["code"]:
            onto.actors[same.id] = replace(same, aliases=(*same.aliases, row["label"]))
            continue
        designated.setdefault(form, row["id"])
        onto.actors[row["id"]] = GazetteerActor(
            row["id"], row["label"], class_of_code(onto, row["code"]),
            _split(row["aliases"], "|"), code=row["code"], imported=True,
        )  # fmt: skip


def _load_state_codes(onto: Ontology, folder: Path) -> None:
    p = folder / "state_codes.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.state_codes[row["state"]] = (row["cameo"], row["iso3"])
            onto.state_codes_by_code[row["cameo"]] = row["iso3"]


def _load_state_places(onto: Ontology, folder: Path) -> None:
    p = folder / "state_places.tsv"
    if p.exists():
        for row in _read_rows(p):
            if row["state"] in onto.states:
                onto.state_places.setdefault(normalize_name(row["place"]), row["state"])
