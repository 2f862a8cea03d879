"""Office-holders by date: a title alone resolves to the person who held the office on the
article's publication date (ontology/offices.tsv), and stays the office otherwise."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import graphkit
from graphkit import load_ontology
from graphkit.errors import OntologyError

from .conftest import triples

A = "asserted"


def _build(text: str, published: str | None, ontology: list[Path] | None = None):
    doc = graphkit.document_from_text("d0", text)
    if published is not None:
        doc = dataclasses.replace(doc, published=published)
    return graphkit.build([doc], ontology=ontology or [])


CASES = [
    # (text, publication date, expected edge)
    (
        "The Israeli prime minister criticized Iran.",
        "2015-05-01",
        ("benjamin_netanyahu", "disapprove", "iran"),
    ),
    (
        "The Israeli prime minister criticized Iran.",
        "2022-09-01",
        ("yair_lapid", "disapprove", "iran"),
    ),
    (
        "Britain's prime minister met the German chancellor in Berlin.",
        "2023-03-01",
        ("rishi_sunak", "consult", "olaf_scholz"),
    ),
    (
        "The U.S. President met Chinese officials in Beijing.",
        "2015-05-01",
        ("barack_obama", "consult", "china/officials"),
    ),
    (
        "The U.S. secretary of state met Chinese officials in Beijing.",
        "2024-03-01",
        ("antony_blinken", "consult", "china/officials"),
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[2][0] for c in CASES])
def test_a_title_alone_is_the_holder_on_the_publication_date(text, published, expected):
    found = {t[:3] for t in triples(_build(text, published))}
    assert expected in found, sorted(found)


def test_the_holder_leads_what_the_title_says_with_the_term_as_its_date():
    kg = _build("Israel's prime minister criticized Iran.", "2015-05-01")
    edges = [
        d for u, v, d in kg.graph.edges(data=True)
        if (u, v) == ("benjamin_netanyahu", "israel/government")
    ]  # fmt: skip
    assert edges and edges[0]["category"] == "leader_of"
    ev = edges[0]["evidence"][0]
    assert ev["rule"] == "office_holder"
    assert ev["date"] == "2009-03-31" and "2021-06-13" in ev["date_text"]


@pytest.mark.parametrize(
    "published",
    [None, "2026-11-30"],  # undated; after the row was last checked for an open term
    ids=["undated", "after-checked"],
)
def test_without_a_known_holder_the_title_stays_the_office(published):
    found = {
        t[:3] for t in triples(_build("The Israeli prime minister criticized Iran.", published))
    }
    assert ("israel/government", "disapprove", "iran") in found, sorted(found)
    assert not any(t[0] == "benjamin_netanyahu" for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "The former Israeli prime minister criticized Iran.",
        "Israel's deputy prime minister criticized Iran.",
        "Israeli ministers criticized Iran.",
    ],
)
def test_a_title_with_other_words_or_plural_holds_no_one_office(text):
    found = {t[:3] for t in triples(_build(text, "2015-05-01"))}
    assert not any(t[0] == "benjamin_netanyahu" for t in found), sorted(found)


def test_a_users_offices_extend_the_builtin_ones(tmp_path: Path):
    (tmp_path / "offices.tsv").write_text(
        "state\ttitle\tperson\tname\tstart\tend\tchecked\n"
        "israel\tforeign minister\tgideon_saar\tGideon Saar\t2024-11-05\t\t2025-06-01\n",
        encoding="utf-8",
    )
    kg = _build("The Israeli foreign minister criticized Iran.", "2025-01-10", [tmp_path])
    assert ("gideon_saar", "disapprove", "iran") in {t[:3] for t in triples(kg)}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("atlantis\tpresident\tx_y\tX Y\t2020-01-01\t\t2021-01-01", "state 'atlantis'"),
        ("israel\tgrand vizier\tx_y\tX Y\t2020-01-01\t\t2021-01-01", "title 'grand vizier'"),
        ("israel\tpresident\tx_y\tX Y\t1 May 2020\t\t2021-01-01", "start '1 May 2020'"),
    ],
)
def test_a_bad_office_row_is_an_error_naming_its_line(tmp_path: Path, row, message):
    (tmp_path / "offices.tsv").write_text(
        "state\ttitle\tperson\tname\tstart\tend\tchecked\n" + row + "\n", encoding="utf-8"
    )
    with pytest.raises(OntologyError, match=f"offices.tsv:2: {message}"):
        load_ontology([tmp_path])
