"""Read a graph back: graph.json into a KnowledgeGraph, or any of graphkit's RDF files into a
store that SPARQL, SHACL and ``graphkit push`` can use.

>>> kg = from_node_link({"directed": True, "multigraph": True,
...                      "graph": {"documents": [{"id": "d"}]},
...                      "nodes": [{"id": "a", "label": "A", "type": "State"}], "edges": []})
>>> kg.graph.nodes["a"]["label"], kg.documents[0]["id"]
('A', 'd')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset

from ..errors import InputError
from ..graph import KnowledgeGraph
from ..runtime.io import check_regular, read_json_file
from .rdf import to_dataset

#: file suffix -> pyoxigraph format name, for the RDF files graphkit writes
RDF_SUFFIXES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".trig": "application/trig",
    ".nq": "application/n-quads",
}


def from_node_link(data: dict[str, Any]) -> KnowledgeGraph:
    """A KnowledgeGraph from graph.json's dictionary."""
    meta = dict(data.get("graph") or {})
    documents = meta.pop("documents", [])
    errors = meta.pop("errors", [])
    events = [dict(e) for e in data.get("events") or []]
    data = {k: v for k, v in data.items() if k != "events"}
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    if not isinstance(g, nx.MultiDiGraph):
        g = nx.MultiDiGraph(g)
    g.graph.clear()
    return KnowledgeGraph(g, documents, errors, meta, events=events)


def _need(record: object, where: str, fields: dict[str, type | tuple[type, ...]]) -> None:
    if not isinstance(record, dict):
        raise ValueError(f"{where} is not an object")
    for name, kind in fields.items():
        if not isinstance(record.get(name), kind) or isinstance(record.get(name), bool):
            raise ValueError(f"{where}: {name!r} is missing or not of its type")


def check_graph_json(data: object) -> None:
    """Raise ValueError naming the first place where ``data`` is not graph.json's shape:
    what the exporters read of every node, edge and evidence record is there and typed."""
    _need(data, "the file", {"nodes": list, "edges": list})
    assert isinstance(data, dict)
    if not isinstance(data.get("graph", {}), dict):
        raise ValueError("'graph' is not an object")
    for i, node in enumerate(data["nodes"]):
        _need(node, f"nodes[{i}]", {"id": str})
        for name in ("label", "type", "part_of"):
            if node.get(name) is not None and not isinstance(node[name], str):
                raise ValueError(f"nodes[{i}]: {name!r} is not a string")
        if not isinstance(node.get("aliases", []), list):
            raise ValueError(f"nodes[{i}]: 'aliases' is not a list")
    events = data.get("events", [])
    if not isinstance(events, list):
        raise ValueError("'events' is not a list")
    ids = {node["id"] for node in data["nodes"]}
    items = [(f"edges[{i}]", e, True) for i, e in enumerate(data["edges"])]
    items += [(f"events[{i}]", e, False) for i, e in enumerate(events)]
    for where, edge, has_target in items:
        fields: dict[str, type] = {"source": str, "relation": str, "category": str,
                                   "evidence": list}  # fmt: skip
        if has_target:
            fields["target"] = str
        _need(edge, where, fields)
        if not has_target and (edge.get("target") is not None or edge["source"] not in ids):
            raise ValueError(f"{where}: an event names one known actor and no target")
        if not edge["evidence"]:
            raise ValueError(f"{where}: no evidence")
        for j, ev in enumerate(edge["evidence"]):
            _need(ev, f"{where}.evidence[{j}]", {"doc": str, "start": int, "end": int,
                                                 "text": str})  # fmt: skip


def read_json(path: str | Path) -> KnowledgeGraph:
    """graph.json as a KnowledgeGraph; a bad file (not JSON, nested too deeply, or not
    graph.json's shape) raises InputError naming it and the first bad place."""
    path = Path(path)
    data = read_json_file(path, InputError)
    try:
        check_graph_json(data)
        return from_node_link(data)
    except RecursionError:
        raise InputError(f"{path}: not a graphkit graph.json (nested too deeply)") from None
    except (ValueError, KeyError, TypeError, nx.NetworkXError) as exc:
        raise InputError(f"{path}: not a graphkit graph.json ({exc})") from None


def load_dataset(path: str | Path, store: str = "oxigraph") -> Dataset:
    """Any graph graphkit writes as an rdflib Dataset: graph.json (converted with the RDF
    model) or a Turtle, N-Triples, JSON-LD, TriG or N-Quads file."""
    path = Path(path)
    if path.suffix == ".json":
        return to_dataset(read_json(path), store)
    mime = RDF_SUFFIXES.get(path.suffix)
    if mime is None:
        known = ", ".join([".json", *RDF_SUFFIXES])
        raise InputError(f"{path}: unknown graph format (use one of {known})")
    check_regular(path, InputError)  # a FIFO or /dev/zero would block or fill memory
    if store == "oxigraph":
        import pyoxigraph as ox
        from oxrdflib import OxigraphStore

        inner = ox.Store()
        try:
            inner.bulk_load(path=str(path), format=ox.RdfFormat.from_media_type(mime))
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"{path}: cannot be read as {mime} ({exc})") from None
        return Dataset(store=OxigraphStore(store=inner))
    ds = Dataset()
    try:
        ds.parse(path, format={".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld",
                               ".trig": "trig", ".nq": "nquads"}[path.suffix])  # fmt: skip
    except Exception as exc:  # rdflib raises many parser error types
        raise InputError(f"{path}: cannot be read as {mime} ({exc})") from None
    return ds
