"""graph.html: a self-contained interactive page built with pyvis.

pyvis's stock template loads Bootstrap and tom-select from CDNs; graphkit renders pyvis's
network data into its own template instead, which inlines vis-network (as pyvis ships it) and
a small sidebar script, and forbids every network request with a Content-Security-Policy.
All article text reaches the page as JSON inside a script (``tojson`` escapes ``<``, ``>``,
``&`` and quotes) and is put into the page with ``textContent`` only, never as HTML.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import pyvis
from pyvis.network import Network

from ..analysis.frames import event_weights, stances
from ..ontology import Styles, builtin_styles
from .layout import story_layout

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph


def _split_styles(styles: Styles) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Colours of classes, shapes of classes and colours of categories."""
    types = {t: st[0] for t, st in styles.get("class", {}).items()}
    shapes = {t: st[1] for t, st in styles.get("class", {}).items() if st[1]}
    categories = {t: st[0] for t, st in styles.get("category", {}).items()}
    return types, shapes, categories


def styles_of(kg: KnowledgeGraph) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The styles of a graph's page: graphkit's own (``styles.tsv``), updated by those a
    user's ontology set, which the graph carries."""
    own = _split_styles(kg.meta.get("styles") or {})
    return tuple({**base, **extra} for base, extra in zip(_STYLES, own, strict=True))  # type: ignore[return-value]


def quad_colors(kg: KnowledgeGraph) -> dict[str, str]:
    """The colour of each quad class: styles.tsv's, updated by a user's ontology."""
    own = (kg.meta.get("styles") or {}).get("quad", {})
    return {t: st[0] for t, st in {**builtin_styles().get("quad", {}), **own}.items()}


_STYLES = _split_styles(builtin_styles())
TYPE_COLORS, TYPE_SHAPES, CATEGORY_COLORS = _STYLES
#: mentions listed per actor in the page (the count is always exact)
MAX_MENTIONS = 50

#: Every page arrives laid out (graphkit.export.layout.story_layout): the browser never runs a
#: layout at load, so a page of any size is usable once drawn; the physics toggle refines it.
OPTIONS: dict[str, Any] = {
    "layout": {"improvedLayout": False},
    "edges": {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "font": {"size": 10, "align": "middle", "strokeWidth": 3},
    },
    # a label inside a filled shape needs no halo: without one it is drawn crisp
    "nodes": {"font": {"size": 14, "strokeWidth": 0, "face": "system-ui, sans-serif"}},
    "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": False},
    "physics": {
        "enabled": False,
        "solver": "forceAtlas2Based",
        "stabilization": False,
    },
}
#: graphs above this many actors are drawn cheaply: no edge labels, no hover, edges hidden
#: while dragging
LARGE = 1500
LARGE_OPTIONS: dict[str, Any] = {
    **OPTIONS,
    "edges": {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
        "font": {"size": 0},
    },
    "nodes": {"font": {"size": 12}},
    "interaction": {
        "hover": False,
        "hideEdgesOnDrag": True,
        "tooltipDelay": 300,
        "keyboard": False,
    },
    "physics": {
        "enabled": False,
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -3000, "springLength": 120},
        "stabilization": False,
    },
}
#: dash patterns: a claim in a speaker's voice, and an event that is not asserted
CLAIM_DASHES = [8, 5]
MODAL_DASHES = [2, 4]
#: the outline of every actor, so that pale class colours keep a 3:1 contrast with the light
#: page (on the dark page the fills themselves stand out)
BORDER = "#3a3a3a"
#: how far apart parallel edges between the same two actors curve (vis-network roundness)
PARALLEL_STEP = 0.18


def _curves(keys: list[tuple[str, str]]) -> list[dict[str, Any] | bool]:
    """vis-network ``smooth`` settings that keep edges between the same two actors apart: a
    lone edge is straight, parallel ones curve to alternate sides, further out each time."""
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (u, v) in enumerate(keys):
        by_pair[(min(u, v), max(u, v))].append(i)
    out: list[dict[str, Any] | bool] = [False] * len(keys)
    for (lo, _hi), members in by_pair.items():
        if len(members) == 1:
            continue
        for rank, i in enumerate(members):
            side = 1 if rank % 2 == 0 else -1
            level = rank // 2 + (0 if len(members) % 2 else 1)
            if level == 0:
                continue  # the middle one of an odd count stays straight
            if keys[i][0] != lo:
                side = -side  # the same side of the line whichever way the edge points
            out[i] = {
                "enabled": True,
                "type": "curvedCW" if side > 0 else "curvedCCW",
                "roundness": round(PARALLEL_STEP * level, 2),
            }
    return out


