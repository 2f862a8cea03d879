"""What the NER read: its entities of actor labels, mended and turned into actors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from ...names import plain_name
from ...ontology import Ontology, normalize_name, slugify
from ...records import ActorRef, Key
from ..morph import is_article
from .board import ACTOR_LABELS, Board, Names
from .cuts import name_particles, national_bodies, owner_state, touching_persons, with_owner

#: types an initialism never stands for
_NOT_ORGS = frozenset({"Place", "Person", "Official", "State"})


def read_entities(b: Board) -> None:
    """The NER's entities of actor labels, each read as a name: its article, possessive and
    punctuation stripped, a title before a person's name dropped, a plural common noun, a
    demonym or a portfolio left out, and its actor found in the gazetteer or made from the
    name."""
    doc, named, demonym, onto = b.doc, b.named, b.demonym, b.onto
    ents = national_bodies(doc, _person_places(doc, onto), onto)
    for ent in _legal_forms(doc, name_particles(doc, touching_persons(doc, ents), onto), onto):
        if ent.label_ not in ACTOR_LABELS:
            continue
        span, label = _strip(doc, ent, onto.cue("pro_prefix")), ent.label_
        if len(span) == 0:
            continue
        person = _after_title(span, onto)
        if person is not None:
            span, label = person, "PERSON"  # "Spokeswoman Sandy Angers", tagged ORG
        if len(span) == 1 and span[0].tag_ == "NNS" and span[0].lower_ in onto.generic:
            continue  # "Gunmen ambushed ...": a plural common noun the NER took for a name
        if label == "PERSON" and not any(ch.isupper() for ch in ent.text):
            continue  # "women who ran into the bush": a person's name has a capital
        dem = onto.demonym_state(span.text)
        if dem is not None and span[-1].pos_ in {"ADJ", "PROPN"} and _modifier(span[-1]):
            for t in span:  # "Sri Lankan troops", whatever label the NER gave it
                demonym[t.i] = dem
            continue
        tail = _conjoined_tail(span, onto)
        if tail is not None:
            for t in tail[0]:
                named[t.i] = tail
            continue
        if _portfolio(span, onto):
            continue
        # an id that covers the whole entity (spaCy reads a span's from its root token: a name
        # run on through "al-" must not take the id of the company its last word names)
        ent_id = ent.ent_id_ if all(t.ent_id_ == ent.ent_id_ for t in ent) else ""
        if label == "ORG" and _org_type(span, onto) == "Government":
            span = with_owner(span, onto)
        ref = _entity_ref(span, label, ent_id, onto, b.acronyms, b.person_by_suffix)
        if ref is None:
            continue
        if label == "NORP" and ref.type == "State":
            for t in span:
                demonym[t.i] = ref.key
            continue
        for t in span:
            named[t.i] = (span, ref)


def listed_organisations(b: Board) -> None:
    """A name the NER took for a place that the ontology does not know, listed with
    organisations and no state or known place, is an organisation of the same kind: "Ubisoft,
    Microsoft, and PlayStation VR", "The New York Times, Jezebel, Metro.us"."""
    named, onto = b.named, b.onto
    for span, ref in Names(named, {}, {}).spans():
        if ref.type not in _ORG_TYPES:
            continue
        conjuncts = [named.get(c.i) for c in span.root.conjuncts]
        found = [f for f in conjuncts if f is not None]
        if any(r.type == "State" or (r.type == "Place" and r.gazetteer) for _, r in found):
            continue
        for other, oref in found:
            text = plain_name(other.text)
            if (
                oref.type != "Place"
                or oref.gazetteer
                or normalize_name(text) in onto.state_places
                or other[0].ent_type_ not in {"GPE", "LOC"}
                or _located(other)
            ):
                continue
            org = ActorRef(key=_org_key(text, onto), label=text, type=ref.type)
            for t in other:
                named[t.i] = (other, org)


