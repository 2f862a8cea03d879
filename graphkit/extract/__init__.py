"""Extraction: actor mentions and typed, attributed assertions from a parsed document.

One module per idea: :mod:`.context` (mentions and noun-phrase resolution), :mod:`.events`
(actions from verbs and event nouns), :mod:`.relations` (standing relations), :mod:`.claims`
(attribution and modality); :mod:`.repair` mends two frequent misparses first.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..ontology import Ontology
from ..records import Assertion, Document, Extraction, Mention
from .context import DocContext
from .dates import date_events
from .events import EventExtractor
from .relations import builtin_hierarchy, standing_relations
from .repair import repair_parse
from .units import merge_bare_units

__all__ = ["DocContext", "extract_document"]

#: classes of generic actors that are organised groups a state's name scopes but that are no
#: part of it ("Sudanese rebels"): one per state in an article, as a state's units are
ORGANISED_GROUPS = frozenset({"ArmedGroup", "PoliticalGroup"})


def _dedupe(assertions: list[Assertion]) -> list[Assertion]:
    """One assertion per (subject, relation, object, speaker, modality, sentence): the surest;
    none with no recipient where the same actor does the same kind of act to one there."""
    best: dict[tuple[object, ...], Assertion] = {}
    for a in assertions:
        key = (
            a.subject.key,
            a.relation,
            a.object.key if a.object else None,
            a.attributed_to.key if a.attributed_to else None,
            a.modality,
            a.evidence.start,
        )
        if key not in best or a.confidence > best[key].confidence:
            best[key] = a
    # an act with no recipient ("staged a hunger strike") says less than the same act of the
    # same actor in the same sentence with one ("... in protest against X"): only that one
    aimed = {
        (k[0], a.category, k[3], k[4], k[5]) for k, a in best.items() if a.target_role != "none"
    }
    return sorted(
        (
            a for k, a in best.items()
            if a.target_role != "none" or (k[0], a.category, k[3], k[4], k[5]) not in aimed
        ),
        key=lambda a: (a.evidence.start, a.trigger.start if a.trigger else 0),
    )  # fmt: skip


def extract_document(
    document: Document, doc: Doc, onto: Ontology, *, hierarchy: bool = True
) -> Extraction:
    """Everything graphkit reads from one parsed document (``hierarchy``: built-in
    ``part_of`` as edges too)."""
    repair_parse(doc, onto)
    ctx = DocContext(document, doc, onto)
    assertions = EventExtractor(ctx).extract()
    assertions.extend(standing_relations(ctx))
    assertions = _without_private_trips(ctx, assertions)
    # "police" in an article that names one state's police ("Bangladesh Police") is that police
    units = {g.kind for g in onto.generic.values() if g.unit or g.cls in ORGANISED_GROUPS}
    plain = onto.generic.keys() | onto.cue("plain_unit")
    assertions, found = merge_bare_units(
        assertions, list(ctx.mentions.values()), units, plain, onto.states
    )
    assertions = date_events(document, doc, onto, _dedupe(assertions))
    # a state's unit ("Egyptian police") is a node only when it takes part in an assertion
    used = {
        r.key for a in assertions for r in (a.subject, a.object, a.attributed_to) if r is not None
    }
    # a state's unit the text names ("the United States Senate") is a node as any name is
    named = {ref.key for _, ref in ctx.names.actors()}
    mentions: list[Mention] = list({
        (m.evidence.start, m.evidence.end, m.actor.key): m for m in found
        if m.actor.gazetteer or m.actor.key in used or m.actor.key in named or _named_actor(m)
    }.values())  # fmt: skip
    mentions.sort(key=lambda m: (m.evidence.start, m.evidence.end, m.actor.key))
    if hierarchy:
        assertions.extend(builtin_hierarchy(ctx, mentions, assertions))
    return Extraction(document, tuple(mentions), tuple(assertions))


def _without_private_trips(ctx: DocContext, assertions: list[Assertion]) -> list[Assertion]:
    """A trip is a visit (consult, or agree for a planned one) only by a state, an
    organisation or a person who holds a post: drop the trips of actors of a class whose trips
    are private (cue role ``private``: civilians, a person) with no post in the document (no
    ``member_of`` or ``leader_of`` of theirs in a public body, no title before their name, not in
    the gazetteer). "She came to the United States" meets no one; "Foreign Minister X flew to
    Moscow" does."""
    travel, private = ctx.onto.cue("travel"), ctx.onto.cue("private")
    # a post in a state, a government, a force or a party ("a member of Scientology" holds
    # none: cue role private_body)
    bodies = ctx.onto.cue("private_body")
    posts = {
        a.subject.key
        for a in assertions
        if a.category in {"member_of", "leader_of"}
        and a.object is not None
        and a.object.type.lower() not in bodies
    }
    titles = ctx.onto.titles
    for span, ref in ctx.names.spans():  # "Foreign Minister X": a title with no state named
        before = [t.lower_ for t in ctx.doc[max(span.start - 3, 0) : span.start]]
        held = [titles.get(" ".join(before[k:])) for k in range(len(before))]
        # "Professor X" is an honorific (titles.tsv target org_after), no post
        if any(t is not None and t.target != "org_after" for t in held):
            posts.add(ref.key)

    def trip(a: Assertion) -> bool:
        if a.trigger is None or a.category not in {"consult", "agree"}:
            return False
        if a.subject.type.lower() not in private or a.subject.gazetteer:
            return False
        span = ctx.doc.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
        return (
            span is not None and span.root.lemma_.lower() in travel and a.subject.key not in posts
        )

    return [a for a in assertions if not trip(a)]


def _named_actor(m: Mention) -> bool:
    """Names and groups local to their document (``voters@doc``) are nodes on their own; a
    state's or a patron's unit (``egypt/police``) only when it takes part in an edge."""
    return not m.actor.scope.unit and m.actor.type != "Place"
