"""Cross-document resolution: short forms in one document join the full name from another."""

from __future__ import annotations

import pytest

from graphkit.assemble.resolve import canonical_keys

from .conftest import triples


def _node_with(kg, alias):
    return [n for n, d in kg.graph.nodes(data=True) if alias in d["aliases"]]


def test_acronym_alone_joins_the_spelled_out_actor_of_another_document(build_text):
    kg = build_text(
        "The Free Syrian Army (FSA) attacked Syria on Monday.",
        "The FSA said it had attacked Syria again.",
    )
    (node,) = _node_with(kg, "FSA")
    assert "Free Syrian Army" in kg.graph.nodes[node]["aliases"]
    assert kg.graph.nodes[node]["documents"] == 2


def test_surname_alone_joins_the_full_name_of_another_document(build_text):
    kg = build_text(
        "President Barack Obama criticised Russia on Monday. Obama spoke in Berlin.",
        "Obama met German Chancellor Angela Merkel.",
    )
    (node,) = _node_with(kg, "Obama")
    assert kg.graph.nodes[node]["documents"] == 2


def test_ambiguous_short_form_stays_apart():
    actors = {
        "bush": ({"Bush"}, {"Person"}),
        "george_w_bush": ({"George W. Bush", "Bush"}, {"Person"}),
        "jeb_bush": ({"Jeb Bush", "Bush"}, {"Person"}),
    }
    assert canonical_keys(actors) == {}


def test_person_and_organisation_are_never_merged():
    actors = {
        "ford": ({"Ford"}, {"Person"}),
        "ford_motor_company": ({"Ford Motor Company", "Ford"}, {"Company"}),
    }
    assert canonical_keys(actors) == {}


def test_generic_and_local_actors_are_never_merged():
    actors = {
        "armed_groups@d1": ({"militants"}, {"ArmedGroup"}),
        "armed_groups@d2": ({"militants", "gunmen"}, {"ArmedGroup"}),
    }
    assert canonical_keys(actors) == {}


def test_initials_without_parentheses_are_the_organisation_they_abbreviate(build_text):
    kg = build_text(
        "Automaker GM cut jobs. The car maker General Motors said it would close plants in Ohio."
    )
    (node,) = _node_with(kg, "GM")
    assert "General Motors" in kg.graph.nodes[node]["aliases"]


def test_initials_of_two_organisations_stay_apart(build_text):
    kg = build_text(
        "General Motors and Global Mining signed a deal. GM said it would close plants in Ohio."
    )
    (node,) = _node_with(kg, "GM")
    assert "General Motors" not in kg.graph.nodes[node]["aliases"]
    assert "Global Mining" not in kg.graph.nodes[node]["aliases"]


def test_a_first_name_alone_is_the_one_person_of_that_first_name(build_text):
    kg = build_text("Frank Rack met the mayor on Monday. Frank said the talks went well.")
    (node,) = _node_with(kg, "Frank")
    assert "Frank Rack" in kg.graph.nodes[node]["aliases"]


def test_a_first_name_shared_by_two_people_stays_apart(build_text):
    kg = build_text("Anna Smith and Anna Berg met on Monday. Anna said the talks went well.")
    nodes = _node_with(kg, "Anna")
    assert nodes
    for node in nodes:
        assert not {"Anna Smith", "Anna Berg"} & set(kg.graph.nodes[node]["aliases"])


def _mention_texts(kg, node, text):
    return [text[m["start"] : m["end"]] for m in kg.graph.nodes[node]["mentions"]]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Michael Brooklyn, a teacher, on Monday. Brooklyn denied the charges. "
        "Brooklyn's lawyer said he would appeal. He lives in Brooklyn.",
        "Anna Sydney, a nurse, joined the strike. Sydney was fired a week later. "
        "The strike spread to Sydney.",
    ],
)
def test_a_city_spelled_like_a_persons_surname_is_the_person_where_it_acts(build_text, text):
    kg = build_text(text)
    surname = text.split(",")[0].split()[-1]
    (node,) = [n for n, d in kg.graph.nodes(data=True) if d.get("type") == "Person"]
    said = _mention_texts(kg, node, text)
    assert said.count(surname) >= 1
    # "in Brooklyn", "to Sydney" stay the city
    assert said.count(surname) == text.count(surname) - 2


def test_former_members_do_not_act_for_their_old_organisation(build_text):
    for text in (
        "Former members of Hamas attacked Israel.",
        "Ex-members of Hamas attacked Israel.",
        "Former Hamas fighters attacked Israel.",
    ):
        assert ("hamas", "fight", "israel") not in triples(build_text(text)), text
    assert ("hamas", "fight", "israel") in triples(build_text("Members of Hamas attacked Israel."))
    # they are a group of their own, local to the document and part of no one
    kg = build_text("Former members of Hamas attacked Israel.")
    assert ("former_members@d0", "fight", "israel") in triples(kg)
    assert kg.graph.nodes["former_members@d0"].get("part_of") is None


