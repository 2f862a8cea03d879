"""Sentence-level extraction cases, written from varied news phrasing (not the seed's sentences).

Each case: text -> an expected (source, category, target, attributed_to, modality) edge, or
edges that must not appear.
"""

from __future__ import annotations

import pytest

from .conftest import triples

A = "asserted"

CASES = [
    # --- an act governed by another verb, repression and obstruction (issue 12) ---------------
    # a refusal takes the recipient of the act it refuses, or where the act would have happened
    ("Egypt refused to send troops to Yemen.", ("egypt", "reject", "yemen", None, A)),
    ("Turkey declined to deploy soldiers in Libya.", ("turkey", "reject", "libya", None, A)),
    # a demand's content clause, hung by the parser on the verb that carries the noun
    (
        "Human Rights Watch repeated its demand on Monday that Egypt free the detainees.",
        ("human_rights_watch", "demand", "egypt", None, A),
    ),
    # breaking up a rally is repression (coerce); blocking roads is a protest (CAMEO 144)
    ("Kenyan police broke up a rally in Nairobi.", ("kenya/police", "coerce", "nairobi", None, A)),
    (
        "Belgian farmers blocked roads in Brussels.",
        ("belgium/farmers", "protest", "brussels", None, A),
    ),
    # an event noun as the subject says which act of its family it was
    ("Israeli airstrikes killed five Hamas fighters.", ("israel", "fight", "hamas", None, A)),
    ("A Hamas suicide bombing killed ten Israelis.", ("hamas", "assault", "israel", None, A)),
    # easing a curfew is a concession, to the place when the text names no one else
    ("Sudan lifted the curfew in Khartoum.", ("sudan", "concede", "khartoum", None, A)),
    # a nominal event's recipient one step into its "of" phrase
    (
        "Russia began the withdrawal of some invasion forces from Georgia.",
        ("russia", "retreat", "georgia", None, A),
    ),
    # "ready to", "prepared to": a declared intention, of the subject of "is"; an intention
    # to concede is an agreement (CAMEO 03)
    (
        "Algeria is prepared to lift the ban on the Islamic Salvation Front.",
        ("algeria", "agree", "islamic_salvation_front", None, "asserted"),
    ),
    ("Iran is ready to attack Israel.", ("iran", "threaten", "israel", None, "asserted")),
    # a demand or a rejection that names no one is kept, as a self-loop (target_role none)
    (
        "Opposition leader Kemal Kilicdaroglu demanded early elections.",
        ("kemal_kilicdaroglu", "demand", None, None, A),
    ),
    ("The Taliban rejected the peace plan.", ("taliban", "reject", None, None, A)),
    # an organisation's people act for it; a state's refugees are not the state
    (
        "Angry activists from the Fatah party staged rallies against Mahmoud Abbas.",
        ("fatah", "protest", "mahmoud_abbas", None, A),
    ),
    # a speaker who says another actor must act demands it; what must be done has not happened
    (
        "Britain said Libya must hand over the two suspects.",
        ("united_kingdom", "demand", "libya", None, A),
    ),
    (
        "Hamas must release the hostages, Israel said.",
        ("israel", "demand", "hamas", None, A),
    ),
    # "allowed X to act": the subject of the allowed clause is who is yielded to
    ("Egypt allowed Hamas leaders to enter Cairo.", ("egypt", "concede", "hamas", None, A)),
    # cyber attacks: into a system, on its owner's sites
    (
        "Iran tried to hack into the computers of Israeli army officers.",
        ("iran", "coerce", "israel/forces", None, "asserted"),
    ),
    (
        "Russian hackers defaced hundreds of Estonian web sites.",
        ("russia/hackers", "coerce", "estonia", None, A),
    ),
    (
        "Britain reiterated that Libya must hand over the suspects.",
        ("united_kingdom", "demand", "libya", None, A),
    ),
    # a misparse that gives the verb two subjects ("Lt" and the name) keeps the one that names
    (
        "Lt. Gen. Prosper Avril criticized the United States.",
        ("prosper_avril", "disapprove", "united_states", None, A),
    ),
    # a refusal answers the pressure it defies
    (
        "Ortega rejected the proposal despite the Vatican's pressure.",
        ("ortega", "reject", "vatican", None, A),
    ),
    # an act "in defiance of X" protests against X
    (
        "Thousands of people blocked streets in Hong Kong in defiance of Chinese authorities.",
        ("civilians@d0", "protest", "china/government", None, A),
    ),
    # an act on a place has the place as target (target_role place); a capital that is a party
    # to a mutual act is its government
    ("Israel attacked Beirut.", ("israel", "fight", "beirut", None, A)),
    ("Tehran held talks with Baghdad.", ("iran", "consult", "iraq/government", None, A)),
    ("Iran agreed with Baghdad on a ceasefire.", ("iran", "agree", "iraq/government", None, A)),
    # an agreement that names no party is kept where it happened
    ("Egypt agreed to host the summit in Cairo.", ("egypt", "agree", "cairo", None, A)),
    # pressing an actor to act is a demand of it
    (
        "The United States pressured Israel to accept the ceasefire.",
        ("united_states", "demand", "israel", None, A),
    ),
    # one head scoped by conjoined states is one unit of each ("Hungarian and Romanian
    # officials agreed": the two act on each other)
    (
        "Hungarian and Romanian officials agreed to open the border.",
        ("hungary/officials", "agree", "romania/officials", None, A),
    ),
    (
        "Iraqi and Syrian forces attacked Islamic State.",
        ("syria/forces", "fight", "islamic_state", None, A),
    ),
    # the troops a state withdraws are what moves; the place is where from
    ("Israel withdrew soldiers from Gaza.", ("israel", "retreat", "gaza", None, A)),
    # --- active, passive, nominal ------------------------------------------------------------
    ("Hamas attacked Israel on Saturday.", ("hamas", "fight", "israel", None, A)),
    ("Israel was attacked by Hamas.", ("hamas", "fight", "israel", None, A)),
    (
        "Nigerian troops were ambushed by Boko Haram on Monday.",
        ("boko_haram", "fight", "nigeria/forces", None, A),
    ),
    (
        "Two Israeli soldiers were kidnapped by Hezbollah.",
        ("hezbollah", "assault", "israel/forces", None, A),
    ),
    (
        "Rocket attacks by Hezbollah on Israel continued overnight.",
        ("hezbollah", "fight", "israel", None, A),
    ),
    (
        "Russian airstrikes on Ukraine intensified this week.",
        ("russia", "fight", "ukraine", None, A),
    ),
    (
        "Turkey carried out strikes against the PKK in northern Iraq.",
        ("turkey", "fight", "pkk", None, A),
    ),
    (
        "The airstrikes that killed six Hezbollah fighters were carried out by Israel.",
        ("israel", "assault", "hezbollah", None, A),
    ),
    (
        "The attack on Iraqi forces was carried out by Turkey, the United Nations said.",
        ("turkey", "fight", "iraq/forces", "united_nations", A),
    ),
    (
        "Ukrainian forces shelled Russian positions near Bakhmut.",
        ("ukraine/forces", "fight", "russia", None, A),
    ),
    (
        "Saudi-led forces bombed Houthi positions in Yemen.",
        ("saudi_arabia/forces", "assault", "houthis", None, A),
    ),
    (
        "Iraqi officials said Islamic State fighters killed four soldiers of the Peshmerga.",
        ("islamic_state", "assault", "peshmerga", "iraq/officials", A),
    ),
    (
        "Somali police arrested five al-Shabaab members.",
        ("somalia/police", "coerce", "al_shabaab", None, A),
    ),
    # expelling diplomats is a reduction of relations: CAMEO 166, PLOVER sanction
    (
        "Venezuela expelled the U.S. ambassador.",
        ("venezuela", "sanction", "united_states", None, A),
    ),
    ("Mali expelled French troops last year.", ("mali", "coerce", "france/forces", None, A)),
    (
        "The United Nations imposed sanctions on North Korea.",
        ("united_nations", "sanction", "north_korea", None, A),
    ),
    (
        "The European Union sanctioned Russia over the invasion.",
        ("european_union", "sanction", "russia", None, A),
    ),
    ("Germany sent weapons to Ukraine.", ("germany", "aid", "ukraine", None, A)),
    pytest.param(
        "The United States gave Israel weapons.",
        ("united_states", "aid", "israel", None, A),
        marks=pytest.mark.xfail(reason="the parser reads 'Israel weapons' as a compound"),
    ),
    ("The Houthis oppose Saudi Arabia.", ("houthis", "opposes", "saudi_arabia", None, A)),
    ("The European Union praised Ukraine.", ("european_union", "support", "ukraine", None, A)),
    # --- conjoined verbs, subjects and objects, mutual events --------------------------------
    ("Russia attacked Ukraine and Georgia.", ("russia", "fight", "georgia", None, A)),
    (
        "The United States and the United Kingdom struck Houthi targets in Yemen.",
        ("united_kingdom", "fight", "houthis", None, A),
    ),
    (
        "Pakistani forces killed and wounded dozens of militants.",
        ("pakistan/forces", "assault", "armed_groups@d0", None, A),
    ),
    (
        "Turkey condemned the Israeli raid and urged Israel to stop the war.",
        ("turkey", "demand", "israel", None, A),
    ),
    ("India and Pakistan agreed to a ceasefire.", ("india", "agree", "pakistan", None, A)),
    ("Israel and Hamas clashed overnight.", ("israel", "fight", "hamas", None, A)),
    (
        "The Syrian government and Turkey held talks in Moscow.",
        ("syria/government", "consult", "turkey", None, A),
    ),
    (
        "Egypt will host talks between Israel and Hamas.",
        ("israel", "consult", "hamas", None, "planned"),
    ),
    (
        "Egyptian mediators met with Hamas officials in Cairo.",
        ("egypt/officials", "consult", "hamas", None, A),
    ),
    (
        "The president of Iran met the Russian leader.",
        ("iran/government", "consult", "russia/government", None, A),
    ),
    # --- generic actors without a state (local to their document) ------------------------------
    (
        "The militants were killed by Nigerian soldiers on Friday.",
        ("nigeria/forces", "assault", "armed_groups@d0", None, A),
    ),
    (
        "Colombian rebels kidnapped two journalists.",
        ("colombia/armed_groups", "assault", "journalists@d0", None, A),
    ),
    (
        "Tens of thousands of protesters marched against the government.",
        ("protesters@d0", "protest", "government@d0", None, A),
    ),
    (
        "The Taliban arrested three aid workers, according to the United Nations.",
        ("taliban", "coerce", "workers@d0", "united_nations", A),
    ),
    (
        "The militants, who had been attacking Nigerian forces for weeks, surrendered.",
        ("armed_groups@d0", "fight", "nigeria/forces", None, A),
    ),
    # --- attribution: final, initial, nested, quotes, "according to" -------------------------
    (
        "Iran denounced Israel, Iranian officials said.",
        ("iran", "disapprove", "israel", "iran/officials", A),
    ),
    (
        "Pakistan condemned the Indian airstrikes, the foreign ministry said.",
        ("pakistan", "disapprove", "india", "foreign_ministry", A),
    ),
    (
        "Israeli troops shot dead two Palestinian gunmen, the army said.",
        ("israel/forces", "fight", "palestine/armed_groups", "israel/forces", A),
    ),
    (
        "According to the United Nations, the Houthis seized Saudi ships.",
        ("houthis", "coerce", "saudi_arabia", "united_nations", A),
    ),
    (  # possession through an of-phrase, as the possessive above
        "According to the United Nations, the Houthis seized ships of Saudi Arabia.",
        ("houthis", "coerce", "saudi_arabia", "united_nations", A),
    ),
    (
        "Somalia's government claimed that al-Shabaab had killed ten civilians.",
        ("al_shabaab", "assault", "civilians@d0", "somalia/government", A),
    ),
    (
        "The Houthis announced that they had seized a British ship.",
        ("houthis", "coerce", "united_kingdom", "houthis", A),
    ),
    (
        "The Pentagon said it had sanctioned Iran.",
        ("pentagon", "sanction", "iran", "pentagon", A),
    ),
    (
        "The Pentagon said Iran-backed militias had attacked U.S. forces, and it blamed Iran.",
        ("pentagon", "disapprove", "iran", "pentagon", A),
    ),
    (
        "Israel said Hamas had attacked its soldiers.",
        ("hamas", "fight", "israel", "israel", A),
    ),
    (
        "Hamas said Israel accused it of attacking civilians.",
        ("israel", "disapprove", "hamas", "hamas", A),
    ),
    (
        "Hamas said Israel accused it of attacking civilians.",
        ("hamas", "assault", "civilians@d0", "israel", A),
    ),
    (
        "Sudan's army accused the Rapid Support Forces of killing civilians in Darfur.",
        ("rsf", "assault", "civilians@d0", "sudan/forces", A),
    ),
    (
        '"We will strike Israel again," Hezbollah said in a statement.',
        ("hezbollah", "threaten", "israel", "hezbollah", "asserted"),
    ),
    (
        "Kenyan police said gunmen had killed three people.",
        ("armed_groups@d0", "assault", "civilians@d0", "kenya/police", A),
    ),
    (
        "Hezbollah said it fired rockets at Israel. It said the attack was a response.",
        ("hezbollah", "fight", "israel", "hezbollah", A),
    ),
    # --- pronouns and definite descriptions --------------------------------------------------
    (
        "The Houthis are part of the Axis of Resistance, and the group attacked the United States.",
        ("houthis", "fight", "united_states", None, A),
    ),
    (
        "Al-Shabaab fighters stormed a hotel in Mogadishu. The group later said it had killed"
        " twelve Somali soldiers.",
        ("al_shabaab", "assault", "somalia/forces", "al_shabaab", A),
    ),
    (
        "The Houthis said they had fired missiles at U.S. warships.",
        ("houthis", "fight", "united_states/forces", "houthis", A),
    ),
    (
        "Rebels attacked Mali on Sunday. It condemned the attack.",
        ("mali", "disapprove", "armed_groups@d0", None, A),
    ),
    # --- modality -----------------------------------------------------------------------------
    (
        "The Kremlin denied attacking Ukraine.",
        ("kremlin", "fight", "ukraine", "kremlin", "denied"),
    ),
    (
        "The PKK denied that it had attacked Turkish soldiers.",
        ("pkk", "fight", "turkey/forces", "pkk", "denied"),
    ),
    ("Iran denied arming the Houthis.", ("iran", "aid", "houthis", "iran", "denied")),
    (
        "If Iran attacks Israel, the United States will respond.",
        ("iran", "threaten", "israel", None, "asserted"),
    ),
    ("Iran may retaliate against Israel.", ("iran", "threaten", "israel", None, "asserted")),
    (
        "Israel could attack Iran if talks fail.",
        ("israel", "threaten", "iran", None, "asserted"),
    ),
    (
        "Israel did not confirm that it had killed the Hezbollah commander.",
        ("israel", "threaten", "hezbollah", "israel", "asserted"),
    ),
    (
        "The United States plans to sanction Venezuela.",
        ("united_states", "sanction", "venezuela", None, "asserted"),
    ),
    ("Israel will meet with Egypt next week.", ("israel", "agree", "egypt", None, "asserted")),
    (
        "Netanyahu said Israel would keep fighting Hamas.",
        ("israel", "threaten", "hamas", "netanyahu", "asserted"),
    ),
    (
        "Israel told the United States it would strike Iran.",
        ("israel", "threaten", "iran", "israel", "asserted"),
    ),
    (
        "NATO warned Russia not to attack Poland.",
        ("nato", "threaten", "russia", None, "asserted"),
    ),
    # --- speech acts that are actions, threats --------------------------------------------------
    (
        "The Taliban condemned the U.S. drone strike.",
        ("taliban", "disapprove", "united_states", None, A),
    ),
    (
        "In a statement, the Iraqi government condemned the Turkish airstrikes.",
        ("iraq/government", "disapprove", "turkey", None, A),
    ),
    (
        "Russian officials accused Ukraine of attacking a power plant.",
        ("russia/officials", "disapprove", "ukraine", None, A),
    ),
    ("Ukraine blamed Russia for the missile strike.", ("ukraine", "disapprove", "russia", None, A)),
    ("France criticised Israel over the strikes.", ("france", "disapprove", "israel", None, A)),
    (
        "Hezbollah threatened to strike Israel if the bombing continued.",
        ("hezbollah", "threaten", "israel", None, A),
    ),
    ("Turkey threatened to invade Syria.", ("turkey", "threaten", "syria", None, A)),
    (
        "The Houthis threatened Saudi Arabia with new attacks.",
        ("houthis", "threaten", "saudi_arabia", None, A),
    ),
    ("China warned Taiwan against seeking independence.", ("china", "threaten", "taiwan", None, A)),
    # --- standing relations -------------------------------------------------------------------
    # a name in apposition to a part or parent noun: part of the owner, or the owner's whole;
    # the apposition makes a name the NER missed an organisation
    (
        "General Motors said its European division, Opel, would close a plant.",
        ("opel", "part_of", "general_motors", None, A),
    ),
    (
        "Ford sold its British unit, Jaguar, to Tata.",
        ("jaguar", "part_of", "ford", None, A),
    ),
    (
        "Airbus parent company EADS announced the cuts.",
        ("airbus", "part_of", "eads", None, A),
    ),
    (
        "Airbus announced the cuts, its parent company, EADS, said.",
        ("airbus", "part_of", "eads", None, A),
    ),
    # backing out of an agreement is rejecting it; cancelled talks are a sanction
    ("Iran scrapped its gas contract with Turkey.", ("iran", "reject", "turkey", None, A)),
    (
        "Venezuela cancelled talks with Colombia.",
        ("venezuela", "sanction", "colombia", None, A),
    ),
    (
        "Al-Shabaab is a member of al-Qaeda.",
        ("al_shabaab", "member_of", "al_qaeda", None, A),
    ),
    (
        "Syrian rebels fought Kurdish forces. Russian-backed militias attacked them.",
        ("russia/aligned_groups", "aligned_with", "russia", None, A),
    ),
    (
        "Militias loyal to Iran attacked U.S. bases in Syria.",
        ("iran/aligned_groups", "aligned_with", "iran", None, A),
    ),
    ("The Houthis are loyal to Iran.", ("houthis", "aligned_with", "iran", None, A)),
    (
        "Militias allied with Iran attacked Israel.",
        ("iran/aligned_groups", "fight", "israel", None, A),
    ),
    (
        "Boko Haram, which is linked to Islamic State, kidnapped dozens of girls.",
        ("boko_haram", "aligned_with", "islamic_state", None, A),
    ),
    (
        "Wagner, a Russia-linked mercenary group, fought alongside the Malian army.",
        ("wagner", "aligned_with", "russia", None, A),
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu spoke on Sunday.",
        ("benjamin_netanyahu", "leader_of", "israel/government", None, A),
    ),
    (
        "French President Emmanuel Macron spoke on Sunday.",
        ("emmanuel_macron", "leader_of", "france", None, A),
    ),
    (
        "Hamas leader Ismail Haniyeh was killed in Tehran.",
        ("ismail_haniyeh", "leader_of", "hamas", None, A),
    ),
    # --- a title in apposition, after the name or before it --------------------------------
    (
        "Mary Barra, the General Motors chief executive, spoke on Monday.",
        ("mary_barra", "leader_of", "general_motors", None, A),
    ),
    (
        "Tim Cook, Apple's chief executive, spoke on Monday.",
        ("tim_cook", "leader_of", "apple_inc", None, A),
    ),
    (
        "Justin Trudeau, Prime Minister of Canada, spoke on Monday.",
        ("justin_trudeau", "leader_of", "canada/government", None, A),
    ),
    (
        "Anita Anand, Canada's Minister of Finance, spoke on Monday.",
        ("anita_anand", "member_of", "canada/government", None, A),
    ),
    (
        "On Monday, the president of Toyota, Akio Toyoda, announced the recall.",
        ("akio_toyoda", "leader_of", "toyota", None, A),
    ),
    # --- conjoined names that share their last words -------------------------------------------
    (
        "Fighting resumed after North and South Korea exchanged artillery fire.",
        ("north_korea", "fight", "south_korea", None, A),
    ),
    # --- each party does a reciprocal act to the other ------------------------------------------
    ("India and Pakistan traded accusations.", ("pakistan", "disapprove", "india", None, A)),
    ("India and Pakistan traded accusations.", ("india", "disapprove", "pakistan", None, A)),
    # --- more titles before a name -----------------------------------------------------------
    (
        "Senior U.S. official John Smith said Iran attacked Iraq.",
        ("john_smith", "member_of", "united_states/government", None, A),
    ),
    ("Hamas member Ali Hassan was killed.", ("ali_hassan", "member_of", "hamas", None, A)),
    # --- a stance an adjective states: the holder toward the actor of its preposition ----------
    ("Egypt is opposed to Turkish mediation.", ("egypt", "reject", "turkey", None, A)),
    ("China is critical of Japan.", ("china", "disapprove", "japan", None, A)),
    ("Iran remains hostile to Israel.", ("iran", "disapprove", "israel", None, A)),
    ("Qatar is supportive of the Hamas campaign.", ("qatar", "support", "hamas", None, A)),
    # an attack by one who never fights is words: a magazine's attack is disapproval
    (
        "The New York Times attacked the Pentagon over the report.",
        ("new_york_times", "disapprove", "pentagon", None, A),
    ),
    # --- "the opposition" is a group; "opposition to X" an act --------------------------------
    ("The opposition rejected the plan.", ("opposition@d0", "reject", None, None, A)),
    (
        "Police detained members of the opposition in Minsk.",
        ("police@d0", "coerce", "opposition@d0", None, A),
    ),
    # --- a compound names the kind of group: a rights group or an aid group is no armed group --
    (
        "A human rights group criticized Croatian authorities.",
        ("rights_groups@d0", "disapprove", "croatia/government", None, A),
    ),
    (
        "Two American aid groups delivered medicine to Iraq.",
        ("united_states/ngos", "aid", "iraq", None, A),
    ),
    # peacekeepers are forces, of whoever sends them
    (
        "The rebels opposed the deployment of a regional peacekeeping force.",
        ("armed_groups@d0", "reject", "forces@d0", None, A),
    ),
    (
        "Gunmen ambushed Nigerian peacekeepers in Darfur.",
        ("armed_groups@d0", "fight", "nigeria/forces", None, A),
    ),
    # --- distinct groups of people are distinct actors -----------------------------------------
    ("Fishermen rescued the people.", ("fishermen@d0", "aid", "civilians@d0", None, A)),
    ("Students attacked workers.", ("students@d0", "assault", "workers@d0", None, A)),
    # --- a received act is the giver's -------------------------------------------------------
    ("Ukraine received weapons from Germany.", ("germany", "aid", "ukraine", None, A)),
    (
        "Ford will receive loans from the government of Canada.",
        ("canada/government", "aid", "ford", None, "planned"),
    ),
]

