"""Score a graph against a gold annotation of the same article.

The metrics are those of the project-independent scorer described in ``docs/FORMAT.md``:

- **actors**: a node matches a gold actor when one of its names (label, id, aliases) equals a
  gold name after normalisation, else when the longest gold name occurs in it word for word.
  A second node for the same gold actor is a duplicate and counts against precision. Nodes
  that are gold places, or typed Place, are neutral.
- **edges**: distinct (subject, category, object, speaker) tuples; one matches an assertion when
  the category is one of its relations and both ends are its actors or one ``part_of`` step
  away from them (symmetric categories either way round).
- **attribution**: of the required assertions found, the share whose speaker is right
  (``null`` means the document's own voice, ``author`` in the gold).

Optional gold actors and assertions are never missed, and matching one is not an error.

>>> norm("The U.S.'s  Forces")
'us forces'
>>> gold = {"actors": [{"id": "us", "names": ["United States", "U.S."], "required": True}],
...         "assertions": []}
>>> graph = {"nodes": [{"id": "a", "label": "the U.S."}, {"id": "b", "label": "United States"}],
...          "edges": []}
>>> s = evaluate(graph, gold)
>>> s.actor_precision, s.details["duplicate_nodes"]
(0.5, ['United States -> us'])
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GraphkitError
from ..runtime.io import read_json_file
from ..vocabulary import (
    CATEGORY_ALIASES,
    EVENT_CATEGORIES,
    PLACE_TYPES,
    STANDING_CATEGORIES,
    SYMMETRIC_CATEGORIES,
)

AUTHOR = "author"
_AUTHOR_VALUES = {None, "", AUTHOR, "document", "reporter"}


def norm(name: str) -> str:
    """Fold a surface form for matching: case, quotes, possessive 's, dots, leading article."""
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    s = re.sub(r"'s\b", "", s).replace(".", "")
    s = re.sub(r"[^\w\s'-]", " ", s)
    s = " ".join(s.split())
    return re.sub(r"^(the|a|an) ", "", s)


def _category(value: Any) -> str | None:
    if value is None:
        return None
    c = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    return CATEGORY_ALIASES.get(c, c)


@dataclass(frozen=True)
class Scores:
    """The result of :func:`evaluate`; ``details`` lists what was missed or wrong."""

    actor_precision: float
    actor_recall: float
    actor_f1: float
    edge_precision: float
    edge_recall: float
    edge_f1: float
    attribution_accuracy: float
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        details = d.pop("details")
        d.update(details)
        return d

    def summary(self) -> str:
        return (
            f"actor P/R/F1 {self.actor_precision}/{self.actor_recall}/{self.actor_f1}  "
            f"edge P/R/F1 {self.edge_precision}/{self.edge_recall}/{self.edge_f1}  "
            f"attribution {self.attribution_accuracy}"
        )


class _Gold:
    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self.actors: dict[str, dict[str, Any]] = {a["id"]: a for a in data["actors"]}
            self.assertions: list[dict[str, Any]] = list(data["assertions"])
            self.by_name: dict[str, str] = {}
            for a in data["actors"]:
                for n in a["names"]:
                    self.by_name.setdefault(norm(n), a["id"])
        except (KeyError, TypeError) as exc:
            raise GraphkitError(f"not a gold annotation (missing {exc})") from None
        self.places = {norm(p) for p in data.get("places", [])}

    def actor_for(self, forms: Iterable[str]) -> str | None:
        normed = [norm(f) for f in forms if f]
        for f in normed:
            if f in self.by_name:
                return self.by_name[f]
        best: tuple[int, str] | None = None
        for f in normed:
            padded = f" {f} "
            for name, gid in self.by_name.items():
                longer = best is None or len(name) > best[0]
                if len(name) >= 3 and longer and f" {name} " in padded:
                    best = (len(name), gid)
        return best[1] if best else None

    def near(self, a: str | None, b: str) -> bool:
        """The same actor, or one ``part_of`` step apart."""
        if a is None:
            return False
        return (
            a == b
            or self.actors.get(a, {}).get("part_of") == b
            or self.actors.get(b, {}).get("part_of") == a
        )


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


