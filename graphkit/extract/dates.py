"""When an event happened, where its sentence says so: a date attached to the trigger.

A DATE entity of the trigger's sentence dates the event when it hangs off the trigger, either
directly ("said Tuesday", "struck yesterday") or through a preposition of cue role
``date_prep`` ("attacked on Tuesday", "met in March"). The text is resolved against the
article's publication date: a weekday is the last such day on or before it (the next one for
an event still to come, or after a ``date_next`` word: "next Tuesday"), "yesterday"/"today"/
"tomorrow" are cue roles ``day_before``/``same_day``/``day_after``, a month and day without a
year take the publication year. Month and weekday names are read with the C locale's
``strptime``, not from a word list. Dates with their own year ("on 3 March 2020", "in
2019") need no publication date; the rest resolve to nothing in an undated article.

>>> from datetime import date
>>> resolve_text("Tuesday", date(2024, 2, 3), future=False, roles={})
'2024-01-30'
>>> resolve_text("March 3, 2020", None, future=False, roles={})
'2020-03-03'
>>> resolve_text("March", date(2024, 5, 1), future=False, roles={})
'2024-03'
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from ..ontology import Ontology
from ..records import Assertion, Document

#: strptime formats of a full date, a day of a month, a month of a year and a year
_FULL = ("%B %d, %Y", "%B %d %Y", "%d %B %Y", "%b %d, %Y", "%b. %d, %Y", "%d %b %Y", "%Y-%m-%d")
_DAY = ("%B %d", "%d %B", "%b %d", "%b. %d", "%d %b")
_MONTH_YEAR = ("%B %Y", "%b %Y")
#: modalities of an act that has not happened yet: a weekday names the coming one
_FUTURE = frozenset({"planned", "threatened"})
#: how far past the publication date a day without a year may lie and still be this year's
_GRACE = timedelta(days=7)


#: weekday names (full and short, lower case) -> Monday = 0, from the C locale's strftime
#: (strptime reads "%A" but does not date it); 1 January 2024 was a Monday
_WEEKDAYS = {
    date(2024, 1, 1 + i).strftime(fmt).lower(): i for i in range(7) for fmt in ("%A", "%a")
}


def _parse(text: str, formats: tuple[str, ...]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def resolve_text(
    text: str, published: date | None, *, future: bool, roles: dict[str, frozenset[str]]
) -> str | None:
    """The ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) a date phrase names, or None."""
    words = text.split()
    lowered = [w.lower() for w in words]
    if lowered and lowered[0] in roles.get("date_next", ()):
        future, words = True, words[1:]
    elif lowered and lowered[0] in roles.get("date_last", ()):
        future, words = False, words[1:]
    phrase = " ".join(words).strip(" ,.")
    if not phrase:
        return None
    one = phrase.lower()
    for role, offset in (("day_before", -1), ("same_day", 0), ("day_after", 1)):
        if one in roles.get(role, ()):
            return (published + timedelta(days=offset)).isoformat() if published else None
    full = _parse(phrase, _FULL)
    if full:
        return full.date().isoformat()
    month = _parse(phrase, _MONTH_YEAR)
    if month:
        return f"{month.year:04d}-{month.month:02d}"
    if phrase.isdigit() and len(phrase) == 4:
        return phrase
    if published is None:
        return None
    wanted = _WEEKDAYS.get(one)
    if wanted is not None:
        delta = (published.weekday() - wanted) % 7
        if future:
            return (published + timedelta(days=(wanted - published.weekday()) % 7 or 7)).isoformat()
        return (published - timedelta(days=delta)).isoformat()
    day = _parse(phrase, _DAY)
    if day:
        try:
            when = date(published.year, day.month, day.day)
        except ValueError:  # 29 February of a year without one
            return None
        if not future and when > published + _GRACE:
            when = date(published.year - 1, day.month, day.day)
        return when.isoformat()
    only_month = _parse(phrase, ("%B",))
    if only_month:
        year = published.year
        if not future and only_month.month > published.month:
            year -= 1
        return f"{year:04d}-{only_month.month:02d}"
    return None


def _attached(ent: Span, trigger: Token, preps: frozenset[str]) -> bool:
    head = ent.root.head
    if head.i == trigger.i and ent.root.i != trigger.i:
        return True
    return head.dep_ == "prep" and head.lemma_.lower() in preps and head.head.i == trigger.i


def published_date(document: Document) -> date | None:
    """The document's publication date, if it has a readable one."""
    if not document.published:
        return None
    try:
        return date.fromisoformat(document.published[:10])
    except ValueError:
        return None


def date_events(
    document: Document, doc: Doc, onto: Ontology, assertions: list[Assertion]
) -> list[Assertion]:
    """The assertions, each with the date its sentence gives its trigger (where one does)."""
    published = published_date(document)
    preps = onto.cue("date_prep")
    roles = {
        r: onto.cue(r) for r in ("day_before", "same_day", "day_after", "date_last", "date_next")
    }
    out = []
    # each sentence's dates once: Token.sent and Span.ents scan the whole document each call
    sents = list(doc.sents) if assertions else []
    starts = [s.start for s in sents]
    dates: list[list[Span]] = [[] for _ in sents]
    for ent in doc.ents if sents else ():
        if ent.label_ == "DATE":
            dates[bisect_right(starts, ent.start) - 1].append(ent)
    for a in assertions:
        if a.trigger is None:
            out.append(a)
            continue
        span = doc.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
        found = None
        if span is not None:
            trigger = span.root
            k = bisect_right(starts, trigger.i) - 1  # the trigger's sentence
            for ent in dates[k]:
                if ent.end <= sents[k].end and _attached(ent, trigger, preps):
                    # determiners carry no date ("the next day" is "next day")
                    text = "".join(t.text_with_ws for t in ent if t.pos_ != "DET").strip()
                    iso = resolve_text(text, published, future=a.modality in _FUTURE, roles=roles)
                    if iso:
                        found = (iso, ent.text)
                        break
        out.append(dataclasses.replace(a, date=found[0], date_text=found[1]) if found else a)
    return out
