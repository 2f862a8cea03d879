"""An event's own date, read from its sentence and resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

import graphkit
from graphkit.extract.dates import resolve_text

ROLES = {
    "day_before": frozenset({"yesterday"}),
    "same_day": frozenset({"today", "tonight"}),
    "day_after": frozenset({"tomorrow"}),
    "date_last": frozenset({"last"}),
    "date_next": frozenset({"next"}),
}
SATURDAY = date(2024, 2, 3)


@pytest.mark.parametrize(
    "text,published,future,expected",
    [
        ("Tuesday", SATURDAY, False, "2024-01-30"),  # the last Tuesday before
        ("Saturday", SATURDAY, False, "2024-02-03"),  # the day itself
        ("Tuesday", SATURDAY, True, "2024-02-06"),  # a plan: the coming one
        ("next Friday", SATURDAY, False, "2024-02-09"),
        ("last Friday", SATURDAY, False, "2024-02-02"),
        ("Tue", SATURDAY, False, "2024-01-30"),
        ("yesterday", SATURDAY, False, "2024-02-02"),
        ("today", SATURDAY, False, "2024-02-03"),
        ("tomorrow", SATURDAY, True, "2024-02-04"),
        ("March 3, 2020", None, False, "2020-03-03"),  # a full date needs no reference
        ("3 March 2020", None, False, "2020-03-03"),
        ("January 28", SATURDAY, False, "2024-01-28"),
        ("December 30", SATURDAY, False, "2023-12-30"),  # past: last year's
        ("December 30", SATURDAY, True, "2024-12-30"),  # still to come: this year's
        ("March 2019", None, False, "2019-03"),
        ("2019", None, False, "2019"),
        ("January", SATURDAY, False, "2024-01"),
        ("Tuesday", None, False, None),  # an undated article resolves nothing by date
        ("yesterday", None, False, None),
        ("the past few weeks", SATURDAY, False, None),
        ("February 30", SATURDAY, False, None),
    ],
)
def test_date_phrases_resolve_against_the_publication_date(text, published, future, expected):
    assert resolve_text(text, published, future=future, roles=ROLES) == expected


ARTICLE = """February 3, 2024

Israeli aircraft struck Hamas positions in Gaza on Tuesday. Iran condemned the strikes yesterday.
Egypt criticised Israel on March 3, 2020. The United States will meet Iran next Friday.
Turkey condemned Israel.
"""


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    path = tmp_path_factory.mktemp("dated") / "dated.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    kg = graphkit.build([path], cache=None)
    return {
        r.source_label: (r.date, r.date_text, r.published)
        for r in kg.assertions().itertuples()
        if r.category not in ("part_of", "member_of")
    }


@pytest.mark.parametrize(
    "actor,expected",
    [
        ("Iran", ("2024-02-02", "yesterday")),
        ("Egypt", ("2020-03-03", "March 3, 2020")),
        ("United States", ("2024-02-09", "next Friday")),  # a plan: the coming Friday
        ("Turkey", ("2024-02-03", None)),  # no date of its own: the article's
    ],
)
def test_a_built_article_dates_its_assertions(dated, actor, expected):
    date_, text, published = dated[actor]
    assert published == "2024-02-03"
    assert (date_, text if isinstance(text, str) else None) == expected
