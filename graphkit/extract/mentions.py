"""Named mentions: which tokens of a parsed document name which actor.

:func:`find_names` reads the NER's entities and the gazetteer ruler's spans once per document
and returns a :class:`Names`: each named token's span and actor, the tokens that are a state's
demonym ("Iraqi", "Sri Lankan"), and the acronyms a name introduced in parentheses
("Popular Mobilisation Forces (PMF)"), which name the same actor everywhere in the document.
A name found once is a name everywhere: later occurrences of the same capitalised words, and
a person's surname alone, become mentions of it too.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz.distance import OSA
from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH, LOWER
from spacy.tokens import Doc, Span, Token

from ..names import plain_name
from ..ontology import Ontology, normalize_name, slugify
from ..records import ActorRef, Key
from .discards import sports_story
from .morph import is_article, is_the

ACTOR_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC"})
NOT_ACTOR_TYPES = frozenset({"Place"})
#: types an initialism never stands for
_NOT_ORGS = frozenset({"Place", "Person", "Official", "State"})


@dataclass(frozen=True)
class Names:
    """The named mentions of one document (read-only once found)."""

    #: token index -> the span of the name it is part of, and the actor the name stands for
    named: Mapping[int, tuple[Span, ActorRef]]
    #: token index -> the state whose demonym the token is part of ("Iraqi" -> iraq)
    demonym: Mapping[int, str]
    #: folded acronym -> the actor it abbreviates in this document
    acronyms: Mapping[str, ActorRef]
    #: token index of a noun a naming participle names -> that name's actor ("an elite group
    #: called the Sea Org": the group is the Sea Org)
    called: Mapping[int, ActorRef] = field(default_factory=dict)
    #: a story about sport (its headline names a competition): states' names are teams
    sport: bool = False

    def spans(self) -> list[tuple[Span, ActorRef]]:
        """Each named mention once, in document order."""
        unique = {span.start: (span, ref) for span, ref in self.named.values()}
        return [unique[k] for k in sorted(unique)]

    def actors(self) -> list[tuple[Span, ActorRef]]:
        """The named mentions that are actors (not places), in document order."""
        return [(s, r) for s, r in self.spans() if r.type not in NOT_ACTOR_TYPES]


def find_names(doc: Doc, onto: Ontology, *, sport: bool | None = None) -> Names:
    """The named mentions of ``doc`` (see the module's docstring). ``sport``: whether the story
    is about sport, when ``doc`` is a part of it parsed alone (a heading); else ``doc``'s
    headline tells."""
    named: dict[int, tuple[Span, ActorRef]] = {}
    demonym: dict[int, str] = {}
    acronyms: dict[str, ActorRef] = {}
    #: the latest person named with more words, by the last words of the name ("Biden",
    #: "Joe Biden"): a shorter later mention is that person
    person_by_suffix: dict[tuple[str, ...], ActorRef] = {}
    for ent in _legal_forms(doc, _person_places(doc, onto), onto):
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
        ref = _entity_ref(span, label, ent.ent_id_, onto, acronyms, person_by_suffix)
        if ref is None:
            continue
        if label == "NORP" and ref.type == "State":
            for t in span:
                demonym[t.i] = ref.key
            continue
        for t in span:
            named[t.i] = (span, ref)
    _elided_conjuncts(doc, named, onto)
    lex = _Lexical(doc)
    _member_acronyms(doc, named, onto, lex)
    _agent_names(doc, named, onto, lex)
    _sources(doc, named, onto, lex)
    _kind_named(doc, named, onto)
    _the_names(doc, named, onto)
    called: dict[int, ActorRef] = {}
    _called_names(doc, named, onto, called)
    _title_organisations(doc, named, onto)
    _appositive_organisations(doc, named, onto)
    _classed_names(doc, named, onto)
    _title_offices(doc, named, onto)
    _compass_states(doc, named, onto)
    _first_names(named)
    _short_forms(named, onto)
    _misspellings(named)
    # "Popular Mobilisation Forces (PMF)": the acronym becomes an alias everywhere in the doc
    for span, ref in Names(named, demonym, acronyms).spans():
        e = span.end
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
            acro = doc[e + 1]
            if acro.text.isupper() and 2 <= len(acro.text) <= 8 and ref.type != "Place":
                acronyms[normalize_name(acro.text)] = ref
    _initialisms(named, acronyms, onto)
    if acronyms:
        for t in doc:
            ref = acronyms.get(normalize_name(t.text))
            if ref is None or not t.text.isupper():
                continue
            current = named.get(t.i)
            if current is None or not current[1].gazetteer:
                named[t.i] = (doc[t.i : t.i + 1], ref)
    _listed_organisations(named, onto)
    _propagate(doc, named, onto)
    if sport is None:
        sport = sports_story(doc, onto)
    if sport:
        _teams(named, onto)
    return Names(named, demonym, acronyms, called, sport)


#: the kinds of actor a list's other names take from an organisation among them
_ORG_TYPES = frozenset(
    {"Organization", "Company", "Media", "InternationalOrganization", "PoliticalGroup"}
)


def _listed_organisations(named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """A name the NER took for a place that the ontology does not know, listed with
    organisations and no state or known place, is an organisation of the same kind: "Ubisoft,
    Microsoft, and PlayStation VR", "The New York Times, Jezebel, Metro.us"."""
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


def _located(span: Span) -> bool:
    """Whether a place's name is followed by the place it lies in ("Trento, Italy", "Durham,
    North Carolina"): a place, whatever it is listed with."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].ent_type_ in {"GPE", "LOC"}
    )


class _Lexical:
    """Which tokens of a document are title case, acronyms or given words, read from the
    lexemes in one array (no Token objects made), for the rules that look for a few tokens."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.flags = doc.to_array([IS_TITLE, IS_UPPER, IS_ALPHA, LENGTH, LOWER]).reshape(-1, 5)

    def titles(self) -> list[int]:
        """Tokens in title case ("Shalev")."""
        return [int(i) for i in np.flatnonzero(self.flags[:, 0])]

    def acronyms(self) -> list[int]:
        """Tokens of two to six capital letters ("ADPL")."""
        f = self.flags
        hits = f[:, 1] & f[:, 2] & (f[:, 3] >= 2) & (f[:, 3] <= 6)
        return [int(i) for i in np.flatnonzero(hits)]

    def words(self, words: frozenset[str]) -> list[int]:
        """Tokens whose lower case is one of ``words``."""
        ids = [self.doc.vocab.strings.add(w) for w in words]
        return [int(i) for i in np.flatnonzero(np.isin(self.flags[:, 4], ids))]


def _agent_names(
    doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology, lex: _Lexical
) -> None:
    """Two or three capitalised words the NER missed right after a noun for a person's trade
    or role are that person's name ("mathematician and writer Aner Shalev"): the noun a
    generic agent (agents.tsv, generic_actors.tsv) or a title of titles.tsv, the words no
    entity, inside a sentence, and no word after them capitalised."""
    after_name = 0  # the first token a name found can start at
    for i in lex.titles():
        if i < max(1, after_name) or i >= len(doc) - 1:
            continue
        noun = doc[i - 1]
        if noun.pos_ != "NOUN" or not (
            noun.lower_ in onto.titles
            or noun.lower_ in onto.generic
            or noun.lemma_.lower() in onto.generic
        ):
            continue
        end = i
        while end < len(doc) and end - i < 3 and _bare_title_word(doc[end], named):
            end += 1
        after = doc[end] if end < len(doc) else None
        if 2 <= end - i <= 3 and (after is None or not after.is_title):
            span = doc[i:end]
            text = plain_name(span.text)
            if normalize_name(text) not in onto.not_actors and onto.lookup_name(text) is None:
                ref = ActorRef(key=slugify(text), label=text, type="Person")
                for t in span:
                    named[t.i] = (span, ref)
            after_name = end + 1


def _bare_title_word(tok: Token, named: Mapping[int, object]) -> bool:
    """A capitalised word of letters inside a sentence that no entity or name takes."""
    return (
        tok.is_title
        and tok.is_alpha
        and not tok.is_sent_start
        and not tok.ent_type_
        and tok.i not in named
        and tok.pos_ in {"PROPN", "NOUN"}
    )


def _sources(
    doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology, lex: _Lexical
) -> None:
    """A name after "according to" (cue role ``according``) that the NER missed, or took for a
    place the ontology does not know, is the source the text cites: an actor of unknown kind
    (type ``Actor``), "the most popular site according to Quantcast"."""
    for i in lex.words(onto.cue("according")):
        if i + 1 >= len(doc):
            continue
        obj = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN":
            continue
        if obj.i in named:
            span, ref = named[obj.i]
            if ref.type != "Place" or ref.gazetteer:
                continue
        else:
            first = obj.i
            while doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
                first -= 1
            span = doc[first : obj.i + 1]
            if any(t.ent_type_ or t.i in named or not t.is_title for t in span):
                continue
        text = plain_name(span.text)
        if normalize_name(text) in onto.not_actors:
            continue
        ref = ActorRef(key=slugify(text), label=text, type="Actor")
        for t in span:
            named[t.i] = (span, ref)


def _member_acronyms(
    doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology, lex: _Lexical
) -> None:
    """An acronym the NER missed after a person's name and "of" is the organisation the person
    belongs to ("Frederick Fung of ADPL", "Leung Kwok-hung of LSD"): one word of two to six
    capital letters, a proper noun, that the ontology knows as no other actor and lists among
    no names that are no actors."""
    of = onto.cue("genitive")
    for i in lex.acronyms():
        tok = doc[i]
        if tok.i in named or tok.ent_type_ or tok.pos_ != "PROPN" or tok.dep_ != "pobj":
            continue
        prep = tok.head
        owner = named.get(prep.head.i) if prep.lower_ in of else None
        if owner is None or owner[1].type != "Person":
            continue
        norm = normalize_name(tok.text)
        if norm in onto.not_actors or onto.lookup_name(tok.text) is not None:
            continue
        span = doc[tok.i : tok.i + 1]
        named[tok.i] = (span, ActorRef(key=slugify(tok.text), label=tok.text, type="Organization"))


def _teams(named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """In a story about sport, a state's or a city's name names its team, an organisation of
    its own and no part of the state ("England beat Tunisia", "an equaliser for Korea",
    "lost to England"), except where it puts a place ("in Russia", "south of Kazan")."""
    for span, ref in Names(named, {}, {}).spans():
        if ref.type not in {"State", "Place"} or _used_as_place(span, onto):
            continue
        if ref.type == "Place" and normalize_name(span.text) not in onto.state_places:
            continue
        team = team_ref(plain_name(span.text))
        for t in span:
            named[t.i] = (span, team)


def team_ref(name: str) -> ActorRef:
    """The team a state's or a city's name stands for in a story about sport."""
    label = f"{name} (team)"
    return ActorRef(key=slugify(label), label=label, type="Organization")


def _free(named: dict[int, tuple[Span, ActorRef]], span: Span) -> bool:
    """No word of ``span`` names an actor yet (a place may be part of an organisation's name:
    "the Municipality of Livorno")."""
    return all(t.i not in named or named[t.i][1].type == "Place" for t in span)


def _claim(named: dict[int, tuple[Span, ActorRef]], span: Span, ref: ActorRef) -> None:
    """``span`` names ``ref``; a place name inside it or around it is no name of its own."""
    for t in span:
        old = named.get(t.i)
        if old is not None:
            for u in old[0]:
                named.pop(u.i, None)
    for t in span:
        named[t.i] = (span, ref)


def _the_names(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """A name the NER missed whose article is part of it, written with a capital inside a
    sentence: "a writer for The Onion", "publications including The Brooklyn Paper". The words
    after the article are capitalised proper nouns that no entity holds, the first no title nor
    generic head ("The President", "The Government"); the class is its kind word's
    (org_types.tsv), else Organization. Its other occurrences, at a sentence's start too, are
    found as any name's are."""
    for tok in doc:
        if not (is_the(tok) and tok.is_title) or tok.is_sent_start or tok.i == 0:
            continue
        if doc[tok.i - 1].is_punct and doc[tok.i - 1].text not in {",", "(", "-"}:
            continue  # after a colon or a quotation mark a capital begins a sentence
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            if doc[end].ent_type_ or doc[end].i in named:
                break
            end += 1
        if end == tok.i + 1 or (end < len(doc) and (doc[end].ent_type_ or doc[end].i in named)):
            continue
        first = doc[tok.i + 1]
        if first.lower_ in onto.titles or first.lower_ in onto.generic:
            continue
        span = doc[tok.i : end]
        key = _org_key(plain_name(span[1:].text), onto)  # "the Onion" elsewhere is the same
        _claim(named, span, ActorRef(key, plain_name(span.text), _org_type(span, onto)))


def _kind_named(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """A capitalised name headed by a word for a kind of organisation (org_types.tsv) that NER
    missed or took for a place or an event: "the Sydney Morning Herald", "the Saudi Interior
    Ministry", "the Municipality of Livorno". Two words at least, every one capitalised but
    the genitive between them; a place of state_places.tsv keeps its name ("the West Bank")."""
    of = onto.cue("genitive")
    for head in doc:
        if not head.is_title or head.lower_ not in onto.org_types:
            continue
        if not _free(named, doc[head.i : head.i + 1]):
            continue
        if head.pos_ not in {"PROPN", "NOUN"} or head.ent_type_ == "PERSON":
            continue
        start = head.i
        while (
            start > 0
            and doc[start - 1].dep_ in {"compound", "amod", "nmod"}
            and (doc[start - 1].head.i in range(start, head.i + 1) and doc[start - 1].is_title)
        ):
            start -= 1
        end = head.i + 1
        if end + 1 < len(doc) and doc[end].lower_ in of and doc[end].head == head:
            pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                sub = [t for t in pobj.subtree if not is_article(t)]
                if all(t.is_title or t.is_upper for t in sub) and sub[0].i == end + 1:
                    end = pobj.right_edge.i + 1
        span = doc[start:end]
        if len(span) < 2 or not _free(named, span) or any(t.ent_type_ == "PERSON" for t in span):
            continue
        if normalize_name(span.text) in onto.state_places or onto.lookup_name(span.text):
            continue
        text = plain_name(span.text)
        _claim(named, span, ActorRef(_org_key(text, onto), text, onto.org_types[head.lower_]))


def _title_organisations(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """The capitalised words before a title of an organisation's officer, before a person's
    name, name that organisation when NER missed them: "Facebook co-founder Mark Zuckerberg",
    "Heaven Sent Gaming CEO X" (titles.tsv rows with target ``org``)."""
    for span, ref in Names(named, {}, {}).spans():
        if ref.type != "Person":
            continue
        words: list[Token] = []
        i = span.start - 1
        while i >= 0 and (
            doc[i].dep_ in {"compound", "amod", "nmod"} or "-" in {doc[i].text, doc[i + 1].text}
        ):  # "co - founder", whatever the parser hangs "co" on
            words.insert(0, doc[i])
            i -= 1
        # the longest title of an organisation's officer the words end with ("co-founder")
        titles = [onto.titles.get(_hyphened(words[k:])) for k in range(len(words))]
        cut = next((k for k, t in enumerate(titles) if t is not None and t.target == "org"), 0)
        if not cut:
            continue
        org = words[:cut]
        while org and not _name_word(org[0]):
            org = org[1:]
        if not org or not all(_name_word(t) for t in org):
            continue
        name = doc[org[0].i : org[-1].i + 1]
        if not _free(named, name) or any(onto.state_of_word(t.text) for t in name):
            continue
        text = plain_name(name.text)
        _claim(named, name, ActorRef(_org_key(text, onto), text, _org_type(name, onto)))


def _hyphened(words: list[Token]) -> str:
    """Words as titles.tsv spells them: lower case, a hyphen with no spaces ("co-founder")."""
    return " ".join(w.lower_ for w in words).replace(" - ", "-")


def _name_word(tok: Token) -> bool:
    """A word that can be part of a name NER missed: a capitalised proper noun, or a
    capitalised common noun that does not begin its sentence ("to Facebook creator X")."""
    if tok.is_upper and len(tok) > 1:
        return tok.pos_ in {"PROPN", "NOUN"}
    if not tok.is_title:
        return False
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and not tok.is_sent_start)


def _called_names(
    doc: Doc,
    named: dict[int, tuple[Span, ActorRef]],
    onto: Ontology,
    called: dict[int, ActorRef],
) -> None:
    """The name a naming participle gives a noun for a kind of organisation, whatever NER made
    of it: "an elite group called the Sea Org", "a team known as the Gliders", "a militia
    calling itself X" (cue role ``naming``; the class is the noun's, else Organization)."""
    for verb in doc:
        if verb.lemma_.lower() not in onto.cue("naming") or verb.pos_ != "VERB":
            continue
        if verb.dep_ == "acl":
            noun = verb.head
        else:
            noun = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if noun is None or noun.pos_ != "NOUN":
            continue
        cls = _naming_class(noun, onto)
        if not cls and verb.dep_ != "acl":
            # "a defector from the elite group ... called the Sea Org", the participle parsed
            # as the defector's verb: the name is the nearest organisation noun's before it
            for t in reversed([t for t in noun.subtree if t.i < verb.i and t.pos_ == "NOUN"]):
                if cls := _naming_class(t, onto):
                    noun = t
                    break
        names = [c for c in verb.children if c.dep_ == "oprd"]
        names += [p for c in verb.children if c.dep_ == "prep" for p in c.children
                  if p.dep_ == "pobj"]  # fmt: skip
        for name in names:
            if name.pos_ != "PROPN" or not cls:
                continue
            words = [t for t in name.subtree if t.i <= name.i and not is_article(t)]
            end = name.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
                end += 1  # "a company named Heaven | Sent Gaming", parsed as an apposition
            span = doc[words[0].i : end]
            if not all(t.is_title or t.is_upper for t in span) or not _free(named, span):
                continue
            text = plain_name(span.text)
            _claim(named, span, ActorRef(_org_key(text, onto), text, cls))
            if span.start in named:
                called[noun.i] = named[span.start][1]


def _naming_class(noun: Token, onto: Ontology) -> str:
    """The class of an organisation a noun names ("group", "company"), or ""."""
    return _org_class(noun, onto) or (
        "Organization" if noun.lemma_.lower() in onto.descriptions else ""
    )


def _appositive_organisations(
    doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology
) -> None:
    """A proper noun the NER missed, in apposition to a noun for a part or the parent of an
    organisation, is an organisation: "its European division, Opel", "its parent company,
    EADS" (cue roles ``part`` and ``parent``)."""
    nouns = onto.cue("part") | onto.cue("parent")
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.i in named:
            continue
        head = tok.head
        words = {head.lemma_.lower()} | {
            c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.i < head.i
        }
        if head.pos_ != "NOUN" or not words & nouns or not tok.text[:1].isupper():
            continue
        first = min(
            [tok, *(c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN")],
            key=lambda t: t.i,
        )
        span = doc[first.i : tok.i + 1]
        if any(t.i in named or t.ent_type_ for t in span):
            continue
        text = plain_name(span.text)
        ref = onto.lookup_name(text) or ActorRef(key=slugify(text), label=text, type="Organization")
        for t in span:
            named[t.i] = (span, ref)


def _classed_names(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """A proper noun the NER missed after a noun that says what kind of organisation it is:
    "the British union Unite", "the rebel group Seleka", "the party Syriza". The noun is an
    ``org_types.tsv`` word (which gives the class) or an ``org_noun`` cue."""
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.i in named or tok.ent_type_ or not tok.text[:1].isupper():
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # the name goes on: its last word decides
        kinds = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if not kinds:
            continue
        kind = kinds[-1]
        cls = _org_class(kind, onto)
        first = min(
            [tok, *(c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN")],
            key=lambda t: t.i,
        )
        if not cls or first.i <= kind.i or tok.lower_ in onto.titles:
            continue
        span = doc[first.i : tok.i + 1]
        if any(t.i in named or t.ent_type_ or not t.text[:1].isupper() for t in span):
            continue
        text = plain_name(span.text)
        ref = onto.lookup_name(text) or ActorRef(key=slugify(text), label=text, type=cls)
        for t in span:
            named[t.i] = (span, ref)


def _title_offices(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """ "the LA Sheriff's office", "the Prime Minister's Office": an office noun (cue role
    ``title_office``) whose possessive is a title (titles.tsv) or an agent that is a state's
    unit (``unit`` in generic_actors.tsv, sectors.tsv) is a government body, named by the
    whole phrase."""
    offices = onto.cue("title_office")
    for tok in doc:
        if tok.lemma_.lower() not in offices or tok.pos_ not in {"NOUN", "PROPN"} or tok.i in named:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
        if poss is None or not poss.text[:1].isupper():
            continue
        if poss.i in named and (named[poss.i][1].gazetteer or named[poss.i][0].end != poss.i + 1):
            continue  # "Obama's office" is his; an entity "Los Angeles Sheriff" is the title's
        low = poss.lemma_.lower()
        row = onto.generic.get(low)
        if low not in onto.titles and (row is None or not row.unit):
            continue  # a title, or an agent that is a state's own unit (sheriff, police)
        first = named[poss.i][0][0] if poss.i in named else poss.left_edge
        while first.i < poss.i and (is_article(first) or not first.text[:1].isupper()):
            first = doc[first.i + 1]
        span = doc[first.i : tok.i + 1]
        text = plain_name(span.text)
        ref = onto.lookup_name(text) or ActorRef(key=slugify(text), label=text, type="Government")
        for t in span:
            named[t.i] = (span, ref)


def _compass_states(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """ "The South retaliated by firing into the north": in a document that names North and
    South Korea, "the North" and "the South" (cue role ``compass``) are the one state named
    there whose name begins with the word; "the north of the country" stays a direction."""
    compass = onto.cue("compass")
    states: dict[str, set[ActorRef]] = {}
    for _span, ref in Names(named, {}, {}).spans():
        words = ref.label.lower().split()
        if ref.type == "State" and len(words) > 1 and words[0] in compass:
            states.setdefault(words[0], set()).add(ref)
    if not states:
        return
    for tok in doc:
        low = tok.lower_
        if low not in states or len(states[low]) != 1 or tok.i == 0:
            continue
        if not is_the(doc[tok.i - 1]) or tok.dep_ in {"compound", "amod", "nmod"}:
            continue
        if any(c.dep_ == "prep" for c in tok.children):
            continue  # "the north of the country"
        current = named.get(tok.i)
        if current is not None and (current[0].start != tok.i or len(current[0]) != 1):
            continue  # part of a longer name
        named[tok.i] = (doc[tok.i : tok.i + 1], next(iter(states[low])))


#: classes whose names shorten to their first or last words ("the Home Office")
_NOT_SHORTENED = frozenset({"Person", "Place", "State", "Civilians"})


def _short_forms(named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """ "the Comic Corps" in a document that names the Comic Corps of Canada, "the Air Force"
    and the United States Air Force: an organisation named by two or more words that are the
    first or the last words of exactly one longer organisation name of the document is that
    organisation. A gazetteer name keeps its own actor, and a short form two longer names
    share is left alone. One word is a short form only of the name it begins that goes on
    with words for the kind of organisation alone ("Freedom" for "Freedom Magazine",
    org_types.tsv)."""
    spans = [(s, r) for s, r in Names(named, {}, {}).spans() if r.type not in _NOT_SHORTENED]
    # the longer names by their first and last words, so that each span meets only its own
    by_end: dict[str, set[tuple[tuple[str, ...], ActorRef]]] = {}
    for s, r in spans:
        w = tuple(normalize_name(s.text).split())
        if len(w) > 1:
            by_end.setdefault(w[0], set()).add((w, r))
            by_end.setdefault(w[-1], set()).add((w, r))
    for span, ref in spans:
        words = tuple(normalize_name(span.text).split())
        if ref.gazetteer or not words:
            continue
        n = len(words)
        names = by_end.get(words[0], set()) | by_end.get(words[-1], set())
        if n == 1:
            keys = {
                r.key: r for w, r in names
                if w[0] == words[0] and r.key != ref.key
                and all(x in onto.org_types for x in w[1:])
            }  # fmt: skip
        else:
            keys = {
                r.key: r for w, r in names
                if len(w) > n and (w[:n] == words or w[-n:] == words) and r.key != ref.key
            }  # fmt: skip
        if len(keys) == 1:
            whole = next(iter(keys.values()))
            for t in span:
                named[t.i] = (span, whole)
    _first_words(named, onto)


def _first_words(named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """ "Cerberus" in a document that first names Cerberus Capital Management: one word, left
    a name of its own, that begins exactly one longer organisation name of the document and no
    person's name, and that the text writes only after that name, is that organisation, as
    news shortens a company's name after its first mention ("Lockheed" for the gazetteer's
    Lockheed Martin too). A word written before the longer name is a name of its own ("Ford
    ... Ford Australia", "Chrysler ... the Chrysler Aspen"), and so is a gazetteer word. The
    name a kind word governs is a first word too ("Scientology" after the Church of
    Scientology; org_types.tsv)."""
    spans = Names(named, {}, {}).spans()
    orgs: dict[str, set[str]] = {}
    full: dict[str, ActorRef] = {}
    first: dict[str, int] = {}  # where each name is first written
    people: set[str] = set()
    for span, ref in spans:
        words = normalize_name(span.text).split()
        first.setdefault(" ".join(words), span.start)
        if ref.type == "Person" and len(words) > 1:
            people.update(words)
        elif ref.type not in _NOT_SHORTENED and len(words) > 1:
            orgs.setdefault(words[0], set()).add(ref.key)
            if len(words) == 3 and words[0] in onto.org_types and words[1] in onto.cue("genitive"):
                orgs.setdefault(words[2], set()).add(ref.key)  # "Church of Scientology"
            first.setdefault(ref.key, span.start)
            full[ref.key] = ref
    for span, ref in spans:
        word = normalize_name(span.text)
        if len(span) != 1 or ref.gazetteer or ref.key != slugify(span.text) or word in people:
            continue
        if ref.type in _NOT_SHORTENED - {"Person"}:
            continue
        keys = orgs.get(word, set()) - {ref.key}
        if len(keys) == 1 and first[word] > first[key := next(iter(keys))]:
            named[span.start] = (span, full[key])


def _first_names(named: dict[int, tuple[Span, ActorRef]]) -> None:
    """ "Frank" in a document that names Frank Rack and no other Frank: a person named by one
    word that is the first name of exactly one person named in full is that person."""
    spans = Names(named, {}, {}).spans()
    by_first: dict[str, set[str]] = {}
    full: dict[str, ActorRef] = {}
    for span, ref in spans:
        if ref.type == "Person" and len(span) >= 2 and span[0].is_title:
            by_first.setdefault(normalize_name(span[0].text), set()).add(ref.key)
            full[ref.key] = ref
    for span, ref in spans:
        if ref.type != "Person" or len(span) != 1 or ref.gazetteer:
            continue
        keys = by_first.get(normalize_name(span.text), set()) - {ref.key}
        if len(keys) == 1:
            named[span.start] = (span, full[next(iter(keys))])


def _misspellings(named: dict[int, tuple[Span, ActorRef]]) -> None:
    """A name the document also writes one letter off is the same actor ("Untied Nations" for
    the United Nations, "Kristin Wilkins" for Kristen Wilkins, "Mauer" for K.C. Maurer). One
    edit (a letter added, dropped, changed, or two swapped: optimal string alignment, from
    rapidfuzz) in an organisation's name of ten letters or more with no digit; in a person's,
    in a first name of six letters or more with the same surname, or in a surname of five
    letters or more with the same first name or none. A person is never joined to an
    organisation. The spelling kept is the gazetteer's, else the one of the longest name ("Tony
    Clement" over "Clements"), else the most frequent, else the first written."""
    spans = [(s, r) for s, r in Names(named, {}, {}).actors() if r.type not in {"State", "Actor"}]
    count = Counter(r.key for _, r in spans)
    refs = {r.key: r for _, r in spans}
    names: dict[str, set[str]] = {}
    first: dict[str, int] = {}  # spans come in document order
    for span, ref in spans:
        names.setdefault(ref.key, set()).add(normalize_name(span.text))
        first.setdefault(ref.key, span.start)
    words = {k: max(len(n.split()) for n in v) for k, v in names.items()}
    order = sorted(refs, key=lambda k: (not refs[k].gazetteer, -words[k], -count[k], first[k]))
    rank = {k: i for i, k in enumerate(order)}
    # only names that share a one-deletion key can be one edit apart: each actor is compared
    # with those, not with every other (linear in the names, not quadratic)
    block: dict[str, set[str]] = {}
    for k in order:
        for key in _edit_keys(names[k], person=refs[k].type == "Person"):
            block.setdefault(key, set()).add(k)
    joined: dict[str, ActorRef] = {}
    for i, a in enumerate(order):
        if a in joined:
            continue
        near = {b for key in _edit_keys(names[a], person=refs[a].type == "Person")
                for b in block[key]}  # fmt: skip
        for b in sorted((b for b in near if rank[b] > i), key=rank.__getitem__):
            rb = refs[b]
            if b in joined or rb.gazetteer or (rb.type == "Person") != (refs[a].type == "Person"):
                continue
            person = rb.type == "Person"
            if any(_one_letter_off(x, y, person=person) for x in names[a] for y in names[b]):
                joined[b] = refs[a]
    if not joined:
        return
    for span, ref in spans:
        if ref.key in joined:
            for t in span:
                named[t.i] = (span, joined[ref.key])


def _edit_keys(names: set[str], *, person: bool) -> set[str]:
    """The one-deletion keys of names: two strings one edit apart (a letter added, dropped,
    changed, or two swapped) always share one. A person's surname alone is keyed too, since
    "Mauer" is compared with the last word of "K.C. Maurer"."""
    out: set[str] = set()
    for n in names:
        parts = [n, f"\x00{n.split()[-1]}"] if person and n.split() else [n]
        for word in parts:
            out.add(word)
            out.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return out


def _one_letter_off(a: str, b: str, *, person: bool) -> bool:
    """Whether two folded names differ by one edit where a misspelling would (see
    :func:`_misspellings`)."""
    if a == b:
        return False
    if not person:
        return (
            min(len(a), len(b)) >= 10
            and not any(c.isdigit() for c in a + b)
            and (OSA.distance(a, b) == 1)
        )
    wa, wb = a.split(), b.split()
    if len(wa) > 1 and len(wb) > 1 and len(wa) == len(wb):
        if wa[-1] == wb[-1]:  # the first names differ
            first_a, first_b = " ".join(wa[:-1]), " ".join(wb[:-1])
            return min(len(first_a), len(first_b)) >= 6 and OSA.distance(first_a, first_b) == 1
        return wa[:-1] == wb[:-1] and _surname_off(wa[-1], wb[-1])
    if len(wa) == 1 or len(wb) == 1:  # a surname alone
        return _surname_off(wa[-1], wb[-1])
    return False


def _surname_off(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 5 and OSA.distance(a, b) == 1


def _initials(span: Span, onto: Ontology) -> set[str]:
    """The initialisms a name of several words is written with: "General Motors" -> GM; a last
    word that only says what it is may be left out ("... and Space Company" -> EADS)."""
    words = [t.text for t in span if t.is_title or t.is_upper]
    out = {"".join(w[0] for w in words).upper()} if len(words) >= 2 else set()
    if len(words) >= 3 and words[-1].lower() in onto.org_types:
        out.add("".join(w[0] for w in words[:-1]).upper())
    return out


def _initialisms(
    named: dict[int, tuple[Span, ActorRef]], acronyms: dict[str, ActorRef], onto: Ontology
) -> None:
    """ "GM" in a document that also names General Motors: an upper-case word that is the
    initials of exactly one organisation named there, and no gazetteer actor of its own, is
    that organisation (the acronyms of "General Motors (GM)" need no parentheses)."""
    spans = Names(named, {}, {}).spans()
    full: dict[str, set[str]] = {}
    refs: dict[str, ActorRef] = {}
    for span, ref in spans:
        if len(span) >= 2 and ref.type not in _NOT_ORGS:
            for ini in _initials(span, onto):
                full.setdefault(ini, set()).add(ref.key)
                refs[ref.key] = ref
    for span, ref in spans:
        text = span.text
        if len(span) != 1 or not text.isupper() or not 2 <= len(text) <= 6 or ref.gazetteer:
            continue
        keys = full.get(text, set()) - {ref.key}
        if len(keys) == 1 and ref.type not in _NOT_ORGS:
            other = refs[next(iter(keys))]
            named[span.start] = (span, other)
            acronyms.setdefault(normalize_name(text), other)


def _conjoined_tail(span: Span, onto: Ontology) -> tuple[Span, ActorRef] | None:
    """ "North and South Korea" as one entity: the name after the conjunction, when the
    gazetteer knows it (the word before it is then an elided conjunct, see
    :func:`_elided_conjuncts`)."""
    if len(span) < 4 or span[1].dep_ != "cc":
        return None
    known = onto.lookup_name(span[2:].text)
    return (span[2:], known) if known is not None else None


def _elided_conjuncts(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """ "North and South Korea", "East and West Germany": a capitalised word conjoined before a
    name of several words names the actor of the name with that word in front, when the
    gazetteer knows it."""
    for span, ref in list(Names(named, {}, {}).spans()):
        if len(span) < 2 or span.start < 2 or ref.type == "Place":
            continue
        word, cc = doc[span.start - 2], doc[span.start - 1]
        if cc.dep_ != "cc" or word.i in named or not word.is_title:
            continue
        other = onto.lookup_name(" ".join([word.text, *(t.text for t in span[1:])]))
        if other is not None and other.key != ref.key:
            named[word.i] = (doc[word.i : word.i + 1], other)


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
        if all(t.pos_ == "PROPN" and t.is_title for t in rest):
            return rest
    return None


def _org_type(span: Span, onto: Ontology) -> str:
    cls = "Organization"
    for t in span:
        cls = onto.org_types.get(t.lower_, cls)
    return cls


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
    return ActorRef(key=_org_key(text, onto), label=text, type=_org_type(span, onto))


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


def _propagate(doc: Doc, named: dict[int, tuple[Span, ActorRef]], onto: Ontology) -> None:
    """Mark the other occurrences of each name (and a person's surname alone) in ``named``."""
    forms: dict[tuple[str, ...], tuple[Span, ActorRef]] = {}
    for span, ref in Names(named, {}, {}).spans():
        if ref.type in NOT_ACTOR_TYPES or not span[0].text[:1].isupper():
            continue
        forms.setdefault(tuple(t.text for t in span), (span, ref))
        if (
            ref.type == "Person"
            and len(span) > 1
            and (span[-1].pos_ == "PROPN" or span[-1].is_title)
        ):
            forms.setdefault((span[-1].text,), (span, ref))
    if not forms:
        return
    #: how often the NER gives each word each label
    readings = Counter((t.text, e.label_) for e in doc.ents for t in e)
    _places_named_as_actors(doc, named, forms, readings, onto)
    longest = max(len(k) for k in forms)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in named or _taken(tok) or tok.ent_iob_ == "I" or not tok.text[:1].isupper():
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            found = forms.get(tuple(t.text for t in span))
            if found is None or any(t.i in named or _taken(t) for t in span):
                continue
            if span[0].ent_type_ and (
                (len(found[0]) != n and not _reads_as_person(span, readings))
                or (span.end < len(doc) and doc[span.end].ent_iob_ == "I")
            ):
                continue  # a misread entity is an actor's whole name as written, or a
                # surname the NER reads as a person's more often ("Mohamed" after
                # "Ahmed Mohamed"; not "Discovery" after "Space Shuttle Discovery"), never
                # a part of a longer entity
            if (
                n == 1
                and tok.pos_ != "PROPN"
                and found[1].type == "Person"
                and tok.dep_ not in _NAME_ROLES
            ):
                continue  # "Will" at the start of a sentence is no surname; "Rathbun
                # requested", tagged a verb, is one
            for t in span:
                named[t.i] = (span, found[1])
            i += n - 1
            break
        i += 1


#: NER labels of names that are no actors, which the NER also gives a person's or an
#: organisation's name it misreads ("Batman" as a WORK_OF_ART after the ORG "Batman"): a whole
#: such entity spelled as an actor named in the same document is that actor
_MISREAD_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _reads_as_person(span: Span, readings: Counter[tuple[str, str]]) -> bool:
    """Whether the NER reads the one word of ``span`` as (part of) a person's name more often
    than with the label it gives it here."""
    word = span[0].text
    return len(span) == 1 and readings[word, "PERSON"] > readings[word, span[0].ent_type_]


def _taken(tok: Token) -> bool:
    """Whether the NER put ``tok`` in an entity of its own kind (not a misread name)."""
    return bool(tok.ent_type_) and tok.ent_type_ not in _MISREAD_LABELS


#: NER labels of a place that is no state or city: one that is an actor's name in the same
#: document is that actor ("Scientology" taken for a LOC after "Scientology" the ORG)
_LOOSE_PLACES = frozenset({"LOC", "FAC"})
#: where a name stands as a person does: the subject or object of a verb, the owner of a noun
_PERSON_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "dobj"})
#: where a word stands as a noun phrase's head does (a surname the tagger took for a verb or a
#: plural noun: "Wilkins observed")
_NAME_ROLES = _PERSON_ROLES | {"pobj", "appos", "conj", "attr"}


def _places_named_as_actors(
    doc: Doc,
    named: dict[int, tuple[Span, ActorRef]],
    forms: dict[tuple[str, ...], tuple[Span, ActorRef]],
    readings: Counter[tuple[str, str]],
    onto: Ontology,
) -> None:
    """A place that the document also uses as an actor's name is that actor: a LOC or FAC
    entity spelled like an organisation or person named there, and a city's name that is the
    surname of a person named there when it stands as a person ("Valeska Paris ... Paris
    claims", "Paris's father", "a case against Montalvo", "their child, Gloria"; "in Paris"
    and "flew to Paris" stay the city); a one-word person's name as well where the NER reads
    the word more often as a person's than as a place, or as often and the ontology knows no
    place of that name ("say on Obama, Obama's advisor"). A person's name of two words or more is
    that person wherever it stands ("with the Associated Press, Rick Santorum compared ..."),
    and so are two places the NER read in a row that spell a person's name ("Valeska Paris")."""
    places = {span.start: span for span, ref in Names(named, {}, {}).spans() if ref.type == "Place"}
    for span in places.values():
        after = places.get(span.end)
        whole = forms.get(tuple(t.text for t in doc[span.start : after.end])) if after else None
        if whole is not None and whole[1].type == "Person":
            # "Valeska" and "Paris", two places to the NER, are the person's full name
            joined = doc[span.start : after.end]
            for t in joined:
                named[t.i] = (joined, whole[1])
            continue
        found = forms.get(tuple(t.text for t in span))
        if (
            found is None
            or found[1].type == "Place"
            or named[span.start][1].type != "Place"
            or named[span.start][1].gazetteer
        ):
            continue
        label = span[0].ent_type_
        word = span[0].text
        # a surname of a longer name, or a word the NER reads more often as a person's (as
        # often, when the ontology knows no place of that name)
        surname = len(found[0]) > len(span)
        votes = readings[word, "PERSON"] - sum(readings[word, lab] for lab in _PLACE_LABELS)
        known = normalize_name(word) in onto.state_places
        person = found[1].type == "Person" and (
            len(span) > 1
            or (
                (surname or votes > 0 or (votes == 0 and not known)) and _as_person(span.root, onto)
            )
        )
        if label in _LOOSE_PLACES or person:
            for t in span:
                named[t.i] = (span, found[1])


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


def _modifier(tok: Token) -> bool:
    """A token that modifies a noun ("Sri Lankan troops"), not a head of its own."""
    return tok.dep_ in {"amod", "compound", "nmod"} or tok.pos_ == "ADJ"


def _portfolio(span: Span, onto: Ontology) -> bool:
    """ "Defense" in "the Secretary of Defense": a government portfolio after a title's "of" is
    part of the title (cue role ``portfolio``), not an organisation."""
    root = span.root
    of = root.head if root.dep_ == "pobj" else None
    if of is None or of.lower_ not in onto.cue("genitive"):
        return False
    title = of.head.lower_
    row = onto.generic.get(title)  # "secretary", a government head of generic_actors.tsv
    if title not in onto.titles and (row is None or row.kind != "government"):
        return False
    words = [t for t in span if not is_article(t)]
    return " ".join(t.lower_ for t in words) in onto.cue("portfolio")


def _first_name_before(span: Span, onto: Ontology) -> bool:
    """A proper noun before a name's last word that names no people or state ("Norm" in
    "Norm Dicks", not "Bosnian" in "Bosnian Serbs")."""
    return any(
        t.tag_ == "NNP" and t.i < span.root.i and onto.state_of_word(t.text) is None for t in span
    )


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


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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