Triple = tuple[str, str, str, str]  # (subject, category, object, speaker) in gold ids


@dataclass
class _Actors:
    """How a graph's nodes match the gold's actors."""

    gold_of: dict[str, str | None] = field(default_factory=dict)  # node id -> gold id
    neutral: set[str] = field(default_factory=set)  # places: neither right nor wrong
    matched: set[str] = field(default_factory=set)
    tp: int = 0
    fp: int = 0
    duplicates: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def _match_actors(nodes: list[dict[str, Any]], g: _Gold) -> _Actors:
    out = _Actors()
    for n in nodes:
        nid = str(n["id"])
        label = n.get("label") or nid
        forms = [n.get("label"), n.get("name"), nid, *(n.get("aliases") or [])]
        forms = [f for f in forms if isinstance(f, str) and f]
        gid = g.actor_for(forms)
        out.gold_of[nid] = gid
        if gid is None:
            is_place = any(norm(f) in g.places for f in forms)
            if is_place or str(n.get("type", "")).lower() in PLACE_TYPES:
                out.neutral.add(nid)
            else:
                out.fp += 1
                out.spurious.append(label)
        elif gid in out.matched:
            out.fp += 1
            out.duplicates.append(f"{label} -> {gid}")
        else:
            out.matched.add(gid)
            out.tp += 1
    return out


def _edge_triples(
    edges: list[dict[str, Any]], actors: _Actors
) -> tuple[set[Triple], dict[Triple, list[str]], int]:
    """The scored edges as gold-id triples, the evidence sentences of each, and how many
    edges had a category the evaluation does not score."""
    gold_of = actors.gold_of

    def speaker(e: dict[str, Any]) -> str:
        src = e.get("attributed_to")
        if src in _AUTHOR_VALUES:
            return AUTHOR
        return gold_of.get(str(src)) or f"?{src}"

    found: set[Triple] = set()
    sentences: dict[Triple, list[str]] = {}
    unscored = 0
    scored = EVENT_CATEGORIES | STANDING_CATEGORIES
    for e in edges:
        cat = _category(e.get("category"))
        s, o = str(e["source"]), str(e["target"])
        if cat not in scored:
            unscored += 1
            continue
        if cat == "located_in" or s in actors.neutral or o in actors.neutral:
            continue
        t = (gold_of.get(s) or f"?{s}", cat, gold_of.get(o) or f"?{o}", speaker(e))
        found.add(t)
        sentences.setdefault(t, []).extend(
            str(ev.get("text", "")) for ev in e.get("evidence") or [] if isinstance(ev, dict)
        )
    return found, sentences, unscored


def _from_its_sentence(texts: list[str], a: dict[str, Any]) -> bool:
    """The edge was read from the gold assertion's own evidence: one of its ``texts``
    contains the gold's words in a row, or at least 60% of them."""
    want = norm(str(a.get("evidence", ""))).split()
    if not want:
        return True
    for text in texts:
        have = " " + " ".join(norm(text).split()) + " "
        if " " + " ".join(want) + " " in have:
            return True
        words = set(have.split())
        if sum(w in words for w in want) >= 0.6 * len(want):
            return True
    return False


def _fits(g: _Gold, t: Triple, a: dict[str, Any], *, speaker: bool) -> bool:
    """The triple states the gold assertion (either way round for a symmetric category),
    and with ``speaker`` by one of its sources."""
    subj, cat, obj, src = t
    if cat not in a["relation"]:
        return False
    straight = g.near(subj, a["subject"]) and g.near(obj, a["object"])
    crossed = (
        cat in SYMMETRIC_CATEGORIES and g.near(obj, a["subject"]) and g.near(subj, a["object"])
    )
    if not (straight or crossed):
        return False
    return not speaker or any(src == s or g.near(src, s) for s in a["source"])


