"""Who an edge's ends are (issue 33): a body named after its parent is not the parent, a
state's own society is not the international body whose name it takes, a quoted "he" is not
the one quoting, a topic of talks is no party to them, and a word the parser left out of its
phrase is not the subject of the sentence. The sentences are the tests' own.
"""

from __future__ import annotations

import pytest

from .conftest import triples


def _labels(kg) -> dict[str, str]:
    return {k: d["label"] for k, d in kg.graph.nodes(data=True)}


def _label_triples(kg) -> set[tuple[str, str, str]]:
    lab = _labels(kg)
    return {(lab[u], c, lab[v]) for u, c, v in triples(kg) if v is not None}


# --- a longer name that goes on with a body of its own is not its parent's short form

BODIES = [
    ("Harvard University said it would appeal. The Harvard University Student Union "
     "condemned the ruling.", "Harvard University", "Harvard University Student Union"),
    ("Jafari studies at the University of Texas Arlington. University of Texas Arlington Muslim "
     "Student Association president Sehar Memon spoke.", "University of Texas Arlington",
     "University of Texas Arlington Muslim Student Association"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "parent", "body"), BODIES, ids=[b[2] for b in BODIES])
def test_a_body_named_after_its_parent_is_a_node_of_its_own(build_text, text, parent, body):
    labels = set(_labels(build_text(text)).values())
    assert {parent, body} <= labels, sorted(labels)


def test_the_leader_of_a_body_named_after_its_parent_leads_the_body(build_text):
    text = BODIES[1][0]
    found = _label_triples(build_text(text))
    assert ("Sehar Memon", "leader_of", BODIES[1][2]) in found, sorted(found)
    assert ("Sehar Memon", "leader_of", BODIES[1][1]) not in found, sorted(found)


def test_a_short_form_still_names_its_organisation(build_text):
    kg = build_text("The Comic Corps of Canada attacked Ford. The Comic Corps denied it.")
    orgs = [d["label"] for _, d in kg.graph.nodes(data=True) if d["label"].startswith("Comic")]
    assert len(orgs) == 1, orgs


# --- a state's own society that takes an international organisation's name

NATIONAL = [
    ("The British Red Cross criticised the government.", "British Red Cross"),
    ("The Kenya Red Cross helped the flood victims.", "Kenya Red Cross"),
    ("Volunteers of the American Red Cross aided the victims.", "American Red Cross"),
]


@pytest.mark.parametrize(("text", "label"), NATIONAL, ids=[n[1] for n in NATIONAL])
def test_a_national_society_is_not_the_international_body(build_text, text, label):
    kg = build_text(text)
    assert "icrc" not in kg.graph, sorted(_labels(kg).values())
    assert label in _labels(kg).values(), sorted(_labels(kg).values())


def test_the_international_body_keeps_its_name(build_text):
    assert "icrc" in build_text("The Red Cross aided the flood victims.").graph


def test_a_state_post_at_an_international_body_makes_no_national_body(build_text):
    labels = set(_labels(build_text("The Iraqi UN ambassador criticised Iran.")).values())
    assert not [x for x in labels if x.startswith("Iraqi")], sorted(labels)


# --- a preposition the parser left without its object


def test_the_object_of_an_empty_preposition_is_not_a_second_subject(build_text):
    kg = build_text(
        "A scheme backed by the British Red Cross for 3,000 Afghan refugees was rejected "
        "by Prime Minister Boris Johnson."
    )
    found = _label_triples(kg)
    assert not [t for t in found if t[2] == "Afghan refugees"], sorted(found)
    assert ("Boris Johnson", "reject", "British Red Cross") in found, sorted(found)


def test_a_passive_subject_with_a_full_preposition_is_still_acted_on(build_text):
    found = _label_triples(build_text("A camp for refugees was attacked by the militia."))
    assert ("militia", "assault", "refugees") in found, sorted(found)


# --- what is talked about is no party to the talks

TOPICS = [
    ("President Barack Obama discussed Iran with Prime Minister Benjamin Netanyahu.",
     "Benjamin Netanyahu", "Iran"),
    ("The court heard the case. Chancellor Angela Merkel discussed it with President "
     "Emmanuel Macron.", "Emmanuel Macron", "court"),
    ("The senators debated Iran with Prime Minister Benjamin Netanyahu.",
     None, "Iran"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "party", "topic"), TOPICS, ids=[t[0][:40] for t in TOPICS])
