"""Load the ontology, lexicons and gazetteers from ``ontology/`` (data, not code).

The files ship inside the wheel as ``graphkit/ontology``; in a source checkout they are read
from the repository's top-level ``ontology/`` folder. Extra folders given by the user extend the
built-in data: rows of the same key replace built-in rows, new rows are added.

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
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import OntologyError
from .io import read_utf8
from .names import plain_name
from .records import ActorRef, Key

GK = "https://w3id.org/graphkit/ontology/0.1/"


@dataclass(frozen=True)
class RelationType:
    term: str
    label: str
    category: str
    cameo: str | None
    symmetric: bool = False
    comment: str | None = None
    #: the property's IRI in the ontology (``gk:memberOf`` for the term ``member_of``)
    iri: str = ""


@dataclass(frozen=True)
class LexEntry:
    lemma: str
    pos: str  # "verb" or "noun"
    relation: str
    preps: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()  # allowed target classes; empty = any actor
    #: the CAMEO code of this use, when it is more specific than the relation's own
    cameo: str | None = None
    #: where a dictionary pattern puts the target: "object", a preposition, or "" (anywhere)
    target: str = ""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its PLOVER category and graphkit relation."""

    code: str
    category: str  # "" or "none" when the code is not an event
    mode: str
    context: str
    relation: str
    description: str
    #: its Goldstein (1992) conflict-cooperation weight, -10 .. +10 (None: the table has none)
    goldstein: float | None = None


@dataclass(frozen=True)
class Quad:
    """One of the four quad classes event data is counted in (quads.tsv)."""

    name: str  # "verbal_cooperation"
    code: int  # 1 .. 4, as ICEWS, GDELT and POLECAT number them
    label: str  # "Verbal cooperation"


@dataclass(frozen=True)
class VerbPattern:
    """A phrase pattern of the verb dictionary: words that must stand in the subject
    (``before``) and after the verb (``after``), prepositional phrases (``preps``: the
    preposition and the words of its object), and the code the phrase gets. Each word slot is
    a set of alternatives (a dictionary synonym set such as ``&WEAPON`` is expanded)."""

    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    preps: tuple[tuple[str, tuple[frozenset[str], ...]], ...]
    target: str
    code: str
    #: words that must stand right after the verb: a multi-word verb ("ask for", "set up")
    particle: tuple[str, ...] = ()
    #: adverbs that must modify the verb, before or after it ("*verbally* attacked")
    adverbs: tuple[frozenset[str], ...] = ()

    @property
    def size(self) -> int:
        return (
            len(self.before) + len(self.after) + len(self.particle) + len(self.adverbs)
            + sum(1 + len(w) for _, w in self.preps)
        )  # fmt: skip


@dataclass(frozen=True)
class Category:
    name: str
    preps: tuple[str, ...]
    unary: bool
    standing: bool
    #: the subject of the content clause is the target ("demanded that Iraq withdraw")
    clause: bool = False
    #: the relation a declared intention to do this is ("will give aid" -> agree), if any
    intent: str = ""
    #: with no recipient, the place the clause names is the target ("shelled targets in X")
    place: bool = False
    #: actor classes that never act in this category (a company does not fight)
    not_by: tuple[str, ...] = ()
    #: the agent of an object that is no actor is the target ("investigated crimes committed
    #: by X", "condemned attacks by X", "protested against abuses by the police")
    agent: bool = False
    #: classes of a verb's direct object that are what the actor moves, not the recipient,
    #: when they belong to no one else ("deployed troops to X", "withdrew soldiers from X")
    theme: tuple[str, ...] = ()
    #: categories of one family name the same kind of act: the event noun that is a verb's
    #: subject says which of them it was ("airstrikes killed": fight, not assault)
    family: str = ""
    #: refusing it answers pressure: the one who pressed is the recipient ("declined to
    #: resign despite pressure by X")
    resist: bool = False
    #: an act near a state's border is aimed at that state ("massed tanks near the border")
    frontier: bool = False
    #: classes whose being the recipient makes an act of this family this category (an attack
    #: on civilians is assault, not fight)
    victims: tuple[str, ...] = ()
    #: classes whose force is conventional: their acts of this category stay in it, whoever
    #: the victim (police firing on protesters is fight)
    regular: tuple[str, ...] = ()
    #: the act a vowed, announced or conditional act of this category is ("would strike X":
    #: threaten); empty: such an act is no edge
    unreal: str = ""
    #: the act a refused or negated act of this category is ("refused to attend talks with X",
    #: "will not accept X": reject); empty: such an act is no edge
    refused: str = ""
    #: the act in this category's content clause is what is asked for, never an act that
    #: happened ("demanded that the militia release the hostages": no release)
    governs: bool = False
    #: a purpose clause under an act of this category is the act's aim, no event of its own
    #: ("staged a hunger strike to demand X's resignation": the strike, against X)
    aims: bool = False
    #: its verbs answer a request ("rejected a U.S. request", "accepted the demands"): the
    #: request they take as object is what the answer is about, no event of its own
    answers: bool = False


