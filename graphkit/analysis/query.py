"""SPARQL over a graph: canned queries shipped as ``.rq`` files, values passed as bindings.

Canned queries live in ``ontology/queries/`` (and in ``queries/`` of any ``--ontology``
folder), one SPARQL file each; the file name is the query's name. A value a user gives is
never pasted into query text: it is bound to a variable (``initBindings``, which Oxigraph
receives as substitutions), so a label with quotes or braces is only ever a value.

>>> sorted(canned())[:3]
['actors-by-type', 'claims-by', 'contested']
>>> parse_binding('speakerLabel=Kataib Hezbollah')
('speakerLabel', rdflib.term.Literal('Kataib Hezbollah'))
>>> parse_binding('actor=<https://w3id.org/graphkit/id/actor/hamas>')[1]
rdflib.term.URIRef('https://w3id.org/graphkit/id/actor/hamas')
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import multiprocessing
import os
import re
import select
import signal
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Identifier
from rdflib.util import from_n3

from ..errors import GraphkitError
from ..iris import PREFIXES
from ..ontology import builtin_dir
from ..runtime.io import read_utf8

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INTEGER = re.compile(r"^-?\d+$")
#: a full stop that ends a sentence: at the end, or before a capital letter
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z]|$)")


@dataclass(frozen=True)
class Table:
    """A SELECT result: variable names and rows of values (None when unbound)."""

    columns: list[str]
    rows: list[list[Identifier | None]]


def canned(ontology: Iterable[str | Path] = ()) -> dict[str, Path]:
    """Every canned query by name; a later folder's file overrides an earlier one's."""
    found: dict[str, Path] = {}
    for folder in (builtin_dir(), *(Path(p) for p in ontology)):
        for f in sorted((folder / "queries").glob("*.rq")):
            found[f.stem] = f
    return found


def describe(path: Path) -> str:
    """The first sentence of a query file's leading comment, whole even when it runs over
    several comment lines.

    >>> describe(canned()["contested"])  # doctest: +ELLIPSIS
    'Contested edges: the same subject, ... (one source asserts what another denies).'
    """
    words: list[str] = []
    for line in read_query(path).splitlines():
        if not line.startswith("#"):
            break
        words.append(line.lstrip("#").strip())
    text = " ".join(w for w in words if w)
    end = _SENTENCE_END.search(text)
    return text[: end.start() + 1] if end else text


def read_query(path: Path) -> str:
    """A ``.rq`` file's text (UTF-8); an unreadable or undecodable file is one GraphkitError."""
    return read_utf8(path, GraphkitError)


