from __future__ import annotations

import json
from pathlib import Path

import pytest

import graphkit
from graphkit.errors import InputError
from graphkit.ingest.article import document_from_text, normalise
from graphkit.ingest.files import decode, discover, read_document

from .conftest import SEED


def test_normalise_keeps_length_and_maps_typography():
    text = "Iraq\u2019s \u201cdangerous\u201d\u00a0escalation \u2018x\u2019"
    out = normalise(text)
    assert len(out) == len(text)
    assert out == "Iraq's \"dangerous\" escalation 'x'"


def test_seed_metadata_is_split_off(shared):
    doc = read_document(SEED, "iraq-strikes")
    assert doc.authors == ("Ahmed Rasheed", "Timour Azhari")
    assert doc.photo_credits == ("REUTERS/Ari Jalal",)
    assert doc.publisher == "Reuters"
    assert "Similar Articles to This Post" in doc.boilerplate
    assert any(b.startswith("Iran\u2019s Allies in Iraq") for b in doc.boilerplate)
    assert len(doc.clean) == len(doc.text)
    # blanked regions are gone from the text that is parsed, article text is not
    assert "Ari Jalal" not in doc.clean and "By Ahmed" not in doc.clean
    assert "Similar Articles" not in doc.clean
    start = doc.text.index("Kataib Hezbollah said")
    assert doc.clean[start : start + 21] == "Kataib Hezbollah said"


def test_headline_and_date_line():
    doc = document_from_text(
        "x", "Rebels seize town in the north\nFriday, July 21, 2017\nRebels seized the town.\n"
    )
    assert doc.title == "Rebels seize town in the north"
    assert doc.published == "2017-07-21"
    assert "Rebels seize town" in doc.clean  # the headline stays article text
    assert "2017" not in doc.clean


def test_dateline_prefix_sets_publisher():
    doc = document_from_text("x", "BAGHDAD, Jan 24 (Reuters) - Gunmen attacked a convoy.\n")
    assert doc.publisher == "Reuters"
    assert doc.clean.strip() == "Gunmen attacked a convoy."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
)
def test_undecodable_bytes_are_a_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "x.txt")


def test_utf16_with_bom_decodes():
    assert decode("Hamas attacked Israel.".encode("utf-16"), "x") == "Hamas attacked Israel."


def test_empty_document_is_rejected(tmp_path: Path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n\n ")
    with pytest.raises(InputError, match="empty document"):
        read_document(p, "empty")


def test_discover_ids_are_relative_paths_without_extension(tmp_path: Path):
    (tmp_path / "meantime" / "airbus").mkdir(parents=True)
    (tmp_path / "meantime" / "airbus" / "x.txt").write_text("a")
    (tmp_path / "top.txt").write_text("b")
    (tmp_path / "notes.md").write_text("c")
    found, missing = discover([tmp_path])
    assert [i for _, i in found] == ["meantime/airbus/x", "top"] and missing == []
    assert discover([tmp_path / "top.txt"])[0][0][1] == "top"


def test_missing_input_path_is_reported_not_raised(tmp_path: Path):
    (tmp_path / "a.txt").write_text("a")
    found, missing = discover([tmp_path / "nope", tmp_path / "a.txt"])
    assert [i for _, i in found] == ["a"]
    assert len(missing) == 1 and "no such file or folder" in str(missing[0])


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    with pytest.raises(InputError, match="over the limit"):
        read_document(p, "huge", max_chars=5_000_000)


def test_a_jsonl_file_of_no_documents_is_reported_once(tmp_path):
    from graphkit.ingest.files import jsonl_documents

    data = "\n".join(json.dumps({"doc_id": f"d{i}", "entities": []}) for i in range(50))
    docs, errors = jsonl_documents(data.encode(), "gold.jsonl")
    assert docs == [] and len(errors) == 1
    assert "not a document feed: 0 of 50 lines" in str(errors[0])
    mixed = '{"id": "a", "text": "Hamas attacked Israel."}\n{"id": "b"}\n'
    docs, errors = jsonl_documents(mixed.encode(), "feed.jsonl")
    assert [d.id for d in docs] == ["a"] and "feed.jsonl:2" in str(errors[0])


def test_an_inline_photo_credit_keeps_where_its_names_stand():
    text = (
        "Expo opens in Toronto\n"
        "Fans posed at the Comic Corps booth on Friday. Image: Nick Moreau.\n"
        "The shuttle lifted off in 1981. Image: Twitter / NASA\n"
        "The crowd grew through the weekend.\n"
    )
    doc = document_from_text("x", text)
    assert [doc.text[a:b] for a, b in doc.credit_spans] == ["Nick Moreau", "Twitter", "NASA"]
    assert all(not doc.clean[a:b].strip() for a, b in doc.credit_spans)  # blanked for parsing


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("The map shows the station. image: Daily Research.", ["Daily Research"]),
        ("The talk was recorded in May. Audio: Jkthom.", ["Jkthom"]),
        ("The launch was filmed. Video: NASA / Bill Ingalls", ["NASA", "Bill Ingalls"]),
        # a label in lower case before prose is no credit
        ("He described the image: a burning car, a crowd and the police at night.", []),
        ("She studied the photo: it showed the harbour.", []),
    ],
)
def test_credit_labels_in_either_case_and_for_sound_and_film(line, names):
    doc = document_from_text("x", "Expo opens in Toronto\n" + line + "\nThe crowd grew.\n")
    assert [doc.text[a:b] for a, b in doc.credit_spans] == names