@dataclass(frozen=True)
class State:
    id: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class GazetteerActor:
    id: str
    label: str
    cls: str
    aliases: tuple[str, ...]
    part_of: str | None = None
    #: CAMEO actor code ("NGOHRI", "PSEREBHMS"), where known
    code: str = ""
    #: imported from the field's dictionaries (phoenix_actors.tsv): graphkit's own rows win
    imported: bool = False


@dataclass(frozen=True)
class GenericHead:
    head: str
    kind: str
    cls: str
    label: str
    #: an actor on its own, without a state or patron: "yes" ("militants attacked ..."),
    #: "definite" ("the army said ...", not a bare "forces"), or "no"
    alone: str = "no"
    #: part of its state ("U.S. forces" part_of United States)
    unit: bool = False
    #: its CAMEO sector code (``COP``, ``REB`` ...), where known
    sector: str = ""
    #: imported from Phoenix's agents (agents.tsv), not one of graphkit's own rows
    imported: bool = False


@dataclass(frozen=True)
class Title:
    title: str
    relation: str
    target: str


@dataclass(frozen=True)
class Office:
    """One term of an office (offices.tsv): who held ``title`` of ``state`` from ``start`` up
    to ``end`` (exclusive; ``None``: still in office on ``checked``)."""

    state: str
    title: str
    person: str
    name: str
    start: date
    end: date | None
    checked: date

    def covers(self, day: date) -> bool:
        """Whether the term is known to include ``day``.

        >>> t = Office("x", "president", "a_b", "A B", date(2020, 1, 1), None, date(2021, 1, 1))
        >>> t.covers(date(2020, 6, 1)), t.covers(date(2022, 1, 1)), t.covers(date(2019, 1, 1))
        (True, False, False)
        """
        return self.start <= day and (day < self.end if self.end else day <= self.checked)


