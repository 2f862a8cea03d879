"""The extraction cache holds data, never code: planted, damaged and foreign entries are misses,
its files are private, and a cache that cannot be used never fails a build (issue 18)."""

from __future__ import annotations

import errno
import os
import pickle
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphkit
from graphkit.export.json import dumps
from graphkit.runtime import cache as cache_mod
from graphkit.runtime.cache import decode, encode

TEXTS = {
    "a": "Hamas attacked Israel on Monday. Iran condemned the strikes, officials said.",
    "b": "The United States imposed sanctions on Iran.",
}


def _docs():
    return [graphkit.document_from_text(k, v) for k, v in TEXTS.items()]


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


@pytest.fixture(scope="module")
def extraction():
    kg_doc = _docs()[0]
    from graphkit.build import extract_batch, load_nlp
    from graphkit.ontology import load_ontology

    onto = load_ontology()
    (found,) = extract_batch(
        [kg_doc], onto=onto, nlp=load_nlp(onto), hierarchy=True, batch_size=8,
        chunk_chars=10**9,
    )  # fmt: skip
    assert found.assertions  # something worth storing
    return found


class Planted:
    """Unpickling this object would create the file ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_an_entry_round_trips_exactly(extraction):
    assert decode(encode(extraction, "k"), extraction.document, "k") == extraction


def test_a_planted_pickle_runs_nothing_and_is_rebuilt(tmp_path):
    folder, marker = tmp_path / "cache", tmp_path / "ran"
    messages: list[str] = []
    first = graphkit.build(_docs(), cache=folder)
    planted = pickle.dumps(Planted(marker))
    for entry in _entries(folder):
        entry.write_bytes(planted)
        entry.with_suffix(".pickle").write_bytes(planted)  # where the old format kept it
    again = graphkit.build(_docs(), cache=folder, report=messages.append)
    assert not marker.exists()
    assert again.stats["parsed"] == 2 and dumps(again) == dumps(first)
    assert messages == [
        f"warning: cache {folder}: 2 damaged or foreign entries ignored and rebuilt"
    ]
    third = graphkit.build(_docs(), cache=folder)  # the rebuilt entries are good again
    assert third.stats["cached"] == 2


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_damaged_entry_is_a_miss_never_other_content(extraction, data):
    stored = encode(extraction, "k")
    doc = extraction.document
    kind = data.draw(st.sampled_from(["flip", "truncate", "append"]))
    if kind == "flip":
        i = data.draw(st.integers(0, len(stored) - 1))
        bit = data.draw(st.integers(0, 7))
        damaged = stored[:i] + bytes([stored[i] ^ (1 << bit)]) + stored[i + 1 :]
    elif kind == "truncate":
        damaged = stored[: data.draw(st.integers(0, len(stored) - 1))]
    else:
        damaged = stored + data.draw(st.binary(min_size=1, max_size=16))
    assert decode(damaged, doc, "k") is None


def test_an_entry_of_another_document_or_key_is_a_miss(extraction):
    other = graphkit.document_from_text("other", extraction.document.text)
    assert decode(encode(extraction, "k"), other, "k") is None
    assert decode(encode(extraction, "k"), extraction.document, "another") is None


def test_an_entry_moved_to_another_documents_file_is_rebuilt(tmp_path):
    """A valid entry copied over another document's (an edited article's old result put where
    the new one belongs) is no hit with the wrong content."""
    folder = tmp_path / "cache"
    same_id = [graphkit.document_from_text("a", TEXTS["a"])]
    graphkit.build(same_id, cache=folder)
    (old,) = _entries(folder)
    edited = [graphkit.document_from_text("a", TEXTS["b"])]
    first = graphkit.build(edited, cache=folder)
    new = next(e for e in _entries(folder) if e != old)
    new.write_bytes(old.read_bytes())
    again = graphkit.build(edited, cache=folder)
    assert again.stats["parsed"] == 1 and dumps(again) == dumps(first)


def test_entries_and_folders_are_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        graphkit.build(_docs(), cache=tmp_path / "cache")
    finally:
        os.umask(old)
    entries = _entries(tmp_path / "cache")
    assert len(entries) == 2
    for f in entries:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        assert stat.S_IMODE(f.parent.stat().st_mode) == 0o700, f.parent
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700


def test_a_cache_others_can_write_is_not_used(tmp_path):
    folder = tmp_path / "shared-cache"
    folder.mkdir()
    folder.chmod(0o777)
    messages: list[str] = []
    kg = graphkit.build(_docs(), cache=folder, report=messages.append)
    assert kg.graph.number_of_edges() and kg.stats["parsed"] == 2
    assert messages == [
        f"warning: cache {folder}: not private (owned by another user, or writable by others); "
        "building without the cache"
    ]
    assert _entries(folder) == []


def test_a_cache_that_cannot_be_created_means_a_build_without_it(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    messages: list[str] = []
    kg = graphkit.build(_docs(), cache=blocker / "cache", report=messages.append)
    assert kg.graph.number_of_edges()
    assert len(messages) == 1 and "cannot create it" in messages[0]
    assert messages[0].endswith("building without the cache")


def test_a_full_disk_turns_the_cache_off_with_one_warning(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cache_mod, "atomic_write_bytes", full)
    messages: list[str] = []
    kg = graphkit.build(_docs(), cache=tmp_path / "cache", report=messages.append)
    assert kg.stats["parsed"] == 2 and kg.graph.number_of_edges()
    assert len(messages) == 1 and "No space left on device" in messages[0]


def test_the_cli_builds_with_an_unusable_cache_and_says_so(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(TEXTS["a"])
    blocker = tmp_path / "file"
    blocker.write_text("")
    r = subprocess.run(
        [sys.executable, "-m", "graphkit", "build", str(tmp_path / "a.txt"), "-o",
         str(tmp_path / "out"), "--cache", str(blocker / "c"), "-q"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith(f"graphkit: warning: cache {blocker / 'c'}: cannot create it")
    assert (tmp_path / "out" / "graph.json").exists()


def test_changed_code_invalidates_every_entry(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    assert graphkit.build(_docs(), cache=folder).stats["parsed"] == 2
    assert graphkit.build(_docs(), cache=folder).stats["parsed"] == 0
    monkeypatch.setattr(cache_mod, "code_fingerprint", lambda: "an edited rule")
    assert graphkit.build(_docs(), cache=folder).stats["parsed"] == 2


def test_the_code_fingerprint_covers_graphkits_sources(tmp_path, monkeypatch):
    package = tmp_path / "graphkit"
    (package / "extract").mkdir(parents=True)
    (package / "cache.py").write_text("# cache\n")
    rule = package / "extract" / "events.py"
    rule.write_text("RULE = 1\n")
    monkeypatch.setattr(cache_mod, "__file__", str(package / "cache.py"))
    cache_mod.code_fingerprint.cache_clear()
    try:
        before = cache_mod.code_fingerprint()
        rule.write_text("RULE = 2\n")
        cache_mod.code_fingerprint.cache_clear()
        assert cache_mod.code_fingerprint() != before
    finally:
        monkeypatch.undo()
        cache_mod.code_fingerprint.cache_clear()


# issue 39 item 6: a cache no one else can write


def _forge(entry: Path, edit) -> None:
    """Rewrite an entry's JSON with ``edit`` and a recomputed plain SHA-256, as someone
    without the user's secret could."""
    import hashlib
    import json

    data = entry.read_bytes()
    magic, rest = data[: len(cache_mod.MAGIC)], data[len(cache_mod.MAGIC) :]
    _, _, payload = rest.partition(b"\n")
    rec = json.loads(payload)
    edit(rec)
    new = json.dumps(rec, separators=(",", ":")).encode()
    entry.write_bytes(magic + hashlib.sha256(new).hexdigest().encode() + b"\n" + new)


