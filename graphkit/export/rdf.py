"""RDF exports: Turtle, N-Triples, JSON-LD, TriG and N-Quads, on an Oxigraph or rdflib store.

The model (docs/rdf.md has an example):

- every actor is an IRI typed with its class (``gk:ArmedGroup`` ...), with ``rdfs:label``,
  ``skos:altLabel`` for its aliases and ``gk:partOf`` for its built-in parent;
- every asserted edge is a direct triple, ``actor gk:memberOf actor``, so plain SPARQL works;
  negated, denied, hypothetical, planned and threatened edges are not;
- every (edge, document) is an n-ary ``gk:Assertion`` resource (a ``gk:Claim`` when a speaker
  is named) with ``rdf:subject``/``rdf:predicate``/``rdf:object``, ``gk:category``,
  ``gk:cameo``, ``gk:modality``, ``gk:confidence``, ``gk:rule``, ``prov:wasAttributedTo`` the
  speaker, ``prov:wasDerivedFrom`` the document, and ``gk:evidence``: one Web Annotation
  selector per sentence, both ``oa:TextPositionSelector`` (``oa:start``/``oa:end``, code
  points) and ``oa:TextQuoteSelector`` (``oa:exact``);
- every document is a ``gk:Document`` with Dublin Core metadata.

In a dataset (TriG, N-Quads, ``graphkit push``) each document's statements are one named graph,
``gkd:graph/<id>``, which also describes the actors it mentions, so replacing one document's
graph replaces exactly what that document said.

IRIs are deterministic and safe: gazetteer actors and states keep their id
(``gkd:actor/kataib_hezbollah``); any other actor is a slug plus a hash of its key
(``gkd:actor/wagner-1b0a1e6f``); document ids are percent-encoded per path segment.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, NamespaceManager

from ..iris import CONTEXT_IRI, GKD, OA, PREFIXES, actor_iri, graph_iri, mint
from ..iris import digest as _hash
from ..namespace import GK

if TYPE_CHECKING:
    import pyoxigraph

    from ..graph import KnowledgeGraph

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class IRI(str):
    """An IRI in the neutral statement stream (a plain ``str`` is never an IRI)."""

    __slots__ = ()


#: a literal: lexical form and datatype IRI (None for xsd:string)
Lit = tuple[str, str | None]
Term = IRI | Lit
Statement = tuple[IRI, IRI, Term, IRI | None]


# ---------------------------------------------------------------------- statements
class _Terms:
    """The IRIs of a graph's actors and relations (each minted once) and the statements that
    describe an actor and its parents."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.g = kg.graph
        self.parents: dict[str, dict[str, Any]] = kg.meta.get("parents") or {}
        self.relations: dict[str, str] = kg.meta.get("relations") or {}
        self.iri_of: dict[str, IRI] = {}
        self.relation_iri: dict[str, IRI] = {}

    def actor(self, key: str) -> IRI:
        if key not in self.iri_of:
            g = self.g
            d = g.nodes[key] if key in g else self.parents.get(key, {})
            self.iri_of[key] = IRI(d.get("iri") or actor_iri(key))
        return self.iri_of[key]

    def rel(self, term: str) -> IRI:
        if term not in self.relation_iri:
            iri = self.relations.get(term) or _builtin_relation_iri(term)
            self.relation_iri[term] = IRI(iri)
        return self.relation_iri[term]

    def describe(self, key: str, graph: IRI | None) -> Iterator[Statement]:
        """An actor of the graph: its type, label, aliases, codes and parents."""
        d = self.g.nodes[key]
        a = self.actor(key)
        yield a, _TYPE, IRI(f"{GK._NS}{d.get('type') or 'Actor'}"), graph
        label = d.get("label") or str(key)
        yield a, _LABEL, (label, None), graph
        for alias in d.get("aliases", []):
            if alias and alias != label:  # an empty alias names nothing
                yield a, _ALT, (alias, None), graph
        for prop, field in (
            (GK.country, "country"),
            (GK.cameoCode, "cameo"),
            (GK.sector, "sector"),
        ):
            if d.get(field):
                yield a, IRI(prop), (str(d[field]), None), graph
        parent = d.get("part_of")
        if parent:
            yield a, _PART_OF, self.actor(parent), graph
            if parent in self.g:
                yield from self.describe(parent, graph)
            else:
                yield from self.describe_parent(parent, graph)

    def describe_parent(self, key: str, graph: IRI | None) -> Iterator[Statement]:
        """A parent the text never mentions, as the build described it from the ontology."""
        d = self.parents.get(key, {})
        a = self.actor(key)
        yield a, _TYPE, IRI(f"{GK._NS}{d.get('type') or 'Actor'}"), graph
        yield a, _LABEL, (d.get("label") or key, None), graph
        if d.get("part_of"):
            yield a, _PART_OF, self.actor(d["part_of"]), graph
            yield from self.describe_parent(d["part_of"], graph)


