"""The 163-article wikinews corpus builds end to end."""

from __future__ import annotations

import json

import graphkit

from .conftest import WIKINEWS


def test_wikinews_corpus_builds_and_every_span_slices_its_document(shared, tmp_path):
    folders = [WIKINEWS / "gum_wikinews" / "text", WIKINEWS / "meantime" / "text"]
    kg = graphkit.build(folders)
    assert len(kg.documents) == 163
    assert not kg.errors
    kg.write(tmp_path)
    for name in ("graph.json", "graph.ttl", "graph.html"):
        assert (tmp_path / name).stat().st_size > 0
    paths = {
        p.relative_to(f).with_suffix("").as_posix(): p for f in folders for p in f.rglob("*.txt")
    }
    texts = {k: p.read_text(encoding="utf-8") for k, p in paths.items()}
    data = json.loads((tmp_path / "graph.json").read_text())
    spans = [ev for e in data["edges"] for ev in e["evidence"]]
    spans += [m for n in data["nodes"] for m in n["mentions"]]
    assert len(spans) > 1000
    for sp in spans:
        assert texts[sp["doc"]][sp["start"] : sp["end"]] == sp["text"]
