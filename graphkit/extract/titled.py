"""Who "the foreign minister" is: a definite title refers back to the one person the document
has named with that title.

News names a person once with a title ("Bahrain's foreign minister, Sheikh Khaled", "U.N.
envoy Ismail Ould Cheikh Ahmed", "Mansour Abbas, a rebel spokesman") and then writes the title
alone: "the foreign minister said", "the envoy told reporters", "the spokesman says". Such a
description is that person when exactly one person named before it holds a title with the same
head noun (a row of ``titles.tsv``, or cue role ``spokesperson``); when the description has
modifiers ("the rebel spokesman"), a holder whose title has them all is preferred. Two holders
and no modifier to choose between them ("the president", after two presidents) is no one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..ontology import Ontology
from ..records import ActorRef
from .morph import is_the
from .names import Names

#: the dependency labels of a title's own words before its head ("foreign minister")
_MODIFIERS = frozenset({"compound", "amod", "nmod"})


class TitleHolders:
    """The people a document names with a title, by the title's head noun."""

    def __init__(self, doc: Doc, names: Names, onto: Ontology) -> None:
        self.doc, self.onto = doc, onto
        self.heads = {t.split()[-1] for t in onto.titles} | set(onto.cue("spokesperson"))
        #: head noun -> (token of the mention, the title's words, the person), in text order
        self._held: dict[str, list[tuple[int, frozenset[str], ActorRef]]] | None = None
        self._names = names

    def holder(self, tok: Token) -> ActorRef | None:
        """The person the definite title headed by ``tok`` refers back to, or None."""
        if not self._is_title_description(tok):
            return None
        if self._held is None:
            self._held = self._collect()
        before = [(words, ref) for i, words, ref in self._held.get(tok.lower_, ()) if i < tok.i]
        mods = {c.lower_ for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i}
        fitting = [(w, r) for w, r in before if mods <= w] if mods else []
        people = {r.key: r for _, r in (fitting or before)}
        return next(iter(people.values())) if len(people) == 1 else None

    def _is_title_description(self, tok: Token) -> bool:
        """ "the (rebel) spokesman", not "the spokesman for X", "the president's aide", "the
        president of Chrysler", "the presidents", "President X"."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lower_ not in self.heads:
            return False
        children = list(tok.children)
        return (
            any(c.dep_ == "det" and is_the(c) for c in children)
            and not any(c.dep_ in {"poss", "prep", "appos", "relcl", "acl"} for c in children)
            and tok.dep_ not in {"compound", "poss"}
            and all(c.i not in self._names.named for c in children)
        )

    def _collect(self) -> dict[str, list[tuple[int, frozenset[str], ActorRef]]]:
        held: dict[str, list[tuple[int, frozenset[str], ActorRef]]] = {}
        for span, ref in self._names.spans():
            if ref.type != "Person":
                continue
            for head, words in self._titles_of(span):
                if head.lower_ in self.heads:
                    held.setdefault(head.lower_, []).append((span.start, words, ref))
        return held

    def _titles_of(self, span: Span) -> list[tuple[Token, frozenset[str]]]:
        """The titles given with a person's name, as (head noun, the title's words): before
        it ("Foreign Minister X", "U.N. envoy X") or in apposition ("X, a rebel spokesman",
        "the foreign minister, X")."""
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        out = [
            (n, frozenset([n.lower_] + [c.lower_ for c in n.children if c.dep_ in _MODIFIERS]))
            for n in nouns
        ]
        words: list[Token] = []
        i = span.start - 1
        while i >= 0 and self.doc[i].dep_ in _MODIFIERS and self.doc[i].head.i == root.i:
            words.insert(0, self.doc[i])
            i -= 1
        if words:
            out.append((words[-1], frozenset(w.lower_ for w in words)))
        return out
