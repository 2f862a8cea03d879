"""graphkit's extraction as spaCy components: ``graphkit.nlp.assemble(nlp)`` on a pipeline of
one's own reads what ``graphkit build`` reads, and writes it to the Doc; settings are config
(per call through ``component_cfg``), and the data is read when the component initializes."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import graphkit
import graphkit.nlp
from graphkit.runtime.models import resolve_model_name

from .conftest import SEED


@pytest.fixture(scope="module")
def own_pipeline():
    """The user's own pipeline: the model as spaCy loads it, and graphkit's components."""
    return graphkit.nlp.assemble(spacy.load(resolve_model_name(None)))


def _key(key):
    """A document-local key names its document ("officials@seed"); the component alone does
    not know the document's id, so the id is left out of the comparison."""
    return key.split("@")[0] + "@" if key and "@" in key else key


def _facts(assertions):
    return {
        (_key(a.subject.key), a.relation, _key(a.object.key),
         _key(a.attributed_to.key) if a.attributed_to else None, a.modality,
         a.evidence.start, a.evidence.end, a.rule)
        for a in assertions
    }  # fmt: skip


def _edges(kg):
    return {
        (_key(u), d["relation"], _key(v), _key(d["attributed_to"]), d["modality"],
         ev["start"], ev["end"], ev["rule"])
        for u, v, d in kg.graph.edges(data=True)
        for ev in d["evidence"]
    }  # fmt: skip


def test_add_pipe_gives_the_assertions_of_graphkit_build_on_the_seed(own_pipeline):
    text = SEED.read_text(encoding="utf-8")
    document = graphkit.document_from_text("seed", text)
    doc = own_pipeline(document.clean)  # the text as ingest leaves it (captions blanked)
    kg = graphkit.build([document])
    assert doc._.graphkit.assertions
    assert _facts(doc._.graphkit.assertions) == _edges(kg)


def test_actor_mentions_are_a_span_group_labelled_with_class_and_key(own_pipeline):
    doc = own_pipeline("Kataib Hezbollah fighters attacked U.S. forces in Iraq on Monday.")
    spans = {(s.text, s.label_, s.kb_id_) for s in doc.spans["graphkit"]}
    assert ("Kataib Hezbollah", "ArmedGroup", "kataib_hezbollah") in spans
    assert ("U.S. forces", "MilitaryForce", "united_states/forces") in spans
    facts = {(a.subject.key, a.category, a.object.key) for a in doc._.graphkit.assertions}
    assert ("kataib_hezbollah", "fight", "united_states/forces") in facts


def test_assemble_puts_each_component_in_its_place_once(own_pipeline):
    graphkit.nlp.assemble(own_pipeline)  # again: nothing more
    names = own_pipeline.pipe_names
    assert names.index("graphkit_paragraphs") < names.index("parser")
    assert names.index("graphkit_gazetteer") < names.index("ner") < names.index("graphkit_states")
    assert names[-1] == "graphkit"
    assert [names.count(n) for n in ("graphkit_gazetteer", "graphkit_states", "graphkit")] == [
        1
    ] * 3


def test_nlp_pipe_reads_each_doc_as_its_document(own_pipeline):
    documents = [graphkit.document_from_text(f"d{i}", t) for i, t in
                 enumerate(["Hamas attacked Israel.", "Iran condemned Israel."])]  # fmt: skip
    docs = []
    for d in documents:
        doc = own_pipeline.make_doc(d.clean)
        doc._.graphkit_document = d
        docs.append(doc)
    out = list(own_pipeline.pipe(docs))
    assert [d._.graphkit.document.id for d in out] == ["d0", "d1"]
    assert [a.evidence.doc for d in out for a in d._.graphkit.assertions] == ["d0", "d1"]


def test_a_blank_english_pipeline_still_finds_the_gazetteer_actors():
    nlp = graphkit.nlp.assemble(spacy.blank("en"))
    doc = nlp("The statement by Hezbollah and the Popular Mobilization Forces came late.")
    keys = {s.kb_id_ for s in doc.spans["graphkit"]}
    assert {"hezbollah", "popular_mobilization_forces"} <= keys


def test_the_ontology_setting_extends_the_built_in_one(tmp_path: Path):
    (tmp_path / "actors.jsonl").write_text(
        '{"id": "acme_militia", "label": "Acme Militia", "class": "ArmedGroup"}\n',
        encoding="utf-8",
    )
    nlp = graphkit.nlp.assemble(spacy.load(resolve_model_name(None)), ontology=[str(tmp_path)])
    doc = nlp("The Acme Militia attacked Israel.")
    facts = {(a.subject.key, a.category, a.object.key) for a in doc._.graphkit.assertions}
    assert ("acme_militia", "fight", "israel") in facts


