"""Genre-specific readings: what a name means in a kind of story (sport)."""

from __future__ import annotations

from ...names import plain_name
from ...ontology import normalize_name, slugify
from ...records import ActorRef
from ..discards import sports_story
from .board import Board, Names
from .read import _used_as_place


def teams(b: Board) -> None:
    """In a story about sport, a state's or a city's name names its team, an organisation of
    its own and no part of the state ("England beat Tunisia", "an equaliser for Korea",
    "lost to England"), except where it puts a place ("in Russia", "south of Kazan")."""
    named, onto = b.named, b.onto
    if b.sport is None:
        b.sport = sports_story(b.doc, onto)
    if not b.sport:
        return
    for span, ref in Names(named, {}, {}).spans():
        if ref.type not in {"State", "Place"} or _used_as_place(span, onto):
            continue
        if ref.type == "Place" and normalize_name(span.text) not in onto.state_places:
            continue
        team = team_ref(plain_name(span.text))
        for t in span:
            named[t.i] = (span, team)


def team_ref(name: str) -> ActorRef:
    """The team a state's or a city's name stands for in a story about sport."""
    label = f"{name} (team)"
    return ActorRef(key=slugify(label), label=label, type="Organization")
