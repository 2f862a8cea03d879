"""Reading an ontology folder's files: where the built-in folder is, TSV rows that name their file,
line and column in every error, and the small cell parsers the loaders share."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import OntologyError
from ..runtime.io import read_utf8
from .schema import Styles


def builtin_dir() -> Path:
    """Where the built-in ontology lives: inside the installed package, else the checkout."""
    # in a wheel the data sits beside this package's modules; in a checkout it is the
    # repository's top-level ontology/ folder
    packaged = resources.files("graphkit") / "ontology"
    if (packaged / "graphkit.ttl").is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "ontology"
    if checkout.is_dir():
        return checkout
    raise OntologyError("the built-in ontology folder is missing; reinstall graphkit")


class _Row(dict[str, str]):
    """One row of an ontology TSV file; a column the file does not have is an OntologyError
    naming the file, the line and the column (``row.get`` reads an optional column)."""

    def __init__(self, values: dict[str, str], path: Path, lineno: int) -> None:
        super().__init__(values)
        self.path, self.lineno = path, lineno

    def __missing__(self, column: str) -> str:
        raise OntologyError(
            f"{self.path}:{self.lineno}: no column {column!r} "
            f"(the header has: {', '.join(self) or 'nothing'})"
        )


def _read_text(path: Path) -> str:
    return read_utf8(path, OntologyError)


def _iso_day(row: _Row, column: str, required: bool = True) -> date | None:
    value = row[column]
    if not value and not required:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise OntologyError(
            f"{row.path}:{row.lineno}: {column} {value!r} is not an ISO date (YYYY-MM-DD)"
        ) from None


def _read_rows(path: Path) -> Iterator[_Row]:
    """The rows of a tab-separated file with a header line; blank lines and lines starting
    with ``#`` are skipped, and errors name the file's own line numbers."""
    header: list[str] | None = None
    for lineno, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise OntologyError(
                f"{path}:{lineno}: {len(cells)} columns where the header has {len(header)}"
            )
        yield _Row(dict(zip(header, cells, strict=True)), path, lineno)


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower() in {"yes", "true", "1", "y"}


def _split(cell: str, sep: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(sep) if x.strip())


def _weight(row: _Row, column: str) -> float | None:
    """A Goldstein weight cell: a number from -10 to +10, or empty (None)."""
    cell = (row.get(column) or "").strip()
    if not cell:
        return None
    try:
        value = float(cell)
    except ValueError:
        value = math.nan
    if not -10 <= value <= 10:  # NaN fails too
        raise OntologyError(
            f"{row.path}:{row.lineno}: {column} must be a number from -10 to 10, not {cell!r}"
        )
    return value


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def read_styles(path: Path) -> Styles:
    """The explorer styles of one ``styles.tsv``: kind ("class", "category", "quad") -> term ->
    [colour, shape]; a bad row is an OntologyError naming the file and line."""
    styles: Styles = {}
    for row in _read_rows(path):
        kind, colour = row["kind"], row["colour"]
        if kind not in {"class", "category", "quad"}:
            raise OntologyError(
                f"{path}:{row.lineno}: kind {kind!r} is not class, category or quad"
            )
        if not _COLOUR.match(colour):
            raise OntologyError(f"{path}:{row.lineno}: colour {colour!r} is not #rrggbb")
        if not re.fullmatch(r"[a-z]*", row["shape"]):
            raise OntologyError(f"{path}:{row.lineno}: shape {row['shape']!r} is not a shape name")
        styles.setdefault(kind, {})[row["term"]] = [colour, row["shape"]]
    return styles


@lru_cache(maxsize=1)
def builtin_styles() -> Styles:
    """graphkit's own explorer styles, read without loading the rest of the ontology (an
    export of a graph read back needs only these)."""
    return read_styles(builtin_dir() / "styles.tsv")
