"""Exports for network tools: GraphML and GEXF (Gephi, yEd, networkx), Cytoscape.js JSON, and
Neo4j bulk-import CSVs.

GraphML and GEXF hold only scalar attributes, so lists are flattened: aliases, rules and
document ids are joined with ``|``, mentions and evidence become counts, the first evidence
sentence is kept as ``sentence``, and a missing speaker or parent is an empty string. Cytoscape
JSON keeps everything (it is JSON). The Neo4j files follow the header syntax of
``neo4j-admin database import full``: ``:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
``:TYPE`` and typed properties, arrays separated by ``;``.

>>> import graphkit, io, networkx as nx
>>> kg = graphkit.build([graphkit.document_from_text("d", "Iran said Hamas attacked Israel.")])
>>> back = nx.read_graphml(io.BytesIO(to_graphml(kg).encode()))
>>> [(u, d["category"], v, d["attributed_to"]) for u, v, d in back.edges(data=True)]
[('hamas', 'fight', 'israel', 'iran')]
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

SEP = "|"


def _join(values: Any) -> str:
    return SEP.join(str(v) for v in values)


#: what XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF), for GraphML and GEXF
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(value: Any) -> Any:
    """A string XML can hold (each character it cannot is U+FFFD); other values as they are.

    >>> _xml("page\x0cbreak") == "page\ufffdbreak"
    True
    """
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def flat_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The graph with scalar attributes only (strings, numbers), for GraphML and GEXF; every
    string (ids included) is one XML can hold, whatever a graph read back from JSON holds."""
    g = kg.graph
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        mentions = d.get("mentions", [])
        attrs = {
            "label": d.get("label") or str(n),
            "type": d.get("type") or "",
            "part_of": d.get("part_of") or "",
            "aliases": _join(d.get("aliases", [])),
            "mentions": len(mentions),
            "documents": _join(sorted({m["doc"] for m in mentions})),
        }
        out.add_node(_xml(str(n)), **{a: _xml(v) for a, v in attrs.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        evidence = d.get("evidence", [])
        attrs = {
            "relation": d.get("relation") or "",
            "category": d.get("category") or "",
            "cameo": d.get("cameo") or "",
            "modality": d.get("modality") or "",
            "attributed_to": d.get("attributed_to") or "",
            "confidence": float(d.get("confidence") or 0.0),
            "rules": _join(d.get("rules", [])),
            "documents": _join(sorted({ev["doc"] for ev in evidence})),
            "evidence": len(evidence),
            "sentence": evidence[0]["text"] if evidence else "",
        }
        out.add_edge(
            _xml(str(u)), _xml(str(v)), key=_xml(str(k)), **{a: _xml(x) for a, x in attrs.items()}
        )
    return out


def to_graphml(kg: KnowledgeGraph) -> str:
    buf = io.BytesIO()
    nx.write_graphml(flat_graph(kg), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")


def to_gexf(kg: KnowledgeGraph) -> str:
    buf = io.BytesIO()
    nx.write_gexf(flat_graph(kg), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")


def to_cytoscape(kg: KnowledgeGraph) -> str:
    """Cytoscape.js elements JSON (also what ``networkx.cytoscape_graph`` reads)."""
    g = kg.graph
    nodes = [
        {"data": {"id": n, "value": n, "name": d.get("label") or n, **d}}
        for n, d in g.nodes(data=True)
    ]
    edges = [
        {"data": {"id": f"{u}|{v}|{k}", "source": u, "target": v, "key": k, **d}}
        for u, v, k, d in g.edges(keys=True, data=True)
    ]
    data = {
        "data": {"documents": kg.documents},
        "directed": True,
        "multigraph": True,
        "elements": {"nodes": nodes, "edges": edges},
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _array(values: Any) -> str:
    # neo4j-admin splits arrays on ';' and has no escape for it
    return ";".join(str(v).replace(";", ",") for v in values)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def to_neo4j(kg: KnowledgeGraph) -> dict[str, str]:
    """``neo4j_actors.csv`` and ``neo4j_relationships.csv`` for ``neo4j-admin database import
    full --nodes=neo4j_actors.csv --relationships=neo4j_relationships.csv``."""
    g = kg.graph
    actors = io.StringIO()
    w = csv.writer(actors, lineterminator="\n")
    w.writerow(["actorId:ID(Actor)", ":LABEL", "label", "type", "part_of", "aliases:string[]",
                "mentions:int", "documents:string[]"])  # fmt: skip
    for n, d in g.nodes(data=True):
        mentions = d.get("mentions", [])
        labels = ["Actor"] + ([d["type"]] if d.get("type") and d["type"] != "Actor" else [])
        w.writerow([n, ";".join(labels), _one_line(d.get("label") or n), d.get("type") or "",
                    d.get("part_of") or "", _array(d.get("aliases", [])), len(mentions),
                    _array(sorted({m["doc"] for m in mentions}))])  # fmt: skip
    rels = io.StringIO()
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "key", "relation", "category",
                "cameo", "modality", "attributed_to", "confidence:float", "rules:string[]",
                "documents:string[]", "evidence:int", "sentence"])  # fmt: skip
    for u, v, k, d in g.edges(keys=True, data=True):
        evidence = d.get("evidence", [])
        w.writerow([u, v, str(d.get("relation") or "related").upper(), k, d.get("relation") or "",
                    d.get("category") or "", d.get("cameo") or "", d.get("modality") or "",
                    d.get("attributed_to") or "", d.get("confidence") or 0.0,
                    _array(d.get("rules", [])), _array(sorted({ev["doc"] for ev in evidence})),
                    len(evidence), _one_line(evidence[0]["text"]) if evidence else ""])  # fmt: skip
    return {"neo4j_actors.csv": actors.getvalue(), "neo4j_relationships.csv": rels.getvalue()}