def test_a_name_described_as_an_organisation_is_no_person(build_text):
    # NER reads "Force Ouvrière" as a person's name; its apposition says it is a union
    kg = build_text(
        '"The response has been massive," said Julien Talavan, a spokesman for Force Ouvrière, '
        "the main Airbus union in France."
    )
    (node,) = _node_with(kg, "Force Ouvrière")
    assert kg.graph.nodes[node]["type"] == "Organization"
    assert ("julien_talavan", "member_of", node) in triples(kg)


def test_a_surname_the_tagger_reads_as_a_plural_is_still_a_person(build_text):
    # "Dicks" is tagged NNPS; "Bosnian Serbs" is a people, "Norm Dicks" a person
    kg = build_text('Washington representative Norm Dicks said he too was "shocked".')
    (node,) = _node_with(kg, "Norm Dicks")
    assert kg.graph.nodes[node]["type"] == "Person"


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # the tagger reads the surname as a verb, then as a plural noun
        (
            "Mark Rathbun left the church in 2004. Rathbun requested donations on his blog.",
            "Rathbun",
        ),
        ("Kristen Wilkins curated the show. Wilkins observed that the start was slow.", "Wilkins"),
    ],
)
def test_a_surname_the_tagger_reads_as_another_word_is_the_person_where_a_name_stands(
    build_text, text, surname
):
    kg = build_text(text)
    (node,) = _node_with(kg, surname)
    said = [m["text"] for m in kg.graph.nodes[node]["mentions"]]
    assert said.count(surname) == 1, said


def test_a_word_spelled_like_a_surname_is_no_person_where_no_name_stands(build_text):
    kg = build_text("Will Smith arrived in Paris. Will the film open in May?")
    said = [m["text"] for m in kg.graph.nodes["will_smith"]["mentions"]]
    assert said == ["Will Smith"]


def test_a_quote_mark_cut_off_as_a_sentence_does_not_push_the_antecedent_away(build_text):
    # the parser makes the closing quote mark a sentence of its own; "the firm" is still GM,
    # two sentences back as a reader counts them
    kg = build_text(
        "General Motors said it would cut 10,000 jobs at Opel.\n"
        "The premier remarked that \"General Motors' behaviour shows the ugly face of capitalism.\n"
        'That is completely unacceptable."\n'
        "The UK government, however, welcomed the firm's decision.\n"
    )
    assert ("united_kingdom/government", "support", "general_motors") in triples(kg)


def test_the_holder_of_a_title_is_not_its_organisation(build_text):
    # the parser hangs "Tony Woodley" on "Unite": the owner of the title is the union
    kg = build_text(
        '"It is the best decision," said the general secretary of the British union Unite, '
        "Tony Woodley."
    )
    assert ("tony_woodley", "leader_of", "unite") in triples(kg)


def test_the_government_far_back_is_the_one_government_named(build_text):
    # four sentences on, "the government" is still the only government the article named
    kg = build_text(
        "Chrysler has asked the US government for an additional $5 billion in aid.\n"
        "It plans to fire three thousand employees.\n"
        "Its sales fell by half last year.\n"
        "The Aspen and Durango models will be dropped.\n"
        "General Motors announced that it seeks $16.6 billion in loans from the government.\n"
    )
    assert ("general_motors", "demand", "united_states/government") in triples(kg)


def test_a_portfolio_after_a_title_is_no_organisation(build_text):
    # the NER tags "Defense" an ORG; it is part of the title
    kg = build_text(
        "Senator Sam Brownback would call upon the Secretary of Defense for a debriefing."
    )
    assert not _node_with(kg, "Defense")
    assert ("sam_brownback", "demand", "secretary_of_defense@d0") in triples(kg)


def test_a_parent_company_and_its_name_after_a_comma_without_a_second_comma(build_text):
    kg = build_text(
        "Airbus has announced 10,000 job cuts.\n"
        "The news comes as its parent company, EADS starts a major restructuring programme.\n"
    )
    assert ("airbus", "part_of", "eads") in triples(kg)


def test_a_capitalised_common_noun_stays_in_a_generic_speakers_name(build_text):
    # the tagger reads "Union" as a proper noun; it is no name and stays in the label
    kg = build_text(
        "Airbus has announced 10,000 job cuts; the unions were displeased.\n"
        "Union officials said nearly 14,000 employees had a two hour work stoppage on Wednesday "
        "to protest the cuts.\n"
    )
    labels = {d["label"] for n, d in kg.graph.nodes(data=True) if n.startswith("officials@")}
    assert labels == {"Union officials"}