@dataclass(eq=False)
class Ontology:
    """All ontology data, indexed for lookup during extraction."""

    relations: dict[str, RelationType] = field(default_factory=dict)
    #: the folders it was read from: the built-in one, then the user's
    folders: tuple[Path, ...] = ()
    classes: dict[str, str] = field(default_factory=dict)  # class -> label
    lexicon: dict[tuple[str, str], LexEntry] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    states: dict[str, State] = field(default_factory=dict)
    actors: dict[str, GazetteerActor] = field(default_factory=dict)
    generic: dict[str, GenericHead] = field(default_factory=dict)
    descriptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    #: peoples.tsv: ethnic and religious groups by their singular word, with a CAMEO sector
    peoples: dict[str, str] = field(default_factory=dict)
    #: (state, title) -> the terms of that office (offices.tsv)
    offices: dict[tuple[str, str], tuple[Office, ...]] = field(default_factory=dict)
    org_types: dict[str, str] = field(default_factory=dict)
    #: a company designator's spellings -> the one form they stand for ("corp." -> corporation)
    designators: dict[str, str] = field(default_factory=dict)
    #: names the NER takes for organisations or people that are not actors ("UTC")
    not_actors: set[str] = field(default_factory=set)
    #: the verb dictionary: lemma -> its default CAMEO code ("" = none, only its patterns)
    verb_codes: dict[str, str] = field(default_factory=dict)
    #: lemma -> the dictionary blocks (synonym groups) it belongs to
    verb_blocks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: irregular form -> lemma, for forms the tagger may not lemmatise
    verb_forms: dict[str, str] = field(default_factory=dict)
    #: block -> its phrase patterns, most specific first
    patterns: dict[str, tuple[VerbPattern, ...]] = field(default_factory=dict)
    codes: dict[str, CameoCode] = field(default_factory=dict)
    #: phrases whose sentence codes no event (discards.tsv: sports, entertainment)
    discards: set[str] = field(default_factory=set)
    #: the discard phrases that mark a whole story (scope ``story``: "world cup", "fifa")
    story_discards: set[str] = field(default_factory=set)
    #: the explorer's styles (styles.tsv): kind ("class", "category") -> term -> [colour, shape]
    styles: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: extraction rule -> the confidence it gives its evidence (rules.tsv)
    rule_confidence: dict[str, float] = field(default_factory=dict)
    #: rules that read what an actor is from how it is named: never a speaker's claim
    definitional: set[str] = field(default_factory=set)
    #: a state's capital or city (normalised) -> the state id: "Beirut rejected" is Lebanon's
    #: government when the place acts (state_places.tsv)
    state_places: dict[str, str] = field(default_factory=dict)
    #: state id -> (CAMEO country code, ISO 3166-1 alpha-3) (state_codes.tsv)
    state_codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: CAMEO country code -> ISO alpha-3
    state_codes_by_code: dict[str, str] = field(default_factory=dict)
    #: imported agent heads graphkit does not take (not_agents.tsv)
    not_agents: set[str] = field(default_factory=set)
    #: CAMEO sector code -> how graphkit types an agent of that sector
    sectors: dict[str, GenericHead] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    #: PLOVER category -> its quad class, as PLOVER groups them (quads.tsv)
    quads: dict[str, Quad] = field(default_factory=dict)
    #: CAMEO root code ("19") -> its quad class in CAMEO-coded data's convention (quads.tsv)
    cameo_quads: dict[str, Quad] = field(default_factory=dict)
    version: str = ""
    _names: dict[str, ActorRef] = field(default_factory=dict, repr=False)
    _demonyms: dict[str, str] = field(default_factory=dict, repr=False)
    #: org_types.tsv words as normalize_name folds them: all, and the legal forms
    _kinds: frozenset[str] = field(default_factory=frozenset, repr=False)
    _legal: frozenset[str] = field(default_factory=frozenset, repr=False)
    #: set once loaded and indexed: no field can be replaced after (the object is shared by
    #: every pipeline built with the same folders)
    _frozen: bool = field(default=False, repr=False)

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_frozen", False):
            raise AttributeError(f"the ontology is frozen once indexed: {name!r} cannot be set")
        object.__setattr__(self, name, value)

    # ------------------------------------------------------------------ lookups
    def cue(self, role: str) -> frozenset[str]:
        """Lemmas with a cue role (``report``, ``light``, ``negation`` ...)."""
        return self.cues.get(role, frozenset())

    def lookup_name(self, name: str) -> ActorRef | None:
        """The state or gazetteer actor a surface form names, if any ("News Corporation" names
        the gazetteer's News Corp: a company designator in any of its spellings)."""
        return self._names.get(normalize_name(name)) or self._names.get(
            normalize_name(self.designated(name))
        )

    def designated(self, name: str) -> str:
        """``name`` with its last word, a company designator, in the one form all its
        spellings stand for (org_types.tsv ``same_as``).

        >>> load_ontology().designated("News Corp")
        'News corporation'
        """
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in self.designators:
            words[-1] = self.designators[words[-1].lower()]
        return " ".join(words)

    def company_stem(self, name: str) -> str | None:
        """A company's name without its trailing legal forms (org_types.tsv rows with a
        ``same_as``), folded as :func:`normalize_name` folds it; None when it ends in none or
        nothing would be left.

        >>> onto = load_ontology()
        >>> onto.company_stem("General Motors Corporation")
        'general motors'
        >>> onto.company_stem("Apple, Inc."), onto.company_stem("Apple")
        ('apple', None)
        """
        words = normalize_name(name).replace(",", " ").split()
        n = len(words)
        while n > 1 and words[n - 1] in self._legal:
            n -= 1
        return " ".join(words[:n]) if n < len(words) else None

    def kind_stem(self, name: str) -> str | None:
        """The first word of an organisation's name whose other words all tell its kind or
        legal form (org_types.tsv): "Ford Motor Company" -> "ford", "Delta Airlines" ->
        "delta"; None otherwise.

        >>> onto = load_ontology()
        >>> onto.kind_stem("Freedom Magazine"), onto.kind_stem("Apple Computer")
        ('freedom', None)
        """
        words = normalize_name(name).replace(",", " ").split()
        if len(words) >= 2 and all(w in self._kinds for w in words[1:]):
            return words[0]
        return None

    def singular_kinds(self, name: str) -> str:
        """``name`` folded as :func:`normalize_name` folds it, with each plural word for a kind
        of organisation whose singular is one too in the singular: "Ford Motors" and "Ford
        Motor" are one spelling.

        >>> load_ontology().singular_kinds("Ford Motors")
        'ford motor'
        """
        words = normalize_name(name).split()
        return " ".join(
            w[:-1] if w.endswith("s") and w in self._kinds and w[:-1] in self._kinds else w
            for w in words
        )

    def is_legal_form(self, word: str) -> bool:
        """A company's legal form ("Inc.", "LLC", "N.V.": org_types.tsv rows with a
        ``same_as``).

        >>> load_ontology().is_legal_form("N.V."), load_ontology().is_legal_form("Group")
        (True, False)
        """
        return normalize_name(word) in self._legal

    def state_of_word(self, word: str) -> str | None:
        """The state id for a demonym or state name ("Iraqi", "Iranian", "U.S.")."""
        key = normalize_name(word)
        if key in self._demonyms:
            return self._demonyms[key]
        ref = self._names.get(key)
        if ref is not None and ref.type == "State":
            return ref.key
        return None

    def demonym_state(self, word: str) -> str | None:
        """The state id a demonym names ("Sri Lankan" -> "sri_lanka"), demonyms only."""
        return self._demonyms.get(normalize_name(word))

    def state_ref(self, state_id: str) -> ActorRef:
        st = self.states[state_id]
        return ActorRef(key=st.id, label=st.name, type="State", gazetteer=True)

    def actor_ref(self, actor_id: str) -> ActorRef:
        a = self.actors[actor_id]
        return ActorRef(key=a.id, label=a.label, type=a.cls, part_of=a.part_of, gazetteer=True)

    def ref(self, key: str) -> ActorRef | None:
        """The gazetteer actor or state with this id, or a state's unit (``russia/government``),
        if the ontology defines it."""
        if key in self.actors:
            return self.actor_ref(key)
        if key in self.states:
            return self.state_ref(key)
        parts = Key.parse(key)
        state, kind = parts.owner, parts.kind
        if state in self.states and kind and not parts.local:
            g = next((h for h in self.generic.values() if h.kind == kind), None)
            if g is not None:
                return ActorRef(
                    key=key,
                    label=f"{self.states[state].name} {g.label}",
                    type=g.cls,
                    part_of=state if g.unit else None,
                )
        return None

    def relation(self, term: str) -> RelationType:
        try:
            return self.relations[term]
        except KeyError:
            raise OntologyError(
                f"relation {term!r} is used but not defined in graphkit.ttl"
            ) from None

    # ------------------------------------------------------------------ building
    def _index(self) -> None:
        names: dict[str, ActorRef] = {}
        demonyms: dict[str, str] = {}
        for st in self.states.values():
            ref = ActorRef(key=st.id, label=st.name, type="State", gazetteer=True)
            for n in (st.name, *st.aliases):
                names.setdefault(normalize_name(n), ref)
            for d in st.demonyms:
                demonyms.setdefault(normalize_name(d), st.id)
        # imported actors first and never over another name; graphkit's own rows win
        for a in sorted(self.actors.values(), key=lambda a: not a.imported):
            ref = ActorRef(key=a.id, label=a.label, type=a.cls, part_of=a.part_of, gazetteer=True)
            for n in (a.label, *a.aliases):
                if a.imported:
                    names.setdefault(normalize_name(n), ref)
                else:
                    names[normalize_name(n)] = ref
        for n, ref in list(names.items()):
            names.setdefault(normalize_name(self.designated(n)), ref)
        self._names = names
        self._demonyms = demonyms
        self._kinds = frozenset(normalize_name(w) for w in self.org_types)
        self._legal = frozenset(normalize_name(w) for w in self.designators)

    def check(self) -> None:
        """Raise OntologyError when the data refers to undefined relations or classes."""
        for (lemma, pos), entry in self.lexicon.items():
            if entry.relation not in self.relations and entry.relation != "-":
                raise OntologyError(
                    f"lexicon.tsv: {lemma}/{pos} maps to undefined relation {entry.relation!r}"
                )
        for cat in self.categories.values():
            if cat.intent and cat.intent not in self.relations:
                raise OntologyError(
                    f"categories.tsv: {cat.name}: intent {cat.intent!r} is not a relation"
                )
        for cat in self.categories.values():
            if not cat.standing and cat.name not in self.quads:
                raise OntologyError(f"quads.tsv: event category {cat.name!r} has no quad class")
        for c in self.codes.values():
            if c.relation and c.relation not in self.relations:
                raise OntologyError(
                    f"cameo_codes.tsv: {c.code} maps to undefined relation {c.relation!r}"
                )
        known = set(self.classes)  # graphkit.ttl's, and those of the user's Turtle
        for a in self.actors.values():
            if a.cls not in known:
                raise OntologyError(f"actors.jsonl: {a.id} has unknown class {a.cls!r}")
        for g in self.generic.values():
            if g.cls not in known:
                raise OntologyError(f"generic_actors.tsv: {g.head} has unknown class {g.cls!r}")
            if g.alone not in {"yes", "definite", "speaker", "no"}:
                raise OntologyError(
                    f"generic_actors.tsv: {g.head}: alone must be yes, definite, speaker or no,"
                    f" not {g.alone!r}"
                )


