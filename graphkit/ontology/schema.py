"""The ontology's records: one frozen dataclass per kind of row (a relation, a lexicon entry, a
CAMEO code, a gazetteer actor, a generic head, a title, an office ...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

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

    @cached_property
    def size(self) -> int:
        """How specific the pattern is: its slots and prepositions (more wins)."""
        return (
            len(self.before) + len(self.after) + len(self.particle) + len(self.adverbs)
            + sum(1 + len(w) for _, w in self.preps)
        )  # fmt: skip

    @cached_property
    def split(
        self,
    ) -> tuple[tuple[Slot, ...], tuple[Slot, ...], tuple[tuple[str, tuple[Slot, ...]], ...]]:
        """``before``, ``after`` and ``preps`` with each slot split into its one-word
        alternatives (a set, tested against a zone's words at once) and its multi-word ones
        (padded with spaces, looked for in a zone's text), made once per pattern."""
        return (
            tuple(_split_slot(s) for s in self.before),
            tuple(_split_slot(s) for s in self.after),
            tuple((p, tuple(_split_slot(s) for s in slots)) for p, slots in self.preps),
        )


#: a pattern slot, split: its one-word alternatives and its multi-word ones (" human shield ")
Slot = tuple[frozenset[str], tuple[str, ...]]

#: a block's patterns by a word each one needs: (zone, word) -> the positions of the patterns
#: that need it, and the positions of the patterns with no such word (checked always)
PatternIndex = tuple[dict[tuple[str, str], tuple[int, ...]], tuple[int, ...]]


def _split_slot(slot: frozenset[str]) -> Slot:
    return (
        frozenset(w for w in slot if " " not in w),
        tuple(sorted(f" {w} " for w in slot if " " in w)),
    )


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
    #: the generic head whose people perform an event noun of this category that names no
    #: one who does it ("protests against X": protesters)
    performers: str = ""
    #: the act a call for an act of this category is toward that act's recipient ("called
    #: for attacks on X": a threat to X, not a demand of X); empty: the call stays a demand
    called: str = ""


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


Styles = dict[str, dict[str, list[str]]]
