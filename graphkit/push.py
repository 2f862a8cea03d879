"""Push a graph to a SPARQL store with the SPARQL 1.1 Graph Store Protocol.

Each document's statements go to its own named graph with an HTTP ``PUT``, which replaces that
graph: pushing the same documents again leaves the store exactly as it was, and pushing a
newer build of a document replaces what the older build said. With ``graph=IRI`` everything
goes to that one graph instead (also with ``PUT``).

The endpoint is the store's Graph Store Protocol URL, for example
``http://127.0.0.1:7878/store`` for ``oxigraph serve`` or ``http://host:3030/ds/data`` for
Fuseki; graph IRIs are passed as the ``graph`` query parameter (indirect identification).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
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


def _put(endpoint: str, graph: str, body: bytes, timeout: float) -> int:
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"
    req = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": f"{N_TRIPLES}; charset=utf-8"}
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


def _ntriples(g: Graph) -> bytes:
    plain = Graph()
    plain += g
    return plain.serialize(format="nt", encoding="utf-8")


def push(
    data: Dataset, endpoint: str, graph: str | None = None, timeout: float = 60.0
) -> list[Pushed]:
    """PUT every named graph of ``data`` (or all of it into ``graph``) to ``endpoint``."""
    if not endpoint.startswith(("http://", "https://")):
        raise GraphkitError(f"{endpoint}: the endpoint must be an http(s) URL")
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
    out = []
    for name, g in sorted(parts, key=lambda x: x[0]):
        URIRef(name)  # an invalid IRI raises here, before anything is sent
        out.append(Pushed(name, len(g), _put(endpoint, name, _ntriples(g), timeout)))
    return out
