"""Typed actions: verbs and event nouns from the lexicon, with their actor arguments.

Verbal predicates take their subject from ``nsubj`` (or the ``by`` agent of a passive, or the
noun a relative clause modifies, or the controller of an infinitive or participle) and their
target from the direct object, the passive subject, or a preposition the lexicon names.
Nominal predicates ("U.S. airstrikes", "attacks by Hamas on Israel") take their agent from a
possessor, compound, demonym, ``by`` phrase or a light verb's subject ("carried out strikes"),
and their target from the lexicon's prepositions. When a subject is itself an event noun
("the strikes killed eight"), the event's agent acts; a definite event noun without an agent
("the strikes") takes the agent of the latest event of the same kind.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...records import ActorRef, Assertion
from ..context import DocContext
from ..discards import discarded_sentences
from .agents import Agents
from .assertions import Assertions
from .charges import Charges
from .common import _Pred, lookup, predicate_kind
from .nominal import Nominal
from .stances import Stances
from .targets import Targets
from .verbal import Verbal

__all__ = ["EventExtractor", "lookup", "predicate_kind"]


class EventExtractor(Nominal, Verbal, Stances, Agents, Charges, Targets, Assertions):
    """Finds lexicon predicates in a document and turns them into assertions."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.onto = ctx.onto
        self._events: list[tuple[int, str, list[ActorRef]]] = []  # (token, relation, agents)
        self._nouns: dict[str, list[int]] | None = None  # see _earlier_owner

    def predicates(self) -> Iterator[_Pred]:
        """The lexicon words of the document used as predicates, outside discarded sentences."""
        discarded = discarded_sentences(self.ctx.doc, self.ctx.sent_of, self.onto)
        for tok in self.ctx.doc:
            if discarded and self.ctx.sent_of.get(tok.i) in discarded:
                continue  # a sports result, a film: no event
            entry = lookup(self.ctx, tok)
            if entry is not None:
                yield _Pred(tok, entry)

    def extract(self) -> list[Assertion]:
        """Every assertion of the document, in a fixed order: obligations, complaints, stances
        and evaluations, receipts, then each lexicon predicate as a nominal or verbal event."""
        out: list[Assertion] = [*self.obligations(), *self.complaints()]
        adjectives = list(self._adjectives())
        out.extend(self.stances(adjectives))
        out.extend(self.evaluations(adjectives))
        preds = list(self.predicates())
        received: set[int] = set()  # verbs whose object was received from another actor
        for pred in preds:
            if predicate_kind(pred.token) == "noun":
                got = self.receipts(pred.token, pred.entry)
                if got:
                    received |= {pred.token.i, pred.token.head.i}
                out.extend(got)
        for pred in preds:
            if pred.token.i in received:
                continue  # "received weapons from X": the weapons are the act, not the receiving
            if predicate_kind(pred.token) == "noun":
                out.extend(self.nominal_event(pred.token, pred.entry))
            else:
                out.extend(self.verbal_event(pred.token, pred.entry))
        return out
