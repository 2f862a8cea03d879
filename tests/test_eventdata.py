"""What event-data analysts do next (issue 38): quad classes and Goldstein intensity on every
event, the event table (--format events), dyads and timelines over time, and plots.

The dated graphs here are made by hand, so every count the tests expect follows from rows they
can see; the extraction is exercised by a few built sentences.
"""

from __future__ import annotations

import io
import json

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

import graphkit
from graphkit.analysis.events import EVENT_COLUMNS, EVENT_DATES, EVENT_DTYPES, dyads, event_table
from graphkit.api import KnowledgeGraph, read_json
from graphkit.assemble.weights import weights
from graphkit.cli import cli
from graphkit.errors import OntologyError
from graphkit.ontology import load_ontology

# PLOVER's own grouping (the PLOVER README, "PLOVER quad categories")
PLOVER_QUADS = {
    "agree": "verbal_cooperation", "consult": "verbal_cooperation",
    "support": "verbal_cooperation", "concede": "verbal_cooperation",
    "cooperate": "material_cooperation", "aid": "material_cooperation",
    "retreat": "material_cooperation", "investigate": "material_cooperation",
    "demand": "verbal_conflict", "disapprove": "verbal_conflict", "reject": "verbal_conflict",
    "threaten": "verbal_conflict", "sanction": "verbal_conflict",
    "protest": "material_conflict", "mobilize": "material_conflict",
    "coerce": "material_conflict", "assault": "material_conflict", "fight": "material_conflict",
}  # fmt: skip
# Goldstein weights as the CAMEO weights table gives them (andybega/icews cameo-codes.csv)
GOLDSTEIN = {"010": 0.0, "036": 4.0, "043": 2.8, "057": 8.0, "0874": 10.0, "111": -2.0,
             "130": -4.4, "163": -8.0, "175": -9.0, "190": -10.0}  # fmt: skip


# --- weights -----------------------------------------------------------------------------------


def test_every_event_category_has_plovers_quad_and_its_codes_weight(onto):
    events = {c for c, cat in onto.categories.items() if not cat.standing}
    assert events == set(PLOVER_QUADS)
    for category, quad in PLOVER_QUADS.items():
        rel = onto.relations.get(category)
        w = weights({"category": category, "relation": category, "modality": "asserted"}, onto)
        assert w["quad"] == quad, category
        assert w["factual"] is True
        # no code of its own: the weight of its relation's CAMEO code
        code = rel.cameo if rel else None
        assert code and w["intensity"] == onto.codes[code].goldstein, category
        assert -10 <= w["intensity"] <= 10


@pytest.mark.parametrize("code", sorted(GOLDSTEIN))
def test_a_cameo_codes_intensity_is_its_goldstein_weight(onto, code):
    assert onto.codes[code].goldstein == GOLDSTEIN[code]
    category = onto.codes[code].category
    if category in PLOVER_QUADS:
        w = weights({"category": category, "cameo": code, "modality": "asserted"}, onto)
        assert w["intensity"] == GOLDSTEIN[code]


def test_every_cameo_code_has_a_weight_and_roots_give_the_cameo_quad(onto):
    assert all(c.goldstein is not None for c in onto.codes.values())
    w = weights({"category": "sanction", "cameo": "163", "modality": "asserted"}, onto)
    # PLOVER puts sanctions with verbal conflict; CAMEO's root 16 is material conflict
    assert (w["quad"], w["cameo_quad"]) == ("verbal_conflict", "material_conflict")
    w = weights({"category": "investigate", "cameo": "090", "modality": "asserted"}, onto)
    assert (w["quad"], w["cameo_quad"]) == ("material_cooperation", "verbal_conflict")


def test_a_code_of_another_category_gives_way_to_the_relations_own(onto):
    # a matrix act replaced the verb's category: "vowed to attack" is a threat, not an attack
    w = weights({"category": "threaten", "relation": "threaten", "cameo": "190",
                 "modality": "asserted"}, onto)  # fmt: skip
    assert w["intensity"] == onto.codes[onto.relations["threaten"].cameo].goldstein
    assert w["intensity"] != GOLDSTEIN["190"]


