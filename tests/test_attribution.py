"""According to whom: the speaker of each claim, across the forms news uses (issue 15).

Each case is a sentence and the (source, category, target, speaker, modality) edge it must
give; a speaker of ``None`` means the document itself says it (the author narrates).
"""

from __future__ import annotations

import pytest

from tests.conftest import triples

A = "asserted"
EDGE = ("hamas", "fight", "israel")

CASES = [
    # --- reporting verbs, before and after the claim -----------------------------------------
    ("Egypt said Hamas attacked Israel.", "egypt", A),
    ("Hamas attacked Israel, Egypt said.", "egypt", A),
    ("Hamas attacked Israel, Egypt stressed.", "egypt", A),
    ("Egypt alleged that Hamas attacked Israel.", "egypt", A),
    ("Egypt claimed Hamas attacked Israel.", "egypt", A),
    ("Egypt told Reuters that Hamas attacked Israel.", "egypt", A),
    ("In a statement, Egypt said Hamas attacked Israel.", "egypt", A),
    ("Egypt warned that Hamas would attack Israel.", "egypt", "planned"),
    ("Hamas attacked Israel, according to Egypt.", "egypt", A),
    # --- quoted speech: "X was quoted as saying", "X quoted Y as saying" (Y speaks) ---------
    ("Egypt was quoted as saying that Hamas attacked Israel.", "egypt", A),
    ("Egypt quoted Qatar as saying that Hamas attacked Israel.", "qatar", A),
    # --- who speaks through a spokesman or a statement -----------------------------------------
    ("A spokesman for the Egyptian government said Hamas attacked Israel.", "egypt/government", A),
    ("Egypt's statement said Hamas attacked Israel.", "egypt", A),
    # --- media as reporters --------------------------------------------------------------------
    ("State TV said Hamas attacked Israel.", "state_tv", A),
    # --- unnamed and generic speakers are actors local to their document -----------------------
    ("Hamas attacked Israel, mediators said.", "officials@d0", A),
    ("Hamas attacked Israel, the opposition said.", "opposition@d0", A),
    ("Hamas attacked Israel, according to a military spokesman.", "officials@d0", A),
    ("Hamas attacked Israel, sources said.", "sources@d0", A),
    ("Hamas attacked Israel, security sources said.", "sources@d0", A),
    ("Hamas attacked Israel, witnesses said.", "witnesses@d0", A),
    ("Hamas attacked Israel, officials said.", "officials@d0", A),
    ("Hamas attacked Israel, Egyptian diplomats said.", "egypt/officials", A),
    # --- hedges: an unnamed source's claim, unless a named speaker reports it ------------------
    ("Hamas reportedly attacked Israel.", "sources@d0", A),
    ("Hamas allegedly attacked Israel.", "sources@d0", A),
    ("Hamas allegedly attacked Israel, Egypt said.", "egypt", A),
    # --- the author narrates: no speaker -------------------------------------------------------
    ("Hamas attacked Israel.", None, A),
    ("Hamas attacked Israel on Monday after weeks of tension.", None, A),
]


@pytest.mark.parametrize(("text", "speaker", "modality"), CASES, ids=[c[0][:48] for c in CASES])
def test_the_claim_has_its_speaker(build_text, text, speaker, modality):
    kg = build_text(text)
    assert (*EDGE, speaker, modality) in triples(kg, with_speaker=True), sorted(
        triples(kg, with_speaker=True)
    )


def test_an_unnamed_speaker_is_a_node_local_to_its_document(build_text):
    kg = build_text("Hamas attacked Israel, mediators said.", "Iran attacked Iraq, mediators said.")
    speakers = {d["attributed_to"] for _, _, d in kg.graph.edges(data=True)}
    assert speakers == {"officials@d0", "officials@d1"}  # one article's mediators are its own
    assert kg.graph.nodes["officials@d0"]["type"] == "Official"
