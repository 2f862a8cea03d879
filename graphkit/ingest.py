"""Read articles and split what is not article text into metadata.

Normalisation is length-preserving: typographic quotes, dashes and no-break spaces are mapped
one character to one character, and regions that are not article prose (photo captions, bylines,
related-article headings, "Similar Articles" tails) are blanked with spaces. Offsets into
``Document.clean`` are therefore offsets into the original ``Document.text``.

>>> d = document_from_text("x", "By Jane Roe and John Doe\\n\\nRebels\\u2019 attack failed.\\n")
>>> d.authors
('Jane Roe', 'John Doe')
>>> d.clean[d.text.index("Rebels"):].split("\\n")[0]
"Rebels' attack failed."
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .names import fold_hidden, fold_lookalikes
from .records import Document
from .vocabulary import (
    BYLINE,
    CAPTION_START,
    CREDIT,
    DATE_LINE,
    DATELINE,
    FOOTER,
    INLINE_IMAGE,
    MONTH_NUM,
    NOT_NEWS,
    SMALL_WORDS,
    TAIL,
)

#: documents longer than this are refused (reported and skipped); see --max-chars
MAX_CHARS = 5_000_000

# one code point -> one code point, so offsets survive
_NORMALISE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2010": "-",
        "\u2011": "-",
    }
)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """Map typographic characters to ASCII one-for-one (the length never changes).

    >>> normalise("Iraq\u2019s \u201cwar\u201d")
    'Iraq\\'s "war"'
    """
    out = text.translate(_NORMALISE)
    assert len(out) == len(text)
    return out


#: characters that no output can carry or that only hide text: C0 and C1 controls but tab and
#: line breaks, and lone surrogates (from JSON "\\ud800")
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: a vertical tab or form feed (a page break in text taken from PDF) is a line break
_UNSAFE_AS = {"\x0b": "\n", "\x0c": "\n"}


#: a run of characters with no space longer than this is no word of an article (a string of
#: emoji or brackets, a pasted hash): the text the parser reads breaks it every LONG_RUN_STEP
#: characters, since spaCy's tokenizer takes time with the square of a token's length
LONG_RUN = 64
LONG_RUN_STEP = 32
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def break_long_runs(text: str) -> str:
    """Every run of more than ``LONG_RUN`` characters without a space, one for one (the
    length never changes): blanked when it holds no letter or digit (a line of emoji or
    brackets has nothing to read), else broken by a space each ``LONG_RUN_STEP`` characters. A
    20,000-emoji line costs a blink instead of a minute; no word of news is that long, and a
    long URL only loses a character every 32.

    >>> break_long_runs("ok " + "(" * 70).strip()
    'ok'
    >>> break_long_runs("see " + "ab" * 40)[4:40]
    'abababababababababababababababab bab'
    """
    if len(text) <= LONG_RUN:
        return text

    def cut(m: re.Match[str]) -> str:
        if not any(c.isalnum() for c in m.group()):
            return " " * len(m.group())  # emoji, brackets, dashes: nothing to read
        run = list(m.group())
        for i in range(LONG_RUN_STEP, len(run), LONG_RUN_STEP):
            run[i] = " "
        return "".join(run)

    return _LONG_RUN.sub(cut, text)


def sanitize(text: str) -> str:
    r"""Replace control characters and lone surrogates one for one (the length never changes,
    so offsets hold): a form feed or vertical tab becomes a line break, a lone surrogate
    U+FFFD, any other control a space.

    >>> sanitize("page one\x0cpage two\x07 \ud800") == "page one\npage two  \ufffd"
    True
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(
        lambda m: _UNSAFE_AS.get(m.group(), "\ufffd" if m.group() >= "\ud800" else " "), text
    )


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        yield _Line(pos, pos + len(body), body)
        pos += len(raw)


def _is_sentence(line: str) -> bool:
    """A line of prose: three words or more ending as a sentence ends ("Russia attacked
    Ukraine."), which no related-articles list or tag line is."""
    s = line.strip().rstrip("\"'\u201d\u2019)]")
    return bool(s) and s[-1] in ".!?" and len(s.split()) >= 3


def _is_heading(line: str) -> bool:
    """A short Title Case line without closing punctuation: a headline or related-article link."""
    s = line.strip()
    if not s or s[-1] in ".!?:;,\"')" or len(s) > 140:
        return False
    words = [w for w in re.split(r"\s+", s) if re.search(r"[A-Za-z]", w)]
    if not 2 <= len(words) <= 16:
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper() or not w[0].isalpha())
    return caps / len(content) >= 0.8


def _is_title(line: str) -> bool:
    """A first line without closing sentence punctuation reads as the headline."""
    s = line.strip()
    return bool(s) and s[-1] not in ".!?:;," and 2 <= len(s.split()) <= 30


def _iso_date(m: re.Match[str]) -> str:
    month = MONTH_NUM[m.group("month")[:3].lower()]
    return f"{int(m.group('year')):04d}-{month:02d}-{int(m.group('day')):02d}"


