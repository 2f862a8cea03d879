"""The hand-judged files of benchmarks/ (wikinews sample, PLOVER dev events its gold does not
list): every row judged right or wrong, every wrong one says why, and one verdict per key (two
edges of one category between the same actors from the same sentence share a key: "praise" and
"support" both read from one clause are drawn as two rows with one verdict)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.parametrize("name", ["wikinews_sample.tsv", "plover_unlisted.tsv"])
def test_every_judged_row_has_a_verdict_and_a_wrong_one_a_reason(name):
    with (BENCH / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows
    verdicts: dict[str, str] = {}
    for r in rows:
        assert verdicts.setdefault(r["key"], r["verdict"]) == r["verdict"], r["key"]
    for r in rows:
        assert r["verdict"] in {"right", "wrong"}, r["key"]
        assert r["verdict"] == "right" or r["why"].strip(), r["key"]
