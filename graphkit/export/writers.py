"""The writer of each output format of :mod:`graphkit.formats`, and writing a set of them.

``WRITERS`` has one function per row of the format table, imported here by name: nothing is
looked up from a string, and the graph model (:mod:`graphkit.graph`) imports none of this.

>>> sorted(WRITERS) == sorted(TABLE)
True
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis.events import render as event_files
from ..errors import GraphkitError
from ..formats import MANIFEST, TABLE, format_of, previous_outputs
from ..runtime.io import atomic_write_many, remove_stale
from .html import to_html
from .json import dumps
from .networks import to_cytoscape, to_gexf, to_graphml, to_neo4j
from .rdf import serialize

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

#: format name -> its writer: (graph, *the table's arguments) -> text, or file name -> text
WRITERS: dict[str, Callable[..., Any]] = {
    "json": dumps,
    "ttl": serialize,
    "html": to_html,
    "nt": serialize,
    "jsonld": serialize,
    "trig": serialize,
    "nq": serialize,
    "graphml": to_graphml,
    "gexf": to_gexf,
    "cytoscape": to_cytoscape,
    "neo4j": to_neo4j,
    "events": event_files,
}
if set(WRITERS) != set(TABLE):  # a row of the table with no writer, or a writer with no row
    raise RuntimeError(f"formats and writers differ: {sorted(set(WRITERS) ^ set(TABLE))}")


def render(kg: KnowledgeGraph, fmt: str) -> dict[str, str | bytes]:
    """The files of one output format: file name -> text (bytes for a binary file)."""
    spec = format_of(fmt)
    out = WRITERS[fmt](kg, *spec.args)
    return {spec.files[0]: out} if isinstance(out, str) else dict(out)


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
        old = previous_outputs(outdir) - set(rendered)
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