def evaluate(graph: dict[str, Any], gold: dict[str, Any]) -> Scores:
    """Score a graph.json dictionary against a gold dictionary (see FORMAT.md)."""
    g = _Gold(gold)
    nodes = graph.get("nodes")
    edges = graph.get("edges", graph.get("links"))
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise GraphkitError("not a node-link graph (needs 'nodes' and 'edges')")
    actors = _match_actors(nodes, g)
    matched = actors.matched
    required = [a["id"] for a in g.actors.values() if a.get("required")]
    actor_p = _ratio(actors.tp, actors.tp + actors.fp)
    actor_r = _ratio(sum(1 for a in required if a in matched), len(required))

    found, sentences, unscored = _edge_triples(edges, actors)
    right = {t for t in found if any(_fits(g, t, a, speaker=False) for a in g.assertions)}
    needed = [a for a in g.assertions if a.get("required")]
    hit = [a for a in needed if any(_fits(g, t, a, speaker=False) for t in found)]
    attributed = [a for a in hit if any(_fits(g, t, a, speaker=True) for t in found)]
    strict = [
        a for a in hit
        if any(_fits(g, t, a, speaker=False) and _from_its_sentence(sentences[t], a)
               for t in found)
    ]  # fmt: skip
    edge_p = _ratio(len(right), len(found))
    edge_r = _ratio(len(hit), len(needed))
    details = {
        "edge_recall_strict": _ratio(len(strict), len(needed)),
        "found_elsewhere": sorted(a["id"] for a in hit if a not in strict),
        "missed_actors": sorted(a for a in required if a not in matched),
        "duplicate_nodes": actors.duplicates,
        "spurious_nodes": actors.spurious,
        "missed_assertions": [a["id"] for a in needed if a not in hit],
        "misattributed_assertions": [a["id"] for a in hit if a not in attributed],
        "false_edges": sorted(f"{t[0]} -{t[1]}-> {t[2]} (by {t[3]})" for t in found - right),
        "unscored_edges": unscored,
    }
    return Scores(
        actor_p,
        actor_r,
        _f1(actor_p, actor_r),
        edge_p,
        edge_r,
        _f1(edge_p, edge_r),
        _ratio(len(attributed), len(hit)),
        details,
    )


def evaluate_files(graph_path: str | Path, gold_path: str | Path) -> Scores:
    """:func:`evaluate` on two JSON files, with a one-line error naming a bad file."""
    from ..export.load import check_graph_json

    graph, gold = _load(graph_path), _load(gold_path)
    if not isinstance(graph.get("nodes"), list) or not isinstance(
        graph.get("edges", graph.get("links")), list
    ):
        raise GraphkitError(f"{graph_path}: not a node-link graph (needs 'nodes' and 'edges')")
    try:  # another tool's node-link JSON would score 0 without a word
        check_graph_json(graph)
    except ValueError as exc:
        raise GraphkitError(f"{graph_path}: not a graphkit graph.json ({exc})") from None
    try:
        _Gold(gold)
    except GraphkitError as exc:
        raise GraphkitError(f"{gold_path}: {exc}") from None
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise GraphkitError(f"{gold_path}: not a gold annotation ({exc})") from None
    try:
        return evaluate(graph, gold)
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        # a gold whose records are not of the format's types (a null relation, a number for a
        # name): one line, not a traceback
        raise GraphkitError(f"{gold_path}: not a gold annotation ({exc!r})") from None


def _load(path: str | Path) -> dict[str, Any]:
    data = read_json_file(Path(path), GraphkitError)
    if not isinstance(data, dict):
        raise GraphkitError(f"{path}: expected a JSON object")
    return data


# ---------------------------------------------------------------------- mention-level scores
@dataclass(frozen=True)
class GoldMention:
    """A gold entity mention: offsets into its document, its type, whether it is a name
    (not a pronoun or common noun), and its within-document entity (cluster)."""

    start: int
    end: int
    type: str
    named: bool = True
    cluster: str | None = None
    #: the real-world entity across documents (a Wikipedia title, a corpus instance id)
    identity: str | None = None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """One span inside the other ("Nick Bos" in "Biologist Nick Bos"), or the same span."""
    return (a[0] >= b[0] and a[1] <= b[1]) or (b[0] >= a[0] and b[1] <= a[1])


Span = tuple[int, int]