def _verb(items: list[dict[str, Any]], fallback: str) -> str:
    """The article's own word for an edge group: its most frequent trigger, lower-cased."""
    words = Counter(
        ev["trigger"]["text"].lower()
        for d in items
        for ev in d["evidence"]
        if ev.get("trigger") and ev["trigger"].get("text")
    )
    if not words:
        return fallback
    return min(words.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _env() -> jinja2.Environment:
    ours = Path(__file__).parent / "templates"
    theirs = Path(pyvis.__file__).parent / "templates"
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(ours), jinja2.FileSystemLoader(theirs)])
    return jinja2.Environment(loader=loader, autoescape=True)


def _title(kg: KnowledgeGraph) -> str:
    docs = kg.documents
    if len(docs) == 1:
        return f"graphkit: {docs[0].get('title') or docs[0]['id']}"
    return f"graphkit: {len(docs)} documents"


def _timelines(kg: KnowledgeGraph) -> dict[str, list[list[Any]]]:
    """actor -> [[month "YYYY-MM", events, net intensity], ...] of the events it takes part
    in that happened as told (its sparkline in the details; months with none left out)."""
    published = {d["id"]: str(d.get("published") or "")[:7] for d in kg.documents}
    months: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for u, v, _, d in kg.edges_and_events():
        w = event_weights(kg, d)
        if not w.get("quad") or not w.get("factual"):
            continue
        for ev in d.get("evidence", []):
            month = str(ev.get("date") or "")[:7] or published.get(ev.get("doc"), "")
            if len(month) != 7:
                continue
            for actor in {u, v} - {None}:
                cell = months[str(actor)].setdefault(month, [0, 0.0])
                cell[0] += 1
                cell[1] += float(w.get("intensity") or 0.0)
    return {
        a: [[m, int(c), round(i, 2)] for m, (c, i) in sorted(cells.items())]
        for a, cells in months.items()
    }


def build_network(kg: KnowledgeGraph) -> Network:
    """The pyvis Network: one node per actor, laid out; one edge per (pair, category, speaker,
    modality), with a count when several assertions were aggregated into it."""
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    big = kg.graph.number_of_nodes() > LARGE
    _add_nodes(net, kg)
    _add_edges(net, kg, big)
    net.set_options(json.dumps(LARGE_OPTIONS if big else OPTIONS))
    return net


def _add_nodes(net: Network, kg: KnowledgeGraph) -> None:
    """One node per actor, with its details, its events without a recipient and its
    timeline."""
    g = kg.graph
    type_colors, type_shapes, _ = styles_of(kg)
    positions = story_layout(g)
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in kg.events:  # no recipient: listed with the actor, never drawn as a loop
        events[e["source"]].append(
            {
                "category": e["category"],
                "relation": e["relation"],
                "modality": e["modality"],
                "speaker": e.get("attributed_to"),
                "confidence": e["confidence"],
                "evidence": e["evidence"][:MAX_MENTIONS],
            }
        )
    timelines = _timelines(kg)
    for n, d in g.nodes(data=True):
        typ = d.get("type") or "Organization"
        mentions = d.get("mentions", [])
        color = type_colors.get(typ, "#999999")
        codes = {k: d[k] for k in ("country", "cameo", "sector") if d.get(k)}
        net.add_node(
            n,
            label=d["label"],
            title=f"{d['label']} ({typ})",
            color={
                "background": color,
                "border": BORDER,
                "highlight": {"background": color, "border": BORDER},
            },
            shape=type_shapes.get(typ, "ellipse"),
            x=positions[n][0],
            y=positions[n][1],
            gk_type=typ,
            gk_part_of=d.get("part_of"),
            gk_aliases=list(d.get("aliases", [])),
            gk_codes=codes,
            gk_mentions=mentions[:MAX_MENTIONS],
            gk_mention_count=len(mentions),
            gk_docs=sorted({m["doc"] for m in mentions}),
            gk_degree=g.degree(n),
            gk_events=events.get(n, []),
            gk_timeline=timelines.get(n, []),
        )


