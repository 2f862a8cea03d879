"""The exporters, one module per kind: ``json`` (graph.json), ``rdf`` (Turtle, N-Triples,
JSON-LD, TriG, N-Quads), ``html`` (the explorer page) and ``networks`` (GraphML, GEXF,
Cytoscape.js, Neo4j CSV). Each is a pure function of a :class:`~graphkit.graph.KnowledgeGraph`;
the table of formats and their files is :mod:`graphkit.formats`, the writer of each format
:mod:`graphkit.export.writers`."""

from ..formats import FILENAMES, FORMATS, RDF_FORMATS, TABLE
from .writers import WRITERS, render, write_outputs

__all__ = ["FILENAMES", "FORMATS", "RDF_FORMATS", "TABLE", "WRITERS", "render", "write_outputs"]
