from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphkit.errors import OntologyError
from graphkit.ontology import builtin_dir, load_ontology, normalize_name

EVENTS = {
    "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "demand",
    "disapprove", "reject", "threaten", "protest", "sanction", "mobilize", "coerce", "assault",
    "fight", "investigate",
}  # fmt: skip
STANDING = {
    "member_of",
    "part_of",
    "aligned_with",
    "leader_of",
    "opposes",
    "controls",
    "located_in",
}


def test_every_relation_maps_to_an_evaluation_category(onto):
    assert len(onto.relations) >= 40
    for rel in onto.relations.values():
        assert rel.category in EVENTS | STANDING, rel
        if rel.category in EVENTS:
            assert rel.cameo and rel.cameo.isdigit(), f"{rel.term} has no CAMEO code"


def test_lexicon_covers_every_event_category(onto):
    covered = {
        onto.relations[e.relation].category
        for e in onto.lexicon.values()
        if e.relation != "-"  # a compound that is no event ("press release")
    }
    assert covered >= EVENTS


def test_gazetteer_and_states_resolve_aliases(onto):
    assert onto.lookup_name("the U.S.").key == "united_states"
    assert onto.lookup_name("Popular Mobilisation Forces").key == "popular_mobilization_forces"
    assert onto.lookup_name("Kata'ib Hizballah").key == "kataib_hezbollah"
    assert onto.state_of_word("Iranian") == "iran"
    assert onto.state_of_word("Shi'ite") is None


def test_normalize_name_folds_case_quotes_and_articles():
    assert normalize_name("The Iraqi Government") == normalize_name("iraqi government")
    assert normalize_name("Iraq\u2019s") == "iraq"


def test_user_folder_extends_the_builtin_ontology(tmp_path: Path):
    (tmp_path / "actors.jsonl").write_text(
        '{"id": "acme_militia", "label": "Acme Militia", "class": "ArmedGroup", '
        '"aliases": ["AM"]}\n'
    )
    (tmp_path / "lexicon.tsv").write_text(
        "lemma\tpos\trelation\tpreps\tobjects\npummel\tverb\tattack\t\t\n"
    )
    onto = load_ontology([tmp_path])
    assert onto.lookup_name("Acme Militia").key == "acme_militia"
    assert onto.lexicon[("pummel", "verb")].relation == "attack"
    assert ("attack", "verb") in onto.lexicon  # built-ins are still there


def test_lexicon_naming_an_undefined_relation_is_an_error(tmp_path: Path):
    (tmp_path / "lexicon.tsv").write_text(
        "lemma\tpos\trelation\tpreps\tobjects\nzap\tverb\tzapping\t\t\n"
    )
    with pytest.raises(OntologyError, match="undefined relation 'zapping'"):
        load_ontology([tmp_path])


def test_malformed_turtle_is_an_error(tmp_path: Path):
    (tmp_path / "extra.ttl").write_text("this is not turtle")
    with pytest.raises(OntologyError, match="not valid Turtle"):
        load_ontology([tmp_path])


def test_builtin_dir_holds_the_data_files():
    names = {p.name for p in builtin_dir().iterdir()}
    assert {"graphkit.ttl", "lexicon.tsv", "actors.jsonl", "states.tsv"} <= names


# issue 39 items 9 and 11: what an --ontology folder may hold


def test_a_byte_order_mark_before_the_header_is_read_past(tmp_path: Path):
    (tmp_path / "lexicon.tsv").write_text(
        "\ufefflemma\tpos\trelation\tpreps\nlambast\tverb\tcriticize\t\n", encoding="utf-8"
    )
    onto = load_ontology([tmp_path])
    assert onto.lexicon[("lambast", "verb")].relation == "criticize"


def test_a_nul_byte_in_a_table_is_one_error_naming_its_line(tmp_path: Path):
    (tmp_path / "lexicon.tsv").write_bytes(
        b"lemma\tpos\trelation\tpreps\nlambast\tverb\tcriti\x00cize\t\n"
    )
    with pytest.raises(OntologyError, match=r"lexicon\.tsv:2: a NUL byte"):
        load_ontology([tmp_path])


def test_an_actor_id_twice_in_one_gazetteer_is_refused(tmp_path: Path):
    rec = '{"id": "acme_front", "label": "Acme Front", "class": "ArmedGroup"}\n'
    (tmp_path / "actors.jsonl").write_text(rec + rec, encoding="utf-8")
    with pytest.raises(OntologyError, match=r"actors\.jsonl:2: actor id 'acme_front' again"):
        load_ontology([tmp_path])


def test_a_fifo_or_an_endless_file_in_the_folder_is_refused_without_blocking(tmp_path: Path):
    os.mkfifo(tmp_path / "cues.tsv")  # nobody writes to it: opening it to read would block
    with pytest.raises(OntologyError, match=r"cues\.tsv: not a regular file"):
        load_ontology([tmp_path])
    (tmp_path / "cues.tsv").unlink()
    (tmp_path / "cues.tsv").symlink_to("/dev/zero")
    with pytest.raises(OntologyError, match=r"cues\.tsv: not a regular file"):
        load_ontology([tmp_path])


def test_an_oversized_table_is_refused(tmp_path: Path):
    from graphkit.runtime.io import MAX_TEXT_BYTES

    with open(tmp_path / "cues.tsv", "wb") as fh:  # sparse: no disk is written
        fh.truncate(MAX_TEXT_BYTES + 1)
    with pytest.raises(OntologyError, match=r"cues\.tsv: [0-9,]+ bytes, larger than"):
        load_ontology([tmp_path])


def test_the_shipped_generic_actors_table_lists_each_head_once():
    import csv
    from collections import Counter

    from graphkit.ontology.files import builtin_dir

    with (builtin_dir() / "generic_actors.tsv").open(encoding="utf-8") as fh:
        heads = [r[0] for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    assert [h for h, n in Counter(heads).items() if n > 1] == []