def test_a_spokesman_for_a_title_office_is_its_member(build_text):
    kg = build_text(
        "Steve Whitmore, a representative for the LA Sheriff's office, told reporters the case "
        "was closed."
    )
    assert ("steve_whitmore", "member_of", "la_sheriffs_office") in triples(kg)
    # a person's office is the person's
    kg = build_text("Barack Obama's office said the talks would go on.")
    assert not [n for n in kg.graph if "office" in n]


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Ahmed Rashid of Human Rights Watch said the army had killed ten people.",
         ("ahmed_rashid", "member_of", "human_rights_watch")),
        ("Troy Patterson of Slate Magazine tasted the new cocktail.",
         ("troy_patterson", "member_of", "slate_magazine")),
    ],
)  # fmt: skip
def test_a_person_of_an_organisation_is_its_member(build_text, text, edge):
    kg = build_text(text)
    assert edge in triples(kg)
    # NER ran the name into its "of"; the speaker is the person, not "Ahmed Rashid of"
    assert not [n for n in kg.graph if n.endswith("_of")]


@pytest.mark.parametrize(
    "text",
    ["John Kerry of the United States met Sergei Lavrov in Geneva.",
     "John Smith of Houston said the storm had passed."],
)  # fmt: skip
def test_a_person_of_a_state_or_a_place_is_no_member(build_text, text):
    assert not [t for t in triples(build_text(text)) if t[1] == "member_of"]


def test_the_north_of_a_country_stays_a_direction(build_text):
    text = "North Korea shelled South Korea on Thursday. Rebels attacked the north of the country."
    kg = build_text(text)
    assert "north" not in [t.lower() for t in _mention_texts(kg, "north_korea", text)]
    text = "North Korea shelled South Korea on Thursday. The South fired back."
    assert "South" in _mention_texts(build_text(text), "south_korea", text)


def test_every_mention_of_a_scoped_generic_actor_is_recorded(build_text):
    # "the Indian government" acts once; its other mention is still its node's
    text = (
        "The Indian government criticised Pakistan on Monday.\n"
        "Is the Indian government well prepared for the storm?"
    )
    kg = build_text(text)
    assert _mention_texts(kg, "india/government", text).count("Indian government") == 2
    # a generic actor that never acts is no node
    assert not [n for n in build_text("Are Indian officials often late?").graph if "/" in n]


def test_other_spellings_of_a_named_actor_join_it(build_text):
    # a headline's "Scientology" is a noun to the tagger; "by Montalvo" a place to the NER
    text = (
        "Scientology defector arrested\n\n"
        "Daniel Montalvo, a defector from Scientology, was arrested on Thursday. Rathbun has "
        "been critical of Scientology for years. The property was returned by Montalvo shortly "
        "after he left.\n"
    )
    kg = build_text(text)
    assert _mention_texts(kg, "scientology", text).count("Scientology") == 3
    assert _mention_texts(kg, "daniel_montalvo", text).count("Montalvo") == 1
    assert "montalvo" not in kg.graph


def test_one_word_is_the_short_form_of_its_name_and_a_kind_of_organisation(build_text):
    text = (
        "Montalvo had read an article in the propaganda publication Freedom Magazine, which "
        "attacked high-ranking defectors. He came to the conclusion that the claims made about "
        "him in the Freedom article were lies."
    )
    kg = build_text(text)
    assert "Freedom" in _mention_texts(kg, "freedom_magazine", text)
    assert "freedom" not in kg.graph


def test_a_description_with_nothing_to_refer_to_is_a_candidate_itself(build_text):
    # "the army" refers back to no one; "it" is the army
    kg = build_text("The army said it killed 20 militants in a raid in Waziristan.")
    assert ("forces@d0", "assault", "armed_groups@d0") in triples(kg)
    # one that refers back is its antecedent for the pronouns after it
    kg = build_text(
        "The Pakistani army shelled Taliban positions. The army said it killed 20 militants."
    )
    assert ("pakistan/forces", "assault", "armed_groups@d0") in triples(kg)


@pytest.mark.parametrize(
    ("first", "second", "name"),
    [
        ("General Motors Corporation cut jobs.", "General Motors said so.", "General Motors"),
        ("EADS N.V. reported a loss on Monday.", "EADS said it would appeal.", "EADS"),
        ("Ford Motor Company cut jobs in Ohio.", "Ford said its sales fell.", "Ford"),
        ("Talks with Chrysler Group LLC ended.", "Chrysler said it would close.", "Chrysler"),
    ],
)
def test_a_company_with_and_without_its_legal_form_is_one_node(build_text, first, second, name):
    kg = build_text(first, second)
    (node,) = _node_with(kg, name)
    assert kg.graph.nodes[node]["documents"] == 2