#: the kinds of actor a list's other names take from an organisation among them
_ORG_TYPES = frozenset(
    {"Organization", "Company", "Media", "InternationalOrganization", "PoliticalGroup"}
)


def headline_names(b: Board) -> None:
    """A headline in title case ("Syria Agrees to Allow More Aid for Besieged Towns")
    capitalises every word, so the NER reads runs of them as names ("Syria Agrees"); ingest
    lowers the words the body writes in lower case, and here a name in a headline (a first line
    with no closing full stop) stands only where the gazetteer knows its actor, or the body
    names the same actor or writes the same words with the same capitals ("officials" is no
    name "Officials"). Else the longest start of it the gazetteer knows is the name ("Syria"),
    or none is."""
    text, onto = b.doc.text, b.onto
    end = text.find("\n")
    if end <= 0 or not text[:end].strip() or text[:end].rstrip()[-1] in ".!?":
        return
    body = " ".join(text[end:].split())
    in_body = {ref.key for span, ref in b.named.values() if span.start_char >= end}
    spans = {span.start: (span, ref) for span, ref in b.named.values() if span.start_char < end}
    for span, ref in spans.values():
        words = " ".join(span.text.split())
        if ref.gazetteer or ref.type == "State" or ref.key in in_body:
            continue
        if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", body):
            continue
        for t in span:
            b.named.pop(t.i, None)
        for k in range(len(span) - 1, 0, -1):
            known = onto.lookup_name(span[:k].text)
            if known is not None:
                for t in span[:k]:
                    b.named[t.i] = (span[:k], known)
                break


def _located(span: Span) -> bool:
    """Whether a place's name is followed by the place it lies in ("Trento, Italy", "Durham,
    North Carolina"): a place, whatever it is listed with."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].ent_type_ in {"GPE", "LOC"}
    )


def _legal_forms(doc: Doc, ents: list[Span], onto: Ontology) -> list[Span]:
    """An organisation's entity with the legal form after it that NER left out or cut off as
    an entity of its own: "Chrysler Group LLC", "Apple, Inc." (org_types.tsv ``same_as``)."""
    taken = {t.i for e in ents for t in e}
    out: list[Span] = []
    for ent in ents:
        if out and out[-1].label_ == "ORG" and ent.label_ == "ORG":
            prev = out[-1]
            gap = doc[prev.end : ent.start]
            tail = all(onto.is_legal_form(t.text) for t in ent)
            if tail and all(t.text == "," for t in gap):
                out[-1] = Span(doc, prev.start, ent.end, label="ORG", kb_id=prev.kb_id)
                continue
        out.append(ent)
    for k, ent in enumerate(out):
        if ent.label_ != "ORG":
            continue
        end = ent.end + (ent.end < len(doc) and doc[ent.end].text == ",")
        stop = end
        while stop < len(doc) and stop not in taken and onto.is_legal_form(doc[stop].text):
            stop += 1
        if stop > end:
            out[k] = Span(doc, ent.start, stop, label="ORG", kb_id=ent.kb_id)
    return out


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _person_places(doc: Doc, onto: Ontology) -> list[Span]:
    """The entities, with a person's name that NER took for a place labelled PERSON when an
    apposition calls it a person (:func:`_described_as_person`): "Valeska Paris, an Australian
    woman" read as one place or split into two, "Kenzo" before the place "Oshima"."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        a = ents[i]
        b = ents[i + 1] if i + 1 < len(ents) else None
        first = a.start
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
            first -= 1  # "Kenzo" before the place NER took "Oshima" for
        if (
            a.label_ in _PLACE_LABELS
            and first < a.start
            and not any(t.ent_type_ for t in doc[first : a.start])
            and _described_as_person(doc[first : a.end], onto)
        ):
            out.append(Span(doc, first, a.end, label="PERSON"))
            i += 1
            continue
        if (
            b is not None
            and a.label_ in _PLACE_LABELS
            and b.label_ in _PLACE_LABELS
            and a.end == b.start
            and a.root.head.i in range(b.start, b.end)
            and _described_as_person(doc[a.start : b.end], onto)
        ):
            out.append(Span(doc, a.start, b.end, label="PERSON"))
            i += 2
            continue
        if a.label_ in _PLACE_LABELS and _described_as_person(a, onto):
            a = Span(doc, a.start, a.end, label="PERSON")
        out.append(a)
        i += 1
    return out


