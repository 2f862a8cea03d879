"""The wikinews sample (tests/data/wikinews: 24 of the 163 articles) builds end to end, and its
actors match the gold entities."""

from __future__ import annotations

import json
import runpy

import pytest

import graphkit
from graphkit.analysis.evaluate import mention_scores

from .conftest import ROOT, WIKINEWS

FOLDERS = [WIKINEWS / "gum_wikinews" / "text", WIKINEWS / "meantime" / "text"]


@pytest.fixture(scope="module")
def wikinews(shared, tmp_path_factory):
    kg = graphkit.build(FOLDERS)
    out = tmp_path_factory.mktemp("wikinews")
    kg.write(out)
    return kg, out


def test_wikinews_corpus_builds_and_every_span_slices_its_document(wikinews):
    kg, out = wikinews
    assert len(kg.documents) == 24
    assert not kg.errors
    for name in ("graph.json", "graph.ttl", "graph.html"):
        assert (out / name).stat().st_size > 0
    paths = {
        p.relative_to(f).with_suffix("").as_posix(): p for f in FOLDERS for p in f.rglob("*.txt")
    }
    texts = {k: p.read_text(encoding="utf-8") for k, p in paths.items()}
    data = json.loads((out / "graph.json").read_text())
    spans = [ev for e in data["edges"] for ev in e["evidence"]]
    spans += [m for n in data["nodes"] for m in n["mentions"]]
    assert len(spans) > 500
    for sp in spans:
        assert texts[sp["doc"]][sp["start"] : sp["end"]] == sp["text"]


# Floors a little under the figures measured when they were set (docs/quality.md): a drop
# below them is a regression in actor extraction. GUM annotates every mention, so its precision
# is the meaningful one; MEANTIME leaves many mentions unannotated, so only its recall is held.
FLOORS = {
    "gum_wikinews": {"precision": 0.85, "recall_named": 0.6, "recall_entities": 0.6},
    "meantime": {"recall_named": 0.8, "recall_entities": 0.78},
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_actor_mentions_against_wikinews_gold(wikinews, corpus):
    load_gold = runpy.run_path(str(ROOT / "benchmarks" / "wikinews_actors.py"))["load_gold"]
    _, out = wikinews
    graph = json.loads((out / "graph.json").read_text())
    result = mention_scores(graph, load_gold(corpus, WIKINEWS))
    assert result["documents"] == {"gum_wikinews": 12, "meantime": 12}[corpus]
    for figure, floor in FLOORS[corpus].items():
        assert result[figure] >= floor, (figure, result)


def test_wikinews_rdf_conforms_to_the_shapes(wikinews):
    from graphkit.analysis.validate import validate

    kg, _ = wikinews
    result = validate(kg.to_dataset())
    assert result.conforms, result.report[:3000]


def test_the_corpus_graph_conforms_to_graphkits_own_shapes(wikinews):
    from graphkit.analysis.validate import validate
    from graphkit.export.load import load_dataset

    _, out = wikinews
    result = validate(load_dataset(out / "graph.json"))
    assert result.conforms, result.report[:2000]


def test_an_actor_stated_part_of_two_wholes_conforms(tmp_path):
    # graphkit validate passes on every graph graphkit writes: the 163-article corpus has an
    # actor stated to be part of two wholes (Airbus of "EADS N.V." and of "European Aeronautic
    # Defence & Space NV", two nodes it does not yet join)
    from graphkit.analysis.validate import validate
    from graphkit.export.load import load_dataset

    docs = [
        graphkit.document_from_text("a", "Airbus, a unit of EADS N.V., cut 10,000 jobs."),
        graphkit.document_from_text(
            "b", "Airbus, a unit of European Aeronautic Defence & Space NV, won a contract."
        ),
    ]
    kg = graphkit.build(docs)
    wholes = {
        v for u, v, d in kg.graph.edges(data=True) if u == "airbus" and d["category"] == "part_of"
    }
    assert len(wholes) == 2, wholes
    kg.write(tmp_path, ("json",))
    result = validate(load_dataset(tmp_path / "graph.json"))
    assert result.conforms, result.report[:2000]
