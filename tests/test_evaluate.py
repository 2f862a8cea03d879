"""graphkit.analysis.evaluate gives the same figures as the independent scorer in shared/eval."""

from __future__ import annotations

import copy
import json
import random

import pytest
from click.testing import CliRunner

from graphkit.analysis.evaluate import evaluate, evaluate_files
from graphkit.cli import cli

from .conftest import GOLD

FIGURES = (
    "actor_precision",
    "actor_recall",
    "actor_f1",
    "edge_precision",
    "edge_recall",
    "edge_f1",
    "attribution_accuracy",
)


def _perturb(graph: dict, seed: int) -> dict:
    """A damaged copy of a graph: dropped and duplicated nodes, dropped edges, wrong speakers,
    synonym categories, a place node and an unscored edge."""
    rnd = random.Random(seed)
    g = copy.deepcopy(graph)
    nodes, edges = g["nodes"], g["edges"]
    rnd.shuffle(nodes)
    for n in nodes[: rnd.randint(0, 3)]:
        dup = dict(n, id=n["id"] + "-copy")
        nodes.append(dup)
    del nodes[: rnd.randint(0, 2)]
    keep = {n["id"] for n in nodes}
    rnd.shuffle(edges)
    edges[:] = [
        e for e in edges[rnd.randint(0, 4) :] if e["source"] in keep and e["target"] in keep
    ]
    for e in edges:
        r = rnd.random()
        if r < 0.2:
            e["attributed_to"] = rnd.choice([None, "author", *sorted(keep)])
        elif r < 0.3 and e["category"] == "disapprove":
            e["category"] = "accuse"
        elif r < 0.4:
            e["source"], e["target"] = e["target"], e["source"]
    nodes.append({"id": "zumar", "label": "Zumar", "type": "Place", "aliases": ["Zumar"]})
    if nodes:
        # still graphkit's shape (evaluate refuses another tool's graph): a relation, evidence
        evidence = [{"doc": "d", "start": 0, "end": 1, "text": "x"}]
        for target, category in (("zumar", "located_in"), (nodes[-2]["id"], "travel")):
            edges.append({"source": nodes[0]["id"], "target": target, "category": category,
                          "relation": category, "evidence": evidence})  # fmt: skip
    return g


@pytest.fixture(scope="module")
def seed_graph(seed_out) -> dict:
    return json.loads((seed_out / "graph.json").read_text())


@pytest.mark.parametrize("seed", range(12))
def test_same_figures_as_the_shared_scorer(seed, seed_graph, score, tmp_path):
    graph = seed_graph if seed == 0 else _perturb(seed_graph, seed)
    path = tmp_path / "g.json"
    path.write_text(json.dumps(graph))
    theirs = score(str(path), str(GOLD))
    ours = evaluate_files(path, GOLD).as_dict()
    assert {k: ours[k] for k in theirs} == theirs


def test_seed_meets_the_quality_bar(seed_graph):
    s = evaluate(seed_graph, json.loads(GOLD.read_text()))
    assert s.actor_f1 >= 0.95 and s.edge_f1 >= 0.85 and s.attribution_accuracy >= 0.90, s


def test_empty_graph_scores_zero():
    gold = json.loads(GOLD.read_text())
    s = evaluate({"nodes": [], "edges": []}, gold)
    assert (s.actor_recall, s.edge_recall, s.edge_precision) == (0.0, 0.0, 0.0)
    assert s.details["missed_actors"]


def test_cli_prints_summary_and_json(seed_out):
    r = CliRunner().invoke(cli, ["evaluate", str(seed_out / "graph.json"), str(GOLD)])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[-1].startswith("actor P/R/F1 ")
    r = CliRunner().invoke(cli, ["evaluate", "--json", str(seed_out / "graph.json"), str(GOLD)])
    data = json.loads(r.output)
    assert set(FIGURES) <= set(data)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"nodes": []}', "not a node-link graph"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_cli_bad_graph_is_one_line_and_exit_1(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    r = CliRunner().invoke(cli, ["evaluate", str(bad), str(GOLD)])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and message in lines[0]


def test_cli_bad_gold_names_the_gold_file(tmp_path, seed_out):
    gold = tmp_path / "gold.json"
    gold.write_text('{"actors": [{"id": "x"}]}')
    r = CliRunner().invoke(cli, ["evaluate", str(seed_out / "graph.json"), str(gold)])
    assert r.exit_code == 1 and str(gold) in r.output


def test_mention_scores_count_the_nodes_of_one_entity():
    from graphkit.analysis.evaluate import GoldMention, mention_scores

    def node(nid, *spans, doc="d"):
        return {"id": nid, "type": "Person",
                "mentions": [{"doc": doc, "start": a, "end": b} for a, b in spans]}  # fmt: skip

    graph = {
        "nodes": [
            node("frank_rack", (0, 10)),
            node("frank", (20, 25)),  # the same person, a second node: a split
            node("white_house", (40, 51)),  # inside "White House spokesman Sean Spicer"
            node("sean_spicer", (62, 73)),
            node("frank_rack", (0, 10), doc="e"),
            node("rack", (30, 34), doc="e"),  # across documents, a third node
        ]
    }
    gold = {
        "d": [GoldMention(0, 10, "person", cluster="1", identity="Frank_Rack"),
              GoldMention(20, 25, "person", cluster="1", identity="Frank_Rack"),
              GoldMention(40, 73, "person", cluster="2", identity="Sean_Spicer")],
        "e": [GoldMention(0, 10, "person", cluster="1", identity="Frank_Rack"),
              GoldMention(30, 34, "person", cluster="1", identity="Frank_Rack")],
    }  # fmt: skip
    s = mention_scores(graph, gold)
    # d/1 has two nodes, d/2 one (its head), e/1 two; Frank Rack has three across documents
    assert s["split_entities"] == 2
    assert s["nodes_per_entity"] == round(5 / 3, 3)
    assert (s["nodes_per_identity"], s["split_identities"]) == (2.0, 1)
