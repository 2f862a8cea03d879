"""The state every event rule reads: the document's context, its ontology, and the events
found so far (an event noun without an agent takes the agent of the latest one of its kind)."""

from __future__ import annotations

from ...ontology import Ontology
from ...records import ActorRef
from ..context import DocContext


class Extractor:
    """The shared state of :class:`~graphkit.extract.events.EventExtractor` and its parts;
    each part (agents, targets, stances, nominal, verbal, assertions) is a mixin over it."""

    ctx: DocContext
    onto: Ontology
    #: (token, relation, agents) of each event found so far, in document order
    _events: list[tuple[int, str, list[ActorRef]]]
    #: see ``Agents._earlier_owner``
    _nouns: dict[str, list[int]] | None
