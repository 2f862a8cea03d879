"""The pipeline: ingest -> nlp -> extract -> resolve/assemble, as one function notebooks call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError
from .extract import extract_document
from .graph import KnowledgeGraph, assemble
from .ingest import discover, read_document
from .nlp import load_nlp, resolve_model_name
from .ontology import load_ontology
from .records import Document, Extraction
from .resolve import resolve

Reporter = Callable[[str], None]


def _collect(
    inputs: Iterable[str | Path | Document], report: Reporter | None
) -> tuple[list[Document], list[dict[str, str]]]:
    docs: list[Document] = []
    errors: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Document):
            docs.append(item)
        else:
            paths.append(item)
    for path, doc_id in discover(paths):
        try:
            doc = read_document(path, doc_id)
        except InputError as exc:
            errors.append({"source": str(path), "error": str(exc)})
            if report:
                report(f"skipped {exc}")
            continue
        docs.append(doc)
    unique: list[Document] = []
    for doc in docs:
        if doc.id in seen:
            msg = (
                f"{doc.source or doc.id}: duplicate document id {doc.id!r} (first: {seen[doc.id]})"
            )
            errors.append({"source": doc.source or doc.id, "error": msg})
            if report:
                report(f"skipped {msg}")
            continue
        seen[doc.id] = doc.source or doc.id
        unique.append(doc)
    return unique, errors


def build(
    inputs: Iterable[str | Path | Document],
    *,
    model: str | None = None,
    ontology: Iterable[str | Path] = (),
    batch_size: int = 32,
    report: Reporter | None = None,
    hierarchy: bool = True,
) -> KnowledgeGraph:
    """Build a KnowledgeGraph from article files, folders (every ``.txt`` below) or Documents.

    ``hierarchy``: also write built-in ``part_of`` edges ("U.S. forces" part of the United
    States); without it they stay node attributes and only relations the text states are edges.

    A document that cannot be read is reported (``report`` gets one line) and skipped; it is
    listed in ``kg.errors``. A missing input path or model raises a GraphkitError.
    """
    started = time.perf_counter()
    onto = load_ontology(ontology)
    model_name = resolve_model_name(model)
    nlp = load_nlp(onto, model_name)
    docs, errors = _collect(inputs, report)
    extractions: list[Extraction] = []
    ok_docs = []
    for doc in docs:
        if len(doc.clean) > nlp.max_length:
            msg = f"{doc.source or doc.id}: {len(doc.clean)} characters, over the model's limit"
            errors.append({"source": doc.source or doc.id, "error": msg})
            if report:
                report(f"skipped {msg}")
            continue
        ok_docs.append(doc)
    for doc, parsed in zip(
        ok_docs, nlp.pipe((d.clean for d in ok_docs), batch_size=batch_size), strict=True
    ):
        extractions.append(extract_document(doc, parsed, onto, hierarchy=hierarchy))
    meta: dict[str, Any] = {
        "generator": {
            "name": "graphkit",
            "version": __version__,
            "model": f"{model_name}-{nlp.meta.get('version', '')}",
            "ontology": onto.version,
        }
    }
    kg = assemble(resolve(extractions), errors, meta)
    kg.ontology = onto
    kg.elapsed = time.perf_counter() - started
    return kg
