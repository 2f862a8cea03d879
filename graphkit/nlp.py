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
- ``graphkit`` (last): the extraction itself. It reads the ontology when initialized (the
  built-in one plus the folders of its ``ontology`` setting; on its first document if no one
  initialized it), and writes each actor mention to ``doc.spans["graphkit"]`` (label: the
  actor's class, ``kb_id_``: its key) and the document's :class:`~graphkit.records.Extraction`
  (mentions and assertions) to ``doc._.graphkit``.

:func:`assemble` adds them all, each where it belongs, and fills them from the ontology: one
explicit call, as a spaCy pipeline is put together. ``nlp.add_pipe("graphkit")`` alone
extracts with what the pipeline has (and warns that the gazetteer is missing). The settings
(``ontology``, ``hierarchy``, ``time_limit``) are the component's config; ``hierarchy`` and
``time_limit`` may also be given per call, as spaCy's ``component_cfg``.

>>> import spacy, graphkit.nlp
>>> nlp = graphkit.nlp.assemble(spacy.load(resolve_model_name(None)))  # en_core_web_sm
>>> nlp.pipe_names[-1], "graphkit_gazetteer" in nlp.pipe_names
('graphkit', True)
>>> doc = nlp("Hamas attacked Israel.")
>>> [(s.text, s.label_, s.kb_id_) for s in doc.spans["graphkit"]]
[('Hamas', 'ArmedGroup', 'hamas'), ('Israel', 'State', 'israel')]
>>> [(a.subject.key, a.relation, a.object.key) for a in doc._.graphkit.assertions]
[('hamas', 'attack', 'israel')]
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

import spacy
import srsly
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, minibatch

from . import extract
from .errors import ModelNotFoundError
from .extract.credits import aside_texts, credit_mentions
from .extract.discards import sports_story
from .ontology import Ontology, load_ontology
from .records import Document, Extraction, Failed
from .runtime.cache import (
    document_record,
    extraction_record,
    read_document_record,
    read_extraction_record,
)
from .runtime.limits import OverTime, time_limit
from .runtime.models import DEFAULT_MODELS, INSTALL_HINT, resolve_model_name

#: the extraction component's name, and the span group its actor mentions go to
COMPONENT = "graphkit"
#: the gazetteer's entity ruler (a name of graphkit's own, beside any ruler of the pipeline)
RULER = "graphkit_gazetteer"
#: ``doc.user_data`` key of a Doc the extraction leaves alone (a piece of a long document)
SKIP = "graphkit_skip"

for _name in ("graphkit", "graphkit_document"):
    if not Doc.has_extension(_name):
        # graphkit: the Extraction (or a Failed record); graphkit_document: the Document a
        # caller wants the text read as (its id and metadata), else one made from doc.text
        Doc.set_extension(_name, default=None)

# The records in doc._.graphkit and doc._.graphkit_document survive DocBin(store_user_data=True),
# Doc.to_bytes and Doc.to_disk: spaCy writes user data with srsly's msgpack, to which graphkit
# adds an encoder and a decoder of its records as plain data (never pickle). Reading one back
# checks it as a cache entry is checked.
_TAG = "__graphkit__"


def _encode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    if isinstance(obj, Extraction):
        return {_TAG: "extraction", "record": extraction_record(obj)}
    if isinstance(obj, Failed):
        return {_TAG: "failed", "document": document_record(obj.document), "reason": obj.reason}
    if isinstance(obj, Document):
        return {_TAG: "document", "record": document_record(obj)}
    return obj if chain is None else chain(obj)


def _decode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    if isinstance(obj, dict) and _TAG in obj:
        kind = obj[_TAG]
        try:
            if kind == "extraction":
                return read_extraction_record(obj["record"])
            if kind == "failed":
                return Failed(read_document_record(obj["document"]), str(obj["reason"]))
            if kind == "document":
                return read_document_record(obj["record"])
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"graphkit: a stored {kind} record is malformed ({err})") from None
        raise ValueError(f"graphkit: unknown stored record {kind!r}")
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("graphkit", func=_encode)
srsly.msgpack_decoders.register("graphkit", func=_decode)


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
        values = doc.to_array([SENT_START]).reshape(-1, 1).astype("int32")  # SENT_START
        values[starts, 0] = 1
        # a paragraph's second word goes on its first one's sentence: after a blanked
        # dateline the parser cut "General | Motors (GM) and Chrysler will receive ..."
        begun = set(starts)
        seconds = [
            i + 1 for i in starts
            if i + 1 < len(doc) and i + 1 not in begun and not doc[i].is_space
            and not doc[i + 1].is_space
        ]  # fmt: skip
        values[seconds, 0] = -1
        doc.from_array([SENT_START], values.astype("uint64"))
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
        #: the ids of imported gazetteer actors (Phoenix's), whose one-word aliases are often
        #: common words too ("News", "Youth", "Target")
        self.imported: frozenset[str] = frozenset()
        #: states' one-word names, in lower case
        self.state_words: frozenset[str] = frozenset()

    def add_states(self, onto: Ontology) -> None:
        nlp = self.nlp
        self.imported = frozenset(a.id for a in onto.actors.values() if a.imported)
        names: set[str] = set()
        demonyms: set[str] = set()
        for st in onto.states.values():
            names.update(n for n in (st.name, *st.aliases) if n)
            demonyms.update(d for d in st.demonyms if d)
        self.state_words = frozenset(n.lower() for n in names if " " not in n)
        self.matcher.add("GPE", [nlp.make_doc(n) for n in sorted(names)])
        self.matcher.add("NORP", [nlp.make_doc(d) for d in sorted(demonyms - names)])

    def __call__(self, doc: Doc) -> Doc:
        # a gazetteer name of one word matches only as a name, capitalised: "Amnesty", not
        # "amnesty" (the ruler's phrase patterns match in lower case, which is fast)
        ents = [e for e in doc.ents if not (e.ent_id_ and len(e) == 1 and e[0].is_lower)]
        ents = [e for e in ents if not self._common_word(e)]
        held = {t for e in ents for t in range(e.start, e.end)}
        ents = _run_on_names(doc, [self._longer_name(e, held) for e in ents])
        ents = _name_openings(doc, ents)
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
        if found or ents != list(doc.ents):
            doc.ents = filter_spans([*ents, *found])
            for e in ents:
                if e.id == 0:  # a name merged here keeps no gazetteer id of its words
                    for t in e:
                        t.ent_id_ = ""
        return doc

    def _longer_name(self, ent: Span, held: set[int]) -> Span:
        """An imported one-word alias after capitalised proper nouns no other entity takes, or
        before a state's name, is a word of a longer name, an organisation of its own ("Sky
        News" is no News Corp, "Team Estonia" no Team Inc). ``held``: the tokens of the
        document's entities."""
        if ent.ent_id_ not in self.imported or len(ent) != 1:
            return ent
        doc = ent.doc

        def joins(t: Token) -> bool:
            return t.i not in held and t.pos_ == "PROPN" and (t.is_title or t.is_upper)

        start, end = ent.start, ent.end
        while start > 0 and not doc[start].is_sent_start and doc[start - 1].whitespace_:
            if not joins(doc[start - 1]):
                break
            start -= 1
        # a name it begins goes on with a state's name only ("Team Estonia"; "Apple Computer
        # CEO" is Apple's name and a title)
        while end < len(doc) and doc[end - 1].whitespace_ and not doc[end].is_sent_start:
            if not joins(doc[end]) or doc[end].lower_ not in self.state_words:
                break
            end += 1
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label="ORG", span_id=0)

    def _common_word(self, ent: Span) -> bool:
        """An imported one-word alias that opens a sentence where the tagger reads a common
        word ("Youth protested", "Target" the noun), not a proper noun."""
        return (
            ent.ent_id_ in self.imported
            and len(ent) == 1
            and ent[0].is_sent_start
            and ent[0].tag_ not in {"NNP", "NNPS"}
        )


