"""Read a graph back: graph.json into a KnowledgeGraph, or any of graphkit's RDF files into a
store that SPARQL, SHACL and ``graphkit push`` can use.

>>> kg = from_node_link({"directed": True, "multigraph": True,
...                      "graph": {"documents": [{"id": "d"}]},
...                      "nodes": [{"id": "a", "label": "A", "type": "State"}], "edges": []})
>>> kg.graph.nodes["a"]["label"], kg.documents[0]["id"]
('A', 'd')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset

from .errors import InputError
from .graph import KnowledgeGraph

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
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    if not isinstance(g, nx.MultiDiGraph):
        g = nx.MultiDiGraph(g)
    g.graph.clear()
    return KnowledgeGraph(g, documents, errors, meta)


def read_json(path: str | Path) -> KnowledgeGraph:
    """graph.json as a KnowledgeGraph; a bad file raises InputError naming it."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "nodes" not in data:
            raise ValueError("no 'nodes'")
        return from_node_link(data)
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError, nx.NetworkXError) as exc:
        raise InputError(f"{path}: not a graphkit graph.json ({exc})") from None


def load_dataset(path: str | Path, store: str = "oxigraph") -> Dataset:
    """Any graph graphkit writes as an rdflib Dataset: graph.json (converted with the RDF
    model) or a Turtle, N-Triples, JSON-LD, TriG or N-Quads file."""
    path = Path(path)
    if path.suffix == ".json":
        return read_json(path).to_dataset(store)
    mime = RDF_SUFFIXES.get(path.suffix)
    if mime is None:
        known = ", ".join([".json", *RDF_SUFFIXES])
        raise InputError(f"{path}: unknown graph format (use one of {known})")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
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