def test_a_company_name_with_more_than_kind_words_stays_apart(build_text):
    # "Computer" is no word for a kind of organisation: the text must say they are one
    kg = build_text("Northrop Grumman won the contract.", "Northrop said it would appeal.")
    assert _node_with(kg, "Northrop") != _node_with(kg, "Northrop Grumman")


def test_a_one_word_name_two_companies_begin_with_stays_apart():
    from graphkit import load_ontology
    from graphkit.assemble.resolve import company_keys

    actors = {
        "chrysler": ({"Chrysler"}, {"Organization"}),
        "chrysler_group": ({"Chrysler Group"}, {"Organization"}),
        "chrysler_financial": ({"Chrysler Financial Services"}, {"Company"}),
        "chrysler_llc": ({"Chrysler LLC"}, {"Company"}),
    }
    # "Chrysler LLC" is Chrysler; "Chrysler" alone could be either of the two others
    assert company_keys(actors, load_ontology(), frozenset()) == {"chrysler_llc": "chrysler"}


def test_legal_form_cut_off_by_the_ner_stays_with_its_company(build_text):
    kg = build_text("Fiat signed a deal with Chrysler Group LLC on Thursday.")
    assert not _node_with(kg, "LLC")
    assert _node_with(kg, "Chrysler Group LLC")


@pytest.mark.parametrize(
    "form", ["US Federal Reserve", "U.S. Federal Reserve", "United States Federal Reserve"]
)
def test_a_state_named_first_in_an_organisation_is_spelled_one_way(build_text, form):
    kg = build_text(f"The {form} cut interest rates on Tuesday.")
    assert "united_states_federal_reserve" in kg.graph


def test_a_plural_kind_word_is_its_singular_across_documents(build_text):
    kg = build_text(
        "Ford Motor Company cut 2,000 jobs in Ohio on Monday.",
        "Ford Motors Co. reported a profit. The firm said sales rose.",
    )
    (node,) = _node_with(kg, "Ford Motor Company")
    assert node in _node_with(kg, "Ford Motors Co.")
    assert kg.graph.nodes[node]["documents"] == 2


def test_the_first_word_of_a_company_named_before_is_that_company(build_text):
    kg = build_text(
        "DaimlerChrysler agreed to sell the unit to Cerberus Capital Management for $7.4 "
        "billion. Cerberus has agreed to take on $18 billion of pension liabilities."
    )
    assert _node_with(kg, "Cerberus") == _node_with(kg, "Cerberus Capital Management")


def test_a_first_word_written_before_the_longer_name_is_a_name_of_its_own(build_text):
    kg = build_text(
        "Ford said it would cut jobs. Ford Australia said its plant in Geelong would stay open."
    )
    assert _node_with(kg, "Ford") != _node_with(kg, "Ford Australia")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The U.S. Department of Labor said jobless claims rose.",
            "The US Labor Department said so.",
        ),
        ("The Ministry of Defence denied the report.", "The Defence Ministry said it would reply."),
    ],
)
def test_a_government_body_with_its_kind_word_first_or_last_is_one_node(build_text, first, second):
    kg = build_text(first, second)
    nodes = {n for n, d in kg.graph.nodes(data=True) if d["type"] == "Government"}
    assert len(nodes) == 1, nodes
    assert kg.graph.nodes[next(iter(nodes))]["documents"] == 2


def test_the_first_word_of_a_gazetteer_company_named_before_is_that_company(build_text):
    kg = build_text(
        "The Air Force gave the contract to Lockheed Martin on Friday. Lockheed said it "
        "would build the tankers in Georgia."
    )
    (node,) = _node_with(kg, "Lockheed Martin")
    assert _node_with(kg, "Lockheed") == [node]


def test_the_name_a_kind_word_governs_is_that_organisation_after_it(build_text):
    kg = build_text(
        "Hackers attacked the websites of the Church of Scientology on Monday. A spokesman "
        "for Scientology said the attacks had stopped."
    )
    (node,) = _node_with(kg, "Church of Scientology")
    assert _node_with(kg, "Scientology") == [node]


def test_a_noun_a_naming_participle_names_is_that_organisation(build_text):
    # the participle parsed as the defector's verb: the name is still the group's
    kg = build_text(
        "Reports revealed that a defector from the elite group within Scientology called the "
        "Sea Org was persuaded to travel back. He was arrested after leaving the Sea Org."
    )
    graph = kg.graph
    assert "sea_org" in graph, sorted(graph.nodes)
    texts = {m["text"] for m in graph.nodes["sea_org"]["mentions"]}
    assert "Sea Org" in texts and any("group" in t for t in texts), texts
    assert not any(n.startswith("armed_groups") for n in graph), sorted(graph.nodes)