def _run_on_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word gazetteer organisation that a name the NER found runs on into or from is one
    name with it: a person's first name ("Marcus Berg" is no Marcus Corporation and a Berg),
    the last word of an organisation's ("NBC Universal" is no Universal Corporation)."""
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is None or prev.end != e.start or prev[-1].whitespace_ != " ":
            out.append(e)
            continue
        if prev.label_ == "ORG" and e.label_ == "PERSON" and not e.ent_id_:
            word, name = prev, e  # "Marcus" + "Berg"
        elif prev.label_ == "ORG" and e.label_ == "ORG":
            word, name = e, prev  # "NBC" + "Universal"
        else:
            out.append(e)
            continue
        if word.ent_id_ and len(word) == 1 and word[0].is_title and name[0].text[:1].isupper():
            out[-1] = Span(doc, prev.start, e.end, label=name.label_, span_id=0)
        else:
            out.append(e)
    return out


def _name_openings(doc: Doc, ents: list[Span]) -> list[Span]:
    """A run of capitalised words the NER took for an organisation of its own, right before a
    gazetteer organisation's name, opens a longer name, an organisation of its own: "the
    International Red Cross", "Syrian Arab Red Crescent", not "the International" and "Syrian
    Arab" beside the Red Cross and the Red Crescent (the ruler's match cut the NER's entity in
    two)."""
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == e.start
            and prev[-1].whitespace_ == " "
            and prev.label_ == "ORG"
            and not prev.ent_id_
            and e.label_ == "ORG"
            and e.ent_id_
            and all(t.is_title or t.is_upper or t.tag_ == "DT" for t in prev)
        ):
            out[-1] = Span(doc, prev.start, e.end, label=e.label_, span_id=0)
        else:
            out.append(e)
    return out


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


