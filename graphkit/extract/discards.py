"""Sentences that code no event: they name a sport, a game or a show (``discards.tsv``).

The phrases come from Phoenix's discard list (and graphkit's own rows); a spaCy
``PhraseMatcher`` on lower-case text finds them, built once per vocabulary and ontology.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..ontology import Ontology

_MATCHERS: dict[tuple[int, str], PhraseMatcher] = {}


def _matcher(doc: Doc, onto: Ontology) -> PhraseMatcher:
    key = (id(doc.vocab), onto.version)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        phrases = [Doc(doc.vocab, words=p.split()) for p in sorted(onto.discards) if p.strip()]
        if phrases:
            matcher.add("DISCARD", phrases)
        _MATCHERS[key] = matcher
    return matcher


def discarded_sentences(doc: Doc, sent_of: dict[int, int], onto: Ontology) -> frozenset[int]:
    """Indices of the sentences of ``doc`` that hold a discard phrase, unless the phrase is
    only the circumstance of another act, in a gerund clause under a preposition ("jailed 52
    members for playing in a football tournament": the jailing is the event)."""
    if not onto.discards:
        return frozenset()
    return frozenset(
        sent_of[start]
        for _, start, end in _matcher(doc, onto)(doc)
        if not _circumstance(doc[start:end].root)
    )


def _circumstance(tok: Token) -> bool:
    """Whether ``tok`` sits in a gerund clause that a preposition hangs on another act."""
    return any(a.dep_ == "pcomp" and a.tag_ == "VBG" for a in tok.ancestors)
