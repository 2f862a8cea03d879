"""Per-document extraction cache: a rerun parses only the documents that changed.

Each document's :class:`~graphkit.records.Extraction` is stored under a key made of the
document (id, text and metadata) and everything that shapes its extraction: the graphkit
version, the spaCy model and its version, the ontology fingerprint and the build options.
Change any of them and the key changes, so a stale result is never used. Files are written
atomically, so a killed build leaves no half-written entry.

The default folder is ``$XDG_CACHE_HOME/graphkit`` (``~/.cache/graphkit``).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

from .io import atomic_write_bytes
from .records import Document, Extraction

#: bump when the pickled records change shape
FORMAT = 1


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "graphkit"


class ExtractionCache:
    """A folder of pickled extractions, keyed by document and build settings."""

    def __init__(self, folder: str | Path, settings: dict[str, object]) -> None:
        self.folder = Path(folder)
        self.salt = json.dumps({"format": FORMAT, **settings}, sort_keys=True)
        self.hits = 0
        self.misses = 0

    def key(self, doc: Document) -> str:
        h = hashlib.sha256(self.salt.encode())
        h.update(json.dumps(doc.metadata(), sort_keys=True, default=str).encode())
        h.update(b"\x00")
        h.update(doc.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, doc: Document) -> Extraction | None:
        path = self._path(self.key(doc))
        try:
            with path.open("rb") as fh:
                found = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            self.misses += 1
            return None
        if not isinstance(found, Extraction) or found.document != doc:
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, extraction: Extraction) -> None:
        path = self._path(self.key(extraction.document))
        atomic_write_bytes(path, pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
