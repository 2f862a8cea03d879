"""Parse repairs: misparses of news English the small model makes often, mended in the
tree before anything reads it.

- **A report hung on a noun.** "Police beat the protesters, a rights group protested." The
  parser takes "a rights group" for an apposition of "protesters" and "protested" for a
  participle on it, so the claim has no speaker. When a reporting verb (cue role ``report``)
  with no subject or object of its own closes the sentence right after a noun phrase that a
  comma opens, the verb becomes the sentence's root, the noun phrase its subject and the old
  root its content.
- **A preposition left without its object.** "Peru granted asylum to five officers holed up
  in an embassy": the parser takes "officers" for the subject of "holed" and leaves "to"
  empty. When a preposition has no object and the words right after it are the subject of a
  verb hung beside it with no auxiliary (a reduced relative clause), the noun becomes the
  preposition's object and the verb a participle on it. So it does when the words after the
  empty preposition are a second subject of the verb whose first subject holds the
  preposition ("a scheme backed by X for 3,000 refugees was rejected": the refugees are what
  the scheme is for, not what was rejected).

- **A title taken for the sentence.** "Malaysia's Prime Minister, Najib Razak said ...": with
  no comma after the name the parser makes the title the root and the report a parenthesis on
  it. When the root is a noun and a reporting verb hung on it as parataxis has for its subject
  a name right after the comma that follows the title, the verb becomes the root and the title
  an apposition of the name; so is a title the parser gives the verb as a second subject.

- **Two subjects for one conjunction.** "General Motors (GM) and Chrysler will receive ...":
  the parser gives the verb both names as subjects, the first holding the "and". When the
  second subject starts right after a coordinating conjunction of the first, it becomes the
  first one's conjunct.

- **An object pronoun taken for a subject.** "who helped him leave the organization": the
  parser makes "him" the subject of a clause "leave ...". An accusative pronoun is never a
  subject: it becomes the object of the verb above and its clause that verb's complement. So
  does a noun before the bare infinitive of a verb that takes one ("helped Maduro survive").

- **A content clause's subject taken for the report's object.** "Zaman told VOA the arrival of
  reinforcements enabled the forces to ...": with no "that", the parser makes "the arrival" the
  object of "told" and leaves "enabled" without a subject. When a reporting verb's object ends
  right before a finite content clause that has no subject, the object becomes that clause's
  subject.

- **A headline's passive taken for an active verb.** "Over 900 asylum seekers rescued off
  Indonesian coast": a headline drops the auxiliary, so the parser makes the rescued the ones
  who rescue. In a sentence that ends on a word (a headline), a past form with a
  subject and no object, of a verb whose event needs a recipient (a lexicon or dictionary
  category that is not ``unary``), is a passive: its subject is the one acted on.

- **A cleft taken for two clauses.** "They say it is Sudan that is backing the rebels": the
  parser makes "that" the subject of "backing" and "backing" a complement of "is". When a
  copula with the subject "it" and a noun attribute has a complement clause whose subject is
  a relative pronoun, the clause becomes a relative clause on the attribute, so that the
  attribute is who acts.

- **The second party of "between" taken for a co-object.** "the conflict between forces
  supporting X and the rebels": the parser hangs "the rebels" on X, inside the participle
  that modifies the one object "between" has. When that object has no conjunct of its own,
  the conjunct of an object of its modifier clause becomes its conjunct.

- **A past verb taken for an adjective.** "The troops advanced across the border and engaged
  units allied with the rebels": the parser makes "engaged" an adjective on "units" and "units"
  a conjunct of "advanced". When a past form modifies the noun right after it, that noun is a
  verb's conjunct (no noun is), and the form comes right after that verb's "and", it becomes
  the conjunct and the noun its object.

Each repair only rewires arcs inside one sentence; the words, tags and sentence boundaries
stay as the model gave them.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..ontology import Ontology
from .verbs import dictionary_entry

#: what a closing reporting verb may carry besides its new subject ("said on Tuesday")
_REPORT_TAIL = {"advmod", "npadvmod", "prep", "punct", "tmod"}
#: what a verb's own arguments are: a verb with any of them is no bare report
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "agent"}


def repair_parse(doc: Doc, onto: Ontology) -> int:
    """Mend the misparses above in ``doc``'s tree; the number of repairs made."""
    report, bare = onto.cue("report"), onto.cue("bare_infinitive")
    done = 0
    for sent in doc.sents:
        done += _closing_report(sent, report)
        done += _orphan_prepositions(sent)
        done += _two_subjects(sent)
        done += _title_as_root(sent, report)
        done += _accusative_subjects(sent, bare)
        done += _content_subjects(sent, report)
        done += _headline_passive(sent, onto)
        done += _clefts(sent, onto.cue("copula"), onto.cue("expletive"))
        done += _between_pairs(sent, onto.cue("mutual_prep"))
        done += _past_as_adjective(sent)
    return done


