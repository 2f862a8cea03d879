"""Event-data weights on every event: its quad class, its Goldstein intensity, whether it happened.

Analysts who count events (ICEWS, GDELT, POLECAT) split them into four quad classes and weight
them on Goldstein's conflict–cooperation scale. Every assertion whose category is an event (not
a standing relation such as ``member_of``) gets

- ``quad``: its quad class as PLOVER groups its category (``verbal_cooperation``,
  ``material_cooperation``, ``verbal_conflict``, ``material_conflict``; ``quads.tsv``);
- ``cameo_quad``: the quad class of its CAMEO root code in the convention of CAMEO-coded data,
  which differs from PLOVER's for investigate, sanction and concede;
- ``intensity``: the Goldstein weight (-10 .. +10) of its CAMEO code (``cameo_codes.tsv``), or of
  its relation's own code when the code is not one of its category's (a matrix act that
  replaced the category the verb's code had);
- ``factual``: False for an act that did not happen as told — planned, threatened,
  hypothetical, negated or denied (its ``modality``) — so no count mixes them with acts that
  happened.

The weights are a function of the assertion's category, CAMEO code, relation and modality, and
the ontology; a graph read back from a graph.json written before they existed gets them from the
built-in ontology (:func:`weights`).

>>> from graphkit import load_ontology
>>> onto = load_ontology()
>>> w = weights({"category": "fight", "cameo": "190", "relation": "attack",
...               "modality": "asserted"}, onto)
>>> w["quad"], w["cameo_quad"], w["intensity"], w["factual"]
('material_conflict', 'material_conflict', -10.0, True)
>>> weights({"category": "member_of", "relation": "member_of", "modality": "asserted"}, onto)
{}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph
    from ..ontology import Ontology

#: the fields :func:`weights` sets, in the order graph.json writes them
FIELDS = ("quad", "cameo_quad", "intensity", "factual")


def _code_of(data: dict[str, Any], onto: Ontology) -> str:
    """The CAMEO code that stands for the event: its own when the code is one of its category's,
    else its relation's (or its category's relation's) own code."""
    category = data.get("category")
    code = data.get("cameo") or ""
    found = onto.codes.get(code)
    if found is not None and found.category == category:
        return code
    for term in (data.get("relation"), category):
        rel = onto.relations.get(str(term))
        if rel is not None and rel.cameo and rel.category == category:
            return rel.cameo
    return code


def weights(data: dict[str, Any], onto: Ontology) -> dict[str, Any]:
    """The quad class, CAMEO quad class, intensity and factuality of one assertion (an edge's or
    an event's attributes); empty for a standing relation."""
    quad = onto.quads.get(str(data.get("category")))
    if quad is None:
        return {}
    code = _code_of(data, onto)
    cameo = onto.codes.get(code)
    root = onto.cameo_quads.get(code[:2]) if code else None
    return {
        "quad": quad.name,
        "cameo_quad": root.name if root is not None else None,
        "intensity": cameo.goldstein if cameo is not None else None,
        "factual": data.get("modality") == "asserted",
    }


def ontology_of(kg: KnowledgeGraph) -> Ontology:
    """The ontology ``kg`` was built with, else the built-in one (a graph read back)."""
    from ..ontology import load_ontology

    return kg.ontology or load_ontology()


def add_weights(items: Iterable[dict[str, Any]], onto: Ontology) -> None:
    """Set the weights on each assertion of ``items`` (edge and event attribute dictionaries)."""
    for data in items:
        data.update(weights(data, onto))


def weigh_graph(kg: KnowledgeGraph, onto: Ontology) -> None:
    """Set the weights on every edge and every event with no recipient of ``kg``."""
    add_weights((d for _, _, d in kg.graph.edges(data=True)), onto)
    add_weights(kg.events, onto)
