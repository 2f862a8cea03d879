"""Assemble extractions into a :class:`KnowledgeGraph` (a networkx ``MultiDiGraph``).

Nodes are actors keyed by their resolved key (a gazetteer id, ``state/kind`` for generic
actors, or a slug of the name), so the same actor found in several documents is one node.
Edges are assertions; the same (subject, relation, object, speaker, modality) read in several
sentences is one edge with one evidence item per sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from .names import is_proper_name, plain_name
from .records import ActorRef, Assertion, Extraction

if TYPE_CHECKING:
    from .ontology import Ontology


class KnowledgeGraph:
    """Actors and assertions from a set of documents.

    ``graph`` is a ``networkx.MultiDiGraph``: node attributes ``label``, ``type``, ``aliases``,
    ``mentions``, ``part_of``; edge attributes ``relation``, ``category``, ``cameo``,
    ``attributed_to``, ``modality``, ``confidence``, ``evidence``. ``events`` holds the events
    with no recipient ("the rebels withdrew"): an edge's attributes with its actor as ``source``
    and no ``target``; they are no edges, so no actor is drawn acting on itself.
    ``documents`` holds each document's metadata; ``errors`` the documents that were skipped
    and why.
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        documents: Sequence[dict[str, Any]] = (),
        errors: Sequence[dict[str, str]] = (),
        meta: dict[str, Any] | None = None,
        *,
        events: Sequence[dict[str, Any]] = (),
        ontology: Ontology | None = None,
        stats: dict[str, int] | None = None,
        elapsed: float | None = None,
    ) -> None:
        self.graph = graph
        #: events with no recipient, each an edge's attributes plus ``source`` and ``key``
        self.events: list[dict[str, Any]] = list(events)
        self.documents = list(documents)
        self.errors = list(errors)
        #: the generator, the relations' IRIs and the parents no document mentions: with the
        #: nodes' ``iri`` everything an exporter needs (see :mod:`graphkit.assemble.identity`)
        self.meta = dict(meta or {})
        #: the ontology the graph was built with (None: read back, or the built-in one); no
        #: export reads it, so a graph read back from graph.json exports the same
        self.ontology = ontology
        #: build counts (documents, parsed, cached); like ``elapsed``, never written out
        self.stats: dict[str, int] = dict(stats or {})
        #: seconds the build took (not written to any output, which must stay deterministic)
        self.elapsed = elapsed

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {len(self.documents)} documents, "
            f"{self.graph.number_of_nodes()} actors, {self.graph.number_of_edges()} edges>"
        )

    def edges_and_events(self) -> Iterator[tuple[str, str | None, str, dict[str, Any]]]:
        """(source, target, key, attributes) of every edge, then of every event with no
        recipient (target None): every assertion, for the views that list them all."""
        yield from self.graph.edges(keys=True, data=True)
        for e in self.events:
            yield e["source"], None, e["key"], e

    @classmethod
    def adopt(cls, kg: KnowledgeGraph) -> Any:
        """The same graph (the same objects, nothing copied) as an instance of ``cls``: how
        :mod:`graphkit.api` gives a graph assembled or read back its methods."""
        out = cls.__new__(cls)
        out.__dict__.update(kg.__dict__)
        return out


# ---------------------------------------------------------------------- assembly
def _edge_key(a: Assertion) -> str:
    speaker = a.attributed_to.key if a.attributed_to else "author"
    return f"{a.relation}:{a.modality}:{speaker}"