def test_a_topic_of_talks_is_no_party_to_them(build_text, text, party, topic):
    found = _label_triples(build_text(text))
    assert not [t for t in found if t[2] == topic], sorted(found)
    if party is not None:
        assert any(t[1] == "consult" and t[2] == party for t in found), sorted(found)


# --- a quoted "he" is someone other than the one quoting


QUOTED = [
    'Mark Rathbun wrote, "Kendrick Moxon kept lying to Daniel, unless of course he returned and '
    'cooperated with Moxon."',
    'Senator Mark Rathbun said, "The minister misled the court, and then he met with Kendrick '
    'Moxon."',
]


@pytest.mark.parametrize("text", QUOTED)
def test_a_pronoun_in_a_quote_is_not_its_speaker(build_text, text):
    found = _label_triples(build_text(text))
    assert not [t for t in found if t[0] == "Mark Rathbun"], sorted(found)


def test_a_pronoun_in_reported_speech_may_be_its_speaker(build_text):
    found = _label_triples(build_text("Mark Rathbun wrote that he cooperated with Kendrick Moxon."))
    assert ("Mark Rathbun", "cooperate", "Kendrick Moxon") in found, sorted(found)


# --- a place one calls home


@pytest.mark.parametrize(
    "text",
    ["The refugees now call Berlin home.", "The museum will soon call the Air Force base home."],
)
def test_calling_a_place_home_is_no_appeal(build_text, text):
    assert not [t for t in triples(build_text(text)) if t[1] == "demand"]


def test_calling_on_an_actor_stays_an_appeal(build_text):
    found = triples(build_text("The United Nations called on Israel to stop the strikes."))
    assert any(c == "demand" and v == "israel" for _, c, v in found), sorted(found)


# --- who does the act an -ing clause names


def test_a_clause_after_a_subordinator_is_not_the_objects_act(build_text):
    kg = build_text(
        "Sunak defended the government's record whilst promising a formal update from Braverman."
    )
    found = _label_triples(kg)
    assert not [t for t in found if t[0] == "government"], sorted(found)


def test_a_charge_names_the_one_charged_as_the_doer(build_text):
    found = _label_triples(build_text("The minister blamed Iran for arming the Houthis."))
    assert ("Iran", "aid", "Houthis") in found, sorted(found)


# --- a given name of two hyphened syllables


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police arrested Wong Yeung-tat on Monday.", "Wong Yeung-tat"),
        (
            "Labour's Fernando Cheung Chiu-hung and Civic Passion's Wong Yeung-tat lost their "
            "seats.",
            "Wong Yeung-tat",
        ),
    ],
)
def test_a_hyphened_given_name_is_one_name(build_text, text, name):
    labels = set(_labels(build_text(text)).values())
    assert name in labels, sorted(labels)


# --- "X, who had told Y he would ...": he is X


def test_a_pronoun_under_a_relative_clause_is_its_antecedent(build_text):
    kg = build_text(
        "Daniel Smith traveled to Florida to meet with Tom Jones, who had told Smith he would "
        "help him find a job."
    )
    found = _label_triples(kg)
    assert ("Tom Jones", "agree", "Daniel Smith") in found, sorted(found)
    assert ("Daniel Smith", "agree", "Tom Jones") not in found, sorted(found)


# --- a post held in an organisation, named after the title (issue 34)

POSTS = [
    ("Anna Berg, a researcher at the Nordic Peace Institute, said the talks had stalled.",
     ("Anna Berg", "member_of", "Nordic Peace Institute")),
    ("Peter Olsen, chief market economist at Fjord Capital, said stocks would fall.",
     ("Peter Olsen", "member_of", "Fjord Capital")),
    ("Mary Jones, a professor of politics at Harvard University, criticised the plan.",
     ("Mary Jones", "member_of", "Harvard University")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "edge"), POSTS, ids=[p[1][2] for p in POSTS])
def test_a_post_at_an_organisation_is_membership(build_text, text, edge):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Emeritus Professor John Burrows said the flag was old.",
        "Ahmed Ali, the Egyptian ambassador at the United Nations, spoke on Monday.",
    ],
)
def test_an_honorific_or_a_states_envoy_is_no_membership_of_what_is_named(build_text, text):
    found = _label_triples(build_text(text))
    assert not [t for t in found if t[1] == "member_of" and t[2] in {"Emeritus", "United Nations"}]


