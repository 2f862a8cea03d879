"""Writers for graph.json, the RDF formats and graph.html (one module per kind)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GraphkitError
from ..io import atomic_write_text

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

FILENAMES = {
    "json": "graph.json",
    "ttl": "graph.ttl",
    "html": "graph.html",
    "nt": "graph.nt",
    "jsonld": "graph.jsonld",
    "trig": "graph.trig",
    "nq": "graph.nq",
}
#: what `graphkit build` writes unless --format says otherwise
FORMATS = ("json", "ttl", "html")
RDF_FORMATS = ("ttl", "nt", "jsonld", "trig", "nq")


def render(kg: KnowledgeGraph, fmt: str) -> str:
    """The text of one output format."""
    if fmt == "json":
        from .json import dumps

        return dumps(kg)
    if fmt in RDF_FORMATS:
        from .rdf import serialize

        return serialize(kg, fmt)
    if fmt == "html":
        from .html import to_html

        return to_html(kg)
    raise GraphkitError(f"unknown output format {fmt!r} (choose from {', '.join(FILENAMES)})")


def write_outputs(kg: KnowledgeGraph, outdir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Render every format first, then write each file atomically."""
    rendered = {fmt: render(kg, fmt) for fmt in formats}
    written = []
    for fmt, text in rendered.items():
        path = outdir / FILENAMES[fmt]
        atomic_write_text(path, text)
        written.append(path)
    return written
