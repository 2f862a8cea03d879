"""The verb dictionary at work: which CAMEO code a verb gets in its sentence.

A verb of the dictionary (``ontology/cameo_verbs.tsv``, converted from PETRARCH2's CAMEO
dictionary) is coded by the most specific of its block's phrase patterns
(``cameo_patterns.tsv``) whose words all stand where the pattern puts them, else by the verb's
default code; a verb with neither is no event. Patterns are indexed by block, so a verb is
only ever compared with its own block's patterns (tens, not thousands).

The words a pattern may ask for are read from the parse, not the surface order:

- *particle*: the words right after the verb, for a multi-word verb ("ask *for*", "pull *out*");
- *after* the verb: the subtrees of its objects and complements ("imposed a *curfew*", "sent
  *troops*"), and its own particles ("set *up*"), never a preposition heading a phrase;
- *before* it: the subtree of its subject ("*police* arrested ...");
- a prepositional phrase ``(TO BORDER)``: a preposition hanging on the verb or on its object,
  whose subtree holds the phrase's words.

graphkit's own patterns (``verb_patterns.tsv``) are tried first and win when they match; their
code ``-`` says the phrase is no event ("defeated the incumbent").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..ontology import LexEntry, Ontology, VerbPattern
from ..ontology.schema import PatternIndex, Slot
from .morph import is_relative, relative_adverb

#: dependents of a verb whose words a pattern may name after the verb
AFTER_DEPS = frozenset(
    {"dobj", "prt", "dative", "attr", "oprd", "acomp", "npadvmod", "advmod", "xcomp", "prep",
     "nsubjpass", "agent"}
)  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: the code of graphkit's own patterns that make a phrase no event ("defeated the incumbent")
NO_EVENT = "-"
#: what :func:`dictionary_entry` returns for such a phrase: the verb is known, and no event
NOT_AN_EVENT = LexEntry(lemma="", pos="verb", relation="")


def _words(tokens: list[Token]) -> frozenset[str]:
    out: set[str] = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return frozenset(out)


def _text(tokens: list[Token]) -> str:
    """The words of a zone as text for multi-word slots, written and as lemmas ("human
    shields" holds the pattern word "human shield")."""
    return (
        " "
        + " ".join(t.lower_ for t in tokens)
        + " | "
        + " ".join(t.lemma_.lower() for t in tokens)
        + " "
    )


def _has(slot: Slot, words: frozenset[str], text: str) -> bool:
    """Whether a zone holds one of a slot's alternatives: a word of ``words``, or a
    multi-word phrase of ``text``."""
    single, multi = slot
    if not single.isdisjoint(words):
        return True
    return bool(multi) and any(m in text for m in multi)


def _preps_down(tok: Token, top: Token) -> int:
    """How many prepositions stand between ``tok`` and ``top``, an ancestor of it."""
    n, cur = 0, tok
    while cur.i != top.i and cur.head.i != cur.i:
        cur = cur.head
        n += cur.dep_ == "prep"
    return n


def _noun_modifier(tok: Token) -> bool:
    """A noun modifying another noun ("*research* centre", "*peace* talks")."""
    return tok.dep_ in {"compound", "nmod"} and tok.head.pos_ in {"NOUN", "PROPN"}


def _object_antecedent(verb: Token) -> bool:
    """Whether a relative clause's antecedent is its verb's object: the clause has a subject of
    its own and no object but a relative word ("the offer (that) Iran rejected"), and no
    wh-adverb ("the town where rebels fought")."""
    if verb.dep_ != "relcl" or relative_adverb(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return (
        bool(subjects)
        and not any(is_relative(s) for s in subjects)
        and all(is_relative(o) for o in objects)
        and verb.head.pos_ in {"NOUN", "PROPN"}
    )


class _Zones:
    """The words around one verb, computed once and shared by all its block's patterns."""

    def __init__(self, verb: Token) -> None:
        doc = verb.doc
        self.next = tuple(t.lower_ for t in doc[verb.i + 1 : min(verb.i + 3, len(doc))])
        after: list[Token] = []
        heads: list[Token] = []  # the words after the verb that are no noun's modifier
        before: list[Token] = []
        self.preps: list[tuple[str, frozenset[str], str]] = []
        for c in verb.children:
            if c.dep_ in AFTER_DEPS and (c.i > verb.i or c.dep_ in {"nsubjpass", "prt"}):
                # a particle counts only as the verb's own ("set up"), not a preposition
                # heading a phrase ("linked ... in its bombardment") or deep in one
                sub = [t for t in c.subtree if t.dep_ == "prt" or t.pos_ not in {"ADP", "PART"}]
                if c.dep_ == "nsubjpass":
                    before.extend(sub)
                if c.dep_ not in {"prep", "agent"}:
                    # a phrase's words count only in a (PREP ...) group; a noun's modifiers
                    # are no object ("set up a research centre" sets up no research)
                    after.extend(sub)
                    # "issued an order of the commander of the army" gives the army nothing:
                    # a word two prepositions down is no object's
                    heads.extend(t for t in sub if not _noun_modifier(t) and _preps_down(t, c) < 2)
                if c.dep_ in {"prep", "agent", "prt"}:
                    self._add_prep(c)
                elif c.dep_ in {"dobj", "dative"}:
                    for p in c.children:
                        if p.dep_ == "prep":
                            self._add_prep(p)
            elif c.dep_ in SUBJECT_DEPS:
                before.extend(c.subtree)
        if _object_antecedent(verb):
            # "a charge Machar has denied", "the sanctions that the EU lifted": the noun the
            # relative clause hangs on is the verb's object
            heads.append(verb.head)
            after.append(verb.head)
        # the verb's own adverbs, on either side ("verbally attacked", "attacked verbally")
        self.adverbs = frozenset(c.lower_ for c in verb.children if c.dep_ == "advmod")
        self.after = _words(heads)
        self.after_text = _text(after)
        self.before = _words(before)
        self.before_text = _text(before)
        self.prep_words = frozenset(p for p, _, _ in self.preps)

    def _add_prep(self, prep: Token) -> None:
        sub = [t for t in prep.subtree if t.i != prep.i]
        self.preps.append((prep.lower_, _words(sub), _text(sub)))

    def match(self, pat: VerbPattern) -> bool:
        if pat.particle and self.next[: len(pat.particle)] != pat.particle:
            return False
        before, after, preps = pat.split
        for s in after:
            if not _has(s, self.after, self.after_text):
                return False
        if not all(s & self.adverbs for s in pat.adverbs):
            return False
        for s in before:
            if not _has(s, self.before, self.before_text):
                return False
        for prep, slots in preps:
            if not any(
                p == prep and all(_has(s, words, text) for s in slots)
                for p, words, text in self.preps
            ):
                return False
        return True


def _needed(pat: VerbPattern) -> tuple[str, frozenset[str]] | None:
    """A zone and the words of which it must hold one for ``pat`` to match: the first slot
    after the verb with one-word alternatives only, else the first preposition, else the first
    such slot in the subject; None when the pattern needs no such word."""
    before, after, preps = pat.split
    for single, multi in after:
        if not multi:
            return "after", single
    if preps:
        return "prep", frozenset({preps[0][0]})
    for single, multi in before:
        if not multi:
            return "before", single
    return None


def _index(patterns: tuple[VerbPattern, ...]) -> PatternIndex:
    keyed: dict[tuple[str, str], list[int]] = {}
    always: list[int] = []
    for n, pat in enumerate(patterns):
        need = _needed(pat)
        if need is None:
            always.append(n)
            continue
        for word in need[1]:
            keyed.setdefault((need[0], word), []).append(n)
    return {k: tuple(v) for k, v in keyed.items()}, tuple(always)


def candidates(onto: Ontology, block: str, zones: _Zones) -> list[VerbPattern]:
    """The patterns of ``block`` that can match around a verb, in their order (most specific
    first): those whose needed word (:func:`_needed`) the verb's zones hold, and those that
    need none. The others would fail :meth:`_Zones.match`; "say" has 131 patterns, and a
    sentence with it is tried on a few."""
    patterns = onto.patterns.get(block, ())
    index = onto.pattern_index.get(block)
    if index is None:
        index = onto.pattern_index[block] = _index(patterns)
    keyed, always = index
    found = set(always)
    for zone, words in (("after", zones.after), ("prep", zones.prep_words),
                        ("before", zones.before)):  # fmt: skip
        for word in words:
            found.update(keyed.get((zone, word), ()))
    return [patterns[n] for n in sorted(found)]


def verb_lemma(tok: Token, onto: Ontology) -> str | None:
    """The dictionary lemma of a verb token, if the dictionary has the verb: the tagger's
    lemma, an irregular form the dictionary lists, or (when the tagger's lemma is wrong:
    "staged" -> "stag") a base form undone from a regular -ed, -ing or -s ending."""
    lemma = tok.lemma_.lower()
    if lemma in onto.verb_blocks:
        return lemma
    form = tok.lower_
    if form in onto.verb_forms:
        return onto.verb_forms[form]
    for candidate in base_forms(form):
        if candidate in onto.verb_blocks:
            return candidate
    return None


def base_forms(form: str) -> list[str]:
    """Regular English inflection undone: staged -> stage, carried -> carry, ran -> (none)."""
    out: list[str] = []
    for suffix in ("ed", "ing"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "planned" -> "plan"
            if suffix == "ed" and stem.endswith("i"):
                out.append(stem[:-1] + "y")  # "carried" -> "carry"
    if form.endswith("ies"):
        out.append(form[:-3] + "y")
    if form.endswith("es"):
        out.append(form[:-2])
    if form.endswith("s"):
        out.append(form[:-1])
    return out


def code_verb(
    tok: Token, onto: Ontology, own_only: bool = False
) -> tuple[str, VerbPattern | None] | None:
    """The CAMEO code of a verb here and the pattern that gave it (None: the default code)."""
    found = _coded(tok, onto)
    if found is None or (own_only and not found[2]):
        return None
    return found[0], found[1]


def _coded(tok: Token, onto: Ontology) -> tuple[str, VerbPattern | None, bool] | None:
    """:func:`code_verb`'s answer, and whether graphkit's own patterns (the ``=`` blocks listed
    before the dictionary's) gave it: one pass over the patterns answers both questions."""
    lemma = verb_lemma(tok, onto)
    if lemma is None:
        return None
    zones: _Zones | None = None
    best: VerbPattern | None = None
    best_size = 0
    own = True  # still in the leading run of graphkit's own blocks
    for block in onto.verb_blocks[lemma]:
        own = own and block.startswith("=")
        if not onto.patterns.get(block):
            continue
        if zones is None:
            zones = _Zones(tok)
        for pat in candidates(onto, block, zones):
            size = pat.size
            if best is not None and size <= best_size:
                break  # patterns are sorted most specific first
            if zones.match(pat):
                if block.startswith("="):
                    return pat.code, pat, own  # graphkit's own pattern (verb_patterns.tsv) wins
                best, best_size = pat, size
                break
    if best is not None:
        return best.code, best, False
    code = onto.verb_codes.get(lemma, "")
    return (code, None, False) if code else None


def dictionary_entry(tok: Token, onto: Ontology, own_only: bool = False) -> LexEntry | None:
    """A lexicon entry for a verb from the verb dictionary, or None when it codes no event
    here (not in the dictionary, or a code such as a public statement that is no event).
    ``own_only``: only graphkit's own patterns (verb_patterns.tsv)."""
    return dictionary_entries(tok, onto)[0 if own_only else 1]


def dictionary_entries(tok: Token, onto: Ontology) -> tuple[LexEntry | None, LexEntry | None]:
    """:func:`dictionary_entry` with ``own_only`` and without it, from one pass."""
    found = _coded(tok, onto)
    if found is None:
        return None, None
    code, pat, own = found
    entry = _entry(tok, onto, code, pat)
    return (entry if own else None), entry


def _entry(tok: Token, onto: Ontology, code: str, pat: VerbPattern | None) -> LexEntry | None:
    if code == NO_EVENT:
        return NOT_AN_EVENT
    info = onto.codes.get(code)
    if info is None or not info.relation:
        return None
    cat = onto.categories.get(info.category)
    preps = cat.preps if cat is not None else ()
    target = pat.target if pat is not None else ""
    if target not in {"", "object", "subject"} and target not in preps:
        preps = (*preps, target)
    return LexEntry(
        lemma=verb_lemma(tok, onto) or tok.lemma_.lower(),
        pos="verb",
        relation=info.relation,
        preps=preps,
        cameo=code,
        target=target,
    )