# ---------------------------------------------------------------------- helpers
_POSSESSIVE = re.compile(r"'s$|'$")
_SPACES = re.compile(r"[\s\u2010-\u2015-]+")
_ARTICLE = re.compile(r"^(the|a|an) ")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalize_name(name: str) -> str:
    """Fold a surface form for name lookup: case, quotes, periods, a leading "the", "'s".

    >>> normalize_name("the U.S.")
    'us'
    >>> normalize_name("Iraq\u2019s")
    'iraq'
    """
    s = unicodedata.normalize("NFKC", plain_name(name)).translate(_QUOTES).casefold().strip()
    s = _POSSESSIVE.sub("", s).replace(".", "")
    s = _SPACES.sub(" ", s).strip()
    return _ARTICLE.sub("", s)


def slugify(text: str) -> str:
    """A lower-case ASCII identifier for a name; falls back to a hash for non-Latin names.

    >>> slugify("Mohammed Shia Al-Sudani")
    'mohammed_shia_al_sudani'
    >>> slugify("\u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a").startswith("x")
    True
    """
    ascii_ = unicodedata.normalize("NFKD", plain_name(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_.lower().replace("'", "")).strip("_")
    if not slug:
        slug = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return slug[:80]


def builtin_dir() -> Path:
    """Where the built-in ontology lives: inside the installed package, else the checkout."""
    packaged = resources.files("graphkit") / "ontology"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "ontology"
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


def _load_offices(onto: Ontology, folder: Path) -> None:
    """offices.tsv: the terms of offices, a user's rows added to the built-in ones."""
    p = folder / "offices.tsv"
    if not p.exists():
        return
    terms: dict[tuple[str, str], list[Office]] = {k: list(v) for k, v in onto.offices.items()}
    for row in _read_rows(p):
        state, title = row["state"], row["title"].lower()
        if state not in onto.states:
            raise OntologyError(f"{p}:{row.lineno}: state {state!r} is not in states.tsv")
        if title not in onto.titles:
            raise OntologyError(f"{p}:{row.lineno}: title {title!r} is not in titles.tsv")
        start, checked = _iso_day(row, "start"), _iso_day(row, "checked")
        assert start is not None and checked is not None
        term = Office(
            state, title, row["person"], row["name"], start, _iso_day(row, "end", False), checked
        )
        terms.setdefault((state, title), []).append(term)
    onto.offices = {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in terms.items()}


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


def _gazetteer_record(line: str, where: str) -> GazetteerActor:
    """One line of actors.jsonl, every field of its type, or an OntologyError naming it."""
    try:
        rec = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise OntologyError(f"{where}: not JSON ({exc})") from None
    if not isinstance(rec, dict):
        raise OntologyError(f"{where}: not a gazetteer record (a JSON object)")
    for name in ("id", "label", "class"):
        if not isinstance(rec.get(name), str) or not rec[name].strip():
            raise OntologyError(f"{where}: {name!r} must be a non-empty string")
    aliases = rec.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise OntologyError(f"{where}: 'aliases' must be a list of strings")
    part_of = rec.get("part_of")
    if part_of is not None and not isinstance(part_of, str):
        raise OntologyError(f"{where}: 'part_of' must be a string (an actor or state id)")
    code = rec.get("code", "")
    if not isinstance(code, str) or (code and not re.fullmatch(r"(?:[A-Z]{3})+", code)):
        raise OntologyError(f"{where}: 'code' must be a CAMEO actor code (\"YEMREB\")")
    return GazetteerActor(rec["id"], rec["label"], rec["class"], tuple(aliases), part_of, code=code)


def _check_part_of(onto: Ontology) -> None:
    """Refuse a gazetteer whose part_of links run in a circle, naming the circle."""
    for start in sorted(onto.actors):
        path = [start]
        parent = onto.actors[start].part_of
        while parent is not None and parent in onto.actors:
            if parent in path:
                circle = " -> ".join([*path[path.index(parent) :], parent])
                raise OntologyError(f"actors.jsonl: part_of runs in a circle: {circle}")
            path.append(parent)
            parent = onto.actors[parent].part_of


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower() in {"yes", "true", "1", "y"}


def _split(cell: str, sep: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(sep) if x.strip())


def _load_ttl(onto: Ontology, path: Path) -> None:
    from rdflib import OWL, RDF, RDFS, Graph, Namespace

    gk = Namespace(GK)
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser error types
        raise OntologyError(f"{path}: not valid Turtle ({exc})") from None
    for cls in g.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(GK):
            onto.classes[str(cls)[len(GK) :]] = str(g.value(cls, RDFS.label) or "")
    for prop in sorted(set(g.subjects(gk["term"], None))):
        term = g.value(prop, gk["term"])
        category = g.value(prop, gk["category"])
        if term is None or category is None:
            raise OntologyError(f"{path}: relation {prop} needs gk:term and gk:category")
        cameo = g.value(prop, gk["cameo"])
        sym = g.value(prop, gk["symmetric"])
        onto.relations[str(term)] = RelationType(
            term=str(term),
            label=str(g.value(prop, RDFS.label) or term),
            category=str(category),
            cameo=str(cameo) if cameo is not None else None,
            symmetric=bool(sym.toPython()) if sym is not None else False,
            comment=str(g.value(prop, RDFS.comment) or "") or None,
            iri=str(prop),
        )


def _load_ttls(onto: Ontology, folder: Path) -> None:
    for ttl in sorted(folder.glob("*.ttl")):
        if ttl.name == "shapes.ttl":
            continue
        _load_ttl(onto, ttl)


def _load_lexicon(onto: Ontology, folder: Path) -> None:
    p = folder / "lexicon.tsv"
    if p.exists():
        for row in _read_rows(p):
            e = LexEntry(
                row["lemma"].lower(),
                row["pos"],
                row["relation"],
                _split(row["preps"], ","),
                _split(row.get("objects") or "", ","),
            )
            onto.lexicon[(e.lemma, e.pos)] = e


def _load_cues(onto: Ontology, folder: Path) -> None:
    p = folder / "cues.tsv"
    if p.exists():
        cues: dict[str, set[str]] = {k: set(v) for k, v in onto.cues.items()}
        for row in _read_rows(p):
            cues.setdefault(row["role"], set()).add(row["cue"].lower())
        onto.cues = {k: frozenset(v) for k, v in cues.items()}


def _load_states(onto: Ontology, folder: Path) -> None:
    p = folder / "states.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.states[row["id"]] = State(
                row["id"], row["name"], _split(row["aliases"], "|"), _split(row["demonyms"], "|")
            )


