"""The ontology's manifest (``graphkit.ontology.MANIFEST``) is the list of the data files an
ontology folder holds, with the loader of each and the fields it fills: every file the
built-in folder holds is in it, and each loader reads only its row's files and fills only its
row's fields."""

from __future__ import annotations

import fnmatch
from dataclasses import fields

import pytest

from graphkit import ontology as ont
from graphkit.ontology import MANIFEST, Ontology, builtin_dir

#: files of the built-in folder that are not ontology data (documentation, licences, the
#: JSON-LD context of graph.json, SHACL shapes read by `graphkit validate`, saved queries)
NOT_DATA = {"README.md", "NOTICE", "context.jsonld", "shapes.ttl", "queries"}


def _snapshot(onto: Ontology) -> dict[str, str]:
    return {f.name: repr(getattr(onto, f.name)) for f in fields(onto) if not f.name.startswith("_")}


def test_every_data_file_of_the_built_in_folder_has_a_row():
    listed = [pattern for source in MANIFEST for pattern in source.files]
    # (an installed wheel keeps the package's own modules beside the data)
    files = sorted(
        p.name
        for p in builtin_dir().iterdir()
        if p.name not in NOT_DATA and p.suffix != ".py" and p.name != "__pycache__"
    )
    assert [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in listed)] == []


def test_each_loader_reads_only_its_files_and_fills_only_its_fields(monkeypatch):
    opened: list[str] = []
    read_text, load_ttl = ont.files._read_text, ont.lexicon._load_ttl
    for part in (ont.files, ont.gazetteer, ont.lexicon, ont.dictionary):
        if hasattr(part, "_read_text"):
            monkeypatch.setattr(
                part, "_read_text", lambda p: (opened.append(p.name), read_text(p))[1]
            )
    monkeypatch.setattr(
        ont.lexicon, "_load_ttl", lambda o, p: (opened.append(p.name), load_ttl(o, p))[1]
    )
    onto = Ontology()
    wrong = []
    for source in MANIFEST:
        before, opened[:] = _snapshot(onto), []
        source.loader(onto, builtin_dir())
        after = _snapshot(onto)
        changed = {k for k in after if after[k] != before[k]}
        stray = [f for f in opened if not any(fnmatch.fnmatch(f, p) for p in source.files)]
        if stray or not changed <= set(source.fields) or not opened:
            wrong.append((source.loader.__name__, stray, sorted(changed - set(source.fields))))
    assert wrong == []


@pytest.mark.parametrize("source", MANIFEST, ids=lambda s: s.loader.__name__)
def test_a_row_names_fields_the_ontology_has(source):
    names = {f.name for f in fields(Ontology)}
    assert set(source.fields) <= names
