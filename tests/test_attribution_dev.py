"""The attribution dev set (tests/data/attribution) is well formed: every gold file names actors
that exist, relations from the evaluation vocabulary, and evidence that is a verbatim span of its
article. The figures themselves are measured by benchmarks/attribution.py, not asserted here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.vocabulary import EVENT_CATEGORIES, STANDING_CATEGORIES

DEV = Path(__file__).parent / "data" / "attribution"
GOLDS = sorted(DEV.glob("*.gold.json"))


def test_at_least_ten_articles() -> None:
    assert len(GOLDS) >= 10
    assert (
        sum(1 for g in GOLDS for a in json.loads(g.read_text())["assertions"] if a["required"])
        >= 60
    )


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_is_consistent(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (DEV / gold["document"]).read_text(encoding="utf-8")
    actors = {a["id"]: a for a in gold["actors"]}
    assert len(actors) == len(gold["actors"]), "duplicate actor id"
    for a in gold["actors"]:
        assert a["names"], a["id"]
        assert a["part_of"] is None or a["part_of"] in actors, a["id"]
    ids = [s["id"] for s in gold["assertions"]]
    assert len(set(ids)) == len(ids), "duplicate assertion id"
    for s in gold["assertions"]:
        assert s["subject"] in actors and s["object"] in actors, s["id"]
        assert set(s["relation"]) <= EVENT_CATEGORIES | STANDING_CATEGORIES, s["id"]
        assert all(src == "author" or src in actors for src in s["source"]), s["id"]
        assert s["evidence"] in text, f"{s['id']}: evidence is not a span of the article"
    assert gold["metadata"]["source_url"].startswith(
        ("https://en.wikinews.org/", "http://en.wikinews.org/")
    )
