"""The output formats: one table of name -> files -> family, as rdflib's plugin table does.

This table is data: it imports no exporter, so the command line's ``--help`` lists the formats
without loading rdflib or pyvis. The writer of each format is a function of
:mod:`graphkit.export.writers`, imported there by name (``WRITERS``, one per row here): it
takes the graph (and the row's extra arguments) and returns the text of its one file, or a
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
from pathlib import Path
from typing import Any

from .errors import GraphkitError


@dataclass(frozen=True)
class Format:
    """One output format: its name, the files it writes, the family of its writer and the
    arguments the writer takes after the graph."""

    name: str
    files: tuple[str, ...]
    family: str
    args: tuple[Any, ...] = ()
    description: str = ""


_RDF = "rdf"
TABLE: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", ("graph.json",), "json", (), "node-link JSON"),
        Format("ttl", ("graph.ttl",), _RDF, ("ttl",), "RDF Turtle"),
        Format("html", ("graph.html",), "html", (), "explorer page"),
        Format("nt", ("graph.nt",), _RDF, ("nt",), "RDF N-Triples"),
        Format("jsonld", ("graph.jsonld",), _RDF, ("jsonld",), "RDF JSON-LD"),
        Format("trig", ("graph.trig",), _RDF, ("trig",), "RDF TriG, a graph per document"),
        Format("nq", ("graph.nq",), _RDF, ("nq",), "RDF N-Quads, a graph per document"),
        Format("graphml", ("graph.graphml",), "networks", (),
               "GraphML (Gephi, yEd, Cytoscape)"),
        Format("gexf", ("graph.gexf",), "networks", (), "GEXF (Gephi)"),
        Format("cytoscape", ("graph.cyjs",), "networks", (),
               "Cytoscape.js JSON"),
        Format("neo4j", ("neo4j_actors.csv", "neo4j_relationships.csv"),
               "networks", (), "CSV for neo4j-admin import"),
        Format("events", ("events.csv", "events.parquet"), "events", (),
               "event table (CSV; Parquet too with pyarrow)"),
    )
}  # fmt: skip
#: format name -> the files it writes, as the command line lists them
FILENAMES = {name: ", ".join(f.files) for name, f in TABLE.items()}
#: what `graphkit build` writes unless --format says otherwise
FORMATS = ("json", "ttl", "html")
RDF_FORMATS = tuple(name for name, f in TABLE.items() if f.family == _RDF)


def format_of(fmt: str) -> Format:
    """The table's row for a format name; GraphkitError for a name it does not have."""
    try:
        return TABLE[fmt]
    except KeyError:
        raise GraphkitError(
            f"unknown output format {fmt!r} (choose from {', '.join(TABLE)})"
        ) from None


#: the list of files the last build wrote into its folder, so the next one can remove its own
#: files of formats it does not write again (never a file of anyone else)
MANIFEST = ".graphkit-outputs.json"
#: every file name a format writes: the only names a manifest may make graphkit remove
OWN_FILES = frozenset(name for f in TABLE.values() for name in f.files)


#: a manifest lists a dozen names; anything larger is not one of graphkit's
MANIFEST_MAX_BYTES = 64 * 1024


def previous_outputs(outdir: Path) -> set[str]:
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