def test_an_honorific_is_no_post_that_makes_a_trip_a_visit(build_text):
    found = _label_triples(build_text("Professor Jane Hill travelled to Kenya last year."))
    assert not [t for t in found if t[1] == "consult"], sorted(found)
    found = _label_triples(build_text("Senator Jane Hill travelled to Kenya last year."))
    assert ("Jane Hill", "consult", "Kenya") in found, sorted(found)


# --- "accused X of attacks on Y": the accused did the act, as the accuser claims (issue 34)

CHARGED_NOUNS = [
    ("Kenya blamed Somalia for the attacks on Kenyan police.", "somalia", "kenya"),
    ("Armenia accused Azerbaijan of attacks on civilians.", "azerbaijan", "armenia"),
]


@pytest.mark.parametrize(
    ("text", "doer", "accuser"), CHARGED_NOUNS, ids=[c[1] for c in CHARGED_NOUNS]
)
def test_the_accused_does_the_act_an_event_noun_names(build_text, text, doer, accuser):
    found = triples(build_text(text), with_speaker=True)
    acts = [t for t in found if t[0] == doer and t[1] in {"fight", "assault"}]
    assert acts, sorted(found)
    assert all(t[3] == accuser for t in acts), sorted(found)  # the accuser's claim


# --- links an actor has to another (issue 34)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("The militia has close links with Iran.", ("militia", "aligned_with", "Iran")),
        ("The group, which has links to al-Qaeda, attacked the base.",
         ("group", "aligned_with", "al-Qaeda")),
    ],
)  # fmt: skip
def test_links_an_actor_has_make_it_aligned(build_text, text, edge):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "The militia has no links with Iran.",
        "Sudan denied having links with the rebels.",
        "The militia does not have links with Iran.",
    ],
)
def test_links_denied_are_none(build_text, text):
    found = _label_triples(build_text(text))
    assert not [t for t in found if t[1] == "aligned_with"], sorted(found)


def test_a_rebel_leader_is_no_part_of_the_states_government(build_text):
    kg = build_text("The Chadian rebel leader criticised Sudanese troops.")
    types = {d["label"]: d["type"] for _, d in kg.graph.nodes(data=True)}
    assert types.get("Chadian rebel leader") == "ArmedGroup", types
    found = _label_triples(kg)
    assert ("Chadian rebel leader", "part_of", "Chad") not in found, sorted(found)


# --- "with X's support": X backs the one who acts (issue 34)

BACKED = [
    ("Government forces retook the town with Russian air support.",
     ("Russia", "support", "Government forces")),
    ("The rebels were driven out by Nigerien troops with French military support.",
     ("France", "support", "Nigerien troops")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "edge"), BACKED, ids=[b[1][2] for b in BACKED])
def test_a_backer_named_after_with_supports_the_one_who_acts(build_text, text, edge):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)


@pytest.mark.parametrize(
    "text", ["Israel attacked Hamas with tanks.", "The deal was signed with American support."]
)
def test_no_backer_no_support(build_text, text):
    found = _label_triples(build_text(text))
    assert not [t for t in found if t[1] == "support"], sorted(found)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("The Lebanese government faces threats from Hezbollah.",
         ("Hezbollah", "threaten", "Lebanese government")),
        ("Israel suffered attacks from Hamas.", ("Hamas", "fight", "Israel")),
    ],
)  # fmt: skip
def test_what_an_actor_faces_or_suffers_from_another_is_the_others_act(build_text, text, edge):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)


# --- a cleft: "it is X that ..." (issue 34)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Officials say it is Sudan that is backing the rebels.", ("Sudan", "support", "rebels")),
        ("It was Russia that invaded Ukraine in 2022.", ("Russia", "fight", "Ukraine")),
    ],
)
def test_the_focus_of_a_cleft_is_who_acts(build_text, text, edge):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Russia has helped Maduro survive mass demonstrations.",
         ("Russia", "aid", "Maduro")),
        ("Iran helped the Houthis seize the capital.", ("Iran", "aid", "Houthis")),
    ],
)  # fmt: skip
def test_helping_someone_do_something_is_aiding_them(build_text, text, edge):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)


