"""IRIs of graphkit's data: actors, documents, named graphs (a leaf module: the graph model,
the build and every RDF exporter mint IRIs here, and it imports none of them).

IRIs are deterministic and safe: gazetteer actors and states keep their id
(``gkd:actor/kataib_hezbollah``); any other actor is a slug plus a hash of its key
(``gkd:actor/wagner-1b0a1e6f``); document ids are percent-encoded per path segment. The
build stores each actor's IRI in its node (``iri``), so a graph read back from graph.json
exports the same IRIs as at build time, whatever ontology it was built with.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from .namespace import GK
from .ontology import slugify

GKD = Namespace("https://w3id.org/graphkit/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
PREFIXES = {
    "gk": str(GK._NS), "gkd": str(GKD), "actor": f"{GKD}actor/", "doc": f"{GKD}doc/",
    "assertion": f"{GKD}assertion/", "evidence": f"{GKD}evidence/", "graph": f"{GKD}graph/",
    "oa": str(OA), "prov": str(PROV), "dcterms": str(DCTERMS), "skos": str(SKOS),
    "rdfs": str(RDFS), "rdf": str(RDF), "xsd": str(XSD),
}  # fmt: skip
#: where the JSON-LD context is published; the exports embed it, so nothing is fetched
CONTEXT_IRI = "https://w3id.org/graphkit/context/0.1.jsonld"


def mint(kind: str, key: str) -> URIRef:
    """A safe IRI for a key: each ``/``-separated segment percent-encoded.

    >>> str(mint("doc", "meantime/airbus/x"))
    'https://w3id.org/graphkit/id/doc/meantime/airbus/x'
    >>> str(mint("doc", 'a b<"x">'))
    'https://w3id.org/graphkit/id/doc/a%20b%3C%22x%22%3E'
    >>> str(mint("doc", "report."))  # a final dot would end a Turtle statement
    'https://w3id.org/graphkit/id/doc/report%2E'
    """
    return URIRef(f"{GKD}{kind}/{'/'.join(_segment(s) for s in key.split('/'))}")


def _segment(text: str) -> str:
    """One percent-encoded path segment; ``.`` and ``..`` are no segments, and a final dot
    is encoded (Turtle readers take ``doc:x.`` for ``doc:x`` and a full stop)."""
    s = quote(text, safe="") or "_"
    if s in {".", ".."}:
        s = "_" + s
    return s[:-1] + "%2E" if s.endswith(".") else s


def digest(*parts: object, n: int = 20) -> str:
    """A short stable hash of some values (the variable part of minted IRIs)."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:n]


def actor_iri(key: str, known: Container[str] | None = None) -> URIRef:
    """The IRI of an actor: its id when the ontology defines it (``known``: the ids of its
    gazetteer actors and states; the built-in ontology's when None), else a slug of its key
    plus a hash, so two keys never share an IRI.

    >>> str(actor_iri("kataib_hezbollah"))
    'https://w3id.org/graphkit/id/actor/kataib_hezbollah'
    >>> str(actor_iri("united_states/forces"))
    'https://w3id.org/graphkit/id/actor/united_states_forces-19c2d13a'
    >>> str(actor_iri("acme_militia", known={"acme_militia"}))
    'https://w3id.org/graphkit/id/actor/acme_militia'
    """
    if known is None:
        from .ontology import load_ontology

        onto = load_ontology()
        defined = key in onto.actors or key in onto.states
    else:
        defined = key in known
    if defined:
        return URIRef(f"{GKD}actor/{_segment(key)}")
    return URIRef(f"{GKD}actor/{slugify(key)[:60]}-{digest(key, n=8)}")


def graph_iri(doc_id: str) -> URIRef:
    """The named graph holding one document's statements."""
    return mint("graph", doc_id)