def _load_actors(onto: Ontology, folder: Path) -> None:
    p = folder / "actors.jsonl"
    if p.exists():
        first: dict[str, int] = {}  # a folder may override another's actor, not its own
        for lineno, line in enumerate(_read_text(p).splitlines(), start=1):
            if line.strip():
                actor = _gazetteer_record(line, f"{p}:{lineno}")
                if actor.id in first:
                    raise OntologyError(
                        f"{p}:{lineno}: actor id {actor.id!r} again (first at line "
                        f"{first[actor.id]})"
                    )
                first[actor.id] = lineno
                onto.actors[actor.id] = actor


def _load_generic(onto: Ontology, folder: Path) -> None:
    p = folder / "generic_actors.tsv"
    if p.exists():
        for row in _read_rows(p):
            h = row["head"].lower()
            onto.generic[h] = GenericHead(
                h,
                row["kind"],
                row["class"],
                row["label"],
                alone=(row.get("alone") or "no").lower(),
                unit=_yes(row.get("unit")),
                sector=row.get("sector") or "",
            )


def _load_descriptions(onto: Ontology, folder: Path) -> None:
    p = folder / "descriptions.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.descriptions[row["noun"].lower()] = _split(row["classes"], ",")


def _load_titles(onto: Ontology, folder: Path) -> None:
    p = folder / "titles.tsv"
    if p.exists():
        for row in _read_rows(p):
            t = row["title"].lower()
            onto.titles[t] = Title(t, row["relation"], row["target"])


