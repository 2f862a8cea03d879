"""Noun phrase -> actors: which actors the noun phrase headed by a token stands for.

Named mentions (:mod:`.mentions`), generic actors (:mod:`.generic`) and coreference
(:mod:`.coref`) each answer part of it; :class:`Phrases` follows the phrase's structure
between them -- conjunctions, appositions ("militant group Hamas"), partitives ("eight of its
members"), possessors and owners ("a Kataib Hezbollah operations centre"), a capital that
acts for its government ("Washington said") -- and returns what it found: the actors, and the
mentions that the phrase adds to the document (a pronoun, a description, a generic actor).
It records nothing itself; the caller does (:meth:`.context.DocContext.np_actors`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..ontology import Ontology
from ..records import ActorRef
from .coref import PERSONAL, Coreference
from .generic import GenericActors
from .morph import is_definite, is_indefinite, pronoun_kind
from .names import NOT_ACTOR_TYPES, Names
from .np_syntax import agentive, agrees_with_outer, former, noun_conjuncts, subordinate
from .titled import TitleHolders


class _Undecided:
    """A reading that does not decide: the next one tries."""


UNDECIDED = _Undecided()
Reading = ActorRef | None | _Undecided


@dataclass(frozen=True)
class Found:
    """A mention a noun phrase adds: tokens ``first``..``last`` name ``ref`` (as an alias of
    it unless ``alias`` is false: a pronoun is no name). ``name``: the alias when it is not the
    span's text ("Hungarian officials" in "Hungarian and Romanian officials")."""

    ref: ActorRef
    first: int
    last: int
    alias: bool = True
    name: str | None = None


@dataclass(frozen=True)
class Resolved:
    """What a noun phrase stands for, and the mentions it adds."""

    actors: tuple[ActorRef, ...]
    mentions: tuple[Found, ...]


#: the cue roles of a noun for a body a person leads or commands (:meth:`Phrases.led`)
_LED_ROLES = ("led", "led_possessed", "commanded")


