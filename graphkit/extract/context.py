"""Per-document state for extraction: actor mentions and how noun phrases resolve to actors.

A :class:`DocContext` is built once per parsed document. It finds the named mentions (NER plus
the gazetteer ruler, with acronyms in parentheses and surnames folded into the full name),
the generic actors ("U.S. forces", "Iran-backed militias"), and answers the question the
extraction rules keep asking: *which actors does the noun phrase headed by this token stand
for?* -- following pronouns, definite descriptions ("the group"), appositions, partitives
("eight of its members"), conjunctions and possessors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..names import plain_name
from ..ontology import LexEntry, Ontology, normalize_name, slugify
from ..records import ActorRef, Document, Evidence, Mention
from .morph import is_article, is_definite, is_indefinite, is_the, pronoun_kind

ACTOR_LABELS = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC"}
NOT_ACTOR_TYPES = {"Place"}
PERSONAL = {"Person", "Official"}


@dataclass(frozen=True)
class Candidate:
    """An actor mention that a later pronoun or description may refer back to."""

    token: int
    sent: int
    ref: ActorRef
    subject: bool
    main: bool = False  # subject of the sentence's main clause
    plural: bool = False  # a plural common noun ("militants"), which "it" cannot refer to


class DocContext:
    """Actor mentions of one parsed document and the resolution of noun phrases."""

    def __init__(self, document: Document, doc: Doc, onto: Ontology) -> None:
        self.document = document
        self.doc = doc
        self.onto = onto
        self.sent_of: dict[int, int] = {}
        self.sents: list[Span] = list(doc.sents)
        for si, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = si
        self.named: dict[int, tuple[Span, ActorRef]] = {}
        self.demonym: dict[int, str] = {}
        self.acronyms: dict[str, ActorRef] = {}
        self.mentions: dict[tuple[int, int, str], Mention] = {}
        #: token index -> its lexicon entry (None: no predicate), filled by events.lookup
        self.lexicon_cache: dict[int, LexEntry | None] = {}
        #: the latest person named with more words, by the last words of the name ("Biden",
        #: "Joe Biden"): a shorter later mention is that person
        self._person_by_suffix: dict[tuple[str, ...], ActorRef] = {}
        self._find_named()
        self.candidates: list[Candidate] = []  # none yet while they are being collected
        self.candidates = self._candidates()

    # ------------------------------------------------------------------ mentions
    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a character span: the text comes from the original document."""
        return Evidence(self.document.id, start, end, self.document.text[start:end])

    def sent(self, tok: Token) -> Span:
        """The sentence of ``tok``, from the list made once per document (``Token.sent`` scans
        the whole document on each call, which made extraction quadratic in its length)."""
        return self.sents[self.sent_of[tok.i]]

    def sentence_evidence(self, tok: Token) -> Evidence:
        s = self.sent(tok)
        text = s.text  # Doc.text joins the whole document on every call
        end = s.start_char + len(text.rstrip())
        return self.evidence(s.start_char, end)

    def record(self, ref: ActorRef, first: Token, last: Token, *, alias: bool = True) -> None:
        """Remember that tokens first..last mention ``ref`` (an alias unless a pronoun)."""
        start, end = first.idx, last.idx + len(last.text)
        ev = self.evidence(start, end)
        key = (start, end, ref.key)
        if key not in self.mentions:
            self.mentions[key] = Mention(ref, ev, ev.text if alias else "")

    def _strip(self, span: Span) -> Span:
        start, end = span.start, span.end
        while start < end and (is_article(self.doc[start]) or self.doc[start].is_punct):
            start += 1
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
            end -= 1
        return self.doc[start:end]

    def _org_type(self, span: Span) -> str:
        cls = "Organization"
        for t in span:
            cls = self.onto.org_types.get(t.lower_, cls)
        return cls

    def _entity_ref(self, span: Span, label: str, ent_id: str) -> ActorRef | None:
        onto = self.onto
        text = plain_name(span.text)  # no look-alike or invisible characters in a name
        if not any(c.isalpha() for c in text) or len(text) < 2 or "\n" in text:
            return None  # punctuation, or a misparse running across a line break
        if any(t.like_url or t.like_email for t in span):
            return None
        if ent_id and ent_id in onto.actors:
            return onto.actor_ref(ent_id)
        known = onto.lookup_name(text)
        if known is not None:
            return known
        norm = normalize_name(text)
        if norm in self.acronyms:
            return self.acronyms[norm]
        if label == "NORP":
            state = onto.state_of_word(text)
            return onto.state_ref(state) if state else None
        if label in {"GPE", "FAC", "LOC"}:
            return ActorRef(key=slugify(text), label=text, type="Place")
        if label in {"ORG", "GPE"} and len(span) == 1 and text[:1].isupper():
            prev = self._person_by_suffix.get((norm,))
            if prev is not None:
                return prev  # "Devocht" tagged ORG after "Tom Devocht"
        if label == "PERSON" and _used_as_place(span, onto):
            return ActorRef(key=slugify(text), label=text, type="Place")
        if label in {"PERSON", "ORG"} and norm in onto.not_actors:
            return None
        if label == "PERSON":
            prev = self._person_by_suffix.get(tuple(norm.split()))
            if prev is not None:
                return prev
            ref = ActorRef(key=slugify(text), label=text, type="Person")
            words = normalize_name(ref.label).split()
            for k in range(1, len(words)):
                self._person_by_suffix[tuple(words[-k:])] = ref
            return ref
        return ActorRef(key=slugify(text), label=text, type=self._org_type(span))

    def _find_named(self) -> None:
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            span = self._strip(ent)
            if len(span) == 0:
                continue
            dem = self.onto.demonym_state(span.text)
            if dem is not None and span[-1].pos_ in {"ADJ", "PROPN"} and _modifier(span[-1]):
                for t in span:  # "Sri Lankan troops", whatever label the NER gave it
                    self.demonym[t.i] = dem
                continue
            ref = self._entity_ref(span, ent.label_, ent.ent_id_)
            if ref is None:
                continue
            if ent.label_ == "NORP" and ref.type == "State":
                for t in span:
                    self.demonym[t.i] = ref.key
                continue
            for t in span:
                self.named[t.i] = (span, ref)
        # "Popular Mobilisation Forces (PMF)": the acronym becomes an alias everywhere in the doc
        for span, ref in self.named_spans():
            e = span.end
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
                acro = doc[e + 1]
                if acro.text.isupper() and 2 <= len(acro.text) <= 8 and ref.type != "Place":
                    self.acronyms[normalize_name(acro.text)] = ref
        if self.acronyms:
            for t in doc:
                ref = self.acronyms.get(normalize_name(t.text))
                if ref is None or not t.text.isupper():
                    continue
                current = self.named.get(t.i)
                if current is None or not current[1].gazetteer:
                    self.named[t.i] = (doc[t.i : t.i + 1], ref)
        self._propagate_names()
        for span, ref in self.named_spans():
            if ref.type not in NOT_ACTOR_TYPES:
                self.record(ref, span[0], span[-1])

    def _propagate_names(self) -> None:
        """A name the NER found once is a name everywhere in the document: other occurrences
        of the same capitalised words, and a person's surname alone, become mentions too."""
        doc = self.doc
        forms: dict[tuple[str, ...], tuple[Span, ActorRef]] = {}
        for span, ref in self.named_spans():
            if ref.type in NOT_ACTOR_TYPES or not span[0].text[:1].isupper():
                continue
            forms.setdefault(tuple(t.text for t in span), (span, ref))
            if ref.type == "Person" and len(span) > 1 and span[-1].pos_ == "PROPN":
                forms.setdefault((span[-1].text,), (span, ref))
        if not forms:
            return
        longest = max(len(k) for k in forms)
        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in self.named or tok.ent_type_ or not tok.text[:1].isupper():
                i += 1
                continue
            for n in range(min(longest, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                found = forms.get(tuple(t.text for t in span))
                if found is None or any(t.i in self.named or t.ent_type_ for t in span):
                    continue
                if n == 1 and tok.pos_ != "PROPN":
                    continue  # "Will" at the start of a sentence is no surname
                for t in span:
                    self.named[t.i] = (span, found[1])
                i += n - 1
                break
            i += 1

    def named_spans(self) -> list[tuple[Span, ActorRef]]:
        """Each named mention once, in document order."""
        unique = {span.start: (span, ref) for span, ref in self.named.values()}
        return [unique[k] for k in sorted(unique)]

    # ------------------------------------------------------------------ generic actors
    def state_at(self, tok: Token) -> str | None:
        """The state a modifier token names ("U.S.", "Iraqi", "Iraq's")."""
        if tok.i in self.demonym:
            return self.demonym[tok.i]
        if tok.i in self.named:
            ref = self.named[tok.i][1]
            return ref.key if ref.type == "State" else None
        return self.onto.state_of_word(tok.text)

    def place_at(self, tok: Token) -> ActorRef | None:
        """The named place a token is part of ("Kirkuk", "the West Bank"), if any."""
        found = self.named.get(tok.i)
        if found is not None and found[1].type == "Place":
            return found[1]
        return None

    def actor_at(self, tok: Token) -> ActorRef | None:
        """The named actor or state a single modifier token stands for."""
        if tok.i in self.named:
            ref = self.named[tok.i][1]
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

    def generic_ref(self, head: Token) -> tuple[ActorRef, Token] | None:
        """An unnamed actor ("U.S. forces", "Iran-backed militias") headed by ``head``."""
        g = self.onto.generic.get(head.lower_) or self.onto.generic.get(head.lemma_.lower())
        if g is None or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        if head.dep_ == "compound" and head.head.i in self.named:
            return None  # "armed group Kataib Hezbollah" names the group
        if any(c.dep_ == "appos" and c.i in self.named for c in head.children):
            return None  # "militant group Hamas"
        if head.dep_ == "appos" and head.head.i in self.named:
            return None  # "Wagner, a Russia-linked group": the group is Wagner
        state: str | None = None
        patron: ActorRef | None = None
        first = head
        for tok in head.subtree:
            if tok.i >= head.i:
                break
            if tok.dep_ not in {
                "compound",
                "nmod",
                "amod",
                "poss",
                "npadvmod",
                "det",
                "case",
                "punct",
            }:
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
            if s is not None and state is None:
                state = s
                first = min(first, tok, key=lambda t: t.i)
        if patron is None:
            patron = self._postmodifier_patron(head)
        if patron is None and state is None:
            poss = next((c for c in head.children if c.dep_ == "poss" and pronoun_kind(c)), None)
            owner = self.antecedent(poss) if poss is not None else None
            if owner is not None and owner.type != "State" and not g.unit:
                return owner, poss  # "Hamas and its fighters": the group itself
        if patron is None and state is None:
            group = self._norp_modifier(head)
            if group is not None:
                # "Chechen refugees", "Kurdish prisoners", "Shiite militias": a people that is
                # no state scopes the actor as a state would, but it is no unit of a state
                label = self.doc[group.i : head.i + 1].text
                key = f"{slugify(group.text)}/{g.kind}"
                return ActorRef(key=key, label=label, type=g.cls), group
        if patron is not None and g.kind in {"armed_groups", "forces"}:
            label = self.doc[first.i : head.i + 1].text
            return ActorRef(
                key=f"{patron.key}/aligned_groups", label=label, type="ArmedGroup"
            ), first
        if state is None:
            state = self._state_of_phrase(head)
            if state is None:
                return None
            label = f"{head.text} of {self.onto.states[state].name}"
            return self.state_unit(state, g.kind, label), head
        return self.state_unit(state, g.kind, self.doc[first.i : head.i + 1].text), first

    def _norp_modifier(self, head: Token) -> Token | None:
        """A modifier naming a people that is not a state ("Chechen", "Kurdish", "Yoruba")."""
        for c in head.children:
            if (
                c.i < head.i
                and c.dep_ in {"amod", "compound", "nmod"}
                and c.ent_type_ == "NORP"
                and self.state_at(c) is None
            ):
                return c
        return None

    def people_ref(self, tok: Token) -> ActorRef | None:
        """A people named by a plural noun that is no state's demonym: "Kurds", "Iraqi Kurds",
        "Shiites". With a state modifier it is that state's people, not a unit of it."""
        ethnic = any(c.dep_ == "amod" and c.lower_ in self.onto.cue("ethnic") for c in tok.children)
        if tok.tag_ not in {"NNPS", "NNS"} or not (
            ethnic or (tok.ent_type_ == "NORP" and tok.i not in self.demonym)
        ):
            return None
        state = next(
            (self.state_at(c) for c in tok.children if c.i < tok.i and self.state_at(c)), None
        )
        mods = [c for c in tok.children if c.i < tok.i and (self.state_at(c) or c.dep_ == "amod")]
        first = min(mods, key=lambda t: t.i, default=tok)
        slug = slugify(tok.text)
        key = f"{state}/{slug}" if state else slug
        ref = ActorRef(key=key, label=self.doc[first.i : tok.i + 1].text, type="Civilians")
        self.record(ref, first, tok)
        return ref

    def _postmodifier_patron(self, head: Token) -> ActorRef | None:
        """The backer in "militias loyal to Iran", "fighters backed by Turkey"."""
        cues = self.onto.cue("aligned")
        for c in head.children:
            if c.i < head.i or c.dep_ not in {"amod", "acl"}:
                continue
            if c.lemma_.lower() not in cues and c.lower_ not in cues:
                continue
            for prep in c.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in self.onto.cue("patron"):
                    for p in prep.children:
                        if p.dep_ == "pobj":
                            ref = self.actor_at(p) if p.i in self.named else None
                            if ref is not None:
                                return ref
        return None

    def _state_of_phrase(self, head: Token) -> str | None:
        """The state in "the government of Iraq", "the president of Iran", "security forces
        in Guinea"."""
        for c in head.children:
            if c.dep_ == "prep" and (
                c.lower_ in self.onto.cue("genitive") or c.lower_ in self.onto.cue("locative")
            ):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in self.named:
                        ref = self.named[p.i][1]
                        if ref.type == "State":
                            return ref.key
        return None

    def unscoped_ref(self, head: Token) -> tuple[ActorRef, Token] | None:
        """A generic actor with no state or patron ("militants", "two journalists"), local to
        its document: the rebels of one article are not those of another."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.tag_ not in {"NNS", "NNPS", "NN"}:
            return None
        g = self.onto.generic.get(head.lower_) or self.onto.generic.get(head.lemma_.lower())
        if g is None or g.alone not in {"yes", "definite"}:
            return None
        if g.alone == "definite" and not any(c.dep_ == "det" and is_the(c) for c in head.children):
            return None
        first = head
        for c in head.children:
            if c.i < head.i and c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"}:
                first = min(first, c.left_edge, key=lambda t: t.i)
        label = self.doc[first.i : head.i + 1].text
        key = f"{g.kind}@{self.document.id}"
        return ActorRef(key=key, label=label, type=g.cls), first

    def state_unit(self, state: str, kind: str, label: str | None = None) -> ActorRef:
        """The actor for a state's unit of a kind: ``iraq/government``, ``united_states/forces``."""
        g = next((h for h in self.onto.generic.values() if h.kind == kind), None)
        cls = g.cls if g else "Organization"
        if label is None:
            label = f"{self.onto.states[state].name} {g.label if g else kind}"
        part_of = state if g is not None and g.unit else None
        return ActorRef(key=f"{state}/{kind}", label=label, type=cls, part_of=part_of)

    # ------------------------------------------------------------------ coreference
    def _candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        seen: set[int] = set()
        for t in self.doc:
            if t.i in self.named:
                span, ref = self.named[t.i]
                if span.start in seen or ref.type in NOT_ACTOR_TYPES:
                    continue
                seen.add(span.start)
                root = span.root
                out.append(
                    Candidate(
                        root.i, self.sent_of[t.i], ref, _is_subject(root), _is_main_subject(root)
                    )
                )
            elif t.pos_ in {"NOUN", "PROPN"}:
                g = self.generic_ref(t)
                if g is None and not self._is_description(t):
                    g = self._bare_generic(t)
                if g is not None:
                    out.append(
                        Candidate(
                            t.i,
                            self.sent_of[t.i],
                            g[0],
                            _is_subject(t),
                            _is_main_subject(t),
                            plural=t.tag_ in {"NNS", "NNPS"},
                        )
                    )
        return out

    def antecedent(
        self, tok: Token, classes: Iterable[str] | None = None, exclude: Iterable[str] = ()
    ) -> ActorRef | None:
        """The actor a pronoun or definite description refers back to.

        ``exclude`` holds actors it cannot be: the subject of the verb whose object it is
        ("Hamas said Israel had attacked its soldiers": not Israel's own soldiers).
        """
        kind = pronoun_kind(tok)
        allowed = tuple(classes) if classes else None
        sent = self.sent_of[tok.i]
        best: tuple[float, ActorRef] | None = None
        for c in self.candidates:
            if c.token >= tok.i:
                break
            if sent - c.sent > 2 or c.ref.type in NOT_ACTOR_TYPES:
                continue
            if kind == "person" and c.ref.type not in PERSONAL:
                continue
            if kind in {"sg", "pl"} and c.ref.type == "Person":
                continue
            if kind == "sg" and c.plural:
                continue
            if allowed is not None and c.ref.type not in allowed:
                continue
            if c.ref.key in exclude:
                continue
            score = 3.0 * c.subject + 1.5 * c.main + 2.0 * (c.sent == sent)
            score += 1.0 * (sent - c.sent == 1)
            if allowed is not None:
                score += 0.5 * (len(allowed) - allowed.index(c.ref.type)) / len(allowed)
            score += c.token / 1e6  # the nearer of equals
            if best is None or score > best[0]:
                best = (score, c.ref)
        return best[1] if best else None

    # ------------------------------------------------------------------ noun phrases
    def np_actors(self, tok: Token, exclude: Iterable[str] = ()) -> list[ActorRef]:
        """The actors the noun phrase headed by ``tok`` stands for (conjuncts included).

        ``exclude``: actors a pronoun or description in it cannot refer back to.
        """
        refs: list[ActorRef] = []
        exclude = frozenset(exclude)
        for t in (tok, *_noun_conjuncts(tok)):
            r = self._np_actor(t, 0, exclude)
            if r is not None and r not in refs:
                refs.append(r)
        return refs

    def _np_actor(
        self, tok: Token, depth: int, exclude: frozenset[str] = frozenset()
    ) -> ActorRef | None:
        if depth > 4:
            return None
        onto = self.onto
        if tok.i in self.named:
            span, ref = self.named[tok.i]
            if ref.type == "Place" and _agentive(tok):
                # "Beirut rejected the appeal", "Washington said": a capital that acts is its
                # state's government (state_places.tsv)
                state = onto.state_places.get(normalize_name(span.text))
                if state is not None:
                    gov = self.state_unit(state, "government", span.text)
                    self.record(gov, span[0], span[-1])
                    return gov
            return None if ref.type in NOT_ACTOR_TYPES else ref
        people = self.people_ref(tok)  # "ethnic Turks", "Kurds"
        if people is not None:
            return people
        if tok.i in self.demonym and tok.pos_ in {"NOUN", "PROPN"} and tok.tag_ in {"NNS", "NNPS"}:
            return onto.state_ref(self.demonym[tok.i])  # "the Iraqis said"
        low = tok.lower_
        if pronoun_kind(tok):
            ref = self.antecedent(tok, exclude=exclude)
            if ref is not None:
                self.record(ref, tok, tok, alias=False)
            return ref
        if tok.dep_ == "compound" and tok.head.i in self.named:
            return self._np_actor(tok.head, depth + 1, exclude)  # "armed group Kataib Hezbollah"
        for c in tok.children:
            if c.dep_ == "appos" and c.i in self.named:
                return self._np_actor(c, depth + 1, exclude)  # "militant group Hamas"
        outer = (
            tok.head.head
            if tok.dep_ == "pobj" and tok.head.lower_ in onto.cue("genitive")
            else None
        )
        if (
            outer is not None
            and outer.dep_ == "appos"
            and outer.lemma_.lower() in onto.cue("partitive")
            and outer.head.i in self.named
        ):
            # "the PMF, a group of many armed groups that was formed ...": the name
            return self._np_actor(outer.head, depth + 1, exclude)
        g = self.generic_ref(tok)
        if g is not None:
            ref, first = g
            self.record(ref, first, tok)
            return ref
        if tok.dep_ == "appos":
            ref = self._np_actor(tok.head, depth + 1, exclude)
            if ref is not None:
                return ref
        for c in tok.children:
            if c.dep_ == "appos":
                ref = self._np_actor(c, depth + 1, exclude)
                if ref is not None:
                    return ref
        ref = self._apposed_by_comma(tok)
        if ref is not None:
            return ref
        det = [c for c in tok.children if c.dep_ == "det"]
        definite = bool(det) and is_definite(det[0])
        modified = any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in tok.children)
        if definite and low in onto.descriptions and not modified:
            ref = self.antecedent(tok, onto.descriptions[low], exclude)
            if ref is not None:
                self.record(ref, det[0], tok)
                return ref
        if (
            tok.lemma_.lower() in onto.cue("member")
            or tok.pos_ == "NUM"
            or low in onto.cue("partitive")
            or tok.lemma_.lower() in onto.cue("partitive")
        ):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in onto.cue("genitive"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self._np_actor(p, depth + 1, exclude)
        if (
            tok.pos_ in {"NOUN", "PROPN", "NUM"}
            and not self.is_event_noun(tok)
            and (not _agentive(tok) or self._people_noun(tok))
        ):
            # an actor's assets or people stand for the actor: "a Kataib Hezbollah operations
            # centre", "Saudi ships", "its stronghold". As the one who acts only its people do
            # ("Hamas fighters"): "an Airbus jetliner crashed, killing ..." is no act of Airbus.
            for c in tok.children:
                if c.dep_ in {"poss", "compound", "nmod"} and c.i < tok.i:
                    ref = self._np_actor(c, depth + 1, exclude)
                    if ref is not None:
                        return ref
                if c.dep_ in {"amod", "compound"} and c.i < tok.i and c.i in self.demonym:
                    return self.onto.state_ref(self.demonym[c.i])
        if tok.lemma_.lower() in onto.cue("org_noun") or low in onto.org_types:
            # an organisation noun names the organisation its name modifies: "the APEC forum"
            for c in tok.children:
                if c.dep_ in {"compound", "nmod", "appos"} and c.i in self.named:
                    return self._np_actor(c, depth + 1, exclude)
        g = self._bare_generic(tok)
        if g is not None:
            self.record(g[0], g[1], tok)
            return g[0]
        return None

    def _people_noun(self, tok: Token) -> bool:
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

    def _is_description(self, tok: Token) -> bool:
        """A definite description that refers back ("the group", "the militia")."""
        return tok.lower_ in self.onto.descriptions and any(
            c.dep_ == "det" and is_definite(c) for c in tok.children
        )

    def _bare_generic(self, tok: Token) -> tuple[ActorRef, Token] | None:
        """An unscoped generic actor, unless the noun phrase belongs to an actor
        ("Hamas fighters", "its militants") or a definite description refers back."""
        for c in tok.children:
            if c.dep_ == "poss" or (
                c.dep_ in {"compound", "nmod"} and (c.i in self.named or c.pos_ == "PROPN")
            ):
                return None  # "its fighters" with no antecedent, "Al-Shabaab fighters"
        return self.unscoped_ref(tok)

    def _apposed_by_comma(self, tok: Token) -> ActorRef | None:
        """ "X (ACR), a group of ...": an indefinite noun phrase right after a named actor and a
        comma describes that actor, even when the parser did not attach it as an apposition."""
        if not any(c.dep_ == "det" and is_indefinite(c) for c in tok.children):
            return None
        i = tok.left_edge.i - 1
        if i < 1 or self.doc[i].text != ",":
            return None
        i -= 1
        if self.doc[i].text == ")":
            while i > 0 and self.doc[i].text != "(":
                i -= 1
            i -= 1
        if i >= 0 and i in self.named:
            ref = self.named[i][1]
            return None if ref.type in NOT_ACTOR_TYPES else ref
        return None

    def relative_antecedent(self, verb: Token) -> Token:
        """The noun a relative clause modifies, lifted out of "a group of (armed groups) that"."""
        head = verb.head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ in self.onto.cue("genitive")
            and head.head.head.pos_ in {"NOUN", "PROPN"}
            and (self._np_actor(head, 0) is None or _agrees_with_outer(verb, head))
        ):
            return head.head.head
        return head

    def is_event_noun(self, tok: Token) -> bool:
        lex = self.onto.lexicon
        return (tok.lemma_.lower(), "noun") in lex or (tok.lower_, "noun") in lex


def _agrees_with_outer(verb: Token, inner: Token) -> bool:
    """Whether a relative clause's verb is singular where the noun it follows is plural ("a
    group of armed groups that *was* formed"): it modifies the outer noun."""
    finite = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
    singular = any(t.morph.get("Number") == ["Sing"] and t.tag_ in {"VBZ", "VBD"} for t in finite)
    return singular and inner.morph.get("Number") == ["Plur"]


def _modifier(tok: Token) -> bool:
    """A token that modifies a noun ("Sri Lankan troops"), not a head of its own."""
    return tok.dep_ in {"amod", "compound", "nmod"} or tok.pos_ == "ADJ"


def _is_subject(tok: Token) -> bool:
    t = tok
    while t.dep_ in {"compound", "appos", "conj"} and t.head is not t:
        t = t.head
    return t.dep_ in {"nsubj", "nsubjpass"}


def _used_as_place(span: Span, onto: Ontology) -> bool:
    """A name that NER took for a person but the syntax puts in a place: after a locative
    preposition ("in Jurf al-Sakhar") or a place noun's "of" ("south of Baghdad", "the town of
    Zumar"); both word lists are cue rows (``locative``, ``place_of``)."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in onto.cue("locative"):
        return True
    return prep.lower_ in onto.cue("genitive") and prep.head.lower_ in onto.cue("place_of")


def _agentive(tok: Token) -> bool:
    """Whether a noun is in the position of the one who acts (subject or passive agent)."""
    if tok.dep_ == "nsubj":
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _is_main_subject(tok: Token) -> bool:
    t = tok
    while t.dep_ in {"compound", "appos", "conj"} and t.head is not t:
        t = t.head
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = t.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _noun_conjuncts(tok: Token) -> list[Token]:
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.append(c)
            stack.extend(x for x in c.children if x.dep_ == "conj")
    return out
