"""graphkit: knowledge graphs of actors, actions and attributed claims from news articles.

>>> import graphkit
>>> kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
>>> [(u, d["category"], v) for u, v, d in kg.graph.edges(data=True)]
[('hamas', 'fight', 'israel')]

The names below are imported on first use (PEP 562), so ``import graphkit`` and the command
line's ``--help`` do not pay for spaCy, rdflib or pandas until something needs them.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from .errors import GraphkitError, InputError, ModelNotFoundError, OntologyError

#: the distribution name on the package index (the import name is ``graphkit``)
DISTRIBUTION = "graphkit-news"

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

if TYPE_CHECKING:
    from .api import KnowledgeGraph
    from .api import read_json as read
    from .build import build
    from .ingest.article import document_from_text
    from .ontology import load_ontology

#: public name -> (module, attribute), imported when first asked for
_LAZY = {
    "build": (".build", "build"),
    "KnowledgeGraph": (".api", "KnowledgeGraph"),
    "document_from_text": (".ingest.article", "document_from_text"),
    "read": (".api", "read_json"),
    "load_ontology": (".ontology", "load_ontology"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
    module, attr = _LAZY[name]
    value = getattr(import_module(module, __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """``graphkit.build`` is the function even after the submodule of the same name is
    imported (``from graphkit.build import chunks``): the import system then sets the package
    attribute to the submodule, and this keeps the function, as an eager import did."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in _LAZY and name == _LAZY[name][0][1:]:
            value = getattr(value, _LAZY[name][1])
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