class Phrases:
    """Noun phrase resolution for one document."""

    def __init__(
        self, doc: Doc, names: Names, generic: GenericActors, coref: Coreference, onto: Ontology
    ) -> None:
        self.doc = doc
        self.names = names
        self.generic = generic
        self.coref = coref
        self.onto = onto
        self.holders = TitleHolders(doc, names, onto)

    def resolve(self, tok: Token, exclude: frozenset[str] = frozenset()) -> Resolved:
        """The actors of the noun phrase headed by ``tok`` and of its conjuncts.

        ``exclude``: actors a pronoun or description in it cannot refer back to.
        """
        refs: list[ActorRef] = []
        found: list[Found] = []
        for t in (tok, *noun_conjuncts(tok)):
            r = self._np_actor(t, 0, exclude, found)
            if r is not None and r not in refs:
                refs.append(r)
            if r is not None:
                for other, first in self.generic.conjoined_scopes(t, r):
                    found.append(Found(other, first.i, t.i, name=other.label))
                    if other not in refs:
                        refs.append(other)
                for c in t.children:
                    # "North and South Korea": a name of its own among the head's modifiers,
                    # conjoined with the rest
                    named = self.names.named.get(c.i) if c.i < t.i else None
                    if (
                        named is not None
                        and named[1] != r
                        and named[1].type not in NOT_ACTOR_TYPES
                        and any(d.dep_ == "cc" for d in c.children)
                        and named[1] not in refs
                    ):
                        refs.insert(refs.index(r), named[1])  # in the order of the text
        return Resolved(tuple(refs), tuple(found))

    def speaker(self, tok: Token) -> Resolved:
        """Who speaks through the noun phrase headed by ``tok``: its actors; for "a spokesman
        for X", "X's statement", "a statement by X", X; for a hedge ("reportedly") or a
        generic speaker with no actor ("mediators", "security sources"), an unnamed speaker
        local to the document."""
        onto = self.onto
        if tok.lower_ in onto.cue("hedge"):
            heads = sorted(onto.cue("unnamed_speaker"))
            g = onto.generic.get(heads[0]) if heads else None
            return Resolved((self.generic.local(g, g.label),) if g else (), ())
        if tok.lemma_.lower() in onto.cue("spokesperson"):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in onto.cue("speaks_for"):
                    voiced = [self.resolve(p) for p in c.children if p.dep_ == "pobj"]
                    if voiced and voiced[0].actors:
                        return voiced[0]
                if c.dep_ in {"compound", "amod"} and (kind := self.generic.kind_word(c)):
                    return Resolved((kind,), (Found(kind, c.i, c.i),))  # "the rebel spokesman"
        plain = self.resolve(tok)
        if plain.actors:
            return plain
        if tok.pos_ == "PROPN":
            # "Kigali denies": a capital the NER missed speaks for its government
            first = min(
                (c for c in tok.children if c.dep_ == "compound"), default=tok, key=lambda t: t.i
            )
            gov = self.generic.capital_government(self.doc[first.i : tok.i + 1].text)
            if gov is not None:
                return Resolved((gov,), (Found(gov, first.i, tok.i),))
        for c in tok.children:
            if c.dep_ == "poss" and c.i < tok.i:  # "Egypt's statement said"
                owner = self.resolve(c)
                if owner.actors:
                    return owner
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in onto.cue("author"):
                # "according to a press release by the Tigers", "a statement from Hamas said"
                for p in c.children:
                    if p.dep_ == "pobj" and (owner := self.resolve(p)).actors:
                        return owner
        g = self.generic.unscoped_ref(tok, speaker=True)
        if g is not None:
            return Resolved((g[0],), (Found(g[0], g[1].i, self.scope_end(tok, g[0])),))
        return plain

    def scope_end(self, head: Token, ref: ActorRef) -> int:
        """The last token of a generic actor's mention: its head, or the end of the phrase
        that names its state ("the government of Canada", "police in Guinea") or, for an
        actor local to its document, where it is from ("the governments of the region")."""
        of = self.onto.cue("genitive")
        scope = of | self.onto.cue("locative")
        local = ref.scope.local
        for c in head.children:
            if c.dep_ == "prep" and c.i > head.i and c.lower_ in scope:
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    named = self.names.named.get(p.i)
                    state = named is not None and named[1].key == ref.part_of
                    if state or (local and c.lower_ in of and p.pos_ in {"NOUN", "PROPN"}):
                        return max(t.i for t in p.subtree)
        return head.i

    def is_event_noun(self, tok: Token) -> bool:
        """A noun the lexicon codes as an event ("attack", "talks")."""
        lex = self.onto.lexicon
        return (tok.lemma_.lower(), "noun") in lex or (tok.lower_, "noun") in lex

    def followed(self, tok: Token, exclude: frozenset[str] = frozenset()) -> ActorRef | None:
        """The person a follower noun (cue role ``follower``) names the camp of: "Gbagbo
        supporters", "Gbagbo's loyalists", "supporters of the incumbent president"; None when
        it follows no one, or an organisation (whose supporters stand for it)."""
        return self._owner(tok, "follower", PERSONAL, exclude)

    def led(self, tok: Token, exclude: frozenset[str] = frozenset()) -> ActorRef | None:
        """The person whose government, party or forces a noun names: "the Maduro
        government", "Hadi's government" (cue role ``led``), "the party of former Prime
        Minister Nawaz Sharif" (``led_possessed``: "the Likud party" is the party's own name),
        "forces of President Salva Kiir" (``commanded``). The body is the person's, not the
        person; a pronoun's ("his party": he may only be a member) and an indefinite one ("a
        Hill administration") are not read."""
        if tok.pos_ != "NOUN":
            return None  # (as :meth:`_owner` reads only a noun)
        lemma = tok.lemma_.lower()
        role = next((r for r in _LED_ROLES if lemma in self.onto.cue(r)), None)
        if role is None or any(c.dep_ == "det" and is_indefinite(c) for c in tok.children):
            return None
        before = {"poss"} if role == "led_possessed" else {"poss", "compound"}
        return self._owner(tok, role, frozenset({"Person"}), exclude, before, named=True)

    def leads(self, tok: Token) -> bool:
        """Whether the person :meth:`led` finds for ``tok`` leads the body (a government, a
        party), rather than commands it (forces, whose leader is the state's)."""
        return tok.lemma_.lower() not in self.onto.cue("commanded")

    def _owner(
        self,
        tok: Token,
        role: str,
        types: frozenset[str],
        exclude: frozenset[str],
        before: frozenset[str] | set[str] = frozenset({"poss", "compound"}),
        named: bool = False,
    ) -> ActorRef | None:
        """The person of ``types`` a noun of cue ``role`` belongs to: before it (``before``
        dependencies: "Gbagbo supporters", "Gbagbo's loyalists") or after "of"; ``named``:
        only a name, no pronoun or description."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.onto.cue(role):
            return None
        of = self.onto.cue("genitive")
        owners = [c for c in tok.children if c.dep_ in before and c.i < tok.i]
        owners += [
            p for c in tok.children if c.dep_ == "prep" and c.lower_ in of
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip
        for owner in owners:
            if named and owner.i not in self.names.named:
                continue
            ref = self._np_actor(owner, 3, exclude, [])
            if ref is not None and ref.type in types and not ref.scope.local:
                return ref
        return None

    @staticmethod
    def modified(mod: Token) -> Token:
        """The noun a postmodifier (a participle, a relative clause, "loyal to X") modifies.
        Right after a coordination, with no comma before it, it is the nearest conjunct's, as
        the reader takes it whatever the parser attached it to: "the army and units allied
        with the Houthis" are the units. After a comma ("Hamas and Islamic Jihad, which Iran
        backs") the parser's head stands for the whole coordination."""
        head = mod.head
        start = mod.left_edge.i
        if start <= head.i or (start > 0 and mod.doc[start - 1].text == ","):
            return head
        between = [c for c in head.conjuncts if head.i < c.i < start]
        return max(between, key=lambda c: c.i) if between else head

    def relative_antecedent(self, verb: Token) -> Token:
        """The noun a relative clause modifies, lifted out of "a group of (armed groups) that"."""
        head = self.modified(verb)
        if (
            head.dep_ == "pobj"
            and head.head.lower_ in self.onto.cue("genitive")
            and head.head.head.pos_ in {"NOUN", "PROPN"}
            and (self._np_actor(head, 0, frozenset(), []) is None or agrees_with_outer(verb, head))
        ):
            return head.head.head
        return head

    # ------------------------------------------------------------------ the walk
    def _np_actor(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> ActorRef | None:
        """The actor a noun phrase's head names: the first of :attr:`READINGS` that decides
        (a reading may decide that the phrase names no actor)."""
        if depth > 4:
            return None
        for reading in self.READINGS:
            out = reading(self, tok, depth, exclude, found)
            if not isinstance(out, _Undecided):
                return out
        return None

    # Each reading takes (tok, depth, exclude, found) and returns the actor, None for "no
    # actor", or UNDECIDED to let the next reading try; ``found`` collects the mentions read.
    def _read_name(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A name: its actor. A capital that acts is its state's government ("Beirut
        rejected the appeal", state_places.tsv); a name of no actor type is no actor; a noun a
        naming participle calls ("the coalition known as the National Alliance") is the name."""
        named = self.names.named
        if (called := self.names.called.get(tok.i)) is not None:
            found.append(Found(called, tok.i, tok.i, alias=False))
            return called
        if tok.i not in named:
            return UNDECIDED
        span, ref = named[tok.i]
        if ref.type == "Place" and agentive(tok):
            gov = self.generic.capital_government(span.text)
            if gov is not None:
                found.append(Found(gov, span[0].i, span[-1].i))
                return gov
        return None if ref.type in NOT_ACTOR_TYPES else ref

    def _read_people(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A people: "ethnic Turks", "Kurds"."""
        people = self.generic.people_ref(tok)
        if people is None:
            return UNDECIDED
        found.append(Found(people[0], people[1].i, tok.i))
        return people[0]

    def _read_demonym(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A plural demonym is its state: "the Iraqis said"."""
        demonym = self.names.demonym
        if tok.i in demonym and tok.pos_ in {"NOUN", "PROPN"} and tok.tag_ in {"NNS", "NNPS"}:
            return self.onto.state_ref(demonym[tok.i])
        return UNDECIDED

    def _read_pronoun(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A pronoun is its antecedent, or no actor."""
        if not pronoun_kind(tok):
            return UNDECIDED
        ref = self.coref.antecedent(tok, exclude=exclude)
        if ref is not None:
            found.append(Found(ref, tok.i, tok.i, alias=False))
        return ref

    def _read_title_holder(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """ "the foreign minister said": the one person named before with that title."""
        ref = self.holders.holder(tok)
        if ref is None or ref.key in exclude:
            return UNDECIDED
        found.append(Found(ref, tok.i, tok.i, alias=False))
        return ref

    def _read_described_name(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A description before or beside a name is the name: "armed group Kataib Hezbollah",
        "militant group Hamas"; "Qatar's emir, Sheikh Hamad": the description names the person
        too."""
        named = self.names.named
        if tok.dep_ == "compound" and tok.head.i in named:
            return self._np_actor(tok.head, depth + 1, exclude, found)
        for c in tok.children:
            if c.dep_ == "appos" and c.i in named:
                ref = self._np_actor(c, depth + 1, exclude, found)
                first = tok.left_edge
                if (
                    ref is not None
                    and ref.type in PERSONAL
                    and tok.pos_ == "NOUN"
                    and first.i < tok.i
                    and not any(t.pos_ == "PRON" for t in self.doc[first.i : tok.i + 1])
                ):
                    found.append(Found(ref, first.i, tok.i))
                return ref
        return UNDECIDED

    def _read_partitive_apposition(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """ "the PMF, a group of many armed groups that was formed ...": the name."""
        onto = self.onto
        outer = (
            tok.head.head
            if tok.dep_ == "pobj" and tok.head.lower_ in onto.cue("genitive")
            else None
        )
        if (
            outer is not None
            and outer.dep_ == "appos"
            and outer.lemma_.lower() in onto.cue("partitive")
            and outer.head.i in self.names.named
        ):
            return self._np_actor(outer.head, depth + 1, exclude, found)
        return UNDECIDED

    def _read_followers(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """ "Gbagbo supporters", "supporters of the incumbent president": his camp, not him."""
        leader = self.followed(tok, exclude)
        if leader is None:
            return UNDECIDED
        ref = ActorRef(f"{leader.key}/followers", f"supporters of {leader.label}", "Civilians")
        found.append(Found(ref, tok.left_edge.i, self.scope_end(tok, ref)))
        return ref

    def _read_led(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """ "the Maduro government", "the party of Nawaz Sharif": the body the person leads
        (one node per person and kind: "the Biden administration" is his government)."""
        leader = self.led(tok, exclude)
        if leader is None:
            return UNDECIDED
        g = self.generic.head_row(tok)
        noun = tok.lemma_.lower()
        kind = g.kind if g is not None else noun
        described = self.onto.descriptions.get(noun, ())
        cls = g.cls if g is not None else (described[0] if described else "Organization")
        ref = ActorRef(f"{leader.key}/{kind}", f"{kind} of {leader.label}", cls)
        of = self.onto.cue("genitive")
        ends = [t.i for c in tok.rights if c.dep_ == "prep" and c.lower_ in of for t in c.subtree]
        first = tok.left_edge.i + (tok.left_edge.dep_ == "det")  # "the Maduro government"
        found.append(Found(ref, first, max([tok.i, *ends])))
        return ref

    def _read_generic(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A generic actor: "the army", "Iraqi security forces", "the government"."""
        g = self.generic.generic_ref(tok, lambda t: self.coref.antecedent(t))
        if g is None:
            return UNDECIDED
        ref, first = g
        shared = any(t.dep_ == "cc" for t in self.doc[first.i : tok.i])
        found.append(
            Found(ref, first.i, self.scope_end(tok, ref), name=ref.label if shared else None)
        )
        return ref

    def _read_apposition(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """An apposition names what it stands beside, either way, and so does an indefinite
        phrase after a name and a comma."""
        if tok.dep_ == "appos":
            ref = self._np_actor(tok.head, depth + 1, exclude, found)
            if ref is not None:
                return ref
        for c in tok.children:
            if c.dep_ == "appos":
                ref = self._np_actor(c, depth + 1, exclude, found)
                if ref is not None:
                    return ref
        ref = self._apposed_by_comma(tok)
        return UNDECIDED if ref is None else ref

    def _read_former(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """ "former members of Scientology": no longer its people, a group of their own."""
        if not (self.generic.people_noun(tok) and former(tok, self.onto.cue("former"))):
            return UNDECIDED
        ref = self.generic.former(tok)
        found.append(Found(ref, tok.left_edge.i, self.scope_end(tok, ref)))
        return ref

    def _read_definite_description(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A bare definite description is the actor it describes: "the militia" after
        Kataib Hezbollah (descriptions.tsv)."""
        onto, low = self.onto, tok.lower_
        det = [c for c in tok.children if c.dep_ == "det"]
        definite = bool(det) and is_definite(det[0])
        modified = any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in tok.children)
        if definite and low in onto.descriptions and not modified:
            ref = self.coref.antecedent(tok, onto.descriptions[low], exclude)
            if ref is not None:
                found.append(Found(ref, det[0].i, tok.i))
                return ref
        return UNDECIDED

    def _read_part_of(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A member, a number or a part of a group is the group: "members of Hamas", "two of
        the militias", "most of the party"."""
        onto = self.onto
        if (
            tok.lemma_.lower() in onto.cue("member")
            or tok.pos_ == "NUM"
            or tok.lower_ in onto.cue("partitive")
            or tok.lemma_.lower() in onto.cue("partitive")
        ) and not former(tok, onto.cue("former")):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in onto.cue("genitive"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self._np_actor(p, depth + 1, exclude, found)
        return UNDECIDED

    def _read_owner(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """An actor's assets or people stand for the actor: "a Kataib Hezbollah operations
        centre", "Saudi ships", "its stronghold". As the one who acts only its people do
        ("Hamas fighters"): "an Airbus jetliner crashed, killing ..." is no act of Airbus."""
        onto, generic = self.onto, self.generic
        if not (
            tok.pos_ in {"NOUN", "PROPN", "NUM"}
            and not self.is_event_noun(tok)
            and (not agentive(tok) or generic.people_noun(tok))
            and not (generic.people_noun(tok) and former(tok, onto.cue("former")))
        ):
            return UNDECIDED
        demonym = self.names.demonym
        for c in tok.children:
            if c.dep_ in {"poss", "compound", "nmod"} and c.i < tok.i:
                ref = generic.kind_of_state(tok, c, self._np_actor(c, depth + 1, exclude, found))
                if ref is not None and ref.type in PERSONAL and subordinate(tok, onto):
                    return None  # "Gbagbo's youth leader" is another man, not Gbagbo
                if ref is not None and tok.lemma_.lower() in onto.cue("counterpart"):
                    return None  # "its neighbor", "Israel's allies": the other party
                if ref is not None and ref.type == "Civilians" and generic.unit_head(tok):
                    return None  # "their military" after "the civilians": not theirs
                if ref is not None:
                    return ref
            if c.dep_ in {"amod", "compound"} and c.i < tok.i and c.i in demonym:
                state = onto.state_ref(demonym[c.i])
                if state is not None:  # "Iraqi towns": "Iraqi" names Iraq here
                    found.append(Found(state, c.i, c.i))
                return state
            if c.dep_ == "amod" and (held := generic.held_by(c)) is not None:
                found.append(Found(held, c.i, c.i))  # "rebel positions", tagged an adjective
                return held
        return UNDECIDED

    def _read_organisation_noun(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """An organisation noun names the organisation its name modifies ("the APEC forum");
        a state before it does not ("the Chad rebel coalition" is no state)."""
        onto, named = self.onto, self.names.named
        if tok.lemma_.lower() in onto.cue("org_noun") or tok.lower_ in onto.org_types:
            for c in tok.children:
                state = c.i in named and named[c.i][1].type == "State"
                if c.dep_ in {"compound", "nmod", "appos"} and c.i in named and not state:
                    return self._np_actor(c, depth + 1, exclude, found)
        return UNDECIDED

    def _read_people_from(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """ "activists from the Fatah party", "doctors from two aid groups": an organisation's
        people (a state's are only from it: "refugees from Syria" are not Syria)."""
        if self.generic.people_noun(tok):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in self.onto.cue("member_prep"):
                    for p in c.children:
                        ref = (
                            self._np_actor(p, depth + 1, exclude, found)
                            if p.dep_ == "pobj"
                            else None
                        )
                        if ref is not None and ref.type not in {"State", "Place"}:
                            return ref
        return UNDECIDED

    def _read_bare_generic(
        self, tok: Token, depth: int, exclude: frozenset[str], found: list[Found]
    ) -> Reading:
        """A generic head alone: "police", "protesters"."""
        g = self.generic.bare_generic(tok)
        if g is None:
            return UNDECIDED
        found.append(Found(g[0], g[1].i, self.scope_end(tok, g[0])))
        return g[0]

    #: how a noun phrase's head is read as an actor, in order: the first that decides wins
    READINGS: tuple[Callable[..., Reading], ...] = (
        _read_name,
        _read_people,
        _read_demonym,
        _read_pronoun,
        _read_title_holder,
        _read_described_name,
        _read_partitive_apposition,
        _read_followers,
        _read_led,
        _read_former,  # "former Iraqi soldiers" are no unit of Iraq
        _read_generic,
        _read_apposition,
        _read_definite_description,
        _read_part_of,
        _read_owner,
        _read_organisation_noun,
        _read_people_from,
        _read_bare_generic,
    )

    def _apposed_by_comma(self, tok: Token) -> ActorRef | None:
        """ "X (ACR), a group of ...": an indefinite noun phrase right after a named actor and a
        comma describes that actor, even when the parser did not attach it as an apposition."""
        if not any(c.dep_ == "det" and is_indefinite(c) for c in tok.children):
            return None
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}:
            return None  # "Iran attacked Israel, a spokesman said": a speaker, not Israel
        i = tok.left_edge.i - 1
        if i < 1 or self.doc[i].text != ",":
            return None
        i -= 1
        if self.doc[i].text == ")":
            while i > 0 and self.doc[i].text != "(":
                i -= 1
            i -= 1
        if i >= 0 and i in self.names.named:
            ref = self.names.named[i][1]
            return None if ref.type in NOT_ACTOR_TYPES else ref
        return None
