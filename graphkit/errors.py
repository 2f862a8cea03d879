"""Errors graphkit raises. Each carries one line a user can act on."""

from __future__ import annotations


class GraphkitError(Exception):
    """Base class: a problem the user can fix, reported as one line without a traceback."""

    exit_code = 1


class InputError(GraphkitError):
    """An input path or document cannot be read or is not usable."""


class ModelNotFoundError(GraphkitError):
    """The requested spaCy model is not installed."""


class OntologyError(GraphkitError):
    """An ontology or lexicon file is malformed."""
