"""One node for a state's unit that an article also names bare: "Police in Bangladesh estimated
the crowd ... police fired tear gas" are one police.

A generic head read on its own ("police", "the government") is an actor local to its document
(``police@DOC``); the same kind scoped by a state ("Bangladesh Police", ``bangladesh/police``) is
that state's unit. When the document names exactly one state's actor of the kind, the bare
mentions are that actor: nothing in the text tells them apart, and two nodes for one police is
what a reader takes for two actors. The same holds for organised groups a state's name scopes
though they are no part of it: "rebels" in an article about the "Rebel forces in South Sudan".
With two states' actors of a kind ("Armenian forces", "Azerbaijani forces") the bare ones stay
local, as the text leaves them, and so do they when a word says they are another body
("progressive democratic forces", "provincial officials", "the new administration"): only words
of kinds (generic heads) and the cue role ``plain_unit`` ("security forces") keep a mention
bare, and only a mention with a head word of the unit's ("police" for "Police in Bangladesh";
"the junta" is no "Ghanaian diplomats") that is never the other party of an act of the unit's.
People (civilians, refugees) are many and stay as they are.

>>> from graphkit.records import ActorRef
>>> local = ActorRef("police@d", "police", "SecurityForce")
>>> unit = ActorRef("bangladesh/police", "Bangladesh Police", "SecurityForce", "bangladesh")
>>> merged = one_unit_per_kind([local, unit], {"police"}, {"police@d"})
>>> merged[local.key].key
'bangladesh/police'
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from ..records import ActorRef, Assertion, Mention


def one_unit_per_kind(
    refs: Iterable[ActorRef],
    kinds: Collection[str],
    bare: Collection[str],
    states: Collection[str] = (),
) -> dict[str, ActorRef]:
    """Local actor key (of those in ``bare``) -> the one state's actor of its kind among
    ``refs``, for the ``kinds`` of organised bodies: a state's units (``egypt/police``) and the
    groups a state's name scopes though they are no part of it (``sudan/armed_groups``,
    owners among ``states``)."""
    units: dict[str, dict[str, ActorRef]] = {}
    local: dict[str, list[ActorRef]] = {}
    for r in refs:
        k = r.scope
        if k.kind not in kinds:
            continue
        if k.unit and not k.local and (r.part_of == k.owner or k.owner in states):
            units.setdefault(k.kind, {})[r.key] = r
        elif k.local and not k.unit and r.key in bare:
            local.setdefault(k.kind, []).append(r)
    out: dict[str, ActorRef] = {}
    for kind, found in units.items():
        if len(found) == 1:
            (unit,) = found.values()
            out.update((r.key, unit) for r in local.get(kind, ()))
    return out


def merge_bare_units(
    assertions: list[Assertion],
    mentions: list[Mention],
    kinds: Collection[str],
    plain: Collection[str],
    states: Collection[str] = (),
) -> tuple[list[Assertion], list[Mention]]:
    """The assertions and mentions with each bare kind the document's one unit of it;
    ``plain``: the words a bare mention may have (see the module's docstring)."""
    plain = frozenset(plain)
    refs = [m.actor for m in mentions] + [
        r for a in assertions for r in (a.subject, a.object, a.attributed_to) if r is not None
    ]
    named = [m for m in mentions if m.alias and m.actor.scope.local]
    other = {m.actor.key for m in named if not set(m.alias.lower().split()) <= plain}
    to = one_unit_per_kind(refs, kinds, {m.actor.key for m in named} - other, states)
    # the same head word as the unit's ("police", "Bangladesh Police"): "the junta" and
    # "Ghanaian diplomats" are officials both, but two bodies; and two parties of one act are two
    heads: dict[str, set[str]] = {}
    for m in mentions:
        if m.alias:
            words = set(m.alias.lower().split()) & plain  # "rebels", "Rebel forces": rebel
            heads.setdefault(m.actor.key, set()).update(w.removesuffix("s") for w in words)
    parties = {frozenset((a.subject.key, a.object.key)) for a in assertions if a.object is not None}
    to = {
        k: u for k, u in to.items()
        if heads.get(k, set()) & heads.get(u.key, set()) and frozenset((k, u.key)) not in parties
    }  # fmt: skip
    if not to:
        return assertions, mentions

    def as_unit(r: ActorRef | None) -> ActorRef | None:
        return to.get(r.key, r) if r is not None else None

    merged = [
        replace(a, subject=as_unit(a.subject), object=as_unit(a.object),
                attributed_to=as_unit(a.attributed_to))
        for a in assertions
    ]  # fmt: skip
    merged = [a for a in merged if a.object is None or a.object.key != a.subject.key]
    return merged, [replace(m, actor=as_unit(m.actor)) for m in mentions]  # type: ignore[arg-type]