def _add_components(nlp: Language) -> None:
    """Add graphkit's components that come before the extraction, where ``nlp`` lacks them:
    the paragraph splitter before the parser (or a sentencizer where there is none), the
    gazetteer's entity ruler before the NER and the state names after it."""
    if "parser" in nlp.pipe_names and "graphkit_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("graphkit_paragraphs", before="parser")
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        # a pipeline with no parser still needs sentences (a blank one, a NER-only one)
        at = {"before": COMPONENT} if COMPONENT in nlp.pipe_names else {}
        nlp.add_pipe("sentencizer", **at)
    if RULER not in nlp.pipe_names:
        at = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        at = at or ({"before": COMPONENT} if COMPONENT in nlp.pipe_names else {})
        nlp.add_pipe(
            "entity_ruler",
            name=RULER,
            config={"validate": False, "phrase_matcher_attr": "LOWER", "overwrite_ents": False},
            **at,
        )
    if "ner" in nlp.pipe_names and "graphkit_states" not in nlp.pipe_names:
        nlp.add_pipe("graphkit_states", after="ner")


def _fill(nlp: Language, onto: Ontology) -> None:
    """Fill graphkit's components of ``nlp`` that read the ontology: the gazetteer's patterns
    and the state names."""
    if RULER in nlp.pipe_names:
        ruler = nlp.get_pipe(RULER)
        ruler.clear()  # type: ignore[attr-defined]
        with nlp.select_pipes(enable=[]):
            # phrase patterns match on LOWER: the tokenizer alone makes them (not the tagger)
            ruler.add_patterns(_patterns(onto, nlp))  # type: ignore[attr-defined]
        _exact_phrases(ruler, nlp)
    if "graphkit_states" in nlp.pipe_names:
        nlp.get_pipe("graphkit_states").add_states(onto)  # type: ignore[attr-defined]