@pytest.mark.parametrize("modality", ["planned", "threatened", "hypothetical", "negated", "denied"])
def test_acts_that_did_not_happen_are_not_factual(onto, modality):
    w = weights({"category": "fight", "cameo": "190", "modality": modality}, onto)
    assert w["factual"] is False and w["intensity"] == -10.0


def test_standing_relations_carry_no_weights(onto):
    for cat in ("member_of", "leader_of", "part_of", "located_in"):
        assert weights({"category": cat, "relation": cat, "modality": "asserted"}, onto) == {}


def test_built_edges_carry_the_weights_in_json_rdf_and_frames(build_text):
    kg = build_text(
        "Hamas attacked Israel. Hezbollah denied attacking Israel. The rebels withdrew."
    )
    fight = next(d for u, v, d in kg.graph.edges(data=True) if u == "hamas")
    assert fight["quad"] == "material_conflict" and fight["factual"] is True
    denied = next(d for u, v, d in kg.graph.edges(data=True) if u == "hezbollah")
    assert denied["modality"] == "denied" and denied["factual"] is False
    assert kg.events and kg.events[0]["quad"] == "material_cooperation"
    data = kg.to_json()
    assert {e["quad"] for e in data["edges"]} == {"material_conflict"}
    assert data["events"][0]["intensity"] == kg.events[0]["intensity"]
    rows = kg.query(
        "SELECT ?c ?i ?f WHERE { ?a gk:category ?c ; gk:quad gk:materialConflict ; "
        "gk:intensity ?i ; gk:factual ?f }"
    )
    assert sorted(zip(rows["i"], rows["f"], strict=True)) == [
        (fight["intensity"], False), (fight["intensity"], True)
    ]  # fmt: skip
    frame = kg.assertions()
    assert {"quad", "cameo_quad", "intensity", "factual"} <= set(frame.columns)
    assert frame["factual"].tolist().count(False) == 1


def test_the_ontology_refuses_an_event_category_with_no_quad_and_a_bad_weight(tmp_path):
    (tmp_path / "categories.tsv").write_text(
        "category\tpreps\tunary\tstanding\nboycott\t\tno\tno\n", encoding="utf-8"
    )
    with pytest.raises(OntologyError, match=r"boycott.*no quad class"):
        load_ontology([tmp_path])
    (tmp_path / "categories.tsv").unlink()
    (tmp_path / "cameo_codes.tsv").write_text(
        "code\tcategory\tmode\tcontext\trelation\tgoldstein\tdescription\n"
        "190\tfight\t\t\t\t-11\tout of scale\n",
        encoding="utf-8",
    )
    with pytest.raises(OntologyError, match=r"cameo_codes\.tsv:2: goldstein must be a number"):
        load_ontology([tmp_path])


# --- a dated graph made by hand ----------------------------------------------------------------

NODES = {
    "a": ("Alpha", "AAA"), "b": ("Bravo", "BBB"), "c": ("Charlie", "BBB"), "x": ("Xray", None),
}  # fmt: skip
# (source, target, category, cameo, modality, dates of its evidence sentences)
EDGES = [
    ("a", "b", "fight", "190", "asserted", ["2024-01-01", "2024-01-03", "2024-01-09"]),
    ("a", "b", "disapprove", "111", "asserted", ["2024-01-02"]),
    ("b", "a", "agree", "036", "asserted", ["2024-02-15"]),
    ("a", "c", "aid", "070", "asserted", ["2024-01-10"]),
    ("a", "c", "fight", "190", "planned", ["2024-01-10"]),
    ("x", "a", "consult", "040", "asserted", ["2024-03-01"]),
    ("a", "b", "member_of", None, "asserted", ["2024-01-01"]),  # standing: no event
]  # fmt: skip


