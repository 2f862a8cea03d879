"""Read articles from files, folders, pages, feeds and standard input into Documents (the text
itself is made a Document by :func:`graphkit.ingest.article.document_from_text`).

>>> sorted(SUFFIXES)
['.htm', '.html', '.jsonl', '.txt']
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Document
from ..vocabulary import NOT_NEWS
from .article import document_from_text

#: documents longer than this are refused (reported and skipped); see --max-chars
MAX_CHARS = 5_000_000


def decode(data: bytes, where: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{where}: not valid UTF-16 text") from None
    if b"\x00" in data:
        raise InputError(f"{where}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from None


#: what a folder walk picks up by default (``--glob`` narrows or widens it)
DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm", "*.jsonl")
#: names of a folder's files that document the folder rather than hold news: skipped in folder
#: builds (a file named on the command line is always read)
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "-"


def _read_bytes(path: Path, max_chars: int | None) -> bytes:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO would hang the build, /dev/zero fill memory
            raise InputError(f"{path}: not a regular file (a FIFO, a device or a socket)")
        size = st.st_size
        if max_chars is not None and size > 4 * max_chars and path.suffix != ".jsonl":
            raise InputError(
                f"{path}: {size:,} bytes, over the limit of {max_chars:,} characters (--max-chars)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _checked(doc: Document, where: str, max_chars: int | None) -> Document:
    if max_chars is not None and len(doc.text) > max_chars:
        raise InputError(
            f"{where}: {len(doc.text):,} characters, over the limit of {max_chars:,} (--max-chars)"
        )
    return doc


def _text_document(text: str, doc_id: str, where: str, source: str, **meta: Any) -> Document:
    if not text.strip():
        raise InputError(f"{where}: empty document")
    return document_from_text(doc_id, text, source=source, **meta)


def read_document(path: Path, doc_id: str, max_chars: int | None = None) -> Document:
    """Read one plain-text file as a Document with id ``doc_id``; a file over ``max_chars``
    characters (or 4 bytes per character) is refused without being read whole."""
    text = decode(_read_bytes(path, max_chars), str(path))
    doc = _text_document(text, doc_id, str(path), path.name)
    return _checked(doc, str(path), max_chars)


def html_document(data: bytes, doc_id: str, where: str, source: str) -> Document:
    """The article in an HTML page (trafilatura): its text, title, authors, date and site.

    Offsets in the graph then point into the extracted article text, which is also the
    document's text in graph.json's terms.
    """
    import trafilatura

    page, bloated = _plain_tags(decode(data, where))
    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in the HTML")
    authors = [a.strip() for a in (getattr(found, "author", None) or "").split(";") if a.strip()]
    # the page's own address (its canonical link), when it gives one, is the way back to it
    url = getattr(found, "url", None) or ""
    doc = _text_document(
        text,
        doc_id,
        where,
        url if re.match(r"https?://[^\s]+$", url) else source,
        title=getattr(found, "title", None) or None,
        authors=authors,
        published=getattr(found, "date", None) or None,
        publisher=getattr(found, "sitename", None) or None,
    )
    if bloated:
        note = f"the attributes of {bloated} tag(s) over {MAX_TAG_CHARS:,} characters"
        doc = replace(doc, boilerplate=(*doc.boilerplate, note))
    return doc


#: a tag longer than this (a `<p>` with thousands of attributes) keeps only its name: the HTML
#: cleaner takes time with the square of a tag's attributes, and no article is in them
MAX_TAG_CHARS = 8192
#: a tag: its name, then attributes whose quoted values may hold ">" (possessive: linear)
_TAG = re.compile(r"""<(/?[A-Za-z][A-Za-z0-9:-]*)((?:[^<>"']++|"[^"]*+"|'[^']*+')*+)>""")


def _plain_tags(page: str) -> tuple[str, int]:
    """``page`` with every tag over ``MAX_TAG_CHARS`` characters cut to its bare name, and
    how many there were (one regular-expression pass: linear in the page)."""
    found = 0

    def bare(m: re.Match[str]) -> str:
        nonlocal found
        if len(m.group(2)) < MAX_TAG_CHARS:
            return m.group()
        found += 1
        return f"<{m.group(1)}>"

    if len(page) < MAX_TAG_CHARS:
        return page, 0
    return _TAG.sub(bare, page), found


def jsonl_documents(
    data: bytes, where: str, max_chars: int | None = None
) -> tuple[list[Document], list[InputError]]:
    """One Document per JSON line with ``id`` and ``text`` (optional ``title``, ``authors``,
    ``published``, ``publisher``, ``url``); a bad line is an error, the others are kept."""
    docs: list[Document] = []
    errors: list[InputError] = []
    lines = _jsonl_lines(data, where)
    for lineno, line in enumerate(lines, start=1):
        if isinstance(line, InputError):
            errors.append(line)  # one bad byte costs its own record, not the file
            continue
        if not line.strip():
            continue
        here = f"{where}:{lineno}"
        if max_chars is not None and len(line) > 2 * max_chars + 4096:
            # a record's text is at most max_chars; JSON escapes may double it
            errors.append(
                InputError(
                    f"{here}: a line of {len(line):,} characters, over the limit (--max-chars)"
                )
            )
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            doc_id, body = rec.get("id"), rec.get("text")
            if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
                raise ValueError("no 'id'" if doc_id is None else "'id' is not a string")
            if str(doc_id).strip() == "":
                raise ValueError("no 'id'")
            if not isinstance(body, str):
                raise ValueError("no 'text'" if body is None else "'text' is not a string")
            authors = rec.get("authors") or []
            if isinstance(authors, str):
                authors = [authors]
            if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
                raise ValueError("'authors' is not a string or a list of strings")
            for name in ("title", "published", "publisher", "url"):
                if rec.get(name) is not None and not isinstance(rec[name], str):
                    raise ValueError(f"'{name}' is not a string ({type(rec[name]).__name__})")
            docs.append(
                _text_document(
                    body,
                    str(doc_id),
                    here,
                    str(rec.get("url") or where),
                    title=rec.get("title"),
                    authors=authors,
                    published=rec.get("published"),
                    publisher=rec.get("publisher"),
                )
            )
        except RecursionError:
            errors.append(InputError(f"{here}: not a document record (nested too deeply)"))
        except (ValueError, TypeError) as exc:
            errors.append(InputError(f"{here}: not a document record ({exc})"))
        except InputError as exc:
            errors.append(exc)
    records = sum(1 for line in lines if isinstance(line, InputError) or line.strip())
    if not docs and records and len(errors) == records:
        # no line is a document: the file is something else (annotations, a log), said once
        return [], [
            InputError(
                f"{where}: not a document feed: 0 of {records:,} lines have an 'id' and a 'text'"
            )
        ]
    return docs, errors


def _jsonl_lines(data: bytes, where: str) -> list[str | InputError]:
    """The lines of a JSON Lines file, each decoded on its own (UTF-8, a BOM at the start
    allowed; a UTF-16 file with a BOM as a whole): a line that is not valid UTF-8 is an error
    naming its line and byte, and the other lines are kept. Lines end at "\n" only, so a
    record whose text holds U+2028 or a form feed stays one record."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return list(decode(data, where).split("\n"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out: list[str | InputError] = []
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        try:
            out.append(raw.rstrip(b"\r").decode("utf-8"))
        except UnicodeDecodeError as exc:
            out.append(
                InputError(f"{where}:{lineno}: not valid UTF-8 (byte {exc.start}); record skipped")
            )
    return out


def read_path(
    path: Path, doc_id: str, max_chars: int | None = None
) -> tuple[list[Document], list[InputError]]:
    """The documents in one input file (a JSONL file holds many), and its bad parts."""
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        if kind is None:
            raise InputError(
                f"{path}: unknown file type {path.suffix or '(none)'!r} "
                f"(graphkit reads {', '.join(sorted(SUFFIXES))})"
            )
        if kind == "text":
            return [read_document(path, doc_id, max_chars)], []
        data = _read_bytes(path, max_chars)
        if kind == "html":
            return [
                _checked(html_document(data, doc_id, str(path), path.name), str(path), max_chars)
            ], []
        docs, errors = jsonl_documents(data, str(path), max_chars)
        kept = []
        for d in docs:
            try:
                kept.append(_checked(d, f"{path} ({d.id})", max_chars))
            except InputError as exc:
                errors.append(exc)
        return kept, errors
    except InputError as exc:
        return [], [exc]


def read_stdin(
    data: bytes, max_chars: int | None = None
) -> tuple[list[Document], list[InputError]]:
    """Standard input: JSON Lines when its first line is a JSON object, else one text
    document with id ``stdin``."""
    first = data.lstrip()[:1]
    if first == b"{":
        return jsonl_documents(data, "<stdin>", max_chars)
    try:
        text = decode(data, "<stdin>")
        return [
            _checked(_text_document(text, "stdin", "<stdin>", "<stdin>"), "<stdin>", max_chars)
        ], []
    except InputError as exc:
        return [], [exc]


def discover(
    inputs: Iterable[str | Path],
    globs: Iterable[str] = DEFAULT_GLOBS,
    skipped: list[Path] | None = None,
) -> tuple[list[tuple[Path, str]], list[InputError]]:
    """Expand files and folders into (path, document id) pairs, in a stable order, and the
    inputs that do not exist. ``-`` (standard input) is left to the caller.

    A file's id is its name without extension; a file found in a folder gets its path relative
    to that folder, without extension (``meantime/airbus/x``). A folder is searched
    recursively for files matching ``globs``; its README, LICENSE, NOTICE and similar files are
    left out (and listed in ``skipped``).
    """
    found: list[tuple[Path, str]] = []
    missing: list[InputError] = []
    patterns = tuple(globs)
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            # a pattern never reaches outside the folder ("--glob '../*.txt'")
            files = {
                f for g in patterns for f in p.rglob(g)
                if f.is_file() and ".." not in f.relative_to(p).parts
            }  # fmt: skip
            for f in sorted(files):
                if set(re.split(r"[^a-z]+", f.stem.lower())) & set(NOT_NEWS):
                    if skipped is not None:
                        skipped.append(f)
                    continue
                found.append((f, f.relative_to(p).with_suffix("").as_posix()))
        elif p.exists():
            found.append((p, p.stem))
        else:
            missing.append(InputError(f"{p}: no such file or folder"))
    return found, missing
