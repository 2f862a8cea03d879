"""Bad input, long texts, killed builds and byte-identical output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

import graphkit

from .conftest import SEED, WIKINEWS, assert_spans_slice

XSS = (
    '<img src=x onerror="alert(1)"> said </script><script>alert(2)</script> Hamas attacked Israel.'
)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args], capture_output=True, text=True, timeout=600
    )


def _edges(data: dict, doc: str) -> set[tuple]:
    return {
        (e["source"], e["category"], e["target"], e["attributed_to"], e["modality"])
        for e in data["edges"]
        if any(ev["doc"] == doc for ev in e["evidence"])
    }


def test_a_corpus_with_bad_documents_builds_the_rest_reports_each_and_is_stable(shared, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "iraq-strikes.txt").write_bytes(SEED.read_bytes())
    (corpus / "empty.txt").write_text("")
    (corpus / "blank.txt").write_text("  \n\t\n")
    (corpus / "binary.txt").write_bytes(bytes(range(256)))
    (corpus / "latin1.txt").write_bytes(
        "Le président français a critiqué Israël.".encode("latin-1")
    )
    (corpus / "utf16.txt").write_bytes("Hamas attacked Israel.".encode("utf-16"))
    (corpus / "xss.txt").write_text(XSS)
    (corpus / "german.txt").write_text("Die Regierung in Berlin kritisierte am Montag Moskau.")
    (corpus / "page.txt").write_text("<html><script>alert(3)</script><p>Iran condemned Israel.</p>")
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        r = _cli("build", str(corpus), str(SEED), "-o", str(out))  # the seed twice: a duplicate
        assert r.returncode == 3, r.stderr
        lines = r.stderr.strip().splitlines()
        for name in ("empty.txt", "blank.txt", "binary.txt", "latin1.txt", "duplicate document id"):
            assert sum(name in line for line in lines) == 1, (name, lines)
        assert all(line.startswith("graphkit: skipped ") for line in lines)
        outs.append(out)
    for f in sorted(p.name for p in outs[0].iterdir()):
        assert (outs[0] / f).read_bytes() == (outs[1] / f).read_bytes(), f
    data = json.loads((outs[0] / "graph.json").read_text())
    assert len(data["graph"]["errors"]) == 5
    built = {d["id"] for d in data["graph"]["documents"]}
    assert built == {"iraq-strikes", "utf16", "xss", "german", "page"}
    alone = graphkit.build([SEED]).to_json()
    assert _edges(data, "iraq-strikes") == _edges(alone, "iraq-strikes")  # the seed is complete
    html = (outs[0] / "graph.html").read_text()
    assert "<img src=x" not in html and "alert(3)</script>" not in html


def test_nothing_to_build_is_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    r = _cli(
        "build", str(tmp_path / "empty.txt"), str(tmp_path / "missing"), "-o", str(tmp_path / "o")
    )
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "nothing to build" in r.stderr and "1 more" in r.stderr
    assert not (tmp_path / "o").exists()


def test_a_document_over_the_limit_is_skipped(tmp_path):
    (tmp_path / "big.txt").write_text("Hamas attacked Israel. " * 200)
    (tmp_path / "small.txt").write_text("Iran condemned Israel.")
    r = _cli("build", str(tmp_path), "-o", str(tmp_path / "o"), "--max-chars", "1000")
    assert r.returncode == 3 and "big.txt" in r.stderr and "over the limit" in r.stderr


def test_long_texts_are_parsed_in_pieces_with_offsets_kept(shared):
    whole = graphkit.build([SEED])
    pieces = graphkit.build([SEED], chunk_chars=1500)
    text = SEED.read_text(encoding="utf-8")
    assert set(pieces.graph.edges(keys=True)) == set(whole.graph.edges(keys=True))
    assert assert_spans_slice(pieces, {"iraq-strikes": text}) > 50


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def _check_old_or_complete(before: dict[str, bytes], after: dict[str, bytes]) -> str:
    assert set(after) == set(before)
    kinds = set()
    for name, data in after.items():
        if data == before[name]:
            kinds.add("old")
            continue
        kinds.add("new")  # a complete new file, never a torn one
        if name.endswith(".json"):
            assert len(json.loads(data)["graph"]["documents"]) == 120
        elif name.endswith(".ttl"):
            assert len(rdflib.Graph().parse(data=data.decode(), format="turtle")) > 1000
        else:
            assert data.rstrip().endswith(b"</html>")
    return "/".join(sorted(kinds))


@pytest.mark.slow
def test_a_build_killed_with_sigkill_leaves_the_previous_outputs_intact(shared, tmp_path):
    out = tmp_path / "out"
    r = _cli("build", str(SEED), "-o", str(out))
    assert r.returncode == 0, r.stderr
    # the wikinews sample five times over (new names), so that parsing and writing take long
    # enough to be interrupted
    corpus_dir = tmp_path / "corpus"
    for copy in range(5):
        for f in sorted(WIKINEWS.glob("*/text/**/*.txt")):
            dest = corpus_dir / f"{copy}_{f.parent.name}_{f.name}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    corpus = [str(corpus_dir)]
    cmd = [sys.executable, "-m", "graphkit", "build", *corpus, "-o", str(out), "-q"]

    # killed while parsing: nothing has been written yet
    before = _snapshot(out)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    assert proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _check_old_or_complete(before, _snapshot(out)) == "old"

    # killed the moment the first temporary file appears: in the middle of writing
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if any(n.startswith(".") and n.endswith(".tmp") for n in os.listdir(out)):
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.001)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    assert _check_old_or_complete(before, _snapshot(out)) in {"old", "new/old", "new"}


@pytest.mark.slow
def test_a_build_in_worker_processes_leaves_no_pool_thread_behind(tmp_path):
    # a pool shut down without waiting keeps its management thread, which at interpreter
    # exit may print an ignored "Bad file descriptor" from concurrent.futures
    import subprocess
    import sys

    code = (
        "import threading, graphkit\n"
        "kg = graphkit.build([graphkit.document_from_text('d', 'Hamas attacked Israel.')])\n"
        "assert kg.graph.number_of_edges() == 1\n"
        "print(sorted(t.name for t in threading.enumerate()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert out.stdout.strip() == "['MainThread']", out.stdout
    assert "Exception ignored" not in out.stderr, out.stderr
