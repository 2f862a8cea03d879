"""Writers for graph.json, the RDF formats, graph.html and the network-tool formats (one
module per kind: json, rdf, html, networks)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GraphkitError
from ..io import atomic_write_many, remove_stale

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
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "cytoscape": "graph.cyjs",
    "neo4j": "neo4j_actors.csv, neo4j_relationships.csv",
}
#: what `graphkit build` writes unless --format says otherwise
FORMATS = ("json", "ttl", "html")
RDF_FORMATS = ("ttl", "nt", "jsonld", "trig", "nq")


def render(kg: KnowledgeGraph, fmt: str) -> dict[str, str]:
    """The files of one output format: file name -> text."""
    if fmt == "json":
        from .json import dumps

        return {FILENAMES[fmt]: dumps(kg)}
    if fmt in RDF_FORMATS:
        from .rdf import serialize

        return {FILENAMES[fmt]: serialize(kg, fmt)}
    if fmt == "html":
        from .html import to_html

        return {FILENAMES[fmt]: to_html(kg)}
    if fmt in {"graphml", "gexf", "cytoscape"}:
        from . import networks

        writer = {"graphml": networks.to_graphml, "gexf": networks.to_gexf,
                  "cytoscape": networks.to_cytoscape}[fmt]  # fmt: skip
        return {FILENAMES[fmt]: writer(kg)}
    if fmt == "neo4j":
        from .networks import to_neo4j

        return to_neo4j(kg)
    raise GraphkitError(f"unknown output format {fmt!r} (choose from {', '.join(FILENAMES)})")


def write_outputs(kg: KnowledgeGraph, outdir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Render every format, then write the files as one set: all are written out in full
    before any replaces its old version, so a failed write (a full disk, a folder that cannot
    be written) leaves the previous outputs whole. Temporary files that a killed build left
    are removed first."""
    rendered: dict[str, str] = {}
    for fmt in formats:
        rendered.update(render(kg, fmt))
    files = {outdir / name: text.encode("utf-8") for name, text in rendered.items()}
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale(outdir, rendered)
        atomic_write_many(files)
    except OSError as exc:
        where = exc.filename or outdir
        raise GraphkitError(
            f"{where}: cannot write the outputs ({exc.strerror or exc}); "
            "the previous outputs are unchanged"
        ) from None
    return list(files)