def _actor_mentions(graph: dict[str, Any]) -> dict[str, list[tuple[Span, str]]]:
    """document -> the (span, node id) of every mention of a node that is not a place."""
    node_at: dict[str, list[tuple[Span, str]]] = defaultdict(list)
    for n in graph.get("nodes", []):
        if str(n.get("type", "")).lower() in PLACE_TYPES:
            continue
        for m in n.get("mentions") or []:
            span = (int(m["start"]), int(m["end"]))
            node_at[str(m["doc"])].append((span, str(n["id"])))
    return node_at


def _naming_nodes(node_at: list[tuple[Span, str]], s: Span) -> set[str]:
    """The nodes that name the gold mention ``s``: a mention covers it or ends where it ends
    (its head): "Sean Spicer" in "press secretary Sean Spicer", not "White House" in it."""
    return {
        nid
        for p, nid in node_at
        if (p[0] <= s[0] and p[1] >= s[1]) or (_overlaps(p, s) and p[1] == s[1])
    }


def mention_scores(
    graph: dict[str, Any], gold: Mapping[str, Iterable[GoldMention]]
) -> dict[str, Any]:
    """Actor extraction against span-annotated gold entities, per mention and per entity.

    - ``precision``: the graph's actor mentions (nodes not typed Place) that lie inside, or
      contain, a gold mention of any of the gold types;
    - ``recall_named``: gold *named* mentions covered by a graph mention, overall and per type;
    - ``recall_entities``: gold entities (clusters with a named mention) with a mention found.

    Only documents present in both are scored.

    >>> g = {"nodes": [{"id": "a", "type": "Person",
    ...                 "mentions": [{"doc": "d", "start": 10, "end": 18}]}]}
    >>> gold = {"d": [GoldMention(0, 18, "person", cluster="e1"),
    ...               GoldMention(30, 35, "organization", cluster="e2")]}
    >>> s = mention_scores(g, gold)
    >>> s["precision"], s["recall_named"], s["recall_entities"]
    (1.0, 0.5, 0.5)
    """
    node_at = _actor_mentions(graph)
    ours = {doc: [span for span, _ in spans] for doc, spans in node_at.items()}
    built = [str(d["id"]) for d in graph.get("graph", {}).get("documents", []) if "id" in d]
    docs = sorted(set(built or ours) & set(gold))
    pred_total = pred_ok = 0
    named_total: Counter[str] = Counter()
    named_hit: Counter[str] = Counter()
    clusters: set[tuple[str, str]] = set()
    clusters_hit: set[tuple[str, str]] = set()
    #: the nodes whose mentions cover a named mention of each entity, in its document and
    #: across the corpus: more than one is a duplicate
    nodes_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    nodes_of_identity: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        spans = [(g, (g.start, g.end)) for g in gold[doc]]
        pred = sorted(set(ours.get(doc, [])))
        pred_total += len(pred)
        pred_ok += sum(1 for p in pred if any(_overlaps(p, s) for _, s in spans))
        for g, s in spans:
            if not g.named:
                continue
            hit = any(_overlaps(p, s) for p in pred)
            named_total[g.type] += 1
            named_hit[g.type] += hit
            key = (doc, g.cluster or f"{g.start}:{g.end}")
            clusters.add(key)
            if hit:
                clusters_hit.add(key)
                found = _naming_nodes(node_at.get(doc, []), s)
                if found:
                    nodes_of[key] |= found
                if found and g.identity:
                    nodes_of_identity[g.identity] |= found
    return {
        "documents": len(docs),
        "predicted_mentions": pred_total,
        "precision": _ratio(pred_ok, pred_total),
        "gold_named_mentions": sum(named_total.values()),
        "recall_named": _ratio(sum(named_hit.values()), sum(named_total.values())),
        "recall_named_by_type": {
            t: _ratio(named_hit[t], named_total[t]) for t in sorted(named_total)
        },
        "gold_entities": len(clusters),
        "recall_entities": _ratio(len(clusters_hit), len(clusters)),
        "nodes_per_entity": _ratio(sum(map(len, nodes_of.values())), len(nodes_of)),
        "split_entities": sum(1 for v in nodes_of.values() if len(v) > 1),
        "nodes_per_identity": _ratio(
            sum(map(len, nodes_of_identity.values())), len(nodes_of_identity)
        ),
        "split_identities": sum(1 for v in nodes_of_identity.values() if len(v) > 1),
    }
