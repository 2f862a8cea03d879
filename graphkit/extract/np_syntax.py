"""What the syntax of a noun phrase says about the actor it names: whether it stands where
the one who acts stands, its conjuncts, and the nouns that name someone other than their owner
(:mod:`graphkit.extract.phrases` reads noun phrases with them)."""

from __future__ import annotations

from spacy.tokens import Token

from ..ontology import Ontology


def agrees_with_outer(verb: Token, inner: Token) -> bool:
    """Whether a relative clause's verb is singular where the noun it follows is plural ("a
    group of armed groups that *was* formed"): it modifies the outer noun."""
    finite = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
    singular = any(t.morph.get("Number") == ["Sing"] and t.tag_ in {"VBZ", "VBD"} for t in finite)
    return singular and inner.morph.get("Number") == ["Plur"]


def former(tok: Token, cues: frozenset[str]) -> bool:
    """ "former members of X", "ex-members of X" (``cues``: the cue role ``former``): people
    who no longer act for X."""
    if any(c.dep_ in {"amod", "advmod", "compound"} and c.lower_ in cues for c in tok.children):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in cues


def agentive(tok: Token) -> bool:
    """Whether a noun is in the position of the one who acts (subject or passive agent)."""
    if tok.dep_ == "nsubj":
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def noun_conjuncts(tok: Token) -> list[Token]:
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.append(c)
            stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def subordinate(tok: Token, onto: Ontology) -> bool:
    """A noun for one person who works under another (cue role ``subordinate``): "Gbagbo's
    youth leader", "the president's aide" name someone else than the person who owns them."""
    return tok.lemma_.lower() in onto.cue("subordinate") or tok.lower_ in onto.cue("subordinate")
