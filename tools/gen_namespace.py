"""Generate graphkit/namespace.py (an rdflib DefinedNamespace) from ontology/graphkit.ttl.

    python tools/gen_namespace.py [--check]

With --check, exit 1 if the file on disk differs from what would be generated (the test suite
runs the same comparison).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import RDFS, Graph

ROOT = Path(__file__).resolve().parent.parent
TTL = ROOT / "ontology" / "graphkit.ttl"
OUT = ROOT / "graphkit" / "namespace.py"
NS = "https://w3id.org/graphkit/ontology/0.1/"

HEADER = '''"""The graphkit ontology's terms as an rdflib DefinedNamespace.

Generated from ontology/graphkit.ttl by tools/gen_namespace.py; do not edit by hand (a test
checks the two agree). Unknown names raise AttributeError:

>>> from graphkit.namespace import GK
>>> GK.memberOf
rdflib.term.URIRef('https://w3id.org/graphkit/ontology/0.1/memberOf')
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GK(DefinedNamespace):
    """graphkit news actor and event ontology, version 0.1."""

    _NS = Namespace("{ns}")
    _fail = True

'''


def generate(ttl: Path = TTL) -> str:
    g = Graph().parse(ttl, format="turtle")
    terms: dict[str, str] = {}
    for s in set(g.subjects()):
        iri = str(s)
        if iri.startswith(NS) and len(iri) > len(NS):
            label = g.value(s, RDFS.label)
            terms[iri[len(NS) :]] = str(label) if label is not None else ""
    lines = [HEADER.replace("{ns}", NS)]
    for name in sorted(terms, key=lambda n: (n[0].islower(), n)):
        comment = f"  # {terms[name]}" if terms[name] else ""
        lines.append(f"    {name}: URIRef{comment}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    text = generate()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("in sync" if same else f"{OUT} is out of date: run tools/gen_namespace.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