def parse_binding(text: str) -> tuple[str, Identifier]:
    """``name=value``: ``<iri>`` is an IRI, a whole number an integer, anything else a string."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _NAME.match(name):
        raise GraphkitError(f"--bind {text!r}: expected NAME=VALUE with a SPARQL variable name")
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    if _INTEGER.match(value):
        return name, Literal(int(value))
    return name, Literal(value)


_LABELS_ANY_CASE = """
SELECT DISTINCT ?label ?wanted WHERE {
  ?s rdfs:label ?label .
  { ?s rdfs:label ?name } UNION { ?s skos:altLabel ?name }
  FILTER(LCASE(STR(?name)) = LCASE(STR(?wanted)))
} ORDER BY ?label
"""


def labels_any_case(data: Graph | Dataset, value: str) -> list[Literal]:
    """The labels of every resource whose label or alias is ``value`` in any letter case
    ("u.s." finds "United States" through its alias "U.S."). The value is bound, never
    pasted into the query."""
    table = _select(data, _LABELS_ANY_CASE, {"wanted": Literal(value)})
    return [row[0] for row in table.rows if isinstance(row[0], Literal)]


def run(
    data: Graph | Dataset,
    text: str,
    bindings: Mapping[str, Identifier] | None = None,
    any_case: Mapping[str, str] | None = None,
    *,
    allow_service: bool = False,
    time_limit: float | None = None,
    max_rows: int | None = None,
) -> Table:
    """Run a SELECT query over every named graph of ``data`` (their union); graphkit's
    prefixes (gk:, rdfs:, prov:, oa:, dcterms:, actor:, doc: ...) need no declaration.

    ``any_case`` binds label variables by label or alias in any letter case: each value
    stands for every label it matches (see :func:`labels_any_case`) and the rows of all
    of them are returned once each, in order.

    A query that asks another endpoint (``SERVICE``) is refused unless ``allow_service``. With
    ``time_limit`` the query runs in a forked process and is stopped after that many seconds;
    with ``max_rows`` it is stopped past that many rows; each is a GraphkitError. The command
    line sets both (``--timeout``, 60 s, and ``--max-rows``, 100,000); a library call sets
    none unless asked, since forking a threaded process (a notebook kernel) is unsafe.
    """
    fixed = dict(bindings or {})
    limits = {"allow_service": allow_service, "time_limit": time_limit, "max_rows": max_rows}
    if not any_case:
        return _select(data, text, fixed, **limits)
    names = list(any_case)
    choices = [labels_any_case(data, any_case[n]) or [Literal(any_case[n])] for n in names]
    combos = math.prod(len(c) for c in choices)
    if combos > MAX_ANY_CASE:
        raise GraphkitError(
            f"the any-case bindings match {combos:,} combinations of labels (at most "
            f"{MAX_ANY_CASE:,}); bind a more precise label"
        )
    # one time limit for the whole query, however many label combinations it runs
    deadline = None if time_limit is None else time.monotonic() + time_limit
    columns: list[str] = []
    rows: list[list[Identifier | None]] = []
    seen: set[tuple[Identifier | None, ...]] = set()
    for combo in itertools.product(*choices):
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise GraphkitError(
                    f"the query ran over its time limit of {time_limit:g} s; narrow it "
                    "or raise --timeout"
                )
            limits["time_limit"] = left
        table = _select(data, text, {**fixed, **dict(zip(names, combo, strict=True))}, **limits)
        columns = table.columns
        for row in table.rows:
            if tuple(row) not in seen:
                seen.add(tuple(row))
                rows.append(row)
    return Table(columns, rows)


# strings, IRIs and comments, where the word SERVICE means nothing
_INERT = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE\b", re.IGNORECASE)


def uses_service(text: str) -> bool:
    """Whether a query asks another endpoint (a SERVICE clause), strings, IRIs and comments
    aside.

    >>> uses_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service WHERE { ?service rdfs:label "SERVICE" } # service')
    False
    """
    return _SERVICE.search(_INERT.sub(" ", text)) is not None


def _select(
    data: Graph | Dataset,
    text: str,
    bindings: Mapping[str, Identifier],
    *,
    allow_service: bool = False,
    time_limit: float | None = None,
    max_rows: int | None = None,
) -> Table:
    if not allow_service and uses_service(text):
        raise GraphkitError(
            "the query asks another endpoint (SERVICE); graphkit sends no request unless "
            "you allow it (--allow-service)"
        )
    if isinstance(data, Dataset):
        data.default_union = True
    if time_limit is not None and "fork" in multiprocessing.get_all_start_methods():
        return _select_forked(data, text, bindings, time_limit, max_rows)
    return _collect(_results(data, text, bindings), max_rows)


def _results(
    data: Graph | Dataset, text: str, bindings: Mapping[str, Identifier]
) -> tuple[list[str], Iterator[list[Identifier | None]]]:
    try:
        result = data.query(text, initNs=PREFIXES, initBindings=dict(bindings))
    except Exception as exc:  # parse errors come from rdflib or Oxigraph with many types
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphkitError(f"the query failed: {first}") from None
    if result.type != "SELECT":
        raise GraphkitError("only SELECT queries are supported")
    columns = [str(v) for v in result.vars or []]
    rows = ([row[v] if v in row.labels else None for v in columns] for row in result)
    return columns, rows


def _too_many(max_rows: int) -> GraphkitError:
    return GraphkitError(
        f"the query gives more than {max_rows:,} rows; narrow it (LIMIT, a binding) "
        "or raise --max-rows"
    )


def _collect(
    found: tuple[list[str], Iterator[list[Identifier | None]]], max_rows: int | None
) -> Table:
    columns, rows = found
    kept: list[list[Identifier | None]] = []
    for row in rows:
        if max_rows is not None and len(kept) >= max_rows:
            raise _too_many(max_rows)
        kept.append(row)
    return Table(columns, kept)


#: memory a query may use above what the process holds when it starts (its intermediate
#: results: a cartesian product sorted by ORDER BY grows without end)
QUERY_MEMORY = 4 * 1024**3
#: label combinations an any-case binding may stand for (each is one query)
MAX_ANY_CASE = 1000


def _limit_memory(extra: int) -> None:
    """Cap this (forked) process's address space at its present size plus ``extra`` bytes."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = size + extra
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits here: the time limit still holds


def _over_memory() -> str:
    return (
        f"the query needed more than {QUERY_MEMORY // 1024**2:,} MB of memory for its "
        "intermediate results; narrow it (a LIMIT, a binding, fewer unjoined patterns)"
    )


