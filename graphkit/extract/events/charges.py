"""Charges: who makes an accusation, and whom it is against."""

from __future__ import annotations

from spacy.tokens import Token

from ...records import ActorRef
from ..claims import charge_author
from ..morph import is_definite
from .base import Extractor
from .common import _unique, lookup


class Charges(Extractor):
    """Who makes a charge and whom it accuses: a part of the event extractor."""

    def earlier_accuser(self, tok: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """Whose "the allegations" are when the phrase names no one: who, in one of the three
        sentences before, said or charged something that names one of ``exclude`` (those who
        reject it): "The U.S. said the Iranian launch violated a resolution. Iran rejected the
        allegations" -> the U.S."""
        if (
            not exclude
            or tok.lemma_.lower() not in self.onto.cue("charge")
            or not any(c.dep_ == "det" and is_definite(c) for c in tok.children)
        ):
            return []
        ctx = self.ctx
        n = ctx.sent_of[tok.i]
        for sent in reversed(ctx.sents[max(0, n - 3) : n]):
            for verb in reversed(sent):
                if verb.pos_ != "VERB" or not self._charges(verb):
                    continue
                said = [t for c in verb.children if c.dep_ not in {"nsubj", "nsubjpass"}
                        for t in c.subtree]  # fmt: skip
                # "Somalia" names the Somali government that rejects
                named = {a.key for t in said if (a := ctx.generic.actor_at(t)) is not None}
                if any(k in named or k.split("/")[0] in named for k in exclude):
                    subj = [r for r in self.subjects(verb)[0] if r.key not in exclude]
                    if subj:
                        return subj
        return []

    def _charges(self, verb: Token) -> bool:
        """A reporting verb, or one that codes an accusation (a verb of the disapprove
        category)."""
        if verb.lemma_.lower() in self.onto.cue("report"):
            return True
        entry = lookup(self.ctx, verb)
        cat = self._category(entry) if entry is not None else None
        return cat is not None and cat.name == "disapprove"

    def accused(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[ActorRef] | None:
        """Whom a charge (cue role ``charge``) is against, for an act on the charge itself
        ("an investigation into an allegation by X that Y had seized the city"): the subject
        of its content clause, or its "against" phrase's actors; never its author. None for a
        noun that is no charge."""
        if tok.lemma_.lower() not in self.onto.cue("charge"):
            return None
        found: list[ActorRef] = []
        for c in tok.children:
            if c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" for m in c.children):
                found += [
                    r for s in c.children if s.dep_ == "nsubj" for r in self.np_or_event(s)[0]
                ]
            elif c.dep_ == "prep" and c.lower_ in self.onto.cue("charged_prep"):
                found += self._phrase_actors(c, exclude)
        return _unique([r for r in found if r.key not in exclude])

    def summed_accuser(
        self, tok: Token, exclude: frozenset[str] = frozenset()
    ) -> list[ActorRef] | None:
        """Who makes a charge that names no author and sums up the clause it hangs on: the
        subject of the nearest accusing or reporting verb above it ("Kiir accused Machar of a
        coup, a charge Machar has denied": Kiir); None for a noun that is no such charge."""
        if tok.lemma_.lower() not in self.onto.cue("charge") or charge_author(self.ctx, tok):
            return None
        cur = tok
        while cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "VERB" and self._charges(cur):
                return [
                    r
                    for s in cur.children if s.dep_ == "nsubj"
                    for r in self.ctx.np_actors(s, exclude)
                ]  # fmt: skip
        return []
