"""Who the parties of an act are (issue 33): those named after "with" are the counterparts of
the one who acts, and a light verb with an event noun names no act of its own. The sentences
are the tests' own.
"""

from __future__ import annotations

import pytest

from .conftest import triples

# "with A and B" after an event noun: each is the counterpart of the party that acts (named
# or not), never of the other
COUNTERPARTS = [
    ("Our deals with Albania and France are already paying off.", [], ["albania", "france"]),
    ("Talks with Chile and Peru resumed on Monday.", [], ["chile", "peru"]),
    ("Norway's talks with Chile and Peru resumed on Monday.",
     [("norway", "consult", "chile"), ("norway", "consult", "peru")], ["chile", "peru"]),
    ("Norway held talks with Chile and Peru in Oslo.",
     [("norway", "consult", "chile"), ("norway", "consult", "peru")], ["chile", "peru"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kept", "apart"), COUNTERPARTS, ids=[c[0] for c in COUNTERPARTS])
def test_those_named_after_with_are_counterparts_not_each_others(build_text, text, kept, apart):
    found = triples(build_text(text))
    for edge in kept:
        assert edge in found, sorted(found)
    a, b = apart
    assert not {(a, b), (b, a)} & {(u, v) for u, _, v in found}, sorted(found)


@pytest.mark.parametrize(
    "text", ["Talks between Chile and Peru resumed.", "Chile and Peru held talks in Lima."]
)
def test_parties_named_together_act_on_each_other(build_text, text):
    found = triples(build_text(text))
    assert ("chile", "consult", "peru") in found or ("peru", "consult", "chile") in found


DEALS = [
    "Norway struck a deal with Chile on Monday.",
    "Norway sealed a deal with Chile.",
    "Norway inked an agreement with Chile.",
    "Norway clinched a deal with Chile last week.",
]


@pytest.mark.parametrize("text", DEALS)
def test_a_light_verb_with_an_event_noun_is_no_act_of_its_own(build_text, text):
    found = triples(build_text(text))
    assert ("norway", "agree", "chile") in found, sorted(found)
    assert not [t for t in found if t[1] == "fight"], sorted(found)


def test_a_strike_on_an_actor_stays_a_strike(build_text):
    assert ("norway", "fight", "chile") in triples(build_text("Norway struck Chile at dawn."))
