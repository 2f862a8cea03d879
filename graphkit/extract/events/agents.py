"""Who acts: the agents of verbs and event nouns."""

from __future__ import annotations

from spacy.tokens import Token

from ...ontology import LexEntry
from ...records import ActorRef
from ..claims import attribution
from ..morph import is_definite, is_first_person, is_passive, is_relative
from .base import Extractor
from .common import (
    _event_phrase,
    _unique,
    lookup,
)

#: the tags of a finite verb
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


class Agents(Extractor):
    """Who acts: a part of the event extractor."""

    def agents_of_event(
        self, noun: Token, entry: LexEntry | None = None
    ) -> tuple[list[ActorRef], str]:
        """Who performs a nominal event, and the rule that found them."""
        ctx = self.ctx
        agents: list[ActorRef] = []
        for c in noun.children:
            if c.dep_ in {"poss", "compound", "nmod", "amod"} and c.i < noun.i:
                if c.dep_ == "amod" and ctx.generic.patron_of(c) is not None:
                    continue
                for r in ctx.np_actors(c) if c.dep_ != "amod" else [ctx.generic.actor_at(c)]:
                    if r is not None and r.type == "Place":
                        continue  # "the Unity attacks": where, not who
                    if r is not None and r not in agents:
                        agents.append(r)
                        if c.dep_ == "amod":  # "French mediation": a mention of France
                            ctx.record(r, c, c)
            elif (
                (c.dep_ == "prep" and c.lower_ in self.onto.cue("agent_prep"))
                or c.dep_ == "agent"
                or (
                    c.lower_ in self.onto.cue("genitive")
                    and noun.lemma_.lower() in self.onto.cue("agent_of")
                )
            ):
                for p in c.children:
                    if p.dep_ == "pobj":
                        agents.extend(r for r in ctx.np_actors(p) if r not in agents)
        if not agents:
            # "the sanctions imposed by the United States", "attacks carried out by X"
            agents = _unique([
                r for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for a in c.children if a.dep_ == "agent"
                for p in a.children if p.dep_ == "pobj" for r in ctx.np_actors(p)
            ])  # fmt: skip
        if agents:
            return agents, "noun_event"
        outer = _event_phrase(noun, self.onto.cue("genitive"))
        head = outer.head
        if charged := self._charged(outer):
            return charged
        if answerable := self._answerable(outer):
            return answerable
        if outer.dep_ in {"dobj", "conj", "nsubjpass"} and head.lemma_.lower() in self.onto.cue(
            "light"
        ):
            # "carried out strikes"; "the strikes were carried out by Israel"
            subs = self.subjects(head)[0]
            if subs:
                return subs, "noun_light_verb"
        dets = [c for c in noun.children if c.dep_ == "det"]
        if (
            not dets
            and outer.dep_ == "pobj"
            and outer.head.lower_ in self.onto.cue("locative")
            and outer.head.head.pos_ in {"VERB", "NOUN"}
        ):
            # "staged a hunger strike in protest against X", "fired in retaliation": the act
            # is done by whoever does the clause's own act
            verb = outer.head.head
            while verb.pos_ == "NOUN" and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ == "VERB":
                subs = self.subjects(verb)[0]
                if not subs and verb.lemma_.lower() in self.onto.cue("light"):
                    # "Serb forces were engaged in ethnic cleansing": the one engaged does it
                    subs = [
                        r for c in verb.children if c.dep_ == "nsubjpass"
                        for r in ctx.np_actors(c)
                    ]  # fmt: skip
                if subs:
                    return subs, "noun_light_verb"
        verb = self._errand_verb(noun)
        if verb is not None:
            subs = self.subjects(verb)[0]
            if subs:  # "arrived in Amman on a visit": the visitor is who arrived
                return subs, "noun_errand"
        if any(is_definite(d, plural=True) for d in dets):
            return self._antecedent_event(noun, entry), "noun_anaphora"
        return [], ""

    def _charged(self, noun: Token) -> tuple[list[ActorRef], str] | None:
        """ "accused Azerbaijan *of attacks on civilians*", "blamed Iran for the strikes": an
        event noun after a charge preposition (cue role ``charge_prep``) of a verb whose content
        hangs off one (``content_prep``) is done by the verb's object, as its -ing clause is
        (``verb_charged``)."""
        prep = noun.head
        if (
            noun.dep_ != "pobj"
            or prep.dep_ != "prep"
            or prep.lower_ not in self.onto.cue("charge_prep")
            or prep.head.lemma_.lower() not in self.onto.cue("content_prep")
        ):
            return None
        for c in prep.head.children:
            if c.dep_ == "dobj" and (refs := self.np_or_event(c)[0]):
                return refs, "noun_charged"
        return None

    def _answerable(self, noun: Token) -> tuple[list[ActorRef], str] | None:
        """ "X was responsible for (involved in) the attacks", "X claimed responsibility for the
        attacks", "the group responsible for the attacks", "X was behind the bombing": the one
        the word of responsibility (cue roles ``responsible`` and ``responsible_prep``) is said
        of does the event. A denial or a negation ("denied responsibility for", "was not
        behind") names no one."""
        prep, cue = noun.head, self.onto.cue("responsible")
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return None
        if prep.lower_ in cue:
            word = prep  # "behind", after a copula
        elif prep.lower_ in self.onto.cue("responsible_prep") and prep.head.lemma_.lower() in cue:
            word = prep.head
        else:
            return None
        clause = word.head if word.dep_ in {"prep", "acomp", "dobj", "attr"} else word
        negation, deny = self.onto.cue("negation"), self.onto.cue("deny")
        if clause.lemma_.lower() in deny or any(
            c.dep_ == "neg" or c.lower_ in negation for t in (word, clause) for c in t.children
        ):
            return None
        if word.dep_ == "amod" or (word.dep_ == "acl" and word is clause):
            refs = self.ctx.np_actors(word.head)  # "the group responsible for the attacks"
        elif word.dep_ == "dobj":
            refs = self.subjects(clause)[0]  # "claimed responsibility for"
        else:
            subjects = {"nsubj", "nsubjpass"}
            refs = [
                r for c in clause.children if c.dep_ in subjects for r in self.np_or_event(c)[0]
            ]
        return (_unique(refs), "noun_responsible") if refs else None

    def _errand_verb(self, noun: Token) -> Token | None:
        """The verb of travel a visit or talks are the purpose of (cue roles ``errand`` and
        ``errand_prep``): "arrived in Amman *on a visit*", "flew to Moscow *for talks*"."""
        prep = noun.head
        if (
            noun.dep_ == "pobj"
            and noun.lemma_.lower() in self.onto.cue("errand")
            and prep.lower_ in self.onto.cue("errand_prep")
            and prep.head.pos_ == "VERB"
        ):
            return prep.head
        return None

    def _errand_place(self, noun: Token) -> list[ActorRef]:
        """Where the visitor went: the place of the verb of travel ("arrived in Amman", "flew
        to Moscow"), a state or a capital (which is its government)."""
        verb = self._errand_verb(noun)
        if verb is None:
            return []
        dest = self.onto.cue("locative") | self.onto.cue("errand_dest")
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in dest:
                found = self._place_in(c, actors=True)
                if found:
                    return found
        return []

    def _antecedent_event(self, noun: Token, entry: LexEntry | None) -> list[ActorRef]:
        """Agents of the latest earlier event of the same word, else relation, else category."""
        earlier = [e for e in reversed(self._events) if e[0] < noun.i]
        lemma = noun.lemma_.lower()
        tests = [lambda e: self.ctx.doc[e[0]].lemma_.lower() == lemma]
        if entry is not None:
            tests.append(lambda e: e[1] == entry.relation)
            tests.append(lambda e: self._same_category(e[1], entry.relation))
        for test in tests:
            for e in earlier:
                if test(e):
                    return e[2]
        return []

    def _same_category(self, a: str, b: str) -> bool:
        return self.onto.relation(a).category == self.onto.relation(b).category

    def np_or_event(
        self, tok: Token, exclude: frozenset[str] = frozenset()
    ) -> tuple[list[ActorRef], str | None]:
        """Actors of a noun phrase; for an event noun, the actors who performed it."""
        if self.ctx.phrases.is_event_noun(tok):
            entry = lookup(self.ctx, tok)
            if tok.lower_ in self.onto.generic and not any(
                c.dep_ == "prep" and entry is not None and c.lower_ in entry.preps
                for c in tok.children
            ):
                # "the opposition rejected", "Venezuela's opposition rejected": a noun of an
                # act that is also a group's name is the group, unless its act's preposition
                # follows ("Venezuela's opposition to the plan")
                found = self.ctx.np_actors(tok, exclude)
                if found:
                    return found, None
            agents, rule = self.agents_of_event(tok, entry)
            return agents, rule or None
        if is_first_person(tok):  # "I", "we", "us" (not "the US"): the speaker
            return self.speaker_of(tok), None
        return self.ctx.np_actors(tok, exclude), None

    def speaker_of(self, tok: Token) -> list[ActorRef]:
        """Who "I"/"we"/"us"/"our" is: the speaker of the quote or report it stands in."""
        att = attribution(self.ctx, tok)
        if att is None or is_first_person(att.speaker):
            return []
        return self.ctx.speaker_actors(att.speaker)

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[ActorRef], str]:
        """The acting subjects of a verb and the rule that found them."""
        if depth > 4:
            return [], ""
        children = list(verb.children)
        by = self.onto.cue("agent_prep")
        agents = [
            c for c in children
            if c.dep_ == "agent" or (c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in by)
        ]  # fmt: skip
        # "not by Hamas but by Hezbollah": the second "by" may hang on the first
        agents += [
            d for c in agents for d in c.children
            if d.dep_ == "conj" and d.pos_ == "ADP" and d.lower_ in by
        ]  # fmt: skip
        if agents:
            # "attacked not by government soldiers, but by rebels": the rebels; "attacked
            # not by the army": the text says only who did not
            kept = [c for c in agents if not any(n.dep_ == "neg" for n in c.children)]
            if not kept:  # "tells VOA the group was attacked not by X, but by Y": Y hung on
                kept = self._contrasted_agents(verb)  # the reporting verb
            refs = [
                r for c in kept
                for p in c.children if p.dep_ == "pobj" for r in self.np_or_event(p)[0]
            ]  # fmt: skip
            return _unique(refs), "verb_passive"
        subjects = [c for c in children if c.dep_ == "nsubj"]
        for n, c in enumerate(subjects):
            if is_relative(c) and verb.dep_ == "relcl":
                refs, _ = self.np_or_event(self.ctx.phrases.relative_antecedent(verb))
                return refs, "verb_relative"
            if is_relative(c) and self._reported_relative(verb, c):
                # "peacekeepers who he says are backing rebels": the relative word stands
                # before the reporting clause the relative clause is
                refs, _ = self.np_or_event(self.ctx.phrases.relative_antecedent(verb.head))
                return refs, "verb_relative"
            refs, rule = self.np_or_event(c)
            if refs or n == len(subjects) - 1:
                # a misparse can give a verb two subjects ("Lt. Gen. X": "Lt" and "X")
                return refs, rule or "verb_active"
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            # object control: "warned Russia not to attack", "urged Israel to stop"
            for c in verb.head.children:
                if c.dep_ == "dobj" and c.i < verb.i:
                    refs, _ = self.np_or_event(c)
                    if refs:
                        return refs, "verb_object_control"
        if is_passive(verb):
            # "before his phone was seized", "attacked the town and was repelled": a passive
            # clause's agent is in its by-phrase or unnamed, never the subject of the verb it
            # hangs on
            return [], ""
        found = self._shared_subject(verb, depth)
        if found is None:
            found = self._means_subject(verb, depth)
        if found is not None:
            return found
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            noun = self.ctx.phrases.modified(verb)
            refs, _ = self.np_or_event(noun)
            # "forces supporting X and the rebels": a conjunct after the participle is not
            # what it modifies
            later = {r.key for c in noun.conjuncts if c.i > verb.i for r in self.ctx.np_actors(c)}
            refs = [r for r in refs if r.key not in later]
            if not refs and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
                # "the PKK issued a declaration demanding ...": who issued it demands
                refs, _ = self.subjects(verb.head.head, depth + 1)
            return refs, "verb_relative"
        return [], ""

    def _shared_subject(self, verb: Token, depth: int) -> tuple[list[ActorRef], str] | None:
        """The subject a controlled, adverbial or conjoined verb shares with the verb it hangs
        on ("vowed to punish Israel", "attacked a village, killing 68"); None when it hangs
        on no verb."""
        dep, head = verb.dep_, verb.head
        if dep not in {"conj", "xcomp", "advcl"} or head.i == verb.i:
            return None
        before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
        if (dep == "advcl" and verb.tag_ in _FINITE) or (
            dep == "conj" and (before is None or before.pos_ not in {"CCONJ", "PUNCT"})
        ):
            # a finite verb hung on another with no subject of its own, or a conjunct with no
            # "and" or comma before it, is a misparse ("police estimated 1,000 supporters
            # rallied", "... marched"): whose act it is, the parse cannot tell
            return [], ""
        if dep == "advcl" and verb.tag_ == "VBG" and self._charge_item(verb):
            return [], ""
        if (
            head.pos_ == "ADJ"
            and head.dep_ == "acomp"
            and verb.dep_ == "xcomp"
            and head.lemma_.lower() in self.onto.cue("plan")
        ):
            head = head.head  # "Iran is ready to talk": the subject of "is"
        if head.pos_ in {"VERB", "AUX"}:
            passive_head = verb.dep_ == "conj" and is_passive(head)
            # "was indicted by the court and resigned": the one indicted resigned, not the
            # court (a conjunct shares the grammatical subject, not the by-agent)
            refs = [] if passive_head else self.subjects(head, depth + 1)[0]
            if not refs:
                for c in head.children:
                    if c.dep_ == "nsubjpass":
                        relative = is_relative(c) and head.dep_ == "relcl"
                        target = self.ctx.phrases.relative_antecedent(head) if relative else c
                        refs = self.ctx.np_actors(target)
            # "vowed to punish Israel", "attacked a village, killing 68", "struck and killed"
            return refs, {"xcomp": "verb_control", "advcl": "verb_adverbial"}.get(
                dep, "verb_conjunct"
            )
        return None

    def _contrasted_agents(self, verb: Token) -> list[Token]:
        """The "but by Y" after a passive's negated agent that the parse hung on the verb above
        it ("X says the group was attacked not by the army, but by rebels"; cue role
        ``contrast``)."""
        by, doc = self.onto.cue("agent_prep"), verb.doc
        return [
            c for c in verb.head.children
            if c.dep_ == "prep" and c.lower_ in by and c.i > verb.i and c.i > 0
            and doc[c.i - 1].lower_ in self.onto.cue("contrast")
        ]  # fmt: skip

    def _charge_item(self, verb: Token) -> bool:
        """Whether an -ing clause hung on a verb of charging (cue role ``content_prep``) comes
        after what it charges ("accused the U.S. of violating human rights, ignoring
        international law and ..."): the parse makes it the accuser's adverbial, but it may go
        on with the charge ("accused X of shelling Homs, killing dozens") as well as tell the
        accuser's act ("..., vowing revenge"); whose act it is, the parse cannot tell."""
        charge, head = self.onto.cue("charge_prep"), verb.head
        # the preposition hangs on the verb or on its object ("accused Syrian forces of ...")
        if head.lemma_.lower() not in self.onto.cue("content_prep"):
            return False
        objects = [c for c in head.children if c.dep_ == "dobj"]
        return any(
            c.dep_ == "prep" and c.lower_ in charge and c.i < verb.i
            and any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in c.children)
            for h in (head, *objects) for c in h.children
        )  # fmt: skip

    def _means_subject(self, verb: Token, depth: int) -> tuple[list[ActorRef], str] | None:
        """Who acts by a verb under a preposition: "retaliated *by firing*" (the subject of
        the verb it hangs on), "accused Ukraine *of shelling*" (that verb's object)."""
        if verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
            return None
        # "accused Ukraine of shelling ...", "blamed Iran for arming ...": the object of
        # the verb the preposition hangs on is the one who acts
        outer = verb.head.head
        if verb.head.lower_ in self.onto.cue("agent_prep") and outer.pos_ in {"VERB", "AUX"}:
            # "The South retaliated by firing into the north": who acts by doing it
            controlled = outer.dep_ == "xcomp" and any(
                c.dep_ == "dobj" and c.i < outer.i for c in outer.head.children
            )
            bare = (  # "helped Maduro survive": a bare infinitive under another's verb
                outer.dep_ == "ccomp"
                and outer.tag_ == "VB"
                and not any(c.dep_ in {"aux", "mark"} for c in outer.children)
            )
            if controlled or bare:
                # "leaders helped Maduro survive by jailing activists": the means may be
                # the helpers' or Maduro's; the parse cannot tell
                return [], ""
            refs, _ = self.subjects(outer, depth + 1)
            return refs, "verb_by_means"
        if verb.head.lower_ not in self.onto.cue("charge_prep"):
            return [], ""  # "defended the record whilst promising ...": not the record's act
        for c in outer.children:
            if c.dep_ == "dobj":
                refs, _ = self.np_or_event(c)
                return refs, "verb_charged"
        return [], ""

    def _earlier_owner(self, tok: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """Whose "the cuts", "the decision" is when the phrase names no one: the owner of the
        latest earlier mention of the noun that has one, by its possessive ("GM's decision") or
        as the object of an actor's verb ("Airbus announced 10,000 job cuts"); a bare mass
        noun an answer takes, in the sentence before ("The U.S. would send aid. Maduro refused to
        accept aid")."""
        ctx = self.ctx
        bare = (
            tok.tag_ == "NN"
            and not any(c.dep_ in {"det", "poss"} for c in tok.children)
            and self._answering(tok.head)
        )
        if tok.pos_ != "NOUN" or not (
            bare or any(c.dep_ == "det" and is_definite(c) for c in tok.children)
        ):
            return []
        # a bare mass noun ("refused to accept aid") looks back one sentence only
        since = ctx.sents[max(0, ctx.sent_of[tok.i] - 1)].start if bare else 0
        if self._nouns is None:  # the document's nouns by lemma, made once
            self._nouns = {}
            for t in ctx.doc:
                if t.pos_ == "NOUN":
                    self._nouns.setdefault(t.lemma_.lower(), []).append(t.i)
        earlier = [i for i in self._nouns.get(tok.lemma_.lower(), ()) if since <= i < tok.i]
        for prev in (ctx.doc[i] for i in reversed(earlier)):
            found = [r for c in prev.children if c.dep_ == "poss" for r in ctx.np_actors(c)]
            if not found and prev.dep_ == "dobj" and prev.head.pos_ == "VERB":
                found = self.subjects(prev.head)[0]
            found = [r for r in found if r.key not in exclude]
            if found:
                return _unique(found)
        return []

    def _answering(self, verb: Token) -> bool:
        """Whether ``verb``, or the verb it is the complement of, answers an offer or a request
        (its category's ``answers``): "rejected aid", "refused to accept aid" answer whoever
        offered it."""
        for v in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):  # "refused to accept"
            entry = lookup(self.ctx, v) if v.pos_ == "VERB" else None
            cat = self._category(entry) if entry is not None else None
            if cat is not None and cat.answers:
                return True
        return False

    def agents_of_phrase(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[ActorRef]:
        """Who a noun phrase that names no actor is about: its agent ("crimes committed by
        X", "claims by X") or its possessor ("the army's abuses")."""
        found: list[ActorRef] = []
        for c in tok.children:
            if c.dep_ == "poss":
                found += self.ctx.np_actors(c, exclude)
            elif c.dep_ in {"prep", "agent"} and c.lower_ in self.onto.cue("agent_prep"):
                found += self._phrase_actors(c, exclude)
            elif c.dep_ == "acl" and c.tag_ == "VBN":  # "committed by X"
                for by in c.children:
                    if by.dep_ in {"prep", "agent"} and by.lower_ in self.onto.cue("agent_prep"):
                        found += self._phrase_actors(by, exclude)
        return _unique([r for r in found if r.key not in exclude])

    def _reported_relative(self, verb: Token, relative: Token) -> bool:
        """Whether ``verb`` is the content of a reporting verb that is itself a relative clause
        whose relative word (``relative``) comes before it: "who he says are backing"."""
        report = verb.head
        return (
            verb.dep_ == "ccomp"
            and report.dep_ == "relcl"
            and report.lemma_.lower() in self.onto.cue("report")
            and relative.i < report.i
        )

    def owners(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[ActorRef]:
        """Whose a thing that is no actor is, by its of-phrase, as a possessive says it ("the
        headquarters of Hamas" as "Hamas's headquarters"), or a facility by whom it houses ("a
        camp for refugees"); a place owns nothing here ("the port of Odesa" is a place, not
        Odesa's)."""
        preps = self.onto.cue("genitive")
        if tok.lemma_.lower() in self.onto.cue("facility"):
            preps = preps | self.onto.cue("facility_prep")
        return _unique([
            r for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for r in self._phrase_actors(c, exclude) if r.type != "Place"
        ])  # fmt: skip

    def _means(self, verb: Token, entry: LexEntry) -> Token | None:
        """The noun naming how a violent act was done, where the act has no named actor: its
        subject ("a car bomb killed"), its passive agent ("killed by a roadside bomb") or its
        means preposition ("were killed in a suicide bombing"). An attack noun of the verb's
        family (lexicon) or a noun that is or has a weapon (cue role ``weapon``: "a bomb
        blast"); an explosion or a storm names no attack, and "the attack" one told of before."""
        cat = self._category(entry)
        if cat is None or not cat.family:
            return None
        nouns = [c for c in verb.children if c.dep_ == "nsubj"] + self._means_objects(verb)
        weapons, of = self.onto.cue("weapon"), self.onto.cue("genitive")
        named = of | self.onto.cue("mutual_prep")
        two_sided = self.onto.cue("two_sided")
        for noun in nouns:
            if noun.pos_ not in {"NOUN", "PROPN"} or self.ctx.np_actors(noun):
                continue
            if noun.lemma_.lower() in two_sided:
                continue  # "fighting broke out", "clashes killed 12": sides, not attackers
            if any(
                is_definite(c, plural=True) or c.dep_ == "poss" or c.lower_ in named
                for c in noun.children
            ):  # "the strikes killed", "six shells of them hit", "clashes between X and Y
                continue  # killed": whoever did it was told, not unidentified
            words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
            if any(w.lemma_.lower() in weapons for w in words):
                return noun
            if self._attack_entry(noun, cat.family) is not None:
                return noun
        return None

    def custodians(self, verb: Token) -> tuple[list[ActorRef], str]:
        """The unnamed agent of an agentless passive of custody (cue role ``custody``: "a man
        was charged with arson, police said", "three activists were detained, the security
        forces said"): the speaker who reports it, when that speaker is of a class that takes
        people into custody (cue role ``custodian``). Never with a by-agent."""
        if verb.lemma_.lower() not in self.onto.cue("custody") or not is_passive(verb):
            return [], ""
        if any(c.dep_ == "agent" for c in verb.children):
            return [], ""
        att = attribution(self.ctx, verb)
        if att is None:
            return [], ""
        classes = self.onto.cue("custodian")
        found = [r for r in self.ctx.speaker_actors(att.speaker) if r.type.lower() in classes]
        return (found, "verb_custodian") if found else ([], "")

    def means_agents(self, verb: Token, entry: LexEntry) -> tuple[list[ActorRef], str]:
        """ "Three soldiers were killed in an attack by the militia", "wounded in a Taliban
        ambush", "killed in an Israeli airstrike": an act with no subject of its own done in an
        attack of its family (as :meth:`perpetrators` reads them) is done by whoever the attack
        names as its agents, who are not unidentified. ("killed by the militia's shelling" is
        read by :meth:`subjects`, the by-phrase being the passive's agent.)"""
        cat = self._category(entry)
        if cat is None or not cat.family:
            return [], ""
        for noun in self._means_objects(verb):
            inner = self._attack_entry(noun, cat.family)
            if inner is None:
                continue
            # "killed in the attack": the attack told of before, by whoever did it
            agents, rule = self.agents_of_event(noun, inner)
            if agents and rule in {"noun_event", "noun_anaphora"}:
                return agents, "verb_means_agent"
        return [], ""

    def _means_objects(self, verb: Token) -> list[Token]:
        """The nouns of a passive verb's agent and means prepositions ("killed by a roadside
        bomb", "were killed in a suicide bombing"); none for an active verb."""
        if not is_passive(verb):
            return []
        means = self.onto.cue("means_prep")
        return [
            p for c in verb.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in means)
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip

    def _attack_entry(self, noun: Token, family: str) -> LexEntry | None:
        """The lexicon entry of ``noun`` when it is an event noun of the category family
        ``family`` (an attack for a killing), else None."""
        entry = lookup(self.ctx, noun) if self.ctx.phrases.is_event_noun(noun) else None
        inner = self._category(entry) if entry is not None else None
        return entry if inner is not None and inner.family == family else None

    def perpetrators(self, verb: Token, entry: LexEntry) -> tuple[list[ActorRef], str]:
        """The unnamed perpetrators of a violent act the text names only by its means, as an
        actor local to the document ("unidentified attackers (roadside bomb near Samarra)"): the
        act is kept, and who did it is what the text says of them. Never when the means has
        an actor ("an Israeli airstrike")."""
        noun = self._means(verb, entry)
        if noun is None:
            return [], ""
        words = [
            c for c in noun.children
            if c.i < noun.i and c.dep_ in {"compound", "amod", "nmod"} and c.pos_ != "NUM"
        ]  # fmt: skip
        first = min([noun, *(w.left_edge for w in words)], key=lambda t: t.i)
        last = noun
        for c in noun.children:
            if c.i > noun.i and c.dep_ == "prep" and c.lower_ in self.onto.cue("locative"):
                last = max(last, c.right_edge, key=lambda t: t.i)  # "near the town of Samarra"
        means = self.ctx.doc[first.i : last.i + 1].text
        ref = self.ctx.generic.unidentified(means)
        self.ctx.record(ref, first, last, alias=False)
        return [ref], "verb_unidentified"
