"""Folding of forms: the other ways a document writes a name it has found (short forms,
first names, acronyms, misspellings, later mentions)."""

from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import OSA
from spacy.tokens import Doc, Span, Token

from ...ontology import Ontology, normalize_name, slugify
from ...records import ActorRef
from .board import NOT_ACTOR_TYPES, Board, Names
from .read import _NOT_ORGS, _PERSON_ROLES, _PLACE_LABELS, _as_person

#: classes whose names shorten to their first or last words ("the Home Office")
_NOT_SHORTENED = frozenset({"Person", "Place", "State", "Civilians"})


def short_forms(b: Board) -> None:
    """ "the Comic Corps" in a document that names the Comic Corps of Canada, "the Air Force"
    and the United States Air Force: an organisation named by two or more words that are the
    first or the last words of exactly one longer organisation name of the document is that
    organisation. A gazetteer name keeps its own actor, and a short form two longer names
    share is left alone. One word is a short form only of the name it begins that goes on
    with words for the kind of organisation alone ("Freedom" for "Freedom Magazine",
    org_types.tsv)."""
    named, onto = b.named, b.onto
    genitive = onto.cue("genitive")
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
                if len(w) > n and r.key != ref.key
                and (w[-n:] == words or (w[:n] == words and _goes_on(w[n:], genitive)))
            }  # fmt: skip
        if len(keys) == 1:
            whole = next(iter(keys.values()))
            for t in span:
                named[t.i] = (span, whole)


def _goes_on(rest: tuple[str, ...], genitive: frozenset[str]) -> bool:
    """Whether a longer name going on with the words ``rest`` after a shorter one still names
    the shorter one's organisation: one more word ("Lockheed Martin Corporation") or a genitive
    phrase ("the Comic Corps of Canada"). Two or more words name a body of its own that the
    shorter name only qualifies ("the University of Texas Arlington Muslim Student Association",
    "the Harvard University Student Union").

    >>> _goes_on(("corporation",), frozenset({"of"})), _goes_on(("of", "canada"), frozenset({"of"}))
    (True, True)
    >>> _goes_on(("student", "union"), frozenset({"of"}))
    False
    """
    return len(rest) == 1 or rest[0] in genitive


def first_words(b: Board) -> None:
    """ "Cerberus" in a document that first names Cerberus Capital Management: one word, left
    a name of its own, that begins exactly one longer organisation name of the document and no
    person's name, and that the text writes only after that name, is that organisation, as
    news shortens a company's name after its first mention ("Lockheed" for the gazetteer's
    Lockheed Martin too). A word written before the longer name is a name of its own ("Ford
    ... Ford Australia", "Chrysler ... the Chrysler Aspen"), and so is a gazetteer word. The
    name a kind word governs is a first word too ("Scientology" after the Church of
    Scientology; org_types.tsv)."""
    named, onto = b.named, b.onto
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


def first_names(b: Board) -> None:
    """ "Frank" in a document that names Frank Rack and no other Frank: a person named by one
    word that is the first name of exactly one person named in full is that person."""
    named = b.named
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


def misspellings(b: Board) -> None:
    """A name the document also writes one letter off is the same actor ("Untied Nations" for
    the United Nations, "Kristin Wilkins" for Kristen Wilkins, "Mauer" for K.C. Maurer). One
    edit (a letter added, dropped, changed, or two swapped: optimal string alignment, from
    rapidfuzz) in an organisation's name of ten letters or more with no digit; in a person's,
    in a first name of six letters or more with the same surname, or in a surname of five
    letters or more with the same first name or none. A person is never joined to an
    organisation. The spelling kept is the gazetteer's, else the one of the longest name ("Tony
    Clement" over "Clements"), else the most frequent, else the first written."""
    named = b.named
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


def parenthesised_acronyms(b: Board) -> None:
    """ "Popular Mobilisation Forces (PMF)": an upper-case word of two to eight letters in
    parentheses right after a name is that actor's acronym everywhere in the document."""
    doc, named, acronyms = b.doc, b.named, b.acronyms
    for span, ref in Names(named, b.demonym, acronyms).spans():
        e = span.end
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
            acro = doc[e + 1]
            if acro.text.isupper() and 2 <= len(acro.text) <= 8 and ref.type != "Place":
                acronyms[normalize_name(acro.text)] = ref


def initialisms(b: Board) -> None:
    """ "GM" in a document that also names General Motors: an upper-case word that is the
    initials of exactly one organisation named there, and no gazetteer actor of its own, is
    that organisation (the acronyms of "General Motors (GM)" need no parentheses)."""
    named, acronyms, onto = b.named, b.acronyms, b.onto
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


def acronym_mentions(b: Board) -> None:
    """Each upper-case word that is an acronym of the document names its actor, unless a
    gazetteer name already holds the word."""
    doc, named, acronyms = b.doc, b.named, b.acronyms
    if not acronyms:
        return
    for t in doc:
        ref = acronyms.get(normalize_name(t.text))
        if ref is None or not t.text.isupper():
            continue
        current = named.get(t.i)
        if current is None or not current[1].gazetteer:
            named[t.i] = (doc[t.i : t.i + 1], ref)


def propagate(b: Board) -> None:
    """Mark the other occurrences of each name (and a person's surname alone) in ``named``."""
    doc, named, onto = b.doc, b.named, b.onto
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
    with named.found_by_rule("places_named_as_actors"):
        _places_named_as_actors(doc, named, forms, readings, onto)
    # the lengths of the forms by their first word, longest first: a word that begins none is
    # passed over without a look at the words after it
    by_first: dict[str, set[int]] = {}
    for k in forms:
        by_first.setdefault(k[0], set()).add(len(k))
    lengths = {w: sorted(n, reverse=True) for w, n in by_first.items()}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if (
            tok.text not in lengths
            or i in named
            or _taken(tok)
            or tok.ent_iob_ == "I"
            or not tok.text[:1].isupper()
        ):
            i += 1
            continue
        for n in (n for n in lengths[tok.text] if n <= len(doc) - i):
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