#: any value, in an ABSENT pattern
ANY = object()

#: edges that must not appear (ANY matches every value): a negated, denied or hypothetical
#: event is never a plain fact, an object-controlled infinitive is not the controller's act,
#: a threatened act is not written besides the threat, and a claim is not the document's
ABSENT = [
    # winning a competition is no fight
    ("Airbus defeated Boeing for the tanker contract.", (ANY, "fight", ANY, ANY, ANY)),
    ("Airbus defeated Boeing for the tanker contract.", (ANY, "assault", ANY, ANY, ANY)),
    # a participle that names is no act: "a group called X" is no call for anything
    ("Police arrested a defector from a group called the Sea Org.", (ANY, "demand", ANY, ANY, ANY)),
    ("The new rules apply to Russian diplomats.", (ANY, "demand", ANY, ANY, ANY)),
    # an act a verb ends is no act going on: the ending is the event (sanction)
    ("Egypt halted its mediation between Israel and Hamas.", ("egypt", "consult", ANY, ANY, ANY)),
    ("Russia suspended its cooperation with NATO.", ("russia", "cooperate", ANY, ANY, ANY)),
    ("Egypt did not attack Israel.", ("egypt", "fight", "israel", ANY, A)),
    ("The Kremlin denied attacking Ukraine.", ("kremlin", "fight", "ukraine", ANY, A)),
    (
        "If Iran attacks Israel, the United States will respond.",
        ("iran", "fight", "israel", ANY, A),
    ),
    ("NATO warned Russia not to attack Poland.", ("nato", "fight", "poland", ANY, ANY)),
    ("Turkey threatened to invade Syria.", ("turkey", "fight", "syria", ANY, ANY)),
    ("Israel said Hamas had attacked its soldiers.", ("hamas", "fight", ANY, None, ANY)),
    # a noun's modifier is no object of a dictionary pattern: a research centre is no inquiry
    ("Japan agreed to set up a research centre in Tokyo.", ("japan", "investigate", ANY, ANY, ANY)),
    # a magazine's attack is words, not force; a company defeats a rival for a contract
    ("The Daily Herald attacked Hamas.", (ANY, "fight", "hamas", ANY, ANY)),
    ("Acme Holdings defeated Globex for the contract.", (ANY, "fight", ANY, ANY, ANY)),
    # an exchange of things that are actors is no reciprocal act
    ("Israel and Hamas exchanged prisoners.", (ANY, "retreat", "israel", ANY, ANY)),
    # fishermen who rescue people are not the people they rescue
    ("Fishermen rescued the people.", ("civilians@d0", "aid", "civilians@d0", ANY, ANY)),
    # the receiver of weapons does not arm the giver, and does not agree to anything
    ("Ukraine received weapons from Germany.", ("ukraine", "aid", "germany", ANY, ANY)),
    ("Ford will receive loans from Canada.", (ANY, "agree", ANY, ANY, ANY)),
    # an adjunct's owner is no recipient: Turkey's wish is only what the vote went against
    (
        "The Security Council agreed to a one-year extension of the mandate for the force in"
        " Cyprus despite Turkey's wish for a shorter term.",
        (ANY, "agree", "turkey", ANY, ANY),
    ),
    ("Refugees from Syria protested in Berlin.", ("syria", "protest", ANY, ANY, ANY)),
    ("Egypt said Israel must attack Hamas.", ("israel", "fight", "hamas", ANY, A)),
    # reluctance is no intention: the act is not the subject's
    (
        "Turkey had been reluctant to retaliate in Syria.",
        ("turkey", "fight", "syria", ANY, A),
    ),
    # the soldiers a state withdraws are not the ones it retreats from
    ("Israel withdrew soldiers from Gaza.", ("israel", "retreat", "forces@d0", ANY, ANY)),
]


