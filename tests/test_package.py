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
        "from graphkit.query import canned, run\n"
        "from graphkit.validate import validate\n"
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
