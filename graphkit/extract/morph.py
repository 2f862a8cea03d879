"""Closed-class English read from spaCy's morphology (``Token.morph``) and tags, so that no
list of articles, demonstratives, pronouns or relative words is typed in graphkit's code.

>>> import spacy
>>> from graphkit.runtime.models import resolve_model_name
>>> nlp = spacy.load(resolve_model_name(None))
>>> doc = nlp("The group said its fighters, who came, saw a man.")
>>> [(t.text, pronoun_kind(t)) for t in doc if pronoun_kind(t)]
[('its', 'sg')]
>>> [t.text for t in doc if is_article(t)], [t.text for t in doc if is_relative(t)]
(['The', 'a'], ['who'])
"""

from __future__ import annotations

from spacy.tokens import Token

#: the Penn tags of relative and interrogative words ("which", "that", "who", "whom", "whose")
_WH_TAGS = frozenset({"WDT", "WP", "WP$"})


#: a morphology's features by its key (the hash of "Number=Sing|PronType=Art"), each feature's
#: first value: parsed once per analysis, not once per question (spaCy's ``MorphAnalysis.get``
#: splits the string each time)
_FEATURES: dict[int, dict[str, str]] = {}
#: analyses kept at most (a model has a few hundred; the bound is for a vocabulary that grows)
_FEATURES_KEPT = 10_000


def _feat(tok: Token, name: str) -> str:
    morph = tok.morph
    features = _FEATURES.get(morph.key)
    if features is None:
        if len(_FEATURES) >= _FEATURES_KEPT:
            _FEATURES.clear()
        features = {k: v.split(",")[0] for k, v in morph.to_dict().items()}
        _FEATURES[morph.key] = features
    return features.get(name, "")


def pronoun_kind(tok: Token) -> str | None:
    """What a third-person pronoun can refer to: ``sg`` (it, its, itself), ``pl`` (they,
    them, their, themselves) or ``person`` (he, him, his, she, her); None for any other
    token."""
    if _feat(tok, "PronType") != "Prs" or _feat(tok, "Person") != "3":
        return None
    gender = _feat(tok, "Gender")
    if gender in {"Masc", "Fem"}:
        return "person"
    if _feat(tok, "Number") == "Plur":
        return "pl"
    return "sg" if gender == "Neut" else None


def is_article(tok: Token) -> bool:
    """ "the", "a", "an"."""
    return _feat(tok, "PronType") == "Art"


def is_indefinite(tok: Token) -> bool:
    """ "a", "an"."""
    return is_article(tok) and _feat(tok, "Definite") == "Ind"


def is_the(tok: Token) -> bool:
    """ "the": the definite article."""
    return is_article(tok) and _feat(tok, "Definite") == "Def"


def is_definite(tok: Token, *, plural: bool = False) -> bool:
    """ "the", "this", "that" (and "these", "those" when ``plural``)."""
    if is_article(tok):
        return _feat(tok, "Definite") == "Def"
    if _feat(tok, "PronType") != "Dem":
        return False
    return plural or _feat(tok, "Number") == "Sing"


def is_relative(tok: Token) -> bool:
    """A relative word: "that", "which", "who", "whom", "whose"."""
    return tok.tag_ in _WH_TAGS


def is_passive(verb: Token) -> bool:
    """A verb in the passive voice: it has a passive subject or auxiliary ("was seized")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def relative_adverb(verb: Token) -> bool:
    """A relative clause opened by a wh-adverb ("Lebanon, where X offered ...", "the day when
    ..."): its antecedent is where or when the act happens, no participant in it."""
    return any(c.tag_ == "WRB" and c.dep_ == "advmod" and c.i < verb.i for c in verb.children)


def is_first_person(tok: Token) -> bool:
    """ "I", "me", "my", "we", "us", "our"."""
    return tok.pos_ == "PRON" and _feat(tok, "Person") == "1"
