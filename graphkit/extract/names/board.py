"""The board the name rules write on: the named tokens of one document, the rule that named
each, and the read-only :class:`Names` they give.

Every rule of ``NAME_RULES`` reads and writes one :class:`Board`. A rule names tokens by
setting ``board.named[i]``; the board records which rule did (``found_by``), so every mention
can say what found it. The conflict policy is the order of the table: a later rule sees what
the earlier ones named and may rename it (:func:`claim` takes a span over, :func:`free` asks
whether a span is still unnamed).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH, LOWER
from spacy.tokens import Doc, Span

from ...ontology import Ontology
from ...records import ActorRef

ACTOR_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC"})
NOT_ACTOR_TYPES = frozenset({"Place"})


@dataclass(frozen=True)
class Names:
    """The named mentions of one document (read-only once found)."""

    #: token index -> the span of the name it is part of, and the actor the name stands for
    named: Mapping[int, tuple[Span, ActorRef]]
    #: token index -> the state whose demonym the token is part of ("Iraqi" -> iraq)
    demonym: Mapping[int, str]
    #: folded acronym -> the actor it abbreviates in this document
    acronyms: Mapping[str, ActorRef]
    #: token index of a noun a naming participle names -> that name's actor ("an elite group
    #: called the Sea Org": the group is the Sea Org)
    called: Mapping[int, ActorRef] = field(default_factory=dict)
    #: a story about sport (its headline names a competition): states' names are teams
    sport: bool = False
    #: token index -> the name rule (``NAME_RULES``) that last gave the token its name
    found_by: Mapping[int, str] = field(default_factory=dict)

    def spans(self) -> list[tuple[Span, ActorRef]]:
        """Each named mention once, in document order."""
        unique = {span.start: (span, ref) for span, ref in self.named.values()}
        return [unique[k] for k in sorted(unique)]

    def actors(self) -> list[tuple[Span, ActorRef]]:
        """The named mentions that are actors (not places), in document order."""
        return [(s, r) for s, r in self.spans() if r.type not in NOT_ACTOR_TYPES]


class Named(dict[int, tuple[Span, ActorRef]]):
    """Token index -> (the name's span, its actor), recording the rule that set each entry.

    >>> named = Named()
    >>> named.rule = "read_entities"
    >>> named[3] = ("span", "ref")
    >>> named.found_by
    {3: 'read_entities'}
    """

    def __init__(self) -> None:
        super().__init__()
        self.rule = ""
        self.found_by: dict[int, str] = {}

    def __setitem__(self, key: int, value: tuple[Span, ActorRef]) -> None:
        super().__setitem__(key, value)
        self.found_by[key] = self.rule

    def pop(self, key: int, *default: object) -> object:  # type: ignore[override]
        """Unname a token (and forget the rule that named it)."""
        self.found_by.pop(key, None)
        return super().pop(key, *default)

    @contextmanager
    def found_by_rule(self, rule: str) -> Iterator[None]:
        """Record ``rule`` for what is named inside the block (a rule another one runs)."""
        outer, self.rule = self.rule, rule
        try:
            yield
        finally:
            self.rule = outer


@dataclass
class Board:
    """What the name rules of one document share, in the order the table runs them."""

    doc: Doc
    onto: Ontology
    #: whether the story is about sport (None: the genre rule reads it from the headline)
    sport: bool | None = None
    named: Named = field(default_factory=Named)
    #: token index -> the state whose demonym the token is part of
    demonym: dict[int, str] = field(default_factory=dict)
    #: folded acronym -> the actor it abbreviates in this document
    acronyms: dict[str, ActorRef] = field(default_factory=dict)
    #: token index of a noun a naming participle names -> that name's actor
    called: dict[int, ActorRef] = field(default_factory=dict)
    #: the latest person named with more words, by the last words of the name ("Biden",
    #: "Joe Biden"): a shorter later mention is that person
    person_by_suffix: dict[tuple[str, ...], ActorRef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lex = _Lexical(self.doc)

    def names(self) -> Names:
        """The read-only names the board holds."""
        return Names(
            dict(self.named),
            self.demonym,
            self.acronyms,
            self.called,
            bool(self.sport),
            dict(self.named.found_by),
        )


class _Lexical:
    """Which tokens of a document are title case, acronyms or given words, read from the
    lexemes in one array (no Token objects made), for the rules that look for a few tokens."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.flags = doc.to_array([IS_TITLE, IS_UPPER, IS_ALPHA, LENGTH, LOWER]).reshape(-1, 5)

    def titles(self) -> list[int]:
        """Tokens in title case ("Shalev")."""
        return [int(i) for i in np.flatnonzero(self.flags[:, 0])]

    def acronyms(self) -> list[int]:
        """Tokens of two to six capital letters ("ADPL")."""
        f = self.flags
        hits = f[:, 1] & f[:, 2] & (f[:, 3] >= 2) & (f[:, 3] <= 6)
        return [int(i) for i in np.flatnonzero(hits)]

    def words(self, words: frozenset[str]) -> list[int]:
        """Tokens whose lower case is one of ``words``."""
        ids = [self.doc.vocab.strings.add(w) for w in words]
        return [int(i) for i in np.flatnonzero(np.isin(self.flags[:, 4], ids))]


def free(named: Mapping[int, tuple[Span, ActorRef]], span: Span) -> bool:
    """No word of ``span`` names an actor yet (a place may be part of an organisation's name:
    "the Municipality of Livorno")."""
    return all(t.i not in named or named[t.i][1].type == "Place" for t in span)


def claim(named: MutableMapping[int, tuple[Span, ActorRef]], span: Span, ref: ActorRef) -> None:
    """``span`` names ``ref``; a place name inside it or around it is no name of its own."""
    for t in span:
        old = named.get(t.i)
        if old is not None:
            for u in old[0]:
                named.pop(u.i, None)
    for t in span:
        named[t.i] = (span, ref)
