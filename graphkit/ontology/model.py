"""The :class:`Ontology`: every table of the data folders, indexed for lookup and frozen once
loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OntologyError
from ..records import ActorRef, Key
from .folding import normalize_name
from .schema import (
    CameoCode,
    Category,
    GazetteerActor,
    GenericHead,
    LexEntry,
    Office,
    PatternIndex,
    Quad,
    RelationType,
    State,
    Title,
    VerbPattern,
)


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
    #: block -> its patterns indexed by a word each needs (filled on first use, per process:
    #: :func:`graphkit.extract.verbs.candidates`)
    pattern_index: dict[str, PatternIndex] = field(default_factory=dict, repr=False)
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

        >>> from graphkit.ontology import load_ontology
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

        >>> from graphkit.ontology import load_ontology
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

        >>> from graphkit.ontology import load_ontology
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

        >>> from graphkit.ontology import load_ontology
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

        >>> from graphkit.ontology import load_ontology
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
            if cat.performers and cat.performers not in self.generic:
                raise OntologyError(
                    f"categories.tsv: {cat.name}: performers {cat.performers!r} is not a head"
                    " of generic_actors.tsv"
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