def test_a_pair_row_is_read_with_an_adjective_before_the_head(build_text):
    """ "separatist forces" with "separatist" tagged an adjective is the pair row's group,
    not a state's forces: Russian separatists are no part of Russia."""
    kg = build_text("Russian separatist forces attacked Ukrainian troops.")
    found = _label_triples(kg)
    assert ("Russian separatist forces", "part_of", "Russia") not in found, sorted(found)
    types = {d["label"]: d["type"] for _, d in kg.graph.nodes(data=True)}
    assert types.get("Russian separatist forces") == "ArmedGroup", types


# --- a postmodifier right after a coordination is the nearest conjunct's

NEAREST = [
    # (text, an edge that must not be drawn, an edge that must be, or None)
    ("Fighting broke out between the army and units allied with the Houthi rebels.",
     ("army", "aligned_with", "Houthis"), None),
    ("The army and militias backed by Iran attacked the town.",
     ("Iran", "support", "army"), ("Iran", "support", "militias")),
    ("Police detained the mayor and militiamen loyal to the governor.",
     ("Police", "aligned_with", "governor"), None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "wrong", "right"), NEAREST, ids=[n[1][2] for n in NEAREST])
def test_a_modifier_after_a_coordination_is_the_nearest_conjuncts(build_text, text, wrong, right):
    found = _label_triples(build_text(text))
    assert not any((s, c) == wrong[:2] and o.endswith(wrong[2]) for s, c, o in found), sorted(found)
    assert right is None or right in found, sorted(found)


def test_a_clause_after_a_comma_still_reads_the_parsers_head(build_text):
    found = _label_triples(build_text("Hamas and Islamic Jihad, which are backed by Iran, fired."))
    assert ("Iran", "support", "Palestinian Islamic Jihad") in found, sorted(found)


# --- a person's name the NER cut in two


def test_two_person_entities_with_only_a_space_between_are_one_name(build_text):
    kg = build_text(
        "Houthi rebels forced President Abdu Rabu Mansour Hadi to flee. Hadi later returned."
    )
    people = sorted(d["label"] for _, d in kg.graph.nodes(data=True) if d["type"] == "Person")
    assert people == ["Abdu Rabu Mansour Hadi"], people


def test_people_named_one_after_another_stay_apart(build_text):
    kg = build_text("The summit was attended by John Kerry, Sergei Lavrov and Ban Ki-moon.")
    people = sorted(d["label"] for _, d in kg.graph.nodes(data=True) if d["type"] == "Person")
    assert people == ["Ban Ki-moon", "John Kerry", "Sergei Lavrov"], people


# --- a passive's agents: "not by X" is no agent, "by X and by Y" are two

AGENTS = [
    ("Israel was attacked not by Hamas but by Hezbollah.",
     {("Hezbollah", "fight", "Israel")}, {("Hamas", "fight", "Israel")}),
    ("Kenya was attacked not by the army.", set(), {("army", "fight", "Kenya")}),
    ("Israel was attacked by Hamas and by Hezbollah.",
     {("Hamas", "fight", "Israel"), ("Hezbollah", "fight", "Israel")}, set()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "right", "wrong"), AGENTS, ids=[a[0][:30] for a in AGENTS])
def test_a_negated_agent_does_not_act_and_each_agent_does(build_text, text, right, wrong):
    found = _label_triples(build_text(text))
    assert right <= found and not wrong & found, sorted(found)


# --- a finite verb the parser hung on another with no subject of its own

UNSUBJECTED = [
    "Police estimated more than 125,000 supporters from two opposition parties rallied.",
    "Police estimated more than 9,000 supporters from three opposition parties marched.",
]


@pytest.mark.parametrize("text", UNSUBJECTED, ids=[t[:30] for t in UNSUBJECTED])
def test_a_finite_verb_with_no_subject_is_not_the_main_subjects_act(build_text, text):
    kg = build_text(text)
    lab = _labels(kg)
    speakers = {lab[u] for u, _, _ in triples(kg)}
    assert not speakers & {"police", "Police"}, sorted(triples(kg))


@pytest.mark.parametrize(
    ("text", "edge"),
    [("The rebels took the town, forcing Hadi to flee.", ("rebels", "coerce", "Hadi")),
     ("Israeli jets struck and killed two militants.", ("Israeli jets", "assault", "militants"))],
)  # fmt: skip
def test_a_participle_or_a_conjunct_still_shares_the_main_subject(build_text, text, edge):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)


