"""The event dictionary as ontology data: the converter, the loader and the matcher.

The converter's inputs (PETRARCH2's CAMEO dictionary, the Phoenix dictionaries, the
CAMEO->PLOVER table) are in ``../shared/eventdata``, not in the repository: the files it makes
are committed, and a test checks they are exactly what it makes from those inputs.
"""

from __future__ import annotations

import json
import runpy

import pytest

from graphkit.extract.verbs import code_verb

from .conftest import ROOT, SHARED, triples

EVENTDATA = SHARED / "eventdata"


@pytest.fixture(scope="module")
def convert():
    return runpy.run_path(str(ROOT / "tools" / "convert_eventdata.py"))


def test_committed_files_are_the_converters_output(convert):
    if not (EVENTDATA / "CAMEO.2.0.txt").is_file():
        pytest.skip(f"the converter's inputs are not here ({EVENTDATA})")
    files = convert["render"](EVENTDATA, ROOT / "ontology")
    assert set(files) >= {"cameo_codes.tsv", "cameo_verbs.tsv", "cameo_patterns.tsv",
                          "agents.tsv", "phoenix_actors.tsv", "discards.tsv"}  # fmt: skip
    for name, text in files.items():
        assert (ROOT / "ontology" / name).read_text(encoding="utf-8") == text, name


def test_converter_reads_a_small_dictionary(convert, tmp_path):
    """The converter on a dictionary written for this test: blocks, synonyms, patterns."""
    src = tmp_path / "eventdata"
    src.mkdir()
    (src / "CAMEO.2.0.txt").write_text(
        "####### SYNONYM SETS #######\n&FOOD\n+RICE\n+BREAD\n\n"
        "####### VERB PATTERNS #######\n"
        "---  SEND   [070]  ---\nSEND {SENDS SENT SENDING}\nDISPATCH\n"
        "- * &FOOD (TO +)   [073]  # SEND\n- * TROOPS [154]\n"
        "+SEND_OFF [---]\n"
        "---  HOPE   [---]  ---\nHOPE\n",
        encoding="utf-8",
    )
    (src / "CAMEO2PLOVER-2021.txt").write_text(
        "07: AID\n070: AID,   ,  # Provide aid\n073: AID,   ,   humanitarian # Provide"
        " humanitarian aid\n15: MOBILIZE\n154: MOBILIZE, troops, military # Mobilize\n",
        encoding="utf-8",
    )
    # weights for two codes: 073 has its own, 154 takes its root's (15)
    (src / "CAMEO.goldstein.tsv").write_text(
        "code\tname\tgoldstein\n07\tPROVIDE AID\t7\n073\tHumanitarian aid\t7.4\n"
        "15\tEXHIBIT FORCE POSTURE\t-7.2\n",
        encoding="utf-8",
    )
    for name in ("Phoenix.agents.txt", "Phoenix.discards.txt", "Phoenix.Countries.actors.txt",
                 "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):  # fmt: skip
        (src / name).write_text("POLICE [~COP]\n" if "agents" in name else "", encoding="utf-8")
    # a company's name without its legal form is an alias, unless it is one common noun
    (src / "Phoenix.International.actors.txt").write_text(
        "ACME_WIDGETS_INC_\t[MNCUSA]\nPOLICE_CORP_\t[MNCUSA]\n", encoding="utf-8"
    )
    files = convert["render"](src, ROOT / "ontology")
    verbs = files["cameo_verbs.tsv"]
    assert "send\tsends|sent|sending\t070\tsend\n" in verbs
    assert "dispatch\t\t070\tsend\n" in verbs
    assert "hope\t\t\thope\n" in verbs  # no default code: only its patterns code it
    patterns = files["cameo_patterns.tsv"]
    assert "send\t\t\t&FOOD\tto\tto\t073\n" in patterns
    assert "send\t\t\ttroops\t\t\t154\n" in patterns
    codes = files["cameo_codes.tsv"]
    assert "073\taid\t\thumanitarian\taid\t7.4\t" in codes
    assert "154\tmobilize\ttroops\tmilitary\t" in codes and "\t-7.2\tMobilize" in codes
    assert "police\tCOP\t\n" in files["agents.tsv"]
    actors = files["phoenix_actors.tsv"]
    assert "acme_widgets_inc\tAcme Widgets Inc\tMNCUSA\tAcme Widgets\n" in actors
    assert "police_corp\tPolice Corp\tMNCUSA\t\n" in actors


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        ("MNCUSAAGR", "Company"),  # an agricultural corporation, not farmers
        ("MNCUSAHLH", "Company"),
        ("MNCUSAMED", "Media"),
        ("MNCUSA", "Company"),
        ("PSEREBHMS", "ArmedGroup"),
        ("NGOHRI", "Organization"),
    ],
)
def test_a_corporations_industry_code_keeps_it_a_company(onto, code, cls):
    from graphkit.ontology import class_of_code

    assert class_of_code(onto, code) == cls


