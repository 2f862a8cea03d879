"""The RDF model, its formats, SHACL validation and the canned queries."""

from __future__ import annotations

import json
import re
import runpy

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, XSD, Literal
from rdflib.compare import isomorphic

from graphkit.analysis.query import canned, run
from graphkit.analysis.validate import validate
from graphkit.cli import cli
from graphkit.export.load import load_dataset
from graphkit.export.rdf import GK, actor_iri, serialize, to_dataset, to_rdf

from .conftest import ROOT, sparql_rows

KH = actor_iri("kataib_hezbollah")
PMF = actor_iri("popular_mobilization_forces")


def _plain(o):
    """RDF 1.1: "x" and "x"^^xsd:string are the same literal; rdflib keeps them apart."""
    if isinstance(o, Literal) and o.datatype == XSD.string:
        return Literal(str(o))
    return o


def _triples(g: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    out += ((s, p, _plain(o)) for s, p, o in g)
    return out


def _quads(ds: rdflib.Dataset) -> set[tuple]:
    return {(s, p, _plain(o), g.identifier) for g in ds.graphs() for s, p, o in g}


@pytest.mark.parametrize(
    ("fmt", "parser"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")]
)
def test_triple_formats_round_trip_isomorphic(seed_kg, fmt, parser):
    back = _triples(rdflib.Graph().parse(data=serialize(seed_kg, fmt), format=parser))
    plain = _triples(to_rdf(seed_kg))
    assert len(back) == len(plain) > 100
    assert isomorphic(back, plain)


@pytest.mark.parametrize(("fmt", "parser"), [("trig", "trig"), ("nq", "nquads")])
def test_quad_formats_round_trip_with_one_graph_per_document(build_text, fmt, parser):
    kg = build_text("Hamas attacked Israel.", "Iran said Hamas attacked Israel again.")
    back = rdflib.Dataset()
    back.parse(data=serialize(kg, fmt), format=parser)
    assert _quads(back) == _quads(to_dataset(kg))
    named = {str(g.identifier) for g in back.graphs() if len(g)}
    assert named == {
        "https://w3id.org/graphkit/id/graph/d0",
        "https://w3id.org/graphkit/id/graph/d1",
    }


def test_oxigraph_and_plain_rdflib_stores_hold_the_same_statements(seed_kg):
    assert isomorphic(_triples(to_rdf(seed_kg, "oxigraph")), _triples(to_rdf(seed_kg, "memory")))
    assert _quads(to_dataset(seed_kg, "oxigraph")) == _quads(to_dataset(seed_kg, "memory"))


def test_direct_triples_only_for_asserted_edges(build_text):
    # a denied act is an assertion resource (the denier's claim) with no direct triple; a
    # negated one is no assertion at all
    kg = build_text(
        "Egypt denied attacking Israel. Hamas attacked Israel. Iran did not attack Iraq."
    )
    g = to_rdf(kg)
    egypt, israel, hamas, iran = (actor_iri(k) for k in ("egypt", "israel", "hamas", "iran"))
    assert (hamas, GK.attack, israel) in g
    assert (egypt, GK.attack, israel) not in g
    denied = [a for a in g.subjects(RDF.subject, egypt)]
    assert denied and all((a, GK.modality, GK.denied) in g for a in denied)
    assert not list(g.subjects(RDF.subject, iran))


def test_claims_carry_the_speaker_and_the_quote(build_text):
    kg = build_text("Iraqi officials said Islamic State fighters killed four Peshmerga soldiers.")
    g = to_rdf(kg)
    claims = list(g.subjects(RDF.type, GK.Claim))
    assert claims
    for c in claims:
        assert g.value(c, rdflib.URIRef("http://www.w3.org/ns/prov#wasAttributedTo")) is not None
        assert g.value(c, GK.claimText) is not None


def test_defined_namespace_is_in_sync_with_the_ontology():
    gen = runpy.run_path(str(ROOT / "tools" / "gen_namespace.py"))["generate"]
    assert (ROOT / "graphkit" / "namespace.py").read_text(encoding="utf-8") == gen()
    with pytest.raises(AttributeError):
        _ = GK.noSuchTerm


def test_seed_conforms_to_the_shapes_in_every_format(seed_kg, tmp_path):
    written = seed_kg.write(tmp_path, ("json", "ttl", "jsonld", "trig", "nq", "nt"))
    assert len(written) == 6
    for f in sorted(written):
        result = validate(load_dataset(f))
        assert result.conforms, (f.name, result.report[:2000])


def test_a_broken_graph_does_not_conform_and_validate_exits_4(seed_kg, tmp_path):
    g = rdflib.Graph()
    g += to_rdf(seed_kg)
    g.remove((KH, rdflib.RDFS.label, None))
    a = next(g.subjects(RDF.type, GK.Assertion))
    g.set((a, GK.modality, GK.Actor))
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    result = validate(load_dataset(path))
    assert not result.conforms and result.violations >= 2
    r = CliRunner().invoke(cli, ["validate", str(path)])
    assert r.exit_code == 4 and "SHACL violations" in r.output


def test_validate_counts_the_results_its_report_lists(seed_kg, tmp_path):
    """A failed sh:node (an evidence selector with no offsets) also types its nested details
    as results; the count is the report's own list, as its text says."""
    g = rdflib.Graph()
    g += to_rdf(seed_kg)
    for ev in sorted(set(g.objects(None, GK.evidence)))[:3]:
        for p, o in list(g.predicate_objects(ev)):
            if p != RDF.type:
                g.remove((ev, p, o))
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    result = validate(load_dataset(path))
    listed = int(re.search(r"Results \((\d+)\)", result.report).group(1))
    assert not result.conforms and result.violations == listed >= 3
    r = CliRunner().invoke(cli, ["validate", str(path)])
    assert r.exit_code == 4 and f": {listed} SHACL violations" in r.output


def test_canned_queries_answer_on_the_seed(seed_out):
    ds = load_dataset(seed_out / "graph.json")
    members = run(ds, canned()["members-of"].read_text())
    rows = {(str(r[0]), str(r[2])) for r in members.rows}
    assert ("Kataib Hezbollah", "Popular Mobilization Forces") in rows
    claims = run(
        ds, canned()["claims-by"].read_text(), {"speakerLabel": Literal("Kataib Hezbollah")}
    )
    assert claims.rows and {str(r[0]) for r in claims.rows} == {"Kataib Hezbollah"}
    for name, path in canned().items():
        assert run(ds, path.read_text()).columns, name


def test_bound_values_are_never_query_text(seed_out):
    ds = load_dataset(seed_out / "graph.ttl")
    hostile = Literal('Kataib Hezbollah" } UNION { ?a ?b ?c } #')
    result = run(ds, canned()["claims-by"].read_text(), {"speakerLabel": hostile})
    assert result.rows == []


def test_query_cli_formats(seed_out):
    path = str(seed_out / "graph.json")
    args = ["query", path, "-n", "claims-by", "-b", "speakerLabel=Kataib Hezbollah"]
    rows = sparql_rows(CliRunner().invoke(cli, [*args, "-f", "json"]).output)
    assert rows and rows[0]["speakerLabel"] == "Kataib Hezbollah"
    csv_out = CliRunner().invoke(cli, [*args, "-f", "csv"]).output
    assert csv_out.splitlines()[0].startswith("speakerLabel,")
    table = CliRunner().invoke(cli, args).output
    assert "Kataib Hezbollah" in table and table.rstrip().endswith("rows)")
    bad = CliRunner().invoke(cli, ["query", path, "SELECT * WHERE { ?s ?p }"])
    assert bad.exit_code == 1 and "the query failed" in bad.output
    listed = CliRunner().invoke(cli, ["query", path, "--list"]).output
    assert {"who-did-what", "claims-by", "contested", "members-of", "actors-by-type",
            "timeline"} <= {line.split()[0] for line in listed.splitlines()}  # fmt: skip


def test_list_gives_each_description_as_a_whole_sentence(seed_out):
    listed = CliRunner().invoke(cli, ["query", str(seed_out / "graph.json"), "--list"]).output
    lines = {line.split()[0]: line.split(None, 1)[1] for line in listed.splitlines()}
    for name, path in canned().items():
        comment = " ".join(
            line.lstrip("# ").strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("#")
        )
        described = lines[name]
        assert comment.startswith(described) and described.endswith("."), name
    assert lines["contested"].endswith("(one source asserts what another denies).")


def test_bind_ci_matches_labels_and_aliases_in_any_case(seed_out):
    path = str(seed_out / "graph.json")
    base = ["query", path, "-n", "who-did-what", "-f", "json"]
    exact = sparql_rows(CliRunner().invoke(cli, [*base, "-b", "objectLabel=U.S."]).output)
    assert exact == []  # the node is "United States"; "U.S." is an alias
    for value in ("u.s.", "UNITED STATES", "United States"):
        rows = sparql_rows(
            CliRunner().invoke(cli, [*base, "--bind-ci", f"objectLabel={value}"]).output
        )
        assert rows and {r["objectLabel"] for r in rows} == {"United States"}, value
        assert len({json.dumps(r, sort_keys=True) for r in rows}) == len(rows)
    hostile = 'u.s." } UNION { ?a ?b ?c } #'
    r = CliRunner().invoke(cli, [*base, "--bind-ci", f"objectLabel={hostile}"])
    assert r.exit_code == 0 and sparql_rows(r.output) == []


def test_query_files_are_read_as_utf8_and_a_missing_one_is_an_error(seed_out, tmp_path):
    path = str(seed_out / "graph.json")
    r = CliRunner().invoke(cli, ["query", path, str(tmp_path / "missing.rq")])
    assert r.exit_code == 1 and "missing.rq: cannot read" in r.output
    latin = tmp_path / "latin.rq"
    latin.write_bytes("# caf\xe9\nSELECT * WHERE { ?s ?p ?o }".encode("latin-1"))
    r = CliRunner().invoke(cli, ["query", path, str(latin)])
    assert r.exit_code == 1 and "latin.rq: not valid UTF-8" in r.output
    good = tmp_path / "good.rq"
    good.write_text("# café\nSELECT ?s WHERE { ?s a gk:Document }", encoding="utf-8")
    r = CliRunner().invoke(cli, ["query", path, str(good)])
    assert r.exit_code == 0 and "(1 rows)" in r.output


def test_unreadable_graph_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <")
    r = CliRunner().invoke(cli, ["validate", str(bad)])
    assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1 and str(bad) in r.output


@pytest.fixture(scope="module")
def three_documents(tmp_path_factory):
    """Three articles that share actors, written in every graph format."""
    import graphkit

    texts = [
        "Hamas attacked Israel. Iran said Hamas attacked Israel.",
        "Israel struck Hamas in Gaza. Hamas attacked Israel again, Egypt said.",
        "Iran said Hamas had not attacked Israel. Hezbollah is part of the Axis of Resistance.",
    ]
    kg = graphkit.build([graphkit.document_from_text(f"d{i}", t) for i, t in enumerate(texts)])
    out = tmp_path_factory.mktemp("three")
    kg.write(out, ("json", "ttl", "trig", "nq"))
    return out


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in (ROOT / "ontology" / "queries").glob("*.rq"))
)
def test_canned_queries_answer_once_on_every_format(three_documents, name):
    """Each document's named graph describes the actors it mentions, so the union default
    graph repeats them: the canned queries must not multiply their answers (issue 17). The
    merged graph (graph.ttl) is the baseline."""
    text = canned()[name].read_text(encoding="utf-8")
    baseline = run(load_dataset(three_documents / "graph.ttl"), text).rows
    for fmt in ("graph.json", "graph.trig", "graph.nq"):
        rows = [tuple(r) for r in run(load_dataset(three_documents / fmt), text).rows]
        assert len(rows) == len(set(rows)), (fmt, name)
        assert set(rows) == {tuple(r) for r in baseline}, (fmt, name)