def test_a_caption_in_title_case_with_its_credit_is_no_heading():
    # a caption without a full stop reads like a heading; its credit makes it a caption, whose
    # names stay in the parsed text and whose credit is a credit
    text = (
        "Satire site grows\n"
        "The paper has grown for ten years, its editors said.\n"
        "Editorial Manager Chet Clem and President Sean Mills. Image: David Shankbone\n"
        "The site draws millions of readers.\n"
    )
    doc = document_from_text("x", text)
    assert [doc.text[a:b] for a, b in doc.credit_spans] == ["David Shankbone"]
    caption = text.index("Editorial")
    assert doc.clean[caption : caption + 40] == text[caption : caption + 40]


def test_a_heading_is_blanked_and_kept_where_it_stands_and_categories_end_the_article():
    text = (
        "Hong Kong votes in new council\n"
        "Turnout was high across the city on Sunday, officials said.\n"
        "Michael Tien of New People Party\n"
        "Counting went on through the night.\n"
        "Categories: September 5, 2016 Hong Kong Published Politics\n"
    )
    doc = document_from_text("x", text)
    assert [doc.text[a:b] for a, b in doc.heading_spans] == ["Michael Tien of New People Party"]
    assert all(not doc.clean[a:b].strip() for a, b in doc.heading_spans)
    assert "Categories: September 5, 2016 Hong Kong Published Politics" in doc.boilerplate
    assert "Published" not in doc.clean


def test_page_furniture_between_paragraphs_costs_only_its_own_line():
    # issue 39 item 4: a "Read more" line followed by prose blanked the rest of the document
    text = "Hamas attacked Israel.\n\nRead more: talks stall\n\nRussia attacked Ukraine.\n"
    doc = document_from_text("d", text)
    assert "Russia attacked Ukraine." in doc.clean and "Read more" not in doc.clean
    assert doc.cuts == ((24, 46, "page furniture line"),)
    kg = graphkit.build([doc])
    assert {("hamas", "israel"), ("russia", "ukraine")} <= set(kg.graph.edges())
    assert kg.documents[0]["cuts"] == [{"start": 24, "end": 46, "what": "page furniture line"}]


@pytest.mark.parametrize(
    "head", ["Related Stories", "Tags: Iraq, Iran", "Subscribe", "More from Wire"]
)
def test_a_trailing_list_of_headlines_is_cut_to_the_end_and_said_so(head):
    text = f"Hamas attacked Israel.\n\n{head}\nUS strikes militia in Iraq\nIran warns Israel\n"
    doc = document_from_text("d", text)
    assert doc.clean.strip() == "Hamas attacked Israel."
    ((start, end, what),) = doc.cuts
    assert text[start:end].startswith(head) and end == len(text.rstrip("\n"))
    assert what == "page furniture to the end"


def test_build_reports_every_cut_when_verbose(tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import cli

    art = tmp_path / "a.txt"
    art.write_text("Hamas attacked Israel.\n\nRead more: talks stall\n\nRussia attacked Ukraine.\n",
                   encoding="utf-8")  # fmt: skip
    r = CliRunner().invoke(cli, ["build", str(art), "-o", str(tmp_path / "o"), "--no-cache",
                                 "-v", "--format", "json"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "a.txt: left out page furniture line at characters 24-46" in r.output


def test_one_bad_byte_costs_one_jsonl_record_not_the_file():
    # issue 39 item 7: a raw invalid byte or an encoded surrogate on one line lost every record
    from graphkit.ingest.files import jsonl_documents

    data = (
        b'{"id": "a", "text": "Hamas attacked Israel."}\n'
        b'{"id": "b", "text": "a bad \xff byte"}\n'
        b'{"id": "c", "text": "an encoded surrogate \xed\xa0\x80"}\n'
        b'{"id": "d", "text": "Iran\xe2\x80\xa8criticized Israel."}\r\n'
    )
    docs, errors = jsonl_documents(b"\xef\xbb\xbf" + data, "feed.jsonl")
    assert [d.id for d in docs] == ["a", "d"]  # U+2028 inside a record does not split it
    assert [str(e).split(":")[1] for e in errors] == ["2", "3"]
    assert all("not valid UTF-8" in str(e) for e in errors)
