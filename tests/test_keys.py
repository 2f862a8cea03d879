"""Actor keys and document ids: a key's parts are read by ``records.Key`` only, and a document
id may hold any character, so an article read from a nested folder (whose id keeps its path,
with ``/``, ``@`` or spaces) gives the same graph as the same article read from a flat one.
"""

from __future__ import annotations

import shutil

import pytest

from graphkit.build import build
from graphkit.records import ActorRef, Key

from .conftest import ROOT

ATTRIBUTION = ROOT / "tests" / "data" / "attribution"


@pytest.mark.parametrize(
    ("key", "owner", "kind", "doc"),
    [
        ("kataib_hezbollah", None, "kataib_hezbollah", None),
        ("iran/government", "iran", "government", None),
        ("gbagbo/followers", "gbagbo", "followers", None),
        ("voters@d1", None, "voters", "d1"),
        ("unidentified/rockets@d1", "unidentified", "rockets", "d1"),
        ("civilians@news/2024/a b@c", None, "civilians", "news/2024/a b@c"),
        ("unidentified/drones@x/y@z", "unidentified", "drones", "x/y@z"),
    ],
)
def test_a_key_is_read_into_its_parts_and_written_back(key, owner, kind, doc):
    k = Key.parse(key)
    assert (k.owner, k.kind, k.doc) == (owner, kind, doc)
    assert str(k) == key
    assert k.local is (doc is not None) and k.unit is (owner is not None)
    assert ActorRef(key=key, label="x", type="Organization").scope == k


def _shape(kg):
    """The graph with each document id replaced by its file's name: what must not depend on
    the folder the file was read from."""
    names = {d["id"]: d["source"] for d in kg.documents}

    def node(n):
        k = Key.parse(n)
        return str(Key(k.owner, k.kind, names[k.doc])) if k.local else n

    nodes = sorted(node(n) for n in kg.graph.nodes)
    edges = sorted(
        (
            node(u),
            node(v),
            d["category"],
            d["modality"],
            tuple(sorted(names[e["doc"]] for e in d["evidence"])),
        )
        for u, v, d in kg.graph.edges(data=True)
    )
    return nodes, edges


@pytest.mark.slow
def test_nested_folders_with_slashes_at_signs_and_spaces_give_the_flat_graph(tmp_path, nlp):
    articles = sorted(ATTRIBUTION.glob("GUM_news_*.txt"))[:3]
    flat, nested = tmp_path / "flat", tmp_path / "nested"
    flat.mkdir()
    for i, src in enumerate(articles):
        shutil.copy(src, flat / src.name)
        deep = nested / "2024 news" / f"desk@{i}" / "a b"
        deep.mkdir(parents=True)
        shutil.copy(src, deep / src.name)
    a, b = build([flat]), build([nested])
    assert sorted(d["id"] for d in b.documents) != sorted(d["id"] for d in a.documents)
    assert any("/" in d["id"] and "@" in d["id"] and " " in d["id"] for d in b.documents)
    local = [n for n in b.graph.nodes if Key.parse(n).local]
    assert local, "the articles have groups local to their document"
    assert _shape(b) == _shape(a)
