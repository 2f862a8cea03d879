"""Generic actors: the unnamed ones a noun phrase stands for.

"U.S. forces", "the Iraqi government", "security forces in Guinea" are a state's unit
(``united_states/forces``); "Iran-backed militias" and "militias loyal to Iran" are the groups
a patron backs (``iran/aligned_groups``); "Kurds" and "ethnic Turks" are a people; "militants"
with nothing to scope them are local to their document (``militants@doc``). The heads, their
kinds and classes are ``generic_actors.tsv``; the words that mark a patron are cue rows.

:class:`GenericActors` answers from the document's :class:`~.mentions.Names` and records
nothing: each method returns the actor and the first token of the phrase that names it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc, Token

from ..ontology import GenericHead, Office, Ontology, normalize_name, slugify
from ..records import ActorRef, Key
from .morph import is_the, pronoun_kind
from .names import NOT_ACTOR_TYPES, Names

#: finds the actor a possessive pronoun refers back to ("its fighters"), when there is one
Antecedent = Callable[[Token], "ActorRef | None"]
#: the modifiers of a generic head that can scope it ("U.S.", "Iran-backed", "Iraq's")
_SCOPING = frozenset({"compound", "nmod", "amod", "poss", "npadvmod", "det", "case", "punct"})


class GenericActors:
    """The generic actors of one document."""

    def __init__(
        self, doc: Doc, names: Names, onto: Ontology, doc_id: str, published: date | None = None
    ) -> None:
        self.doc = doc
        self.names = names
        self.onto = onto
        self.doc_id = doc_id
        self.published = published
        #: the office terms that resolved a title alone (offices.tsv), by the title's head
        self.office_terms: dict[int, tuple[ActorRef, Office]] = {}

    # ------------------------------------------------------------------ single tokens
    def state_at(self, tok: Token) -> str | None:
        """The state a modifier token names ("U.S.", "Iraqi", "Iraq's")."""
        if tok.i in self.names.demonym:
            return self.names.demonym[tok.i]
        if tok.i in self.names.named:
            ref = self.names.named[tok.i][1]
            return ref.key if ref.type == "State" else None
        return self.onto.state_of_word(tok.text)

    def place_at(self, tok: Token) -> ActorRef | None:
        """The named place a token is part of ("Kirkuk", "the West Bank"), if any."""
        found = self.names.named.get(tok.i)
        if found is not None and found[1].type == "Place":
            return found[1]
        return None

    def state_of_place(self, tok: Token) -> str | None:
        """The state a named place a modifier token is part of lies in (state_places.tsv)."""
        place = self.place_at(tok)
        return self.onto.state_places.get(normalize_name(place.label)) if place else None

    def actor_at(self, tok: Token) -> ActorRef | None:
        """The named actor or state a single modifier token stands for."""
        if tok.i in self.names.named:
            ref = self.names.named[tok.i][1]
            return None if ref.type in NOT_ACTOR_TYPES else ref
        state = self.state_at(tok)
        return self.onto.state_ref(state) if state else None

    def patron_of(self, part: Token) -> ActorRef | None:
        """For "Iran-aligned"/"U.S.-backed"/"pro-Iranian": the backer named before the hyphen."""
        doc = self.doc
        cues = self.onto.cue("aligned")
        if part.lemma_.lower() not in cues and part.lower_ not in cues:
            return None
        i = part.i
        if i >= 2 and doc[i - 1].text in {"-", "\u2010", "\u2011"}:
            return self.actor_at(doc[i - 2])
        for c in part.children:
            if c.dep_ in {"npadvmod", "compound", "nmod", "amod"} and c.i < part.i:
                ref = self.actor_at(c)
                if ref is not None:
                    return ref
        return None

    # ------------------------------------------------------------------ noun phrases
    def generic_ref(
        self, head: Token, antecedent: Antecedent | None = None
    ) -> tuple[ActorRef, Token] | None:
        """An unnamed actor ("U.S. forces", "Iran-backed militias") headed by ``head``.

        ``antecedent`` resolves a possessive pronoun ("Hamas and its fighters": the group
        itself); without it such a phrase is no generic actor.
        """
        named = self.names.named
        g = self.head_row(head)
        if g is None or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        if g.imported and _bare_singular(head):
            return None  # "forced exile must stop", "went into exile": a state, not a person
        if head.i in self.names.called:  # "an elite group called the Sea Org"
            return self.names.called[head.i], head.left_edge
        if head.dep_ == "compound" and head.head.i in named:
            return None  # "armed group Kataib Hezbollah" names the group
        if any(c.dep_ == "appos" and c.i in named for c in head.children):
            return None  # "militant group Hamas"
        if head.dep_ == "appos" and head.head.i in named:
            return None  # "Wagner, a Russia-linked group": the group is Wagner
        delegated = self._delegating_kinds(head)
        if delegated:
            return delegated[0]  # "rebel negotiators" act for the rebels
        state, scope, patron, first = self._scoping_modifiers(head)
        if patron is None:
            patron = self._postmodifier_patron(head)
        if patron is None and state is None and antecedent is not None:
            poss = next((c for c in head.children if c.dep_ == "poss" and pronoun_kind(c)), None)
            owner = antecedent(poss) if poss is not None else None
            if owner is not None and owner.type != "State" and not g.unit:
                return owner, poss  # type: ignore[return-value]  # poss is set with owner
        if patron is None and state is None:
            group = self._norp_modifier(head)
            if group is not None:
                # "Chechen refugees", "Kurdish prisoners", "Shiite militias": a people that is
                # no state scopes the actor as a state would, but it is no unit of a state
                label = self.doc[group.i : head.i + 1].text
                key = str(Key(slugify(group.text), g.kind))
                return ActorRef(key=key, label=label, type=g.cls), group
        if patron is not None and g.kind in {"armed_groups", "forces"}:
            label = self.doc[first.i : head.i + 1].text
            return ActorRef(
                key=f"{patron.key}/aligned_groups", label=label, type="ArmedGroup"
            ), first
        if state is None:
            state = self._state_of_phrase(head)
            if state is None:
                return self._office(head, g) if patron is None else None
            holder = self.office_holder(head, state, None)
            if holder is not None:
                return holder, head
            label = f"{head.text} of {self.onto.states[state].name}"
            # the mention keeps the head's own modifiers: "Security forces in Bahrain"
            mods = [c for c in head.lefts if c.dep_ in {"amod", "compound"} and not c.is_punct]
            return self.state_unit(state, g.kind, label), min([head, *mods], key=lambda t: t.i)
        holder = self.office_holder(head, state, scope)
        if holder is not None:
            return holder, first
        label = self.doc[first.i : head.i + 1].text
        if g.kind == "government":
            outside = [c for c in head.lefts if c.lower_ in self.onto.cue("outside")]
            if outside:
                # "the Chadian rebel leader" leads Chad's rebels, not its government: the unit
                # of the group the word names, if it names one, else no actor
                word = outside[-1]
                # the group's own row, by its plural ("rebels") before the imported singular
                row = self.onto.generic.get(f"{word.lower_}s") or self.head_row(word)
                if row is None or row.kind == "government":
                    return None
                return self.state_unit(state, row.kind, label), first
        if scope is not None and any(c.dep_ == "conj" for c in scope.children):
            label = f"{scope.text} {head.text}"  # "Hungarian and Romanian officials": each's own
        return self.state_unit(state, g.kind, label), first

    def _scoping_modifiers(
        self, head: Token
    ) -> tuple[str | None, Token | None, ActorRef | None, Token]:
        """What the modifiers before ``head`` say: the state they name ("Iraqi forces",
        "Kabul police") and the modifier that names it, the patron ("Iran-backed militias",
        "pro-Russian separatists"), and the first token of the phrase they make."""
        state: str | None = None
        scope: Token | None = None  # the modifier that names the state
        patron: ActorRef | None = None
        first = head
        for tok in head.subtree:
            if tok.i >= head.i:
                break
            if tok.dep_ not in _SCOPING:
                continue
            p = self.patron_of(tok)
            if p is not None:
                patron, first = p, min(first, tok.left_edge, key=lambda t: t.i)
                continue
            if (
                tok.i >= 2
                and self.doc[tok.i - 1].text == "-"
                and self.doc[tok.i - 2].lower_ in self.onto.cue("pro_prefix")
            ):
                ref = self.actor_at(tok)
                if ref is not None:
                    patron, first = ref, min(first, self.doc[tok.i - 2], key=lambda t: t.i)
                    continue
            s = self.state_at(tok)
            if s is None and tok.dep_ in {"compound", "nmod", "poss"}:
                # "Kabul police", "Gaza residents", "Baku's forces"
                s = self.state_of_place(tok)
            if s is not None and state is None:
                state, scope = s, tok
                first = min(first, tok, key=lambda t: t.i)
        return state, scope, patron, first

    def people_ref(self, tok: Token) -> tuple[ActorRef, Token] | None:
        """A people named by a plural noun that is no state's demonym: "Kurds", "Iraqi Kurds",
        "Shiites". With a state modifier it is that state's people, not a unit of it."""
        ethnic = any(c.dep_ == "amod" and c.lower_ in self.onto.cue("ethnic") for c in tok.children)
        # a people of peoples.tsv the NER missed, however spelt ("Shi'ites" is "shiite")
        word = tok.lower_.replace("'", "").replace("\u2019", "")
        listed = word.endswith("s") and word[:-1] in self.onto.peoples and not tok.ent_type_
        if not listed and (
            tok.tag_ not in {"NNPS", "NNS"}
            or not (ethnic or (tok.ent_type_ == "NORP" and tok.i not in self.names.demonym))
        ):
            return None
        state = next(
            (self.state_at(c) for c in tok.children if c.i < tok.i and self.state_at(c)), None
        )
        mods = [c for c in tok.children if c.i < tok.i and (self.state_at(c) or c.dep_ == "amod")]
        first = min(mods, key=lambda t: t.i, default=tok)
        slug = slugify(tok.text)
        key = str(Key(state or None, slug))
        ref = ActorRef(key=key, label=self.doc[first.i : tok.i + 1].text, type="Civilians")
        return ref, first

    def _delegating_kinds(self, head: Token) -> list[tuple[ActorRef, Token]]:
        """For a noun of people who act for another (cue role ``delegate``), the kinds the
        words before it name, with the word: "rebel negotiators" are the rebels', "government
        and rebel delegates" the government's and the rebels'."""
        if head.lower_ not in self.onto.cue("delegate"):
            return []
        out: list[tuple[ActorRef, Token]] = []
        for c in head.lefts:
            if c.dep_ in {"amod", "compound", "nmod"} and (kind := self.kind_word(c)):
                out.append((kind, c))
                out += [(k, d) for d in c.conjuncts if d.i < head.i and (k := self.kind_word(d))]
        return out

    def conjoined_scopes(self, head: Token, ref: ActorRef) -> list[tuple[ActorRef, Token]]:
        """ "French and Egyptian troops": one head scoped by conjoined states is one unit of
        each state; "government and rebel delegates" act for each kind."""
        out = [(k, d) for k, d in self._delegating_kinds(head)[1:] if k != ref]
        for c in head.children:
            state = self.state_at(c) if c.i < head.i and c.dep_ in {"amod", "compound"} else None
            if state is None or not ref.key.startswith(f"{state}/"):
                continue
            kind = ref.key[len(state) + 1 :]
            for conj in c.children:
                other = self.state_at(conj) if conj.dep_ == "conj" else None
                if other is not None and other != state:
                    label = f"{conj.text} {head.text}"
                    out.append((self.state_unit(other, kind, label), conj))
        return out

    def _holding(self, word: Token) -> bool:
        """Whether ``word`` stands before what an actor holds (cue role ``holding``) or a body
        of people (``collective``): "attacked *rebel* positions", "*army* bases", "*rebel*
        groups" stand for the kind, with or without an article."""
        head = word.head.lemma_.lower()
        return word.i < word.head.i and (
            head in self.onto.cue("holding") or head in self.onto.cue("collective")
        )

    def held_by(self, word: Token) -> ActorRef | None:
        """The kind an adjective-tagged word before a holding names ("*rebel* positions" when
        the tagger calls "rebel" an adjective): the actor local to the document, else None."""
        return self.kind_word(word) if self._holding(word) else None

    def kind_word(self, word: Token) -> ActorRef | None:
        """The kind one word of a generic kind names ("rebel", "police", "army"), local to the
        document, else None."""
        g = self.onto.generic.get(word.lower_)
        return self.local(self._own_row(g), g.label) if g is not None else None

    def kind_of_state(self, head: Token, word: Token, ref: ActorRef | None) -> ActorRef | None:
        """What a modifier of ``head`` that names a state (``ref``) stands for when a word of a
        kind stands between them: "the Sudan rebel alliance" is the Sudanese rebels', not
        Sudan's."""
        if ref is None or ref.type != "State":
            return ref
        for t in self.doc[word.i + 1 : head.i]:
            if t.dep_ in {"compound", "amod"} and (g := self.onto.generic.get(t.lower_)):
                return self.state_unit(ref.key, self._own_row(g).kind, f"{ref.label} {t.text}")
        return ref

    def _own_row(self, g: GenericHead) -> GenericHead:
        """The table's own row for an imported head's kind, by its label ("rebel", imported
        from agents.tsv, is the "rebels" row): one node for a document's rebels."""
        own = self.onto.generic.get(g.label) if g.imported else None
        return own if own is not None and not own.imported else g

    def unscoped_ref(self, head: Token, *, speaker: bool = False) -> tuple[ActorRef, Token] | None:
        """A generic actor with no state or patron ("militants", "two journalists"), local to
        its document: the rebels of one article are not those of another. ``speaker``: the
        head speaks ("mediators said"), which makes the heads marked ``alone = speaker`` actors
        too, with or without an article."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.tag_ not in {"NNS", "NNPS", "NN"}:
            return None
        g = self.head_row(head)
        held = head.dep_ == "compound" and self._holding(head)
        if held and g is not None:
            g = self._own_row(g)
        alone = {"yes", "definite", "speaker"} if speaker else {"yes", "definite"}
        if (
            g is None
            or (g.alone not in alone and not held)
            or (g.imported and _bare_singular(head) and not held)
        ):
            return None
        if (
            g.alone == "definite"
            and not held
            and not speaker  # "forces said": a speaker needs no article
            and not any(c.dep_ == "det" and is_the(c) for c in head.children)
            and not self._pro_modified(head)  # "pro-government forces" are no vague forces
            and not self._aligned_after(head)  # nor are "forces loyal to X", "troops backing X"
            and not self._government_modified(head)  # nor are "government forces"
        ):
            return None
        first = head
        for c in head.children:
            if (
                c.i < head.i
                and c.dep_ in {"amod", "compound"}
                and (
                    c.pos_ in {"ADJ", "NOUN"}
                    # "Union officials": a capitalised common noun the tagger took for a name
                    or (c.pos_ == "PROPN" and not c.ent_type_ and c.i not in self.names.named)
                    # "Chenchen refugees": where they are from, when no state is known
                    or self.place_at(c) is not None
                )
            ):
                first = min(first, c.left_edge, key=lambda t: t.i)
        return self.local(g, self.doc[first.i : head.i + 1].text), first

    def _government_modified(self, head: Token) -> bool:
        """A government noun before ``head`` says whose they are ("government forces",
        "government troops": the government's of the story, as "the army" is)."""
        return any(
            c.dep_ == "compound" and (row := self.head_row(c)) is not None
            and row.kind == "government"
            for c in head.lefts
        )  # fmt: skip

    def _aligned_after(self, head: Token) -> bool:
        """A modifier after ``head`` says whom it sides with ("forces loyal to X", "troops
        supporting X", "units allied with X"; cue role ``aligned``)."""
        aligned = self.onto.cue("aligned")
        return any(
            c.i > head.i and c.dep_ in {"amod", "acl"} and c.lemma_.lower() in aligned
            for c in head.children
        )

    def _pro_modified(self, head: Token) -> bool:
        """A "pro-" modifier before ``head`` says whom it sides with ("pro-government
        forces", cue role ``pro_prefix``)."""
        pro = self.onto.cue("pro_prefix")
        doc = self.doc
        return any(
            t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in pro
            for c in head.lefts
            for t in c.subtree
        )

    def office_holder(self, head: Token, state: str, scope: Token | None) -> ActorRef | None:
        """The person who held the office a title alone names ("the Israeli prime minister",
        "Israel's prime minister", "the prime minister of Israel", "the U.S. secretary of
        state") on the article's publication date (offices.tsv). The words between the
        state and the head must be the title and nothing else: "the former prime minister",
        "the deputy prime minister" or "ministers" hold no one office; an undated article
        resolves no one."""
        if self.published is None or head.tag_ not in {"NN", "NNP"}:  # one holder: singular
            return None
        words = [
            c for c in head.children
            if c.i < head.i and c.dep_ in {"compound", "amod", "nmod"}
            and (scope is None or c.i != scope.i)
        ]  # fmt: skip
        if any(self.state_at(w) is not None for w in words):
            return None
        title = " ".join([*(w.lower_ for w in sorted(words, key=lambda t: t.i)), head.lower_])
        of = self.onto.cue("genitive")
        for c in head.children:  # "secretary of state": a title that runs on past its head
            if c.dep_ == "prep" and c.lower_ in of:
                for p in c.children:
                    longer = f"{title} {c.lower_} {p.lower_}"
                    if p.dep_ == "pobj" and longer in self.onto.titles:
                        title = longer
        term = next(
            (t for t in self.onto.offices.get((state, title), ()) if t.covers(self.published)),
            None,
        )
        if term is None:
            return None
        ref = ActorRef(key=term.person, label=term.name, type="Person")
        self.office_terms[head.i] = (ref, term)
        return ref

    def _office(self, head: Token, g: GenericHead) -> tuple[ActorRef, Token] | None:
        """ "the Secretary of Defense" with no state named: the office, local to its document
        (a government head of generic_actors.tsv, "of" and a portfolio, cue role
        ``portfolio``)."""
        if g.kind != "government" or not any(c.dep_ == "det" and is_the(c) for c in head.children):
            return None
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in self.onto.cue("genitive"):
                continue
            for p in c.children:
                words = [t for t in p.subtree if not is_the(t)]
                portfolio = " ".join(t.lower_ for t in words)
                if p.dep_ == "pobj" and portfolio in self.onto.cue("portfolio"):
                    label = f"{head.text} of {' '.join(t.text for t in words)}"
                    key = str(Key(None, slugify(label), self.doc_id))
                    return ActorRef(key=key, label=label, type="Official"), head
        return None

    def unit_head(self, head: Token) -> bool:
        """Whether a head noun names a unit of a state ("military", "troops", "officials"),
        which a group of civilians has none of."""
        g = self.head_row(head)
        return g is not None and g.unit

    def head_row(self, head: Token) -> GenericHead | None:
        """The generic_actors.tsv row of a head noun: of the head with the noun or adjective
        right before it when the table has that pair ("rights groups", "aid agencies",
        "military leaders": not armed groups), else of the head alone."""
        generic = self.onto.generic
        before = self.doc[head.i - 1] if head.i > 0 else None
        if before is not None and before.dep_ in {"compound", "amod"} and before.head.i == head.i:
            for word in (before.lower_, before.lemma_.lower()):
                for h in (head.lower_, head.lemma_.lower()):
                    g = generic.get(f"{word} {h}")
                    if g is not None:
                        return g
        return generic.get(head.lower_) or generic.get(head.lemma_.lower())

    def unidentified(self, means: str) -> ActorRef:
        """The unnamed perpetrators of an attack the text names only by its means ("a
        roadside bomb killed ..."): an armed group local to this document, one per means.

        CAMEO codes such actors as unidentified armed forces (sector UAF)."""
        label = f"unidentified attackers ({means})"
        return ActorRef(
            key=str(Key("unidentified", slugify(means), self.doc_id)),
            label=label,
            type="ArmedGroup",
        )

    def former(self, head: Token) -> ActorRef:
        """ "former members of X", "ex-fighters": people who once belonged to an actor, a group
        local to this document and part of no one."""
        label = self.doc[head.left_edge.i : head.i + 1].text
        return ActorRef(
            key=str(Key(None, slugify(label), self.doc_id)), label=label, type="Civilians"
        )

    def local(self, g: GenericHead, label: str) -> ActorRef:
        """The actor of generic kind ``g`` local to this document (``militants@doc``)."""
        return ActorRef(key=str(Key(None, g.kind, self.doc_id)), label=label, type=g.cls)

    def capital_government(self, name: str) -> ActorRef | None:
        """The government a capital stands for when it acts or speaks ("Washington said",
        "Kigali denies"; state_places.tsv)."""
        state = self.onto.state_places.get(normalize_name(name))
        return self.state_unit(state, "government", name) if state is not None else None

    def bare_generic(self, tok: Token) -> tuple[ActorRef, Token] | None:
        """An unscoped generic actor, unless the noun phrase belongs to an actor
        ("Hamas fighters", "its militants")."""
        for c in tok.children:
            if c.dep_ == "poss" or (
                c.dep_ in {"compound", "nmod"}
                and (c.i in self.names.named or c.pos_ == "PROPN")
                and self.place_at(c) is None
            ):
                return None  # "its fighters" with no antecedent, "Al-Shabaab fighters"
        return self.unscoped_ref(tok)

    def state_unit(self, state: str, kind: str, label: str | None = None) -> ActorRef:
        """The actor for a state's unit of a kind: ``iraq/government``, ``united_states/forces``."""
        g = next((h for h in self.onto.generic.values() if h.kind == kind), None)
        cls = g.cls if g else "Organization"
        if label is None:
            # "Canadian government", as news names it; the name where no adjective is known
            st = self.onto.states[state]
            label = f"{st.demonyms[0] if st.demonyms else st.name} {g.label if g else kind}"
        part_of = state if g is not None and g.unit else None
        return ActorRef(key=str(Key(state, kind)), label=label, type=cls, part_of=part_of)

    def people_noun(self, tok: Token) -> bool:
        """A noun for an actor's people or arms: a generic head or a member word."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        members = self.onto.cue("member")
        return (
            low in self.onto.generic
            or lemma in self.onto.generic
            or low in members
            or lemma in members
            or tok.pos_ == "NUM"
            or low in self.onto.cue("partitive")
        )

    # ------------------------------------------------------------------ helpers
    def _norp_modifier(self, head: Token) -> Token | None:
        """A modifier naming a people or a region that is not a state ("Chechen", "Kurdish",
        "Yoruba", "Arab", "Gulf", "Baltic")."""
        for c in head.children:
            if (
                c.i < head.i
                and c.dep_ in {"amod", "compound", "nmod"}
                and c.ent_type_ in {"NORP", "LOC"}
                and self.state_at(c) is None
            ):
                return c
        return None

    def _postmodifier_patron(self, head: Token) -> ActorRef | None:
        """The backer in "militias loyal to Iran", "fighters backed by Turkey"."""
        cues, patron = self.onto.cue("aligned"), self.onto.cue("patron")
        backers = (
            p
            for c in head.children
            if c.i > head.i and c.dep_ in {"amod", "acl"}
            if c.lemma_.lower() in cues or c.lower_ in cues
            for prep in c.children
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in patron
            for p in prep.children
            if p.dep_ == "pobj" and p.i in self.names.named
        )
        for p in backers:
            ref = self.actor_at(p)
            if ref is not None:
                return ref
        return None

    def _state_of_phrase(self, head: Token) -> str | None:
        """The state in "the government of Iraq", "the president of Iran", "security forces
        in Guinea"."""
        of, locative = self.onto.cue("genitive"), self.onto.cue("locative")
        for c in head.children:
            if c.dep_ == "prep" and (c.lower_ in of or c.lower_ in locative):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in self.names.named:
                        ref = self.names.named[p.i][1]
                        if ref.type == "State":
                            return ref.key
        return None


def _bare_singular(head: Token) -> bool:
    """A singular common noun with no determiner, possessor or number in a sentence that ends
    as prose does: English names no one person that way ("forced exile", "in exile"), while a
    headline drops its articles ("Police arrest protester")."""
    if head.tag_ != "NN" or any(c.dep_ in {"det", "poss", "nummod"} for c in head.children):
        return False
    last = [t for t in head.sent if not t.is_space]
    return bool(last) and last[-1].text in {".", "!", "?", '"', "\u201d", "'"}