def _strip(doc: Doc, span: Span, prefixes: frozenset[str] = frozenset()) -> Span:
    """A name without its article, its possessive ending and punctuation at either end, nor
    a preposition or conjunction NER ran it into ("Ahmed Rashid of | Human Rights Watch"),
    nor a score ("Tunisia | 2 – 1", "Sweden | 1 – 0 Korea Republic"), nor a prefix of whom it
    backs (cue role ``pro_prefix``: "pro- | Gbagbo")."""
    start, end = span.start, span.end
    for k in range(start + 1, end):
        if _score(doc, k):
            end = k
            break
    while start < end and (is_article(doc[start]) or doc[start].is_punct):
        start += 1
    if end - start > 2 and doc[start].lower_ in prefixes and doc[start + 1].text == "-":
        start += 2
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or (doc[end - 1].pos_ in {"ADP", "CCONJ"} and doc[end - 1].is_lower)
    ):
        end -= 1
    return doc[start:end]


def _score(doc: Doc, k: int) -> bool:
    """Whether a game's score begins at token ``k``: a number, a dash, a number ("2 – 1")."""
    if k + 2 >= len(doc) or not (doc[k].like_num and doc[k + 2].like_num):
        return False
    dash = doc[k + 1].text
    return len(dash) == 1 and unicodedata.category(dash) == "Pd"


def _after_title(span: Span, onto: Ontology) -> Span | None:
    """The person's name in a name NER ran a capitalised title into ("Spokeswoman Sandy
    Angers", "Chairman Rick Wagoner": titles.tsv): two or more capitalised proper nouns after
    the title, no word for a kind of organisation among them (org_types.tsv); None when the
    span begins with no title."""
    for n in (2, 1):
        if len(span) < n + 2 or not span[0].is_title:
            continue
        if " ".join(t.lower_ for t in span[:n]) not in onto.titles:
            continue
        rest = span[n:]
        if onto.lookup_name(span.text) is not None or any(t.lower_ in onto.org_types for t in rest):
            return None  # "General Motors Corporation" is no general
        particles = onto.cue("name_particle")
        if rest[-1].is_title and all(
            (t.pos_ == "PROPN" and t.is_title) or t.lower_ in particles or t.text == "-"
            for t in rest
        ):
            return rest  # "Spokesman Ahmed al-Masri"
    return None


def _conjoined_tail(span: Span, onto: Ontology) -> tuple[Span, ActorRef] | None:
    """ "North and South Korea" as one entity: the name after the conjunction, when the
    gazetteer knows it (the word before it is then an elided conjunct, see
    :func:`_elided_conjuncts`)."""
    if len(span) < 4 or span[1].dep_ != "cc":
        return None
    known = onto.lookup_name(span[2:].text)
    return (span[2:], known) if known is not None else None


def _portfolio(span: Span, onto: Ontology) -> bool:
    """ "Defense" in "the Secretary of Defense" or "Interior" in "Interior Minister X": a
    government portfolio after a title's "of" or before the title is part of the title (cue
    role ``portfolio``), not an organisation."""
    words = [t for t in span if not is_article(t)]
    portfolio = " ".join(t.lower_ for t in words) in onto.cue("portfolio")
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if portfolio and after is not None and _office_word(after.lower_, onto):
        return True  # "Interior Minister Khalid al-Obeidi", "Defense Secretary X"
    root = span.root
    of = root.head if root.dep_ == "pobj" else None
    if of is None or of.lower_ not in onto.cue("genitive"):
        return False
    return portfolio and _office_word(of.head.lower_, onto)


