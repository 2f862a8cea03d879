"""Operations that make a new graph from graphs: a filtered subgraph, a merge of two.

>>> import graphkit
>>> a = graphkit.build([graphkit.document_from_text("a", "Hamas attacked Israel.")])
>>> b = graphkit.build([graphkit.document_from_text("b", "Israel struck Hamas.")])
>>> both = a.merge(b)
>>> sorted((u, v) for u, v in both.graph.edges())
[('hamas', 'israel'), ('israel', 'hamas')]
>>> sorted(both.subgraph(documents=["b"]).graph.edges())
[('israel', 'hamas')]
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx

from ..assemble.identity import carry_parents, merge_meta
from ..errors import GraphkitError
from ..graph import summarize_edge

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph


def _resolve_actors(kg: KnowledgeGraph, names: Iterable[str]) -> set[str]:
    """Actor ids from ids, labels or aliases; an unknown name is an error, not a silent miss."""
    g = kg.graph
    by_name: dict[str, set[str]] = {}
    for n, d in g.nodes(data=True):
        for name in {n, d.get("label"), *d.get("aliases", [])}:
            if name:
                by_name.setdefault(str(name).casefold(), set()).add(n)
    out: set[str] = set()
    for name in names:
        found = by_name.get(str(name).casefold())
        if not found:
            raise GraphkitError(f"no actor named {name!r} in this graph")
        out |= found
    return out


def subgraph(
    kg: KnowledgeGraph,
    actors: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    documents: Iterable[str] | None = None,
) -> KnowledgeGraph:
    """A new graph with only some of the edges and evidence:

    - ``actors`` (ids, labels or aliases): edges between two of these actors;
    - ``categories``: edges of these categories;
    - ``documents`` (ids): evidence and mentions from these documents; an edge with no
      evidence left is dropped.

    Actors are kept when they are in ``actors``, or (without ``actors``) when an edge or a
    mention of theirs is kept.
    """
    g = kg.graph
    keep_actors = _resolve_actors(kg, actors) if actors is not None else None
    cats = set(categories) if categories is not None else None
    docs = set(documents) if documents is not None else None
    out = nx.MultiDiGraph()

    def kept(ends: tuple[str, ...], d: dict) -> dict | None:
        """A copy of an edge's (or an event's) attributes with the evidence kept, or None."""
        if keep_actors is not None and not all(x in keep_actors for x in ends):
            return None
        if cats is not None and d.get("category") not in cats:
            return None
        d = copy.deepcopy(d)
        if docs is not None:
            d["evidence"] = [ev for ev in d.get("evidence", []) if ev.get("doc") in docs]
            if not d["evidence"]:
                return None
            summarize_edge(d)
        return d

    edges = [
        (u, v, k, kd)
        for u, v, k, d in g.edges(keys=True, data=True)
        if (kd := kept((u, v), d)) is not None
    ]
    events = [ke for e in kg.events if (ke := kept((e["source"],), e)) is not None]
    used = {x for u, v, _, d in edges for x in (u, v, d.get("attributed_to")) if x}
    used |= {x for e in events for x in (e["source"], e.get("attributed_to")) if x}
    for n, d in g.nodes(data=True):
        d = copy.deepcopy(d)
        if docs is not None:
            d["mentions"] = [m for m in d.get("mentions", []) if m.get("doc") in docs]
            d["documents"] = len({m["doc"] for m in d["mentions"]})
        wanted = n in keep_actors if keep_actors is not None else (n in used or d.get("mentions"))
        if wanted or n in used:
            out.add_node(n, **d)
    for u, v, k, d in edges:
        out.add_edge(u, v, key=k, **d)
    kept_docs = [doc for doc in kg.documents if docs is None or doc["id"] in docs]
    return type(kg)(
        out, kept_docs, [], carry_parents(out, g, kg.meta), ontology=kg.ontology, events=events
    )


def merge(kg: KnowledgeGraph, other: KnowledgeGraph) -> KnowledgeGraph:
    """One graph from two: actors with the same id are one node (aliases and mentions
    joined), the same edge (ends and key) gathers the evidence of both, and documents are
    listed once. Two different documents with the same id are an error."""
    ids = {d["id"]: d for d in kg.documents}
    for d in other.documents:
        if d["id"] in ids and ids[d["id"]] != d:
            raise GraphkitError(f"both graphs have a document {d['id']!r} that differs")
    out = copy.deepcopy(kg.graph)
    for n, d in other.graph.nodes(data=True):
        if n not in out:
            out.add_node(n, **copy.deepcopy(d))
            continue
        mine = out.nodes[n]
        mine["aliases"] = sorted(set(mine.get("aliases", [])) | set(d.get("aliases", [])))
        seen = {(m["doc"], m["start"], m["end"]) for m in mine.get("mentions", [])}
        mentions = mine.setdefault("mentions", [])
        mentions.extend(
            copy.deepcopy(m)
            for m in d.get("mentions", [])
            if (m["doc"], m["start"], m["end"]) not in seen
        )
        mentions.sort(key=lambda m: (m["doc"], m["start"], m["end"]))
        mine["documents"] = len({m["doc"] for m in mentions})
        if not mine.get("part_of") and d.get("part_of"):
            mine["part_of"] = d["part_of"]
    for u, v, k, d in other.graph.edges(keys=True, data=True):
        if not out.has_edge(u, v, key=k):
            out.add_edge(u, v, key=k, **copy.deepcopy(d))
            continue
        mine = out.edges[u, v, k]
        have = mine.setdefault("evidence", [])
        have.extend(copy.deepcopy(ev) for ev in d.get("evidence", []) if ev not in have)
        summarize_edge(mine)
    events = {(e["source"], e["key"]): copy.deepcopy(e) for e in kg.events}
    for e in other.events:
        mine = events.get((e["source"], e["key"]))
        if mine is None:
            events[e["source"], e["key"]] = copy.deepcopy(e)
            continue
        have = mine.setdefault("evidence", [])
        have.extend(copy.deepcopy(ev) for ev in e.get("evidence", []) if ev not in have)
        summarize_edge(mine)
    documents = list(kg.documents) + [d for d in other.documents if d["id"] not in ids]
    return type(kg)(
        out,
        documents,
        list(kg.errors) + list(other.errors),
        merge_meta(kg.meta, other.meta),
        ontology=kg.ontology or other.ontology,
        events=[events[k] for k in sorted(events)],
    )
