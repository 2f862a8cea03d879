"""Whom an act is on, or where it happened: the targets of verbs and event nouns."""

from __future__ import annotations

from spacy.tokens import Token

from ...ontology import LexEntry
from ...records import ActorRef
from ..morph import is_passive, is_relative, relative_adverb
from .base import Extractor
from .common import (
    _content_clauses,
    _event_phrase,
    _purpose,
    _unique,
    lookup,
)


class Targets(Extractor):
    """Whom an act is on, or where it happened: a part of the event extractor."""

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
            elif c.dep_ == "dobj" and verb.lemma_.lower() in self.onto.cue("topic_object"):
                continue  # "discussed Iran with X": Iran is the topic; X, the party
            elif c.dep_ in {"dobj", "dative"}:
                found = self._charged_or_phrase(c, entry, exclude)
                if not found and c.dep_ == "dobj" and self._placed(entry):
                    found = self._place(c)  # "shelled Kirkuk": where, for an act on a place
                if c.dep_ == "dobj" and entry.target not in {"", "object", "subject"}:
                    # a pattern that puts the recipient in a preposition makes the object
                    # what is moved ("withdrew inspectors and aid workers from X")
                    continue
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
                        found = self._charged_or_phrase(p, entry, exclude)
                        place = [] if refs else self._place(p)  # "beat X on the West Bank"
                        refs.extend(found or self._about(p, entry, exclude) or place)
        if not refs and verb.dep_ == "relcl" and not passive and not relative_adverb(verb):
            subj = [c for c in children if c.dep_ == "nsubj"]
            if subj and not is_relative(subj[0]):
                # "the militants that U.S. forces killed"; "a charge Machar has denied": the
                # accuser whose charge sums up the clause it hangs on
                noun = ctx.phrases.modified(verb)
                accuser = self.summed_accuser(noun, exclude)
                refs.extend(ctx.np_actors(noun) if accuser is None else accuser)
        if (
            not refs
            and verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and verb.i > verb.head.i
            and any(c.dep_ == "agent" for c in children)
        ):
            # a participle with its by-agent acts on the noun it follows: "opposition
            # supporters arrested by police", "a coalition led by Saudi Arabia"
            refs.extend(ctx.np_actors(ctx.phrases.modified(verb), exclude))
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
        # "called for sanctions against Nigeria": the object of the verb's own preposition;
        # "clashed near the Liberian border", "fought in Kenya's north": where, not whom
        here = away | (self.onto.cue("locative") - verb_preps)
        pobjs = [
            p for c in verb.children
            if c.dep_ == "prep"
            and (c.lower_ in verb_preps or (c.i == verb.i + 1 and c.lower_ not in here))
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip
        travel = self._travels(verb)
        if travel:
            pobjs = []  # "went to the sheriff's station": the station's owner is met by no one
        for c in heads + pobjs:
            found = self._object_party(c, c in heads, preps, exclude)
            if found:
                return found
        if not nested and not travel:  # one clause down at most; a trip's purpose meets no one
            found = self._clause_targets(verb, entry, exclude)
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

    def _object_party(
        self, c: Token, own: bool, preps: set[str], exclude: frozenset[str]
    ) -> list[ActorRef]:
        """The party an object phrase names through its dependents: a possessor ("X's
        demand"), a generic modifier ("a UN appeal"), a recipient or author phrase ("calls by
        X", "action against Russia"), a clause ("a deal to sell Opel to Magna"). ``own``: the
        phrase is the verb's own object, not a prepositional adjunct."""
        ctx = self.ctx
        # an author ("calls by X") only of the verb's own object, never of an adjunct
        # ("recognised as an agency by Iraq's government")
        authors = self.onto.cue("author") if own else frozenset()
        for d in c.children:
            if d.dep_ in {"poss", "compound", "nmod"} and d.i < c.i:
                found = [r for r in ctx.np_actors(d, exclude) if r.key not in exclude]
                if ctx.generic.unit_head(c):  # "their military" is no civilians'
                    found = [r for r in found if r.type != "Civilians"]
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
            elif d.dep_ == "prep" and own and d.i > c.i:
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
        return []

    def _clause_targets(
        self, verb: Token, entry: LexEntry, exclude: frozenset[str]
    ) -> list[ActorRef]:
        """The party of a verb's controlled or purpose clause, one clause down: "threatened to
        cut off electricity to X", "opened fire to disperse demonstrators"."""
        ctx = self.ctx
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
        light = self.onto.cue("light")
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in light:
            # "sent weapons to Ukraine", "carried out strikes against the PKK"
            preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in entry.preps]
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ in self.onto.cue("locative")
            and noun.head.head.pos_ == "VERB"
            and noun.head.head.lemma_.lower() in light
        ):
            # "were engaged in ethnic cleansing in Montenegro against the Albanians": the
            # parser hangs the target on the light verb
            preps += [
                c for c in noun.head.head.children
                if c.dep_ == "prep" and c.lower_ in entry.preps and c.i > noun.i
            ]  # fmt: skip
        if noun.dep_ == "pobj" and (verb := _verb_above(noun)) is not None:
            # "went on strike in protest at the failure of X": the parser hangs the noun's
            # preposition, right after it, on the verb (the category's prepositions count:
            # "in protest at" is aimed, whatever "a protest at" may be)
            cat = self._category(entry)
            aimed = {*entry.preps, *(cat.preps if cat is not None else ())}
            preps += [
                c for c in verb.children
                if c.dep_ == "prep" and c.lower_ in aimed and c.i == noun.right_edge.i + 1
                and c not in preps
            ]  # fmt: skip
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

    def _purpose_targets(
        self, noun: Token, entry: LexEntry, exclude: frozenset[str]
    ) -> list[ActorRef]:
        """The target an event noun's purpose clause names: "an offensive by X to retake areas
        seized by the insurgents" is against the insurgents, who hold what it is to retake;
        "began a hunger strike to protest against X" (the clause hangs on the light verb)."""
        clauses = [c for c in noun.children if c.dep_ == "acl"]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.onto.cue("light"):
            clauses += [c for c in noun.head.children if c.dep_ == "advcl"]
        # "intensified in the wake of an offensive by X to retake ...": the parse hangs the
        # purpose right after the noun's phrase on the verb above it
        verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
        verb = verb if noun.dep_ == "pobj" else None  # "made an appearance to unveil": the verb's
        clauses += [
            c for c in (verb.children if verb is not None else ())
            if c.dep_ == "advcl" and c.left_edge.i == noun.right_edge.i + 1
        ]  # fmt: skip
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
                objects = (
                    q for p in [*self._target_preps(noun, inner), *of]
                    for q in p.children if q.dep_ == "pobj"
                )  # fmt: skip
                for q in objects:
                    found = [r for r in self.np_or_event(q, exclude)[0] if r.key not in exclude]
                    if found:
                        return found
        return []

    def _place(self, tok: Token) -> list[ActorRef]:
        if tok.ent_type_ == "FAC":
            return []  # "blocked the Europe Bridge": a building or a bridge is where, not whom
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

    def _charged_or_phrase(
        self, tok: Token, entry: LexEntry, exclude: frozenset[str]
    ) -> list[ActorRef]:
        """The actors of an object phrase; for an examination of a charge (cue role
        ``examine``), whom the charge is against ("investigated allegations by X that Y ...":
        Y, not X)."""
        if (
            entry.lemma in self.onto.cue("examine")
            and (accused := self.accused(tok, exclude)) is not None
        ):
            return accused
        return self.np_or_event(tok, exclude)[0]

    def _about(
        self, tok: Token, entry: LexEntry, exclude: frozenset[str] = frozenset()
    ) -> list[ActorRef]:
        """Whom a phrase that names no actor is about: its agent, for the categories whose
        row says so ("an investigation into abuses committed by the army"), else its owner
        ("struck the headquarters of Hamas"); no one for a beneficiary ("on behalf of X")."""
        if tok.lemma_.lower() in self.onto.cue("behalf"):
            return []
        if (
            entry.lemma in self.onto.cue("examine")
            and (accused := self.accused(tok, exclude)) is not None
        ):
            return accused  # "investigated allegations by X that Y ...": Y
        agents = self.agents_of_phrase(tok, exclude) if self._through_agent(entry) else []
        return (
            agents
            or self.owners(tok, exclude)
            or self._earlier_owner(tok, exclude)
            or self.earlier_accuser(tok, exclude)
        )

    def pressed_by(self, verb: Token, exclude: frozenset[str]) -> list[ActorRef]:
        """ "declined to resign despite pressure by X", "in defiance of calls from X": who
        pressed for what is refused (cue roles ``concessive`` and ``author``)."""
        concessive, author = self.onto.cue("concessive"), self.onto.cue("author")
        dependents = (
            d
            for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp"))
            for c in v.children if c.dep_ == "prep" and c.lower_ in concessive
            for p in c.children if p.dep_ == "pobj"
            for d in p.children
        )  # fmt: skip
        for d in dependents:
            if d.dep_ in {"prep", "agent"} and d.lower_ in author:
                found = self._phrase_actors(d, exclude)
                if found:
                    return found
            if d.dep_ == "poss":  # "despite the army's pressure"
                found = [r for r in self.ctx.np_actors(d, exclude) if r.key not in exclude]
                if found:
                    return found
        return []

    def _resists(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.resist

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


def _verb_above(tok: Token, steps: int = 4) -> Token | None:
    """The nearest verb among a token's heads, at most ``steps`` up."""
    cur = tok
    for _ in range(steps):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur
    return None
