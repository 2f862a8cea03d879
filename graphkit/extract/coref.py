"""Coreference within a document: what a pronoun or a definite description refers back to.

The candidates are the document's actor mentions in order -- its named actors and its generic
ones -- with what the choice weighs: whether the mention is a subject, the subject of its
sentence's main clause, a plural common noun. :meth:`Coreference.antecedent` prefers a subject,
then the same sentence, then the sentence before, within two sentences, and never an actor the
caller excludes ("Hamas said Israel had attacked its soldiers": not Israel's own soldiers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..ontology import Ontology
from ..records import ActorRef
from .generic import GenericActors
from .morph import is_definite, pronoun_kind
from .names import NOT_ACTOR_TYPES, Names

PERSONAL = frozenset({"Person", "Official"})


@dataclass(frozen=True)
class Candidate:
    """An actor mention that a later pronoun or description may refer back to."""

    token: int
    sent: int
    ref: ActorRef
    subject: bool
    main: bool = False  # subject of the sentence's main clause
    plural: bool = False  # a plural common noun ("militants"), which "it" cannot refer to
    #: a title standing for its holder ("the Egyptian foreign minister"), whom "he" or "she"
    #: can refer to though its actor is the office's unit
    person: bool = False
    #: for a generic actor with a state or patron ("the Indian government"), the first token
    #: of its phrase (None for names, descriptions and unscoped generics)
    scoped_from: int | None = None


class Coreference:
    """The antecedent candidates of one document, and the choice among them."""

    def __init__(
        self,
        doc: Doc,
        sent_of: Mapping[int, int],
        names: Names,
        generic: GenericActors,
        onto: Ontology,
    ) -> None:
        self.sent_of = sent_of
        self.onto = onto
        self.names = names
        #: direct quotes as (first char, end char, speaker's actor key), see :meth:`quoted_by`
        self._quoted: list[tuple[int, int, str]] = []
        self.candidates: tuple[Candidate, ...] = tuple(
            _candidates(doc, sent_of, names, generic, self.is_description, self._described)
        )

    def quoted_by(self, quotes: Iterable[tuple[int, int, Token]]) -> None:
        """Learn the document's direct quotes (characters inside the marks, speaker token): in
        a person's own words "he" or "she" is someone else ("Rathbun wrote, \"... unless he
        cooperated with Moxon\"": he is not Rathbun), as a speaker says "I" of themselves."""
        for start, end, speaker in quotes:
            named = self.names.named.get(speaker.i)
            if named is not None:
                self._quoted.append((start, end, named[1].key))

    def _speakers_around(self, tok: Token) -> set[str]:
        """The speakers of the direct quotes ``tok`` stands in."""
        return {key for start, end, key in self._quoted if start <= tok.idx < end}

    def _described(self, tok: Token, earlier: Sequence[Candidate]) -> ActorRef | None:
        """What a definite description refers back to among the candidates before it (while
        they are being collected), so that it is a candidate too: "The army said it killed"."""
        return self._among(earlier, tok, self.onto.descriptions[tok.lower_], ())

    def is_description(self, tok: Token) -> bool:
        """A definite description that refers back ("the group", "the militia")."""
        return tok.lower_ in self.onto.descriptions and any(
            c.dep_ == "det" and is_definite(c) for c in tok.children
        )

    def antecedent(
        self, tok: Token, classes: Iterable[str] | None = None, exclude: Iterable[str] = ()
    ) -> ActorRef | None:
        """The actor a pronoun or definite description refers back to.

        ``classes``: the classes it can be, best first ("the group": an armed group, then any
        organisation); ``exclude``: actors it cannot be.
        """
        return self._among(self.candidates, tok, classes, exclude)

    def _among(
        self,
        candidates: Sequence[Candidate],
        tok: Token,
        classes: Iterable[str] | None,
        exclude: Iterable[str],
    ) -> ActorRef | None:
        """:meth:`antecedent` among ``candidates`` (in text order)."""
        kind = pronoun_kind(tok)
        if kind == "person" and self._quoted:
            exclude = {*exclude, *self._speakers_around(tok)}
        allowed = tuple(classes) if classes else None
        sent = self.sent_of[tok.i]
        # the clauses the pronoun stands in: the subject of one of them binds it ("Musharraf
        # told the nation *he* had imposed ...": the teller, not someone of the last sentence)
        governing = {a.i for a in tok.ancestors}
        # "X, who had told Y he would help him": the antecedent of a relative subject of a
        # clause the pronoun stands in is that clause's subject
        relative = {
            a.head.i for a in tok.ancestors
            if a.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in a.children)
        }  # fmt: skip
        doc = tok.doc
        best: tuple[float, ActorRef] | None = None
        for c in candidates:
            if c.token >= tok.i:
                break
            if sent - c.sent > 2 or c.ref.type in NOT_ACTOR_TYPES:
                continue
            if kind == "person" and c.ref.type not in PERSONAL and not c.person:
                continue
            if kind in {"sg", "pl"} and (c.ref.type == "Person" or c.person):
                continue
            if kind == "sg" and c.plural:
                continue
            # "when Idi Amin expelled them": not Uganda, one state
            if kind == "pl" and c.ref.type == "State" and not _plural_state(c, doc):
                continue
            if allowed is not None and c.ref.type not in allowed:
                continue
            if c.ref.key in exclude:
                continue
            score = 3.0 * c.subject + 1.5 * c.main + 2.0 * (c.sent == sent)
            score += 1.5 * (c.subject and _clause_of(doc[c.token]) in governing)
            # a subject of the innermost clause that governs the pronoun: above a main subject
            score += 7.0 * (kind is not None and c.token in relative)
            score += 1.0 * (sent - c.sent == 1)
            if allowed is not None:
                score += 0.5 * (len(allowed) - allowed.index(c.ref.type)) / len(allowed)
            score += c.token / 1e6  # the nearer of equals
            if best is None or score > best[0]:
                best = (score, c.ref)
        if best is None and allowed is not None:
            return _only_one(candidates, tok, allowed, exclude)
        return best[1] if best else None


def _only_one(
    candidates: Sequence[Candidate], tok: Token, allowed: tuple[str, ...], exclude: Iterable[str]
) -> ActorRef | None:
    """Beyond the window, a description ("the government", "the company") is the one actor of
    its classes the document has named so far, when there is exactly one."""
    found: dict[str, ActorRef] = {}
    for c in candidates:
        if c.token >= tok.i:
            break
        if c.ref.type in allowed and c.ref.key not in exclude and not c.ref.scope.local:
            found[c.ref.key] = c.ref
    return next(iter(found.values())) if len(found) == 1 else None


def _candidates(
    doc: Doc,
    sent_of: Mapping[int, int],
    names: Names,
    generic: GenericActors,
    is_description: Callable[[Token], bool],
    described: Callable[[Token, Sequence[Candidate]], ActorRef | None],
) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[int] = set()
    titles = generic.onto.titles
    for t in doc:
        if t.i in names.named:
            span, ref = names.named[t.i]
            if span.start in seen or ref.type in NOT_ACTOR_TYPES:
                continue
            seen.add(span.start)
            root = span.root
            out.append(
                Candidate(root.i, sent_of[t.i], ref, _is_subject(root), _is_main_subject(root))
            )
        elif t.pos_ in {"NOUN", "PROPN"}:
            g = generic.generic_ref(t)
            scoped_from = g[1].i if g is not None else None
            if g is None and is_description(t):
                # "the group" is what it refers back to, else the generic it names ("the army")
                ref = described(t, out)
                g = (ref, t) if ref is not None else generic.bare_generic(t)
            elif g is None:
                g = generic.bare_generic(t)
            if g is not None:
                out.append(
                    Candidate(
                        t.i,
                        sent_of[t.i],
                        g[0],
                        _is_subject(t),
                        _is_main_subject(t),
                        plural=t.tag_ in {"NNS", "NNPS"},
                        person=t.tag_ == "NN" and t.lower_ in titles,
                        scoped_from=scoped_from,
                    )
                )
    return out


def _clause_of(tok: Token) -> int:
    """The verb whose subject the mention is (the head above its compounds and conjuncts)."""
    return _phrase_head(tok).head.i


def _phrase_head(tok: Token) -> Token:
    """The head of the largest noun phrase whose role the mention takes. A modifier of an
    apposition takes none of its role: in "Pakistan, a key U.S. ally, has refused ..." the
    ally is Pakistan, the subject, and the United States only what it is an ally of."""
    t, modifier = tok, False
    while _modifies(t):
        if modifier and t.dep_ == "appos":
            return t
        modifier = modifier or t.dep_ in {"compound", "nmod"}
        t = t.head
    return t


def _is_subject(tok: Token) -> bool:
    return _phrase_head(tok).dep_ in {"nsubj", "nsubjpass"}


def _is_main_subject(tok: Token) -> bool:
    t = _phrase_head(tok)
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = t.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _plural_state(c: Candidate, doc: Doc) -> bool:
    """Whether a state's mention can be "they": a plural ("the Americans") or one of a
    coordination ("the U.S. and France ... they")."""
    tok = doc[c.token]
    return c.plural or tok.dep_ == "conj" or any(t.dep_ == "conj" for t in tok.children)


def _modifies(tok: Token) -> bool:
    """A mention that is part of a larger noun phrase whose role it takes: a compound, an
    apposition, a conjunct, or a name modifying the noun after it ("the United Nations
    humanitarian office said it ...": the UN is the subject)."""
    if tok.head.i == tok.i:
        return False
    return tok.dep_ in {"compound", "appos", "conj"} or (tok.dep_ == "nmod" and tok.i < tok.head.i)
