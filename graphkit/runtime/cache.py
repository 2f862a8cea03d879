"""Per-document extraction cache: a rerun parses only the documents that changed.

Each document's :class:`~graphkit.records.Extraction` is stored under a key made of the
document (id, text and metadata) and everything that shapes its extraction: the graphkit
version and a fingerprint of its own code, the spaCy model and its version, the ontology
fingerprint and the build options. Change any of them (editing a rule included) and the key
changes, so a stale result is never used.

The cache holds data, never code. An entry is JSON of the extraction's records behind a
magic line and an HMAC-SHA256 of that JSON keyed with a per-user secret kept outside the
cache folder (``$XDG_CONFIG_HOME/graphkit/cache-secret``, 32 random bytes, 0600), so an
entry someone else planted, even with a recomputed checksum, is a miss. Reading an entry is
parsing JSON and checking every field's type and range (offsets inside the document, a
finite confidence from 0 to 1, an ISO date), so a damaged file cannot run anything or reach
the graph. Every folder and file on the way must be the user's own and writable by no one
else, and is opened without following links or blocking (a FIFO planted as an entry is a
miss). A damaged, truncated, foreign or untrusted entry is a miss: the document is parsed
again and its entry rewritten, and the build reports once how many entries it ignored. Files
are created 0600 and folders 0700, written atomically. A cache that cannot be used (a folder
not creatable, not writable, full, or not private; no private secret) means one warning and
a build without the cache, never a failed build.

The default folder is ``$XDG_CACHE_HOME/graphkit`` (``~/.cache/graphkit``).

>>> from graphkit.ingest.article import document_from_text
>>> doc = document_from_text("d", "Hamas attacked Israel.")
>>> decode(encode(Extraction(doc), "k1"), doc, "k1") == Extraction(doc)
True
>>> decode(encode(Extraction(doc), "k1")[:-2], doc, "k1") is None  # truncated: a miss
True
>>> decode(encode(Extraction(doc), "k1"), doc, "k2") is None  # another key's entry: a miss
True
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import re
import stat
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..records import ActorRef, Assertion, Content, Document, Evidence, Extraction, Mention
from .io import atomic_write_bytes

#: bump when the stored records change shape
FORMAT = 3
MAGIC = b"graphkit-cache 3\n"
#: the per-user secret's length in bytes
SECRET_BYTES = 32
_ISO_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
#: a file larger than this is no entry graphkit wrote for a document it accepts
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "graphkit"


def secret_path() -> Path:
    """Where the per-user secret that signs cache entries lives: outside any cache folder."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "graphkit" / "cache-secret"


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def load_secret() -> bytes:
    """The per-user secret (made on first use: 32 random bytes, a 0600 file in a 0700
    folder); OSError when it cannot be made or read, ValueError when it is not private."""
    path = secret_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(path.parent.stat()):
        raise ValueError(f"{path.parent} is not private")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)  # fmt: skip
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(SECRET_BYTES))
    fd = os.open(path, _READ)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_mode & 0o077:
            raise ValueError(f"{path} is not a private file of yours (0600)")
        secret = os.read(fd, SECRET_BYTES + 1)
    finally:
        os.close(fd)
    if len(secret) != SECRET_BYTES:
        raise ValueError(f"{path} is not a secret graphkit made ({len(secret)} bytes)")
    return secret


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 of graphkit's own source files, so that a changed rule invalidates the cache
    even when the version number stays the same."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for f in sorted(root.rglob("*.py")):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(b"\x00")
        h.update(f.read_bytes())
    return h.hexdigest()


