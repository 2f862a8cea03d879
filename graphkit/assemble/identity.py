"""What the exporters need from the ontology, written into the graph when it is built.

An export is a function of the graph alone: every node gets its ``iri`` (a gazetteer actor's
or a state's id, whichever ontology defined it, else a slug plus a hash), the graph's metadata
lists the IRI of every relation its edges use (``relations``; an ``--ontology`` folder may give
its own) and describes the parents that no document mentions (``parents``: label, type,
parent, IRI) and the explorer styles a user's folder changes (``styles``). So graph.json read
back exports exactly what the build exported.

>>> import networkx as nx
>>> from graphkit import load_ontology
>>> g = nx.MultiDiGraph()
>>> g.add_edge("popular_mobilization_forces", "iraq", key="k", relation="attack")
'k'
>>> g.nodes["popular_mobilization_forces"]["part_of"] = "iraq/government"
>>> meta = describe(g, load_ontology())
>>> g.nodes["iraq"]["iri"]
'https://w3id.org/graphkit/id/actor/iraq'
>>> meta["relations"]
{'attack': 'https://w3id.org/graphkit/ontology/0.1/attack'}
>>> meta["parents"]["iraq/government"]["label"]
'Iraq government'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..iris import actor_iri
from ..namespace import GK
from ..ontology import Styles, builtin_styles

if TYPE_CHECKING:
    import networkx as nx

    from ..ontology import Ontology


def describe(
    graph: nx.MultiDiGraph, onto: Ontology, events: Iterable[dict[str, Any]] = ()
) -> dict[str, Any]:
    """Set ``iri`` on every node; return the graph metadata the exporters read
    (``relations`` of the edges, the events with no recipient and the acts they are about,
    ``parents`` when some parent is no node, ``styles`` when a user's folder sets its own)."""
    known = set(onto.actors) | set(onto.states)
    for key, data in graph.nodes(data=True):
        data["iri"] = str(actor_iri(str(key), known))
    relations = {}
    items = [d for _, _, d in graph.edges(data=True)] + list(events)
    terms = {d["relation"] for d in items}
    terms |= {
        ev["content"]["relation"] for d in items for ev in d.get("evidence", []) if "content" in ev
    }
    for term in sorted(terms):
        rt = onto.relations.get(term)
        relations[term] = rt.iri if rt and rt.iri else f"{GK._NS}{term}"

    def from_ontology(key: str) -> dict[str, Any]:
        ref = onto.ref(key)
        return {
            "label": ref.label if ref else key,
            "type": ref.type if ref else "Actor",
            "part_of": ref.part_of if ref else None,
            "iri": str(actor_iri(key, known)),
        }

    meta: dict[str, Any] = {"relations": relations}
    parents = _outside_parents(graph, from_ontology, {})
    if parents:
        meta["parents"] = parents
    styles = _own_styles(onto)
    if styles:
        meta["styles"] = styles
    return meta


def _outside_parents(
    graph: nx.MultiDiGraph,
    describe_one: Callable[[str], dict[str, Any] | None],
    known: dict[str, dict[str, Any]],
) -> dict[str, dict[str, Any]]:
    """``known`` plus every parent, grandparent … of the nodes that is no node of ``graph``,
    as ``describe_one`` describes it (None: it cannot), sorted by key."""
    parents = dict(known)
    todo = sorted({d["part_of"] for _, d in graph.nodes(data=True) if d.get("part_of")})
    while todo:
        key = todo.pop()
        if key in graph or key in parents:
            continue
        d = describe_one(key)
        if d is None:
            continue
        parents[key] = d
        if d.get("part_of"):
            todo.append(d["part_of"])
    return {k: parents[k] for k in sorted(parents)}


def _own_styles(onto: Ontology) -> Styles:
    """The explorer styles a user's ontology folder sets, where they differ from graphkit's
    own (the exporter knows those)."""
    builtin = builtin_styles()
    out: Styles = {}
    for kind, terms in sorted(onto.styles.items()):
        for term, style in sorted(terms.items()):
            if builtin.get(kind, {}).get(term) != style:
                out.setdefault(kind, {})[term] = style
    return out


def carry_parents(
    graph: nx.MultiDiGraph, source: nx.MultiDiGraph, meta: dict[str, Any]
) -> dict[str, Any]:
    """``meta`` for ``graph``, a part of ``source``: a parent that is a node of ``source`` but
    not of ``graph`` goes to ``parents``, so the part still exports its parents."""

    def from_source(key: str) -> dict[str, Any] | None:
        if key not in source:
            return None
        d = source.nodes[key]
        return {name: d.get(name) for name in ("label", "type", "part_of", "iri")}

    out = dict(meta)
    parents = _outside_parents(graph, from_source, meta.get("parents") or {})
    if parents:
        out["parents"] = parents
    return out


def merge_meta(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """The metadata of two graphs merged: ``first``'s, plus the relations, parents and styles
    only ``second`` describes."""
    out = dict(first)
    for name in ("relations", "parents"):
        both = {**(second.get(name) or {}), **(first.get(name) or {})}
        if both:
            out[name] = {k: both[k] for k in sorted(both)}
    styles: Styles = {}
    for source in (second.get("styles") or {}, first.get("styles") or {}):
        for kind, terms in source.items():
            styles.setdefault(kind, {}).update(terms)
    if styles:
        out["styles"] = {k: dict(sorted(v.items())) for k, v in sorted(styles.items())}
    return out