def _exact_phrases(ruler: Any, nlp: Language) -> None:
    """Match the ruler's token patterns (acronyms, each token's exact ``ORTH``) with a phrase
    matcher on ``ORTH``: the same matches under the same keys, found in a fortieth of the
    token matcher's time (0.12 s -> 0.003 s over the 43 wikinews texts)."""
    patterns = ruler.token_patterns
    if not all(set(t) == {"ORTH"} for ps in patterns.values() for p in ps for t in p):
        return  # a pattern that asks more than the exact text keeps the token matcher
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for key, ps in patterns.items():
        exact.add(key, [Doc(nlp.vocab, words=[t["ORTH"] for t in p]) for p in ps])
    ruler.matcher = exact


def assemble(
    nlp: Language,
    *,
    ontology: Ontology | Sequence[str] = (),
    hierarchy: bool = True,
    time_limit: float | None = None,
) -> Language:
    """Add graphkit's components to ``nlp`` (those it lacks, each where it belongs: see the
    module's docstring), then initialize them from the ontology (an Ontology, or folders that
    extend the built-in one). Returns ``nlp``; assembling twice changes nothing more."""
    _add_components(nlp)
    if COMPONENT not in nlp.pipe_names:
        folders = (
            [str(f) for f in ontology.folders[1:]]
            if isinstance(ontology, Ontology)
            else list(ontology)
        )
        config = {"ontology": folders, "hierarchy": hierarchy, "time_limit": time_limit}
        nlp.add_pipe(COMPONENT, config=config)
    nlp.get_pipe(COMPONENT).initialize(nlp=nlp, ontology=ontology or None)  # type: ignore[attr-defined]
    return nlp


