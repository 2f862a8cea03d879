from __future__ import annotations

import networkx as nx

import graphkit
from graphkit.graph import assemble


def test_same_actor_in_two_documents_is_one_node_with_both_mentions(build_text):
    kg = build_text("Hamas attacked Israel.", "Israel struck Hamas in Gaza.")
    g = kg.graph
    assert isinstance(g, nx.MultiDiGraph)
    docs = {m["doc"] for m in g.nodes["hamas"]["mentions"]}
    assert docs == {"d0", "d1"}
    assert g.nodes["hamas"]["documents"] == 2


def test_repeated_assertion_is_one_edge_with_evidence_per_sentence(build_text):
    kg = build_text("Hamas attacked Israel. Later, Hamas attacked Israel again.")
    edges = [d for u, v, d in kg.graph.edges(data=True) if (u, v) == ("hamas", "israel")]
    assert len(edges) == 1
    assert len(edges[0]["evidence"]) == 2


def test_claim_and_fact_are_different_edges(build_text):
    kg = build_text("Hamas attacked Israel. Iran said Hamas attacked Israel.")
    keys = sorted(k for u, v, k in kg.graph.edges(keys=True) if (u, v) == ("hamas", "israel"))
    assert keys == ["attack:asserted:author", "attack:asserted:iran"]


def test_assemble_of_nothing_is_an_empty_graph():
    kg = assemble([])
    assert kg.graph.number_of_nodes() == 0 and kg.documents == []
    assert "0 documents" in repr(kg)


def test_build_accepts_documents_and_reports_duplicates(tmp_path):
    d = graphkit.document_from_text("same", "Hamas attacked Israel.")
    kg = graphkit.build([d, d])
    assert len(kg.documents) == 1
    assert kg.errors and "duplicate document id" in kg.errors[0]["error"]


def test_a_person_is_labelled_with_the_full_name(build_text):
    kg = build_text("Steve Jobs spoke on Monday. Jobs said Apple would sue Samsung. Jobs left.")
    labels = {d["label"] for _, d in kg.graph.nodes(data=True) if d["type"] == "Person"}
    assert labels == {"Steve Jobs"}


def test_a_title_modifier_is_not_an_alias_of_the_government(build_text):
    kg = build_text("U.S. President Joe Biden met Israeli Prime Minister Benjamin Netanyahu.")
    for n, d in kg.graph.nodes(data=True):
        if n.endswith("/government"):
            assert "U.S." not in d["aliases"] and "Israeli" not in d["aliases"], (n, d["aliases"])