def assemble(
    extractions: Iterable[Extraction],
    errors: Sequence[dict[str, str]] = (),
    meta: dict[str, Any] | None = None,
    **settings: Any,
) -> KnowledgeGraph:
    """Merge per-document extractions into one KnowledgeGraph (deterministic order);
    ``settings`` are the graph's other attributes (``ontology``, ``stats``, ``elapsed``)."""
    extractions = list(extractions)
    refs: dict[str, list[ActorRef]] = defaultdict(list)
    aliases: dict[str, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, dict[str, int]] = defaultdict(dict)
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)

    for order, ex in enumerate(extractions):
        for m in ex.mentions:
            key = m.actor.key
            refs[key].append(m.actor)
            mentions[key].append(m.evidence.as_dict())
            if m.alias:  # a name as graphkit reads it; the mention keeps the text as written
                alias = plain_name(m.alias)
                aliases[key][alias] += 1
                first_seen[key].setdefault(alias, order * 10**9 + m.evidence.start)
        for a in ex.assertions:
            for r in (a.subject, a.object, a.attributed_to):
                if r is not None:
                    refs[r.key].append(r)

    g = nx.MultiDiGraph()
    for key in sorted(refs):
        g.add_node(key, **_node_attrs(key, refs[key], aliases[key], first_seen[key], mentions[key]))

    edges: dict[tuple[str, str | None, str], dict[str, Any]] = {}
    for ex in extractions:
        for a in ex.assertions:
            ident = (a.subject.key, a.object.key if a.object else None, _edge_key(a))
            ev = a.evidence.as_dict()
            ev["rule"] = a.rule
            ev["confidence"] = a.confidence
            if a.trigger is not None:
                ev["trigger"] = {
                    "start": a.trigger.start,
                    "end": a.trigger.end,
                    "text": a.trigger.text,
                }
            if a.claim is not None:
                ev["claim"] = a.claim
            if a.date is not None:
                ev["date"] = a.date
                ev["date_text"] = a.date_text
            if a.content is not None:
                ev["content"] = a.content.as_dict()
            e = edges.get(ident)
            if e is None:
                edges[ident] = {
                    "relation": a.relation,
                    "category": a.category,
                    "cameo": a.cameo,
                    "attributed_to": a.attributed_to.key if a.attributed_to else None,
                    "modality": a.modality,
                    "target_role": a.target_role,
                    "confidence": a.confidence,
                    "evidence": [ev],
                }
            else:
                e["confidence"] = max(e["confidence"], a.confidence)
                if ev not in e["evidence"]:
                    e["evidence"].append(ev)
    events: list[dict[str, Any]] = []
    for (s, o, k), attrs in sorted(
        edges.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2])
    ):
        summarize_edge(attrs)
        if o is None:  # no recipient: an event of the actor's, no edge
            events.append({"source": s, "key": k, **attrs})
        else:
            g.add_edge(s, o, key=k, **attrs)

    documents = [ex.document.metadata() for ex in extractions]
    return KnowledgeGraph(g, documents, errors, meta, events=events, **settings)


def summarize_edge(d: dict[str, Any]) -> None:
    """Put an edge's evidence in order and derive what comes from it: the rules, the number of
    documents and the confidence (the surest evidence)."""
    evidence = d.get("evidence", [])
    evidence.sort(key=lambda ev: (ev["doc"], ev["start"], ev.get("rule", "")))
    d["rules"] = sorted({ev["rule"] for ev in evidence if ev.get("rule")})
    d["documents"] = len({ev["doc"] for ev in evidence})
    if any("confidence" in ev for ev in evidence):
        d["confidence"] = max(ev.get("confidence", 0) for ev in evidence)


def _node_attrs(
    key: str,
    refs: list[ActorRef],
    aliases: Counter[str],
    first_seen: dict[str, int],
    mentions: list[dict[str, Any]],
) -> dict[str, Any]:
    gaz = next((r for r in refs if r.gazetteer), None)
    if gaz is not None:
        label, typ, part_of = gaz.label, gaz.type, gaz.part_of
    else:
        # most frequent form; among equals a non-possessive one ("Iraqi government" over
        # "Iraq's government"), then the earliest
        ranked = sorted(aliases, key=lambda a: (-aliases[a], _possessive(a), first_seen[a]))
        label = ranked[0] if ranked else refs[0].label
        # a kind of actor over the unknown kind (a credit's name the NER did not class)
        kinds = Counter(r.type for r in refs if r.type != "Actor") or Counter(["Actor"])
        typ = kinds.most_common(1)[0][0]
        if typ == "Person":
            # a person is labelled with a name, not a description ("The secretary general"),
            # and with the full name the surname stands for ("Steve Jobs")
            label = next((a for a in ranked if is_proper_name(a)), label)
            full = [a for a in ranked if a.endswith(" " + label) and not _possessive(a)]
            label = max(full, key=lambda a: (aliases[a], len(a)), default=label)
        part_of = next((r.part_of for r in refs if r.part_of), None)
    unique_mentions = {(m["doc"], m["start"], m["end"]): m for m in mentions}
    return {
        "label": label,
        "type": typ,
        "aliases": sorted(aliases),
        "mentions": [unique_mentions[k] for k in sorted(unique_mentions)],
        "part_of": part_of,
        "documents": len({m["doc"] for m in mentions}),
    }


def _possessive(alias: str) -> bool:
    return "'s " in alias.replace("\u2019", "'")