def dated_graph() -> KnowledgeGraph:
    g = nx.MultiDiGraph()
    for key, (label, country) in NODES.items():
        attrs = {"label": label, "type": "State", "aliases": [], "mentions": []}
        if country:
            attrs["country"] = country
        g.add_node(key, **attrs)
    for i, (u, v, cat, code, modality, dates) in enumerate(EDGES):
        evidence = [
            {"doc": "d", "start": 100 * i + k, "end": 100 * i + k + 5, "text": "...", "date": day,
             "rule": "verb_active", "confidence": 0.7}
            for k, day in enumerate(dates)
        ]  # fmt: skip
        g.add_edge(u, v, key=f"{cat}:{modality}:author", relation=cat, category=cat,
                   cameo=code, attributed_to=None, modality=modality, confidence=0.7,
                   evidence=evidence)  # fmt: skip
    events = [{"source": "b", "key": "retreat:asserted:author", "relation": "retreat",
               "category": "retreat", "cameo": "087", "attributed_to": None,
               "modality": "asserted", "confidence": 0.7, "target_role": "none",
               "evidence": [{"doc": "d", "start": 5000, "end": 5010, "text": "...",
                             "date": "2024-01-04"}]}]  # fmt: skip
    docs = [{"id": "d", "title": "T", "published": "2024-03-31"}]
    return KnowledgeGraph(g, docs, events=events)


def test_the_event_table_has_one_row_per_event_sentence_in_the_documented_columns():
    df = event_table(dated_graph())
    assert list(df.columns) == EVENT_COLUMNS
    assert len(df) == 3 + 1 + 1 + 1 + 1 + 1 + 1  # the standing relation is no event
    for col, dtype in EVENT_DTYPES.items():
        if col in EVENT_DATES:
            assert pd.api.types.is_datetime64_any_dtype(df[col]), col
        else:
            assert str(df[col].dtype) == str(pd.Series([], dtype=dtype).dtype), col
    assert df["event_date"].is_monotonic_increasing
    lone = df[df["recipient_id"].isna()]
    assert lone["actor_id"].tolist() == ["b"] and lone["event_type"].tolist() == ["retreat"]
    assert df.loc[df["modality"] == "planned", "factual"].tolist() == [False]
    assert set(df["quad_code"]) == {1, 2, 3, 4}


def test_dyads_count_weekly_and_monthly_by_actor():
    kg = dated_graph()
    weekly = kg.dyads(freq="W")
    ab = weekly[(weekly["source"] == "a") & (weekly["target"] == "b")]
    # weeks start on Monday: 2024-01-01 .. 01-07 holds three a->b events, 01-08 .. one
    got = {
        (str(p.date()), q): n for p, q, n in zip(ab["period"], ab["quad"], ab["count"], strict=True)
    }
    assert got == {("2024-01-01", "material_conflict"): 2, ("2024-01-01", "verbal_conflict"): 1,
                   ("2024-01-08", "material_conflict"): 1}  # fmt: skip
    monthly = kg.dyads(freq="M")
    # asserted dyadic events: 3 + 1 + 1 + 1 + 1 (the planned one and the lone retreat are out)
    assert monthly["count"].sum() == 7 == weekly["count"].sum()
    assert set(zip(monthly["source"], monthly["target"], strict=True)) == {
        ("a", "b"),
        ("b", "a"),
        ("a", "c"),
        ("x", "a"),
    }
    every = kg.dyads(freq="M", include=("asserted", "planned"))
    assert every["count"].sum() == 8


def test_dyads_by_country_and_by_intensity():
    kg = dated_graph()
    by_country = kg.dyads(freq="M", by="country")
    # x has no country: its event is in no country dyad; a->b and a->c are both AAA->BBB
    jan = by_country[(by_country["source"] == "AAA") & (by_country["period"] == "2024-01-01")]
    assert jan.groupby("quad")["count"].sum().to_dict() == {
        "material_conflict": 3,
        "verbal_conflict": 1,
        "material_cooperation": 1,
    }
    assert by_country["count"].sum() == 6
    weighted = kg.dyads(freq="M", weight="intensity")
    total = weighted.loc[(weighted["source"] == "a") & (weighted["target"] == "b"), "intensity"]
    assert total.sum() == pytest.approx(3 * -10.0 + -2.0)


def test_dyads_refuse_bad_arguments():
    kg = dated_graph()
    for bad in ({"by": "region"}, {"weight": "tone"}, {"freq": "fortnight"}):
        with pytest.raises(ValueError):
            kg.dyads(**bad)


def test_a_timeline_counts_an_actors_events_by_role():
    kg = dated_graph()
    t = kg.timeline("Alpha", freq="M")
    assert t.groupby("role")["count"].sum().to_dict() == {"source": 5, "target": 2}
    b = kg.timeline("b", freq="M")  # its event with no recipient is its own
    assert b[b["role"] == "source"]["count"].sum() == 2
    with pytest.raises(KeyError, match="no actor 'Zulu'"):
        kg.timeline("Zulu")


