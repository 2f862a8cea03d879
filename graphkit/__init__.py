"""graphkit: knowledge graphs of actors, actions and attributed claims from news articles.

>>> import graphkit
>>> kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
>>> [(u, d["category"], v) for u, v, d in kg.graph.edges(data=True)]
[('hamas', 'fight', 'israel')]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("graphkit")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

from .build import build
from .errors import GraphkitError, InputError, ModelNotFoundError, OntologyError
from .graph import KnowledgeGraph
from .ingest import document_from_text
from .load import read_json as read
from .ontology import load_ontology

__all__ = [
    "GraphkitError",
    "InputError",
    "KnowledgeGraph",
    "ModelNotFoundError",
    "OntologyError",
    "__version__",
    "build",
    "document_from_text",
    "load_ontology",
    "read",
]
