"""Named mentions: which tokens of a parsed document name which actor.

:func:`find_names` runs the rules of :data:`NAME_RULES` in order over one :class:`Board` and
returns its :class:`Names`: each named token's span and actor (and the rule that named it),
the tokens that are a state's demonym ("Iraqi", "Sri Lankan"), and the acronyms a name
introduced in parentheses ("Popular Mobilisation Forces (PMF)"), which name the same actor
everywhere in the document. A name found once is a name everywhere: later occurrences of the
same capitalised words, and a person's surname alone, become mentions of it too.

The rules come in four families, each a module: ``read`` (what the NER read, mended),
``missed`` (what the NER missed, found from the words around it), ``forms`` (the other ways
a document writes a name it has found) and ``genre`` (what a name means in a kind of story).
A rule that serves one genre or one kind of text says so in its family.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from ...ontology import Ontology
from .board import ACTOR_LABELS, NOT_ACTOR_TYPES, Board, Names
from .forms import (
    acronym_mentions,
    first_names,
    first_words,
    initialisms,
    misspellings,
    parenthesised_acronyms,
    propagate,
    short_forms,
)
from .genre import team_ref, teams
from .missed import (
    agent_names,
    appositive_organisations,
    called_names,
    classed_names,
    compass_states,
    elided_conjuncts,
    kind_named,
    member_acronyms,
    sources,
    the_names,
    title_offices,
    title_organisations,
)
from .read import headline_names, listed_organisations, read_entities

__all__ = [
    "ACTOR_LABELS",
    "NAME_RULES",
    "NOT_ACTOR_TYPES",
    "Board",
    "NameRule",
    "Names",
    "find_names",
    "team_ref",
]


@dataclass(frozen=True)
class NameRule:
    """One row of the name rules: its name, the function that applies it to a board, its
    family (the module it lives in) and why it exists."""

    name: str
    function: Callable[[Board], None]
    family: str
    why: str


#: The name rules, in the order they run: a later rule sees (and may rename) what the earlier
#: ones named. docs/architecture.md prints this table.
NAME_RULES: tuple[NameRule, ...] = (
    NameRule("read_entities", read_entities, "read",
             "the NER's entities of actor labels are the names a document gives most actors"),
    NameRule("elided_conjuncts", elided_conjuncts, "missed",
             "\"North and South Korea\": the first conjunct's name is elided"),
    NameRule("member_acronyms", member_acronyms, "missed",
             "\"Frederick Fung of ADPL\": the NER misses short acronyms after a person"),
    NameRule("agent_names", agent_names, "missed",
             "\"writer Aner Shalev\": the NER misses rare names after a trade or a role"),
    NameRule("sources", sources, "missed",
             "\"according to Quantcast\": what a text cites is an actor, whatever its kind"),
    NameRule("kind_named", kind_named, "missed",
             "\"the Saudi Interior Ministry\": a name headed by a kind of organisation"),
    NameRule("the_names", the_names, "missed",
             "\"a writer for The Onion\": a capitalised article inside a sentence is a name's"),
    NameRule("called_names", called_names, "missed",
             "\"a group called the Sea Org\": the name a naming participle gives a noun"),
    NameRule("title_organisations", title_organisations, "missed",
             "\"Facebook co-founder Mark Zuckerberg\": an officer's title names the organisation"),
    NameRule("appositive_organisations", appositive_organisations, "missed",
             "\"its European division, Opel\": apposed to a part or a parent, an organisation"),
    NameRule("classed_names", classed_names, "missed",
             "\"the rebel group Seleka\": the noun before a name says what kind it is"),
    NameRule("title_offices", title_offices, "missed",
             "\"the Prime Minister's Office\": an office of a title is a government's unit"),
    NameRule("compass_states", compass_states, "missed",
             "\"the North\" where North and South Korea are named: one of the states"),
    NameRule("first_names", first_names, "forms",
             "\"Frank\" after Frank Rack: a first name alone is the one person it begins"),
    NameRule("short_forms", short_forms, "forms",
             "\"the Air Force\" after the United States Air Force: a short form of one name"),
    NameRule("first_words", first_words, "forms",
             "\"Cerberus\" after Cerberus Capital Management: the first word of one name"),
    NameRule("misspellings", misspellings, "forms",
             "narrow: \"Untied Nations\": news copy misspells names one letter off"),
    NameRule("parenthesised_acronyms", parenthesised_acronyms, "forms",
             "\"Popular Mobilisation Forces (PMF)\": an acronym is introduced once"),
    NameRule("initialisms", initialisms, "forms",
             "\"GM\" where General Motors is named: initials need no parentheses"),
    NameRule("acronym_mentions", acronym_mentions, "forms",
             "an acronym introduced once names its actor everywhere in the document"),
    NameRule("listed_organisations", listed_organisations, "read",
             "\"Ubisoft, Microsoft, and PlayStation VR\": a name listed with organisations"),
    NameRule("propagate", propagate, "forms",
             "a name found once is a name everywhere: its later mentions and a surname alone"),
    NameRule("headline_names", headline_names, "read",
             "\"Syria Agrees to Allow More Aid\": a title-case headline is no run of names"),
    NameRule("teams", teams, "genre",
             "narrow: in a story about sport, \"England beat Tunisia\" names teams"),
)  # fmt: skip


def find_names(doc: Doc, onto: Ontology, *, sport: bool | None = None) -> Names:
    """The named mentions of ``doc`` (see the module's docstring). ``sport``: whether the story
    is about sport, when ``doc`` is a part of it parsed alone (a heading); else ``doc``'s
    headline tells."""
    board = Board(doc, onto, sport)
    for rule in NAME_RULES:
        board.named.rule = rule.name
        rule.function(board)
    return board.names()
