"""The Python API notebooks use: read, DataFrames, subgraph, merge, query, network exports."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

import graphkit
from graphkit.errors import GraphkitError
from graphkit.export.json import dumps

TEXTS = (
    "Hamas attacked Israel. Iran said Hamas attacked Israel again.",
    "Israel struck Hamas in Gaza. Egypt condemned Israel.",
)


@pytest.fixture(scope="module")
def two():
    docs = [graphkit.document_from_text(f"d{i}", t) for i, t in enumerate(TEXTS)]
    return graphkit.build(docs)


def test_read_gives_back_graph_json_exactly(seed_out, tmp_path):
    text = (seed_out / "graph.json").read_text(encoding="utf-8")
    kg = graphkit.read(seed_out / "graph.json")
    assert dumps(kg) == text
    assert json.loads(text) == kg.to_json()
    kg.write(tmp_path, ("json", "ttl"))
    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == text


def test_read_reports_a_bad_file(tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text('{"nodes": 3}')
    with pytest.raises(GraphkitError, match=r"graph\.json"):
        graphkit.read(bad)


def test_actor_and_assertion_frames(two):
    actors = two.actors()
    assert {"hamas", "israel", "iran", "egypt"} <= set(actors["id"])
    row = actors.set_index("id").loc["hamas"]
    assert row["type"] == "ArmedGroup" and row["mentions"] >= 3 and row["out_edges"] >= 1
    a = two.assertions()
    assert len(a) == sum(len(d["evidence"]) for _, _, d in two.graph.edges(data=True))
    fights = a[(a["source"] == "hamas") & (a["category"] == "fight")]
    assert set(fights["document"]) == {"d0"} and set(fights["speaker_label"].dropna()) == {"Iran"}
    for _, r in a.iterrows():
        assert r["sentence"] and r["start"] < r["end"]


def test_claims_by_speaker(two):
    by_iran = two.claims(by="Iran")
    assert len(by_iran) >= 1 and set(by_iran["speaker"]) == {"iran"}
    assert two.claims(by="iran").equals(by_iran)
    assert len(two.claims()) >= len(by_iran)


def test_subgraph_by_actors_categories_and_documents(two):
    sub = two.subgraph(actors=["Hamas", "israel"])
    assert set(sub.graph.nodes) >= {"hamas", "israel"}
    assert all({u, v} <= {"hamas", "israel"} for u, v in sub.graph.edges())
    fights = two.subgraph(categories=["fight"])
    assert {d["category"] for _, _, d in fights.graph.edges(data=True)} == {"fight"}
    d1 = two.subgraph(documents=["d1"])
    assert [d["id"] for d in d1.documents] == ["d1"]
    for _, _, d in d1.graph.edges(data=True):
        assert {ev["doc"] for ev in d["evidence"]} == {"d1"}
    assert "iran" not in d1.graph  # only mentioned in d0
    with pytest.raises(GraphkitError, match="no actor named"):
        two.subgraph(actors=["Atlantis"])


def test_merge_joins_actors_and_evidence(two):
    a = two.subgraph(documents=["d0"])
    b = two.subgraph(documents=["d1"])
    merged = a.merge(b)
    assert [d["id"] for d in merged.documents] == ["d0", "d1"]
    assert set(merged.graph.nodes) == set(two.graph.nodes)
    assert merged.graph.number_of_edges() == two.graph.number_of_edges()
    assert len(merged.assertions()) == len(two.assertions())
    again = merged.merge(b)  # merging what is already there changes nothing
    assert len(again.assertions()) == len(merged.assertions())


def test_query_with_bindings_returns_a_frame(two):
    q = "SELECT ?who ?c WHERE { ?a gk:category ?c ; rdf:subject/rdfs:label ?who }"
    df = two.query(q, c="disapprove")
    assert df["who"].tolist() == ["Egypt"]


def test_graphml_and_gexf_read_back_with_every_node_edge_category_and_speaker(two, tmp_path):
    two.write(tmp_path, ("graphml", "gexf"))
    want = sorted(
        (u, v, d["category"], d["attributed_to"] or "") for u, v, d in two.graph.edges(data=True)
    )
    for back in (
        nx.read_graphml(tmp_path / "graph.graphml"),
        nx.read_gexf(tmp_path / "graph.gexf"),
    ):
        assert set(back.nodes) == set(two.graph.nodes)
        got = sorted(
            (u, v, d["category"], d.get("attributed_to") or "") for u, v, d in back.edges(data=True)
        )
        assert got == want
        assert back.nodes["hamas"]["label"] == "Hamas"


def test_cytoscape_json_reads_back_with_networkx(two, tmp_path):
    two.write(tmp_path, ("cytoscape",))
    data = json.loads((tmp_path / "graph.cyjs").read_text())
    back = nx.cytoscape_graph(data)
    assert set(back.nodes) == set(two.graph.nodes)
    assert back.number_of_edges() == two.graph.number_of_edges()
    assert all("evidence" in d for _, _, d in back.edges(data=True))


def test_neo4j_csvs_follow_the_import_header_syntax(two, tmp_path):
    two.write(tmp_path, ("neo4j",))
    actors = list(csv.reader(io.StringIO((tmp_path / "neo4j_actors.csv").read_text())))
    rels = list(csv.reader(io.StringIO((tmp_path / "neo4j_relationships.csv").read_text())))
    assert actors[0][:2] == ["actorId:ID(Actor)", ":LABEL"]
    assert rels[0][:3] == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"]
    ids = {r[0] for r in actors[1:]}
    assert ids == set(two.graph.nodes)
    assert len(rels) - 1 == two.graph.number_of_edges()
    for r in rels[1:]:
        assert r[0] in ids and r[1] in ids and r[2].isupper()


def test_build_takes_one_path_as_a_string_or_a_path(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Hamas attacked Israel on Saturday.\n", encoding="utf-8")
    for given in (str(article), article):
        kg = graphkit.build(given)
        assert [d["id"] for d in kg.documents] == ["article"]


@pytest.mark.parametrize("given", [42, b"article.txt", [3.5], {"a": 1}])
def test_build_refuses_what_is_no_path(given):
    with pytest.raises(TypeError, match="build"):
        graphkit.build(given)


def test_a_folder_build_leaves_out_readme_and_licence_files(tmp_path):
    (tmp_path / "news.txt").write_text("Hamas attacked Israel on Saturday.\n", encoding="utf-8")
    (tmp_path / "README.txt").write_text("How this folder was made.\n", encoding="utf-8")
    (tmp_path / "licenses").mkdir()
    (tmp_path / "licenses" / "GUM_LICENSE.txt").write_text("CC BY 4.0\n", encoding="utf-8")
    lines: list[str] = []
    kg = graphkit.build([tmp_path], report=lines.append)
    assert [d["id"] for d in kg.documents] == ["news"]
    assert any("left out 2" in line and "README.txt" in line for line in lines), lines


def test_the_package_names_stay_functions_after_their_submodules_are_imported():
    """graphkit imports its API lazily; importing the submodule ``graphkit.build`` (as the
    tests and benchmarks do) must not replace the function ``graphkit.build``."""
    import graphkit.build  # the submodule
    from graphkit.build import chunks

    assert callable(graphkit.build) and graphkit.build.__module__ == "graphkit.build"
    assert chunks("a\nb", 2) == ["a\n", "b"]
    assert {"build", "read", "KnowledgeGraph", "load_ontology"} <= set(dir(graphkit))
    with pytest.raises(AttributeError):
        _ = graphkit.no_such_name