_TYPE, _LABEL, _ALT, _PART_OF = IRI(RDF.type), IRI(RDFS.label), IRI(SKOS.altLabel), IRI(GK.partOf)


def statements(kg: KnowledgeGraph, *, per_document: bool) -> Iterator[Statement]:
    """Every statement of the RDF model, as neutral terms; ``per_document`` puts each in its
    document's named graph (else the default graph, ``None``)."""
    g = kg.graph
    terms = _Terms(kg)
    actor, rel = terms.actor, terms.rel
    docs = {d["id"]: d for d in kg.documents}
    graph_of: Callable[[str], IRI | None] = (
        (lambda doc: IRI(graph_iri(doc))) if per_document else (lambda doc: None)
    )
    for doc_id in sorted(docs):
        yield from _document(docs[doc_id], graph_of(doc_id))

    # actors: once in the default graph, or in every document graph that mentions them
    actors_in: dict[str | None, set[str]] = defaultdict(set)
    for n, d in g.nodes(data=True):
        if per_document:
            for m in d.get("mentions", []):
                actors_in[m["doc"]].add(n)
        else:
            actors_in[None].add(n)

    # edges, then the events with no recipient: an assertion with no object and no direct triple
    for u, v, k, data in kg.edges_and_events():
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for ev in data["evidence"]:
            by_doc[ev["doc"]].append(ev)
        s, o, p = actor(u), (actor(v) if v is not None else None), rel(data["relation"])
        speaker = data.get("attributed_to")
        for doc_id, evs in sorted(by_doc.items()):
            graph = graph_of(doc_id)
            if per_document:
                actors_in[doc_id].update(x for x in (u, v, speaker) if x)
            if data["modality"] == "asserted" and o is not None:
                yield s, p, o, graph
            yield from _assertion(
                (u, v or "", k),
                s,
                p,
                o,
                data,
                speaker and actor(speaker),
                doc_id,
                evs,
                graph,
                rel,
            )

    for doc_id in sorted(actors_in, key=lambda x: x or ""):
        for key in sorted(actors_in[doc_id]):
            if key in g:
                yield from terms.describe(key, graph_of(doc_id) if doc_id else None)


def _builtin_relation_iri(term: str) -> str:
    """A relation's IRI in the built-in ontology, for a graph that does not list its own
    (one made by hand rather than by the build)."""
    from ..ontology import load_ontology

    rt = load_ontology().relations.get(term)
    return rt.iri if rt and rt.iri else f"{GK._NS}{term}"


def _document(d: dict[str, Any], graph: IRI | None) -> Iterator[Statement]:
    doc = IRI(mint("doc", d["id"]))
    yield doc, IRI(RDF.type), IRI(GK.Document), graph
    yield doc, IRI(DCTERMS.identifier), (d["id"], None), graph
    if d.get("title"):
        yield doc, IRI(DCTERMS.title), (d["title"], None), graph
    for a in d.get("authors") or []:
        yield doc, IRI(DCTERMS.creator), (a, None), graph
    if d.get("publisher"):
        yield doc, IRI(DCTERMS.publisher), (d["publisher"], None), graph
    if d.get("published"):
        date = str(d["published"])
        yield doc, IRI(DCTERMS.date), (date, str(XSD.date) if _DATE.match(date) else None), graph
    if d.get("source"):
        yield doc, IRI(DCTERMS.source), (d["source"], None), graph