class ExtractionCache:
    """A folder of extractions stored as checksummed JSON, keyed by document and settings."""

    def __init__(
        self,
        folder: str | Path,
        settings: dict[str, object],
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.salt = json.dumps(
            {"format": FORMAT, "code": code_fingerprint(), **settings}, sort_keys=True
        )
        self.report = report
        self.hits = 0
        self.misses = 0
        self.damaged = 0
        self.secret = b""
        self.usable = self._prepare()

    def _warn(self, msg: str) -> None:
        if self.report:
            self.report(f"warning: cache {self.folder}: {msg}; building without the cache")

    def _prepare(self) -> bool:
        """Create the folder (0700) or check that an existing one is private."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            st = self.folder.stat()
        except OSError as exc:
            self._warn(f"cannot create it ({exc.strerror or exc})")
            return False
        if not stat.S_ISDIR(st.st_mode):
            self._warn("not a folder")
            return False
        if not _private(st):
            self._warn("not private (owned by another user, or writable by others)")
            return False
        if not os.access(self.folder, os.W_OK | os.X_OK):
            self._warn("not writable")
            return False
        try:
            self.secret = load_secret()
        except (OSError, ValueError) as exc:
            self._warn(f"no private secret to sign entries with ({exc})")
            return False
        return True

    def _subfolder(self, path: Path, create: bool) -> bool:
        """Whether the entry's folder is a private folder of the user's (made when asked)."""
        try:
            if create:
                path.parent.mkdir(mode=0o700, exist_ok=True)
            st = path.parent.lstat()
        except FileNotFoundError:
            return False
        return stat.S_ISDIR(st.st_mode) and _private(st)

    def key(self, doc: Document) -> str:
        h = hashlib.sha256(self.salt.encode())
        h.update(json.dumps(doc.metadata(), sort_keys=True, default=str).encode())
        h.update(b"\x00")
        h.update(doc.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, doc: Document) -> Extraction | None:
        """The stored extraction of ``doc``, or None (absent, damaged or foreign: a miss)."""
        if not self.usable:
            return None
        path = self._path(self.key(doc))
        data = b""
        try:
            fd = os.open(path, _READ)  # never a link, never blocking on a FIFO
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError:
            fd = -1
        if fd >= 0:
            try:
                st = os.fstat(fd)
                # a file of the user's own, in a folder of the user's own, or no entry
                if stat.S_ISREG(st.st_mode) and _private(st) and self._subfolder(path, False):
                    with os.fdopen(os.dup(fd), "rb") as fh:
                        data = fh.read(MAX_ENTRY_BYTES + 1)
            except OSError:
                data = b""
            finally:
                os.close(fd)
        found = decode(data, doc, path.stem, self.secret)
        if found is None:
            self.misses += 1
            self.damaged += 1
            return None
        self.hits += 1
        return found

    def put(self, extraction: Extraction) -> None:
        """Store ``extraction``; a failed write (full disk, permissions) turns the cache off
        for the rest of the build with one warning."""
        if not self.usable:
            return
        path = self._path(self.key(extraction.document))
        try:
            if not self._subfolder(path, True):
                return  # someone else's folder where ours should be: never write into it
            atomic_write_bytes(path, encode(extraction, path.stem, self.secret), mode=0o600)
        except OSError as exc:
            self.usable = False
            self._warn(f"cannot write to it ({exc.strerror or exc})")

    def close(self) -> None:
        """Report, once, the entries that were ignored because they were damaged."""
        if self.damaged and self.report:
            self.report(
                f"warning: cache {self.folder}: {self.damaged} damaged or foreign "
                f"entr{'y' if self.damaged == 1 else 'ies'} ignored and rebuilt"
            )
        self.damaged = 0


# ---------------------------------------------------------------------- the entry format
def _sign(payload: bytes, secret: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).hexdigest().encode("ascii")


def encode(extraction: Extraction, key: str, secret: bytes = b"") -> bytes:
    """The stored form of ``extraction`` under ``key``: magic line, the HMAC-SHA256 of the
    JSON keyed with ``secret``, JSON."""
    payload = json.dumps(
        {
            "key": key,
            "document": extraction.document.id,
            "mentions": [_mention(m) for m in extraction.mentions],
            "assertions": [_assertion(a) for a in extraction.assertions],
        },
        ensure_ascii=True,
        separators=(",", ":"),
    ).encode("ascii")
    return MAGIC + _sign(payload, secret) + b"\n" + payload


def decode(data: bytes, doc: Document, key: str, secret: bytes = b"") -> Extraction | None:
    """The extraction stored in ``data`` for ``doc`` under ``key``, or None when the bytes
    are not an intact entry of this format for this key signed with ``secret`` (an entry
    copied from another key's file, or signed by someone without the secret, is a miss too),
    or when a value is out of range for ``doc``. Never raises on bad bytes."""
    if not data.startswith(MAGIC) or len(data) > MAX_ENTRY_BYTES:
        return None
    digest, _, payload = data[len(MAGIC) :].partition(b"\n")
    if not hmac.compare_digest(_sign(payload, secret), digest):
        return None
    try:
        rec = json.loads(payload, parse_constant=_no_constant)
        if not isinstance(rec, dict) or rec.get("key") != key or rec.get("document") != doc.id:
            return None
        found = Extraction(
            document=doc,
            mentions=tuple(_read_mention(m) for m in _list(rec["mentions"])),
            assertions=tuple(_read_assertion(a) for a in _list(rec["assertions"])),
        )
        _check_ranges(found)
        return found
    except (KeyError, TypeError, ValueError, RecursionError):
        return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is no JSON number")


def _check_ranges(ex: Extraction) -> None:
    """Refuse (ValueError) values no extraction of this document can hold."""
    size = len(ex.document.text)

    def span(e: Evidence | None) -> None:
        if e is not None and not (0 <= e.start <= e.end <= size and e.doc == ex.document.id):
            raise ValueError("a span outside its document")

    for m in ex.mentions:
        span(m.evidence)
    for a in ex.assertions:
        span(a.evidence)
        span(a.trigger)
        if not (math.isfinite(a.confidence) and 0.0 <= a.confidence <= 1.0):
            raise ValueError("a confidence outside 0..1")
        if a.date is not None and not _ISO_DATE.fullmatch(a.date):
            raise ValueError("a date that is no ISO date")


def _ref(r: ActorRef) -> list[Any]:
    return [r.key, r.label, r.type, r.part_of, r.gazetteer]


def _ev(e: Evidence) -> list[Any]:
    return [e.doc, e.start, e.end, e.text]


def _mention(m: Mention) -> list[Any]:
    return [_ref(m.actor), _ev(m.evidence), m.alias]


def _assertion(a: Assertion) -> dict[str, Any]:
    return {
        "subject": _ref(a.subject),
        "relation": a.relation,
        "category": a.category,
        "object": None if a.object is None else _ref(a.object),
        "evidence": _ev(a.evidence),
        "rule": a.rule,
        "confidence": a.confidence,
        "cameo": a.cameo,
        "modality": a.modality,
        "attributed_to": None if a.attributed_to is None else _ref(a.attributed_to),
        "claim": a.claim,
        "trigger": None if a.trigger is None else _ev(a.trigger),
        "target_role": a.target_role,
        "date": a.date,
        "date_text": a.date_text,
        "content": None if a.content is None else a.content.as_dict(),
    }


def _list(value: object, size: int | None = None) -> list[Any]:
    # msgpack may give arrays as tuples (spaCy's DocBin reads user data so)
    if not isinstance(value, (list, tuple)) or (size is not None and len(value) != size):
        raise TypeError("not a list of the expected length")
    return list(value)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


def _read_ref(value: object) -> ActorRef:
    key, label, type_, part_of, gazetteer = _list(value, 5)
    if not isinstance(gazetteer, bool):
        raise TypeError("not a boolean")
    return ActorRef(_str(key), _str(label), _str(type_), _opt_str(part_of), gazetteer)


def _read_ev(value: object) -> Evidence:
    doc, start, end, text = _list(value, 4)
    return Evidence(_str(doc), _int(start), _int(end), _str(text))


def _read_mention(value: object) -> Mention:
    actor, evidence, alias = _list(value, 3)
    return Mention(_read_ref(actor), _read_ev(evidence), _str(alias))


def _read_assertion(value: object) -> Assertion:
    if not isinstance(value, dict):
        raise TypeError("not an object")
    confidence = value["confidence"]
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool):
        raise TypeError("not a number")
    speaker, trigger = value["attributed_to"], value["trigger"]
    return Assertion(  # its own checks refuse an unknown modality or target role
        subject=_read_ref(value["subject"]),
        relation=_str(value["relation"]),
        category=_str(value["category"]),
        object=None if value["object"] is None else _read_ref(value["object"]),
        evidence=_read_ev(value["evidence"]),
        rule=_str(value["rule"]),
        confidence=float(confidence),
        cameo=_opt_str(value["cameo"]),
        modality=_str(value["modality"]),
        attributed_to=None if speaker is None else _read_ref(speaker),
        claim=_opt_str(value["claim"]),
        trigger=None if trigger is None else _read_ev(trigger),
        target_role=_str(value["target_role"]),
        date=_opt_str(value.get("date")),
        date_text=_opt_str(value.get("date_text")),
        content=_read_content(value.get("content")),
    )


def _read_content(value: object) -> Content | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError("not an object")
    return Content(
        _str(value["relation"]), _str(value["category"]), _str(value["modality"]),
        _str(value["text"]),
    )  # fmt: skip


# --- the same records as plain data, with their document (spaCy's DocBin and Doc.to_bytes) --

_TEXT_FIELDS = ("id", "text", "clean")
_OPTIONAL_FIELDS = ("source", "title", "publisher", "published")


def document_record(doc: Document) -> dict[str, Any]:
    """A Document as plain data (strings, numbers, lists)."""
    return {
        **{f: getattr(doc, f) for f in _TEXT_FIELDS + _OPTIONAL_FIELDS},
        "authors": list(doc.authors),
        "photo_credits": list(doc.photo_credits),
        "boilerplate": list(doc.boilerplate),
        "credit_spans": [list(s) for s in doc.credit_spans],
        "heading_spans": [list(s) for s in doc.heading_spans],
        "cuts": [list(c) for c in doc.cuts],
    }


def read_document_record(value: object) -> Document:
    """The Document of :func:`document_record`; TypeError or ValueError on anything else."""
    if not isinstance(value, dict):
        raise TypeError("not an object")

    def pairs(x: object) -> tuple[tuple[int, int], ...]:
        return tuple((_int(a), _int(b)) for a, b in (_list(p, 2) for p in _list(x)))

    def cut(c: object) -> tuple[int, int, str]:
        a, b, what = _list(c, 3)
        return _int(a), _int(b), _str(what)

    return Document(
        **{f: _str(value[f]) for f in _TEXT_FIELDS},
        **{f: _opt_str(value[f]) for f in _OPTIONAL_FIELDS},
        authors=tuple(_str(a) for a in _list(value["authors"])),
        photo_credits=tuple(_str(a) for a in _list(value["photo_credits"])),
        boilerplate=tuple(_str(a) for a in _list(value["boilerplate"])),
        credit_spans=pairs(value["credit_spans"]),
        heading_spans=pairs(value["heading_spans"]),
        cuts=tuple(cut(c) for c in _list(value["cuts"])),
    )


def extraction_record(ex: Extraction) -> dict[str, Any]:
    """An Extraction, its document included, as plain data.

    >>> ex = Extraction(Document(id="d", text="Hi.", clean="Hi."), (), ())
    >>> read_extraction_record(extraction_record(ex)) == ex
    True
    """
    return {
        "document": document_record(ex.document),
        "mentions": [_mention(m) for m in ex.mentions],
        "assertions": [_assertion(a) for a in ex.assertions],
    }


def read_extraction_record(value: object) -> Extraction:
    """The Extraction of :func:`extraction_record`, checked as a cache entry is (values in
    range for its document); TypeError, KeyError or ValueError on anything else."""
    if not isinstance(value, dict):
        raise TypeError("not an object")
    found = Extraction(
        document=read_document_record(value["document"]),
        mentions=tuple(_read_mention(m) for m in _list(value["mentions"])),
        assertions=tuple(_read_assertion(a) for a in _list(value["assertions"])),
    )
    _check_ranges(found)
    return found
