"""The lexicon's loaders: the relations of the Turtle files, the lexicon and cue words, the quad
classes, the discard phrases, the rules' confidences and the explorer's styles."""

from __future__ import annotations

from pathlib import Path

from ..errors import OntologyError
from .files import _read_rows, _split, _yes, read_styles
from .model import Ontology
from .schema import GK, LexEntry, Quad, RelationType


def _load_ttl(onto: Ontology, path: Path) -> None:
    from rdflib import OWL, RDF, RDFS, Graph, Namespace

    gk = Namespace(GK)
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser error types
        raise OntologyError(f"{path}: not valid Turtle ({exc})") from None
    for cls in g.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(GK):
            onto.classes[str(cls)[len(GK) :]] = str(g.value(cls, RDFS.label) or "")
    for prop in sorted(set(g.subjects(gk["term"], None))):
        term = g.value(prop, gk["term"])
        category = g.value(prop, gk["category"])
        if term is None or category is None:
            raise OntologyError(f"{path}: relation {prop} needs gk:term and gk:category")
        cameo = g.value(prop, gk["cameo"])
        sym = g.value(prop, gk["symmetric"])
        onto.relations[str(term)] = RelationType(
            term=str(term),
            label=str(g.value(prop, RDFS.label) or term),
            category=str(category),
            cameo=str(cameo) if cameo is not None else None,
            symmetric=bool(sym.toPython()) if sym is not None else False,
            comment=str(g.value(prop, RDFS.comment) or "") or None,
            iri=str(prop),
        )


def _load_ttls(onto: Ontology, folder: Path) -> None:
    for ttl in sorted(folder.glob("*.ttl")):
        if ttl.name == "shapes.ttl":
            continue
        _load_ttl(onto, ttl)


def _load_lexicon(onto: Ontology, folder: Path) -> None:
    p = folder / "lexicon.tsv"
    if p.exists():
        for row in _read_rows(p):
            e = LexEntry(
                row["lemma"].lower(),
                row["pos"],
                row["relation"],
                _split(row["preps"], ","),
                _split(row.get("objects") or "", ","),
            )
            onto.lexicon[(e.lemma, e.pos)] = e


def _load_cues(onto: Ontology, folder: Path) -> None:
    p = folder / "cues.tsv"
    if p.exists():
        cues: dict[str, set[str]] = {k: set(v) for k, v in onto.cues.items()}
        for row in _read_rows(p):
            cues.setdefault(row["role"], set()).add(row["cue"].lower())
        onto.cues = {k: frozenset(v) for k, v in cues.items()}


def _load_quads(onto: Ontology, folder: Path) -> None:
    p = folder / "quads.tsv"
    if not p.exists():
        return
    for row in _read_rows(p):
        try:
            code = int(row["code"])
        except ValueError:
            code = 0
        if not 1 <= code <= 4:
            raise OntologyError(
                f"{row.path}:{row.lineno}: code must be 1, 2, 3 or 4, not {row['code']!r}"
            )
        quad = Quad(row["quad"], code, row["label"])
        for cat in _split(row["plover"], ","):
            onto.quads[cat] = quad
        for root in _split(row["cameo"], ","):
            onto.cameo_quads[root] = quad


def class_of_code(onto: Ontology, code: str) -> str:
    """graphkit's class for a CAMEO actor code: the first role after the actor's own prefix
    that sectors.tsv knows ("PSEREBHMS" -> REB -> ArmedGroup), else the prefix (IGO, NGO)."""
    chunks = [code[i : i + 3] for i in range(0, len(code) - 2, 3)]
    first = onto.sectors.get(chunks[0]) if chunks else None
    if first is not None and first.cls == "Company":
        # a corporation's further codes name its industry ("MNCUSAAGR", "MNCUSAHLH"): it stays
        # a company, a media company being Media
        later = {onto.sectors[c].cls for c in chunks[1:] if c in onto.sectors}
        return "Media" if "Media" in later else "Company"
    for chunk in chunks[1:]:
        if chunk in onto.sectors:
            return onto.sectors[chunk].cls
    if chunks and chunks[0] in onto.sectors:
        return onto.sectors[chunks[0]].cls
    return "Organization"


def _load_discards(onto: Ontology, folder: Path) -> None:
    for name in ("discards.tsv", "discard_phrases.tsv"):
        p = folder / name
        if p.exists():
            for row in _read_rows(p):
                onto.discards.add(row["phrase"].lower())
                if row.get("scope") == "story":
                    onto.story_discards.add(row["phrase"].lower())


def _load_rules(onto: Ontology, folder: Path) -> None:
    p = folder / "rules.tsv"
    if not p.exists():
        return
    for row in _read_rows(p):
        try:
            confidence = float(row["confidence"])
        except ValueError:
            raise OntologyError(
                f"{p}:{row.lineno}: confidence {row['confidence']!r} is not a number"
            ) from None
        if not 0 <= confidence <= 1:
            raise OntologyError(f"{p}:{row.lineno}: confidence {confidence} is not in [0, 1]")
        onto.rule_confidence[row["rule"]] = confidence
        if _yes(row["definitional"]):
            onto.definitional.add(row["rule"])
        else:
            onto.definitional.discard(row["rule"])


def _load_styles(onto: Ontology, folder: Path) -> None:
    p = folder / "styles.tsv"
    if p.exists():
        for kind, terms in read_styles(p).items():
            onto.styles.setdefault(kind, {}).update(terms)
