"""Who the parties of an act are (issue 33): those named after "with" are the counterparts of
the one who acts, and a light verb with an event noun names no act of its own. The sentences
are the tests' own.
"""

from __future__ import annotations

import pytest

from .conftest import triples

# "with A and B" after an event noun: each is the counterpart of the party that acts (named
# or not), never of the other
COUNTERPARTS = [
    ("Our deals with Albania and France are already paying off.", [], ["albania", "france"]),
    ("Talks with Chile and Peru resumed on Monday.", [], ["chile", "peru"]),
    ("Norway's talks with Chile and Peru resumed on Monday.",
     [("norway", "consult", "chile"), ("norway", "consult", "peru")], ["chile", "peru"]),
    ("Norway held talks with Chile and Peru in Oslo.",
     [("norway", "consult", "chile"), ("norway", "consult", "peru")], ["chile", "peru"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kept", "apart"), COUNTERPARTS, ids=[c[0] for c in COUNTERPARTS])
def test_those_named_after_with_are_counterparts_not_each_others(build_text, text, kept, apart):
    found = triples(build_text(text))
    for edge in kept:
        assert edge in found, sorted(found)
    a, b = apart
    assert not {(a, b), (b, a)} & {(u, v) for u, _, v in found}, sorted(found)


@pytest.mark.parametrize(
    "text", ["Talks between Chile and Peru resumed.", "Chile and Peru held talks in Lima."]
)
def test_parties_named_together_act_on_each_other(build_text, text):
    found = triples(build_text(text))
    assert ("chile", "consult", "peru") in found or ("peru", "consult", "chile") in found


DEALS = [
    "Norway struck a deal with Chile on Monday.",
    "Norway sealed a deal with Chile.",
    "Norway inked an agreement with Chile.",
    "Norway clinched a deal with Chile last week.",
]


@pytest.mark.parametrize("text", DEALS)
def test_a_light_verb_with_an_event_noun_is_no_act_of_its_own(build_text, text):
    found = triples(build_text(text))
    assert ("norway", "agree", "chile") in found, sorted(found)
    assert not [t for t in found if t[1] == "fight"], sorted(found)


def test_a_strike_on_an_actor_stays_a_strike(build_text):
    assert ("norway", "fight", "chile") in triples(build_text("Norway struck Chile at dawn."))


# --- a body a person leads (issue 34: standing relations stated in passing)
LED = [
    ("President Nicolas Maduro spoke on Monday. The Maduro government expelled two diplomats.",
     "nicolas_maduro", "Government"),
    ("Two generals defected from the government of President Nicolas Maduro.",
     "nicolas_maduro", "Government"),
    ("Forces supporting President Abdu Hadi's government retook the port.", "abdu_hadi",
     "Government"),
    ("Police detained Javed Hashmi of the party of former Prime Minister Nawaz Sharif.",
     "nawaz_sharif", "PoliticalGroup"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "leader", "cls"), LED, ids=[t for t, *_ in LED])
def test_a_body_named_by_its_leader_is_its_own_node_led_by_the_person(
    build_text, text, leader, cls
):
    kg = build_text(text)
    led = [
        v for u, v, d in kg.graph.edges(data=True) if u == leader and d["category"] == "leader_of"
    ]
    assert led, sorted(triples(kg))
    assert all(kg.graph.nodes[v]["type"] == cls for v in led)
    assert leader in kg.graph  # the person stays a node of their own


def test_the_acts_of_a_leaders_administration_are_the_administrations(build_text):
    kg = build_text("Joe Biden spoke on Monday. The Biden administration sanctioned Iran.")
    found = triples(kg)
    assert ("joe_biden/government", "sanction", "iran") in found, sorted(found)
    assert ("joe_biden", "sanction", "iran") not in found
    assert ("joe_biden", "leader_of", "joe_biden/government") in found


NOT_LED = [
    # a pronoun's party: she may be only a member
    "Home Secretary Yvette Cooper said her party backed the plan.",
    # the party's own name before "party"
    "Mark Rutte spoke. The Rutte party won the vote.",
    # an administration that is not, and may never be
    "Who would serve in a Hill administration?",
]


@pytest.mark.parametrize("text", NOT_LED)
def test_no_leader_where_the_text_names_none(build_text, text):
    found = triples(build_text(text))
    assert not [t for t in found if t[1] == "leader_of"], sorted(found)


def test_a_conjunct_of_a_leaders_body_is_not_led_by_the_leader(build_text):
    text = (
        "Fighting between forces of President Abdu Hadi's government and the Houthi rebels went on."
    )
    found = triples(build_text(text))
    assert ("abdu_hadi", "leader_of", "houthis") not in found, sorted(found)


@pytest.mark.parametrize(
    "text",
    ["Police in Pakistan are arresting opposition leaders.", "Police detained union leaders."],
)
def test_the_leaders_of_a_kind_of_group_are_a_group(build_text, text):
    kg = build_text(text)
    assert [d for _, _, d in kg.graph.edges(data=True) if d["category"] == "coerce"], sorted(
        triples(kg)
    )


def test_an_opposition_leader_named_is_the_person(build_text):
    kg = build_text("Opposition leader Imran Khan criticized the army.")
    assert ("imran_khan", "disapprove") in {
        (u, d["category"]) for u, _, d in kg.graph.edges(data=True)
    }


def test_a_leaders_body_follows_the_leader_across_documents():
    import graphkit

    docs = [
        graphkit.document_from_text(
            "a", "President Joe Biden met Chancellor Olaf Scholz. Biden praised him."
        ),
        graphkit.document_from_text("b", "Biden spoke. The Biden administration sanctioned Iran."),
    ]
    kg = graphkit.build(docs)
    assert "biden/government" not in kg.graph
    assert kg.graph.has_edge("joe_biden/government", "iran"), sorted(kg.graph.edges())


@pytest.mark.parametrize(
    "text",
    [
        "President Salva Kiir spoke. Kiir's forces attacked the rebels.",
        "President Salva Kiir spoke. Forces of President Salva Kiir attacked the rebels.",
    ],
)
def test_a_leaders_forces_act_not_the_leader(build_text, text):
    kg = build_text(text)
    found = triples(kg)
    assert not [t for t in found if t[0] == "salva_kiir" and t[1] == "fight"], sorted(found)
    fought = [u for u, v, d in kg.graph.edges(data=True) if d["category"] == "fight"]
    assert fought and all(kg.graph.nodes[u]["type"] == "MilitaryForce" for u in fought)
    # forces are commanded, not led: no leader_of edge is read from the phrase
    assert not [t for t in found if t[1] == "leader_of"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Government troops attacked the rebels near the border.", "fight"),
        ("The rebels said government forces had shelled their camp.", "fight"),
        ("JEM rebels aided government troops.", "aid"),
    ],
)
def test_government_forces_of_no_named_state_are_the_storys(build_text, text, category):
    kg = build_text(text)
    ends = [(u, v) for u, v, d in kg.graph.edges(data=True) if d["category"] == category]
    labels = {kg.graph.nodes[n]["label"].lower() for e in ends for n in e}
    assert {"government troops", "government forces"} & labels, sorted(triples(kg))


def test_a_named_states_government_forces_stay_that_states(build_text):
    found = triples(build_text("Syrian government forces attacked the rebels."))
    assert any(u == "syria/forces" and c == "fight" for u, c, _ in found), sorted(found)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Baku's forces attacked Armenian positions.", "azerbaijan/forces"),
        ("Kabul's police arrested two men.", "afghanistan/police"),
    ],
)
def test_a_citys_forces_are_its_states(build_text, text, unit):
    kg = build_text(text)
    assert unit in kg.graph and kg.graph.out_degree(unit) > 0, sorted(triples(kg))