def _assertion(
    ident: tuple[str, str, str],
    s: IRI,
    p: IRI,
    o: IRI | None,
    data: dict[str, Any],
    speaker: IRI | None,
    doc_id: str,
    evs: list[dict[str, Any]],
    graph: IRI | None,
    rel: Callable[[str], IRI],
) -> Iterator[Statement]:
    node = IRI(f"{GKD}assertion/{_hash(*ident, doc_id)}")
    doc = IRI(mint("doc", doc_id))
    yield node, IRI(RDF.type), IRI(GK.Assertion), graph
    if speaker:
        yield node, IRI(RDF.type), IRI(GK.Claim), graph
        yield node, IRI(PROV.wasAttributedTo), speaker, graph
    yield node, IRI(RDF.subject), s, graph
    yield node, IRI(RDF.predicate), p, graph
    if o is not None:
        yield node, IRI(RDF.object), o, graph
    yield node, IRI(GK.category), (data["category"], None), graph
    if data.get("cameo"):
        yield node, IRI(GK.cameo), (str(data["cameo"]), None), graph
    yield node, IRI(GK.modality), IRI(f"{GK._NS}{data['modality']}"), graph
    for prop, field in ((GK.quad, "quad"), (GK.cameoQuad, "cameo_quad")):
        quad = _quad_iri(data.get(field))
        if quad is not None:
            yield node, IRI(prop), IRI(quad), graph
    intensity = data.get("intensity")
    if isinstance(intensity, (int, float)) and -10 <= intensity <= 10:
        yield node, IRI(GK.intensity), (_decimal(float(intensity)), str(XSD.decimal)), graph
    if isinstance(data.get("factual"), bool):
        yield node, IRI(GK.factual), (str(data["factual"]).lower(), str(XSD.boolean)), graph
    if data.get("target_role", "recipient") != "recipient":
        # an event with no recipient: its object is where it happened, or it has none
        yield node, IRI(GK.targetRole), (str(data["target_role"]), None), graph
    conf = max(float(ev.get("confidence", data["confidence"])) for ev in evs)
    yield node, IRI(GK.confidence), (_decimal(conf), str(XSD.decimal)), graph
    yield node, IRI(PROV.wasDerivedFrom), doc, graph
    for rule in sorted({ev.get("rule") or "" for ev in evs} - {""}):
        yield node, IRI(GK.rule), (rule, None), graph
    for ev in evs:
        sel = IRI(f"{GKD}evidence/{_hash(doc_id, ev['start'], ev['end'])}")
        yield node, IRI(GK.evidence), sel, graph
        yield sel, IRI(RDF.type), IRI(OA.TextPositionSelector), graph
        yield sel, IRI(RDF.type), IRI(OA.TextQuoteSelector), graph
        yield sel, IRI(OA.start), (str(ev["start"]), str(XSD.integer)), graph
        yield sel, IRI(OA.end), (str(ev["end"]), str(XSD.integer)), graph
        yield sel, IRI(OA.exact), (ev["text"], None), graph
        yield sel, IRI(DCTERMS.isPartOf), doc, graph
        if ev.get("trigger"):
            yield node, IRI(GK.trigger), (ev["trigger"]["text"], None), graph
        if ev.get("claim"):
            yield node, IRI(GK.claimText), (ev["claim"], None), graph
        if ev.get("content"):
            yield node, IRI(GK.contentRelation), rel(ev["content"]["relation"]), graph
            yield node, IRI(GK.contentText), (ev["content"]["text"], None), graph
        if ev.get("date"):
            kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(ev["date"])]
            yield node, IRI(DCTERMS.date), (ev["date"], str(kind)), graph


def _quad_iri(name: object) -> str | None:
    """The IRI of a quad class named as graph.json names it ("verbal_cooperation" ->
    gk:verbalCooperation); None for any other value (a graph read back is untrusted)."""
    if not isinstance(name, str) or name not in _quad_names():
        return None
    head, *rest = name.split("_")
    return f"{GK._NS}{head}{''.join(w.capitalize() for w in rest)}"


@cache
def _quad_names() -> frozenset[str]:
    from ..ontology import load_ontology

    return frozenset(q.name for q in load_ontology().quads.values())


def _decimal(x: float) -> str:
    """An xsd:decimal in the lexical form Oxigraph keeps ("0.71", "-10"), so both stores hold
    the same literal."""
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


# ---------------------------------------------------------------------- stores
def _ox_quads(stmts: Iterator[Statement]) -> Iterator[pyoxigraph.Quad]:
    import pyoxigraph as ox

    nodes: dict[str, ox.NamedNode] = {}
    dts: dict[str, ox.NamedNode] = {}

    def node(x: str) -> ox.NamedNode:
        n = nodes.get(x)
        if n is None:
            n = nodes[x] = ox.NamedNode(x)
        return n

    default = ox.DefaultGraph()
    for s, p, o, g in stmts:
        if isinstance(o, IRI):
            obj: Any = node(o)
        elif o[1] is None:
            obj = ox.Literal(o[0])
        else:
            dt = dts.get(o[1]) or dts.setdefault(o[1], ox.NamedNode(o[1]))
            obj = ox.Literal(o[0], datatype=dt)
        yield ox.Quad(node(s), node(p), obj, node(g) if g else default)


