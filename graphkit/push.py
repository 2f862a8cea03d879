"""Push a graph to a SPARQL store with the SPARQL 1.1 Graph Store Protocol.

Each document's statements go to its own named graph with an HTTP ``PUT``, which replaces that
graph: pushing the same documents again leaves the store exactly as it was, and pushing a
newer build of a document replaces what the older build said. With ``graph=IRI`` everything
goes to that one graph instead (also with ``PUT``).

The endpoint is the store's Graph Store Protocol URL, for example
``http://127.0.0.1:7878/store`` for ``oxigraph serve`` or ``http://host:3030/ds/data`` for
Fuseki; graph IRIs are passed as the ``graph`` query parameter (indirect identification).

A large graph is sent in chunks of at most ``chunk`` triples, the first with ``PUT`` (which
replaces the graph) and the rest with ``POST`` (which adds to it), so the client's memory
stays flat whatever the graph's size. ``report`` hears of each graph as it is pushed; a
failure says which graph failed and how many were pushed before it.
"""

from __future__ import annotations

import itertools
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .errors import GraphkitError

N_TRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Pushed:
    graph: str
    triples: int
    status: int


#: triples per request: a bigger graph is sent in several
CHUNK = 50_000


def _send(endpoint: str, graph: str, body: bytes, timeout: float, method: str = "PUT") -> int:
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"
    req = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": f"{N_TRIPLES}; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        reason = detail[0][:200] if detail else exc.reason
        raise GraphkitError(f"{endpoint}: HTTP {exc.code} for graph <{graph}>: {reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise GraphkitError(f"{endpoint}: cannot connect ({reason})") from None


def _chunks(g: Graph, size: int) -> Iterator[bytes]:
    """``g`` as N-Triples in pieces of at most ``size`` triples (at least one piece)."""
    triples = iter(g)
    first = True
    while True:
        piece = Graph()
        for triple in itertools.islice(triples, size):
            piece.add(triple)
        if not len(piece) and not first:
            return
        first = False
        yield piece.serialize(format="nt", encoding="utf-8")


def push(
    data: Dataset,
    endpoint: str,
    graph: str | None = None,
    timeout: float = 60.0,
    *,
    chunk: int = CHUNK,
    report: Callable[[str], None] | None = None,
) -> list[Pushed]:
    """PUT every named graph of ``data`` (or all of it into ``graph``) to ``endpoint``."""
    if not endpoint.startswith(("http://", "https://")):
        raise GraphkitError(f"{endpoint}: the endpoint must be an http(s) URL")
    if not timeout > 0 or chunk < 1:
        raise GraphkitError("push needs a timeout above 0 s and chunks of at least 1 triple")
    parts: list[tuple[str, Graph]] = []
    if graph is not None:
        union = Graph()
        for g in data.graphs():
            union += g
        parts.append((graph, union))
    else:
        for g in data.graphs():
            if g.identifier == DATASET_DEFAULT_GRAPH_ID:
                if len(g):
                    raise GraphkitError(
                        "the graph has statements outside any named graph: push a TriG, "
                        "N-Quads or graph.json file, or give --graph IRI"
                    )
                continue
            parts.append((str(g.identifier), g))
    parts.sort(key=lambda x: x[0])
    for name, _ in parts:
        URIRef(name)  # an invalid IRI raises here, before anything is sent
    out: list[Pushed] = []
    for name, g in parts:
        status = 0
        try:
            for i, body in enumerate(_chunks(g, chunk)):
                status = _send(endpoint, name, body, timeout, "PUT" if i == 0 else "POST")
        except GraphkitError as exc:
            raise GraphkitError(
                f"{exc} ({len(out)} of {len(parts)} graphs were pushed before it; "
                "pushing again is safe)"
            ) from None
        out.append(Pushed(name, len(g), status))
        if report:
            report(f"pushed {len(out)}/{len(parts)} <{name}>: {len(g)} triples")
    return out
