"""pandas views of a graph: one row per actor, one row per assertion (edge x evidence sentence).

>>> import graphkit
>>> kg = graphkit.build([graphkit.document_from_text("d", "Iran said Hamas attacked Israel.")])
>>> kg.assertions()[["source_label", "category", "target_label", "speaker_label"]]
  source_label category target_label speaker_label
0        Hamas    fight       Israel          Iran
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from ..graph import KnowledgeGraph

ACTOR_COLUMNS = [
    "id", "label", "type", "part_of", "country", "cameo", "sector", "aliases", "mentions",
    "documents", "in_edges", "out_edges",
]  # fmt: skip
ASSERTION_COLUMNS = [
    "source", "source_label", "relation", "category", "cameo", "quad", "cameo_quad", "intensity",
    "factual", "target", "target_label", "target_role", "modality", "speaker", "speaker_label",
    "confidence", "rule", "document", "document_title", "published", "date", "date_text",
    "start", "end", "sentence", "trigger", "claim", "content_relation", "content",
]  # fmt: skip


def actors(kg: KnowledgeGraph, *, connected: bool = False) -> pd.DataFrame:
    """One row per actor: its label, class, parent, aliases (a list), mention and document
    counts, and how many edges end and start at it (``connected``: only actors with an edge;
    the others are mentions that take part in nothing)."""
    import pandas as pd

    g = kg.graph
    rows = [
        {
            "id": n,
            "label": d.get("label"),
            "type": d.get("type"),
            "part_of": d.get("part_of"),
            "country": d.get("country"),
            "cameo": d.get("cameo"),
            "sector": d.get("sector"),
            "aliases": list(d.get("aliases", [])),
            "mentions": len(d.get("mentions", [])),
            "documents": len({m["doc"] for m in d.get("mentions", [])}),
            "in_edges": g.in_degree(n),
            "out_edges": g.out_degree(n),
        }
        for n, d in g.nodes(data=True)
        if not connected or g.degree(n)
    ]
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def assertions(kg: KnowledgeGraph, min_confidence: float = 0.0) -> pd.DataFrame:
    """One row per assertion as read in one sentence: who did what to whom, according to whom,
    where (document, character offsets, the sentence, the trigger word and any quoted claim).
    An event with no recipient ("the rebels withdrew") is a row with an empty target; a threat,
    demand, offer, refusal or denial names the act it is about (``content_relation``,
    ``content``). ``min_confidence`` keeps the rows whose rule's measured precision is at
    least that.

    >>> import graphkit
    >>> kg = graphkit.build([graphkit.document_from_text("d", "The rebels withdrew.")])
    >>> kg.assertions()[["source_label", "category", "target"]]
      source_label category target
    0       rebels  retreat   None
    """
    import pandas as pd

    g = kg.graph
    titles = {d["id"]: d.get("title") for d in kg.documents}
    published = {d["id"]: d.get("published") for d in kg.documents}

    def label(n: str | None) -> str | None:
        return g.nodes[n].get("label") if n is not None and n in g else None

    rows = []
    for u, v, _, d in kg.edges_and_events():
        speaker = d.get("attributed_to")
        weights = event_weights(kg, d)
        for ev in d.get("evidence", []):
            if ev.get("confidence", d.get("confidence", 0)) < min_confidence:
                continue
            trigger = ev.get("trigger") or {}
            content = ev.get("content") or {}
            rows.append(
                {
                    "source": u,
                    "source_label": label(u),
                    "relation": d.get("relation"),
                    "category": d.get("category"),
                    "cameo": d.get("cameo"),
                    **weights,
                    "target": v,
                    "target_label": label(v),
                    "target_role": d.get("target_role", "recipient"),
                    "modality": d.get("modality"),
                    "speaker": speaker,
                    "speaker_label": label(speaker),
                    "confidence": ev.get("confidence", d.get("confidence")),
                    "rule": ev.get("rule"),
                    "document": ev.get("doc"),
                    "document_title": titles.get(ev.get("doc")),
                    "published": published.get(ev.get("doc")),
                    # the event's own date where the text gives one, else its document's
                    "date": ev.get("date") or (published.get(ev.get("doc")) or "")[:10] or None,
                    "date_text": ev.get("date_text"),
                    "start": ev.get("start"),
                    "end": ev.get("end"),
                    "sentence": ev.get("text"),
                    "trigger": trigger.get("text"),
                    "claim": ev.get("claim"),
                    "content_relation": content.get("relation"),
                    "content": content.get("text"),
                }
            )
    return pd.DataFrame(rows, columns=ASSERTION_COLUMNS)


def event_weights(kg: KnowledgeGraph, d: dict[str, Any]) -> dict[str, Any]:
    """An assertion's quad classes, intensity and factuality (see
    :mod:`graphkit.assemble.weights`): as the graph holds them, or, for a graph.json written
    before graphkit wrote them, from the ontology. None for a standing relation."""
    from ..assemble.weights import FIELDS, ontology_of, weights

    if "quad" in d:
        return {f: d.get(f) for f in FIELDS}
    found = weights(d, ontology_of(kg))
    return {f: found.get(f) for f in FIELDS}


def claims(kg: KnowledgeGraph, by: str | None = None) -> pd.DataFrame:
    """The assertions a speaker is said to have made; ``by`` is an actor id or label (any
    speaker when None)."""
    df = assertions(kg)
    df = df[df["speaker"].notna()]
    if by is not None:
        df = df[(df["speaker"] == by) | (df["speaker_label"] == by)]
    return df.reset_index(drop=True)


STANCE_COLUMNS = ["source", "source_label", "category", "target", "target_label"]


def stances(kg: KnowledgeGraph) -> dict[tuple[str, str, str], dict[str, set[str]]]:
    """(source, category, target) -> modality -> the voices that put it so. A voice is a
    claim's speaker, or ``doc:ID`` for a document that says it in its own words."""
    out: dict[tuple[str, str, str], dict[str, set[str]]] = {}
    for u, v, d in kg.graph.edges(data=True):
        speaker = d.get("attributed_to")
        for ev in d.get("evidence", []):
            voice = speaker if speaker is not None else f"doc:{ev.get('doc')}"
            key = (u, str(d.get("category")), v)
            out.setdefault(key, {}).setdefault(str(d.get("modality")), set()).add(voice)
    return out