def _matches(edge: tuple, pattern: tuple) -> bool:
    return all(p is ANY or p == e for e, p in zip(edge, pattern, strict=True))


def test_every_category_the_cases_name_is_in_the_ontology(onto):
    cases = [c.values if hasattr(c, "values") else c for c in CASES] + ABSENT
    named = {edge[1] for _, edge in cases}
    assert named <= set(onto.categories) | {r.category for r in onto.relations.values()}


def _id(case) -> str:
    return (case.values[0] if hasattr(case, "values") else case[0])[:40]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[_id(c) for c in CASES])
def test_sentence_yields_edge(build_text, text, expected):
    kg = build_text(text)
    assert expected in triples(kg, with_speaker=True), sorted(triples(kg, with_speaker=True))


NO_EDGE = [
    "The weather in Baghdad was hot on Tuesday.",
    "Analysts discussed the attacks at length.",
    "U.S. forces arrived in Syria in 2015.",
    "The Syrian army did not shell the town, a military spokesman said.",
    "Houthi rebels attacked a commercial vessel, the U.S. military said on Tuesday.",
    "Officials said no one had attacked the convoy.",
    "Ukraine's economy grew by 3 percent last year, the central bank said.",
    "The attack happened near the border on Friday.",
    "By Jane Roe and John Doe\n\nFootball fans attended the match in Madrid.",
    "An Airbus jetliner crashed into the sea, killing all 228 people on board.",
]


