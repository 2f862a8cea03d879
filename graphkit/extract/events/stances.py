"""Obligations, complaints, receipts, and the stances and evaluations adjectives state."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from ...ontology import LexEntry
from ...records import ActorRef, Assertion
from ..claims import attribution
from .base import Extractor
from .common import (
    _unique,
)


class Stances(Extractor):
    """Obligations, complaints, receipts, stances and evaluations: a part of the event
    extractor."""

    def obligations(self) -> Iterator[Assertion]:
        """ "X said (that) Y must withdraw": a speaker who says another actor must act demands
        it of that actor (cue roles ``report`` and ``obligation``)."""
        ctx, cues = self.ctx, self.onto
        entry = LexEntry(lemma="", pos="verb", relation="demand")
        for tok in ctx.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.cue("report"):
                continue
            for clause in tok.children:
                if clause.dep_ != "ccomp" or not any(
                    c.dep_ == "aux" and c.lower_ in cues.cue("obligation") for c in clause.children
                ):
                    continue
                speakers, rule = self.subjects(tok)
                exclude = frozenset(r.key for r in speakers)
                targets = [
                    r
                    for c in clause.children
                    if c.dep_ in {"nsubj", "nsubjpass"}
                    for r in ctx.np_actors(c, exclude)
                    if r.key not in exclude
                ]
                if rule:
                    yield from self._assert(tok, entry, speakers, targets, "verb_obligation")

    def _complained(self, verb: Token) -> Token | None:
        """The clause a complaint is about (cue role ``complain``): "X complained that Y ...",
        or "Y is failing ..., X protested" (the parser hangs the complaint on the clause)."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.onto.cue("complain"):
            return None
        for c in verb.children:
            if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}:
                return c
        if verb.dep_ == "parataxis" and verb.i > verb.head.i and verb.head.pos_ in {"VERB", "AUX"}:
            return verb.head
        return None

    def complaints(self) -> Iterator[Assertion]:
        """ "Kenya complained that Somalia was arming the militias": a complaint is the
        speaker's disapproval of the actor its content is about, the subject of the clause;
        what the clause says is the speaker's claim (cue roles ``complain`` and ``report``)."""
        ctx = self.ctx
        entry = LexEntry(lemma="", pos="verb", relation="disapprove")
        for tok in ctx.doc:
            clause = self._complained(tok)
            if clause is None:
                continue
            speakers, rule = self.subjects(tok)
            exclude = frozenset(r.key for r in speakers)
            targets = [
                r for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                for r in ctx.np_actors(c, exclude) if r.key not in exclude
            ]  # fmt: skip
            if rule:
                yield from self._assert(tok, entry, speakers, targets, "verb_complaint")

    def _receiver(self, noun: Token) -> Token | None:
        """The verb of "received loans from X", when ``noun`` is its object."""
        verb = noun.head
        if noun.dep_ == "dobj" and verb.lemma_.lower() in self.onto.cue("receive"):
            return verb
        return None

    def receipts(self, noun: Token, entry: LexEntry) -> list[Assertion]:
        """ "Chrysler will receive loans from Canada": the act the object names is done by the
        actor of the ``from`` phrase (of the verb or of the noun) to the verb's subject (cue
        roles ``receive`` and ``source_prep``)."""
        verb = self._receiver(noun)
        if verb is None:
            return []
        source = self.onto.cue("source_prep")
        givers = _unique([
            r for head in (verb, noun) for c in head.children
            if c.dep_ == "prep" and c.lower_ in source
            for r in self._phrase_actors(c, frozenset())
        ])  # fmt: skip
        receivers, _ = self.subjects(verb)
        if not givers or not receivers:
            return []
        self._events.append((noun.i, entry.relation, givers))
        return list(self._assert(noun, entry, givers, receivers, "noun_received"))

    def _adjectives(self) -> Iterator[tuple[Token, LexEntry, bool]]:
        """The adjectives of the lexicon (rows of pos ``adj``) that head a predicate, with
        whether they are passive participles ("is opposed to" parses as one as often as an
        adjective)."""
        lex = self.onto.lexicon
        for tok in self.ctx.doc:
            if tok.dep_ not in {"acomp", "ROOT", "ccomp", "conj"}:
                continue
            judged = lex.get((tok.lemma_.lower(), "judge")) if tok.pos_ == "VERB" else None
            if judged is not None:  # "said the move violated (undermines) X": a judgement
                yield tok, judged, False
                continue
            stative = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
            adjective = tok.pos_ == "ADJ" or (tok.tag_ == "VBN" and tok.dep_ == "acomp")
            if adjective or stative:
                entry = lex.get((tok.lemma_.lower(), "adj")) or lex.get((tok.lower_, "adj"))
                if entry is not None:
                    yield tok, entry, stative

    def stances(self, adjectives: list[tuple[Token, LexEntry, bool]]) -> Iterator[Assertion]:
        """ "Israel is opposed to French mediation", "China is critical of Japan": the
        adjective's holder acts toward the actor its preposition names, or whose act it names
        (lexicon rows of pos ``adj`` with prepositions)."""
        ctx = self.ctx
        for tok, entry, stative in adjectives:
            # "is concerned by X" parses its by-phrase as a passive's agent
            preps = [
                c for c in tok.children if c.dep_ in {"prep", "agent"} and c.lower_ in entry.preps
            ]
            if not preps or not (stative or tok.dep_ == "acomp"):
                continue
            clause = tok if stative else tok.head
            holders = _unique([
                r for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                for r in ctx.np_actors(c)
            ])  # fmt: skip
            exclude = frozenset(r.key for r in holders)
            targets: list[ActorRef] = []
            for p in (p for c in preps for p in c.children if p.dep_ == "pobj"):
                found = [r for r in ctx.np_actors(p, exclude) if r.key not in exclude]
                targets += found or self.agents_of_event(p)[0]
            targets = [r for r in _unique(targets) if r.key not in exclude]
            yield from self._assert(tok, entry, holders, targets, "adj_predicate")

    def evaluations(self, adjectives: list[tuple[Token, LexEntry, bool]]) -> Iterator[Assertion]:
        """ "'GM's behaviour is unacceptable,' said Bruederle", "'We are shocked that the Air
        Force tapped a European company,' Murray said": a speaker's evaluative adjective
        (lexicon rows of pos ``adj`` without prepositions) about an actor, its conduct or what
        it did is the speaker's own act toward that actor, told in the document's voice."""
        ctx = self.ctx
        for tok, entry, _ in adjectives:
            if any(c.dep_ == "prep" and c.lower_ in entry.preps for c in tok.children):
                continue  # a stance (see stances)
            att = attribution(ctx, tok)
            if att is None:
                continue
            speakers = ctx.speaker_actors(att.speaker)
            exclude = frozenset(r.key for r in speakers)
            targets = self._evaluated(tok, exclude)
            for a in self._assert(tok, entry, speakers, targets, "adj_evaluation"):
                yield replace(a, attributed_to=None, claim=None)

    def _evaluated(self, adj: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """Whom an evaluative adjective is about: its clause's subject when that is an actor,
        else whose the subject is ("GM's behaviour"); for a speaker's own feeling ("we are
        shocked that X …"), the actors of the clause it is about."""
        ctx = self.ctx
        clause = adj.head if adj.dep_ == "acomp" else adj
        found: list[ActorRef] = []
        for c in clause.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON":
                found = [r for r in ctx.np_actors(c, exclude) if r.key not in exclude]
                found = found or self.agents_of_phrase(c, exclude) or self.owners(c, exclude)
                if not found and adj.pos_ == "VERB":  # "said the Ukrainian strike violated"
                    found = [r for r in self.agents_of_event(c)[0] if r.key not in exclude]
        if found:
            return found
        for head in (adj, clause):
            for c in head.children:
                if c.dep_ in {"ccomp", "advcl"}:
                    for s in c.children:
                        if s.dep_ in {"nsubj", "nsubjpass"}:
                            found += [r for r in ctx.np_actors(s, exclude) if r.key not in exclude]
        return _unique(found)
