from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import cli
from graphkit.export import FILENAMES

from .conftest import SEED


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args], capture_output=True, text=True, timeout=300
    )


def test_help_lists_commands():
    r = CliRunner().invoke(cli, ["--help"])
    assert r.exit_code == 0 and "build" in r.output
    r = CliRunner().invoke(cli, ["build", "--help"])
    assert r.exit_code == 0 and "--model" in r.output and "--ontology" in r.output


def test_build_seed_writes_three_files(shared, tmp_path: Path):
    r = run("build", str(SEED), "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "built 1 documents" in r.stdout
    for name in ("graph.json", "graph.ttl", "graph.html"):
        assert (tmp_path / name).stat().st_size > 0


def test_missing_input_is_one_line_and_exit_1(tmp_path: Path):
    r = run("build", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"))
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "no such file or folder" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_missing_model_is_one_line_naming_the_install(tmp_path: Path):
    r = run("build", str(SEED), "-o", str(tmp_path), "--model", "xx_missing_model")
    assert r.returncode == 1
    assert "not installed" in r.stderr and "install" in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_document_in_folder_is_reported_and_rest_is_built(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Hamas attacked Israel on Monday.\n")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (corpus / "empty.txt").write_text("")
    r = run("build", str(corpus), "-o", str(tmp_path / "out"))
    assert r.returncode == 3, r.stderr
    assert "binary.txt" in r.stderr and "empty.txt" in r.stderr
    data = json.loads((tmp_path / "out" / "graph.json").read_text())
    assert [d["id"] for d in data["graph"]["documents"]] == ["good"]
    assert {e["source"] for e in data["graph"]["errors"]} == {
        str(corpus / "binary.txt"),
        str(corpus / "empty.txt"),
    }
    assert any(e["source"] == "hamas" for e in data["edges"])


def test_unknown_format_is_a_usage_error_that_lists_the_valid_ones(tmp_path: Path):
    r = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(tmp_path), "--format", "pdf"])
    assert r.exit_code == 2 and "unknown format" in r.output
    for name in FILENAMES:
        assert name in r.output
    assert not any(tmp_path.iterdir())


def test_help_and_a_cached_rebuild_import_no_spacy(tmp_path: Path):
    # what the command does not need it does not import (the --help speed of the issue)
    probe = (
        "import sys; from click.testing import CliRunner; from graphkit.cli import cli\n"
        "for args in (['--help'], ['build', '--help'], ['query', '--help']):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0, args\n"
        "heavy = {'spacy', 'rdflib', 'pandas', 'networkx'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    cache, out = tmp_path / "cache", tmp_path / "out"
    args = ["build", str(SEED), "-o", str(out), "--cache", str(cache), "--format", "json", "-q"]
    assert run(*args).returncode == 0
    probe = (
        "import sys; from graphkit.cli import main\n"
        f"sys.argv = ['graphkit', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "assert 'spacy' not in sys.modules\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("bogus", "missing port"),
        pytest.param("tcp://127.0.0.1:9", "after 10 s", marks=pytest.mark.slow),  # waits 10 s
    ],
)
def test_a_bad_dask_address_is_one_line_and_exit_1(tmp_path: Path, address: str, reason: str):
    r = run("build", str(SEED), "-o", str(tmp_path / "out"), "--no-cache", "--dask", address)
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith(f"graphkit: --dask {address}: cannot use this scheduler")
    assert reason in r.stderr and r.stderr.strip().count("\n") == 0
    assert not (tmp_path / "out").exists()


def test_a_duplicate_id_names_both_paths(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("Hamas attacked Israel.\n")
    first, second = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    r = run("build", str(first), str(second), "-o", str(tmp_path / "out"), "--no-cache")
    assert r.returncode == 3, r.stderr
    assert f"skipped {second}: duplicate document id 'x' (first: {first})" in r.stderr


def test_every_command_and_option_is_in_the_readme():
    """As sqlite-utils does: a command or option the documentation of the command line (the
    README and docs/cli.md) does not mention is a failure."""
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    readme += (root / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"graphkit {name}" in readme, name
        for param in command.params:
            for flag in (*param.opts, *param.secondary_opts):
                if flag.startswith("--") and flag != "--help":
                    assert flag in readme, f"graphkit {name} {flag}"


@pytest.mark.parametrize("kind", ["empty", "only_pdfs"])
def test_a_build_that_reads_no_document_leaves_the_last_outputs(tmp_path: Path, kind: str):
    out = tmp_path / "out"
    assert run("build", str(SEED), "-o", str(out)).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    folder = tmp_path / kind
    folder.mkdir()
    if kind == "only_pdfs":
        (folder / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    r = run("build", str(folder), "-o", str(out))
    assert r.returncode == 1, r.stderr
    assert "read no document" in r.stderr and "left as it was" in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "Traceback" not in r.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_build_replaces_the_last_set_and_keeps_other_files(tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", str(SEED), "-o", str(out), "--format", "json,graphml,neo4j").returncode == 0
    (out / "notes.txt").write_text("mine")
    assert (out / "graph.graphml").exists() and (out / "neo4j_actors.csv").exists()
    assert run("build", str(SEED), "-o", str(out), "--format", "json,ttl").returncode == 0
    names = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert names == {"graph.json", "graph.ttl", "notes.txt"}


def test_a_tampered_manifest_never_removes_anything_but_graphkits_own_files(tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", str(SEED), "-o", str(out), "--format", "json").returncode == 0
    (tmp_path / "precious.txt").write_text("keep")
    (out / "notes.txt").write_text("keep")
    (out / ".graphkit-outputs.json").write_text(
        json.dumps({"files": ["../precious.txt", "notes.txt", "graph.json", 7]})
    )
    assert run("build", str(SEED), "-o", str(out), "--format", "ttl").returncode == 0
    assert (tmp_path / "precious.txt").exists() and (out / "notes.txt").exists()
    assert not (out / "graph.json").exists() and (out / "graph.ttl").exists()


def test_query_writes_the_w3c_result_formats_and_reads_standard_input(shared, tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", str(SEED), "-o", str(out), "--format", "json").returncode == 0
    graph = str(out / "graph.json")
    query = "SELECT ?label WHERE { ?a rdfs:label ?label } ORDER BY ?label LIMIT 3"
    r = subprocess.run([sys.executable, "-m", "graphkit", "query", graph, "-", "-f", "json"],
                       input=query, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["head"]["vars"] == ["label"]
    assert len(data["results"]["bindings"]) == 3
    assert data["results"]["bindings"][0]["label"]["type"] == "literal"
    xml = run("query", graph, query, "-f", "xml").stdout
    assert xml.startswith("<?xml") and "http://www.w3.org/2005/sparql-results#" in xml
    tsv = run("query", graph, query, "-f", "tsv").stdout.splitlines()
    assert tsv[0] == "?label" and len(tsv) == 4 and tsv[1].startswith('"')
    csv_lines = run("query", graph, query, "-f", "csv").stdout.splitlines()
    assert csv_lines[0] == "label" and len(csv_lines) == 4


def test_a_malformed_option_value_is_a_usage_error(shared, tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", str(SEED), "-o", str(out), "--format", "json").returncode == 0
    r = run("query", str(out / "graph.json"), "-n", "who-did-what", "--bind", "nonsense")
    assert r.returncode == 2 and "--bind" in r.stderr and "Traceback" not in r.stderr


def test_ctrl_c_exits_130_with_one_line_and_keeps_the_outputs(tmp_path: Path):
    import signal
    import time

    out = tmp_path / "out"
    assert run("build", str(SEED), "-o", str(out), "--format", "json").returncode == 0
    before = (out / "graph.json").read_bytes()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # enough articles that the build is surely still running when the signal comes (20 could
    # be done in the 3 s on a fast run, and a signal at exit is no interruption)
    for i in range(100):
        (corpus / f"a{i}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    p = subprocess.Popen(
        [sys.executable, "-m", "graphkit", "build", str(corpus), "-o", str(out), "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # as from a terminal: a suite run as a background job (nohup, "&") ignores SIGINT,
        # and a child that inherits the ignoring would rightly keep it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    time.sleep(3)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert (out / "graph.json").read_bytes() == before


def test_ctrl_c_a_library_swallowed_still_stops_the_build_before_it_writes(
    tmp_path: Path, monkeypatch, capsys
):
    """A Ctrl-C that lands in a library's bare ``except:`` (an import probe) is remembered:
    the build does not write its outputs and exits 130."""
    import contextlib
    import importlib
    import signal

    from graphkit import cli as cli_module

    module = importlib.import_module("graphkit.build")
    real = module.build

    def build_with_a_swallowed_interrupt(*args, **kwargs):
        with contextlib.suppress(BaseException):  # what such a library does
            signal.raise_signal(signal.SIGINT)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "build", build_with_a_swallowed_interrupt)
    # as in a terminal: Ctrl-C raises (a background job, as under nohup, ignores it)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    out = tmp_path / "out"
    monkeypatch.setattr(sys, "argv", ["graphkit", "build", str(SEED), "-o", str(out), "-q"])
    try:
        with pytest.raises(SystemExit) as stopped:
            cli_module.main()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
    finally:
        signal.signal(signal.SIGINT, previous)
    assert stopped.value.code == 130
    assert "interrupted" in capsys.readouterr().err
    assert not out.exists()
    # the press is forgotten once main returns: a build run in-process afterwards is not stopped
    assert CliRunner().invoke(cli, ["build", str(SEED), "-o", str(tmp_path / "o2")]).exit_code == 0


def test_evaluate_refuses_a_graph_that_is_not_graphkits(tmp_path: Path):
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps({"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "a"}]})
    )
    r = run("evaluate", str(other), str(SEED.with_name("iraq-strikes.gold.json")))
    assert r.returncode == 1 and "not a graphkit graph.json" in r.stderr
    assert r.stderr.strip().count("\n") == 0


FRENCH = (
    "L'Égypte a condamné l'attaque d'Israël contre Gaza. Le ministre des Affaires étrangères a "
    "déclaré que le gouvernement égyptien appelait à un cessez-le-feu immédiat et à la "
    "protection des civils dans la bande de Gaza, selon un communiqué publié dimanche.\n"
)


def test_a_document_not_in_english_is_reported_and_skipped(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (corpus / "en.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    r = run("build", str(corpus), "-o", str(tmp_path / "out"))
    assert r.returncode == 3, r.stderr
    assert "fr.txt: written in 'fr', not English" in r.stderr
    data = json.loads((tmp_path / "out" / "graph.json").read_text())
    assert [d["id"] for d in data["graph"]["documents"]] == ["en"]
    forced = run("build", str(corpus / "fr.txt"), "-o", str(tmp_path / "fr"), "--language", "any")
    assert forced.returncode == 0, forced.stderr


def test_a_manifest_that_is_a_fifo_is_never_read(tmp_path: Path):
    import os

    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / ".graphkit-outputs.json")
    r = run("build", str(SEED), "-o", str(out), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert (out / "graph.json").is_file() and (out / ".graphkit-outputs.json").is_file()
