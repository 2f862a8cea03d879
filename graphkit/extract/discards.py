"""Sentences that code no event: they name a sport, a game or a show (``discards.tsv``), and
stories that code none: their headline or lede names a sports competition (scope ``story``).

The phrases come from Phoenix's discard list (and graphkit's own rows); a spaCy
``PhraseMatcher`` on lower-case text finds them, built once per vocabulary and ontology.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

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


#: the sentences that tell what a story is about (its headline): a story-level discard
#: phrase there discards the whole story; further on it discards its sentence only ("weeks
#: before the World Cup" in a story about a war)
LEDE = 1


def discarded_sentences(doc: Doc, sent_of: dict[int, int], onto: Ontology) -> frozenset[int]:
    """Indices of the sentences of ``doc`` that hold a discard phrase, unless the phrase is
    only the circumstance of another act, in a gerund clause under a preposition ("jailed 52
    members for playing in a football tournament": the jailing is the event). A story-level
    phrase (Phoenix's ``+``: "world cup", "fifa") in the headline (the first :data:`LEDE`
    sentences) makes the story one about sport: all its sentences are discarded."""
    found = _found(doc, sent_of, onto)
    story = {" ".join(p.split()) for p in onto.story_discards}
    if any(s < LEDE and phrase in story for s, phrase in found):
        return frozenset(sent_of.values())
    return frozenset(s for s, _ in found)


def sports_story(doc: Doc, onto: Ontology) -> bool:
    """Whether the headline of ``doc`` (its first :data:`LEDE` sentences) names a sports
    competition (a story-level discard phrase): a story about sport. Found once per document
    and ontology (kept in ``doc.user_data``)."""
    if not onto.story_discards:
        return False
    key = ("graphkit_sport", onto.version)
    if key not in doc.user_data:
        sent_of = {}
        for n, sent in enumerate(doc.sents):
            if n >= LEDE:
                break
            sent_of.update((t.i, n) for t in sent)
        head = doc[: max(sent_of, default=-1) + 1]
        story = {" ".join(p.split()) for p in onto.story_discards}
        doc.user_data[key] = any(phrase in story for _, phrase in _found(head, sent_of, onto))
    return bool(doc.user_data[key])


def _found(where: Doc | Span, sent_of: dict[int, int], onto: Ontology) -> list[tuple[int, str]]:
    """(sentence index, phrase) of each discard phrase in ``where`` (a document or a stretch
    of one) that is no circumstance."""
    if not onto.discards:
        return []
    doc = where.doc
    return [
        (sent_of[start], " ".join(t.lower_ for t in doc[start:end]))
        for _, start, end in _matcher(doc, onto)(where)  # offsets in the document
        if not _circumstance(doc[start:end].root)
    ]


def _circumstance(tok: Token) -> bool:
    """Whether ``tok`` sits in a gerund clause that a preposition hangs on another act."""
    return any(a.dep_ == "pcomp" and a.tag_ == "VBG" for a in tok.ancestors)
