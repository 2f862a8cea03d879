"""graph.json: networkx node-link JSON, as FORMAT.md specifies.

The layout is what ``networkx.node_link_data(G, edges="edges")`` produces, with each node's
``id`` and each edge's ``source``/``target``/``key`` first, so ``networkx.node_link_graph``
reads it back directly.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph


def to_node_link(kg: KnowledgeGraph) -> dict[str, Any]:
    g = kg.graph
    graph_meta: dict[str, Any] = {"documents": kg.documents}
    if kg.errors:
        graph_meta["errors"] = kg.errors
    graph_meta.update(kg.meta)
    out = {
        "directed": True,
        "multigraph": True,
        "graph": graph_meta,
        "nodes": [{"id": n, **g.nodes[n]} for n in g.nodes],
        "edges": [
            {"source": u, "target": v, "key": k, **d}
            for u, v, k, d in g.edges(keys=True, data=True)
        ],
    }
    if kg.events:  # events with no recipient: an edge's fields, no target (FORMAT.md)
        out["events"] = [dict(e) for e in kg.events]
    return out


def dumps(kg: KnowledgeGraph) -> str:
    return json.dumps(to_node_link(kg), ensure_ascii=False, indent=1) + "\n"