def _select_forked(
    data: Graph | Dataset,
    text: str,
    bindings: Mapping[str, Identifier],
    time_limit: float,
    max_rows: int | None,
) -> Table:
    """Run the query in a forked child that streams its rows back as JSON lines, so that a
    query over its time limit is stopped for certain (the engine's own call cannot be
    interrupted) and its memory goes with it."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        _limit_memory(QUERY_MEMORY)
        with contextlib.suppress(OSError):  # the engine's own words when memory runs out
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
        code = 0
        with os.fdopen(write_fd, "w", encoding="utf-8") as out:
            try:
                columns, rows = _results(data, text, bindings)
                out.write(json.dumps({"columns": columns}) + "\n")
                for n, row in enumerate(rows):
                    if max_rows is not None and n >= max_rows:
                        out.write(json.dumps({"more": True}) + "\n")
                        break
                    out.write(json.dumps([None if v is None else v.n3() for v in row]) + "\n")
            except GraphkitError as exc:
                out.write(json.dumps({"error": str(exc)}) + "\n")
            except MemoryError:
                out.write(json.dumps({"error": _over_memory()}) + "\n")
                code = 1
            except BaseException as exc:  # anything else: one line, never a traceback
                out.write(json.dumps({"error": f"the query failed: {exc}"}) + "\n")
                code = 1
        os._exit(code)
    os.close(write_fd)
    deadline = time.monotonic() + time_limit
    lines: list[str] = []
    buf = b""
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_fd], [], [], left)[0]:
                raise GraphkitError(
                    f"the query ran over its time limit of {time_limit:g} s; narrow it "
                    "or raise --timeout"
                )
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            buf += chunk
            *done, buf = buf.split(b"\n")
            lines.extend(d.decode("utf-8") for d in done)
    finally:
        os.close(read_fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if not lines and os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:
        # the engine aborts when an allocation fails under the child's memory limit
        raise GraphkitError(_over_memory())
    head = json.loads(lines[0]) if lines else {"error": "the query failed: no answer"}
    if "error" in head:
        raise GraphkitError(head["error"])
    columns = head["columns"]
    rows: list[list[Identifier | None]] = []
    for line in lines[1:]:
        rec = json.loads(line)
        if isinstance(rec, dict):
            if "error" in rec:
                raise GraphkitError(rec["error"])
            raise _too_many(max_rows or 0)
        rows.append([None if v is None else from_n3(v) for v in rec])
    return Table(columns, rows)


def _short(value: Identifier | None) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        text = str(value)
        best = max(
            ((p, ns) for p, ns in PREFIXES.items() if text.startswith(ns)),
            key=lambda x: len(x[1]),
            default=None,
        )
        return f"{best[0]}:{text[len(best[1]) :]}" if best else text
    return str(value)


#: the W3C SPARQL 1.1 result formats ``format_table`` writes besides its aligned table
RESULT_FORMATS = ("json", "xml", "csv", "tsv")


def _result(table: Table) -> Result:
    """``table`` as an rdflib SELECT result, for rdflib's W3C result serialisers."""
    res = Result("SELECT")
    res.vars = [Variable(c) for c in table.columns]
    res.bindings = [
        {Variable(c): v for c, v in zip(table.columns, row, strict=True) if v is not None}
        for row in table.rows
    ]
    return res


def _tsv(table: Table) -> str:
    """SPARQL 1.1 Query Results TSV: a header of ?variables, then each term as in Turtle
    (``<iri>``, ``"text"``, ``"3"^^<…#integer>``), an unbound value empty."""
    lines = ["\t".join(f"?{c}" for c in table.columns)]
    for row in table.rows:
        lines.append("\t".join("" if v is None else v.n3() for v in row))
    return "\n".join(lines) + "\n"


def format_table(table: Table, fmt: str = "table") -> str:
    """``table`` (aligned columns, prefixed IRIs) or a W3C SPARQL 1.1 results format: ``json``
    (application/sparql-results+json), ``xml``, ``csv`` or ``tsv``.

    >>> t = Table(["who"], [[URIRef("https://example.org/a")], [None]])
    >>> print(format_table(t, "tsv"), end="")
    ?who
    <https://example.org/a>
    <BLANKLINE>
    >>> json.loads(format_table(t, "json"))["head"]
    {'vars': ['who']}
    """
    if fmt == "tsv":
        return _tsv(table)
    if fmt in RESULT_FORMATS:
        out = _result(table).serialize(format=fmt, encoding="utf-8")
        text = out.decode("utf-8") if isinstance(out, bytes) else str(out)
        return text if text.endswith("\n") else text + "\n"
    if fmt != "table":
        raise GraphkitError(f"unknown output format {fmt!r} (table, {', '.join(RESULT_FORMATS)})")
    cells = [[_short(v).replace("\n", " ") for v in row] for row in table.rows]
    widths = [
        min(60, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(table.columns)
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
            for v, w in zip(values, widths, strict=True)
        ).rstrip()

    lines = [line(table.columns), line(["-" * w for w in widths])]
    lines += [line(r) for r in cells]
    lines.append(f"({len(table.rows)} rows)")
    return "\n".join(lines) + "\n"
