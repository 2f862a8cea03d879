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
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..errors import GraphkitError

N_TRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Pushed:
    graph: str
    triples: int
    status: int


#: triples per request: a bigger graph is sent in several
CHUNK = 50_000


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: urllib would re-send a POST as a GET without its body, to
    wherever the server points, and the chunk would be lost while the push looked fine."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None  # urllib then raises the 3xx as an HTTPError


_OPENER = urllib.request.build_opener(_NoRedirects)


def _send(endpoint: str, graph: str, body: bytes, timeout: float, method: str = "PUT") -> int:
    """Send one chunk; the status of a 2xx answer, else a GraphkitError. ``timeout`` bounds
    the whole request (a server that trickles its answer byte by byte does not hold it)."""
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"
    req = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": f"{N_TRIPLES}; charset=utf-8"}
    )
    result: list[int | GraphkitError] = []

    def run() -> None:
        try:
            with _OPENER.open(req, timeout=timeout) as resp:
                resp.read(64 * 1024)
                result.append(resp.status)
        except urllib.error.HTTPError as exc:
            if 300 <= exc.code < 400:
                where = exc.headers.get("Location", "?") if exc.headers else "?"
                result.append(GraphkitError(
                    f"{endpoint}: HTTP {exc.code} redirect to {where[:200]} for graph <{graph}>;"
                    " graphkit follows no redirect: give the store's own URL"
                ))  # fmt: skip
                return
            detail = exc.read(4096).decode("utf-8", "replace").strip().splitlines()
            reason = detail[0][:200] if detail else exc.reason
            result.append(
                GraphkitError(f"{endpoint}: HTTP {exc.code} for graph <{graph}>: {reason}")
            )
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            result.append(GraphkitError(f"{endpoint}: cannot connect ({reason})"))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if not result:
        raise GraphkitError(f"{endpoint}: no full answer within {timeout:g} s for graph <{graph}>")
    found = result[0]
    if isinstance(found, GraphkitError):
        raise found
    if not 200 <= found < 300:
        raise GraphkitError(f"{endpoint}: HTTP {found} for graph <{graph}>: not stored")
    return found


#: an absolute IRI as a store takes it: a scheme, then no space, control or excluded character
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f]+")


def check_endpoint(endpoint: str) -> None:
    """Refuse an endpoint that is no plain http(s) URL (a line break in it would split the
    request) with one line."""
    bad = next((c for c in endpoint if ord(c) < 0x21 or ord(c) == 0x7F), None)
    if bad is not None:
        raise GraphkitError(
            f"{endpoint!r}: the endpoint holds a space or control character ({bad!r})"
        )
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise GraphkitError(f"{endpoint}: the endpoint must be an http(s) URL")


def check_iri(iri: str) -> None:
    """Refuse a graph name that is no absolute IRI, before anything is sent."""
    if not _IRI.fullmatch(iri):
        raise GraphkitError(f"{iri!r}: the graph name is no absolute IRI")


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
    """PUT every named graph of ``data`` (or all of it into ``graph``) to ``endpoint``; what
    is returned is what the store acknowledged (a 2xx answer to every chunk)."""
    check_endpoint(endpoint)
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
        check_iri(name)  # an invalid IRI is refused here, before anything is sent
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
