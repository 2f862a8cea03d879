"""The pipeline: ingest -> nlp -> extract -> resolve/assemble, as one function notebooks call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from . import __version__
from .errors import InputError
from .extract import extract_document
from .graph import KnowledgeGraph, assemble
from .ingest import discover, read_document
from .nlp import load_nlp, resolve_model_name
from .ontology import load_ontology
from .records import Document, Extraction
from .resolve import resolve

if TYPE_CHECKING:
    from spacy.language import Language

Reporter = Callable[[str], None]
#: documents longer than this are refused (reported and skipped); see --max-chars
MAX_CHARS = 5_000_000


def _collect(
    inputs: Iterable[str | Path | Document], max_chars: int
) -> tuple[list[Document], list[dict[str, str]]]:
    """Read every input; each problem becomes an error record instead of stopping the run."""
    docs: list[Document] = []
    errors: list[dict[str, str]] = []
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Document):
            docs.append(item)
        else:
            paths.append(item)
    found, missing = discover(paths)
    for exc in missing:
        errors.append({"source": str(exc).split(": ", 1)[0], "error": str(exc)})
    for path, doc_id in found:
        try:
            docs.append(read_document(path, doc_id, max_chars))
        except InputError as exc:
            errors.append({"source": str(path), "error": str(exc)})
    seen: dict[str, str] = {}
    unique: list[Document] = []
    for doc in docs:
        where = doc.source or doc.id
        if doc.id in seen:
            msg = f"{where}: duplicate document id {doc.id!r} (first: {seen[doc.id]})"
            errors.append({"source": where, "error": msg})
        elif len(doc.clean) > max_chars:
            msg = f"{where}: {len(doc.clean):,} characters, over the limit of {max_chars:,}"
            errors.append({"source": where, "error": msg + " (--max-chars)"})
        else:
            seen[doc.id] = where
            unique.append(doc)
    return unique, errors


def chunks(text: str, size: int) -> list[str]:
    r"""Split ``text`` into pieces of at most ``size`` characters, at line breaks where it can
    (else at spaces, else anywhere), so that the pieces joined are exactly ``text``.

    >>> chunks("aa\nbb\ncc\n", 6)
    ['aa\nbb\n', 'cc\n']
    >>> "".join(chunks("x" * 10, 4)) == "x" * 10
    True
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + 1, end)
        if cut == -1:
            cut = text.rfind(" ", start + 1, end)
        cut = end if cut == -1 else cut + 1
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _parse(nlp: Language, docs: list[Document], batch_size: int, chunk_chars: int) -> Iterator[Doc]:
    """Parsed documents in order; a text longer than ``chunk_chars`` is parsed in pieces split
    at line breaks and joined back into one Doc with the same text, so offsets hold."""
    pieces = [chunks(d.clean, chunk_chars) for d in docs]
    stream = nlp.pipe((p for parts in pieces for p in parts), batch_size=batch_size)
    for parts in pieces:
        parsed = [next(stream) for _ in parts]
        yield parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)


def build(
    inputs: Iterable[str | Path | Document],
    *,
    model: str | None = None,
    ontology: Iterable[str | Path] = (),
    batch_size: int = 32,
    report: Reporter | None = None,
    hierarchy: bool = True,
    max_chars: int = MAX_CHARS,
    chunk_chars: int | None = None,
) -> KnowledgeGraph:
    """Build a KnowledgeGraph from article files, folders (every ``.txt`` below) or Documents.

    A document that cannot be read (missing, empty, binary, not UTF-8, over ``max_chars``, a
    duplicate id) is reported (``report`` gets one line each) and skipped; it is listed in
    ``kg.errors`` and the rest is built. When nothing at all can be built, InputError is raised.
    A text longer than the model's ``max_length`` (or ``chunk_chars``) is parsed in pieces.

    ``hierarchy``: also write built-in ``part_of`` edges ("U.S. forces" part of the United
    States); without it they stay node attributes and only relations the text states are edges.
    """
    started = time.perf_counter()
    onto = load_ontology(ontology)
    model_name = resolve_model_name(model)
    nlp = load_nlp(onto, model_name)
    docs, errors = _collect(inputs, max_chars)
    if not docs and errors:
        first = errors[0]["error"]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"nothing to build: {first}{more}")
    if report:
        for e in errors:
            report(f"skipped {e['error']}")
    size = min(chunk_chars or nlp.max_length, nlp.max_length)
    extractions: list[Extraction] = [
        extract_document(doc, parsed, onto, hierarchy=hierarchy)
        for doc, parsed in zip(docs, _parse(nlp, docs, batch_size, size), strict=True)
    ]
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
