"""An article's text as a :class:`~graphkit.records.Document`: what is not article text split
into metadata.

Normalisation is length-preserving: typographic quotes, dashes and no-break spaces are mapped
one character to one character, and regions that are not article prose (photo captions, bylines,
related-article headings, "Similar Articles" tails) are blanked with spaces. Offsets into
``Document.clean`` are therefore offsets into the original ``Document.text``. Reading files,
pages and feeds into that text is :mod:`graphkit.ingest`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..names import fold_hidden, fold_lookalikes
from ..records import Document
from ..vocabulary import (
    BYLINE,
    CAPTION_START,
    CREDIT,
    DATE_LINE,
    DATELINE,
    FOOTER,
    INLINE_IMAGE,
    MONTH_NUM,
    SMALL_WORDS,
    TAIL,
)

# one code point -> one code point, so offsets survive
_NORMALISE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",  # "can`t", "Canada`s": a grave accent typed for an apostrophe
        "\u00b4": "'",  # and an acute one ("don\u00b4t")
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


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _stem(word: str) -> str:
    """A word without a regular ending: "kills", "killed", "killing" -> "kill"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _body_words(body: str) -> tuple[set[str], set[str]]:
    """The words (and their stems) a body writes in lower case, and the words it capitalises
    inside a sentence (after a letter, a digit or a comma on the same line: names)."""
    lower: set[str] = set()
    names: set[str] = set()
    for m in _WORD.finditer(body):
        w = m.group()
        if w.islower():
            lower.update((w, _stem(w)))
            continue
        j = m.start() - 1
        while j >= 0 and body[j] in " \t":
            j -= 1
        if j >= 0 and (body[j].isalnum() or body[j] in ",;("):
            names.add(w)
    return lower, names


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