def _stance_frame(
    kg: KnowledgeGraph, rows: list[tuple[tuple[str, str, str], dict]], extra: list[str]
) -> pd.DataFrame:
    import pandas as pd

    g = kg.graph
    return pd.DataFrame(
        [
            {
                "source": u,
                "source_label": g.nodes[u].get("label"),
                "category": c,
                "target": v,
                "target_label": g.nodes[v].get("label"),
                **voices,
            }
            for (u, c, v), voices in sorted(rows, key=lambda r: r[0])
        ],
        columns=[*STANCE_COLUMNS, *extra],
    )


def contested(kg: KnowledgeGraph) -> pd.DataFrame:
    """Edges with conflicting stances: one voice asserts what another denies or negates, as
    the canned query ``contested`` finds them. Columns ``asserted_by`` and ``denied_by`` list
    the voices (speaker ids, or ``doc:ID`` for a document's own words).

    >>> import graphkit
    >>> kg = graphkit.build([graphkit.document_from_text(
    ...     "d", "Egypt said Hamas attacked Israel. Hamas denied attacking Israel.")])
    >>> kg.contested()[["source", "target", "asserted_by", "denied_by"]].values.tolist()
    [['hamas', 'israel', ['egypt'], ['hamas']]]
    """
    rows = []
    for key, stance in stances(kg).items():
        asserted = stance.get("asserted", set())
        denied = stance.get("denied", set()) | stance.get("negated", set())
        if asserted and denied:
            rows.append((key, {"asserted_by": sorted(asserted), "denied_by": sorted(denied)}))
    return _stance_frame(kg, rows, ["asserted_by", "denied_by"])


def corroborated(kg: KnowledgeGraph, at_least: int = 2) -> pd.DataFrame:
    """Edges asserted by at least ``at_least`` voices (independent sources), as the canned
    query ``corroborated`` finds them; column ``sources`` lists the voices."""
    rows = []
    for key, stance in stances(kg).items():
        voices = stance.get("asserted", set())
        if len(voices) >= at_least:
            rows.append((key, {"sources": sorted(voices)}))
    return _stance_frame(kg, rows, ["sources"])
