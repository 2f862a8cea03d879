"""RDF export (rdflib).

The model:

- every actor is ``gkd:actor/<key>`` with ``rdf:type gk:<Class>``, ``rdfs:label`` and
  ``skos:altLabel`` for its aliases, and ``gk:part_of`` for its built-in parent;
- every asserted (not negated, denied, hypothetical ...) edge is also a direct triple
  ``actor gk:<relation> actor`` so simple SPARQL works;
- every edge is an n-ary ``gk:Assertion`` resource carrying the provenance: subject, relation,
  object, category, CAMEO code, modality, confidence, rules, ``prov:wasAttributedTo`` the
  speaker, ``prov:wasDerivedFrom`` each document, and one ``gk:evidence`` per sentence, a
  Web Annotation ``oa:TextPositionSelector`` (start/end) that is also a ``oa:TextQuoteSelector``
  (``oa:exact``);
- every document is ``gkd:doc/<id>`` with Dublin Core metadata.

IRIs are minted from keys by percent-encoding every character outside ``[A-Za-z0-9_.~-]``
(a ``/`` inside a key separates path segments), so article text can never break an IRI.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from ..ontology import GK as GK_IRI

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

GK = Namespace(GK_IRI)
GKD = Namespace("https://w3id.org/graphkit/id/")
OA = Namespace("http://www.w3.org/ns/oa#")


def mint(kind: str, key: str) -> URIRef:
    """A safe IRI for a key: each ``/``-separated segment percent-encoded.

    >>> str(mint("actor", "united_states/forces"))
    'https://w3id.org/graphkit/id/actor/united_states/forces'
    >>> str(mint("doc", 'a b<"x">'))
    'https://w3id.org/graphkit/id/doc/a%20b%3C%22x%22%3E'
    """
    segments = [quote(s, safe="") or "_" for s in key.split("/")]
    segments = ["_" + s if s in {".", ".."} else s for s in segments]
    return URIRef(f"{GKD}{kind}/{'/'.join(segments)}")


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def to_rdf(kg: KnowledgeGraph) -> Graph:
    g = Graph()
    g.bind("gk", GK)
    g.bind("gkd", GKD)
    g.bind("oa", OA)
    g.bind("prov", PROV)
    g.bind("dcterms", DCTERMS)
    g.bind("skos", SKOS)

    for d in kg.documents:
        doc = mint("doc", d["id"])
        g.add((doc, RDF.type, GK.Document))
        g.add((doc, DCTERMS.identifier, Literal(d["id"])))
        if d.get("title"):
            g.add((doc, DCTERMS.title, Literal(d["title"])))
        for a in d.get("authors", []):
            g.add((doc, DCTERMS.creator, Literal(a)))
        if d.get("publisher"):
            g.add((doc, DCTERMS.publisher, Literal(d["publisher"])))
        if d.get("published"):
            g.add((doc, DCTERMS.date, Literal(d["published"], datatype=XSD.date)))
        if d.get("source"):
            g.add((doc, DCTERMS.source, Literal(d["source"])))

    nx_graph = kg.graph
    for n, data in nx_graph.nodes(data=True):
        actor = mint("actor", n)
        g.add((actor, RDF.type, GK[data.get("type") or "Actor"]))
        g.add((actor, RDFS.label, Literal(data["label"])))
        for alias in data.get("aliases", []):
            if alias != data["label"]:
                g.add((actor, SKOS.altLabel, Literal(alias)))
        if data.get("part_of"):
            g.add((actor, GK.part_of, mint("actor", data["part_of"])))

    for u, v, k, data in nx_graph.edges(keys=True, data=True):
        s, o = mint("actor", u), mint("actor", v)
        prop = GK[data["relation"]]
        if data["modality"] == "asserted":
            g.add((s, prop, o))
        node = GKD[f"assertion/{_hash(u, v, k)}"]
        g.add((node, RDF.type, GK.Assertion))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, prop))
        g.add((node, RDF.object, o))
        g.add((node, GK.category, Literal(data["category"])))
        if data.get("cameo"):
            g.add((node, GK.cameo, Literal(data["cameo"])))
        g.add((node, GK.modality, GK[data["modality"]]))
        g.add(
            (node, GK.confidence, Literal(Decimal(str(data["confidence"])), datatype=XSD.decimal))
        )
        for rule in data.get("rules", []):
            g.add((node, GK.rule, Literal(rule)))
        if data.get("attributed_to"):
            g.add((node, PROV.wasAttributedTo, mint("actor", data["attributed_to"])))
        for ev in data["evidence"]:
            doc = mint("doc", ev["doc"])
            g.add((node, PROV.wasDerivedFrom, doc))
            sel = GKD[f"evidence/{_hash(ev['doc'], ev['start'], ev['end'])}"]
            g.add((node, GK.evidence, sel))
            g.add((sel, RDF.type, OA.TextPositionSelector))
            g.add((sel, RDF.type, OA.TextQuoteSelector))
            g.add((sel, OA.start, Literal(ev["start"], datatype=XSD.nonNegativeInteger)))
            g.add((sel, OA.end, Literal(ev["end"], datatype=XSD.nonNegativeInteger)))
            g.add((sel, OA.exact, Literal(ev["text"])))
            g.add((sel, DCTERMS.isPartOf, doc))
    return g


def to_turtle(kg: KnowledgeGraph) -> str:
    return to_rdf(kg).serialize(format="turtle")