def _split_authors(names: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", names)
    return tuple(p.strip() for p in parts if p.strip())


def _meta(value: str | None) -> str | None:
    """A metadata string made safe (see :func:`sanitize`), None when there is none."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"metadata must be a string, not {type(value).__name__}")
    return sanitize(value).strip() or None


def _publisher_from(agency: str) -> str:
    agency = agency.strip()
    return agency if not agency.isupper() or len(agency) <= 4 else agency.title()


def document_from_text(
    doc_id: str,
    text: str,
    *,
    source: str | None = None,
    title: str | None = None,
    authors: Iterable[str] = (),
    publisher: str | None = None,
    published: str | None = None,
) -> Document:
    """Make a Document from raw text, splitting bylines, captions and tails into metadata.

    Control characters and lone surrogates in the text and the metadata are replaced
    (:func:`sanitize`), so no output format chokes on them and offsets still hold."""
    text, doc_id = sanitize(text), sanitize(doc_id)
    source, title = _meta(source), _meta(title)
    publisher, published = _meta(publisher), _meta(published)
    clean = list(break_long_runs(fold_lookalikes(fold_hidden(normalise(text)))))
    found_authors: list[str] = [a for a in (_meta(a) for a in authors) if a]
    credits: list[str] = []
    spans: list[tuple[int, int]] = []  # the credits' names
    headings: list[tuple[int, int]] = []  # the headings' and captions' text
    boilerplate: list[str] = []
    found_title = title
    found_published = published
    found_publisher = publisher

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if clean[i] not in "\r\n":
                clean[i] = " "

    lines = list(_lines("".join(clean)))
    cuts: list[tuple[int, int, str]] = []
    seen_prose = False
    in_tail = False
    for k, line in enumerate(lines):
        s = line.text.strip()
        if not s:
            continue
        if in_tail:
            boilerplate.append(text[line.start : line.end].strip())
            blank(line.start, line.end)
            continue
        if TAIL.match(s):
            boilerplate.append(text[line.start : line.end].strip())
            blank(line.start, line.end)
            if any(_is_sentence(after.text) for after in lines[k + 1 :]):
                # prose follows: only this line is furniture ("Read more: talks stall")
                cuts.append((line.start, line.end, "page furniture line"))
            else:  # a related-articles list, tags, sign-up links: the page's end
                in_tail = True
                cuts.append((line.start, lines[-1].end, "page furniture to the end"))
            continue
        if CAPTION_START.match(s) or (CREDIT.search(s) and not seen_prose and len(s) < 400):
            credit = CREDIT.search(s)
            if credit:
                credits.append(credit.group(1))
                agency = credit.group(1).split("/")[0]
                found_publisher = found_publisher or _publisher_from(agency)
            label = CAPTION_START.match(s)
            boilerplate.append(label.group(0).strip() if label else s)
            blank(line.start, line.end)
            continue
        m = BYLINE.match(line.text)
        if m:
            found_authors.extend(a for a in _split_authors(m.group(1)) if a not in found_authors)
            blank(line.start, line.end)
            continue
        m = DATE_LINE.match(line.text)
        if m:
            found_published = found_published or _iso_date(m)
            blank(line.start, line.end)
            continue
        if FOOTER.match(s):
            boilerplate.append(text[line.start : line.end].strip())
            blank(line.start, line.end)
            continue
        if not seen_prose and found_title is None and _is_title(s):
            found_title = text[line.start : line.end].strip()
            seen_prose = True
            continue  # the headline is article text: keep it for extraction
        if seen_prose and _is_heading(s) and not INLINE_IMAGE.search(line.text):
            # a caption with its credit ("Editorial Manager Chet Clem. Image: David
            # Shankbone") is no heading: it names people, and its credit is read below
            boilerplate.append(text[line.start : line.end].strip())
            blank(line.start, line.end)
            lead = len(line.text) - len(line.text.lstrip())
            headings.append((line.start + lead, line.start + lead + len(s)))
            continue
        m = DATELINE.match(line.text)
        if m and m.group(1).strip():
            if m.group("agency"):
                found_publisher = found_publisher or _publisher_from(m.group("agency"))
            blank(line.start, line.start + len(m.group(1)))
        m = INLINE_IMAGE.search(line.text)
        if m:
            credits.append(m.group(0).split(":", 1)[1].strip())
            blank(line.start + m.start() + 1, line.end)
            for a, b in _credit_names(line.text, m.start() + m.group(0).index(":") + 1):
                spans.append((line.start + a, line.start + b))
        seen_prose = True

    cleaned = "".join(clean)
    if not cleaned.strip():
        raise InputError(
            f"{source or doc_id}: no article text (once bylines, captions, page furniture and "
            "runs of symbols are left out)"
        )
    return Document(
        id=doc_id,
        text=text,
        clean=cleaned,
        source=source,
        title=found_title,
        authors=tuple(found_authors),
        publisher=found_publisher,
        published=found_published,
        photo_credits=tuple(credits),
        boilerplate=tuple(boilerplate),
        cuts=tuple(cuts),
        credit_spans=tuple(spans),
        heading_spans=tuple(headings),
    )


def _credit_names(line: str, start: int) -> list[tuple[int, int]]:
    """Where the names of an inline photo credit stand in ``line``, from ``start`` (after the
    label's colon): each name a slash parts ("Twitter / NASA"), without the spaces around it
    and a full stop after the last."""
    end = len(line.rstrip())
    if end > start and line[end - 1] == ".":
        end -= 1
    out = []
    for part in re.finditer(r"[^/]+", line[start:end]):
        a, b = start + part.start(), start + part.end()
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


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
