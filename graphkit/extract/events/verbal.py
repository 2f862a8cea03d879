"""Verbal events: a lexicon verb, its subjects and its objects ("Kataib Hezbollah attacked
U.S. forces")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...ontology import LexEntry
from ...records import ActorRef, Assertion
from ..morph import is_passive
from .base import Extractor
from .common import (
    _carries_event_noun,
    _purpose,
    lookup,
)


class Verbal(Extractor):
    """Verbal events: a part of the event extractor."""

    def verbal_event(self, tok: Token, entry: LexEntry) -> list[Assertion]:
        """The assertions of a lexicon verb: "Kataib Hezbollah attacked U.S. forces"."""
        if self._complained(tok) is not None:
            return []  # "X protested that Y ...": a complaint, not a demonstration
        if self._governs_act(tok):
            return []  # "offered to support X", "is preparing to levy sanctions on X"
        if self._aim_of_act(tok):
            return []  # "staged a hunger strike to demand X's resignation": the strike
        subjects, rule = self.subjects(tok)
        if not subjects:
            # "a man was charged, police said": the police who report it
            subjects, rule = self.custodians(tok)
        if not subjects:
            # "three soldiers were killed in an attack by the militia": the attack's agents
            subjects, rule = self.means_agents(tok, entry)
        if not subjects:
            # "a roadside bomb killed three soldiers": unnamed perpetrators
            subjects, rule = self.perpetrators(tok, entry)
        if subjects:
            self._events.append((tok.i, entry.relation, subjects))
        exclude = frozenset(r.key for r in subjects)
        objects = self.objects(tok, entry, exclude)
        entry = self._subject_event(tok, entry)
        if objects:  # "called a national strike": no one to threaten, the call stays
            entry = self._called_act(tok, entry)
        role = "recipient"
        # "accused each other", "blamed one another": the parties act on each other
        each_other = not objects and self._reciprocal_object(tok)
        if not objects and subjects and not each_other:
            objects, role, rule = self._governed_objects(tok, entry, exclude, rule)
        out: list[Assertion] = []
        symmetric = self.onto.relation(entry.relation).symmetric
        # "exchanged fire", "traded accusations": each party does it to the other
        reciprocal = each_other or (
            tok.lemma_.lower() in self.onto.cue("reciprocal")
            and not any(c.dep_ == "dobj" and self.ctx.np_actors(c) for c in tok.children)
        )  # "exchanged prisoners" is no reciprocal act
        two_sided = tok.lemma_.lower() in self.onto.cue("two_sided")
        if not objects and len(subjects) > 1 and (symmetric or reciprocal or two_sided):
            # "India and Pakistan agreed to a ceasefire", "Armenia and Azerbaijan fought":
            # the conjuncts act on each other
            for i, s in enumerate(subjects[1:], start=1):
                out.extend(self._assert(tok, entry, subjects[:i], [s], "verb_mutual"))
                if (reciprocal or two_sided) and not symmetric:
                    out.extend(self._assert(tok, entry, [s], subjects[:i], "verb_mutual"))
            return out
        if reciprocal and not symmetric and objects and subjects:
            out.extend(self._assert(tok, entry, objects, subjects, "verb_mutual"))
        passive = is_passive(tok)
        if not objects and _purpose(tok):
            # "remained on alert to forestall violence", "went to X to seek support":
            # a purpose with no recipient is what the act was for, no act of its own
            return out
        if not objects and subjects and not passive and self._unary(entry):
            out.extend(self._assert_unary(tok, entry, subjects, rule))
            return out
        if not objects and subjects and not passive and self._placed(entry):
            # no recipient: where it happened, when the clause names a place
            places = self.place_of(tok, entry) or next(
                (self.place_of(c, entry) for c in tok.children if c.dep_ == "xcomp"), []
            )
            out.extend(self._assert(tok, entry, subjects, places, rule, role="place"))
            return out
        out.extend(self._assert(tok, entry, subjects, objects, rule, role=role))
        return out

    def _reciprocal_object(self, verb: Token) -> bool:
        """The verb's object is a reciprocal pronoun (cue role ``reciprocal_object``: "each
        other", "one another")."""
        phrases = self.onto.cue("reciprocal_object")
        return any(
            c.dep_ in {"dobj", "dative"} and " ".join(t.lower_ for t in c.subtree) in phrases
            for c in verb.children
        )

    def _governed_objects(
        self, tok: Token, entry: LexEntry, exclude: frozenset[str], rule: str
    ) -> tuple[list[ActorRef], str, str]:
        """A verb with no recipient of its own: "refused to deploy troops to X", "threatened
        to strike X": the act it governs names the recipient, or where it would happen; else
        a condition's party or who pressed it. Returns (objects, role, rule)."""
        objects: list[ActorRef] = []
        role = "recipient"
        for c in tok.children:
            if c.dep_ != "xcomp":
                continue
            inner = lookup(self.ctx, c)
            if inner is None:  # "agreed to re-open its borders to X": its prepositions
                objects = self.objects(c, entry, exclude)
                continue
            objects = self.objects(c, inner, exclude)
            if not objects and self._placed(inner):
                objects, role = self.place_of(c, inner), "place"
        if not objects:
            objects = self.condition_agents(tok)
            rule = "verb_threat_condition" if objects else rule
        if not objects and self._resists(entry):
            objects = self.pressed_by(tok, exclude)
        return objects, role, rule

    def _aim_of_act(self, verb: Token) -> bool:
        """A purpose clause of an act whose category says so (categories.tsv ``aims``: "opened
        fire to disperse the crowd", "began a hunger strike to demand X's resignation"): it
        says what the act was for, and the act, which takes its recipient from it, is the
        event (CAMEO and PLOVER code the demonstration, not the demand)."""
        if verb.dep_ != "advcl" or not _purpose(verb):
            return False
        head = verb.head
        if head.i == verb.i or head.pos_ != "VERB":
            return False
        if _carries_event_noun(self.ctx, head):
            entries = [
                lookup(self.ctx, c) for c in head.children
                if c.dep_ == "dobj" and self.ctx.phrases.is_event_noun(c)
            ]  # fmt: skip
        else:
            entries = [lookup(self.ctx, head)]
        cats = [self._category(e) for e in entries if e is not None and e.relation]
        return any(c is not None and c.aims for c in cats)

    def _governs_act(self, verb: Token) -> bool:
        """A verb of intent (cue role ``plan``: "offered", "is preparing", "pledged") whose
        complement is itself an act on an actor: that act, coded by the matrix act as declared
        intent, is the event, and the verb of intent codes nothing of its own ("agreed to end
        their war", with no recipient, stays the parties' agreement)."""
        if verb.lemma_.lower() not in self.onto.cue("plan"):
            return False
        own = frozenset(r.key for r in self.subjects(verb)[0])
        for c in verb.children:
            if c.dep_ != "xcomp" or c.pos_ != "VERB":
                continue
            if _carries_event_noun(self.ctx, c):
                return True  # "is preparing to impose sanctions on X": the noun is the act
            inner = lookup(self.ctx, c)
            if inner is not None and inner.relation and self.objects(c, inner, own):
                return True
        return False

    def _called_act(self, verb: Token, entry: LexEntry) -> LexEntry:
        """ "Al-Shabab called for attacks on Kenyan forces": a call (a category that
        ``governs``) for an act whose category has ``called`` is that act toward its
        recipient, a threat, not a demand of the ones to be attacked."""
        cat = self._category(entry)
        if cat is None or not cat.governs:
            return entry
        nouns = [c for c in verb.children if c.dep_ == "dobj"] + [
            p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        for noun in nouns:
            inner = lookup(self.ctx, noun) if self.ctx.phrases.is_event_noun(noun) else None
            act = self._category(inner) if inner is not None else None
            if act is not None and act.called:
                return replace(entry, relation=act.called, cameo=None)
        return entry

    def _subject_event(self, verb: Token, entry: LexEntry) -> LexEntry:
        """ "Israeli airstrikes killed five fighters": when the subject is an event noun of
        the same kind of act (categories.tsv ``family``), the noun says which act it was."""
        cat = self._category(entry)
        if cat is None or not cat.family:
            return entry
        for c in verb.children:
            if c.dep_ == "nsubj" and self.ctx.phrases.is_event_noun(c):
                noun = lookup(self.ctx, c)
                inner = self._category(noun) if noun is not None else None
                if noun is not None and inner is not None and inner.family == cat.family:
                    return replace(entry, relation=noun.relation, cameo=noun.cameo or None)
        return entry
