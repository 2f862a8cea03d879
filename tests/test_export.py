from __future__ import annotations

import json
import re

import jsonschema
import networkx as nx
import rdflib
from rdflib.namespace import RDF

from graphkit.export.rdf import GK, actor_iri, mint

XSS_NAME = "<img src=x onerror=alert(1)>"


def test_json_reads_back_with_networkx(seed_out):
    data = json.loads((seed_out / "graph.json").read_text())
    g = nx.node_link_graph(data, edges="edges")
    assert g.is_multigraph() and g.is_directed()
    assert g.number_of_edges() == len(data["edges"]) > 0


def test_turtle_parses_and_carries_provenance(seed_out, seed_kg):
    g = rdflib.Graph().parse(seed_out / "graph.ttl", format="turtle")
    kh = actor_iri("kataib_hezbollah")
    assert (kh, RDF.type, GK.ArmedGroup) in g
    assertions = set(g.subjects(RDF.type, GK.Assertion))
    assert len(assertions) == seed_kg.graph.number_of_edges()
    for a in assertions:
        assert g.value(a, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) is not None
        assert g.value(a, GK.evidence) is not None
    # the direct triple for an asserted edge
    assert (kh, GK.partOf, actor_iri("popular_mobilization_forces")) in g


def test_html_is_self_contained(seed_out):
    html = (seed_out / "graph.html").read_text()
    assert "vis.Network" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "<link" not in html.lower()
    assert not re.search(r"<script[^>]+src", html, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?https?:", html)
    assert "default-src 'none'" in html  # the page's CSP forbids any request


def test_untrusted_text_is_escaped_everywhere(build_text, tmp_path, schema):
    kg = build_text(
        f"{XSS_NAME} attacked Israel. </script><script>alert(2)</script> Hamas attacked Israel."
    )
    # make sure hostile strings are present as data
    g = kg.graph
    g.add_node("evil", label=XSS_NAME, type="Person", aliases=[XSS_NAME, "</script>"], mentions=[])
    kg.write(tmp_path)
    html = (tmp_path / "graph.html").read_text()
    assert "<img src=x" not in html
    body = html.split("<script>", 2)[-1]
    assert "</script><script>alert(2)" not in body
    ttl = rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert any(str(o) == XSS_NAME for o in ttl.objects())
    jsonschema.validate(json.loads((tmp_path / "graph.json").read_text()), schema)


def test_iris_are_minted_safely():
    iri = mint("actor", 'a b/<"c">/..')
    assert " " not in iri and "<" not in iri and '"' not in iri
    assert "/../" not in iri and not iri.endswith("/..")
    rdflib.Graph().add((iri, RDF.type, GK.Actor))


def test_outputs_are_byte_identical_across_runs(build_text, tmp_path):
    text = (
        "Hamas attacked Israel. Iran said the U.S. struck Syria. "
        "Israeli Prime Minister Benjamin Netanyahu spoke."
    )
    formats = ("json", "ttl", "html", "nt", "jsonld", "trig", "nq")
    build_text(text).write(tmp_path / "a", formats)
    build_text(text).write(tmp_path / "b", formats)
    names = [p.name for p in (tmp_path / "a").iterdir()]
    assert len(names) == len(formats) + 1  # and the manifest of what was written
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_notebook_display_is_a_self_contained_iframe(seed_kg):
    import html

    frame = seed_kg._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and frame.endswith("</iframe>")
    assert "<script" not in frame  # the page is an escaped attribute, not markup of the notebook
    page = html.unescape(frame[len('<iframe srcdoc="') : frame.index('" style=')])
    assert page == seed_kg.to_html()
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page) is None


def test_show_outside_a_notebook_writes_the_page_and_opens_it(seed_kg, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # the page is the user's to keep
    path = seed_kg.show()
    assert opened == [path.as_uri()]
    assert path.read_text(encoding="utf-8") == seed_kg.to_html()


STORIES = [
    "Hamas attacked Israel. Egypt condemned Israel. Qatar urged Hamas to stop. Jordan criticised "
    "Egypt. Turkey praised Qatar. Iran supported Hamas.",
    "Russia attacked Ukraine. Poland aided Ukraine. Germany criticised Russia. France praised "
    "Poland. Belarus supported Russia. Latvia urged Germany to act.",
    "India accused Pakistan. China backed Pakistan. Nepal praised India. Japan criticised China. "
    "Bhutan supported Nepal. Sri Lanka urged Japan to help.",
]

PAGE = """
import sys, graphkit
STORIES = {stories!r}
docs = [graphkit.document_from_text("s" + str(i), t) for i, t in enumerate(STORIES)]
kg = graphkit.build(docs, cache=None)
kg.write(sys.argv[1], ("html", "json"))
"""


def test_the_page_of_several_stories_is_the_same_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    script = tmp_path / "page.py"
    script.write_text(PAGE.format(stories=STORIES))
    pages = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, str(script), str(out)], env=env,
                           capture_output=True, text=True, timeout=300)  # fmt: skip
        assert r.returncode == 0, r.stderr[-2000:]
        pages.append((out / "graph.html").read_bytes())
    assert pages[0] == pages[1] == pages[2]