class Extractor:
    """The ``graphkit`` component: reads a parsed Doc into an Extraction.

    ``ontology``: folders that extend the built-in ontology; ``hierarchy``: the built-in
    ``part_of`` relations as edges too; ``time_limit``: seconds one document's extraction
    may take (a document over it gets a :class:`~graphkit.records.Failed` record).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = COMPONENT,
        *,
        ontology: Sequence[str] = (),
        hierarchy: bool = True,
        time_limit: float | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.folders = tuple(ontology)
        self.hierarchy = hierarchy
        self.time_limit = time_limit
        self.onto: Ontology | None = None

    def initialize(
        self,
        get_examples: object = None,
        *,
        nlp: Language | None = None,
        ontology: Ontology | Sequence[str] | None = None,
    ) -> None:
        """Load the ontology (an Ontology, or folders; the component's setting if None) and
        fill the pipeline's gazetteer components from it (:func:`assemble` adds them)."""
        if isinstance(ontology, Ontology):
            self.onto = ontology
        else:
            folders = self.folders if ontology is None else tuple(ontology)
            self.onto = load_ontology(list(folders))
        nlp = nlp or self.nlp
        if RULER not in nlp.pipe_names:
            warnings.warn(
                "graphkit: this pipeline has no gazetteer component, so actors the NER misses"
                " are missed; graphkit.nlp.assemble(nlp) adds it",
                stacklevel=2,
            )
        _fill(nlp, self.onto)

    def __call__(self, doc: Doc, **settings: Any) -> Doc:
        """Extract ``doc``; ``settings`` (``hierarchy``, ``time_limit``) override the
        component's for this call (``nlp.pipe(..., component_cfg={"graphkit": {...}})``)."""
        return self._extract(doc, self._parse_before, **settings)

    def pipe(
        self, stream: Iterable[Doc], *, batch_size: int = 128, **settings: Any
    ) -> Iterator[Doc]:
        """:meth:`__call__` over ``stream`` (what ``nlp.pipe`` calls), with the photo credits and
        headings of a whole batch of documents parsed in one pass through the pipeline rather
        than in one pass per document."""
        for batch in minibatch(stream, size=batch_size):
            texts = [self._asides(doc) for doc in batch]
            parsed = iter(self._parse_before([t for own in texts for t in own]))
            for doc, own in zip(batch, texts, strict=True):
                mine = [next(parsed) for _ in own]
                yield self._extract(doc, lambda _texts, mine=mine: mine, **settings)

    @staticmethod
    def _asides(doc: Doc) -> list[str]:
        document = doc._.graphkit_document
        if document is None or doc.user_data.get(SKIP) or document.clean != doc.text:
            return []
        return aside_texts(document)

    def _extract(
        self, doc: Doc, parse: Callable[[Iterable[str]], Iterable[Doc]], **settings: Any
    ) -> Doc:
        if self.onto is None:
            self.initialize()
        assert self.onto is not None
        unknown = set(settings) - {"hierarchy", "time_limit"}
        if unknown:
            raise TypeError(f"graphkit: unknown settings {sorted(unknown)}")
        hierarchy = settings.get("hierarchy", self.hierarchy)
        limit = settings.get("time_limit", self.time_limit)
        if doc.user_data.get(SKIP):
            return doc  # a piece of a long document: it is extracted once joined
        document = doc._.graphkit_document
        if document is None:
            document = Document(id="doc", text=doc.text, clean=doc.text)
        elif document.clean != doc.text:
            raise ValueError(f"{document.id}: doc._.graphkit_document is not the parsed text")
        try:
            with time_limit(limit):
                found = extract.extract_document(document, doc, self.onto, hierarchy=hierarchy)
        except OverTime:
            doc._.graphkit = Failed(
                document, f"extraction ran over the limit of {limit:g} s (--doc-timeout)"
            )
            return doc
        credits = credit_mentions(document, parse, self.onto, sport=sports_story(doc, self.onto))
        if credits:
            by_span = {(m.evidence.start, m.evidence.end, m.actor.key): m for m in found.mentions}
            for m in credits:
                by_span.setdefault((m.evidence.start, m.evidence.end, m.actor.key), m)
            found = replace(found, mentions=tuple(by_span[k] for k in sorted(by_span)))
        doc._.graphkit = found
        doc.spans[self.name] = _mention_spans(doc, found)
        return doc

    def _parse_before(self, texts: Iterable[str]) -> list[Doc]:
        """``texts`` through the pipeline's components before this one, in one batch (the
        photo credits of a document)."""
        docs = [self.nlp.make_doc(t) for t in texts]
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            pipe = getattr(proc, "pipe", None)
            docs = list(pipe(docs)) if pipe is not None else [proc(d) for d in docs]
        return docs


def _mention_spans(doc: Doc, found: Extraction) -> list[Span]:
    spans = []
    for m in found.mentions:
        span = doc.char_span(
            m.evidence.start,
            m.evidence.end,
            label=m.actor.type,
            kb_id=m.actor.key,
            alignment_mode="expand",
        )
        if span is not None:
            spans.append(span)
    return spans


@Language.factory(
    COMPONENT,
    default_config={"ontology": [], "hierarchy": True, "time_limit": None},
    assigns=["doc._.graphkit", "doc.spans"],
)
def make_extractor(
    nlp: Language,
    name: str,
    ontology: list[str],
    hierarchy: bool,
    time_limit: float | None,
) -> Extractor:
    """``nlp.add_pipe("graphkit", config={"ontology": ["my_ontology/"]})``."""
    return Extractor(nlp, name, ontology=ontology, hierarchy=hierarchy, time_limit=time_limit)


def load_model(model: str) -> Language:
    """``spacy.load(model)``, or ModelNotFoundError with the command that installs it."""
    try:
        return spacy.load(model)
    except OSError:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with: "
            + (INSTALL_HINT if model in DEFAULT_MODELS else f"python -m spacy download {model}")
        ) from None


@lru_cache(maxsize=4)
def _load(model: str, onto: Ontology) -> Language:
    return assemble(load_model(model), ontology=onto)


def load_nlp(onto: Ontology, model: str | None = None) -> Language:
    """A spaCy pipeline with graphkit's components, cached per (model, ontology)."""
    return _load(resolve_model_name(model), onto)
