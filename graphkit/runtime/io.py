"""Atomic file output: write to a temporary file beside the target, then rename over it.

A reader (or a build killed half-way) sees either the old file or the new one, never a part.
:func:`atomic_write_many` does the same for a set of files: every file is written out in
full first, and only then are they renamed into place, so a write that fails (a full disk)
leaves the previous set whole rather than a mix of old and new files.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

#: temporary files are named ``.NAME.XXXXXXXX.tmp`` beside ``NAME``
TMP_SUFFIX = ".tmp"


def _stage(path: Path, data: bytes, mode: int) -> Path:
    """Write ``data`` to a new temporary file beside ``path`` (flushed to disk)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


#: a data file graphkit reads whole (an ontology table, a query) is at most this large
MAX_TEXT_BYTES = 64 * 1024 * 1024
#: a graph or gold file read back whole (graph.json of a large corpus) is at most this large
MAX_GRAPH_BYTES = 4 * 1024 * 1024 * 1024


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_json_file(path: Path, error: type[Exception], max_bytes: int = MAX_GRAPH_BYTES) -> Any:
    """A JSON file's value, read as :func:`read_utf8` reads (a regular file only, never
    blocking); NaN and Infinity, which JSON does not have, and nesting too deep to read are
    ``error`` with one line naming the file."""
    text = read_utf8(path, error, max_bytes)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise error(f"{path}: nested too deeply to read") from None
    except ValueError as exc:
        raise error(f"{path}: not JSON ({exc})") from None


def check_regular(path: Path, error: type[Exception]) -> None:
    """Refuse, with ``error``, a path that is no regular file (a FIFO, a device, a folder),
    before a reader that would block on it opens it."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise error(f"{path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{path}: not a regular file")


def read_utf8(path: Path, error: type[Exception], max_bytes: int = MAX_TEXT_BYTES) -> str:
    """A text file's contents as UTF-8 (a leading byte-order mark dropped); a file that is no
    regular file (a FIFO, a device: checked on the open descriptor, which never blocks), is
    larger than ``max_bytes``, holds a NUL byte or cannot be read or decoded raises ``error``
    with one line naming it.

    >>> read_utf8(Path("/dev/zero"), ValueError)
    Traceback (most recent call last):
    ValueError: /dev/zero: not a regular file
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{path}: not a regular file")
        if st.st_size > max_bytes:
            raise error(f"{path}: {st.st_size:,} bytes, larger than {max_bytes:,}")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise error(f"{path}: larger than {max_bytes:,} bytes")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise error(f"{path}:{line}: a NUL byte; this is no text file")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not valid UTF-8 (byte {exc.start}); save it as UTF-8") from None


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` atomically (same-directory temp file + os.replace);
    the file gets ``mode`` (0600 for private files such as cache entries)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _stage(path, data, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_many(files: Mapping[Path, bytes], mode: int = 0o644) -> None:
    """Replace every file of ``files`` or none: all are staged in full before any is renamed
    into place. An error while staging removes what was staged and is raised."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_stage(path, data, mode), path))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)


def remove_stale(folder: Path, names: Iterable[str]) -> int:
    """Delete the temporary files that killed writes of ``names`` left in ``folder``; the
    number deleted."""
    removed = 0
    for name in names:
        for tmp in folder.glob(f".{name}.*{TMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed += 1
    return removed