@pytest.mark.parametrize(
    "text",
    [
        "Norway dismissed Chile's accusations.",
        "Norway denied Chile's claim that it had sent troops.",
        "Norway refuted claims by Chile.",
    ],
)
def test_denying_a_claim_rejects_its_author(build_text, text):
    assert ("norway", "reject", "chile") in triples(build_text(text))


def test_denying_an_act_keeps_the_act_denied(build_text):
    kg = build_text("Norway denied that it had attacked Chile.")
    found = [
        d["modality"] for u, v, d in kg.graph.edges(data=True) if (u, v) == ("norway", "chile")
    ]
    assert found == ["denied"], sorted(triples(kg))


@pytest.mark.parametrize(
    "text",
    [
        "Hackers attacked NATO's website.",
        "Russian hackers attacked the networks of Norway.",
    ],
)
def test_an_attack_on_a_website_or_network_is_a_cyber_attack_not_fighting(build_text, text):
    found = triples(build_text(text))
    assert [t for t in found if t[1] == "coerce"], sorted(found)
    assert not [t for t in found if t[1] == "fight"], sorted(found)


def test_an_attack_on_an_actors_sites_stays_fighting(build_text):
    found = triples(build_text("Israeli jets attacked Hamas sites in Gaza."))
    assert any(c == "fight" and v == "hamas" for _, c, v in found), sorted(found)