def _past_as_adjective(sent: Span) -> int:
    """ "advanced ... and engaged units": the past form is the verb's conjunct, the noun its
    object."""
    done = 0
    for tok in sent:
        noun = tok.head
        if tok.dep_ != "amod" or tok.tag_ not in {"VBD", "VBN"} or noun.dep_ != "conj":
            continue
        verb, before = noun.head, sent.doc[tok.i - 1]
        if tok.i < 1 or noun.i != tok.i + 1:
            continue
        if verb.pos_ == "VERB" and before.dep_ == "cc" and before.head.i == verb.i:
            tok.head, tok.dep_ = verb, "conj"
            noun.head, noun.dep_ = tok, "dobj"
            done += 1
    return done


def _between_pairs(sent: Span, mutual: frozenset[str]) -> int:
    """ "the conflict between forces supporting X and the rebels": "between" has one object,
    and the conjunct the parser hung on an object inside that object's modifier clause is its
    second party (cue role ``mutual_prep``)."""
    done = 0
    for prep in sent:
        if prep.lower_ not in mutual:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or any(c.dep_ == "conj" for c in pobj.children):
            continue
        for clause in pobj.children:
            if clause.dep_ not in {"acl", "relcl"} or clause.i < pobj.i:
                continue
            for obj in clause.children:
                conj = [c for c in obj.children if c.dep_ == "conj"] if obj.dep_ == "dobj" else []
                cc = [c for c in obj.children if c.dep_ == "cc"]
                if len(conj) == 1 and cc:
                    conj[0].head = pobj
                    cc[0].head = pobj
                    done += 1
    return done


def _clefts(sent: Span, copula: frozenset[str], expletive: frozenset[str]) -> int:
    """ "it is Sudan that is backing the rebels": the clause is a relative on "Sudan" (cue
    roles ``copula`` and ``expletive``)."""
    done = 0
    for be in sent:
        if be.lemma_.lower() not in copula or not any(
            c.dep_ == "nsubj" and c.lower_ in expletive for c in be.children
        ):
            continue
        attr = next(
            (c for c in be.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}), None
        )
        if attr is None:
            continue
        for clause in be.children:
            if (
                clause.dep_ == "ccomp"
                and clause.i > attr.i
                and any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"}
                    for c in clause.children
                )
            ):
                clause.head, clause.dep_ = attr, "relcl"
                done += 1
    return done


def _headline_passive(sent: Span, onto: Ontology) -> int:
    """ "Over 900 asylum seekers rescued off Indonesian coast": a headline's bare past form
    of a verb that needs a recipient is a passive."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].is_punct:
        return 0  # a headline ends on a word
    verb = sent.root
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if (
        verb.pos_ != "VERB"
        or verb.tag_ not in {"VBD", "VBN"}
        or len(subjects) != 1
        or subjects[0].pos_ == "PRON"
        or any(
            c.dep_ in {"dobj", "aux", "auxpass", "ccomp", "xcomp", "dative"} for c in verb.children
        )
    ):
        return 0
    entry = onto.lexicon.get((verb.lemma_.lower(), "verb")) or dictionary_entry(verb, onto)
    if entry is None or not entry.relation:
        return 0
    category = onto.categories.get(onto.relation(entry.relation).category)
    if category is None or category.unary or category.standing:
        return 0
    subjects[0].dep_ = "nsubjpass"
    return 1


#: the tags of a finite verb that can head a content clause without an auxiliary
_FINITE = {"VBD", "VBZ", "VBP"}


def _content_subjects(sent: Span, report: frozenset[str]) -> int:
    """ "told VOA the arrival of reinforcements enabled ...": the object right before a
    subjectless content clause is that clause's subject."""
    done = 0
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in report:
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if len(clauses) != 1:
            continue
        clause = clauses[0]
        # the object that ends right before the clause ("told AFP the delivery ... saved")
        obj = next(
            (c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.i),
            None,
        )
        if (
            obj is not None
            and obj.pos_ in {"NOUN", "PROPN"}
            and clause.left_edge.i == clause.i
            and (clause.tag_ in _FINITE or any(c.dep_ == "aux" for c in clause.children))
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} for c in clause.children)
        ):
            obj.head, obj.dep_ = clause, "nsubj"
            done += 1
    return done


def _accusative_subjects(sent: Span, bare: frozenset[str]) -> int:
    """ "helped him leave": an accusative pronoun as a clause's subject is the object of the verb
    above it, and the clause that verb's complement; so is any noun before the bare infinitive
    of a verb that takes one (cue role ``bare_infinitive``: "helped Maduro survive")."""
    done = 0
    for tok in sent:
        if tok.dep_ != "nsubj":
            continue
        clause = tok.head
        verb = clause.head
        accusative = tok.pos_ == "PRON" and tok.morph.get("Case") == ["Acc"]
        named = (
            tok.pos_ in {"NOUN", "PROPN"}
            and verb.lemma_.lower() in bare
            and clause.tag_ == "VB"
            and not any(c.dep_ == "aux" for c in clause.children)
        )
        if (
            (accusative or named)
            and clause.dep_ == "ccomp"
            and verb.pos_ == "VERB"
            and verb.i < tok.i < clause.i
            and not any(c.dep_ == "dobj" for c in verb.children)
            and not any(c.dep_ == "mark" for c in clause.children)
        ):
            tok.head, tok.dep_ = verb, "dobj"
            clause.dep_ = "xcomp"
            done += 1
    return done


