"""Event data in the field's shape: one row per event, counts per dyad and period, timelines.

Researchers who use ICEWS, GDELT or POLECAT count events per pair of actors per week, weighted
on a conflict–cooperation scale and split into quad classes. :func:`event_table` gives every
event graphkit read (one row per event and sentence that tells it) with the columns of such a
table, close to POLECAT's names where they mean the same thing (``docs/events.md`` has the
mapping); :func:`dyads` and :func:`timeline` count them over time.

An event's date is the date the sentence gives it when there is one, else its document's
publication date; an event with neither is in the table with no date and in no period. A date
the text gives only as a year or a month is its first day (``date_precision`` says which). Standing
relations (``member_of``, ``leader_of`` ...) are no events and are left out.

>>> import graphkit
>>> kg = graphkit.build([graphkit.document_from_text(
...     "d", "Hamas attacked Israel. Iran threatened to attack Israel.", published="2024-03-05")])
>>> event_table(kg)[["actor_name", "event_type", "recipient_name", "quad", "intensity"]]
  actor_name event_type recipient_name               quad  intensity
0      Hamas      fight         Israel  material_conflict      -10.0
1       Iran   threaten         Israel    verbal_conflict       -4.4
>>> dyads(kg, freq="W")[["period", "source", "target", "quad", "count"]]
      period source  target               quad  count
0 2024-03-04  hamas  israel  material_conflict      1
1 2024-03-04   iran  israel    verbal_conflict      1
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..assemble.weights import ontology_of
from ..iris import digest

if TYPE_CHECKING:
    import pandas as pd

    from ..graph import KnowledgeGraph

#: the columns of the event table and their pandas dtypes (``events.csv`` is read back with
#: ``pandas.read_csv(path, dtype=EVENT_DTYPES, parse_dates=EVENT_DATES)``)
EVENT_DTYPES: dict[str, str] = {
    "event_id": "string",
    "event_date": "string",  # parsed: see EVENT_DATES
    "date_precision": "string",  # day, month or year
    "date_text": "string",
    "event_type": "string",  # PLOVER category
    "event_mode": "string",  # PLOVER mode of the CAMEO code, where PLOVER gives one
    "cameo_code": "string",
    "quad": "string",
    "quad_code": "Int64",
    "cameo_quad": "string",
    "cameo_quad_code": "Int64",
    "intensity": "float64",
    "modality": "string",
    "factual": "boolean",
    "actor_id": "string",
    "actor_name": "string",
    "actor_country": "string",
    "actor_cameo": "string",
    "actor_sector": "string",
    "recipient_id": "string",
    "recipient_name": "string",
    "recipient_country": "string",
    "recipient_cameo": "string",
    "recipient_sector": "string",
    "recipient_role": "string",
    "speaker_id": "string",
    "speaker_name": "string",
    "relation": "string",
    "confidence": "float64",
    "rule": "string",
    "story_id": "string",
    "story_title": "string",
    "publisher": "string",
    "publication_date": "string",  # parsed: see EVENT_DATES
    "story_source": "string",
    "sentence_start": "Int64",
    "sentence_end": "Int64",
    "trigger": "string",
    "sentence": "string",
}
EVENT_COLUMNS = list(EVENT_DTYPES)
#: the date columns (``parse_dates`` when reading events.csv)
EVENT_DATES = ["event_date", "publication_date"]
#: what :func:`dyads` and :func:`timeline` count unless told otherwise: acts that happened
ASSERTED = ("asserted",)
#: an ISO date's length -> how precise it is ("2006" is a year, "2006-03" a month)
_PRECISION = {4: "year", 7: "month", 10: "day"}


def _rows(kg: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    from .frames import event_weights

    onto = ontology_of(kg)
    g = kg.graph
    docs = {d["id"]: d for d in kg.documents}
    quads = {q.name: q.code for q in onto.quads.values()}

    def node(n: str | None, field: str) -> Any:
        return g.nodes[n].get(field) if n is not None and n in g else None

    for u, v, key, d in kg.edges_and_events():
        w = event_weights(kg, d)
        if not w.get("quad"):
            continue  # a standing relation: no event
        code = str(d.get("cameo") or "")
        mode = onto.codes[code].mode if code in onto.codes else ""
        speaker = d.get("attributed_to")
        for ev in d.get("evidence", []):
            doc = docs.get(ev.get("doc"), {})
            published = str(doc.get("published") or "")[:10] or None
            day = ev.get("date") or published
            yield {
                "event_id": digest(ev.get("doc"), ev.get("start"), ev.get("end"), u, v or "", key),
                "event_date": day,
                "date_precision": _PRECISION.get(len(day or "")),
                "date_text": ev.get("date_text"),
                "event_type": d.get("category"),
                "event_mode": mode or None,
                "cameo_code": code or None,
                "quad": w["quad"],
                "quad_code": quads.get(w["quad"]),
                "cameo_quad": w["cameo_quad"],
                "cameo_quad_code": quads.get(w["cameo_quad"] or ""),
                "intensity": w["intensity"],
                "modality": d.get("modality"),
                "factual": w["factual"],
                "actor_id": u,
                "actor_name": node(u, "label"),
                "actor_country": node(u, "country"),
                "actor_cameo": node(u, "cameo"),
                "actor_sector": node(u, "sector"),
                "recipient_id": v,
                "recipient_name": node(v, "label"),
                "recipient_country": node(v, "country"),
                "recipient_cameo": node(v, "cameo"),
                "recipient_sector": node(v, "sector"),
                "recipient_role": d.get("target_role", "recipient") if v is not None else None,
                "speaker_id": speaker,
                "speaker_name": node(speaker, "label"),
                "relation": d.get("relation"),
                "confidence": ev.get("confidence", d.get("confidence")),
                "rule": ev.get("rule"),
                "story_id": ev.get("doc"),
                "story_title": doc.get("title"),
                "publisher": doc.get("publisher"),
                "publication_date": published,
                "story_source": doc.get("source"),
                "sentence_start": ev.get("start"),
                "sentence_end": ev.get("end"),
                "trigger": (ev.get("trigger") or {}).get("text"),
                "sentence": ev.get("text"),
            }


def event_table(kg: KnowledgeGraph) -> pd.DataFrame:
    """One row per event and sentence that tells it, in the columns of :data:`EVENT_DTYPES`
    (dates as ``datetime64``), ordered by date, then story and offset. An event with no
    recipient ("the rebels withdrew") has empty ``recipient_*`` columns; ``factual`` is False for
    an act told as planned, threatened, hypothetical, negated or denied."""
    import pandas as pd

    rows = sorted(
        _rows(kg),
        key=lambda r: (
            r["event_date"] or "~",
            r["story_id"] or "",
            r["sentence_start"] or 0,
            r["event_id"],
        ),
    )
    df = pd.DataFrame(rows, columns=EVENT_COLUMNS).astype(EVENT_DTYPES)
    for col in EVENT_DATES:
        # a year or a month is its first day; date_precision says which it was
        df[col] = pd.to_datetime(df[col], format="ISO8601", errors="coerce")
    return df


def to_csv(kg: KnowledgeGraph) -> str:
    """The event table as CSV text (dates written YYYY-MM-DD, empty for none)."""
    return event_table(kg).to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n")


def render(kg: KnowledgeGraph) -> dict[str, str | bytes]:
    """The files of ``--format events``: events.csv, and events.parquet when pyarrow is
    installed (``pip install graphkit-news[parquet]``)."""
    out: dict[str, str | bytes] = {"events.csv": to_csv(kg)}
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return out
    buf = io.BytesIO()
    event_table(kg).to_parquet(buf, index=False, engine="pyarrow")
    out["events.parquet"] = buf.getvalue()
    return out


def _selected(kg: KnowledgeGraph, include: Iterable[str]) -> pd.DataFrame:
    """The event table's dated rows of the modalities ``include`` names."""
    df = event_table(kg)
    df = df[df["modality"].isin(set(include))]
    return df[df["event_date"].notna()]


