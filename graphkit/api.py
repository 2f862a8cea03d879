"""The top floor: :class:`KnowledgeGraph`, the graph model of :mod:`graphkit.graph` with its
analyses and exports as methods.

The model itself is data (networkx graph, documents, events, metadata) and imports nothing
above it; the analyses and exporters are functions over it (``frames.actors(kg)``,
``ops.subgraph(kg, ...)``, ``query.run(...)``, ``export.writers.render(kg, fmt)``). This module
imports them by name and offers them as methods, for notebooks and scripts. ``graphkit.build``
and ``graphkit.read`` return this class.

>>> import graphkit
>>> kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
>>> type(kg).__module__, kg.actors()["label"].tolist()
('graphkit.api', ['Hamas', 'Israel'])
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import graph
from .analysis import events, frames, ops, query
from .export import html, rdf
from .export import json as json_export
from .export.load import read_json as _read_json
from .export.writers import write_outputs
from .formats import FORMATS
from .runtime.io import atomic_write_text

if TYPE_CHECKING:
    import pandas as pd
    import rdflib


class KnowledgeGraph(graph.KnowledgeGraph):
    """Actors and assertions from a set of documents (:class:`graphkit.graph.KnowledgeGraph`),
    with its tables, plots, queries and exports as methods."""

    # ------------------------------------------------------------------ analysis
    def actors(self, *, connected: bool = False) -> pd.DataFrame:
        """One row per actor, or per actor with an edge when ``connected`` (see
        :func:`graphkit.analysis.frames.actors`)."""
        return frames.actors(self, connected=connected)

    def assertions(self, min_confidence: float = 0.0) -> pd.DataFrame:
        """One row per assertion and evidence sentence, events with no recipient included, at
        least ``min_confidence`` sure (see :func:`graphkit.analysis.frames.assertions`)."""
        return frames.assertions(self, min_confidence)

    def events_table(self) -> pd.DataFrame:
        """One row per event and sentence in the columns event-data analysts use: dates, actor
        and recipient codes, PLOVER type, CAMEO code, quad class, Goldstein intensity, modality
        (see :func:`graphkit.analysis.events.event_table`; ``--format events`` writes it)."""
        return events.event_table(self)

    def dyads(
        self,
        freq: str = "W",
        by: str = "actor",
        weight: str = "count",
        include: Iterable[str] = ("asserted",),
    ) -> pd.DataFrame:
        """Events per directed pair, period and quad class (see
        :func:`graphkit.analysis.events.dyads`)."""
        return events.dyads(self, freq, by, weight, include)

    def timeline(
        self,
        actor: str,
        freq: str = "W",
        weight: str = "count",
        include: Iterable[str] = ("asserted",),
    ) -> pd.DataFrame:
        """An actor's events per period, role and quad class (see
        :func:`graphkit.analysis.events.timeline`)."""
        return events.timeline(self, actor, freq, weight, include)

    def plot_dyad(self, a: str, b: str, freq: str = "W", **kwargs: Any) -> Any:
        """A matplotlib Figure of the events between two actors over time (see
        :func:`graphkit.analysis.plots.plot_dyad`; needs ``graphkit-news[plot]``)."""
        from .analysis.plots import plot_dyad  # matplotlib is an extra: imported when asked for

        return plot_dyad(self, a, b, freq, **kwargs)

    def plot_actor(self, actor: str, freq: str = "W", **kwargs: Any) -> Any:
        """A matplotlib Figure of an actor's events over time (see
        :func:`graphkit.analysis.plots.plot_actor`; needs ``graphkit-news[plot]``)."""
        from .analysis.plots import plot_actor  # matplotlib is an extra: imported when asked for

        return plot_actor(self, actor, freq, **kwargs)

    def claims(self, by: str | None = None) -> pd.DataFrame:
        """The assertions attributed to a speaker (``by``: an actor id or label; any if None)."""
        return frames.claims(self, by)

    def contested(self) -> pd.DataFrame:
        """Edges one voice asserts and another denies or negates (see
        :func:`graphkit.analysis.frames.contested`)."""
        return frames.contested(self)

    def corroborated(self, at_least: int = 2) -> pd.DataFrame:
        """Edges asserted by several voices (see :func:`graphkit.analysis.frames.corroborated`)."""
        return frames.corroborated(self, at_least)

    def subgraph(
        self,
        actors: Iterable[str] | None = None,
        categories: Iterable[str] | None = None,
        documents: Iterable[str] | None = None,
    ) -> KnowledgeGraph:
        """A new graph restricted to some actors, categories and documents (see
        :func:`graphkit.analysis.ops.subgraph`)."""
        return ops.subgraph(self, actors, categories, documents)

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """A new graph holding both graphs (see :func:`graphkit.analysis.ops.merge`)."""
        return ops.merge(self, other)

    def query(self, sparql: str, **bindings: object) -> pd.DataFrame:
        """Run a SPARQL SELECT over the graph's RDF; keyword arguments are bound to variables
        (never pasted into the query). Values come back as Python strings and numbers; the
        prefixes gk:, rdfs:, prov:, oa:, dcterms:, skos:, actor:, doc: … need no declaration.

        >>> import graphkit
        >>> kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
        >>> q = "SELECT ?who ?c WHERE { ?a gk:category ?c ; rdf:subject/rdfs:label ?who }"
        >>> kg.query(q, c="fight")["who"].tolist()
        ['Hamas']

        A bound variable must be in the SELECT list (Oxigraph binds projected variables).
        A query that asks another endpoint (``SERVICE``) is refused; the command line's
        time and row limits do not apply here (``graphkit.analysis.query.run`` takes them).
        """
        import pandas as pd
        from rdflib import Literal, URIRef

        run = query.run
        bound = {
            k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in bindings.items()
        }
        table = run(self.to_dataset(), sparql, bound)
        rows = [[None if v is None else v.toPython() for v in row] for row in table.rows]
        return pd.DataFrame(
            [[str(v) if isinstance(v, URIRef) else v for v in row] for row in rows],
            columns=table.columns,
        )

    # ------------------------------------------------------------------ views
    def to_json(self) -> dict[str, Any]:
        """The graph.json dictionary (networkx node-link form, see FORMAT.md)."""
        return json_export.to_node_link(self)

    def to_rdf(self, store: str = "oxigraph") -> rdflib.Graph:
        """The graph as an rdflib Graph (actors, direct triples and assertion resources), on an
        in-memory Oxigraph store (``store="memory"`` for plain rdflib)."""
        return rdf.to_rdf(self, store)

    def to_dataset(self, store: str = "oxigraph") -> rdflib.Dataset:
        """The same statements as an rdflib Dataset with one named graph per document."""
        return rdf.to_dataset(self, store)

    def to_html(self) -> str:
        """A self-contained interactive page (pyvis / vis-network, no network access)."""
        return html.to_html(self)

    def _repr_html_(self) -> str:
        """Jupyter and VS Code show the explorer inline, in an ``<iframe srcdoc>`` (no CDN)."""
        return html.to_iframe(self)

    def show(self, height: int = 600) -> Any:
        """Display the explorer inline in a notebook; elsewhere write it to a temporary file,
        open it in the default browser, and return its path."""
        to_iframe = html.to_iframe
        try:
            from IPython import get_ipython
            from IPython.display import HTML, display
        except ImportError:
            get_ipython = None  # type: ignore[assignment]
        if get_ipython is not None and get_ipython() is not None:
            display(HTML(to_iframe(self, height)))
            return None
        import tempfile
        import webbrowser

        path = Path(tempfile.mkdtemp(prefix="graphkit-")) / "graph.html"
        atomic_write_text(path, self.to_html())
        webbrowser.open(path.as_uri())
        return path

    def write(self, outdir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
        """Write graph.json / graph.ttl / graph.html into ``outdir`` atomically."""
        return write_outputs(self, Path(outdir), tuple(formats))


def read_json(path: str | Path) -> KnowledgeGraph:
    """A graph.json written by graphkit, read back (see :func:`graphkit.export.load.read_json`)."""
    return KnowledgeGraph.adopt(_read_json(path))
