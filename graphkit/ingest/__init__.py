"""The ingest stage: articles from files, folders, pages, feeds and standard input
(:mod:`~graphkit.ingest.files`) made into Documents with what is not article text split off
(:mod:`~graphkit.ingest.article`), and the language they are written in
(:mod:`~graphkit.ingest.language`).

>>> from graphkit.ingest import document_from_text
>>> document_from_text("d", "By Jane Roe\\n\\nRebels attacked.\\n").authors
('Jane Roe',)
"""

from .article import document_from_text, normalise, sanitize
from .files import (
    DEFAULT_GLOBS,
    MAX_CHARS,
    STDIN,
    SUFFIXES,
    decode,
    discover,
    html_document,
    jsonl_documents,
    read_document,
    read_path,
    read_stdin,
)

__all__ = [
    "DEFAULT_GLOBS",
    "MAX_CHARS",
    "STDIN",
    "SUFFIXES",
    "decode",
    "discover",
    "document_from_text",
    "html_document",
    "jsonl_documents",
    "normalise",
    "read_document",
    "read_path",
    "read_stdin",
    "sanitize",
]