# --- a news outlet a speaker talks to is no group the story is about

TOLD_OUTLET = [
    "A rebel spokesman, Yusuf Kamara, told Deutsche Welle the group was attacked by government "
    "troops.",
    "An opposition spokeswoman, Lina Haddad, told Al Arabiya the group had been shelled by the "
    "army.",
]


@pytest.mark.parametrize("text", TOLD_OUTLET, ids=[t[:30] for t in TOLD_OUTLET])
def test_the_group_is_not_the_news_outlet_a_speaker_told(build_text, text):
    kg = build_text(text)
    media = {k for k, d in kg.graph.nodes(data=True) if d["type"] == "Media"}
    assert len(media) == 1, sorted(kg.graph.nodes(data="type"))
    assert not any(v in media for _, _, v in triples(kg)), sorted(triples(kg))


# --- "the foreign minister said": the one person named before with that title

TITLE_HOLDERS = [
    ("Kenya's interior minister, Fred Matiangi, visited the camp on Monday. The interior "
     "minister said al-Shabaab fighters had attacked the police post.",
     ("al_shabaab", "fight"), "fred_matiangi"),
    ("U.N. envoy Martin Griffiths met rebel leaders in Geneva. The envoy said Houthi fighters "
     "had attacked the Saudi border.", ("houthis", "fight"), "martin_griffiths"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "act", "speaker"), TITLE_HOLDERS, ids=[t[2] for t in TITLE_HOLDERS]
)
def test_a_definite_title_is_the_person_named_with_it(build_text, text, act, speaker):
    found = triples(build_text(text), with_speaker=True)
    assert any((s, c) == act and by == speaker for s, c, _, by, _ in found), sorted(found)


def test_a_definite_title_acts_as_its_holder(build_text):
    kg = build_text(
        "Rebel spokesman Ahmed Salih spoke to reporters. Later the spokesman accused the army "
        "of shelling Kadugli."
    )
    assert ("ahmed_salih", "disapprove", "forces@d0") in triples(kg), sorted(triples(kg))


def test_a_title_two_people_hold_is_neither(build_text):
    kg = build_text(
        "President Barack Obama met President Hu Jintao in Beijing. The president said "
        "government hackers had attacked Google."
    )
    speakers = {by for *_, by, _ in triples(kg, with_speaker=True)}
    assert not speakers & {"barack_obama", "hu_jintao"}, sorted(triples(kg, with_speaker=True))


# --- a name that modifies an apposition is not the subject ("Poland, a NATO member, said it")

APPOSED = [
    ("Poland, a NATO member, said it had expelled three Russian diplomats.",
     ("Poland", "sanction", "Russian diplomats"), "NATO"),
    ("Jordan, a key U.S. ally, said it would send troops to Syria.",
     ("Jordan", "agree", "Syria"), "United States"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "edge", "modifier"), APPOSED, ids=[a[2] for a in APPOSED])
def test_a_name_modifying_an_apposition_is_not_what_it_refers_to(build_text, text, edge, modifier):
    found = _label_triples(build_text(text))
    assert edge in found, sorted(found)
    assert not any(s == modifier for s, _, _ in found), sorted(found)


# --- "they" and "them" are no single state ("when Idi Amin expelled them")

PLURAL = [
    ("Tanzania welcomed the refugees after Burundian militias had expelled them.", "Tanzania"),
    ("Kenya said it had paid compensation to 300 Somali traders whose shops were looted when "
     "the rebels attacked them.", "Kenya"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "state"), PLURAL, ids=[p[1] for p in PLURAL])
def test_a_plural_pronoun_is_not_one_state(build_text, text, state):
    found = _label_triples(build_text(text))
    assert not any(o == state and c in {"fight", "assault", "coerce", "retreat"}
                   for _, c, o in found), sorted(found)  # fmt: skip
    assert any(s != state for s, _, _ in found), sorted(found)


def test_plural_pronouns_still_reach_coordinated_states(build_text):
    found = _label_triples(build_text("Iran and Iraq said the rebels had attacked them."))
    assert any(o in {"Iran", "Iraq"} for _, _, o in found), sorted(found)