def _check(freq: str, by: str, weight: str) -> None:
    import pandas as pd

    if by not in {"actor", "country"}:
        raise ValueError(f"by must be 'actor' or 'country', not {by!r}")
    if weight not in {"count", "intensity"}:
        raise ValueError(f"weight must be 'count' or 'intensity', not {weight!r}")
    try:
        pd.Timestamp("2000-01-01").to_period(freq)
    except (ValueError, TypeError):
        raise ValueError(
            f"freq {freq!r} is no pandas period frequency (try 'D', 'W', 'M', 'Q' or 'Y')"
        ) from None


def _period(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of the period each date falls in (weeks start on Monday)."""
    return dates.dt.to_period(freq).dt.start_time


def dyads(
    kg: KnowledgeGraph,
    freq: str = "W",
    by: str = "actor",
    weight: str = "count",
    include: Iterable[str] = ASSERTED,
) -> pd.DataFrame:
    """Events per directed pair, period and quad class, as a tidy DataFrame: ``period`` (the
    first day of the period; ``freq`` is a pandas period frequency: "D", "W" (weeks from
    Monday), "M", "Q", "Y"), ``source``, ``target`` (actor ids, or ISO 3166 alpha-3 codes with
    ``by="country"``), their labels, ``quad`` and ``count`` (events) or ``intensity`` (the sum of
    their Goldstein weights). ``include`` names the modalities counted: by default only acts
    that happened as told. Events with no recipient or no date are in no dyad; with
    ``by="country"``, neither are events whose actor or recipient has no country."""
    import pandas as pd

    _check(freq, by, weight)
    df = _selected(kg, include)
    df = df[df["recipient_id"].notna()]
    src, dst = (
        ("actor_id", "recipient_id") if by == "actor" else ("actor_country", "recipient_country")
    )
    df = df[df[src].notna() & df[dst].notna()]
    cols = ["period", "source", "source_label", "target", "target_label", "quad", weight]
    if df.empty:
        return pd.DataFrame(columns=cols)
    frame = pd.DataFrame(
        {
            "period": _period(df["event_date"], freq),
            "source": df[src],
            "source_label": df["actor_name"] if by == "actor" else df[src],
            "target": df[dst],
            "target_label": df["recipient_name"] if by == "actor" else df[dst],
            "quad": df["quad"],
            "value": 1.0 if weight == "count" else df["intensity"].fillna(0.0),
        }
    )
    keys = ["period", "source", "target", "quad"]
    out = (
        frame.groupby(keys, sort=True, observed=True)
        .agg(source_label=("source_label", "first"), target_label=("target_label", "first"),
             value=("value", "sum"))
        .reset_index()
    )  # fmt: skip
    out[weight] = out.pop("value").astype("int64" if weight == "count" else "float64")
    return out[cols]


def timeline(
    kg: KnowledgeGraph,
    actor: str,
    freq: str = "W",
    weight: str = "count",
    include: Iterable[str] = ASSERTED,
) -> pd.DataFrame:
    """The events an actor (an id or a label) takes part in, per period, role and quad class:
    ``period``, ``role`` ("source": it acts, "target": it is acted upon), ``quad`` and
    ``count`` or ``intensity``. Its events with no recipient count as its own ("source")."""
    import pandas as pd

    _check(freq, "actor", weight)
    key = _actor_id(kg, actor)
    df = _selected(kg, include)
    parts = []
    for role, col in (("source", "actor_id"), ("target", "recipient_id")):
        part = df[df[col] == key]
        parts.append(
            pd.DataFrame(
                {
                    "period": _period(part["event_date"], freq),
                    "role": role,
                    "quad": part["quad"],
                    "value": 1.0 if weight == "count" else part["intensity"].fillna(0.0),
                }
            )
        )
    cols = ["period", "role", "quad", weight]
    frame = pd.concat(parts, ignore_index=True)
    if frame.empty:
        return pd.DataFrame(columns=cols)
    out = frame.groupby(["period", "role", "quad"], sort=True).agg(value=("value", "sum"))
    out = out.reset_index()
    out[weight] = out.pop("value").astype("int64" if weight == "count" else "float64")
    return out[cols]


def _actor_id(kg: KnowledgeGraph, actor: str) -> str:
    """An actor's node id from its id or its label (case-insensitive); KeyError if none."""
    g = kg.graph
    if actor in g:
        return actor
    wanted = actor.casefold()
    found = sorted(n for n, d in g.nodes(data=True) if str(d.get("label", "")).casefold() == wanted)
    if not found:
        raise KeyError(f"no actor {actor!r} in the graph (give its id or its label)")
    return found[0]