def _closing_report(sent: Span, report: frozenset[str]) -> int:
    """ ", a rights group protested here Wednesday." hung on a noun: the report becomes the root."""
    root = sent.root
    if root.pos_ not in {"VERB", "AUX"}:
        return 0
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return 0
    for verb in sent:
        if (
            verb.pos_ != "VERB"
            or verb.lemma_.lower() not in report
            or verb.dep_ not in {"acl", "relcl"}
            or any(c.dep_ in _ARGUMENTS for c in verb.children)
            or any(c.dep_ not in _REPORT_TAIL for c in verb.rights)
            or verb.right_edge.i < words[-1].i
        ):
            continue
        noun = verb.head
        start = noun.left_edge.i
        if (
            noun.pos_ not in {"NOUN", "PROPN"}
            or noun.i >= verb.i
            # between the noun and the verb: the noun's own words ("a spokesman for the
            # ministry") and the verb's adverbs ("later")
            or any(
                t.dep_ != "advmod" or t.head.i != verb.i
                for t in sent.doc[verb.left_edge.i : verb.i]
            )
            or start <= root.i
            or start - 1 < sent.start
            or sent.doc[start - 1].text != ","
        ):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "ccomp"
        noun.head, noun.dep_ = verb, "nsubj"
        sent.doc[start - 1].head = verb
        return 1
    return 0


def _orphan_prepositions(sent: Span) -> int:
    """ "to five officers holed up in ...": the subject of a bare verb beside an empty
    preposition is the preposition's object."""
    done = 0
    for prep in sent:
        if prep.dep_ != "prep" or any(c.dep_ in {"pobj", "pcomp"} for c in prep.children):
            continue
        if prep.i + 1 >= sent.end:
            continue
        noun = _subject_starting_at(sent, prep.i + 1)
        if noun is None:
            continue
        verb = noun.head
        if _inside_first_subject(prep, noun, verb):
            noun.head, noun.dep_ = prep, "pobj"
            done += 1
        elif (
            verb.pos_ == "VERB"
            and verb.tag_ in {"VBD", "VBN", "VBG"}
            and verb.dep_ in {"advcl", "ccomp", "conj", "relcl", "parataxis"}
            and verb.head.i == prep.head.i
            and verb.i > noun.i
            and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children)
        ):
            noun.head, noun.dep_ = prep, "pobj"
            verb.head, verb.dep_ = noun, "acl"
            done += 1
    return done


def _inside_first_subject(prep: Token, noun: Token, verb: Token) -> bool:
    """Whether ``noun``, a subject of ``verb`` right after the empty ``prep``, is a second
    subject whose verb's first subject holds the preposition."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i != noun.i and c.is_ancestor(prep)
        for c in verb.children
    )  # fmt: skip


def _subject_starting_at(sent: Span, i: int) -> Token | None:
    for tok in sent:
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.left_edge.i == i:
            return tok
    return None


def _title_as_root(sent: Span, report: frozenset[str]) -> int:
    """ "Malaysia's Prime Minister, Najib Razak said": the report is the root, the title an
    apposition of the name."""
    root = sent.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return 0
    for verb in root.children:
        if verb.dep_ != "parataxis" or verb.lemma_.lower() not in report or verb.i < root.i:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.ent_type_ != "PERSON" or subj.pos_ != "PROPN":
            continue
        # the title ends at the comma and the name begins right after it
        comma = sent.doc[root.i + 1]
        if comma.text != "," or subj.left_edge.i != comma.i + 1:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = subj, "appos"
        comma.head = subj
        return 1
    return 0


def _two_subjects(sent: Span) -> int:
    """A verb the parser gave two subjects: a title and the name right after its comma
    ("..., Malaysia's Prime Minister, Najib Razak said": the title is the name's apposition),
    or two names joined by the first one's "and" ("General Motors (GM) and Chrysler will
    receive": the second is the first one's conjunct)."""
    done = 0
    # the verbs with two subjects, found in one pass (this repair makes no subject)
    count = Counter(t.head.i for t in sent if t.dep_ == "nsubj")
    for verb in (sent.doc[i] for i in sorted(count) if count[i] == 2):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        first, second = subjects
        cc = [c for c in first.children if c.dep_ == "cc" and c.i > first.i]
        if (
            first.pos_ in {"NOUN", "PROPN"}
            and first.ent_type_ != "PERSON"
            and second.ent_type_ == "PERSON"
            and second.pos_ == "PROPN"
            and first.i + 1 < len(sent.doc)
            and sent.doc[first.i + 1].text == ","
            and second.left_edge.i == first.i + 2
        ):
            first.head, first.dep_ = second, "appos"
            done += 1
        elif cc and second.left_edge.i == cc[-1].i + 1 and second.pos_ in {"NOUN", "PROPN"}:
            second.head, second.dep_ = first, "conj"
            done += 1
    return done
