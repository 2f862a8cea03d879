"""Event-data codes on actor nodes: country (ISO 3166 alpha-3), CAMEO actor code and sector.

Analysts aggregate event data by country and sector; every node that graphkit can code gets

- ``country``: the ISO 3166-1 alpha-3 code of its state ("IRQ" for Iraq and for Iraqi forces);
- ``cameo``: its CAMEO actor code ("IRQ", "IRQMIL", "NGOHRI", "PSEREBHMS");
- ``sector``: its CAMEO sector ("MIL", "GOV", "COP", "REB" …; none for a state itself).

The codes are a function of the node's key and the ontology: a state's id
(``state_codes.tsv``), a state's unit ``state/kind`` (the state's code and the kind's sector in
``sectors.tsv``), an imported actor's own code (``phoenix_actors.tsv``), a generic actor with no
state ``kind@document`` (the kind's sector only). Nodes graphkit cannot code get none.

>>> from graphkit import load_ontology
>>> onto = load_ontology()
>>> actor_codes("iraq/forces", onto)
{'country': 'IRQ', 'cameo': 'IRQMIL', 'sector': 'MIL'}
>>> actor_codes("human_rights_watch", onto)
{'cameo': 'NGOHRI', 'sector': 'HRI'}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Key

if TYPE_CHECKING:
    import networkx as nx

    from ..ontology import Ontology

FIELDS = ("country", "cameo", "sector")


def kind_sectors(onto: Ontology) -> dict[str, str]:
    """The sector of each kind of generic actor: the commonest among its heads (graphkit's own
    rows count for more than imported ones), else the sectors.tsv row of that kind."""
    counts: dict[str, dict[str, int]] = {}
    for g in onto.generic.values():
        if g.sector:
            c = counts.setdefault(g.kind, {})
            c[g.sector[:3]] = c.get(g.sector[:3], 0) + (1 if g.imported else 100)
    out = {kind: max(sorted(c), key=lambda s: c[s]) for kind, c in counts.items()}
    for sector, head in sorted(onto.sectors.items()):
        out.setdefault(head.kind, sector)
    return out


def _code_parts(code: str, onto: Ontology) -> dict[str, str]:
    out: dict[str, str] = {"cameo": code}
    prefix = code[:3]
    country = onto.state_codes_by_code.get(prefix)
    if country is not None:
        out["country"] = country
    for i in range(3, len(code) - 2, 3):
        if code[i : i + 3] in onto.sectors:
            out["sector"] = code[i : i + 3]
            break
    return out


def actor_codes(key: str, onto: Ontology, kinds: dict[str, str] | None = None) -> dict[str, str]:
    """The codes graphkit knows for the node with this key (possibly none); ``kinds`` is
    :func:`kind_sectors`, computed once for many keys."""
    kinds = kind_sectors(onto) if kinds is None else kinds
    if key in onto.states:
        code = onto.state_codes.get(key)
        return {"country": code[1], "cameo": code[0]} if code else {}
    if key in onto.actors:
        a = onto.actors[key]
        if a.code:
            return _code_parts(a.code, onto)
        if a.part_of:
            parent = actor_codes(a.part_of, onto, kinds)
            return {"country": parent["country"]} if "country" in parent else {}
        return {}
    parts = Key.parse(key)
    base, kind = parts.owner, parts.kind
    if base is not None and not parts.local:
        if not any(g.kind == kind for g in onto.generic.values()):
            return {}  # "iran/aligned_groups" are backed by Iran, not of it
        sector = kinds.get(kind)
        state = onto.state_codes.get(base)
        out: dict[str, str] = {}
        if state is not None:
            out["country"] = state[1]
            out["cameo"] = state[0] + (sector or "")
        if sector is not None:
            out["sector"] = sector
        return out
    if parts.local and not parts.unit:
        sector = kinds.get(parts.kind)
        return {"sector": sector} if sector else {}
    return {}


def add_codes(graph: nx.MultiDiGraph, onto: Ontology) -> None:
    """Set ``country``, ``cameo`` and ``sector`` on every node the ontology can code."""
    kinds = kind_sectors(onto)
    for key, data in graph.nodes(data=True):
        for field, value in actor_codes(str(key), onto, kinds).items():
            data.setdefault(field, value)