def test_dyads_and_the_table_read_back_from_graph_json(tmp_path):
    kg = graphkit.build(
        [graphkit.document_from_text(
            "d1", "Hamas attacked Israel. Israel attacked Hamas.", published="2024-03-05"),
         graphkit.document_from_text(
            "d2", "Israel attacked Hamas. Egypt criticized Israel.", published="2024-04-09")]
    )  # fmt: skip
    kg.write(tmp_path, ["json"])
    back = read_json(tmp_path / "graph.json")
    pd.testing.assert_frame_equal(back.dyads(freq="M"), kg.dyads(freq="M"))
    pd.testing.assert_frame_equal(back.events_table(), kg.events_table())
    assert kg.dyads(freq="M")["count"].sum() == 4


def test_format_events_writes_a_table_pandas_reads_with_the_documented_dtypes(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Hamas attacked Israel. Iran criticized Israel.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(text), "-o", str(out), "--format", "events",
                                       "--no-cache", "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out / "events.csv", dtype=EVENT_DTYPES, parse_dates=EVENT_DATES)
    assert df["event_type"].tolist() == ["fight", "disapprove"]
    assert df["intensity"].tolist() == [-10.0, -2.0]
    assert df["quad_code"].tolist() == [4, 3]
    pytest.importorskip("pyarrow")  # a dev dependency; the format writes Parquet when present
    parquet = pd.read_parquet(out / "events.parquet")
    assert (
        parquet.drop(columns=EVENT_DATES)
        .astype(str)
        .equals(df.drop(columns=EVENT_DATES).astype(str))
    )
    manifest = json.loads((out / ".graphkit-outputs.json").read_text(encoding="utf-8"))
    assert manifest["files"] == ["events.csv", "events.parquet"]


def test_the_event_csv_is_the_same_bytes_each_build(tmp_path):
    kg = dated_graph()
    first = dyads(kg)  # noqa: F841  (a view does not change the graph)
    assert graphkit.analysis.events.to_csv(kg) == graphkit.analysis.events.to_csv(dated_graph())


# --- plots -------------------------------------------------------------------------------------


def _png_pixels(fig) -> int:
    import matplotlib.image as mpimg

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    buf.seek(0)
    img = mpimg.imread(buf, format="png")
    # pixels that are not white: bars, the line, axes and text
    return int((img[:, :, :3].sum(axis=2) < 2.9).sum())


@pytest.mark.parametrize("which", ["dyad", "actor"])
def test_plots_render_to_a_png_with_bars_and_a_line(which):
    import matplotlib

    matplotlib.use("Agg")
    kg = dated_graph()
    fig = kg.plot_dyad("a", "b", freq="W") if which == "dyad" else kg.plot_actor("a", freq="M")
    ax = fig.axes[0]
    assert len(ax.patches) > 0  # the stacked bars
    assert len(fig.axes[1].lines) >= 1  # the net intensity line
    heights = sorted(round(p.get_height()) for p in ax.patches if p.get_height())
    assert heights and any(h < 0 for h in heights) and any(h > 0 for h in heights)
    assert _png_pixels(fig) > 2000
    empty = __import__("matplotlib.figure", fromlist=["Figure"]).Figure()
    empty.add_subplot()
    assert _png_pixels(fig) > _png_pixels(empty)


def test_a_date_given_as_a_year_or_a_month_is_its_first_day_and_says_so():
    kg = dated_graph()
    ab = next(
        d for u, v, d in kg.graph.edges(data=True) if (u, v, d["category"]) == ("a", "b", "fight")
    )
    ab["evidence"][0]["date"] = "2023"
    ab["evidence"][1]["date"] = "2023-11"
    df = event_table(kg)
    got = df.loc[df["date_precision"] != "day", ["event_date", "date_precision"]]
    assert [(str(d.date()), p) for d, p in got.itertuples(index=False)] == [
        ("2023-01-01", "year"), ("2023-11-01", "month")]  # fmt: skip
    assert df["event_date"].notna().all()