@pytest.mark.parametrize(("text", "edge"), ABSENT, ids=[c[0][:40] for c in ABSENT])
def test_sentence_does_not_yield(build_text, text, edge):
    kg = build_text(text)
    found = [e for e in triples(kg, with_speaker=True) if _matches(e, edge)]
    assert not found


@pytest.mark.parametrize("text", NO_EDGE)
def test_sentence_yields_no_event_edge(build_text, text):
    kg = build_text(text)
    assert kg.graph.number_of_edges() == 0, sorted(triples(kg, with_speaker=True))


def test_evidence_and_trigger_slice_the_original_text(build_text):
    text = "By Jane Roe\n\nIsrael\u2019s army said \u201cHamas attacked Israel\u201d.\n"
    kg = build_text(text)
    assert kg.graph.number_of_edges() >= 1
    for _, _, d in kg.graph.edges(data=True):
        for ev in d["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
            t = ev["trigger"]
            assert text[t["start"] : t["end"]] == t["text"]
            assert d["rules"] and 0 < d["confidence"] <= 1


def test_acronym_in_parentheses_is_the_same_actor(build_text):
    kg = build_text(
        "The Free Syrian Army (FSA) attacked Syria on Monday. Later the FSA attacked Syria again."
    )
    g = kg.graph
    fsa = [n for n, d in g.nodes(data=True) if "FSA" in d["aliases"]]
    assert len(fsa) == 1
    assert "Free Syrian Army" in g.nodes[fsa[0]]["aliases"]


def test_united_states_and_us_are_one_node(build_text):
    kg = build_text("The United States struck Iran. Then the U.S. struck Syria.")
    assert {u for u, _, _ in triples(kg)} == {"united_states"}
    assert {"United States", "U.S."} <= set(kg.graph.nodes["united_states"]["aliases"])


def test_builtin_hierarchy_is_an_edge_with_the_mention_as_evidence(build_text):
    text = "U.S. forces attacked Hamas on Friday."
    kg = build_text(text)
    data = kg.graph.get_edge_data("united_states/forces", "united_states")
    assert data is not None, sorted(triples(kg))
    (edge,) = data.values()
    assert edge["category"] == "part_of" and edge["rules"] == ["builtin_hierarchy"]
    trigger = edge["evidence"][0]["trigger"]
    assert text[trigger["start"] : trigger["end"]] == "U.S. forces"
    assert edge["attributed_to"] is None


def test_builtin_hierarchy_can_stay_a_node_attribute():
    import graphkit

    doc = graphkit.document_from_text("d0", "U.S. forces attacked Hamas on Friday.")
    kg = graphkit.build([doc], hierarchy=False)
    assert not kg.graph.has_edge("united_states/forces", "united_states")
    assert kg.graph.nodes["united_states/forces"]["part_of"] == "united_states"


def test_stated_part_of_is_not_repeated_by_the_builtin_rule(build_text):
    kg = build_text("Iraq's Popular Mobilization Forces attacked Islamic State.")
    rules = [d["rules"] for u, v, d in kg.graph.edges(data=True) if d["category"] == "part_of"]
    assert rules and all("builtin_hierarchy" not in r for r in rules), rules


@pytest.mark.parametrize(
    "text",
    [
        "Troops advanced near Jurf al-Nasr on Monday.",
        "Rockets landed in Hamid Shaaban.",
        "Gunmen attacked a mosque in Abdul Latif.",
    ],
)
def test_a_name_in_a_locative_phrase_is_a_place_not_a_person(build_text, text):
    kg = build_text(text)
    people = [d["label"] for _, d in kg.graph.nodes(data=True) if d["type"] == "Person"]
    assert people == []


def test_names_listed_as_not_actors_are_no_nodes(build_text):
    kg = build_text("Hamas attacked Israel at 0600 UTC on Saturday.")
    assert "UTC" not in {d["label"] for _, d in kg.graph.nodes(data=True)}


def test_a_name_found_once_is_a_mention_wherever_it_recurs(nlp, onto):
    import graphkit
    from graphkit.extract.context import DocContext

    text = "Daniel Montalvo left the group. Later Montalvo spoke to Nick Moreau and Montalvo."
    document = graphkit.document_from_text("d0", text)
    doc = nlp(document.clean)
    # as if the NER had found the full name only once and nothing else
    doc.ents = [doc.char_span(0, len("Daniel Montalvo"), label="PERSON")]
    ctx = DocContext(document, doc, onto)
    found = sorted(
        (m.evidence.text, m.actor.key) for m in ctx.mentions.values() if m.actor.type == "Person"
    )
    assert found.count(("Montalvo", "daniel_montalvo")) == 2, found


def test_a_demonym_that_stands_for_its_state_is_a_mention_of_it(build_text):
    # "Iraqi towns" are Iraq's: the adjective is one of the forms that name Iraq in this text
    kg = build_text("Iran threatened to shell Iraqi towns.")
    assert "Iraqi" in kg.graph.nodes["iraq"]["aliases"]
    assert ("iran", "threaten", "iraq") in triples(kg)


def test_conjoined_scopes_name_each_unit_by_itself(build_text):
    kg = build_text("Hungarian and Romanian officials agreed to open the border.")
    assert kg.graph.nodes["hungary/officials"]["label"] == "Hungarian officials"
    assert kg.graph.nodes["romania/officials"]["label"] == "Romanian officials"


def test_a_local_actor_is_named_with_where_it_is_from(build_text):
    kg = build_text("Egypt urged the governments of the region to help the migrants.")
    node = kg.graph.nodes["government@d0"]
    assert "governments of the region" in node["aliases"], node


def test_a_states_unit_is_named_as_news_names_it(build_text):
    kg = build_text("Ford will receive loans from the government of Canada.")
    node = kg.graph.nodes["canada/government"]
    assert node["label"] in {"government of Canada", "Canadian government"}
    assert "government of Canada" in node["aliases"]


def test_a_noun_headline_with_a_nominal_event_ends(build_text):
    """A sentence whose root is a noun ("Rallies in protest against the new law.") once sent
    the search for a nominal event's verb round the root for ever: spaCy makes a new Token
    for every ``.head``, so ``head is token`` never holds. It must end, and quickly."""
    import signal

    def stop(signum, frame):
        raise TimeoutError("the extraction did not end")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    try:
        kg = build_text("Rallies in protest against the new law.", "Clashes in retaliation for it.")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert kg.graph.number_of_edges() == 0  # no actor is named


@pytest.mark.parametrize(
    ("text", "short", "whole"),
    [
        (
            "The United States Air Force chose Boeing. The Air Force said the tanker was better.",
            "Air Force",
            "united_states_air_force",
        ),
        (
            "The Comic Corps of Canada organised the event. The Comic Corps raised money.",
            "Comic Corps",
            "comic_corps_of_canada",
        ),
    ],
)
def test_an_organisations_short_form_is_that_organisation(build_text, text, short, whole):
    kg = build_text(text)
    assert short in kg.graph.nodes[whole]["aliases"]
    assert len([n for n in kg.graph.nodes if "air_force" in n or "comic_corps" in n]) == 1


def test_a_short_form_two_longer_names_share_stays_its_own(build_text):
    kg = build_text(
        "The Supreme Court of Canada and the Supreme Court of India met. "
        "The Supreme Court issued a statement."
    )
    courts = sorted(n for n in kg.graph.nodes if "supreme_court" in n)
    assert "canada_supreme_court" in courts and "india_supreme_court" in courts
    for key in ("canada_supreme_court", "india_supreme_court"):
        assert "Supreme Court" not in kg.graph.nodes[key]["aliases"]


def test_a_company_designator_in_any_spelling_is_one_actor(build_text):
    kg = build_text("Acme Ltd sued Globex.", "Acme Limited criticized Globex.")
    assert "acme_limited" in kg.graph and "acme_ltd" not in kg.graph
    # two imported gazetteer rows that differ only in the designator are one actor
    kg = build_text("News Corporation bought Dow Jones. News Corp said the deal was done.")
    assert "news_corporation" not in kg.graph
    assert "News Corporation" in kg.graph.nodes["news_corp"]["aliases"]


def test_a_photo_credit_names_a_node_that_takes_part_in_no_edge(build_text):
    kg = build_text(
        "Expo opens in Toronto\n"
        "Fans met the actor Kevin Conroy at the booth on Friday. Image: Nick Moreau.\n"
        "The crowd grew through the weekend.\n"
    )
    graph = kg.graph
    assert "nick_moreau" in graph, sorted(graph.nodes)
    data = graph.nodes["nick_moreau"]
    assert data["type"] == "Person"
    (m,) = data["mentions"]
    assert (m["doc"], m["text"]) == ("d0", "Nick Moreau")
    assert graph.degree("nick_moreau") == 0


def test_a_credit_name_the_ner_does_not_class_is_an_actor_of_unknown_kind(build_text):
    kg = build_text(
        "Expo opens in Toronto\n"
        "Fans met at the booth on Friday. Image: ShakataGaNai.\n"
        "The stage was set in the hall. Image: Public Domain.\n"
        "A map of the route. Image: CC BY-SA 3.0\n"
        "The crowd grew through the weekend.\n"
    )
    graph = kg.graph
    assert graph.nodes["shakataganai"]["type"] == "Actor"
    assert graph.degree("shakataganai") == 0
    assert not any("public" in n or "cc_by" in n for n in graph), sorted(graph.nodes)


def test_a_kind_of_actor_wins_over_the_unknown_kind_of_a_credit(build_text):
    credit = "Expo opens\nThe hall filled. Image: Moreau.\n"
    assert build_text(credit).graph.nodes["moreau"]["type"] == "Actor"
    kg = build_text(credit, "Moreau criticized Acme Corporation on Monday.")
    assert kg.graph.nodes["moreau"]["type"] == "Person"


def test_a_gazetteer_word_a_persons_name_runs_on_from_is_the_first_name(build_text):
    # "Marcus" alone is an alias of the imported Marcus Corporation
    kg = build_text("In the 20th minute, Marcus Berg missed a chance to put Sweden ahead.")
    assert "marcus_berg" in kg.graph and kg.graph.nodes["marcus_berg"]["type"] == "Person"
    assert "marcus_corporation" not in kg.graph
    kg = build_text("Marcus Corporation bought the hotel.")
    assert "marcus_corporation" in kg.graph


def test_a_gazetteer_word_an_organisations_name_runs_into_is_part_of_that_name(build_text):
    # "Universal" alone is an alias of the imported Universal Corporation
    kg = build_text("The deal was announced by NBC Universal on Monday.")
    assert "universal_corporation" not in kg.graph, sorted(kg.graph.nodes)
    kg = build_text("Officials told BBC News that the claims would be looked at.")
    assert "news_corp" not in kg.graph, sorted(kg.graph.nodes)


@pytest.mark.parametrize(
    ("text", "node", "not_node"),
    [
        # "Team" and "Universal" are aliases of imported companies (Team Inc, Universal
        # Corporation); the longer name is an organisation of its own
        ("The robots of Team Estonia were rebuilt on Friday.", "team_estonia", "team_inc"),
        ("A letter seen by Sky Universal says the plan failed.", "sky_universal",
         "universal_corporation"),
        # a company's name before a title stays the company
        ("Apple Computer CEO Steve Jobs spoke on Monday.", "apple_inc", "apple_computer_ceo"),
    ],
)  # fmt: skip
def test_an_imported_one_word_alias_in_a_longer_name_is_a_word_of_that_name(
    build_text, text, node, not_node
):
    kg = build_text(text)
    assert node in kg.graph and not_node not in kg.graph, sorted(kg.graph.nodes)


@pytest.mark.parametrize(
    ("text", "imported"),
    [
        # the noun, though capitalised (Team Inc, Carnival Corporation are imported companies)
        ("Team members protested in Cairo on Friday.", None),
        ("Carnival celebrations began in Rio.", None),
        ("Universal said profits rose.", "universal_corporation"),  # the name
    ],
)
def test_an_imported_one_word_alias_opening_a_sentence_is_a_name_only_as_a_proper_noun(
    build_text, text, imported
):
    kg = build_text(text)
    gazetteer = [n for n, d in kg.graph.nodes(data=True) if d.get("cameo", "").startswith("MNC")]
    assert gazetteer == ([imported] if imported else []), sorted(kg.graph.nodes(data="cameo"))
    if imported:
        assert kg.graph.nodes[imported]["type"] == "Company"
