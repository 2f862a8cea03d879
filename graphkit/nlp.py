"""The spaCy stage: load a model and add graphkit's components to it.

Components added to the model's pipeline:

- ``graphkit_paragraphs`` (before the parser): a line break ends a sentence, so headlines,
  captions and paragraphs never run into each other.
- ``entity_ruler`` (before the NER): the ontology's gazetteer aliases as entity patterns, each
  carrying the gazetteer id in ``ent.ent_id_``.
- ``graphkit_states`` (after the NER): drops a one-word gazetteer match written in lower case
  ("amnesty"), and a state's name or demonym that the NER left out or took
  for a product, a work, a law or (a name) a nationality ("Cyprus" as PRODUCT, "Uzbekistan" as
  NORP) becomes a GPE or NORP entity. It only fills gaps: a person named "Jordan" stays a
  person.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .errors import ModelNotFoundError
from .models import DEFAULT_MODELS, INSTALL_HINT, resolve_model_name
from .ontology import Ontology


@Language.component("graphkit_paragraphs")
def _paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after any whitespace token holding a line break. The starts are
    written in one array (setting ``Token.is_sent_start`` checks the whole document each
    time, which made long documents quadratic)."""
    starts = [
        tok.i + 1
        for tok in doc[:-1]
        if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_
    ]
    if starts:
        values = doc.to_array([SENT_START]).reshape(-1, 1)  # one column: SENT_START
        values[starts, 0] = 1
        doc.from_array([SENT_START], values)
    return doc


#: NER labels a state's name may be taken from: none of them is an actor
_RELABEL = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE", "FAC", "LOC"}


class StateNames:
    """The ``graphkit_states`` component: state names and demonyms the NER missed. Its names
    come from the ontology with :meth:`add_states`, as the entity ruler's come with
    ``add_patterns``."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_states(self, onto: Ontology) -> None:
        nlp = self.nlp
        names: set[str] = set()
        demonyms: set[str] = set()
        for st in onto.states.values():
            names.update(n for n in (st.name, *st.aliases) if n)
            demonyms.update(d for d in st.demonyms if d)
        self.matcher.add("GPE", [nlp.make_doc(n) for n in sorted(names)])
        self.matcher.add("NORP", [nlp.make_doc(d) for d in sorted(demonyms - names)])

    def __call__(self, doc: Doc) -> Doc:
        # a gazetteer name of one word matches only as a name, capitalised: "Amnesty", not
        # "amnesty" (the ruler's phrase patterns match in lower case, which is fast)
        ents = [e for e in doc.ents if not (e.ent_id_ and len(e) == 1 and e[0].is_lower)]
        taken = {t for e in ents for t in range(e.start, e.end)}
        found: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            first = doc[start]
            if not (first.is_title or first.is_upper):
                continue  # "turkey" the bird, "china" the porcelain
            label = doc.vocab.strings[match_id]
            overlap = [e for e in ents if e.start < end and start < e.end]
            if not overlap and not taken & set(range(start, end)):
                found.append(Span(doc, start, end, label=label))
            elif (
                len(overlap) == 1
                and (
                    overlap[0].label_ in _RELABEL
                    or (label == "GPE" and overlap[0].label_ == "NORP")
                    # "the government of Mali": a state's name after a preposition is no person
                    or (label == "GPE" and overlap[0].label_ == "PERSON" and first.dep_ == "pobj")
                )
                and (
                    overlap[0].start,
                    overlap[0].end,
                )
                == (start, end)
            ):
                ents.remove(overlap[0])
                found.append(Span(doc, start, end, label=label))
        if found or len(ents) != len(doc.ents):
            doc.ents = filter_spans([*ents, *found])
        return doc


@Language.factory("graphkit_states")
def _state_names(nlp: Language, name: str) -> StateNames:
    return StateNames(nlp)


def _patterns(onto: Ontology, nlp: Language) -> list[dict[str, object]]:
    """Gazetteer names as entity-ruler patterns: phrases matched case-insensitively, except
    short all-caps acronyms ("IS", "KH"), which must match exactly."""
    patterns: list[dict[str, object]] = []
    for actor in onto.actors.values():
        label = {"Person": "PERSON", "Place": "GPE", "State": "GPE"}.get(actor.cls, "ORG")
        for alias in sorted({actor.label, *actor.aliases}):
            name = alias.strip()
            if name.lower().startswith("the ") and len(name) > 4:
                name = name[4:]
            if not name:
                continue
            if name.isupper() and len(name) <= 6:
                pattern: object = [{"ORTH": t.text} for t in nlp.make_doc(name)]
            else:
                pattern = name.lower()  # a phrase; a lower-case single word is dropped later
            patterns.append({"label": label, "pattern": pattern, "id": actor.id})
    return patterns


@lru_cache(maxsize=4)
def _load(model: str, onto: Ontology) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with: "
            + (INSTALL_HINT if model in DEFAULT_MODELS else f"python -m spacy download {model}")
        ) from None
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("graphkit_paragraphs", before=before)
    ruler_at = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler", config={"validate": False, "phrase_matcher_attr": "LOWER"}, **ruler_at
    )
    with nlp.select_pipes(enable=[]):
        # phrase patterns match on LOWER: the tokenizer alone makes them (not the tagger)
        ruler.add_patterns(_patterns(onto, nlp))  # type: ignore[attr-defined]
    if "ner" in nlp.pipe_names:
        states = nlp.add_pipe("graphkit_states", after="ner")
        states.add_states(onto)  # type: ignore[attr-defined]
    return nlp


def load_nlp(onto: Ontology, model: str | None = None) -> Language:
    """A spaCy pipeline with graphkit's components, cached per (model, ontology)."""
    return _load(resolve_model_name(model), onto)