def _load_org_types(onto: Ontology, folder: Path) -> None:
    p = folder / "org_types.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.org_types[row["word"].lower()] = row["class"]
            if row.get("same_as"):
                onto.designators[row["word"].lower()] = row["same_as"].lower()


def _load_peoples(onto: Ontology, folder: Path) -> None:
    p = folder / "peoples.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.peoples[row["word"].lower()] = row.get("sector") or ""


def _load_not_actors(onto: Ontology, folder: Path) -> None:
    p = folder / "not_actors.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.not_actors.add(normalize_name(row["name"]))


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


def _load_quads(onto: Ontology, folder: Path) -> None:
    p = folder / "quads.tsv"
    if not p.exists():
        return
    for row in _read_rows(p):
        try:
            code = int(row["code"])
        except ValueError:
            code = 0
        if not 1 <= code <= 4:
            raise OntologyError(
                f"{row.path}:{row.lineno}: code must be 1, 2, 3 or 4, not {row['code']!r}"
            )
        quad = Quad(row["quad"], code, row["label"])
        for cat in _split(row["plover"], ","):
            onto.quads[cat] = quad
        for root in _split(row["cameo"], ","):
            onto.cameo_quads[root] = quad


def class_of_code(onto: Ontology, code: str) -> str:
    """graphkit's class for a CAMEO actor code: the first role after the actor's own prefix
    that sectors.tsv knows ("PSEREBHMS" -> REB -> ArmedGroup), else the prefix (IGO, NGO)."""
    chunks = [code[i : i + 3] for i in range(0, len(code) - 2, 3)]
    first = onto.sectors.get(chunks[0]) if chunks else None
    if first is not None and first.cls == "Company":
        # a corporation's further codes name its industry ("MNCUSAAGR", "MNCUSAHLH"): it stays
        # a company, a media company being Media
        later = {onto.sectors[c].cls for c in chunks[1:] if c in onto.sectors}
        return "Media" if "Media" in later else "Company"
    for chunk in chunks[1:]:
        if chunk in onto.sectors:
            return onto.sectors[chunk].cls
    if chunks and chunks[0] in onto.sectors:
        return onto.sectors[chunks[0]].cls
    return "Organization"


