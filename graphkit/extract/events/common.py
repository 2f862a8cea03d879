"""What a predicate is (a lexicon word used as a verb or a noun, and its lexicon entry), and
the small syntactic helpers every event rule shares."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ...ontology import LexEntry
from ...records import ActorRef
from ..context import DocContext
from ..verbs import NOT_AN_EVENT, base_forms, dictionary_entries

NOMINAL_DEPS = {
    "nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "npadvmod", "oprd",
    "dative", "poss", "conj",
}  # fmt: skip


@dataclass(frozen=True)
class _Pred:
    token: Token
    entry: LexEntry


def predicate_kind(tok: Token) -> str:
    """Whether a lexicon word is used as a verb or a noun here (taggers mislabel "airstrikes")."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        return "noun"
    if tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS - {"conj"} and tok.tag_ in {"NNS", "VBZ"}:
        return (
            "noun" if not any(c.dep_ in {"nsubj", "dobj", "aux"} for c in tok.children) else "verb"
        )
    return "verb" if tok.pos_ in {"VERB", "AUX"} else "other"


def lookup(ctx: DocContext, tok: Token) -> LexEntry | None:
    """The lexicon entry of a predicate: graphkit's own lexicon row, else (for verbs) the
    verb dictionary's code for the verb in this sentence."""
    if tok.i in ctx.lexicon_cache:
        return ctx.lexicon_cache[tok.i]
    kind = predicate_kind(tok)
    entry: LexEntry | None = None
    if kind == "verb" and tok.dep_ == "acl" and tok.lemma_.lower() in ctx.onto.cue("naming"):
        kind = "other"  # "a group called the Sea Org": a name, not a call
    if kind == "noun" and tok.ent_type_ in {"DATE", "TIME"}:
        kind = "other"  # "in March": a month, no protest march
    if kind != "other":
        lex = ctx.onto.lexicon
        compound: LexEntry | None = None
        if kind == "noun":
            # a compound or an adjective names the event first: "hunger strike", "general strike";
            # or says there is none: "press release" (relation "-")
            for c in tok.children:
                if c.dep_ in {"compound", "amod"} and c.i == tok.i - 1:
                    compound = lex.get((f"{c.lower_} {tok.lemma_.lower()}", kind))
        if compound is not None and compound.relation == "-":
            ctx.lexicon_cache[tok.i] = None
            return None
        entry = compound or lex.get((tok.lemma_.lower(), kind)) or lex.get((tok.lower_, kind))
        if kind == "verb" and _carries_event_noun(ctx, tok):
            entry = None  # "struck a deal with Iran": the deal is the event, not a strike
        elif kind == "verb":
            # graphkit's own phrase patterns, then its lexicon rows, then the verb dictionary
            # ("defeated the incumbent": graphkit's own row may say the phrase is no event)
            own, coded = dictionary_entries(tok, ctx.onto)
            entry = None if own is NOT_AN_EVENT else own or entry or coded
    ctx.lexicon_cache[tok.i] = entry
    return entry


def _carries_event_noun(ctx: DocContext, verb: Token) -> bool:
    """A light verb whose object is an event noun ("imposed a curfew", "launched an
    investigation"): the noun is the event, and the verb codes nothing of its own."""
    if verb.lemma_.lower() not in ctx.onto.cue("light"):
        return False
    return any(c.dep_ == "dobj" and ctx.phrases.is_event_noun(c) for c in verb.children)


def _purpose(verb: Token) -> bool:
    """A purpose clause: "fired tear gas *to break up* the rally", "a force formed *to fight*"."""
    return verb.dep_ in {"advcl", "acl"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children
    )


def _event_phrase(noun: Token, of: frozenset[str]) -> Token:
    """The noun phrase an event noun heads or qualifies: "two series of *strikes*", "a
    *mediation* effort", "a wave of attacks"."""
    outer = noun
    while True:
        if outer.dep_ == "pobj" and outer.head.lower_ in of and outer.head.head.pos_ == "NOUN":
            outer = outer.head.head
        elif outer.dep_ == "compound" and outer.head.pos_ == "NOUN" and outer.head.i > outer.i:
            outer = outer.head
        else:
            return outer


def _content_clauses(tok: Token) -> Iterator[Token]:
    """Clauses that give a verb's or noun's content: "demanded *that X withdraw*", "insisted on
    its demands *that X grant* ...", "a call *for X to* ..."."""
    for c in tok.children:
        if c.dep_ in {"ccomp", "acl"} and c.pos_ in {"VERB", "AUX"}:
            yield c
        elif c.dep_ in {"dobj", "prep", "pobj"}:
            yield from _content_clauses(c)


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out


def _wished(ctx: DocContext, verb: Token) -> bool:
    """A clause that is the content of a verb of wishing (cue role ``wish``): "Clement is
    hoping that the union will support the plan" is his hope, not the union's intention."""
    top = verb
    while top.dep_ in {"conj", "xcomp"} and top.head.i != top.i:
        top = top.head
    if top.dep_ != "ccomp":
        return False
    wish, head = ctx.onto.cue("wish"), top.head
    # the tagger's lemma can be wrong ("hoping" -> "hop", itself a dictionary verb, so
    # verbs.verb_lemma keeps it): the regular base forms count too
    return head.lemma_.lower() in wish or any(f in wish for f in base_forms(head.lower_))