def _rdflib_term(t: Term) -> URIRef | Literal:
    if isinstance(t, IRI):
        return URIRef(t)
    return Literal(t[0], datatype=URIRef(t[1]) if t[1] else None)


def _bind(g: Graph) -> None:
    """Only graphkit's prefixes, in a fixed order (not rdflib's long default list)."""
    g.namespace_manager = NamespaceManager(g, bind_namespaces="none")
    for prefix in sorted(PREFIXES):
        g.bind(prefix, PREFIXES[prefix], override=True, replace=True)


def to_dataset(kg: KnowledgeGraph, store: str = "oxigraph") -> Dataset:
    """The model as an rdflib Dataset, one named graph per document.

    ``store="oxigraph"`` (default) puts it in an in-memory Oxigraph store behind the rdflib API
    (fast loading, serialising and SPARQL); ``store="memory"`` uses plain rdflib.
    """
    stmts = statements(kg, per_document=True)
    if store == "oxigraph":
        import pyoxigraph as ox
        from oxrdflib import OxigraphStore

        inner = ox.Store()
        inner.bulk_extend(_ox_quads(stmts))
        ds = Dataset(store=OxigraphStore(store=inner))
    elif store == "memory":
        ds = Dataset()
        graphs: dict[IRI | None, Graph] = {}
        for s, p, o, g in stmts:
            if g not in graphs:
                graphs[g] = ds.graph(URIRef(g)) if g else ds.default_graph
            graphs[g].add((URIRef(s), URIRef(p), _rdflib_term(o)))
    else:
        raise ValueError(f"unknown store {store!r} (oxigraph or memory)")
    _bind(ds)
    return ds


def to_rdf(kg: KnowledgeGraph, store: str = "oxigraph") -> Graph:
    """The model as one rdflib Graph (every document's statements merged)."""
    stmts = statements(kg, per_document=False)
    if store == "oxigraph":
        import pyoxigraph as ox
        from oxrdflib import OxigraphStore

        inner = ox.Store()
        inner.bulk_extend(_ox_quads(stmts))
        g = Graph(
            store=OxigraphStore(store=inner),
            identifier=DATASET_DEFAULT_GRAPH_ID,
            bind_namespaces="none",
        )
    elif store == "memory":
        g = Graph(bind_namespaces="none")
        g.addN((URIRef(s), URIRef(p), _rdflib_term(o), g) for s, p, o, _ in stmts)
    else:
        raise ValueError(f"unknown store {store!r} (oxigraph or memory)")
    _bind(g)
    return g


# ---------------------------------------------------------------------- formats
@cache
def context() -> dict[str, Any]:
    """The JSON-LD context (``ontology/context.jsonld``), embedded in every JSON-LD export."""
    from ..ontology import builtin_dir

    return json.loads((builtin_dir() / "context.jsonld").read_text(encoding="utf-8"))


def _canonical(value: Any) -> Any:
    """JSON-LD with every array in a fixed order (arrays of nodes and values are sets here)."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _sorted_lines(text: str) -> str:
    lines = sorted(set(text.splitlines()))
    return "\n".join(line for line in lines if line) + "\n"


def serialize(kg: KnowledgeGraph, fmt: str, store: str = "oxigraph") -> str:
    """One RDF format as text: ``ttl``, ``nt``, ``jsonld``, ``trig`` or ``nq``.

    N-Triples and N-Quads come out sorted, so the same graph always gives the same bytes.
    """
    if fmt in {"trig", "nq"}:
        ds = to_dataset(kg, store)
        if fmt == "nq":
            nq = ds.serialize(format="ox-nquads" if store == "oxigraph" else "nquads")
            return _sorted_lines(nq)
        return ds.serialize(format="ox-trig" if store == "oxigraph" else "trig")
    g = to_rdf(kg, store)
    if fmt == "ttl":
        return g.serialize(format="ox-turtle" if store == "oxigraph" else "turtle")
    if fmt == "nt":
        return _sorted_lines(g.serialize(format="ox-ntriples" if store == "oxigraph" else "nt"))
    if fmt == "jsonld":
        plain = Graph(bind_namespaces="none")
        plain += g
        text = plain.serialize(format="json-ld", context=context()["@context"], auto_compact=True)
        return json.dumps(_canonical(json.loads(text)), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown RDF format {fmt!r}")


__all__ = [
    "CONTEXT_IRI", "GK", "GKD", "OA", "actor_iri", "context", "graph_iri", "mint", "serialize",
    "statements", "to_dataset", "to_rdf",
]  # fmt: skip