@dataclass
class _Page:
    """What reading an article's lines finds: the text with furniture blanked (``clean``,
    one character per character of the text) and the metadata and spans split off."""

    text: str
    clean: list[str]
    title: str | None
    published: str | None
    publisher: str | None
    authors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # the credits' names
    headings: list[tuple[int, int]] = field(default_factory=list)  # headings' and captions'
    boilerplate: list[str] = field(default_factory=list)
    cuts: list[tuple[int, int, str]] = field(default_factory=list)
    seen_prose: bool = False
    in_tail: bool = False
    headline_at: tuple[int, int] | None = None  # the headline line read from the text

    def blank(self, start: int, end: int) -> None:
        clean = self.clean
        for i in range(start, end):
            if clean[i] not in "\r\n":
                clean[i] = " "

    def drop(self, line: _Line) -> None:
        """The line is furniture: kept as boilerplate, blanked in the text."""
        self.boilerplate.append(self.text[line.start : line.end].strip())
        self.blank(line.start, line.end)

    def read(self, lines: list[_Line]) -> None:
        for k, line in enumerate(lines):
            s = line.text.strip()
            if not s:
                continue
            if self.in_tail:
                self.drop(line)
            elif not any(step(self, lines, k, line, s) for step in _LINE_STEPS):
                self.prose(line)

    def tail(self, lines: list[_Line], k: int, line: _Line, s: str) -> bool:
        """ "Read more", related articles, tags, sign-up links."""
        if not TAIL.match(s):
            return False
        self.drop(line)
        if any(_is_sentence(after.text) for after in lines[k + 1 :]):
            # prose follows: only this line is furniture ("Read more: talks stall")
            self.cuts.append((line.start, line.end, "page furniture line"))
        else:  # a related-articles list, tags, sign-up links: the page's end
            self.in_tail = True
            self.cuts.append((line.start, lines[-1].end, "page furniture to the end"))
        return True

    def caption(self, lines: list[_Line], k: int, line: _Line, s: str) -> bool:
        """A photo caption or a credit line before the prose; its agency is the publisher."""
        if not (
            CAPTION_START.match(s) or (CREDIT.search(s) and not self.seen_prose and len(s) < 400)
        ):
            return False
        credit = CREDIT.search(s)
        if credit:
            self.credits.append(credit.group(1))
            agency = credit.group(1).split("/")[0]
            self.publisher = self.publisher or _publisher_from(agency)
        label = CAPTION_START.match(s)
        self.boilerplate.append(label.group(0).strip() if label else s)
        self.blank(line.start, line.end)
        return True

    def byline(self, lines: list[_Line], k: int, line: _Line, s: str) -> bool:
        m = BYLINE.match(line.text)
        if m:
            new = [a for a in _split_authors(m.group(1)) if a not in self.authors]
            self.authors.extend(new)
            self.blank(line.start, line.end)
        return bool(m)

    def date_line(self, lines: list[_Line], k: int, line: _Line, s: str) -> bool:
        m = DATE_LINE.match(line.text)
        if m:
            self.published = self.published or _iso_date(m)
            self.blank(line.start, line.end)
        return bool(m)

    def footer(self, lines: list[_Line], k: int, line: _Line, s: str) -> bool:
        if FOOTER.match(s):
            self.drop(line)
            return True
        return False

    def headline(self, lines: list[_Line], k: int, line: _Line, s: str) -> bool:
        """The first line, when it reads as a title: it is article text, kept for extraction."""
        if not self.seen_prose and self.title is None and _is_title(s):
            self.title = self.text[line.start : line.end].strip()
            self.headline_at = (line.start, line.end)
            self.seen_prose = True
            return True
        return False

    def sentence_case(self) -> None:
        """A headline in title case ("Syria Agrees to Allow More Aid for Besieged Towns") is
        parsed as a sentence would be written: a word the body writes in lower case (or a
        form of it: "Kills" where the body has "killed"), or a small word, is lowered,
        unless the body also capitalises it inside a sentence (a name). The first word and
        words in capitals stay. Offsets hold: only letters whose lower case is one letter."""
        if self.headline_at is None:
            return
        start, end = self.headline_at
        line = "".join(self.clean[start:end])
        if not _is_heading(line):
            return
        lower, names = _body_words("".join(self.clean[end:]))
        for m in list(_WORD.finditer(line))[1:]:
            w = m.group()
            low = w.lower()
            if not w[0].isupper() or w[1:] != w[1:].lower() or len(low) != len(w):
                continue  # lower case already, or "US", "McCain"
            if w in names:
                continue
            if low in SMALL_WORDS or low in lower or _stem(low) in lower:
                for i, c in enumerate(low):
                    self.clean[start + m.start() + i] = c

    def heading(self, lines: list[_Line], k: int, line: _Line, s: str) -> bool:
        """A heading after the prose began. A caption with its credit ("Editorial Manager
        Chet Clem. Image: David Shankbone") is none: it names people, its credit is read."""
        if self.seen_prose and _is_heading(s) and not INLINE_IMAGE.search(line.text):
            self.drop(line)
            lead = len(line.text) - len(line.text.lstrip())
            self.headings.append((line.start + lead, line.start + lead + len(s)))
            return True
        return False

    def prose(self, line: _Line) -> None:
        """A line of prose: its dateline and an inline photo credit are blanked."""
        m = DATELINE.match(line.text)
        if m and m.group(1).strip():
            if m.group("agency"):
                self.publisher = self.publisher or _publisher_from(m.group("agency"))
            self.blank(line.start, line.start + len(m.group(1)))
        m = INLINE_IMAGE.search(line.text)
        if m:
            self.credits.append(m.group(0).split(":", 1)[1].strip())
            self.blank(line.start + m.start() + 1, line.end)
            for a, b in _credit_names(line.text, m.start() + m.group(0).index(":") + 1):
                self.spans.append((line.start + a, line.start + b))
        self.seen_prose = True


#: the kinds of line that are not prose, tried in order on each line
_LINE_STEPS = (
    _Page.tail,
    _Page.caption,
    _Page.byline,
    _Page.date_line,
    _Page.footer,
    _Page.headline,
    _Page.heading,
)


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
    (:func:`sanitize`), so no output format chokes on them and offsets still hold.

    >>> d = document_from_text("x", "By Jane Roe and John Doe\\n\\nRebels\\u2019 attack failed.\\n")
    >>> d.authors
    ('Jane Roe', 'John Doe')
    >>> d.clean[d.text.index("Rebels"):].split("\\n")[0]
    "Rebels' attack failed."
    """
    text, doc_id = sanitize(text), sanitize(doc_id)
    source = _meta(source)
    page = _Page(
        text,
        list(break_long_runs(fold_lookalikes(fold_hidden(normalise(text))))),
        _meta(title),
        _meta(published),
        _meta(publisher),
        [a for a in (_meta(a) for a in authors) if a],
    )
    page.read(list(_lines("".join(page.clean))))
    page.sentence_case()
    cleaned = "".join(page.clean)
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
        title=page.title,
        authors=tuple(page.authors),
        publisher=page.publisher,
        published=page.published,
        photo_credits=tuple(page.credits),
        boilerplate=tuple(page.boilerplate),
        cuts=tuple(page.cuts),
        credit_spans=tuple(page.spans),
        heading_spans=tuple(page.headings),
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