def test_add_pipe_alone_reads_the_ontology_on_first_use_and_says_what_is_missing():
    nlp = spacy.load(resolve_model_name(None))
    component = nlp.add_pipe("graphkit")
    assert component.onto is None  # made without reading any data
    assert "graphkit_gazetteer" not in nlp.pipe_names  # adds no component of its own
    with pytest.warns(UserWarning, match="assemble"):
        doc = nlp("Hamas attacked Israel.")
    assert component.onto is not None
    facts = {(a.subject.key, a.category, a.object.key) for a in doc._.graphkit.assertions}
    assert ("hamas", "fight", "israel") in facts


def test_settings_given_per_call_leave_the_component_as_configured(own_pipeline):
    text = "U.S. forces attacked Kataib Hezbollah in Iraq."
    component = own_pipeline.get_pipe("graphkit")

    def rules(**cfg):
        (doc,) = own_pipeline.pipe([text], component_cfg={"graphkit": cfg})
        return {a.rule for a in doc._.graphkit.assertions}

    assert "builtin_hierarchy" in rules()
    assert "builtin_hierarchy" not in rules(hierarchy=False)
    assert component.hierarchy is True and "builtin_hierarchy" in rules()
    with pytest.raises(TypeError, match="unknown settings"):
        own_pipeline(text, component_cfg={"graphkit": {"hierarchi": False}})


def test_nlp_pipe_parses_the_credits_and_headings_of_a_batch_in_one_pass(own_pipeline):
    """The photo credits and headings of every document of a batch go through the pipeline
    together (one pass for the batch, not one per document), and each document still gets the
    mentions of its own: those of calling the component on it alone."""
    texts = [
        "Expo opens in Toronto\nFans met on Friday. Image: Nick Moreau.\nThe crowd grew.\n",
        "Hamas attacked Israel on Monday, officials said.\n",
        "Hong Kong votes in new council\nTurnout was high. Image: Twitter / NASA\nIt rained.\n",
    ]
    documents = [graphkit.document_from_text(f"d{i}", t) for i, t in enumerate(texts)]
    assert documents[0].credit_spans and not documents[1].credit_spans  # the test's premise
    component = own_pipeline.get_pipe("graphkit")

    def made(doc_of):
        docs = []
        for d in documents:
            doc = own_pipeline.make_doc(d.clean)
            doc._.graphkit_document = d
            docs.append(doc)
        return [
            sorted((m.actor.key, m.evidence.start, m.evidence.end) for m in d._.graphkit.mentions)
            for d in doc_of(docs)
        ]

    passes = []
    parse_before = component._parse_before

    def counted(asides):
        asides = list(asides)
        passes.append(len(asides))
        return parse_before(asides)

    component._parse_before = counted
    try:
        together = made(lambda docs: own_pipeline.pipe(docs))
        assert passes == [3]  # Nick Moreau; Twitter, NASA: one pass for the three documents
        with own_pipeline.select_pipes(disable=["graphkit"]):
            alone = made(lambda docs: [component(d) for d in own_pipeline.pipe(docs)])
    finally:
        component._parse_before = parse_before
    assert together == alone
    credited = {key for key, start, _ in together[0] if texts[0][start:].startswith("Nick")}
    assert credited  # the credit's name is a mention of its document


def test_the_gazetteer_matches_acronyms_exactly_as_its_token_patterns_do(own_pipeline):
    """The ruler's acronym patterns ({"ORTH": ...} per token) run on a phrase matcher: each
    acronym is found where the token matcher finds it, written as it is and nowhere else."""
    from spacy.matcher import Matcher, PhraseMatcher

    ruler = own_pipeline.get_pipe(graphkit.nlp.RULER)
    assert isinstance(ruler.matcher, PhraseMatcher)
    tokens = Matcher(own_pipeline.vocab)
    acronyms = []
    for key, patterns in ruler.token_patterns.items():
        tokens.add(key, patterns)
        acronyms += ["".join(t["ORTH"] for t in p) for p in patterns]  # "RFE/RL": three tokens
    assert len(acronyms) >= 20
    # each acronym as written, in lower case and in title case, between ordinary words
    words = [w for a in acronyms for w in (a, a.lower(), a.title(), "and")]
    doc = own_pipeline.make_doc(" ".join(words))
    found = sorted(ruler.matcher(doc))
    assert found == sorted(tokens(doc))
    assert {doc[s:e].text for _, s, e in found} == set(acronyms)
    un = own_pipeline("The UN said the plan was un-American.")
    assert [(e.text, e.ent_id_) for e in un.ents if e.text == "UN"] == [("UN", "united_nations")]
