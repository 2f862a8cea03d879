"""Nominal events: an event noun, its agents and its targets ("U.S. airstrikes on Kataib
Hezbollah")."""

from __future__ import annotations

from spacy.tokens import Token

from ...ontology import LexEntry
from ...records import ActorRef, Assertion
from .base import Extractor
from .common import (
    _event_phrase,
    _unique,
    lookup,
)


class Nominal(Extractor):
    """Nominal events: a part of the event extractor."""

    def nominal_event(self, tok: Token, entry: LexEntry) -> list[Assertion]:
        """The assertions of an event noun: "U.S. airstrikes on Kataib Hezbollah"."""
        if self._halted(tok):
            return []  # "suspended its mediation", "prevented a rally": no mediation, no rally
        if self._answered(tok, entry):
            return []  # "rejected a U.S. request to ...": the rejection, about it
        agents, rule = self.agents_of_event(tok, entry)
        exposed = self._exposed(tok)
        if exposed is not None:
            # "the convoy came under fire from rebels": the clause's subject is acted on
            by, on = exposed
            agents, rule = (agents, rule) if rule == "noun_event" else (by, "noun_event")
            if not agents:
                return []
            if on:
                self._events.append((tok.i, entry.relation, agents))  # "the attack" refers back
                return list(self._assert(tok, entry, agents, on, rule))
        if agents and rule != "noun_anaphora":
            self._events.append((tok.i, entry.relation, agents))
        targets = self._noun_targets(tok, entry, rule)
        if agents and not targets:
            targets = [t for t in self._backed(tok) if t not in agents]
            rule = "noun_backing" if targets else rule
        if not agents and targets and tok.dep_ not in {"dobj", "attr", "oprd"}:
            # (a verb's object has the verb's subject to perform it: "X staged protests")
            performers = self._performers(entry)
            if performers is not None and performers not in targets:
                # "protests against X": protesters protest X (categories.tsv performers)
                agents, rule = [performers], "noun_performers"
        symmetric = self.onto.relation(entry.relation).symmetric
        parties = targets if not agents else agents if not targets else []
        # "fighting between X and Y": the parties act on each other, both ways
        mutual = not agents and any(
            c.dep_ == "prep" and c.lower_ in self.onto.cue("mutual_prep") for c in tok.children
        )
        if parties is targets and not mutual:
            # "our deals with Albania and France", "talks with Iran and Iraq": those named
            # after "with" are each the counterpart of a party the sentence leaves unnamed,
            # not of each other
            parties = []
        if (symmetric or mutual) and len(parties) > 1:
            # "talks between Israel and Hamas", "Syria and Turkey held talks": the
            # parties act on each other
            out: list[Assertion] = []
            for i, t in enumerate(parties[1:], start=1):
                out.extend(self._assert(tok, entry, parties[:i], [t], "noun_mutual"))
                if not symmetric:
                    out.extend(self._assert(tok, entry, [t], parties[:i], "noun_mutual"))
            return out
        if agents and not targets and rule == "noun_errand":
            targets = self._errand_place(tok)
        if agents and not targets:
            keys = frozenset(a.key for a in agents)
            # "continuing a hunger strike in protest of X's refusal": the adjunct
            # hangs on the event noun
            targets = (
                self._noun_clause_targets(tok, entry, keys)
                or self._adjunct_targets(tok, keys)
                or self._purpose_targets(tok, entry, keys)
            )
        if agents and not targets and rule != "noun_anaphora" and self._unary(entry):
            # "began a hunger strike", "staged a demonstration in Kirkuk"
            return list(self._assert_unary(tok, entry, agents, rule))
        return list(self._assert(tok, entry, agents, targets, rule))

    def _backed(self, noun: Token) -> list[ActorRef]:
        """Whom a backing noun after "with" backs (cue roles ``backing`` and ``backing_prep``):
        the one who does the clause's act. "driven out by Chadian troops with French military
        support": the troops; "retook the town with Russian air support": who retook it."""
        prep = noun.head
        if (
            noun.dep_ != "pobj"
            or prep.lower_ not in self.onto.cue("backing_prep")
            or noun.lemma_.lower() not in self.onto.cue("backing")
        ):
            return []
        head = prep.head
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ == "pobj" and head.head.dep_ == "agent":
            return self.ctx.np_actors(head)  # "by Chadian troops with French support"
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ == "dobj":
            head = head.head  # "retook the town with Russian air support"
        if head.pos_ != "VERB":
            return []
        return self.subjects(head)[0]

    def _performers(self, entry: LexEntry) -> ActorRef | None:
        """Who performs an event noun that names no one: the people of its category's
        ``performers`` head, local to the document as the head alone is ("protesters")."""
        cat = self.onto.categories.get(self.onto.relation(entry.relation).category)
        g = self.onto.generic.get(cat.performers) if cat is not None else None
        if g is None:
            return None
        return self.ctx.generic.local(g, g.label)

    def _noun_targets(self, tok: Token, entry: LexEntry, rule: str) -> list[ActorRef]:
        """An event noun's targets: its lexicon prepositions' objects ("strikes *on X*"), and
        a light verb's dative ("sent weapons *to Ukraine*", "gave *Ukraine* weapons")."""
        targets: list[ActorRef] = []
        for c in self._target_preps(tok, entry):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                found = self.ctx.np_actors(p)
                if not found and self._through_agent(entry):
                    # "an inquiry into attacks by X", "into an allegation that X ..."
                    found = self._charged_or_phrase(p, entry, frozenset())
                targets.extend(found or self._about(p, entry) or self._place(p))
        if rule == "noun_light_verb":
            for c in tok.head.children:
                if c.dep_ != "dative":
                    continue
                if c.pos_ != "ADP":  # "gave Ukraine weapons"
                    targets.extend(self.ctx.np_actors(c))
                    continue
                for p in c.children:  # "sent weapons to Ukraine"
                    if p.dep_ == "pobj" and c.lower_ in entry.preps:
                        targets.extend(self.ctx.np_actors(p))
        return _unique(targets)

    def _exposed(self, noun: Token) -> tuple[list[ActorRef], list[ActorRef]] | None:
        """For an event noun under a verb's "under" phrase (cue roles ``exposed``,
        ``exposed_verb``: "Madaya has been under siege by government forces", "the town came
        under attack from X"): who acts, from an ``exposed_by`` phrase on the noun or the verb,
        and what is acted on, the verb's subject. None for any other event noun."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in self.onto.cue("exposed"):
            return None
        verb = prep.head
        if prep.dep_ != "prep" or verb.lemma_.lower() not in self.onto.cue("exposed_verb"):
            return None
        by_cue = self.onto.cue("exposed_by")
        agents = [
            r
            for holder in (noun, verb)
            for c in holder.children
            if c.dep_ in {"prep", "agent"} and c.lower_ in by_cue
            for p in c.children
            if p.dep_ == "pobj"
            for r in self.ctx.np_actors(p)
        ]
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        on = (self.ctx.np_actors(subj[0]) or self._place(subj[0])) if subj else []
        return _unique(agents), _unique(on)

    def _halted(self, noun: Token) -> bool:
        """An act a verb ends (cue role ``halt``: "suspended its mediation", "called off the
        talks", "halted aid") or keeps from happening (cue role ``prevent``: "prevented a
        demonstration by students", "foiled an attack by X"): the act is not going on."""
        outer = _event_phrase(noun, self.onto.cue("genitive"))
        if outer.dep_ == "compound":  # "ended its mediation efforts"
            outer = outer.head
        verb = outer.head
        return (
            outer.dep_ in {"dobj", "nsubjpass"}
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in self.onto.cue("halt") | self.onto.cue("prevent")
        )

    def _answered(self, noun: Token, entry: LexEntry) -> bool:
        """A request, call or proposal (a category that ``governs``) that is the object of an
        answer to it (a verb of a category marked ``answers``: "rejected a U.S. request",
        "accepted the demands of the protesters", "turned down calls by X"), or any act that is
        the object of a refusal ("opposed French mediation"): the answer is the event, its
        author the answer's recipient, and the request what it is about."""
        cat = self._category(entry)
        if cat is None:
            return False
        outer = _event_phrase(noun, self.onto.cue("genitive"))
        verb = outer.head
        if outer.dep_ == "pobj" and verb.head.pos_ in {"VERB", "ADJ"}:
            verb = verb.head  # "is opposed to French mediation", "objected to the talks"
        elif outer.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ != "VERB":
            return False
        answer = lookup(self.ctx, verb)
        if outer.dep_ == "pobj":
            # a predicative adjective's row ("opposed to": lexicon.tsv)
            answer = self.onto.lexicon.get((verb.lower_, "adj")) or answer
        outer_cat = self._category(answer) if answer is not None and answer.relation else None
        if outer_cat is None or not outer_cat.answers:
            return False
        # any act a refusal answers ("opposed French mediation with Syria", "rejected talks
        # with X") was proposed, not done: the category a refused act is (``refused``)
        refusals = {c.refused for c in self.onto.categories.values() if c.refused}
        return cat.governs or outer_cat.name in refusals