def _office_word(word: str, onto: Ontology) -> bool:
    """A title (titles.tsv) or a government head of generic_actors.tsv ("secretary")."""
    row = onto.generic.get(word)
    return word in onto.titles or (row is not None and row.kind == "government")


def _modifier(tok: Token) -> bool:
    """A token that modifies a noun ("Sri Lankan troops"), not a head of its own."""
    return tok.dep_ in {"amod", "compound", "nmod"} or tok.pos_ == "ADJ"


def _entity_ref(
    span: Span,
    label: str,
    ent_id: str,
    onto: Ontology,
    acronyms: Mapping[str, ActorRef],
    person_by_suffix: dict[tuple[str, ...], ActorRef],
) -> ActorRef | None:
    """The actor an entity span names; a new person's name is remembered by its last words."""
    text = plain_name(span.text)  # no look-alike or invisible characters in a name
    if not any(c.isalpha() for c in text) or len(text) < 2 or "\n" in text:
        return None  # punctuation, or a misparse running across a line break
    if any(t.like_email or (t.like_url and not _domain_name(t.text)) for t in span):
        return None  # an address; a site's bare domain ("CBC.ca", "Metro.us") is its name
    if ent_id and ent_id in onto.actors:
        return onto.actor_ref(ent_id)
    known = onto.lookup_name(text)
    if known is not None:
        return known
    norm = normalize_name(text)
    if norm in acronyms:
        return acronyms[norm]
    if label == "NORP":
        state = onto.state_of_word(text)
        return onto.state_ref(state) if state else _people(span, onto)
    if label in {"GPE", "FAC", "LOC"}:
        return ActorRef(key=slugify(text), label=text, type="Place")
    if label in {"ORG", "GPE"} and len(span) == 1 and text[:1].isupper():
        prev = person_by_suffix.get((norm,))
        if prev is not None:
            return prev  # "Devocht" tagged ORG after "Tom Devocht"
    if label == "PERSON" and _used_as_place(span, onto):
        return ActorRef(key=slugify(text), label=text, type="Place")
    if label == "PERSON" and (cls := _described_as_org(span, onto)):
        return ActorRef(key=_org_key(text, onto), label=text, type=cls)
    if label in {"PERSON", "ORG"} and norm in onto.not_actors:
        return None
    if label in {"PERSON", "ORG"} and len(span) > 1 and span[-1].lower_ in onto.cue("award"):
        return None  # "the Anna Maria Selva Prize", "the Pulitzer Prize": an award, no actor
    if label in {"PERSON", "ORG"} and len(span) == 1 and _indefinite_head(span.root):
        return None  # "profess an Oath": a name takes no "a"; a capitalised noun that does is none
    if label == "PERSON" and span.root.tag_ == "NNPS" and not _first_name_before(span, onto):
        # "Bosnian Serbs", "Kurds": a plural name is a people, not a person ("Norm Dicks",
        # whose surname the tagger read as a plural, is one)
        return ActorRef(key=slugify(text), label=text, type="Civilians")
    if label == "PERSON":
        prev = person_by_suffix.get(tuple(norm.split()))
        if prev is not None:
            return prev
        ref = ActorRef(key=slugify(text), label=text, type="Person")
        words = normalize_name(ref.label).split()
        for k in range(1, len(words)):
            person_by_suffix[tuple(words[-k:])] = ref
        return ref
    if label == "ORG" and (unit := _state_unit_name(span, onto)) is not None:
        return unit
    cls = _org_type(span, onto)
    if cls == "Government" and (owner := owner_state(span, onto)) is not None:
        # "Armenia's Defense Ministry", "the Defense Ministry of Armenia", "the Armenian
        # Defense Ministry": one body of one state, whichever way it is written
        state, drop = owner
        words = [t.text for t in span if t.i not in drop and not is_article(t)]
        return ActorRef(key=slugify(" ".join([state, *_kind_last(words, onto)])), label=text,
                        type=cls, part_of=state)  # fmt: skip
    return ActorRef(key=_org_key(text, onto), label=text, type=cls)