def _verb(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # the verb's default code
        ("Kenya accused Uganda of lying.", "accused", "112"),
        # a phrase pattern is more specific than the default
        ("Japan halted economic aid to Serbia.", "halted", "162"),
        # a multi-word verb needs its particle right after it
        ("Armenian forces pulled out of the region.", "pulled", "087"),
        # graphkit's own pattern (verb_patterns.tsv)
        ("Venezuela dismissed an appeal from Brazil.", "dismissed", "120"),
    ],
)
def test_a_verb_gets_the_code_of_its_most_specific_pattern(nlp, onto, text, word, code):
    found = code_verb(_verb(nlp, text, word), onto)
    assert found is not None and found[0] == code, found


def test_a_general_verb_has_no_default_code(nlp, onto):
    # "take" is coded by its phrases ("took into custody") only: verb_defaults.tsv
    assert (
        code_verb(_verb(nlp, "The delegates took notes during the session.", "took"), onto) is None
    )


def test_every_code_maps_to_a_category_and_relation(onto):
    assert len(onto.codes) > 250
    for c in onto.codes.values():
        if c.category in {"", "none"}:
            continue
        assert c.category in onto.categories, c
        assert onto.relations[c.relation].category == c.category, c


def test_dictionary_sizes(onto):
    assert len(onto.verb_blocks) > 1500
    assert sum(len(p) for p in onto.patterns.values()) > 4000
    assert len(onto.generic) > 500
    assert sum(1 for a in onto.actors.values() if a.imported) > 2000


def test_graphkits_own_rows_win_over_imported_ones(onto):
    # Hezbollah is in actors.jsonl; the imported row of the same name is not loaded
    assert onto.lookup_name("Hezbollah").key == "hezbollah"
    assert not onto.actors["hezbollah"].imported
    # "authorities" is graphkit's own generic head (government), not Phoenix's military one
    assert onto.generic["authorities"].kind == "government"


def test_an_event_with_no_recipient_is_no_edge_or_goes_to_its_place(build_text, tmp_path):
    kg = build_text(
        "Armenia mobilized its reservists on Sunday. Chilean students rioted in Santiago."
    )
    edges = {(u, d["category"], v): d for u, v, d in kg.graph.edges(data=True)}
    assert not [(u, v) for u, v in kg.graph.edges() if u == v]  # never a self-loop
    assert edges[("chile/students", "protest", "santiago")]["target_role"] == "place"
    [event] = [e for e in kg.events if e["category"] == "mobilize"]
    assert event["source"] == "armenia" and "target" not in event
    assert event["target_role"] == "none" and event["evidence"][0]["text"].startswith("Armenia")
    # graph.json lists it in "events"; read back, it is there again and still no edge
    data = kg.to_json()
    assert [e["source"] for e in data["events"]] == ["armenia"]
    from graphkit.export.load import from_node_link

    back = from_node_link(json.loads(json.dumps(data)))
    assert back.events == kg.events and back.graph.number_of_edges() == kg.graph.number_of_edges()
    # the frame: a row with an empty target
    df = kg.assertions()
    row = df[df["category"] == "mobilize"].iloc[0]
    assert row["source"] == "armenia" and row.isna()["target"] and row["target_role"] == "none"
    # RDF: an assertion with no object and no direct triple
    rows = kg.query(
        "SELECT ?a ?c ?o WHERE { ?a gk:category ?c ; rdf:subject ?s ."
        " OPTIONAL { ?a rdf:object ?o } }",
        c="mobilize",
    )
    assert len(rows) == 1 and rows["o"].isna().all()
    direct = kg.query("SELECT ?s ?o WHERE { ?s gk:mobilize ?o }")
    assert direct.empty
    assert kg.to_dataset().serialize(format="trig").count("targetRole") == 2


def test_a_discarded_sentence_gives_no_event(build_text):
    kg = build_text("Spain defeated Italy in the Nations League final. Spain attacked Italy.")
    assert ("spain", "fight", "italy") in triples(kg)
    evidence = [ev["text"] for _, _, d in kg.graph.edges(data=True) for ev in d["evidence"]]
    assert all("Nations League" not in t for t in evidence)


def test_a_story_whose_headline_names_a_sports_competition_gives_no_event(build_text):
    kg = build_text(
        "World Cup 2018 day five: Sweden, Belgium, England win three points\n"
        "Sweden defeated South Korea 1-0 in Nizhny Novgorod.\n"
        "Tunisia faced England at the Volgograd Arena.\n"
    )
    standing = {"part_of", "member_of", "leader_of"}
    assert [t for t in triples(kg) if t[1] not in standing] == []


