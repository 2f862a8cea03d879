"""The output formats: one table of name -> files -> writer, as rdflib's plugin table does.

A writer is named by ``"module:function"`` and imported only when its format is rendered, so
the graph model imports no exporter and ``graphkit --help`` loads none of them. A writer takes
the graph (and the table's extra arguments) and returns the text of its one file, or a
dictionary of file name -> text when the format has several files.

>>> [f.name for f in TABLE.values()][:3]
['json', 'ttl', 'html']
>>> TABLE["neo4j"].files
('neo4j_actors.csv', 'neo4j_relationships.csv')
"""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GraphkitError
from .io import atomic_write_many, remove_stale

if TYPE_CHECKING:
    from .graph import KnowledgeGraph


@dataclass(frozen=True)
class Format:
    """One output format: its name, the files it writes and the writer that renders them."""

    name: str
    files: tuple[str, ...]
    writer: str  # "module:function"
    args: tuple[Any, ...] = ()
    description: str = ""

    def render(self, kg: KnowledgeGraph) -> dict[str, str | bytes]:
        """The format's files for ``kg``: file name -> text (bytes for a binary file)."""
        out = late(self.writer)(kg, *self.args)
        return {self.files[0]: out} if isinstance(out, str) else dict(out)


_RDF = "graphkit.export.rdf:serialize"
TABLE: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", ("graph.json",), "graphkit.export.json:dumps", (), "node-link JSON"),
        Format("ttl", ("graph.ttl",), _RDF, ("ttl",), "RDF Turtle"),
        Format("html", ("graph.html",), "graphkit.export.html:to_html", (), "explorer page"),
        Format("nt", ("graph.nt",), _RDF, ("nt",), "RDF N-Triples"),
        Format("jsonld", ("graph.jsonld",), _RDF, ("jsonld",), "RDF JSON-LD"),
        Format("trig", ("graph.trig",), _RDF, ("trig",), "RDF TriG, a graph per document"),
        Format("nq", ("graph.nq",), _RDF, ("nq",), "RDF N-Quads, a graph per document"),
        Format("graphml", ("graph.graphml",), "graphkit.export.networks:to_graphml", (),
               "GraphML (Gephi, yEd, Cytoscape)"),
        Format("gexf", ("graph.gexf",), "graphkit.export.networks:to_gexf", (), "GEXF (Gephi)"),
        Format("cytoscape", ("graph.cyjs",), "graphkit.export.networks:to_cytoscape", (),
               "Cytoscape.js JSON"),
        Format("neo4j", ("neo4j_actors.csv", "neo4j_relationships.csv"),
               "graphkit.export.networks:to_neo4j", (), "CSV for neo4j-admin import"),
        Format("events", ("events.csv", "events.parquet"), "graphkit.events:render", (),
               "event table (CSV; Parquet too with pyarrow)"),
    )
}  # fmt: skip
#: format name -> the files it writes, as the command line lists them
FILENAMES = {name: ", ".join(f.files) for name, f in TABLE.items()}
#: what `graphkit build` writes unless --format says otherwise
FORMATS = ("json", "ttl", "html")
RDF_FORMATS = tuple(name for name, f in TABLE.items() if f.writer == _RDF)


def late(spec: str) -> Any:
    """The object named ``"module:attribute"``, imported now (late binding keeps the graph
    model free of imports of the layers above it)."""
    module, _, attr = spec.partition(":")
    return getattr(import_module(module), attr)


def render(kg: KnowledgeGraph, fmt: str) -> dict[str, str | bytes]:
    """The files of one output format: file name -> text (bytes for a binary file)."""
    try:
        spec = TABLE[fmt]
    except KeyError:
        raise GraphkitError(
            f"unknown output format {fmt!r} (choose from {', '.join(TABLE)})"
        ) from None
    return spec.render(kg)


#: the list of files the last build wrote into its folder, so the next one can remove its own
#: files of formats it does not write again (never a file of anyone else)
MANIFEST = ".graphkit-outputs.json"
#: every file name a format writes: the only names a manifest may make graphkit remove
OWN_FILES = frozenset(name for f in TABLE.values() for name in f.files)


#: a manifest lists a dozen names; anything larger is not one of graphkit's
MANIFEST_MAX_BYTES = 64 * 1024


def _previous_outputs(outdir: Path) -> set[str]:
    """The files the last build into ``outdir`` wrote, as its manifest lists them; only names
    of graphkit's own formats count (a manifest is untrusted: it never names another file,
    and one that is not a small regular file, a FIFO for one, is never read)."""
    path = outdir / MANIFEST
    try:
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > MANIFEST_MAX_BYTES:
            return set()
        listed = json.loads(path.read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return set()
    return (
        {n for n in listed if isinstance(n, str) and n in OWN_FILES}
        if isinstance(listed, list)
        else set()
    )


def write_outputs(kg: KnowledgeGraph, outdir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Render every format, then write the files as one set: all are written out in full
    before any replaces its old version, so a failed write (a full disk, a folder that cannot
    be written) leaves the previous outputs whole. Temporary files that a killed build left
    are removed first. The set replaces the last build's set: graphkit's own files of formats
    not written this time are removed (listed in the folder's manifest, ``MANIFEST``), so the
    folder never mixes two graphs; other files are never touched."""
    rendered: dict[str, str | bytes] = {}
    for fmt in formats:
        rendered.update(render(kg, fmt))
    files = {
        outdir / name: data if isinstance(data, bytes) else data.encode("utf-8")
        for name, data in rendered.items()
    }
    manifest = {"files": sorted(rendered)}
    files[outdir / MANIFEST] = (json.dumps(manifest, indent=2) + "\n").encode("utf-8")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale(outdir, [*rendered, MANIFEST])
        old = _previous_outputs(outdir) - set(rendered)
        atomic_write_many(files)
        for name in sorted(old):
            (outdir / name).unlink(missing_ok=True)
    except OSError as exc:
        where = exc.filename or outdir
        raise GraphkitError(
            f"{where}: cannot write the outputs ({exc.strerror or exc}); "
            "the previous outputs are unchanged"
        ) from None
    return [p for p in files if p.name != MANIFEST]
