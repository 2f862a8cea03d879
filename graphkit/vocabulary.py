"""graphkit's fixed vocabulary: the one module of ``graphkit/`` that types words in Python.

Everything the extraction reads as English -- verbs, nouns, cue words, prepositions, titles --
is ontology data (``ontology/*.tsv``, ``graphkit.ttl``) or spaCy's morphology
(:mod:`graphkit.extract.morph`). What stays here is of two kinds, neither of which a user's
ontology folder should change:

* **terms of graphkit's own schema** that records and the scorer check against: the modalities
  (the individuals of ``gk:Modality`` in ``graphkit.ttl``), the kinds of edge target, and the
  evaluation vocabulary of the gold format (the 18 PLOVER event types and the standing
  relations, with the aliases gold files use). ``tests/test_terms.py`` fails when these and the
  ontology disagree;
* **the English of news-page furniture** that :mod:`graphkit.ingest.article` blanks before parsing:
  datelines, bylines, photo captions and credits, agency footers, "Related Articles" tails, and
  the small words a headline leaves in lower case. They describe pages, not events.

>>> "demand" in EVENT_CATEGORIES and CATEGORY_ALIASES["request"]
'demand'
>>> MONTH_NUM["sep"]
9
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------- schema terms
#: an edge's modality, as graphkit.ttl's gk:Modality individuals
MODALITIES = ("asserted", "threatened", "denied", "negated", "hypothetical", "planned")
#: when cues give a clause more than one modality, the first of these wins
MODALITY_PRECEDENCE = ("negated", "denied", "hypothetical", "threatened", "planned")
#: what an edge's target is: the one acted upon, the place where an event with no recipient
#: happened ("protesters rioted in Kirkuk"), or nothing ("X resigned": no edge, an entry of the
#: graph's ``events``)
TARGET_ROLES = ("recipient", "place", "none")

#: the 18 PLOVER event types and the standing relations of the evaluation vocabulary
EVENT_CATEGORIES = frozenset({
    "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "demand",
    "disapprove", "reject", "threaten", "protest", "sanction", "mobilize", "coerce", "assault",
    "fight", "investigate",
})  # fmt: skip
STANDING_CATEGORIES = frozenset(
    {"member_of", "part_of", "aligned_with", "leader_of", "opposes", "controls", "located_in"}
)
#: category names gold files use for one of the above
CATEGORY_ALIASES = {"request": "demand", "accuse": "disapprove", "criticize": "disapprove"}
#: the node types gold files give a place
PLACE_TYPES = frozenset({"place", "location", "gpe_place"})
#: categories scored in either direction
SYMMETRIC_CATEGORIES = frozenset({"agree", "consult", "cooperate"})

# ---------------------------------------------------------------------------- page furniture
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_NUM = {
    m[:3].lower(): i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
NAME = r"[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|al-\w+|bin|van|von|de|da|del|la|le))*"
BYLINE = re.compile(rf"^\s*By\s+({NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*$")
CAPTION_START = re.compile(r"^\s*(FILE PHOTO|PHOTO|Photo|Image|IMAGE|Picture)\s*:", re.UNICODE)
CREDIT = re.compile(
    r"\b([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?/[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)\s*$"
)
# a credit after a caption, to the line's end: "... the booth. Image: Nick Moreau."; a label
# in lower case ("Shimon Peres image: David Shankbone.") only before a short capitalised credit
INLINE_IMAGE = re.compile(
    r"\s(?:(?:Image|Photo|Picture|Audio|Video)\s*:\s[^\n]*|(?:image|photo|picture)\s*:\s[A-Z][^\n]{0,40})$"
)
TAIL = re.compile(
    r"^\s*(Similar Articles|Related Articles|Related Stories|Related Coverage|Read more|Read More"
    r"|More from|Recommended|Sign up|Subscribe)\b"
    r"|^\s*(Categories|Tags|Filed under)\s*:"
)
FOOTER = re.compile(r"^\s*\(?\s*(Reporting by|Writing by|Editing by|Additional reporting)\b.*$")
DATELINE = re.compile(
    rf"^(\s*(?:[A-Z][A-Z .'-]+,\s*)?(?:(?:{MONTHS})\.?\s+\d{{1,2}}\s*)?"
    r"(?:\((?P<agency>[A-Z][A-Za-z .&]+)\)\s*)?[-\u2013\u2014]+\s*)"
)
DATE_LINE = re.compile(
    rf"^\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s*)?"
    rf"(?P<month>{MONTHS})\.?\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}})\s*$"
)
SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "over",
    "with", "from", "as", "vs", "vs.", "into", "after", "before",
}  # fmt: skip

#: file names that are no article
NOT_NEWS = ("readme", "license", "licence", "notice", "copying", "changelog", "authors")