def _org_type(span: Span, onto: Ontology) -> str:
    cls = "Organization"
    for t in span:
        cls = onto.org_types.get(t.lower_, cls)
    return cls


def _indefinite_head(tok: Token) -> bool:
    """A noun phrase's head with "a" or "an" before it: "an Oath", not "an Apple executive"
    (there the name modifies the head)."""
    doc = tok.doc
    return (
        tok.dep_ not in {"compound", "amod", "nmod", "poss"}
        and any(
            c.dep_ == "det"
            and c.morph.get("Definite") == ["Ind"]
            # the article opens the name's own phrase: nothing but adjectives between ("a blue
            # Marilyn"), not a misparse across another noun ("a recently-accepted paper Bos")
            and all(t.pos_ in {"ADJ", "ADV", "PUNCT"} for t in doc[c.i + 1 : tok.i])
            for c in tok.children
            if c.i < tok.i
        )
    )


def _domain_name(text: str) -> bool:
    """A bare domain ("CBC.ca", "Secunia.com"), not an address with a scheme, "www." or a path."""
    low = text.lower()
    return "/" not in low and ":" not in low and not low.startswith("www.")


def _people(span: Span, onto: Ontology) -> ActorRef | None:
    """A people the text names as such ("Muslims", "the Kurds", "Sunnis"): a nationality,
    religion or ethnic group (NORP) that heads its own noun phrase, not a word modifying one
    ("Kurdish fighters") nor one person ("a Sunni"), whose word is a people of peoples.tsv or a
    generic head that is no state unit (agents.tsv: "Muslims", "Christians"). The NER's other
    NORP words ("Polaroids", "iTunes") are no actors."""
    root = span.root
    if root.dep_ in {"amod", "compound", "nmod"} or root.pos_ not in {"PROPN", "NOUN"}:
        return None
    if any(t.morph.get("Definite") == ["Ind"] for t in root.children if t.dep_ == "det"):
        return None
    text = plain_name(span.text)
    low = text.lower()
    if low in onto.peoples:  # "the Rohingya", "Druze": the same word for one and many
        return ActorRef(key=slugify(text), label=text, type="Civilians")
    if not (low.endswith("s") or root.tag_ in {"NNPS", "NNS"}):
        return None  # "Buddhist": one, or a word for what a thing is
    for word in (low, low[:-1], root.lemma_.lower()):
        g = onto.generic.get(word)
        if word in onto.peoples or (g is not None and g.cls == "Civilians" and not g.unit):
            return ActorRef(key=slugify(text), label=text, type="Civilians")
    return None


def _state_unit_name(span: Span, onto: Ontology) -> ActorRef | None:
    """A state's unit named as an organisation: a state or its adjective and a generic head of
    a state unit ("Indonesian Navy", "Canadian Government", "US Government") is the unit the
    same words in lower case name (``indonesia/forces``), not an organisation of its own."""
    words = [t for t in span if not t.is_punct or t.text in {".", "'"}]
    if len(words) < 2:
        return None
    head = words[-1]
    g = onto.generic.get(head.lower_) or onto.generic.get(head.lemma_.lower())
    if g is None or not g.unit:
        return None
    state = onto.state_of_word(span.doc[span.start : head.i].text)
    if state is None:
        return None
    return ActorRef(
        key=str(Key(state, g.kind)), label=plain_name(span.text), type=g.cls, part_of=state
    )


