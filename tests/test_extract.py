"""Sentence-level extraction cases, written from varied news phrasing (not the seed's sentences).

Each case: text -> an expected (source, category, target, attributed_to, modality) edge, or
edges that must not appear.
"""

from __future__ import annotations

import pytest

from .conftest import triples

A = "asserted"

CASES = [
    ("Hamas attacked Israel on Saturday.", ("hamas", "fight", "israel", None, A)),
    ("Israel was attacked by Hamas.", ("hamas", "fight", "israel", None, A)),
    (
        "Rocket attacks by Hezbollah on Israel continued overnight.",
        ("hezbollah", "fight", "israel", None, A),
    ),
    (
        "Russian airstrikes on Ukraine intensified this week.",
        ("russia", "fight", "ukraine", None, A),
    ),
    (
        "Turkey carried out strikes against the PKK in northern Iraq.",
        ("turkey", "fight", "pkk", None, A),
    ),
    (
        "The Taliban condemned the U.S. drone strike.",
        ("taliban", "disapprove", "united_states", None, A),
    ),
    (
        "Iran denounced Israel, Iranian officials said.",
        ("iran", "disapprove", "israel", "iran/officials", A),
    ),
    (
        "Iraqi officials said Islamic State fighters killed four soldiers of the Peshmerga.",
        ("islamic_state", "assault", "peshmerga", "iraq/officials", A),
    ),
    (
        "According to the United Nations, the Houthis seized Saudi ships.",
        ("houthis", "coerce", "saudi_arabia", "united_nations", A),
    ),
    pytest.param(
        "According to the United Nations, the Houthis seized ships of Saudi Arabia.",
        ("houthis", "coerce", "saudi_arabia", "united_nations", A),
        marks=pytest.mark.xfail(reason="possession through an of-phrase is not resolved yet"),
    ),
    ("Egypt did not attack Israel.", ("egypt", "fight", "israel", None, "negated")),
    ("Israel will meet with Egypt next week.", ("israel", "consult", "egypt", None, "planned")),
    (
        "Hezbollah threatened to strike Israel if the bombing continued.",
        ("hezbollah", "threaten", "israel", None, A),
    ),
    (
        "The Houthis are part of the Axis of Resistance, and the group attacked the United States.",
        ("houthis", "fight", "united_states", None, A),
    ),
    (
        "Al-Shabaab is a member of al-Qaeda.",
        ("al_shabaab", "member_of", "al_qaeda", None, A),
    ),
    (
        "Syrian rebels fought Kurdish forces. Russian-backed militias attacked them.",
        ("russia/aligned_groups", "aligned_with", "russia", None, A),
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu spoke on Sunday.",
        ("benjamin_netanyahu", "leader_of", "israel/government", None, A),
    ),
    (
        "French President Emmanuel Macron spoke on Sunday.",
        ("emmanuel_macron", "leader_of", "france", None, A),
    ),
    (
        "The Pentagon said it had sanctioned Iran.",
        ("pentagon", "sanction", "iran", "pentagon", A),
    ),
]


def _id(case) -> str:
    return (case.values[0] if hasattr(case, "values") else case[0])[:40]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[_id(c) for c in CASES])
def test_sentence_yields_edge(build_text, text, expected):
    kg = build_text(text)
    assert expected in triples(kg, with_speaker=True), sorted(triples(kg, with_speaker=True))


NO_EDGE = [
    "The weather in Baghdad was hot on Tuesday.",
    "Analysts discussed the attacks at length.",
    "U.S. forces arrived in Syria in 2015.",
]


@pytest.mark.parametrize("text", NO_EDGE)
def test_sentence_yields_no_event_edge(build_text, text):
    kg = build_text(text)
    assert kg.graph.number_of_edges() == 0, sorted(triples(kg, with_speaker=True))


def test_evidence_and_trigger_slice_the_original_text(build_text):
    text = "By Jane Roe\n\nIsrael\u2019s army said \u201cHamas attacked Israel\u201d.\n"
    kg = build_text(text)
    assert kg.graph.number_of_edges() >= 1
    for _, _, d in kg.graph.edges(data=True):
        for ev in d["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
            t = ev["trigger"]
            assert text[t["start"] : t["end"]] == t["text"]
            assert d["rules"] and 0 < d["confidence"] <= 1


def test_acronym_in_parentheses_is_the_same_actor(build_text):
    kg = build_text(
        "The Free Syrian Army (FSA) attacked Syria on Monday. Later the FSA attacked Syria again."
    )
    g = kg.graph
    fsa = [n for n, d in g.nodes(data=True) if "FSA" in d["aliases"]]
    assert len(fsa) == 1
    assert "Free Syrian Army" in g.nodes[fsa[0]]["aliases"]


def test_united_states_and_us_are_one_node(build_text):
    kg = build_text("The United States struck Iran. Then the U.S. struck Syria.")
    assert {u for u, _, _ in triples(kg)} == {"united_states"}
    assert {"United States", "U.S."} <= set(kg.graph.nodes["united_states"]["aliases"])