def _load_imported_actors(onto: Ontology, folder: Path) -> None:
    p = folder / "phoenix_actors.tsv"
    if not p.exists():
        return
    own = {normalize_name(n): a.id for a in onto.actors.values() for n in (a.label, *a.aliases)}
    #: imported actors by their name with its company designator in one form: Phoenix lists
    #: "News Corp" and "News Corporation" apart, and they are one actor
    designated: dict[str, str] = {}
    for row in _read_rows(p):
        known = onto.actors.get(row["id"]) or onto.actors.get(
            own.get(normalize_name(row["label"]), "")
        )
        if known is not None:
            # graphkit already knows this actor: its own row wins, and gains the code
            if not known.code and not known.imported:
                onto.actors[known.id] = replace(known, code=row["code"])
            continue
        form = normalize_name(onto.designated(row["label"]))
        same = onto.actors.get(designated.get(form, ""))
        if same is not None and same.code == row["code"]:
            onto.actors[same.id] = replace(same, aliases=(*same.aliases, row["label"]))
            continue
        designated.setdefault(form, row["id"])
        onto.actors[row["id"]] = GazetteerActor(
            row["id"], row["label"], class_of_code(onto, row["code"]),
            _split(row["aliases"], "|"), code=row["code"], imported=True,
        )  # fmt: skip


def _load_state_codes(onto: Ontology, folder: Path) -> None:
    p = folder / "state_codes.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.state_codes[row["state"]] = (row["cameo"], row["iso3"])
            onto.state_codes_by_code[row["cameo"]] = row["iso3"]


def _load_state_places(onto: Ontology, folder: Path) -> None:
    p = folder / "state_places.tsv"
    if p.exists():
        for row in _read_rows(p):
            if row["state"] in onto.states:
                onto.state_places.setdefault(normalize_name(row["place"]), row["state"])


def _load_discards(onto: Ontology, folder: Path) -> None:
    for name in ("discards.tsv", "discard_phrases.tsv"):
        p = folder / name
        if p.exists():
            for row in _read_rows(p):
                onto.discards.add(row["phrase"].lower())
                if row.get("scope") == "story":
                    onto.story_discards.add(row["phrase"].lower())


def _load_rules(onto: Ontology, folder: Path) -> None:
    p = folder / "rules.tsv"
    if not p.exists():
        return
    for row in _read_rows(p):
        try:
            confidence = float(row["confidence"])
        except ValueError:
            raise OntologyError(
                f"{p}:{row.lineno}: confidence {row['confidence']!r} is not a number"
            ) from None
        if not 0 <= confidence <= 1:
            raise OntologyError(f"{p}:{row.lineno}: confidence {confidence} is not in [0, 1]")
        onto.rule_confidence[row["rule"]] = confidence
        if _yes(row["definitional"]):
            onto.definitional.add(row["rule"])
        else:
            onto.definitional.discard(row["rule"])


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


Styles = dict[str, dict[str, list[str]]]


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


def _load_styles(onto: Ontology, folder: Path) -> None:
    p = folder / "styles.tsv"
    if p.exists():
        for kind, terms in read_styles(p).items():
            onto.styles.setdefault(kind, {}).update(terms)


def _load_agents(onto: Ontology, folder: Path) -> None:
    """Generic agents imported from Phoenix (agents.tsv), typed by their sector (sectors.tsv);
    graphkit's own generic_actors.tsv rows win."""
    p = folder / "sectors.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.sectors[row["sector"]] = GenericHead(
                "", row["kind"], row["class"], row["label"], alone=row["alone"].lower(),
                unit=_yes(row["unit"]), sector=row["sector"],
            )  # fmt: skip
    p = folder / "not_agents.tsv"
    if p.exists():
        onto.not_agents.update(row["head"].lower() for row in _read_rows(p))
    p = folder / "agents.tsv"
    if not p.exists():
        return
    for row in _read_rows(p):
        if row["head"].lower() in onto.not_agents:
            continue
        sector = onto.sectors.get(row["sector"]) or onto.sectors.get(row["sector"][:3])
        if sector is None:
            raise OntologyError(
                f"{p}: {row['head']}: sector {row['sector']!r} is not in sectors.tsv"
            )
        for head in (row["head"].lower(), *(f.lower() for f in _split(row["forms"], "|"))):
            if head not in onto.generic:
                onto.generic[head] = GenericHead(
                    head, sector.kind, sector.cls, sector.label, alone=sector.alone,
                    unit=sector.unit, sector=row["sector"], imported=True,
                )  # fmt: skip


