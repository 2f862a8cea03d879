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
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..ontology import Category, LexEntry, RelationType, normalize_name
from ..records import ActorRef, Assertion, Content
from .claims import attribution, charge_denier, clause_verb, declared_intent, modality
from .context import DocContext
from .discards import discarded_sentences
from .morph import is_definite, is_first_person, is_passive, is_relative, relative_adverb
from .verbs import NOT_AN_EVENT, base_forms, dictionary_entry

NOMINAL_DEPS = {
    "nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "npadvmod", "oprd",
    "dative", "poss", "conj",
}  # fmt: skip


@dataclass(frozen=True)
class _Pred:
    token: Token
    entry: LexEntry


def predicate_kind(tok: Token) -> str:
    """Whether a lexicon word is used as a verb or a noun here (taggers mislabel "airstrikes")."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        return "noun"
    if tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS - {"conj"} and tok.tag_ in {"NNS", "VBZ"}:
        return (
            "noun" if not any(c.dep_ in {"nsubj", "dobj", "aux"} for c in tok.children) else "verb"
        )
    return "verb" if tok.pos_ in {"VERB", "AUX"} else "other"


def lookup(ctx: DocContext, tok: Token) -> LexEntry | None:
    """The lexicon entry of a predicate: graphkit's own lexicon row, else (for verbs) the
    verb dictionary's code for the verb in this sentence."""
    if tok.i in ctx.lexicon_cache:
        return ctx.lexicon_cache[tok.i]
    kind = predicate_kind(tok)
    entry: LexEntry | None = None
    if kind == "verb" and tok.dep_ == "acl" and tok.lemma_.lower() in ctx.onto.cue("naming"):
        kind = "other"  # "a group called the Sea Org": a name, not a call
    if kind != "other":
        lex = ctx.onto.lexicon
        compound: LexEntry | None = None
        if kind == "noun":
            # a compound names the event first: "hunger strike", "air strike"; or says there
            # is none: "press release" (relation "-")
            for c in tok.children:
                if c.dep_ == "compound" and c.i == tok.i - 1:
                    compound = lex.get((f"{c.lower_} {tok.lemma_.lower()}", kind))
        if compound is not None and compound.relation == "-":
            ctx.lexicon_cache[tok.i] = None
            return None
        entry = compound or lex.get((tok.lemma_.lower(), kind)) or lex.get((tok.lower_, kind))
        if kind == "verb" and not _carries_event_noun(ctx, tok):
            # graphkit's own phrase patterns, then its lexicon rows, then the verb dictionary
            # ("defeated the incumbent": graphkit's own row may say the phrase is no event)
            own = dictionary_entry(tok, ctx.onto, own_only=True)
            entry = None if own is NOT_AN_EVENT else own or entry or dictionary_entry(tok, ctx.onto)
    ctx.lexicon_cache[tok.i] = entry
    return entry


def _carries_event_noun(ctx: DocContext, verb: Token) -> bool:
    """A light verb whose object is an event noun ("imposed a curfew", "launched an
    investigation"): the noun is the event, and the verb codes nothing of its own."""
    if verb.lemma_.lower() not in ctx.onto.cue("light"):
        return False
    return any(c.dep_ == "dobj" and ctx.phrases.is_event_noun(c) for c in verb.children)


