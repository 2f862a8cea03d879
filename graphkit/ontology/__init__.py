"""Load the ontology, lexicons and gazetteers from ``ontology/`` (data, not code).

The files ship inside the wheel as ``graphkit/ontology``; in a source checkout they are read
from the repository's top-level ``ontology/`` folder. Extra folders given by the user extend the
built-in data: rows of the same key replace built-in rows, new rows are added.

The package's parts: ``schema`` (the records), ``model`` (the :class:`Ontology` that holds and
indexes them, frozen once loaded), ``files`` (where the data is, and its rows), the loaders of
the ``gazetteer``, the ``lexicon`` and the event ``dictionary``, and here the :data:`MANIFEST`,
one table of (files, loader, fields) that says what each data file fills.

>>> onto = load_ontology()
>>> onto.relations["airstrike"].category, onto.relations["airstrike"].cameo
('fight', '195')
>>> onto.lookup_name("the United States").key
'united_states'
>>> onto.state_of_word("Iraqi")
'iraq'
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import OntologyError
from .dictionary import _load_dictionary
from .files import builtin_dir, builtin_styles, read_styles
from .folding import normalize_name, slugify
from .gazetteer import (
    _check_part_of,
    _load_actors,
    _load_agents,
    _load_descriptions,
    _load_generic,
    _load_imported_actors,
    _load_not_actors,
    _load_offices,
    _load_org_types,
    _load_peoples,
    _load_state_codes,
    _load_state_places,
    _load_states,
    _load_titles,
)
from .lexicon import (
    _load_cues,
    _load_discards,
    _load_lexicon,
    _load_quads,
    _load_rules,
    _load_styles,
    _load_ttls,
    class_of_code,
)
from .model import Ontology
from .schema import (
    GK,
    CameoCode,
    Category,
    GazetteerActor,
    GenericHead,
    LexEntry,
    Office,
    Quad,
    RelationType,
    State,
    Styles,
    Title,
    VerbPattern,
)

__all__ = [
    "GK",
    "MANIFEST",
    "CameoCode",
    "Category",
    "GazetteerActor",
    "GenericHead",
    "LexEntry",
    "Office",
    "Ontology",
    "Quad",
    "RelationType",
    "Source",
    "State",
    "Styles",
    "Title",
    "VerbPattern",
    "builtin_dir",
    "builtin_styles",
    "class_of_code",
    "load_ontology",
    "normalize_name",
    "read_styles",
    "slugify",
]


@dataclass(frozen=True)
class Source:
    """One row of the manifest: the files of an ontology folder a loader reads (each may be
    missing), the loader, and the fields of :class:`Ontology` it fills."""

    files: tuple[str, ...]
    loader: Callable[[Ontology, Path], None]
    fields: tuple[str, ...]


#: Every data file of an ontology folder, in the order they are read (a later loader may use
#: what an earlier one filled: agents.tsv leaves the heads generic_actors.tsv has; the
#: imported actors come after actors.jsonl and sectors.tsv). The built-in folder is read
#: first, then each user folder, row by row. ``*.ttl`` is every Turtle file but shapes.ttl.
MANIFEST: tuple[Source, ...] = (
    Source(("*.ttl",), _load_ttls, ("relations", "classes")),
    Source(("lexicon.tsv",), _load_lexicon, ("lexicon",)),
    Source(("cues.tsv",), _load_cues, ("cues",)),
    Source(("states.tsv",), _load_states, ("states",)),
    Source(("actors.jsonl",), _load_actors, ("actors",)),
    Source(("generic_actors.tsv",), _load_generic, ("generic",)),
    Source(("sectors.tsv", "not_agents.tsv", "agents.tsv"), _load_agents,
           ("sectors", "not_agents", "generic")),
    Source(("descriptions.tsv",), _load_descriptions, ("descriptions",)),
    Source(("titles.tsv",), _load_titles, ("titles",)),
    Source(("offices.tsv",), _load_offices, ("offices",)),
    Source(("org_types.tsv",), _load_org_types, ("org_types", "designators")),
    Source(("peoples.tsv",), _load_peoples, ("peoples",)),
    Source(("not_actors.tsv",), _load_not_actors, ("not_actors",)),
    Source(("categories.tsv", "cameo_codes.tsv", "cameo_sets.tsv", "cameo_verbs.tsv",
            "verb_defaults.tsv", "cameo_patterns.tsv", "verb_patterns.tsv",
            "plover_overrides.tsv"), _load_dictionary,
           ("categories", "codes", "verb_codes", "verb_blocks", "verb_forms", "patterns")),
    Source(("quads.tsv",), _load_quads, ("quads", "cameo_quads")),
    Source(("discards.tsv", "discard_phrases.tsv"), _load_discards,
           ("discards", "story_discards")),
    Source(("rules.tsv",), _load_rules, ("rule_confidence", "definitional")),
    Source(("styles.tsv",), _load_styles, ("styles",)),
    Source(("state_places.tsv",), _load_state_places, ("state_places",)),
    Source(("state_codes.tsv",), _load_state_codes, ("state_codes", "state_codes_by_code")),
    Source(("phoenix_actors.tsv",), _load_imported_actors, ("actors",)),
)  # fmt: skip


def _load_dir(onto: Ontology, folder: Path) -> None:
    for source in MANIFEST:
        source.loader(onto, folder)


def _fingerprint(folders: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for folder in folders:
        for f in sorted(folder.iterdir()):
            if f.is_file() and f.suffix in {".ttl", ".tsv", ".jsonl"}:
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=8)
def _load(folders: tuple[Path, ...]) -> Ontology:
    onto = Ontology()
    for folder in folders:
        if not folder.is_dir():
            raise OntologyError(f"{folder}: ontology folder not found")
        _load_dir(onto, folder)
    # a title ("ambassador", "president") alone is graphkit's to read (titles.tsv,
    # generic_actors.tsv), not an imported agent's
    for head in [h for h, g in onto.generic.items() if g.imported and h in onto.titles]:
        del onto.generic[head]
    onto.version = _fingerprint(folders)
    onto.folders = folders
    _check_part_of(onto)
    onto.check()
    onto._index()
    onto._frozen = True
    return onto


def load_ontology(extra: Iterable[str | Path] = ()) -> Ontology:
    """The built-in ontology, extended by the files in each folder of ``extra``."""
    folders = (builtin_dir(), *(Path(p).resolve() for p in extra))
    return _load(folders)