@pytest.mark.parametrize(
    ("text", "group", "category"),
    [
        ("Arab states condemned Norway.", "arab/states", "disapprove"),
        ("The Baltic states criticized Russia.", "baltic/states", "disapprove"),
        ("Norway, supported by other Gulf states, bombed the rebels.", "gulf/states", "support"),
    ],
)
def test_a_group_of_states_named_by_a_people_or_region_is_an_actor(
    build_text, text, group, category
):
    kg = build_text(text)
    assert kg.graph.nodes[group]["type"] == "State"
    assert category in {d["category"] for _, _, d in kg.graph.out_edges(group, data=True)}


def test_a_word_of_a_states_name_is_no_group_of_states(build_text):
    kg = build_text("United States President Barack Obama praised Norway.")
    assert not [n for n in kg.graph if n.endswith("/states")], sorted(kg.graph)


def test_security_forces_stand_alone_as_an_actor(build_text):
    found = triples(build_text("Security forces detained two journalists in the capital."))
    assert any(c == "coerce" for _, c, _ in found), sorted(found)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Police surrounded the parliament of Norway on Monday.", "coerce"),
        ("Security forces surrounded the Supreme Court on Saturday.", "coerce"),
        ("Rebels surrounded government troops near the town.", "fight"),
    ],
)
def test_surrounding_a_building_is_coercion_surrounding_forces_is_fighting(
    build_text, text, category
):
    found = triples(build_text(text))
    cats = {c for _, c, _ in found if c in {"coerce", "fight"}}
    assert cats == {category}, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "The arrests came amid continuing protests against President Ivan Petrov.",
        "Protests against President Ivan Petrov spread to five cities.",
    ],
)
def test_protests_against_someone_are_protesters_protesting_them(build_text, text):
    kg = build_text(text)
    g = kg.graph
    edges = [
        (u, d["category"]) for u, v, d in g.edges(data=True) if g.nodes[v]["label"] == "Ivan Petrov"
    ]
    assert edges and all(c == "protest" for _, c in edges), sorted(triples(kg))
    assert all(g.nodes[u]["label"].lower() == "protesters" for u, _ in edges)


def test_protests_a_group_staged_are_that_groups_alone(build_text):
    kg = build_text("Opposition supporters staged protests against President Ivan Petrov.")
    g = kg.graph
    sources = {u for u, v in g.edges() if g.nodes[v]["label"] == "Ivan Petrov"}
    assert len(sources) == 1 and "protesters" not in next(iter(sources)), sources


def test_performers_must_be_a_generic_head(tmp_path):
    import shutil

    from graphkit.errors import OntologyError
    from graphkit.ontology import load_ontology
    from graphkit.ontology.files import builtin_dir

    text = (builtin_dir() / "categories.tsv").read_text(encoding="utf-8")
    bad = text.replace("\tprotesters\t", "\tnobody_at_all\t")
    assert bad != text
    (tmp_path / "categories.tsv").write_text(bad, encoding="utf-8")
    with pytest.raises(OntologyError, match="performers"):
        load_ontology([str(tmp_path)])
    shutil.rmtree(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "Keir Starmer heads the Labour Party.",
        "Keir Starmer, who chairs the Labour Party, spoke on Monday.",
    ],
)
def test_heading_an_organisation_is_leading_it(build_text, text):
    assert ("keir_starmer", "leader_of", "labour_party") in triples(build_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Norwegian foreign minister headed to Chile for talks.",
        "Norway's prime minister headed the delegation to Chile.",
    ],
)
def test_heading_somewhere_or_a_delegation_leads_no_actor(build_text, text):
    found = triples(build_text(text))
    assert not [t for t in found if t[1] == "leader_of" and t[2] in {"chile", "norway"}], found


def test_former_soldiers_are_no_unit_of_their_state(build_text):
    kg = build_text("Former Norwegian soldiers attacked the police station.")
    assert "norway/forces" not in kg.graph, sorted(kg.graph)
    assert any(d["category"] == "fight" for _, _, d in kg.graph.edges(data=True))