def _org_key(text: str, onto: Ontology) -> str:
    """An organisation's key: "News Corp" and "News Corporation" are one (the designator in
    its one form), and "US Federal Reserve", "U.S. Federal Reserve" and "United States Federal
    Reserve" are one (a state named first by its id), and so are "U.S. Department of Labor" and
    "US Labor Department"."""
    words = onto.designated(text).split()
    for n in range(min(3, len(words) - 1), 0, -1):
        ref = onto.lookup_name(" ".join(words[:n]))
        if ref is not None and ref.type == "State":
            return slugify(" ".join([ref.key, *_kind_last(words[n:], onto)]))
    return slugify(" ".join(_kind_last(words, onto)))


def _kind_last(words: list[str], onto: Ontology) -> list[str]:
    """ "Department of Labor" as "Labor Department", "Ministry of Defence" as "Defence
    Ministry": a government body's name with its kind word last, the one order both spellings
    have (org_types.tsv words of class Government)."""
    if (
        len(words) >= 3
        and onto.org_types.get(words[0].lower()) == "Government"
        and words[1].lower() in onto.cue("genitive")
    ):
        return [*words[2:], words[0]]
    return words


def _first_name_before(span: Span, onto: Ontology) -> bool:
    """A proper noun before a name's last word that names no people or state ("Norm" in
    "Norm Dicks", not "Bosnian" in "Bosnian Serbs")."""
    return any(
        t.tag_ == "NNP" and t.i < span.root.i and onto.state_of_word(t.text) is None for t in span
    )


def _described_as_person(span: Span, onto: Ontology) -> bool:
    """A name NER took for a place but an apposition calls a person: "Valeska Paris, an
    Australian woman": the apposition is a singular noun for a person (a title, or a generic
    agent of a people's class)."""
    if len(span) < 2 or not all(t.pos_ == "PROPN" for t in span):
        return False
    for c in span.root.children:
        if (
            c.dep_ != "appos"
            or c.tag_ not in {"NN", "NNP"}
            or not any(d.dep_ == "det" for d in c.children)
        ):
            continue
        low = c.lemma_.lower()
        g = onto.generic.get(low)
        if low in onto.titles or (g is not None and g.cls in {"Civilians", "Person", "Official"}):
            return True
    return False


def _described_as_org(span: Span, onto: Ontology) -> str | None:
    """The class of an organisation that NER took for a person but an apposition describes
    ("Force Ouvriere, the main Airbus union", "the union, Force Ouvriere"): the apposition's
    head is an organisation noun (``org_types.tsv`` words, ``org_noun`` cues)."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for noun in nouns:
        if noun.pos_ == "NOUN" and (cls := _org_class(noun, onto)):
            return cls
    return None


def _org_class(noun: Token, onto: Ontology) -> str:
    """The class a noun for a kind of organisation gives ("union", "party": org_types.tsv;
    "forum", "council": cue role ``org_noun``), or "" for any other noun."""
    low = noun.lemma_.lower()
    return onto.org_types.get(low) or ("Organization" if low in onto.cue("org_noun") else "")


def _used_as_place(span: Span, onto: Ontology) -> bool:
    """A name that NER took for a person but the syntax puts in a place: after a locative
    preposition ("in Jurf al-Sakhar") or a place noun's "of" ("south of Baghdad", "the town of
    Zumar"); both word lists are cue rows (``locative``, ``place_of``)."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in onto.cue("locative"):
        return True
    return prep.lower_ in onto.cue("genitive") and prep.head.lower_ in onto.cue("place_of")


def _as_person(root: Token, onto: Ontology) -> bool:
    """Whether a one-word name stands where a person does: a verb's subject or object, a noun's
    owner, an apposition, or the object of a preposition that puts no place (not "in", "to":
    cue roles ``locative`` and ``motion``)."""
    if root.dep_ in _PERSON_ROLES or root.dep_ == "appos":
        return True
    if root.dep_ != "pobj":
        return False
    prep = root.head.lower_
    return prep not in onto.cue("locative") and prep not in onto.cue("motion")


#: where a name stands as a person does: the subject or object of a verb, the owner of a noun
_PERSON_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "dobj"})
