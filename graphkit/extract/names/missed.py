"""What the NER missed: names found from the words around them."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from ...names import plain_name
from ...ontology import Ontology, normalize_name, slugify
from ...records import ActorRef
from ..morph import is_article, is_the
from .board import Board, Names, claim, free
from .read import _org_class, _org_key, _org_type


def elided_conjuncts(b: Board) -> None:
    """ "North and South Korea", "East and West Germany": a capitalised word conjoined before a
    name of several words names the actor of the name with that word in front, when the
    gazetteer knows it."""
    doc, named, onto = b.doc, b.named, b.onto
    for span, ref in list(Names(named, {}, {}).spans()):
        if len(span) < 2 or span.start < 2 or ref.type == "Place":
            continue
        word, cc = doc[span.start - 2], doc[span.start - 1]
        if cc.dep_ != "cc" or word.i in named or not word.is_title:
            continue
        other = onto.lookup_name(" ".join([word.text, *(t.text for t in span[1:])]))
        if other is not None and other.key != ref.key:
            named[word.i] = (doc[word.i : word.i + 1], other)


def member_acronyms(b: Board) -> None:
    """An acronym the NER missed after a person's name and "of" is the organisation the person
    belongs to ("Frederick Fung of ADPL", "Leung Kwok-hung of LSD"): one word of two to six
    capital letters, a proper noun, that the ontology knows as no other actor and lists among
    no names that are no actors."""
    doc, named, onto, lex = b.doc, b.named, b.onto, b.lex
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


def agent_names(b: Board) -> None:
    """Two or three capitalised words the NER missed right after a noun for a person's trade
    or role are that person's name ("mathematician and writer Aner Shalev"): the noun a
    generic agent (agents.tsv, generic_actors.tsv) or a title of titles.tsv, the words no
    entity, inside a sentence, and no word after them capitalised."""
    doc, named, onto, lex = b.doc, b.named, b.onto, b.lex
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


def sources(b: Board) -> None:
    """A name after "according to" (cue role ``according``) that the NER missed, or took for a
    place the ontology does not know, is the source the text cites: an actor of unknown kind
    (type ``Actor``), "the most popular site according to Quantcast"."""
    doc, named, onto, lex = b.doc, b.named, b.onto, b.lex
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


def kind_named(b: Board) -> None:
    """A capitalised name headed by a word for a kind of organisation (org_types.tsv) that NER
    missed or took for a place or an event: "the Sydney Morning Herald", "the Saudi Interior
    Ministry", "the Municipality of Livorno". Two words at least, every one capitalised but
    the genitive between them; a place of state_places.tsv keeps its name ("the West Bank")."""
    doc, named, onto = b.doc, b.named, b.onto
    of = onto.cue("genitive")
    for head in doc:
        if not head.is_title or head.lower_ not in onto.org_types:
            continue
        if not free(named, doc[head.i : head.i + 1]):
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
        if len(span) < 2 or not free(named, span) or any(t.ent_type_ == "PERSON" for t in span):
            continue
        if normalize_name(span.text) in onto.state_places or onto.lookup_name(span.text):
            continue
        text = plain_name(span.text)
        claim(named, span, ActorRef(_org_key(text, onto), text, onto.org_types[head.lower_]))


def the_names(b: Board) -> None:
    """A name the NER missed whose article is part of it, written with a capital inside a
    sentence: "a writer for The Onion", "publications including The Brooklyn Paper". The words
    after the article are capitalised proper nouns that no entity holds, the first no title nor
    generic head ("The President", "The Government"); the class is its kind word's
    (org_types.tsv), else Organization. Its other occurrences, at a sentence's start too, are
    found as any name's are."""
    doc, named, onto = b.doc, b.named, b.onto
    for tok in doc:
        if not (tok.is_title and is_the(tok)) or tok.is_sent_start or tok.i == 0:
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
        claim(named, span, ActorRef(key, plain_name(span.text), _org_type(span, onto)))


def called_names(b: Board) -> None:
    """The name a naming participle gives a noun for a kind of organisation, whatever NER made
    of it: "an elite group called the Sea Org", "a team known as the Gliders", "a militia
    calling itself X" (cue role ``naming``; the class is the noun's, else Organization)."""
    doc, named, onto, called = b.doc, b.named, b.onto, b.called
    naming = onto.cue("naming")
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in naming:
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
            if not all(t.is_title or t.is_upper for t in span):
                continue
            if free(named, span):
                text = plain_name(span.text)
                claim(named, span, ActorRef(_org_key(text, onto), text, cls))
            if span.start in named:  # the name NER found is the noun's too
                called[noun.i] = named[span.start][1]


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


def _naming_class(noun: Token, onto: Ontology) -> str:
    """The class of an organisation a noun names ("group", "company"), or ""."""
    return _org_class(noun, onto) or (
        "Organization" if noun.lemma_.lower() in onto.descriptions else ""
    )


def title_organisations(b: Board) -> None:
    """The capitalised words before a title of an organisation's officer, before a person's
    name, name that organisation when NER missed them: "Facebook co-founder Mark Zuckerberg",
    "Heaven Sent Gaming CEO X" (titles.tsv rows with target ``org``)."""
    doc, named, onto = b.doc, b.named, b.onto
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
        if not free(named, name) or any(onto.state_of_word(t.text) for t in name):
            continue
        text = plain_name(name.text)
        claim(named, name, ActorRef(_org_key(text, onto), text, _org_type(name, onto)))


def appositive_organisations(b: Board) -> None:
    """A proper noun the NER missed, in apposition to a noun for a part or the parent of an
    organisation, is an organisation: "its European division, Opel", "its parent company,
    EADS" (cue roles ``part`` and ``parent``)."""
    doc, named, onto = b.doc, b.named, b.onto
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


def classed_names(b: Board) -> None:
    """A proper noun the NER missed after a noun that says what kind of organisation it is:
    "the British union Unite", "the rebel group Seleka", "the party Syriza". The noun is an
    ``org_types.tsv`` word (which gives the class) or an ``org_noun`` cue."""
    doc, named, onto = b.doc, b.named, b.onto
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


def title_offices(b: Board) -> None:
    """ "the LA Sheriff's office", "the Prime Minister's Office": an office noun (cue role
    ``title_office``) whose possessive is a title (titles.tsv) or an agent that is a state's
    unit (``unit`` in generic_actors.tsv, sectors.tsv) is a government body, named by the
    whole phrase."""
    doc, named, onto = b.doc, b.named, b.onto
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


def compass_states(b: Board) -> None:
    """ "The South retaliated by firing into the north": in a document that names North and
    South Korea, "the North" and "the South" (cue role ``compass``) are the one state named
    there whose name begins with the word; "the north of the country" stays a direction."""
    doc, named, onto = b.doc, b.named, b.onto
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