def _add_edges(net: Network, kg: KnowledgeGraph, big: bool) -> None:
    """One edge per (pair, category, speaker, modality); a big graph's edges are not dashed
    (opacity tells the modality instead)."""
    g = kg.graph
    _, _, category_colors = styles_of(kg)
    groups: dict[tuple[str, str, str, str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, d in g.edges(data=True):
        groups[(u, v, d["category"], d.get("attributed_to"), d["modality"])].append(d)
    curves = _curves([(u, v) for u, v, *_ in groups])
    voices = stances(kg)
    for i, ((u, v, category, speaker, modality), items) in enumerate(groups.items()):
        evidence = [ev for d in items for ev in d["evidence"]]
        relation = ", ".join(sorted({d["relation"] for d in items}))
        count = len(evidence)
        stance = voices.get((u, category, v), {})
        asserted = sorted(stance.get("asserted", set()))
        denied = sorted(stance.get("denied", set()) | stance.get("negated", set()))
        contested = bool(asserted and denied)
        labels = {}
        for mode, word in (("category", category), ("verb", _verb(items, category))):
            text = word if modality == "asserted" else f"{word} ({modality})"
            if count > 1:
                text += f" \u00d7{count}"
            if speaker is not None:
                text += f" \u00b7 per {g.nodes[speaker]['label'] if speaker in g else speaker}"
            if modality == "asserted" and len(asserted) > 1:
                text += f" \u00b7 {len(asserted)} sources"
            if contested:
                text += " \u00b7 contested"
            labels[mode] = text
        color = category_colors.get(category, "#999999")
        dashes: list[int] | bool = False
        if big:
            pass  # dashed lines cost the browser five times more to draw; opacity tells instead
        elif modality != "asserted":
            dashes = MODAL_DASHES
        elif speaker is not None:
            dashes = CLAIM_DASHES
        net.add_edge(
            u,
            v,
            id=edge_id(u, v, category, speaker, modality),
            label=labels["category"],
            title=f"{relation} ({modality})",
            color={
                "color": color,
                "highlight": color,
                "hover": color,
                "opacity": 1.0 if modality == "asserted" else 0.55,
            },
            dashes=dashes,
            smooth=curves[i],
            width=1 + min(count, 5),
            category=category,
            gk_labels=labels,
            gk_relation=relation,
            gk_modality=modality,
            gk_speaker=speaker,
            gk_count=count,
            gk_asserted_by=asserted,
            gk_denied_by=denied,
            gk_contested=contested,
            gk_confidence=max(d["confidence"] for d in items),
            gk_docs=sorted({ev["doc"] for ev in evidence}),
            gk_evidence=evidence,
        )


def edge_id(u: str, v: str, category: str, speaker: str | None, modality: str) -> str:
    """The explorer's id of the edge drawn for one (source, target, category, speaker,
    modality): derived from those, so a link to an edge holds across builds of the same input.

    >>> edge_id("iran", "iraq", "fight", None, "asserted")
    'e-1d86c12d11d5'
    """
    key = "\x1f".join((u, v, category, speaker or "", modality))
    return "e-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def to_html(kg: KnowledgeGraph) -> str:
    """The whole page as a string: one file, no external resources."""
    net = build_network(kg)
    nodes, edges, _heading, height, width, options = net.get_network_data()
    heading = _title(kg)
    type_colors, _shapes, category_colors = styles_of(kg)
    gk = {
        "heading": heading,
        "documents": kg.documents,
        "categoryColors": category_colors,
        "quadColors": quad_colors(kg),
        "typeColors": type_colors,
        "large": kg.graph.number_of_nodes() > LARGE,
        "claimDashes": CLAIM_DASHES,
        "modalDashes": MODAL_DASHES,
    }
    template = _env().get_template("explorer.html")
    return template.render(
        nodes=nodes, edges=edges, options=options, heading=heading, gk=gk, bgcolor="#ffffff",
        height=height, width=width,
    )  # fmt: skip


def to_iframe(kg: KnowledgeGraph, height: int = 600) -> str:
    """The page inside an ``<iframe srcdoc>``, for notebooks (Jupyter, VS Code): nothing is
    loaded from a CDN or a server, and the page's script stays inside the frame."""
    page = html.escape(to_html(kg), quote=True)
    return (
        f'<iframe srcdoc="{page}" style="width:100%;height:{int(height)}px;border:1px solid #ddd"'
        ' sandbox="allow-scripts"></iframe>'
    )