class EventExtractor:
    """Finds lexicon predicates in a document and turns them into assertions."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.onto = ctx.onto
        self._events: list[tuple[int, str, list[ActorRef]]] = []  # (token, relation, agents)
        self._nouns: dict[str, list[int]] | None = None  # see _earlier_owner

    # ---------------------------------------------------------------- arguments
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
            for c in noun.children:
                if c.dep_ == "acl" and c.tag_ == "VBN":
                    for a in c.children:
                        if a.dep_ == "agent":
                            agents.extend(
                                r for p in a.children if p.dep_ == "pobj"
                                for r in ctx.np_actors(p) if r not in agents
                            )  # fmt: skip
        if agents:
            return agents, "noun_event"
        outer = _event_phrase(noun, self.onto.cue("genitive"))
        head = outer.head
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
        for c in children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        refs, _ = self.np_or_event(p)
                        return refs, "verb_passive"
        subjects = [c for c in children if c.dep_ == "nsubj"]
        for n, c in enumerate(subjects):
            if is_relative(c) and verb.dep_ == "relcl":
                refs, _ = self.np_or_event(self.ctx.phrases.relative_antecedent(verb))
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
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            head = verb.head
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
                    verb.dep_, "verb_conjunct"
                )
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
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
            for c in outer.children:
                if c.dep_ == "dobj":
                    refs, _ = self.np_or_event(c)
                    return refs, "verb_charged"
            return [], ""
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            refs, _ = self.np_or_event(verb.head)
            if not refs and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
                # "the PKK issued a declaration demanding ...": who issued it demands
                refs, _ = self.subjects(verb.head.head, depth + 1)
            return refs, "verb_relative"
        return [], ""

    def objects(
        self,
        verb: Token,
        entry: LexEntry,
        exclude: frozenset[str] = frozenset(),
        nested: bool = False,
    ) -> list[ActorRef]:
        """The actors a verb acts on; ``exclude`` are its subjects, which a pronoun in the
        object does not refer back to."""
        ctx = self.ctx
        refs: list[ActorRef] = []
        children = list(verb.children)
        passive = is_passive(verb)
        # a light verb's event noun is the act, not its target ("signed an agreement"); so is
        # the noun a dictionary phrase names ("issued a demand", "rejected calls")
        light = verb.lemma_.lower() in self.onto.cue("light") or entry.cameo is not None
        cat = self._category(entry)
        theme = cat.theme if cat is not None else ()
        travel = self._travels(verb)  # "arrived at her apartment" met no one
        for c in children:
            if passive and c.dep_ == "nsubjpass":
                target = verb.head if is_relative(c) and verb.dep_ == "relcl" else c
                found = ctx.np_actors(target, exclude)
                if not found and self._placed(entry):
                    found = self._place(target)  # "Kirkuk was shelled"
                # "a camp for refugees was attacked", "the offices of X were stormed"
                refs.extend(found or self._about(target, entry, exclude))
            elif c.dep_ in {"dobj", "dative"}:
                found, _ = self.np_or_event(c, exclude)
                if not found and c.dep_ == "dobj" and self._placed(entry):
                    found = self._place(c)  # "shelled Kirkuk": where, for an act on a place
                if c.dep_ == "dobj" and theme:
                    # "withdrew soldiers from X": forces of no one else are what moves
                    found = [r for r in found if r.type not in theme or r.part_of is not None]
                if not found:  # "investigated crimes committed by X", "struck X's offices"
                    found = self._about(c, entry, exclude)
                if c.dep_ == "dobj" and light and ctx.phrases.is_event_noun(c):
                    # "signed an agreement": the noun is the act, not its target; whoever else
                    # made it is ("accepted the demands of the protesters")
                    found = [r for r in found if r.key not in exclude]
                refs.extend(found)
            elif c.dep_ == "prep" and c.lower_ in entry.preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        if travel and not self._names_actor(p):
                            continue  # "arrived at her apartment": her place, not her
                        if p.lemma_.lower() in self.onto.cue("backing"):
                            continue  # "with French support": an ally, not the one acted on
                        found, _ = self.np_or_event(p, exclude)
                        refs.extend(found or self._about(p, entry, exclude) or self._place(p))
        if not refs and verb.dep_ == "relcl" and not passive and not relative_adverb(verb):
            subj = [c for c in children if c.dep_ == "nsubj"]
            if subj and not is_relative(subj[0]):
                refs.extend(ctx.np_actors(verb.head))  # "the militants that U.S. forces killed"
        refs = [r for r in refs if r.key not in exclude]  # "closed its borders": not itself
        if not refs and not passive:
            refs = self._indirect_objects(verb, entry, exclude, nested)
        return _unique(refs)

    def _indirect_objects(
        self, verb: Token, entry: LexEntry, exclude: frozenset[str], nested: bool = False
    ) -> list[ActorRef]:
        """Targets a verb reaches through its object phrase or complement, when it has no
        actor as object: the subject of a demanded clause ("demanded that Iraq withdraw",
        "its demand that Israel ease ..."), the author of a rejected or accepted proposal
        ("rejected calls by Kofi Annan", "dismissed an appeal from X", "a UN appeal"), a
        recipient on the object noun ("threatened action against Russia"), or the target of
        an infinitive ("threatened to cut off electricity to X")."""
        ctx = self.ctx
        cat = self._category(entry)
        preps = set(entry.preps) | self.onto.cue("recipient")
        # on the verb itself, "from" is where the actor came from unless the verb's row or its
        # category names it ("seized weapons from X")
        named = set(entry.preps) | set(cat.preps if cat is not None else ())
        away = self.onto.cue("origin") - named
        verb_preps = preps - away
        if cat is not None and cat.clause:
            for clause in _content_clauses(verb):
                for c in clause.children:
                    if c.dep_ in {"nsubj", "nsubjpass"}:
                        found, _ = self.np_or_event(c, exclude)
                        if found:
                            return found
        heads = [c for c in verb.children if c.dep_ == "dobj"]
        # "called for sanctions against Nigeria": the object of the verb's own preposition
        pobjs = [
            p for c in verb.children
            if c.dep_ == "prep"
            and (c.lower_ in verb_preps or (c.i == verb.i + 1 and c.lower_ not in away))
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip
        travel = self._travels(verb)
        if travel:
            pobjs = []  # "went to the sheriff's station": the station's owner is met by no one
        for c in heads + pobjs:
            # an author ("calls by X") only of the verb's own object, never of an adjunct
            # ("recognised as an agency by Iraq's government")
            authors = self.onto.cue("author") if c in heads else frozenset()
            for d in c.children:
                if d.dep_ in {"poss", "compound", "nmod"} and d.i < c.i:
                    found = [r for r in ctx.np_actors(d, exclude) if r.key not in exclude]
                elif d.dep_ == "amod" and d.i < c.i:
                    ref = ctx.generic.actor_at(d)
                    found = [ref] if ref is not None and ref.key not in exclude else []
                elif d.dep_ in {"prep", "agent"} and d.lower_ in preps | authors:
                    found = self._phrase_actors(d, exclude)
                    if not found and d.lower_ in self.onto.cue("genitive"):
                        # "called for consideration of sanctions against officials in X":
                        # the recipient of the act the "of" phrase names
                        found = [
                            r for p in d.children if p.dep_ == "pobj"
                            for e in p.children
                            if e.dep_ == "prep" and e.lower_ in preps - {d.lower_}
                            for r in self._phrase_actors(e, exclude)
                        ]  # fmt: skip
                elif d.dep_ in {"relcl", "acl"} and d.i > c.i and lookup(ctx, d) is None:
                    found = self._clause_party(d, exclude)  # "a deal to sell Opel to Magna"
                elif d.dep_ == "prep" and c in heads and d.i > c.i:
                    # "seeks $16 billion in loans from the government": the amount's noun
                    # carries the preposition
                    found = [
                        r for p in d.children if p.dep_ == "pobj"
                        for e in p.children
                        if e.dep_ == "prep" and e.lower_ in preps
                        for r in self._phrase_actors(e, exclude)
                    ]  # fmt: skip
                else:
                    continue
                if found:
                    return found
        if not nested and not travel:  # one clause down at most; a trip's purpose meets no one
            for c in verb.children:
                purpose = c.dep_ == "advcl" and any(
                    d.dep_ == "aux" and d.tag_ == "TO" for d in c.children
                )  # "opened fire to disperse demonstrators"
                if (c.dep_ == "xcomp" or purpose) and c.pos_ == "VERB":
                    own = lookup(ctx, c)
                    found = self._clause_party(c, exclude) if own is None else []
                    found = found or self.objects(c, own or entry, exclude, nested=True)
                    if found:
                        return found
        for c in verb.children:
            # "cut off electricity to X": a recipient preposition on the verb itself
            if c.dep_ in {"prep", "dative"} and c.lower_ in verb_preps:
                if travel and not any(self._names_actor(p) for p in c.children):
                    continue
                found = self._phrase_actors(c, exclude)
                if found:
                    return found
        return []

    def _travels(self, verb: Token) -> bool:
        """A verb of going somewhere (cue role ``travel``): whose place one went to is not
        whom one met ("arrived at her apartment"), nor is its purpose's party."""
        return verb.lemma_.lower() in self.onto.cue("travel")

    def _names_actor(self, tok: Token) -> bool:
        """Whether a phrase's head itself names an actor ("Moscow", "the police", "her"), not
        only its possessor or modifier does ("her apartment", "the sheriff's station")."""
        generic = self.ctx.generic
        return (
            tok.pos_ in {"PROPN", "PRON"}
            or generic.actor_at(tok) is not None
            or generic.head_row(tok) is not None  # "went to the police"
        )

    def _clause_party(self, clause: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """The other party an infinitive that is no event of its own names in its recipient
        preposition ("cancelled a deal *to sell Opel to Magna*"): what it moves, its object,
        is the thing at stake, not the party."""
        if not any(d.dep_ == "aux" and d.tag_ == "TO" for d in clause.children):
            return []
        return [
            r for d in clause.children
            if d.dep_ in {"prep", "dative"} and d.lower_ in self.onto.cue("recipient")
            for r in self._phrase_actors(d, exclude)
        ]  # fmt: skip

    def _phrase_actors(self, prep: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """The actors a prepositional phrase names, other than ``exclude``."""
        return [
            r for p in prep.children if p.dep_ == "pobj"
            for r in self.ctx.np_actors(p, exclude) if r.key not in exclude
        ]  # fmt: skip

    def _target_preps(self, noun: Token, entry: LexEntry) -> list[Token]:
        """Prepositions naming a nominal event's target: on the noun, or (a common misparse)
        on the ``by`` agent phrase: "attacks by Hamas on Israel"."""
        outer = _event_phrase(noun, self.onto.cue("genitive"))
        preps = [
            c for t in {noun, outer} for c in t.children
            if c.dep_ == "prep" and c.lower_ in entry.preps
        ]  # fmt: skip
        of = self.onto.cue("genitive")
        for c in [c for t in {noun, outer} for c in t.children if c.dep_ == "prep"]:
            # "a suspension of air links with Serbia", "the withdrawal of forces from Panama":
            # one step into the "of" phrase
            if c.lower_ in of:
                for p in c.children:
                    preps += [d for d in p.children if d.dep_ == "prep" and d.lower_ in entry.preps]
        noun = outer
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.onto.cue("light"):
            # "sent weapons to Ukraine", "carried out strikes against the PKK"
            preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in entry.preps]
        for by in noun.children:
            if by.dep_ in {"prep", "agent"} and by.lower_ in self.onto.cue("agent_prep"):
                for t in by.subtree:
                    if t.dep_ == "prep" and t.lower_ in entry.preps and t.head.i != by.i:
                        preps.append(t)
        return preps

    def condition_agents(self, verb: Token) -> list[ActorRef]:
        """For threats: the actor whose conduct the condition names ("if U.S. strikes continue")."""
        for tok in verb.subtree:
            if tok.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.onto.cue("condition") for c in tok.children
            ):
                refs, _ = self.subjects(tok)
                if refs:
                    return refs
        return []

    # ---------------------------------------------------------------- predicates
    def predicates(self) -> Iterator[_Pred]:
        discarded = discarded_sentences(self.ctx.doc, self.ctx.sent_of, self.onto)
        for tok in self.ctx.doc:
            if discarded and self.ctx.sent_of.get(tok.i) in discarded:
                continue  # a sports result, a film: no event
            entry = lookup(self.ctx, tok)
            if entry is not None:
                yield _Pred(tok, entry)

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
            stative = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
            adjective = tok.pos_ == "ADJ" or (tok.tag_ == "VBN" and tok.dep_ == "acomp")
            if (adjective or stative) and tok.dep_ in {"acomp", "ROOT", "ccomp", "conj"}:
                entry = lex.get((tok.lemma_.lower(), "adj")) or lex.get((tok.lower_, "adj"))
                if entry is not None:
                    yield tok, entry, stative

    def stances(self, adjectives: list[tuple[Token, LexEntry, bool]]) -> Iterator[Assertion]:
        """ "Israel is opposed to French mediation", "China is critical of Japan": the
        adjective's holder acts toward the actor its preposition names, or whose act it names
        (lexicon rows of pos ``adj`` with prepositions)."""
        ctx = self.ctx
        for tok, entry, stative in adjectives:
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in entry.preps]
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
        if found:
            return found
        for head in (adj, clause):
            for c in head.children:
                if c.dep_ in {"ccomp", "advcl"}:
                    for s in c.children:
                        if s.dep_ in {"nsubj", "nsubjpass"}:
                            found += [r for r in ctx.np_actors(s, exclude) if r.key not in exclude]
        return _unique(found)

    def extract(self) -> list[Assertion]:
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
            tok, entry = pred.token, pred.entry
            if tok.i in received:
                continue  # "received weapons from X": the weapons are the act, not the receiving
            if predicate_kind(tok) == "noun":
                if self._halted(tok):
                    continue  # "suspended its mediation": the suspending is the event
                if self._answered(tok, entry):
                    continue  # "rejected a U.S. request to ...": the rejection, about it
                agents, rule = self.agents_of_event(tok, entry)
                if agents and rule != "noun_anaphora":
                    self._events.append((tok.i, entry.relation, agents))
                targets: list[ActorRef] = []
                for c in self._target_preps(tok, entry):
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        found = self.ctx.np_actors(p)
                        if not found and self._through_agent(entry):
                            found = self.np_or_event(p)[0]  # "an inquiry into attacks by X"
                        targets.extend(found or self._about(p, entry) or self._place(p))
                if rule == "noun_light_verb":
                    for c in tok.head.children:
                        if c.dep_ != "dative":
                            continue
                        if c.pos_ == "ADP":  # "sent weapons to Ukraine"
                            for p in c.children:
                                if p.dep_ == "pobj" and c.lower_ in entry.preps:
                                    targets.extend(self.ctx.np_actors(p))
                        else:  # "gave Ukraine weapons"
                            targets.extend(self.ctx.np_actors(c))
                targets = _unique(targets)
                symmetric = self.onto.relation(entry.relation).symmetric
                parties = targets if not agents else agents if not targets else []
                if symmetric and len(parties) > 1:
                    # "talks between Israel and Hamas", "Syria and Turkey held talks": the
                    # parties act on each other
                    for i, t in enumerate(parties[1:], start=1):
                        out.extend(self._assert(tok, entry, parties[:i], [t], "noun_mutual"))
                    continue
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
                    out.extend(self._assert_unary(tok, entry, agents, rule))
                    continue
                out.extend(self._assert(tok, entry, agents, targets, rule))
            else:
                if self._complained(tok) is not None:
                    continue  # "X protested that Y ...": a complaint, not a demonstration
                if self._governs_act(tok):
                    continue  # "offered to support X", "is preparing to levy sanctions on X"
                if self._aim_of_act(tok):
                    continue  # "staged a hunger strike to demand X's resignation": the strike
                subjects, rule = self.subjects(tok)
                if not subjects:
                    # "a roadside bomb killed three soldiers": unnamed perpetrators
                    subjects, rule = self.perpetrators(tok, entry)
                if subjects:
                    self._events.append((tok.i, entry.relation, subjects))
                exclude = frozenset(r.key for r in subjects)
                objects = self.objects(tok, entry, exclude)
                entry = self._subject_event(tok, entry)
                role = "recipient"
                if not objects and subjects:
                    # "refused to deploy troops to X", "threatened to strike X": the act it
                    # governs names the recipient, or where it would happen
                    for c in tok.children:
                        if c.dep_ == "xcomp":
                            inner = lookup(self.ctx, c)
                            if inner is not None:
                                objects = self.objects(c, inner, exclude)
                                if not objects and self._placed(inner):
                                    objects, role = self.place_of(c, inner), "place"
                            else:  # "agreed to re-open its borders to X": its prepositions
                                objects = self.objects(c, entry, exclude)
                    if not objects:
                        objects = self.condition_agents(tok)
                        rule = "verb_threat_condition" if objects else rule
                    if not objects and self._resists(entry):
                        objects = self.pressed_by(tok, exclude)
                symmetric = self.onto.relation(entry.relation).symmetric
                # "exchanged fire", "traded accusations": each party does it to the other
                reciprocal = tok.lemma_.lower() in self.onto.cue("reciprocal") and not any(
                    c.dep_ == "dobj" and self.ctx.np_actors(c) for c in tok.children
                )  # "exchanged prisoners" is no reciprocal act
                if not objects and len(subjects) > 1 and (symmetric or reciprocal):
                    # "India and Pakistan agreed to a ceasefire": the conjuncts act on each other
                    for i, s in enumerate(subjects[1:], start=1):
                        out.extend(self._assert(tok, entry, subjects[:i], [s], "verb_mutual"))
                        if reciprocal and not symmetric:
                            out.extend(self._assert(tok, entry, [s], subjects[:i], "verb_mutual"))
                    continue
                if reciprocal and not symmetric and objects and subjects:
                    out.extend(self._assert(tok, entry, objects, subjects, "verb_mutual"))
                passive = is_passive(tok)
                if not objects and _purpose(tok):
                    # "remained on alert to forestall violence", "went to X to seek support":
                    # a purpose with no recipient is what the act was for, no act of its own
                    continue
                if not objects and subjects and not passive and self._unary(entry):
                    out.extend(self._assert_unary(tok, entry, subjects, rule))
                    continue
                if not objects and subjects and not passive and self._placed(entry):
                    # no recipient: where it happened, when the clause names a place
                    places = self.place_of(tok, entry) or next(
                        (self.place_of(c, entry) for c in tok.children if c.dep_ == "xcomp"), []
                    )
                    out.extend(self._assert(tok, entry, subjects, places, rule, role="place"))
                    continue
                out.extend(self._assert(tok, entry, subjects, objects, rule, role=role))
        return out

    def _noun_clause_targets(
        self, noun: Token, entry: LexEntry, exclude: frozenset[str]
    ) -> list[ActorRef]:
        """A nominal event's target in its content clause: "its demand that Israel ease ..."
        (for categories whose clause subject is the target)."""
        cat = self._category(entry)
        if cat is None or not cat.clause:
            return []
        clauses = list(_content_clauses(noun))
        if noun.dep_ == "dobj":
            # "reiterated its demand today that Israel ease ...": the parser hangs the noun's
            # content clause on the verb
            clauses += [
                c for c in noun.head.children
                if c.dep_ == "ccomp" and c.i > noun.i and any(m.dep_ == "mark" for m in c.children)
            ]  # fmt: skip
        for clause in clauses:
            for c in clause.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    found = [r for r in self.np_or_event(c, exclude)[0] if r.key not in exclude]
                    if found:
                        return found
        return []

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

    def _purpose_targets(
        self, noun: Token, entry: LexEntry, exclude: frozenset[str]
    ) -> list[ActorRef]:
        """The target an event noun's purpose clause names: "an offensive by X to retake areas
        seized by the insurgents" is against the insurgents, who hold what it is to retake;
        "began a hunger strike to protest against X" (the clause hangs on the light verb)."""
        clauses = [c for c in noun.children if c.dep_ == "acl"]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.onto.cue("light"):
            clauses += [c for c in noun.head.children if c.dep_ == "advcl"]
        for c in clauses:
            if not _purpose(c):
                continue
            found = self.objects(c, lookup(self.ctx, c) or entry, exclude)
            for d in c.children if not found else ():
                if d.dep_ == "dobj":
                    found = self.agents_of_phrase(d, exclude)
            if found:
                return found
        return []

    def _adjunct_targets(self, verb: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """The target an adjunct event noun names: "staged a hunger strike *in protest against
        violations by the security forces*", "in retaliation for attacks by X"."""
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ not in self.onto.cue("locative"):
                continue
            for noun in c.children:
                inner = lookup(self.ctx, noun) if noun.dep_ == "pobj" else None
                if inner is None or any(d.dep_ == "det" for d in noun.children):
                    continue
                # "in protest of the government's refusal": in the adjunct, "of" names the
                # target as "against" does
                of = [
                    c for c in noun.children
                    if c.dep_ == "prep" and c.lower_ in self.onto.cue("genitive")
                ]  # fmt: skip
                for p in [*self._target_preps(noun, inner), *of]:
                    for q in p.children:
                        if q.dep_ == "pobj":
                            found = [r for r in self.np_or_event(q, exclude)[0]
                                     if r.key not in exclude]  # fmt: skip
                            if found:
                                return found
        return []

    def _place(self, tok: Token) -> list[ActorRef]:
        place = self.ctx.generic.place_at(tok)
        if place is None and tok.lower_ in self.onto.cue("place_of"):
            # "attacked the town of Goma": the place its "of" names
            of = self.onto.cue("genitive")
            place = next(
                (
                    found
                    for c in tok.children if c.dep_ == "prep" and c.lower_ in of
                    for p in c.children if p.dep_ == "pobj"
                    if (found := self.ctx.generic.place_at(p)) is not None
                ),
                None,
            )  # fmt: skip
        return [place] if place is not None else []

    def actors_or_place(self, tok: Token) -> list[ActorRef]:
        """The actors a phrase names, else the named place it is ("a curfew on Hebron"); a
        place is kept only for categories whose events can target a place."""
        return self.ctx.np_actors(tok) or self._place(tok)

    def _category(self, entry: LexEntry) -> Category | None:
        """The category row (categories.tsv) of the relation an entry codes."""
        return self.onto.categories.get(self.onto.relation(entry.relation).category)

    def _placed(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.place

    def _through_agent(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.agent

    def _about(
        self, tok: Token, entry: LexEntry, exclude: frozenset[str] = frozenset()
    ) -> list[ActorRef]:
        """Whom a phrase that names no actor is about: its agent, for the categories whose
        row says so ("an investigation into abuses committed by the army"), else its owner
        ("struck the headquarters of Hamas")."""
        agents = self.agents_of_phrase(tok, exclude) if self._through_agent(entry) else []
        return agents or self.owners(tok, exclude) or self._earlier_owner(tok, exclude)

    def _earlier_owner(self, tok: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """Whose "the cuts", "the decision" is when the phrase names no one: the owner of the
        latest earlier mention of the noun that has one, by its possessive ("GM's decision") or
        as the object of an actor's verb ("Airbus announced 10,000 job cuts")."""
        if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and is_definite(c) for c in tok.children):
            return []
        ctx = self.ctx
        if self._nouns is None:  # the document's nouns by lemma, made once
            self._nouns = {}
            for t in ctx.doc:
                if t.pos_ == "NOUN":
                    self._nouns.setdefault(t.lemma_.lower(), []).append(t.i)
        earlier = [i for i in self._nouns.get(tok.lemma_.lower(), ()) if i < tok.i]
        for prev in (ctx.doc[i] for i in reversed(earlier)):
            found = [r for c in prev.children if c.dep_ == "poss" for r in ctx.np_actors(c)]
            if not found and prev.dep_ == "dobj" and prev.head.pos_ == "VERB":
                found = self.subjects(prev.head)[0]
            found = [r for r in found if r.key not in exclude]
            if found:
                return _unique(found)
        return []

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

    def _halted(self, noun: Token) -> bool:
        """An act a verb ends (cue role ``halt``: "suspended its mediation", "called off the
        talks", "halted aid"): the ending is the event, the act is no longer going on."""
        outer = _event_phrase(noun, self.onto.cue("genitive"))
        if outer.dep_ == "compound":  # "ended its mediation efforts"
            outer = outer.head
        verb = outer.head
        return (
            outer.dep_ in {"dobj", "nsubjpass"}
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in self.onto.cue("halt")
        )

    def _answered(self, noun: Token, entry: LexEntry) -> bool:
        """A request, call or proposal (a category that ``governs``) that is the object of an
        answer to it (a verb of a category marked ``answers``: "rejected a U.S. request",
        "accepted the demands of the protesters", "turned down calls by X"): the answer is the
        event, its author the answer's recipient, and the request what it is about."""
        cat = self._category(entry)
        if cat is None or not cat.governs:
            return False
        outer = _event_phrase(noun, self.onto.cue("genitive"))
        verb = outer.head
        if outer.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ != "VERB":
            return False
        answer = lookup(self.ctx, verb)
        outer_cat = self._category(answer) if answer is not None and answer.relation else None
        return outer_cat is not None and outer_cat.answers

    def _means(self, verb: Token, entry: LexEntry) -> Token | None:
        """The noun naming how a violent act was done, where the act has no named actor: its
        subject ("a car bomb killed"), its passive agent ("killed by a roadside bomb") or its
        means preposition ("were killed in a suicide bombing"). An attack noun of the verb's
        family (lexicon) or a noun that is or has a weapon (cue role ``weapon``: "a bomb
        blast"); an explosion or a storm names no attack, and "the attack" one told of before."""
        cat = self._category(entry)
        if cat is None or not cat.family:
            return None
        nouns = [c for c in verb.children if c.dep_ == "nsubj"]
        passive = is_passive(verb)
        for c in verb.children if passive else ():
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in self.onto.cue("means_prep")):
                nouns += [p for p in c.children if p.dep_ == "pobj"]
        weapons, of = self.onto.cue("weapon"), self.onto.cue("genitive")
        for noun in nouns:
            if noun.pos_ not in {"NOUN", "PROPN"} or self.ctx.np_actors(noun):
                continue
            if any(
                is_definite(c, plural=True) or c.dep_ == "poss" or c.lower_ in of
                for c in noun.children
            ):  # "the strikes killed", "six shells of them hit": whoever did it, told before
                continue
            words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
            if any(w.lemma_.lower() in weapons for w in words):
                return noun
            entry = lookup(self.ctx, noun) if self.ctx.phrases.is_event_noun(noun) else None
            inner = self._category(entry) if entry is not None else None
            if inner is not None and inner.family == cat.family:
                return noun
        return None

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

    def _by_victim(self, cat: Category | None, by: str, cls: str) -> RelationType | None:
        """The category of ``cat``'s family that an act by an actor of class ``by`` on one of
        class ``cls`` is (categories.tsv ``victims`` and ``regular``: militants attacking
        civilians is assault, police firing on them fight)."""
        if cat is None or not cat.family or cls in cat.victims or by in cat.regular:
            return None
        for other in self.onto.categories.values():
            if other.family == cat.family and cls in other.victims:
                return self.onto.relation(other.name)
        return None

    def _resists(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.resist

    def pressed_by(self, verb: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """ "declined to resign despite pressure by X", "in defiance of calls from X": who
        pressed for what is refused (cue roles ``concessive`` and ``author``)."""
        concessive, author = self.onto.cue("concessive"), self.onto.cue("author")
        for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
            for c in v.children:
                if c.dep_ != "prep" or c.lower_ not in concessive:
                    continue
                for p in c.children:
                    for d in p.children if p.dep_ == "pobj" else ():
                        if d.dep_ in {"prep", "agent"} and d.lower_ in author:
                            found = self._phrase_actors(d, exclude)
                            if found:
                                return found
                        if d.dep_ == "poss":  # "despite the army's pressure"
                            found = [r for r in self.ctx.np_actors(d, exclude)
                                     if r.key not in exclude]  # fmt: skip
                            if found:
                                return found
        return []

    def _matrix_act(self, tok: Token, cat: Category | None, mod: str, rule: str) -> str | None:
        """The category of the act that happened when ``tok``'s act did not (categories.tsv
        ``intent``, ``unreal`` and ``refused``): None when the act happened as stated, ""
        when nothing did ("did not attack X", "formed to fight")."""
        if cat is None or rule in {"noun_received", "noun_mutual"}:
            # "will receive loans from X", "talks between X and Y": none of the parties
            # declares the act; it stays as stated, with its modality
            return None
        verb = clause_verb(tok)
        # "pledged aid to Sudan": the pledge is the event
        pledged = verb.i != tok.i and verb.lemma_.lower() in self.onto.cue("plan")
        if (
            mod in {"planned", "hypothetical"}
            and cat.intent
            and cat.unreal == cat.intent
            and (self._only_possible(verb) or _wished(self.ctx, verb))
        ):
            # "it could affect X", "Iraq must cooperate with X", "hopes that Iran will
            # support X": a possibility, an obligation or another's hope is no one's declared
            # intention to cooperate, and no act
            return ""
        if cat.intent and (pledged or (mod == "planned" and declared_intent(self.ctx, tok))):
            return cat.intent
        if mod in {"planned", "hypothetical"}:
            if _purpose(verb):
                return None  # "fired tear gas to break up the rally": done in the doing
            return cat.unreal
        if mod == "negated":
            return cat.refused
        return None

    def _only_possible(self, verb: Token) -> bool:
        """Whether a clause is a possibility or an obligation (cue roles ``modal`` and
        ``obligation``: "could", "may", "must") and not a declared intention ("will",
        "would", "vowed to")."""
        words = self.onto.cue("modal") | self.onto.cue("obligation")
        cur = verb
        while (
            cur.dep_ == "conj"
            and cur.head.i != cur.i
            and not any(c.dep_ == "aux" for c in cur.children)
        ):
            cur = cur.head  # "must free the prisoners and let citizens speak"
        return any(c.dep_ == "aux" and c.lower_ in words for c in cur.children) and (
            not declared_intent(self.ctx, verb)
        )

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

    def _asked_for(self, tok: Token) -> bool:
        """The act is the content of a demand, an appeal or a call ("demanded that the militia
        release the hostages", "urged Iran to free them"): asked for, not done."""
        cur = clause_verb(tok)
        for _ in range(3):
            # "appealed to X to allow them ...": the parser often hangs the content as an adverbial
            # "pushing hard for the US (to) support its plan": a "for" clause is what is asked
            marked = any(
                c.dep_ == "mark" and c.lower_ in self.onto.cue("content_mark") for c in cur.children
            )
            to = cur.dep_ == "advcl" and (_purpose(cur) or marked)
            if (cur.dep_ not in {"ccomp", "xcomp"} and not to) or cur.head.i == cur.i:
                return False
            head = cur.head
            entry = lookup(self.ctx, head) if head.pos_ == "VERB" else None
            if entry is not None:
                outer = self._category(entry)
                return outer is not None and outer.governs
            cur = head
        return False

    def _act_text(self, tok: Token) -> str:
        """The words of an act from its trigger to the end of its phrase ("strike the bases")."""
        words = [t for t in tok.subtree if t.i >= tok.i] or [tok]
        end = min(words[-1].idx + len(words[-1].text), tok.idx + 200)
        return self.ctx.document.text[tok.idx : end]

    def _unary(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.unary

    def place_of(self, verb: Token, entry: LexEntry | None = None) -> list[ActorRef]:
        """Where a verb's event happened, when its clause names a place: "in Kirkuk", "in the
        northern city of Kirkuk", "in the occupied West Bank", or one phrase down, "fired at
        targets in Jericho", "lifted the curfew imposed in Srinagar". A state or a named
        place."""
        locative = self.onto.cue("locative")
        cat = self._category(entry) if entry is not None else None
        frontier = cat is not None and cat.frontier
        # the verb's own prepositions, then its object's ("institute a curfew in Algiers")
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [
            p for o in verb.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep"
        ]
        # and the object's participle ("the curfew imposed in Sudan", "power lines leading
        # into Kabul")
        preps += [
            p for o in verb.children if o.dep_ == "dobj"
            for a in o.children if a.dep_ == "acl" and a.tag_ in {"VBN", "VBG"}
            for p in a.children if p.dep_ == "prep"
        ]  # fmt: skip
        for c in preps:
            if c.lower_ in locative:
                found = self._place_in(c, actors=True, frontier=frontier)
            else:
                found = [
                    r for p in c.children for c2 in p.children
                    if c2.dep_ == "prep" and c2.lower_ in locative
                    for r in self._place_in(c2, actors=False, frontier=frontier)
                ]  # fmt: skip
            if found:
                return found[:1]
        return []

    def _place_in(self, prep: Token, actors: bool, frontier: bool = False) -> list[ActorRef]:
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            if not frontier and p.lemma_.lower() in self.onto.cue("boundary"):
                continue  # "near the Liberian border" is not in Liberia
            of = self.onto.cue("genitive")
            names = [p, *(q for c2 in p.children if c2.lower_ in of for q in c2.children)]
            place = next((r for q in names if (r := self.ctx.generic.place_at(q))), None)
            if place is not None:
                return [place]
            if actors:
                refs = self.ctx.np_actors(p)
                if refs:
                    return refs[:1]
        return []

    def _assert_unary(
        self, tok: Token, entry: LexEntry, subjects: list[ActorRef], rule: str
    ) -> Iterator[Assertion]:
        """An event with no recipient: the recipient of its purpose ("staged a strike *to
        demand the resignation of X*"), else an edge to the place it happened, else a
        self-loop."""
        exclude = frozenset(r.key for r in subjects)
        clause = clause_verb(tok)
        found = self._adjunct_targets(clause, exclude)
        if found:
            yield from self._assert(tok, entry, subjects, found, rule)
            return
        for c in clause.children:
            if c.dep_ in {"advcl", "xcomp", "acl"} and c.pos_ == "VERB" and c.i > tok.i:
                inner = lookup(self.ctx, c)
                found = self.objects(c, inner, exclude, nested=True) if inner else []
                if found:
                    yield from self._assert(tok, entry, subjects, found, rule)
                    return
        places = self.place_of(tok, entry) or (
            self.place_of(clause, entry) if clause.i != tok.i else []
        )
        if places:
            yield from self._assert(tok, entry, subjects, places, rule, role="place")
            return
        yield from self._assert(tok, entry, subjects, [None], rule, role="none")

    def _assert(
        self,
        tok: Token,
        entry: LexEntry,
        subjects: list[ActorRef],
        objects: list[ActorRef | None],
        rule: str,
        role: str = "recipient",
    ) -> Iterator[Assertion]:
        """The edges of one event. A declared intention of the clause's subject to cooperate or
        to meet is an agreement (CAMEO 03), unless the subject is its recipient ("will receive
        loans from X") or hosts others' talks ("will host talks between X and Y")."""
        if not subjects or not objects or not rule:
            return
        ctx = self.ctx
        mod = modality(ctx, tok)
        if mod == "threatened":
            return  # "threatened to attack": the threat is the event, not the attack
        rel = self.onto.relation(entry.relation)
        cameo = entry.cameo or rel.cameo
        cat = self._category(entry)
        if cat is not None and self._asked_for(tok):
            return  # "demanded that the militia release the hostages": only the demand
        matrix = self._matrix_act(tok, cat, mod, rule)
        if matrix == "":
            return  # an act that did not happen, and no act that did to code in its place
        if matrix and cat is not None and matrix == cat.intent and objects == [None]:
            # "the prime minister ... will resign": an intention with no one to agree with
            # is the act itself, announced (planned), as PLOVER codes it
            matrix = None
        content: Content | None = None
        if matrix is not None:
            # the matrix act decides (CAMEO, PLOVER): a declared intention to cooperate is
            # agree ("will support Turkey's bid"), a vowed attack threaten ("would strike X"),
            # a refused meeting reject; the act it is about is kept as its content
            if matrix != rel.category:
                content = Content(rel.term, rel.category, mod, self._act_text(tok))
                rel = self.onto.relation(matrix)
                cameo = rel.cameo
            mod = "asserted"
        att = attribution(ctx, tok)
        speaker: ActorRef | None = None
        claim: str | None = None
        if att is not None:
            speakers = ctx.speaker_actors(att.speaker)
            speaker = speakers[0] if speakers else None
            if speaker is not None and att.span is not None:
                claim = ctx.document.text[att.span[0] : att.span[1]].strip(' ,.\n"')
            elif speaker is not None:
                sub = list(att.clause.subtree)
                claim = ctx.document.text[sub[0].idx : sub[-1].idx + len(sub[-1].text)]
        denier = charge_denier(ctx, att) if att is not None and speaker is not None else None
        deniers = ctx.speaker_actors(denier) if denier is not None else []
        evidence = ctx.sentence_evidence(tok)
        trigger = ctx.evidence(tok.idx, tok.idx + len(tok.text))
        not_by = cat.not_by if cat is not None else ()
        final = self.onto.categories.get(rel.category)  # after an intention became agree
        placed = final is not None and final.place
        # "the magazine attacked the defectors": an attack by one who does not fight is words
        verbal = tok.lemma_.lower() in self.onto.cue("verbal_attack")
        for s in subjects:
            s_rel, s_cameo = rel, cameo
            if s.type in not_by and verbal:
                s_rel = self.onto.relation("disapprove")
                s_cameo = s_rel.cameo
            elif s.type in not_by or s.type == "Place":
                continue  # "Airbus defeats Boeing for the contract" is no fight
            for o in objects:
                o_role = role
                if o is not None and o.type == "Place" and role == "recipient":
                    state = self.onto.state_places.get(normalize_name(o.label))
                    if state is not None and (not placed or rel.symmetric):
                        # "agreed with Baghdad": a capital spoken to is its government (a
                        # mutual act's party always is; a place is only where it happened)
                        o = ctx.generic.state_unit(state, "government", o.label)
                    elif not placed:
                        continue
                    else:
                        o_role = "place"  # "imposed a curfew on Hebron": where, not whom
                if o is None:
                    if o_role != "none":
                        continue
                elif s.key == o.key or (entry.objects and o.type not in entry.objects):
                    continue  # no actor acts on itself here; the verb's row names its objects
                o_rel, o_cameo = s_rel, s_cameo
                victim = (
                    self._by_victim(final, s.type, o.type)
                    if s_rel is rel and o is not None
                    else None
                )
                if victim is not None:  # "militants attacked a refugee camp": assault
                    o_rel, o_cameo = victim, victim.cameo
                asserted = Assertion(
                    subject=s,
                    relation=o_rel.term,
                    category=o_rel.category,
                    object=o,
                    evidence=evidence,
                    trigger=trigger,
                    rule=rule,
                    confidence=_confidence(
                        self.onto.rule_confidence.get(rule, 0.5), o_role != "recipient", mod
                    ),
                    cameo=o_cameo,
                    modality=mod,
                    attributed_to=speaker,
                    claim=claim,
                    target_role=o_role,
                    content=content,
                )
                for d in deniers:
                    # "..., a charge Kigali denied": Kigali's denial of the claimed content
                    yield replace(asserted, modality="denied", attributed_to=d)
                yield asserted


#: what an edge's confidence loses from its rule's measured precision when its target is a place
#: or none, and when the act is not asserted (planned, hypothetical, threatened, negated, denied)
PLACE_PENALTY = 0.1
MODALITY_PENALTY = 0.1


def _confidence(measured: float, off_target: bool, modality: str) -> float:
    """An edge's confidence: its rule's measured precision (``make rules``), less the penalties.

    >>> _confidence(0.71, False, "asserted"), _confidence(0.71, True, "planned")
    (0.71, 0.51)
    """
    loss = (PLACE_PENALTY if off_target else 0.0) + (
        MODALITY_PENALTY if modality != "asserted" else 0.0
    )
    return round(max(measured - loss, 0.0), 2)


def _purpose(verb: Token) -> bool:
    """A purpose clause: "fired tear gas *to break up* the rally", "a force formed *to fight*"."""
    return verb.dep_ in {"advcl", "acl"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children
    )


def _event_phrase(noun: Token, of: frozenset[str]) -> Token:
    """The noun phrase an event noun heads or qualifies: "two series of *strikes*", "a
    *mediation* effort", "a wave of attacks"."""
    outer = noun
    while True:
        if outer.dep_ == "pobj" and outer.head.lower_ in of and outer.head.head.pos_ == "NOUN":
            outer = outer.head.head
        elif outer.dep_ == "compound" and outer.head.pos_ == "NOUN" and outer.head.i > outer.i:
            outer = outer.head
        else:
            return outer


def _content_clauses(tok: Token) -> Iterator[Token]:
    """Clauses that give a verb's or noun's content: "demanded *that X withdraw*", "insisted on
    its demands *that X grant* ...", "a call *for X to* ..."."""
    for c in tok.children:
        if c.dep_ in {"ccomp", "acl"} and c.pos_ in {"VERB", "AUX"}:
            yield c
        elif c.dep_ in {"dobj", "prep", "pobj"}:
            yield from _content_clauses(c)


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out


def _wished(ctx: DocContext, verb: Token) -> bool:
    """A clause that is the content of a verb of wishing (cue role ``wish``): "Clement is
    hoping that the union will support the plan" is his hope, not the union's intention."""
    top = verb
    while top.dep_ in {"conj", "xcomp"} and top.head.i != top.i:
        top = top.head
    if top.dep_ != "ccomp":
        return False
    wish, head = ctx.onto.cue("wish"), top.head
    # the tagger's lemma can be wrong ("hoping" -> "hop", itself a dictionary verb, so
    # verbs.verb_lemma keeps it): the regular base forms count too
    return head.lemma_.lower() in wish or any(f in wish for f in base_forms(head.lower_))