def _load_dictionary(onto: Ontology, folder: Path) -> None:
    """The converted event dictionary (tools/convert_eventdata.py) and the categories."""
    p = folder / "categories.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.categories[row["category"]] = Category(
                row["category"],
                _split(row["preps"], ","),
                _yes(row["unary"]),
                _yes(row["standing"]),
                clause=_yes(row.get("clause")),
                intent=row.get("intent") or "",
                place=_yes(row.get("place")),
                not_by=_split(row.get("not_by") or "", ","),
                agent=_yes(row.get("agent")),
                theme=_split(row.get("theme") or "", ","),
                family=row.get("family") or "",
                resist=_yes(row.get("resist")),
                frontier=_yes(row.get("frontier")),
                victims=_split(row.get("victims") or "", ","),
                regular=_split(row.get("regular") or "", ","),
                unreal=row.get("unreal") or "",
                refused=row.get("refused") or "",
                governs=_yes(row.get("governs")),
                aims=_yes(row.get("aims")),
                answers=_yes(row.get("answers")),
            )
    p = folder / "cameo_codes.tsv"
    if p.exists():
        for row in _read_rows(p):
            onto.codes[row["code"]] = CameoCode(
                row["code"], row["category"], row["mode"], row["context"], row["relation"],
                row["description"], _weight(row, "goldstein"),
            )  # fmt: skip
    sets: dict[str, set[str]] = {}
    p = folder / "cameo_sets.tsv"
    if p.exists():
        for row in _read_rows(p):
            sets.setdefault(row["set"], set()).add(row["word"].lower())
    p = folder / "cameo_verbs.tsv"
    if p.exists():
        for row in _read_rows(p):
            lemma = row["lemma"].lower()
            if row["code"] and not onto.verb_codes.get(lemma):
                onto.verb_codes[lemma] = row["code"]
            onto.verb_codes.setdefault(lemma, "")
            blocks = onto.verb_blocks.get(lemma, ())
            if row["block"] not in blocks:
                onto.verb_blocks[lemma] = (*blocks, row["block"])
            for form in _split(row["forms"], "|"):
                onto.verb_forms.setdefault(form.lower(), lemma)
    p = folder / "verb_defaults.tsv"
    if p.exists():  # graphkit's own (or the user's) default codes win over imported ones
        for row in _read_rows(p):
            lemma = row["lemma"].lower()
            onto.verb_codes[lemma] = row["code"]
            onto.verb_blocks.setdefault(lemma, ())
    found: dict[str, list[VerbPattern]] = {k: list(v) for k, v in onto.patterns.items()}
    for name, own in (("cameo_patterns.tsv", False), ("verb_patterns.tsv", True)):
        p = folder / name
        if not p.exists():
            continue
        for row in _read_rows(p):
            # graphkit's own patterns form a block of their own, "=lemma", tried first
            block = "=" + row["verb"].lower() if own else row["block"]
            if own and block not in onto.verb_blocks.get(row["verb"].lower(), ()):
                lemma = row["verb"].lower()
                onto.verb_blocks[lemma] = (block, *onto.verb_blocks.get(lemma, ()))
                onto.verb_codes.setdefault(lemma, "")

            def slots(cell: str) -> tuple[frozenset[str], ...]:
                return tuple(_slot(w, sets) for w in cell.split())

            preps = []
            for group in _split(row["preps"], ";"):
                prep, _, words = group.partition(":")
                preps.append((prep.strip(), slots(words)))
            found.setdefault(block, []).append(
                VerbPattern(
                    slots(row["before"]),
                    slots(row["after"]),
                    tuple(preps),
                    row["target"],
                    row["code"],
                    particle=tuple(row.get("particle", "").split()),
                    adverbs=slots(row.get("adverb") or ""),
                )
            )
    onto.patterns = {k: tuple(sorted(v, key=lambda pat: -pat.size)) for k, v in found.items()}


def _slot(word: str, sets: dict[str, set[str]]) -> frozenset[str]:
    """One pattern slot: a set's words, or a word (multi-word joined by "_"), or alternatives
    of these separated by "|"."""
    out: set[str] = set()
    for alt in word.split("|"):
        if alt.startswith("&"):
            out.update(sets.get(alt, ()))
        elif alt:
            out.add(alt.replace("_", " ").lower())
    return frozenset(out)


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
