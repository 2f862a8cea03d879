"""Bad input never stops a corpus, and no character breaks an output (issue 18)."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import rdflib

import graphkit


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args],
        capture_output=True, text=True, timeout=600, input=stdin,
    )  # fmt: skip


GOOD = {"id": "good", "text": "Hamas attacked Israel on Monday."}
DEEP = (
    '{"id": "deep", "text": "Iran condemned Israel.", "title": '
    + "[" * 100_000
    + "]" * 100_000
    + "}"
)

BAD_RECORDS = [
    # (the JSON line, a piece of the reason, or None when the record is built after repair)
    (json.dumps({"id": "sur-text", "text": "Hamas attacked Israel.\ud800"}), None),
    (json.dumps({"id": "sur-id\udc00", "text": "Iran condemned Israel."}), None),
    (json.dumps({"id": "sur-title", "text": "Iraq condemned Iran.", "title": "A\ud800"}), None),
    (json.dumps({"id": "ff", "text": "Page one.\fHamas attacked Israel.\x07"}), None),
    (
        json.dumps({"id": "list-title", "text": "Iran condemned Israel.", "title": ["a"]}),
        "'title' is not a string (list)",
    ),
    (
        json.dumps({"id": "list-pub", "text": "Iran condemned Israel.", "publisher": ["a"]}),
        "'publisher' is not a string (list)",
    ),
    (
        json.dumps({"id": "num-title", "text": "Iran condemned Israel.", "title": 42}),
        "'title' is not a string (int)",
    ),
    (
        json.dumps({"id": "bad-authors", "text": "Iran condemned Israel.", "authors": [1, 2]}),
        "'authors' is not a string or a list of strings",
    ),
    (json.dumps({"id": True, "text": "Iran condemned Israel."}), "'id' is not a string"),
    (json.dumps({"id": "no-text", "text": {"a": 1}}), "'text' is not a string"),
    (DEEP, "nested too deeply"),
]


def test_one_bad_record_never_stops_the_corpus(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps(GOOD), *(line for line, _ in BAD_RECORDS)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = _cli("build", str(feed), "-o", str(out), "--no-cache", "--format", "json,ttl,graphml,gexf")
    assert r.returncode == 3, r.stderr
    assert "Traceback" not in r.stderr
    for lineno, (_, reason) in enumerate(BAD_RECORDS, start=2):
        if reason:
            assert f"{feed}:{lineno}: not a document record ({reason})" in r.stderr
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    ids = {d["id"] for d in data["graph"]["documents"]}
    assert ids == {"good", "sur-text", "sur-id\ufffd", "sur-title", "ff"}
    titles = {d["id"]: d["title"] for d in data["graph"]["documents"]}
    assert titles["sur-title"] == "A\ufffd"
    assert all(isinstance(t, (str, type(None))) for t in titles.values())
    rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    for name in ("graph.graphml", "graph.gexf"):
        ET.parse(out / name)  # well-formed XML
    nx.read_graphml(out / "graph.graphml")


def test_control_characters_keep_every_offset(tmp_path: Path):
    text = "Hamas attacked Israel.\x0bIran\x1f condemned the attack\x07 on Monday.\f"
    kg = graphkit.build([graphkit.document_from_text("d", text)])
    assert kg.graph.number_of_edges() >= 2  # both sentences are read
    for _, _, d in kg.graph.edges(data=True):
        for ev in d["evidence"]:
            assert ev["end"] - ev["start"] == len(ev["text"])
            assert "\f" not in ev["text"] and "\x1f" not in ev["text"]
    kg.write(tmp_path, ("graphml", "gexf", "json", "ttl"))
    ET.parse(tmp_path / "graph.gexf")
    nx.read_gexf(tmp_path / "graph.gexf")


def test_a_graph_read_back_with_control_characters_still_writes_xml(tmp_path: Path):
    kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
    kg.write(tmp_path, ("json",))
    data = json.loads((tmp_path / "graph.json").read_text())
    data["nodes"][0]["label"] += "\x0c\x00"
    (tmp_path / "graph.json").write_text(json.dumps(data))
    back = graphkit.read(tmp_path / "graph.json")
    out = tmp_path / "xml"
    back.write(out, ("graphml", "gexf"))
    for name in ("graph.graphml", "graph.gexf"):
        ET.parse(out / name)


@pytest.mark.parametrize("value", ["\ud800", "a\x00b", "x\x1b[31m"])
def test_document_metadata_is_made_safe(value: str):
    doc = graphkit.document_from_text(
        "d", "Iran condemned Israel.", title=value, publisher=value, authors=[value]
    )
    for field in (doc.title, doc.publisher, *doc.authors):
        assert field and all(c >= " " and not ("\ud800" <= c <= "\udfff") for c in field)


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small")
    kg = graphkit.build(
        [graphkit.document_from_text("d", "Hamas attacked Israel. Iran condemned the attack.")]
    )
    kg.write(out, ("json",))
    return out / "graph.json"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/q> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SeRvIcE ?endpoint { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_unless_allowed(small_graph: Path, query: str):
    r = _cli("query", str(small_graph), query)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "asks another endpoint (SERVICE)" in r.stderr and "--allow-service" in r.stderr


def test_service_in_a_canned_query_is_refused_too(small_graph: Path, tmp_path: Path):
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "leak.rq").write_text(
        "# Leaks.\nSELECT * WHERE { SERVICE <http://127.0.0.1:9/q> { ?s ?p ?o } }\n"
    )
    r = _cli("query", str(small_graph), "-n", "leak", "--ontology", str(tmp_path))
    assert r.returncode == 1 and "asks another endpoint (SERVICE)" in r.stderr


def test_the_word_service_elsewhere_is_no_service(small_graph: Path):
    query = 'SELECT ?service WHERE { ?service rdfs:label "SERVICE" } # service <x>'
    r = _cli("query", str(small_graph), query)
    assert r.returncode == 0, r.stderr


def test_a_cartesian_query_stops_at_its_time_limit(small_graph: Path):
    patterns = " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(6))  # 50 triples to the 6th
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {patterns} }}"
    started = time.monotonic()
    r = _cli("query", str(small_graph), query, "--timeout", "2")
    assert time.monotonic() - started < 30
    assert r.returncode == 1 and "over its time limit of 2 s" in r.stderr, r.stderr


def test_a_query_stops_at_its_row_limit(small_graph: Path):
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    r = _cli("query", str(small_graph), everything, "--max-rows", "5")
    assert r.returncode == 1 and "more than 5 rows" in r.stderr, r.stderr
    r = _cli("query", str(small_graph), everything + " LIMIT 5", "--max-rows", "5")
    assert r.returncode == 0 and "(5 rows)" in r.stdout


def test_query_limits_are_validated(small_graph: Path):
    for option in (["--timeout", "-1"], ["--timeout", "0"], ["--max-rows", "0"]):
        r = _cli("query", str(small_graph), "SELECT * WHERE { ?s ?p ?o }", *option)
        assert r.returncode == 2 and "Traceback" not in r.stderr, option


def _seed_set(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_a_full_disk_leaves_the_previous_outputs_whole(tmp_path: Path, monkeypatch):
    from graphkit.runtime import io as gio

    out = tmp_path / "out"
    old = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
    old.write(out, ("json", "ttl", "nt"))
    before = _seed_set(out)
    staged = []
    real = gio._stage

    def stage(path, data, mode):
        if len(staged) == 2:  # the third file finds the disk full
            raise OSError(28, "No space left on device", str(path))
        staged.append(path)
        return real(path, data, mode)

    monkeypatch.setattr(gio, "_stage", stage)
    new = graphkit.build([graphkit.document_from_text("d", "Iran condemned Israel.")])
    with pytest.raises(graphkit.GraphkitError, match=r"No space left on device.*unchanged"):
        new.write(out, ("json", "ttl", "nt"))
    assert _seed_set(out) == before  # no new graph.json beside an old graph.nt, no .tmp left


def test_stale_temporary_files_are_removed_on_the_next_run(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    for stale in (".graph.json.k1ll3d00.tmp", ".graph.ttl.abcdefgh.tmp"):
        (out / stale).write_text("half a file")
    (out / ".notes.tmp").write_text("not ours")
    kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
    kg.write(out, ("json", "ttl"))
    assert sorted(p.name for p in out.iterdir()) == [
        ".graphkit-outputs.json",
        ".notes.tmp",
        "graph.json",
        "graph.ttl",
    ]


def test_an_unwritable_output_folder_is_one_line_and_exit_1(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Hamas attacked Israel.\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    r = _cli("build", str(tmp_path / "a.txt"), "-o", str(blocker / "out"), "--no-cache")
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "cannot write the outputs" in r.stderr and "Traceback" not in r.stderr


def _docs_with(special: str) -> list:
    texts = ["Hamas attacked Israel.", "Iran condemned Israel.", "Egypt praised Jordan."]
    docs = [graphkit.document_from_text(f"d{i}", t) for i, t in enumerate(texts)]
    docs.insert(1, graphkit.document_from_text(special, "Russia threatened Ukraine."))
    return docs


def _edges(kg) -> set:
    return {(u, d["category"], v) for u, v, d in kg.graph.edges(data=True)}


def test_a_worker_killed_once_costs_nothing(tmp_path: Path, monkeypatch):
    import graphkit.extract as ext

    real, marker = ext.extract_document, tmp_path / "killed-once"

    def flaky(doc, *args, **kwargs):
        if doc.id == "victim" and not marker.exists():
            marker.write_text("")
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(ext, "extract_document", flaky)
    kg = graphkit.build(_docs_with("victim"), jobs=2, batch_size=1)
    assert marker.exists() and kg.errors == []
    assert ("russia", "threaten", "ukraine") in _edges(kg) and len(kg.documents) == 4


def test_a_document_that_kills_its_worker_is_skipped_and_the_rest_built(monkeypatch):
    import graphkit.extract as ext

    real = ext.extract_document

    def deadly(doc, *args, **kwargs):
        if doc.id == "poison":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(ext, "extract_document", deadly)
    messages: list[str] = []
    started = time.monotonic()
    kg = graphkit.build(_docs_with("poison"), jobs=2, batch_size=2, report=messages.append)
    assert time.monotonic() - started < 120  # no hang
    assert [e["source"] for e in kg.errors] == ["poison"]
    assert "worker process died" in kg.errors[0]["error"]
    assert messages == [f"skipped {kg.errors[0]['error']}"]
    assert {("hamas", "fight", "israel"), ("iran", "disapprove", "israel")} <= _edges(kg)
    assert [d["id"] for d in kg.documents] == ["d0", "d1", "d2"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_the_time_limit_is_reported_and_skipped(monkeypatch, jobs: int):
    import graphkit.extract as ext

    real = ext.extract_document

    def slow(doc, *args, **kwargs):
        if doc.id == "slow":
            time.sleep(30)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(ext, "extract_document", slow)
    started = time.monotonic()
    kg = graphkit.build(_docs_with("slow"), jobs=jobs, batch_size=1, doc_timeout=1)
    assert time.monotonic() - started < 25
    assert [e["source"] for e in kg.errors] == ["slow"]
    assert "ran over the limit of 1 s (--doc-timeout)" in kg.errors[0]["error"]
    assert len(kg.documents) == 3 and ("hamas", "fight", "israel") in _edges(kg)


ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
# every TSV file a build reads (plover_overrides.tsv is read by tools/convert_eventdata.py)
TSV_FILES = sorted(p.name for p in ONTOLOGY.glob("*.tsv") if p.name != "plover_overrides.tsv")


def _damaged(name: str, how: str) -> bytes:
    header = (ONTOLOGY / name).read_text(encoding="utf-8").splitlines()
    header = next(h for h in header if h.strip() and not h.startswith("#")).split("\t")
    if how == "latin-1":
        return ("\t".join(header) + "\n" + "\t".join(["caf\xe9"] * len(header)) + "\n").encode(
            "latin-1"
        )
    if how == "a column off":  # one short, or one too many for a file of one column
        cells = len(header) - 1 if len(header) > 1 else 2
        return ("\t".join(header) + "\n" + "\t".join(["x"] * cells) + "\n").encode()
    if how == "no first column":
        return (
            "\t".join(header[1:] or ["nothing"])
            + "\n"
            + "\t".join(["x"] * max(1, len(header) - 1))
            + "\n"
        ).encode()
    raise ValueError(how)


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("article") / "a.txt"
    path.write_text("Hamas attacked Israel.\n")
    return path


def _one_clean_line(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert r.returncode in (0, 1), r.stderr
    if r.returncode == 1:
        assert r.stderr.startswith("graphkit: ") and r.stderr.count("\n") == 1, r.stderr


@pytest.mark.slow
@pytest.mark.parametrize("how", ["latin-1", "a column off", "no first column"])
@pytest.mark.parametrize("name", TSV_FILES)
def test_a_malformed_ontology_file_is_one_line(tmp_path: Path, article: Path, name: str, how: str):
    (tmp_path / name).write_bytes(_damaged(name, how))
    r = _cli("build", str(article), "-o", str(tmp_path / "out"), "--no-cache",
             "--ontology", str(tmp_path))  # fmt: skip
    _one_clean_line(r)
    if how in ("latin-1", "a column off"):
        assert r.returncode == 1 and str(tmp_path / name) in r.stderr


@pytest.mark.parametrize(
    ("records", "reason"),
    [
        (
            '{"id": "acme", "label": "Acme Militia", "class": "ArmedGroup", "part_of": "acme"}',
            "part_of runs in a circle: acme -> acme",
        ),
        (
            '{"id": "a1", "label": "Aone", "class": "ArmedGroup", "part_of": "b1"}\n'
            '{"id": "b1", "label": "Bone", "class": "ArmedGroup", "part_of": "a1"}',
            "part_of runs in a circle: a1 -> b1 -> a1",
        ),
        (
            '{"id": "xc", "label": "XCorp", "class": "Company", "aliases": "XCorp"}',
            "'aliases' must be a list of strings",
        ),
        ('{"id": 5, "label": "Five", "class": "Company"}', "'id' must be a non-empty string"),
        ('{"id": "x", "label": ["X"], "class": "Company"}', "'label' must be a non-empty string"),
        ('{"id": "x", "label": "X", "class": "Company", "part_of": 3}', "'part_of' must be"),
        ("[" * 100_000 + "]" * 100_000, "not JSON"),
        ('{"id": "x", "label": "X", "class": "NoSuchClass"}', "unknown class 'NoSuchClass'"),
    ],
)
def test_a_malformed_gazetteer_is_one_line(tmp_path: Path, article: Path, records: str, reason):
    (tmp_path / "actors.jsonl").write_text(records + "\n")
    r = _cli("build", str(article), "-o", str(tmp_path / "out"), "--no-cache",
             "--ontology", str(tmp_path))  # fmt: skip
    _one_clean_line(r)
    assert r.returncode == 1 and reason in r.stderr, r.stderr


def test_a_fifo_named_directly_is_skipped_not_waited_on(tmp_path: Path, article: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = _cli("build", str(fifo), str(article), "-o", str(tmp_path / "out"), "--no-cache")
    assert r.returncode == 3, r.stderr
    assert f"skipped {fifo}: not a regular file" in r.stderr


def test_a_glob_never_reaches_outside_the_folder(tmp_path: Path):
    (tmp_path / "secret.txt").write_text("Iran condemned Israel.\n")
    inside = tmp_path / "in" / "sub"
    inside.mkdir(parents=True)
    (inside / "a.txt").write_text("Hamas attacked Israel.\n")
    r = _cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--glob", "../*.txt")
    assert r.returncode == 2 and "a pattern names files inside the folders" in r.stderr
    kg = graphkit.build([tmp_path / "in"], globs=["*.txt", "../../*.txt", "sub/../../*.txt"])
    assert [d["id"] for d in kg.documents] == ["sub/a"]


def test_a_giant_jsonl_line_is_refused_before_it_is_parsed(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    giant = json.dumps({"id": "giant", "text": "Hamas attacked Israel. " * 20_000})
    feed.write_text(giant + "\n" + json.dumps(GOOD) + "\n")
    r = _cli("build", str(feed), "-o", str(tmp_path / "out"), "--no-cache", "--max-chars", "1000")
    assert r.returncode == 3, r.stderr
    assert f"{feed}:1: a line of {len(giant):,} characters, over the limit" in r.stderr
    data = json.loads((tmp_path / "out" / "graph.json").read_text())
    assert [d["id"] for d in data["graph"]["documents"]] == ["good"]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda d: d["edges"][0].pop("evidence"), "edges[0]: 'evidence' is missing"),
        (lambda d: d["edges"][0].update(evidence=[]), "edges[0]: no evidence"),
        (lambda d: d["edges"][0]["evidence"][0].update(start="0"), "evidence[0]: 'start'"),
        (lambda d: d["nodes"][0].update(id=7), "nodes[0]: 'id' is missing"),
        (lambda d: d["nodes"][0].update(aliases="XCorp"), "nodes[0]: 'aliases' is not a list"),
        (lambda d: d.update(edges={}), "'edges' is missing or not of its type"),
    ],
)
def test_a_malformed_graph_json_is_one_line(small_graph: Path, tmp_path: Path, damage, reason):
    data = json.loads(small_graph.read_text())
    damage(data)
    bad = tmp_path / "graph.json"
    bad.write_text(json.dumps(data))
    for command in (["query", str(bad), "-n", "who-did-what"], ["validate", str(bad)]):
        r = _cli(*command)
        assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
        assert "not a graphkit graph.json" in r.stderr and reason in r.stderr, r.stderr


def test_graph_json_nested_too_deeply_is_one_line(tmp_path: Path):
    deep = tmp_path / "graph.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    r = _cli("query", str(deep), "-n", "who-did-what")
    assert r.returncode == 1 and "nested too deeply" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("doc_id", ["report.", "a.b.", ".", "..", "x/."])
def test_a_document_id_with_dots_gives_turtle_every_reader_takes(tmp_path: Path, doc_id: str):
    kg = graphkit.build([graphkit.document_from_text(doc_id, "Hamas attacked Israel.")])
    kg.write(tmp_path, ("ttl", "trig", "nt"))
    g = rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle")  # rdflib's own reader
    assert (None, rdflib.DCTERMS.identifier, rdflib.Literal(doc_id)) in g
    rdflib.Dataset().parse(tmp_path / "graph.trig", format="trig")


@pytest.mark.parametrize(
    ("text", "subject", "label"),
    [
        ("\u0397amas attacked Israel.", "hamas", "Hamas"),  # a Greek capital Eta
        ("\u041d\u0430mas attacked Israel.", "hamas", "Hamas"),  # Cyrillic En and a
        ("The United States\u202d condemned Iran.", "united_states", "United States"),
        ("The United\u200b States condemned Iran.", "united_states", "United States"),
        ("The U\uff0eS\uff0e condemned Iran.", "united_states", "United States"),  # fullwidth dots
    ],
)
def test_look_alike_and_invisible_characters_cannot_spoof_an_actor(text, subject, label):
    kg = graphkit.build([graphkit.document_from_text("d", text)])
    (edge,) = kg.graph.edges(data=True)
    assert edge[0] == subject and kg.graph.nodes[subject]["label"] == label
    assert edge[2]["evidence"][0]["text"] == text  # the evidence keeps what the article wrote


def test_an_invisible_character_cannot_split_a_person():
    text = "Joe Bi\u200dden met Xi Jinping. Joe Biden condemned Russia."
    kg = graphkit.build([graphkit.document_from_text("d", text)])
    people = [n for n, d in kg.graph.nodes(data=True) if "Biden" in d["label"]]
    assert people == ["joe_biden"]
    node = kg.graph.nodes["joe_biden"]
    assert node["label"] == "Joe Biden" and node["aliases"] == ["Joe Biden"]
    assert {m["text"] for m in node["mentions"]} == {"Joe Bi\u200dden", "Joe Biden"}


def test_a_name_written_wholly_in_another_script_stays_as_written():
    from graphkit.names import plain_name

    for name in (
        "\u041c\u043e\u0441\u043a\u0432\u0430",
        "\u0391\u03b8\u03ae\u03bd\u03b1",
        "C\u00f4te d'Ivoire",
    ):
        assert plain_name(name) == name


def test_the_pieces_of_a_long_document_are_parsed_a_budget_at_a_time(nlp, monkeypatch):
    """Memory stays bounded on long documents: one parse batch holds at most the chunk size
    in characters (besides its first text), whatever the batch size in texts."""
    from graphkit.build import _parse

    sizes: list[int] = []
    real = nlp.pipe

    def spy(texts, batch_size, component_cfg=None):
        texts = list(texts)
        sizes.append(sum(len(t.text) for t in texts))  # Docs made by the tokenizer
        return real(texts, batch_size=batch_size, component_cfg=component_cfg)

    monkeypatch.setattr(nlp, "pipe", spy)
    paragraph = "Hamas attacked Israel. Iran condemned the attack.\n"
    long = graphkit.document_from_text("long", paragraph * 200)  # 10,000 characters
    short = graphkit.document_from_text("short", paragraph)
    parsed = list(_parse(nlp, [short, long, short], batch_size=32, chunk_chars=2_000, settings={}))
    assert [d.text for d in parsed] == [short.clean, long.clean, short.clean]
    assert len(sizes) >= 5 and max(sizes) <= 2_000 + len(paragraph)


# issue 39 item 10: homoglyphs and invisible characters neither split nor hide an actor
@pytest.mark.parametrize(
    "hamas",
    [
        "Ha\u200dmas",  # zero-width joiner
        "Ha\u200bmas",  # zero-width space
        "Ha\u00admas",  # soft hyphen
        "\u202eHamas\u202c",  # bidi override
        "\u2066Hamas\u2069",  # bidi isolate
        "\uff28\uff41\uff4d\uff41\uff53",  # full-width letters
        "\u0397\u03b1mas",  # Greek capital Eta and small alpha in a Latin word
    ],
)
def test_a_disguised_name_is_the_actor_it_imitates(hamas):
    text = f"{hamas} attacked Israel. Hamas said it would fight on."
    kg = graphkit.build([graphkit.document_from_text("d", text)])
    assert ("hamas", "israel") in set(kg.graph.edges()), sorted(kg.graph.nodes)
    node = kg.graph.nodes["hamas"]
    assert node["label"] == "Hamas"
    first = min(node["mentions"], key=lambda m: m["start"])
    assert text[first["start"] : first["end"]] == first["text"]  # offsets into the original
    edges = "\u202e\u202c\u2066\u2069"
    assert first["text"] == hamas.strip(edges)  # the mention keeps the name as written


def test_a_cyrillic_capital_i_is_a_capital_i():
    kg = graphkit.build([graphkit.document_from_text("d", "\u0406srael attacked Hamas.")])
    assert ("israel", "hamas") in set(kg.graph.edges()), sorted(kg.graph.nodes)
    assert "lsrael" not in kg.graph


# issue 39 items 9 and 11: what is not a regular file, or not the format's shape, is one line
SEED_GOLD = Path(__file__).resolve().parent / "data" / "iraq-strikes.gold.json"


def _cli_in(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args],
        capture_output=True, text=True, timeout=60, cwd=where,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("command", "name"),
    [(["query", "{g}", "-n", "who-did-what"], "g.json"), (["validate", "{g}"], "g.ttl"),
     (["evaluate", "{g}", str(SEED_GOLD)], "g.json"), (["push", "{g}", "--endpoint",
     "http://127.0.0.1:9/s"], "g.nq")],
)  # fmt: skip
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_graph_that_is_no_regular_file_is_refused_without_blocking(tmp_path, command, name, kind):
    graph = tmp_path / name
    if kind == "fifo":
        os.mkfifo(graph)
    else:
        graph.symlink_to("/dev/zero")
    r = _cli_in(tmp_path, *[a.replace("{g}", name) for a in command])
    assert r.returncode == 1 and f"{name}: not a regular file" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_nan_in_a_graph_and_a_null_in_a_gold_are_one_line(tmp_path, small_graph):
    data = json.loads(small_graph.read_text(encoding="utf-8"))
    data["edges"][0]["confidence"] = float("nan")
    (tmp_path / "nan.json").write_text(json.dumps(data), encoding="utf-8")
    r = _cli_in(tmp_path, "validate", "nan.json")
    assert r.returncode == 1 and "nan.json: not JSON (NaN is not a JSON number)" in r.stderr
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    gold["assertions"][0]["relation"] = None
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for bad, said in (("gold.json", "not a gold annotation"), ("deep.json", "nested too deeply")):
        r = _cli_in(tmp_path, "evaluate", str(small_graph), bad)
        assert r.returncode == 1 and f"{bad}: {said}" in r.stderr, r.stderr
        assert "Traceback" not in r.stderr


def test_a_broken_shapes_file_in_an_ontology_folder_is_one_line(tmp_path, small_graph):
    (tmp_path / "onto").mkdir()
    (tmp_path / "onto" / "shapes.ttl").write_text("this is @not turtle .\n", encoding="utf-8")
    r = _cli_in(tmp_path, "validate", str(small_graph), "--ontology", "onto")
    assert r.returncode != 0 and "onto/shapes.ttl: not Turtle" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


# issue 39 item 1: runs of symbols cost no parsing time
def test_a_line_of_emoji_is_no_article_and_costs_no_time(tmp_path):
    (tmp_path / "e.txt").write_text("\U0001f600" * 20000, encoding="utf-8")
    started = time.monotonic()
    r = _cli_in(tmp_path, "build", "e.txt", "-o", "o", "--no-cache", "--language", "any")
    assert time.monotonic() - started < 30  # a minute and more before
    assert r.returncode == 1 and "e.txt: no article text" in r.stderr, r.stderr


def test_sentences_around_a_run_of_brackets_are_read_quickly():
    text = "Hamas attacked Israel. " + "((" * 50000 + " Iran condemned Israel."
    started = time.monotonic()
    kg = graphkit.build([graphkit.document_from_text("d", text)], language="any")
    assert time.monotonic() - started < 30  # 38 s for the tokenizer alone before
    assert {("hamas", "israel"), ("iran", "israel")} <= set(kg.graph.edges())


# issue 39 item 2: an HTML attribute bomb
@pytest.mark.parametrize("value", ["x", "x>y"])  # a ">" inside a quoted value hides no tag end
def test_a_tag_with_200000_attributes_is_read_at_once(value):
    from graphkit.ingest.files import html_document

    attrs = " ".join(f'a{i}="{value}"' for i in range(200_000))
    page = (
        f"<html><body><article><p {attrs}>Hamas attacked Israel on Monday, officials said in "
        "a statement to reporters.</p></article></body></html>"
    ).encode()
    started = time.monotonic()
    doc = html_document(page, "d", "p.html", "p.html")
    assert time.monotonic() - started < 10  # the HTML cleaner ran past 300 s before
    assert doc.text.startswith("Hamas attacked Israel on Monday")
    assert "the attributes of 1 tag(s) over 8,192 characters" in doc.boilerplate


# issue 39 item 5: one query cannot take all memory, nor a binding all time
def test_a_query_that_needs_too_much_memory_is_stopped_with_one_line(monkeypatch):
    from graphkit.analysis import query

    monkeypatch.setattr(query, "QUERY_MEMORY", 300 * 1024**2)
    kg = graphkit.build([SEED_GOLD.parent / "iraq-strikes.txt"])
    started = time.monotonic()
    with pytest.raises(graphkit.GraphkitError, match="needed more than 300 MB of memory"):
        query.run(
            kg.to_dataset(),
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l",
            time_limit=120,
        )
    assert time.monotonic() - started < 60


def test_an_any_case_binding_runs_under_one_time_limit(monkeypatch):
    from graphkit.analysis import query

    kg = graphkit.build([graphkit.document_from_text("d", "Hamas attacked Israel.")])
    ds = kg.to_dataset()
    many = [rdflib.Literal(f"Hamas {i}") for i in range(50)]
    monkeypatch.setattr(query, "labels_any_case", lambda data, value: many)
    calls = []
    real = query._select

    def slow(*args, **kwargs):
        calls.append(kwargs["time_limit"])
        time.sleep(0.2)
        return real(*args, **kwargs)

    monkeypatch.setattr(query, "_select", slow)
    q = "SELECT ?who WHERE { ?a rdf:subject/rdfs:label ?who }"
    with pytest.raises(graphkit.GraphkitError, match="time limit of 1 s"):
        query.run(ds, q, any_case={"who": "hamas"}, time_limit=1)
    assert len(calls) < 10 and all(t <= 1 for t in calls)
    monkeypatch.setattr(query, "MAX_ANY_CASE", 10)
    with pytest.raises(graphkit.GraphkitError, match="match 50 combinations"):
        query.run(ds, q, any_case={"who": "hamas"}, time_limit=60)


# issue 39 items 1 and 9: a stopped or stuck worker cannot hang the build; with --jobs 1 too,
# the documents are parsed in one watched worker, so the whole document is under the limit
@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stopped_worker_is_killed_by_the_watchdog_and_the_rest_built(monkeypatch, jobs):
    import importlib

    import graphkit.extract as ext

    build_mod = importlib.import_module("graphkit.build")  # graphkit.build is also a function
    real, builder = ext.extract_document, os.getpid()

    def stops(doc, *args, **kwargs):
        if doc.id == "frozen":
            # in a worker only: the test must never stop itself
            assert os.getpid() != builder, "the document was not parsed in a watched worker"
            os.kill(os.getpid(), signal.SIGSTOP)  # the in-process time limit cannot fire
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(ext, "extract_document", stops)
    monkeypatch.setattr(build_mod, "WORKER_SLACK", 3.0)
    # as in the command line's process: the test runner's own threads would keep --jobs 1
    # in-process (forking a threaded process is unsafe)
    monkeypatch.setattr(build_mod.threading, "active_count", lambda: 1)
    started = time.monotonic()
    kg = graphkit.build(_docs_with("frozen"), jobs=jobs, batch_size=1, doc_timeout=2)
    assert time.monotonic() - started < 90  # it hung for ever before
    assert [e["source"] for e in kg.errors] == ["frozen"]
    assert "sent nothing back within 2 s" in kg.errors[0]["error"]
    assert {("hamas", "fight", "israel"), ("iran", "disapprove", "israel")} <= _edges(kg)


# issue 39 item 8: the one-letter-off comparison of names is not every pair of actors
def test_misspelt_names_are_compared_within_blocks_not_every_pair(monkeypatch):
    import importlib

    forms = importlib.import_module("graphkit.extract.names.forms")
    calls = {"n": 0}
    real = forms._one_letter_off

    def counted(*args, **kwargs):
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(forms, "_one_letter_off", counted)
    orgs = [f"{w} Holdings Corporation" for w in (
        "Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ironwood",
        "Juniper", "Larch", "Maple", "Nutmeg", "Oak", "Pine", "Quince", "Rowan", "Spruce",
        "Tamarack", "Willow", "Yew", "Zelkova", "Aspen", "Baobab", "Cypress", "Ebony",
    )]  # fmt: skip
    text = " ".join(f"{a} sued {b}." for a, b in itertools.pairwise(orgs))
    text += " Mapel Holdings Corporation sued Oak Holdings Corporation."  # one letter off
    kg = graphkit.build([graphkit.document_from_text("d", text)], language="any")
    assert "maple_holdings_corporation" in kg.graph or any(
        "Maple" in d.get("label", "") for _, d in kg.graph.nodes(data=True)
    )
    assert not any("Mapel" in d.get("label", "") for _, d in kg.graph.nodes(data=True))
    # 26 organisations: every pair would be 325 comparisons; blocks leave a handful
    assert calls["n"] < 40, calls["n"]