def test_a_story_level_phrase_past_the_headline_discards_its_sentence_only(build_text):
    kg = build_text(
        "Russia invaded Ukraine on Thursday.\n"
        "The attack came weeks before the World Cup.\n"
        "Ukraine accused Russia of war crimes.\n"
    )
    assert {("russia", "fight", "ukraine"), ("ukraine", "disapprove", "russia")} <= triples(kg)


def test_the_converter_keeps_phoenix_story_level_discards():
    from graphkit import load_ontology

    onto = load_ontology()
    assert {"world cup", "fifa"} <= onto.story_discards <= onto.discards


@pytest.mark.parametrize(
    "text",
    [
        "The senator defeated the incumbent in the primary election.",
        "Boeing beat analysts' expectations in the second quarter.",
    ],
)
def test_graphkits_own_no_event_phrases(build_text, text):
    """verb_patterns.tsv rows with code "-": the phrase is no event, whatever the dictionary
    says of the verb alone (CAMEO codes "defeat" as force)."""
    standing = {"part_of", "member_of", "leader_of"}
    assert [t for t in triples(build_text(text)) if t[1] not in standing] == []


def test_nodes_carry_country_cameo_code_and_sector(build_text):
    kg = build_text(
        "Iraqi forces attacked Hamas. Human Rights Watch condemned Egypt. Iran-backed militias"
        " attacked the Syrian army."
    )
    nodes = kg.graph.nodes
    assert (nodes["iraq/forces"]["country"], nodes["iraq/forces"]["cameo"]) == ("IRQ", "IRQMIL")
    assert nodes["iraq/forces"]["sector"] == "MIL"
    assert nodes["egypt"]["country"] == "EGY" and "sector" not in nodes["egypt"]
    assert nodes["human_rights_watch"]["cameo"] == "NGOHRI"
    assert "country" not in nodes["iran/aligned_groups"]  # backed by Iran, not Iranian
    df = kg.actors().set_index("id")
    assert df.loc["iraq/forces", "country"] == "IRQ"
    ttl = kg.to_rdf().serialize(format="turtle")
    assert '"IRQMIL"' in ttl and "cameoCode" in ttl


def test_a_company_does_not_fight(build_text):
    """categories.tsv not_by: companies and media never act in fight, assault or mobilize."""
    kg = build_text("Samsung attacked Apple in a new advertising campaign. Hamas attacked Israel.")
    events = {(u, d["category"], v) for u, v, d in kg.graph.edges(data=True)}
    assert ("hamas", "fight", "israel") in events
    assert not any(c == "fight" and u != "hamas" for u, c, _ in events), events


def _coded_by_trying_every_pattern(tok, onto):
    """What :func:`graphkit.extract.verbs._coded` answers, found the slow way: each pattern
    of each of the verb's blocks tried in turn, with no index."""
    from graphkit.extract.verbs import _Zones, verb_lemma

    lemma = verb_lemma(tok, onto)
    if lemma is None:
        return None
    zones, best, own = _Zones(tok), None, True
    for block in onto.verb_blocks[lemma]:
        own = own and block.startswith("=")
        for pat in onto.patterns.get(block, ()):
            if best is not None and pat.size <= best.size:
                break
            if zones.match(pat):
                if block.startswith("="):
                    return pat.code, pat, own
                best = pat
                break
    if best is not None:
        return best.code, best, False
    code = onto.verb_codes.get(lemma, "")
    return (code, None, False) if code else None


def test_the_pattern_index_tries_only_patterns_that_can_match_and_codes_as_trying_all(nlp, onto):
    """Patterns are looked up by a word each needs (the index): a verb is coded exactly as
    when every pattern is tried, and most patterns are never tried."""
    from graphkit.extract import verbs

    doc = nlp(
        "The army said it took control of the town after rebels took hostages. The minister "
        "called on both sides to stop, and the council called off the vote. Police gave "
        "protesters a warning, then fired tear gas at them and arrested the leaders. She "
        "told reporters the talks would go on; the union threatened to walk out over pay."
    )
    tried = []
    match = verbs._Zones.match

    def counted(self, pat):
        tried.append(pat)
        return match(self, pat)

    verbs._Zones.match = counted
    try:
        coded = {t.i: verbs._coded(t, onto) for t in doc if t.pos_ in {"VERB", "AUX"}}
    finally:
        verbs._Zones.match = match
    slow = {t.i: _coded_by_trying_every_pattern(t, onto) for t in doc if t.pos_ in {"VERB", "AUX"}}
    assert coded == slow
    assert any(c is not None and c[1] is not None for c in coded.values())  # patterns matched
    every = sum(
        len(onto.patterns.get(b, ())) for t in doc if t.i in coded
        for b in onto.verb_blocks.get(verbs.verb_lemma(t, onto) or "", ())
    )  # fmt: skip
    assert len(tried) < every / 3
