"""Shared fixtures. The seed article and wikinews corpus are in ../shared beside the checkout."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

import graphkit
from graphkit.nlp import load_nlp
from graphkit.ontology import load_ontology

ROOT = Path(__file__).resolve().parent.parent
#: the development sets and scorers beside the checkout (optional: make quality, make eventdata)
SHARED = ROOT.parent / "shared"
#: what the tests read lives in the repository (tests/data/README.md)
DATA = ROOT / "tests" / "data"
SEED = DATA / "iraq-strikes.txt"
GOLD = DATA / "iraq-strikes.gold.json"
WIKINEWS = DATA / "wikinews"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The repository's own test data (the seed article, its gold, the wikinews sample)."""
    if not SEED.exists():
        pytest.fail(f"{SEED} is missing: the repository's test data is incomplete")
    return DATA


@pytest.fixture(scope="session")
def onto():
    return load_ontology()


@pytest.fixture(scope="session")
def nlp(onto):
    return load_nlp(onto)


@pytest.fixture(scope="session")
def seed_kg(shared):
    return graphkit.build([SEED])


@pytest.fixture(scope="session")
def seed_out(seed_kg, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    seed_kg.write(out)
    return out


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads((ROOT / "graphkit" / "schema" / "graph.schema.json").read_text())


@pytest.fixture(scope="session")
def score():
    """The project-independent scorer in ../shared/eval, to compare graphkit.analysis.evaluate
    with. It is not part of the repository: without it the comparison cannot run and is skipped."""
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"the independent scorer {path} is not beside this checkout")
    return runpy.run_path(str(path))["score"]


@pytest.fixture
def build_text():
    """Build a graph from one or more article texts given as strings."""

    def _build(*texts: str) -> graphkit.KnowledgeGraph:
        docs = [graphkit.document_from_text(f"d{i}", t) for i, t in enumerate(texts)]
        return graphkit.build(docs)

    return _build


def assert_triples(kg, right: set[tuple], wrong: set[tuple]) -> None:
    """Every triple of ``right`` is among ``kg``'s (:func:`triples`) and none of ``wrong``."""
    found = triples(kg)
    assert right <= found and not wrong & found, sorted(found)


def triples(kg, *, with_speaker: bool = False) -> set[tuple]:
    """(source, category, target[, attributed_to, modality]) of every edge, and of every event
    with no recipient (target None)."""
    out = set()
    for u, v, _, d in kg.edges_and_events():
        if with_speaker:
            out.add((u, d["category"], v, d["attributed_to"], d["modality"]))
        else:
            out.add((u, d["category"], v))
    return out


@pytest.fixture(scope="session")
def seed_rdf(seed_kg):
    """The seed graph's RDF on the Oxigraph store (built once)."""
    return seed_kg.to_dataset()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """CLI runs (which cache by default) use a throwaway cache folder, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
    # and the secret that signs its entries lives outside it, never in the user's home
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "xdg-config"))


def assert_spans_slice(kg, texts: dict[str, str]) -> int:
    """Every evidence, trigger and mention span of ``kg`` is exactly its document's text at its
    offsets; returns how many spans were checked."""
    spans = [ev for _, _, d in kg.graph.edges(data=True) for ev in d["evidence"]]
    spans += [ev["trigger"] | {"doc": ev["doc"]} for ev in spans if ev.get("trigger")]
    spans += [m for _, d in kg.graph.nodes(data=True) for m in d["mentions"]]
    for sp in spans:
        assert texts[sp["doc"]][sp["start"] : sp["end"]] == sp["text"], sp
    return len(spans)


def sparql_rows(text: str) -> list[dict[str, str]]:
    """The rows of a W3C SPARQL 1.1 JSON result (``graphkit query -f json``), each variable's
    value as a string (unbound variables absent)."""
    import json

    data = json.loads(text)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
