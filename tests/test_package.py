"""The package works when installed from a wheel (not only from the source tree)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_wheel_ships_the_ontology_and_loads_it_outside_the_checkout(tmp_path: Path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, timeout=300,
    )  # fmt: skip
    wheel = next(tmp_path.glob("graphkit_news-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "graphkit/ontology/graphkit.ttl",
        "graphkit/ontology/lexicon.tsv",
        "graphkit/ontology/actors.jsonl",
        "graphkit/ontology/shapes.ttl",
        "graphkit/ontology/context.jsonld",
        "graphkit/ontology/queries/claims-by.rq",
        "graphkit/schema/graph.schema.json",
        "graphkit/export/templates/explorer.html",
    ):
        assert required in names, required
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = tmp_path / "probe.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import graphkit, graphkit.ontology as o\n"
        f"assert str(o.builtin_dir()).startswith({str(site)!r}), o.builtin_dir()\n"
        "kg = graphkit.build([graphkit.document_from_text('d', 'Hamas attacked Israel.')])\n"
        "from graphkit.analysis.query import canned, run\n"
        "from graphkit.analysis.validate import validate\n"
        "assert validate(kg.to_dataset()).conforms\n"
        "assert run(kg.to_rdf(), canned()['who-did-what'].read_text()).rows\n"
        "print(kg.graph.number_of_edges())\n"
    )
    # -I: isolated mode, so neither the checkout nor the editable install is importable first
    r = subprocess.run(
        [sys.executable, "-I", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "1"


PROBE = """
import importlib.abc, re, sys
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(dist):
    # graphkit's declared requirements and theirs, as a plain pip install follows them; an
    # extra another package asks of a third is that package's choice, not counted here
    seen, todo = set(), [dist]
    while todo:
        name = norm(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:
            continue
        todo += [re.split(r"[\\s<>=!~;\\[(]", r, maxsplit=1)[0]
                 for r in reqs if "extra ==" not in r]
    return seen


declared = closure("graphkit-news")
blocked = {top for top, dists in packages_distributions().items()
           if not any(norm(d) in declared for d in dists)}


class Undeclared(importlib.abc.MetaPathFinder):
    # what a fresh venv with only the declared requirements would not have
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r} (not declared)", name=name)
        return None


sys.meta_path.insert(0, Undeclared())
import graphkit

folder = Path(sys.argv[1])
kg = graphkit.build([folder])
assert not kg.errors, kg.errors
assert len(kg.documents) == 3, kg.documents
kg.write(folder / "out", ("json", "ttl", "html"))
print(len(kg.documents))
"""


def test_a_build_needs_nothing_but_the_declared_requirements(tmp_path: Path):
    """An HTML page, a JSON Lines feed and a text article, built in a fresh process where
    every installed distribution that graphkit's declared requirements do not reach cannot
    be imported, as in a plain ``pip install`` of the wheel without constraints.txt."""
    import json

    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        "<p>Iran and Iraq held talks in Baghdad on Monday about the border.</p>"
        "<p>Hamas attacked Israel on Tuesday, the army said.</p></article></body></html>"
    )
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "feed-1", "text": "Russia attacked Ukraine on Friday."}) + "\n"
    )
    (tmp_path / "article.txt").write_text("Egypt condemned the attack by Israel.\n")
    script = tmp_path / "probe.py"
    script.write_text(PROBE)
    r = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip().splitlines()[-1] == "3"


def test_the_model_is_pinned_by_version_and_hash_and_installed_first():
    import re

    pinned = (ROOT / "model-requirements.txt").read_text(encoding="utf-8")
    (line,) = [x for x in pinned.splitlines() if x and not x.startswith("#")]
    name, version, digest = re.fullmatch(
        r"([\w-]+)==([\w.]+) --hash=sha256:([0-9a-f]{64})", line
    ).groups()  # type: ignore[union-attr]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"{name}=={version}"' in pyproject  # the same model the package declares
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    setup = makefile[makefile.index("$(STAMP):") :].split("\n\n")[0]
    hashed = setup.index("--require-hashes -r model-requirements.txt")
    assert hashed < setup.index('-c constraints.txt -e ".[dev]"')
    assert "model-requirements.txt" in setup.splitlines()[0]  # a new pin reinstalls
    assert len(digest) == 64
