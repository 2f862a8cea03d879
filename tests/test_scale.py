"""Corpora at scale: input formats, the cache, worker processes and a Dask cluster."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

import graphkit
from graphkit.export.json import dumps

from .conftest import WIKINEWS

HTML = """<html><head><title>Strikes hit Iraq</title>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-01-24">
</head><body><nav>Home | World | Sport</nav><article><h1>Strikes hit Iraq</h1>
<p>U.S. forces struck Kataib Hezbollah on Tuesday, Iraqi officials said.</p>
<p>Iraq condemned the strikes, and the group vowed to respond.</p></article>
<script>alert(1)</script><footer>© Example News</footer></body></html>"""


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args],
        input=stdin,
        capture_output=True,
        timeout=600,
    )


def test_html_article_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(HTML)
    kg = graphkit.build([tmp_path / "page.html"])
    (doc,) = kg.documents
    assert doc["id"] == "page" and doc["title"] == "Strikes hit Iraq"
    assert doc["authors"] == ["Jane Roe"] and doc["published"] == "2024-01-24"
    text = " ".join(ev["text"] for _, _, d in kg.graph.edges(data=True) for ev in d["evidence"])
    assert "Kataib Hezbollah" in text and "alert(1)" not in text and "Home | World" not in text
    assert ("united_states/forces", "fight", "kataib_hezbollah") in {
        (u, d["category"], v) for u, v, d in kg.graph.edges(data=True)
    }


def test_jsonl_records_are_documents_and_a_bad_line_is_reported(tmp_path):
    lines = [
        {"id": "a1", "text": "Hamas attacked Israel.", "title": "A", "authors": ["X"],
         "published": "2024-01-01", "publisher": "Wire", "url": "https://example.org/a1"},
        {"id": "a2", "text": "Iran condemned Israel."},
        {"text": "no id here"},
    ]  # fmt: skip
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    reported: list[str] = []
    kg = graphkit.build([tmp_path / "feed.jsonl"], report=reported.append)
    assert [d["id"] for d in kg.documents] == ["a1", "a2"]
    assert kg.documents[0]["publisher"] == "Wire" and kg.documents[0]["source"].endswith("/a1")
    assert len(reported) == 2 and all("feed.jsonl:" in r for r in reported)
    assert any(":3:" in r and "no 'id'" in r for r in reported)


def test_stdin_text_and_jsonl(tmp_path):
    r = _cli("build", "-", "-o", str(tmp_path / "t"), "--format", "json",
             stdin=b"Hamas attacked Israel on Monday.\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "t" / "graph.json").read_text())
    assert [d["id"] for d in data["graph"]["documents"]] == ["stdin"]
    feed = (
        b'{"id": "x", "text": "Iran condemned Israel."}\n'
        b'{"id": "y", "text": "Hamas attacked Israel."}\n'
    )
    r = _cli("build", "-", "-o", str(tmp_path / "j"), "--format", "json", stdin=feed)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "j" / "graph.json").read_text())
    assert [d["id"] for d in data["graph"]["documents"]] == ["x", "y"]


def test_unknown_file_types_are_reported_and_globs_pick_files(tmp_path):
    (tmp_path / "a.txt").write_text("Hamas attacked Israel.")
    (tmp_path / "b.html").write_text(HTML)
    (tmp_path / "notes.md").write_text("Iran condemned Israel.")
    reported: list[str] = []
    kg = graphkit.build([tmp_path, tmp_path / "notes.md"], report=reported.append)
    assert sorted(d["id"] for d in kg.documents) == ["a", "b"]
    assert len(reported) == 1 and "unknown file type '.md'" in reported[0]
    only_txt = graphkit.build([tmp_path], globs=["*.txt"])
    assert [d["id"] for d in only_txt.documents] == ["a"]


def _corpus(n: int) -> list:
    folder = WIKINEWS / "gum_wikinews" / "text"
    return sorted(folder.glob("*.txt"))[:n]


def test_cache_reuses_unchanged_documents_and_notices_changes(shared, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in _corpus(6):
        (corpus / f.name).write_bytes(f.read_bytes())
    cache = tmp_path / "cache"
    first = graphkit.build([corpus], cache=cache)
    assert first.stats == {"documents": 6, "parsed": 6, "cached": 0}
    again = graphkit.build([corpus], cache=cache)
    assert again.stats["parsed"] == 0 and dumps(again) == dumps(first)
    one = sorted(corpus.iterdir())[0]
    one.write_text(one.read_text() + "\nHamas attacked Israel on Friday.\n")
    changed = graphkit.build([corpus], cache=cache)
    assert changed.stats["parsed"] == 1
    extra = tmp_path / "onto"
    extra.mkdir()
    (extra / "lexicon.tsv").write_text(
        "lemma\tpos\trelation\tpreps\tobjects\nheckle\tverb\tcriticize\t\t\n"
    )
    other = graphkit.build([corpus], cache=cache, ontology=[extra])
    assert other.stats["parsed"] == 6  # a changed ontology invalidates every entry


def test_two_worker_processes_give_the_same_graph(shared):
    files = _corpus(12)
    one = graphkit.build(files, jobs=1, batch_size=4)
    two = graphkit.build(files, jobs=2, batch_size=4)
    assert dumps(two) == dumps(one)
    # the objects frozen for the workers' sake (gc.freeze) are handed back to the collector
    assert gc.get_freeze_count() == 0


@pytest.mark.slow
def test_a_dask_local_cluster_gives_the_same_graph(shared):
    files = _corpus(6)
    local = graphkit.build(files, batch_size=2)
    on_dask = graphkit.build(files, batch_size=2, dask="local", jobs=2)
    assert dumps(on_dask) == dumps(local)
