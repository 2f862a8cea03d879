"""The shape of the package: no import cycles, a graph model that imports no exporter, and
exports that are a function of the graph alone (the same from graph.json read back as at build
time, for every format, with a user's ontology)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

import graphkit
from graphkit.api import read_json
from graphkit.export.writers import render
from graphkit.formats import TABLE

PACKAGE = Path(graphkit.__file__).resolve().parent


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> nx.DiGraph:
    """Module -> the graphkit modules it imports anywhere (module level or in a function),
    leaving out the imports only a type checker runs (``if TYPE_CHECKING:``)."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    g = nx.DiGraph()
    g.add_nodes_from(modules)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for n in ast.walk(block)
        }
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    stem = ".".join(base + ([node.module] if node.module else []))
                else:
                    stem = node.module or ""
                targets = [stem, *(f"{stem}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for t in targets:
                if t in modules and t != name:
                    g.add_edge(name, t)
    return g


def test_no_import_cycle_among_graphkit_modules():
    cycles = [sorted(c) for c in nx.strongly_connected_components(_imports()) if len(c) > 1]
    assert cycles == []


def test_the_import_check_sees_function_local_imports():
    # graph.py's methods once imported ops, frames and the exporters inside functions
    g = _imports()
    assert g.has_edge("graphkit.analysis.ops", "graphkit.graph")
    assert g.has_edge("graphkit.build", "graphkit.assemble.identity")


#: the shape every module keeps: a reader takes in a function at once and a module in a sitting
MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_NESTING = 600, 80, 5
_BLOCKS = (ast.If, ast.For, ast.While, ast.With, ast.Try, ast.AsyncFor, ast.AsyncWith, ast.Match)


def _nesting(node: ast.AST, depth: int = 0) -> int:
    """How deep blocks nest inside ``node`` (an ``elif`` is no deeper than its ``if``; a
    function defined inside is measured on its own)."""
    elif_ = (
        id(node.orelse[0])
        if isinstance(node, ast.If) and len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)
        else None
    )
    deepest = depth
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        deeper = isinstance(child, _BLOCKS) and id(child) != elif_
        deepest = max(deepest, _nesting(child, depth + 1 if deeper else depth))
    return deepest


def _too_big(source: str, where: str) -> list[str]:
    out = []
    if source.count("\n") > MAX_MODULE_LINES:
        out.append(f"{where}: {source.count(chr(10))} lines")
    for f in ast.walk(ast.parse(source)):
        if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (f.end_lineno or f.lineno) - f.lineno + 1
            if length > MAX_FUNCTION_LINES or _nesting(f) > MAX_NESTING:
                out.append(f"{where}:{f.lineno}: {f.name} {length} lines, nesting {_nesting(f)}")
    return out


def test_no_module_function_or_nesting_over_its_size():
    big = [
        s
        for p in sorted(PACKAGE.rglob("*.py"))
        for s in _too_big(p.read_text(encoding="utf-8"), str(p.relative_to(PACKAGE)))
    ]
    assert big == []


def test_the_size_check_sees_a_long_function_and_deep_nesting():
    deep = (
        "def f(x):\n" + "".join(" " * 4 * i + "if x:\n" for i in range(1, 7)) + " " * 28 + "pass\n"
    )
    assert _too_big(deep, "d.py") == ["d.py:1: f 8 lines, nesting 6"]
    chain = "def g(x):\n    if x:\n        pass\n" + "    elif x:\n        pass\n" * 6
    assert _too_big(chain, "c.py") == []  # an elif chain is flat
    long = "def h():\n" + "    x = 1\n" * 80
    assert _too_big(long, "h.py") == ["h.py:1: h 81 lines, nesting 0"]


def _string_imports(source: str, where: str) -> list[str]:
    """Calls that import a module named by a string (``importlib.import_module``,
    ``__import__``, a ``late("module:attr")`` helper): dependencies the import graph cannot see."""
    return [
        f"{where}:{node.lineno}: {ast.unparse(node.func)}(...)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and ast.unparse(node.func).split(".")[-1] in {"import_module", "__import__", "late"}
    ]


def test_no_module_imports_another_by_a_string():
    # the one exception: the package's own PEP 562 names (graphkit.build, graphkit.read ...),
    # the top floor, which nothing in the package imports and which keeps `import graphkit`
    # and `graphkit --help` from loading spaCy
    hidden = [
        s
        for p in sorted(PACKAGE.rglob("*.py"))
        if p != PACKAGE / "__init__.py"
        for s in _string_imports(p.read_text(encoding="utf-8"), p.name)
    ]
    assert hidden == []


def test_the_string_import_check_sees_one():
    code = "from importlib import import_module\nrdf = import_module('graphkit.export.rdf')\n"
    assert _string_imports(code, "x.py") == ["x.py:2: import_module(...)"]
    assert _string_imports("out = late('graphkit.analysis.frames:actors')(kg)\n", "g.py") == [
        "g.py:1: late(...)"
    ]


def test_the_graph_model_is_data_and_the_facade_gives_its_methods():
    from graphkit import api, graph

    model_methods = {n for n, v in vars(graph.KnowledgeGraph).items() if callable(v)}
    assert not {"actors", "to_html", "query", "subgraph", "write"} & model_methods
    assert issubclass(api.KnowledgeGraph, graph.KnowledgeGraph)
    kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
    assert isinstance(kg, api.KnowledgeGraph)
    assert isinstance(kg.subgraph(categories=["fight"]), api.KnowledgeGraph)


@pytest.mark.parametrize("module", ["graphkit.graph", "graphkit.records", "graphkit.formats"])
def test_the_graph_model_imports_no_exporter_and_no_higher_layer(module):
    reach = nx.descendants(_imports(), module)
    above = {"graphkit.export", "graphkit.analysis", "graphkit.build", "graphkit.extract",
             "graphkit.cli", "graphkit.api"}  # fmt: skip
    assert not {m for m in reach if m in above or m.startswith(("graphkit.export.",
                                                               "graphkit.analysis."))}  # fmt: skip


@pytest.fixture(scope="module")
def user_ontology(tmp_path_factory) -> Path:
    """An actor the built-in gazetteer does not know, part of a parent no text mentions, and a
    relation of the user's own namespace."""
    d = tmp_path_factory.mktemp("onto")
    (d / "actors.jsonl").write_text(
        '{"id": "acme_front", "label": "Acme Front", "class": "PoliticalGroup"}\n'
        '{"id": "acme_militia", "label": "Acme Militia", "class": "ArmedGroup", '
        '"part_of": "acme_front"}\n',
        encoding="utf-8",
    )
    (d / "extra.ttl").write_text(
        "@prefix gk: <https://w3id.org/graphkit/ontology/0.1/> .\n"
        "@prefix ex: <https://example.org/rel/> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        'ex:pummel a owl:ObjectProperty, gk:RelationType ; gk:term "pummel" ; '
        'gk:category "fight" ; gk:cameo "190" ; rdfs:label "pummels"@en .\n',
        encoding="utf-8",
    )
    (d / "lexicon.tsv").write_text(
        "lemma\tpos\trelation\tpreps\tobjects\npummel\tverb\tpummel\t\t\n", encoding="utf-8"
    )
    (d / "styles.tsv").write_text(
        "kind\tterm\tcolour\tshape\nclass\tArmedGroup\t#123456\tstar\n", encoding="utf-8"
    )
    return d


@pytest.fixture(scope="module")
def built(user_ontology, tmp_path_factory):
    text = "The Acme Militia pummeled Hamas in Gaza on Monday. Hamas attacked Israel."
    kg = graphkit.build([graphkit.document_from_text("d1", text)], ontology=[user_ontology])
    out = tmp_path_factory.mktemp("out")
    kg.write(out, ["json"])
    return kg, read_json(out / "graph.json")


def test_the_user_actor_keeps_its_id_and_the_relation_its_iri(built):
    kg, _ = built
    ttl = render(kg, "ttl")["graph.ttl"]
    assert "actor:acme_militia " in ttl or "actor:acme_militia\n" in ttl
    assert "<https://example.org/rel/pummel>" in ttl
    assert "Acme Front" in ttl  # the parent no text mentions is described
    assert "#123456" in render(kg, "html")["graph.html"]  # the user's colour for a class


@pytest.mark.parametrize("fmt", list(TABLE))
def test_every_export_of_graph_json_read_back_is_the_build_time_export(built, fmt):
    kg, back = built
    assert back.ontology is None  # nothing but the file
    assert render(back, fmt) == render(kg, fmt)


def test_a_part_of_the_graph_still_describes_parents_it_lost(built):
    kg, _ = built
    sub = kg.subgraph(categories=["fight"])
    ttl = render(sub, "ttl")["graph.ttl"]
    assert "Acme Front" in ttl
    # either way round, a merge is the whole graph again (N-Triples come out sorted)
    assert render(sub.merge(kg), "nt") == render(kg, "nt") == render(kg.merge(sub), "nt")


def test_every_package_graphkit_imports_is_a_declared_dependency():
    import re
    import sys
    from importlib.metadata import packages_distributions, requires

    imported: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(a.name.partition(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                imported.add(node.module.partition(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"graphkit", "__future__"}
    # optional: IPython in a notebook, Dask for --dask, the en_core_web_sm package if present,
    # matplotlib for the plots and pyarrow for events.parquet (each in an extra, checked below)
    optional = {"IPython", "dask", "distributed", "en_core_web_sm", "matplotlib", "pyarrow"}
    declared = {
        re.split(r"[ <>=!\[;]", r, maxsplit=1)[0].lower().replace("_", "-")
        for r in requires("graphkit-news") or []
        if "extra ==" not in r
    }
    dists = packages_distributions()
    missing = {
        m for m in third_party - optional
        if not {d.lower().replace("_", "-") for d in dists.get(m, [m])} & declared
    }  # fmt: skip
    assert not missing
    extras = {
        re.split(r"[ <>=!\[;]", r, maxsplit=1)[0].lower(): r.partition("extra == ")[2].strip("'\"")
        for r in requires("graphkit-news") or []
        if "extra ==" in r
    }
    assert extras.get("matplotlib") in {"plot", "notebook", "dev"}
    assert "pyarrow" in extras


def _architecture_tool():
    import importlib.util

    path = PACKAGE.parent / "tools" / "architecture.py"
    spec = importlib.util.spec_from_file_location("architecture_tool", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_architecture_is_generated_from_the_code_and_current():
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert page == _architecture_tool().render(), "docs/architecture.md is stale: make docs"


def test_docs_architecture_names_every_rule_with_its_why():
    import inspect

    from graphkit.extract.names import NAME_RULES
    from graphkit.extract.phrases import Phrases
    from graphkit.ontology import load_ontology

    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows: dict[str, str] = {}  # the first `name` of a table row -> the row
    for line in page.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")] if line.startswith("|") else []
        named = [c for c in cells if c.startswith("`") and c.endswith("`")]
        if named:
            rows.setdefault(named[0].strip("`"), line)
    words = " ".join  # a why as the page writes it: on one line
    for rule in NAME_RULES:
        assert words(rule.why.split()) in rows[rule.name], rule.name
    for reading in Phrases.READINGS:
        why = inspect.getdoc(reading) or ""
        assert why and words(why.split()) in rows[reading.__name__], reading.__name__
    for rule in load_ontology().rule_confidence:
        assert rule in rows, rule


def test_every_rule_row_names_the_function_that_makes_it():
    """rules.tsv's ``function`` column: the function exists and its code names the rule."""
    import csv
    import importlib
    import inspect

    path = PACKAGE.parent / "ontology" / "rules.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    wrong = []
    for row in csv.DictReader(lines, delimiter="\t"):
        parts = row["function"].split(".")
        for cut in range(len(parts), 0, -1):  # the longest importable module, then attributes
            try:
                obj = importlib.import_module("graphkit." + ".".join(parts[:cut]))
            except ImportError:
                continue
            for attr in parts[cut:]:
                obj = getattr(obj, attr, None)
            break
        if obj is None or f'"{row["rule"]}"' not in inspect.getsource(obj):
            wrong.append((row["rule"], row["function"]))
        if not row["family"]:
            wrong.append((row["rule"], "no family"))
    assert wrong == []
