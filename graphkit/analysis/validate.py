"""SHACL validation of graphkit's RDF against ``ontology/shapes.ttl`` (with pySHACL).

The ontology (``graphkit.ttl`` and any ``--ontology`` folder's Turtle) is mixed into the data
for the check, so that ``sh:class gk:Actor`` accepts a ``gk:ArmedGroup`` and an assertion's
predicate is known to be a relation type.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import OntologyError
from ..ontology import builtin_dir
from ..runtime.io import read_utf8


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: int
    report: str  # pySHACL's text report


def _turtle(folders: Iterable[Path], name: str | None) -> Graph:
    g = Graph()
    for folder in folders:
        files = [folder / name] if name else sorted(folder.glob("*.ttl"))
        for f in files:
            if f.exists() and (name or f.name != "shapes.ttl"):
                text = read_utf8(f, OntologyError)  # a regular file only, never blocking
                try:
                    g.parse(data=text, format="turtle")
                except Exception as exc:  # rdflib's parsers raise many error types
                    said = " ".join(str(exc).split())[:200] or type(exc).__name__
                    raise OntologyError(f"{f}: not Turtle ({said})") from None
    return g


def validate(data: Graph | Dataset, ontology: Iterable[str | Path] = ()) -> Validation:
    """Check every statement of ``data`` (all named graphs of a dataset) against the shapes."""
    from pyshacl import validate as shacl

    folders = [builtin_dir(), *(Path(p) for p in ontology)]
    shapes = _turtle(folders, "shapes.ttl")
    onto = _turtle(folders, None)
    merged = Graph()
    merged += onto  # the class tree and relation types, for sh:class
    if isinstance(data, Dataset):
        for g in data.graphs():
            merged += g
    else:
        merged += data
    conforms, results, text = shacl(merged, shacl_graph=shapes, inference="none", advanced=True)
    from rdflib import RDF, Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    # the report's own results, as its text lists them; a failed sh:node also types its
    # nested details as results, which are not counted again
    violations = sum(
        1 for report in results.subjects(RDF.type, sh.ValidationReport)
        for _ in results.objects(report, sh.result)
    )  # fmt: skip
    return Validation(bool(conforms), violations, str(text))