def _set_category(category: str):
    def edit(rec):
        for a in rec["assertions"]:
            a["category"] = a["relation"] = category

    return edit


def test_an_entry_forged_without_the_users_secret_is_rebuilt(tmp_path):
    folder = tmp_path / "cache"
    first = graphkit.build(_docs(), cache=folder)
    for entry in _entries(folder):
        _forge(entry, _set_category("cooperate"))
    messages: list[str] = []
    again = graphkit.build(_docs(), cache=folder, report=messages.append)
    assert again.stats["parsed"] == 2 and dumps(again) == dumps(first)
    assert any("2 damaged or foreign entries ignored" in m for m in messages)


def test_a_signed_entry_with_values_out_of_range_is_a_miss(extraction):
    import json

    secret = b"s" * 32
    good = encode(extraction, "k", secret)
    assert decode(good, extraction.document, "k", secret) == extraction
    assert decode(good, extraction.document, "k", b"t" * 32) is None  # another user's secret
    for field, value in (("confidence", float("nan")), ("confidence", 7.0),
                         ("date", "next Tuesday"), ("evidence", ["a", 0, 10**9, "x"])):  # fmt: skip
        payload = json.loads(good.partition(b"\n")[2].partition(b"\n")[2])
        payload["assertions"][0][field] = value
        if field == "evidence":
            payload["assertions"][0][field][0] = extraction.document.id
        body = json.dumps(payload, separators=(",", ":")).encode()
        forged = cache_mod.MAGIC + cache_mod._sign(body, secret) + b"\n" + body
        assert decode(forged, extraction.document, "k", secret) is None, field


@pytest.mark.parametrize("where", ["subfolder", "entry"])
def test_a_folder_or_entry_others_can_write_is_never_trusted(tmp_path, where):
    folder = tmp_path / "cache"
    first = graphkit.build(_docs(), cache=folder)
    for entry in _entries(folder):
        (entry.parent if where == "subfolder" else entry).chmod(0o777 if where == "subfolder"
                                                                 else 0o666)  # fmt: skip
    again = graphkit.build(_docs(), cache=folder)
    assert again.stats["parsed"] == 2 and dumps(again) == dumps(first)


def test_a_fifo_planted_as_an_entry_is_a_miss_not_a_hang(tmp_path):
    folder = tmp_path / "cache"
    graphkit.build(_docs(), cache=folder)
    for entry in _entries(folder):
        entry.unlink()
        os.mkfifo(entry, 0o600)
    again = graphkit.build(_docs(), cache=folder)
    assert again.stats["parsed"] == 2


def test_the_secret_lives_outside_the_cache_and_is_private(tmp_path):
    graphkit.build(_docs(), cache=tmp_path / "cache")
    secret = cache_mod.secret_path()
    assert tmp_path / "cache" not in secret.parents
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600 and secret.stat().st_size == 32
    secret.chmod(0o644)
    messages: list[str] = []
    try:
        kg = graphkit.build(_docs(), cache=tmp_path / "cache2", report=messages.append)
    finally:
        secret.chmod(0o600)
    assert kg.stats["parsed"] == 2 and any("no private secret" in m for m in messages)
