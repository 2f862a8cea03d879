"""The spaCy component's results survive spaCy's own serialisation: a DocBin with user data,
Doc.to_bytes / from_bytes and Doc.to_disk / from_disk give back the same Extraction (and the
Document it was read as), through graphkit's msgpack encoder of plain data, never pickle; a
tampered record is refused with a clear error.
"""

from __future__ import annotations

import pytest
import srsly
from spacy.tokens import Doc, DocBin

import graphkit.nlp  # noqa: F401  (registers the component and the encoder)
from graphkit.records import Document, Extraction

TEXT = "Hamas fighters attacked Israel on Saturday, the army said. Iran denied any role."


@pytest.fixture(scope="module")
def parsed(nlp):
    doc = nlp.make_doc(TEXT)
    doc._.graphkit_document = Document(id="gaza-1", text=TEXT, clean=TEXT, title="Gaza")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert isinstance(doc._.graphkit, Extraction) and doc._.graphkit.assertions
    return doc


def test_a_docbin_with_user_data_round_trips_the_extraction(parsed, nlp):
    box = DocBin(store_user_data=True)
    box.add(parsed)
    (back,) = DocBin().from_bytes(box.to_bytes()).get_docs(nlp.vocab)
    assert back._.graphkit == parsed._.graphkit
    assert back._.graphkit_document == parsed._.graphkit_document
    assert [(s.text, s.kb_id_) for s in back.spans["graphkit"]] == [
        (s.text, s.kb_id_) for s in parsed.spans["graphkit"]
    ]


def test_to_bytes_and_to_disk_round_trip_the_extraction(parsed, nlp, tmp_path):
    assert Doc(nlp.vocab).from_bytes(parsed.to_bytes())._.graphkit == parsed._.graphkit
    parsed.to_disk(tmp_path / "doc")
    assert Doc(nlp.vocab).from_disk(tmp_path / "doc")._.graphkit == parsed._.graphkit


def test_a_tampered_record_is_refused_not_trusted(parsed):
    data = srsly.msgpack_loads(srsly.msgpack_dumps({"x": parsed._.graphkit}))
    assert data["x"] == parsed._.graphkit
    raw = srsly.msgpack_dumps({"__graphkit__": "extraction", "record": {"document": 7}})
    with pytest.raises(ValueError, match="stored extraction record is malformed"):
        srsly.msgpack_loads(raw)
    shifted = srsly.msgpack_dumps({"__graphkit__": "document", "record": {"id": 1}})
    with pytest.raises(ValueError, match="malformed"):
        srsly.msgpack_loads(shifted)
