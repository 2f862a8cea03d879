"""graph.html: a self-contained interactive page built with pyvis.

pyvis's stock template loads Bootstrap and tom-select from CDNs; graphkit renders pyvis's
network data into its own template instead, which inlines vis-network (as pyvis ships it) and
a small sidebar script, and forbids every network request with a Content-Security-Policy.
All article text reaches the page as JSON inside a script (``tojson`` escapes ``<``, ``>``,
``&`` and quotes) and is put into the page with ``textContent`` only, never as HTML.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import pyvis
from pyvis.network import Network

from ..ontology import Styles, builtin_styles
from .layout import spectral_layout

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


_STYLES = _split_styles(builtin_styles())
TYPE_COLORS, TYPE_SHAPES, CATEGORY_COLORS = _STYLES
#: mentions listed per actor in the page (the count is always exact)
MAX_MENTIONS = 50

#: vis-network options for ordinary graphs: a force layout that settles, then is frozen
OPTIONS: dict[str, Any] = {
    "edges": {
        "smooth": {"type": "dynamic"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "font": {"size": 10, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
    },
    "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "interaction": {"hover": True, "tooltipDelay": 150},
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": True}},
}
#: graphs above this many nodes get a bounded, cheaper layout so the page is usable in seconds
LARGE = 1500
LARGE_OPTIONS: dict[str, Any] = {
    "layout": {"improvedLayout": False},
    "edges": {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
        "font": {"size": 0},
    },
    "nodes": {"font": {"size": 12}},
    "interaction": {"hover": False, "hideEdgesOnDrag": True, "tooltipDelay": 300},
    # positions come from graphkit.export.layout; the physics toggle can still refine them
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


def build_network(kg: KnowledgeGraph) -> Network:
    """The pyvis Network: one node per actor; one edge per (pair, category, speaker, modality),
    with a count when several assertions were aggregated into it."""
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    g = kg.graph
    type_colors, type_shapes, category_colors = styles_of(kg)
    big = g.number_of_nodes() > LARGE
    positions = spectral_layout(g) if big else {}
    for n, d in g.nodes(data=True):
        typ = d.get("type") or "Organization"
        mentions = d.get("mentions", [])
        place = {"x": positions[n][0], "y": positions[n][1]} if big else {}
        net.add_node(
            n,
            label=d["label"],
            title=f"{d['label']} ({typ})",
            color=type_colors.get(typ, "#999999"),
            shape=type_shapes.get(typ, "ellipse"),
            gk_type=typ,
            gk_part_of=d.get("part_of"),
            gk_aliases=list(d.get("aliases", [])),
            gk_mentions=mentions[:MAX_MENTIONS],
            gk_mention_count=len(mentions),
            gk_docs=sorted({m["doc"] for m in mentions}),
            **place,
        )
    groups: dict[tuple[str, str, str, str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, d in g.edges(data=True):
        groups[(u, v, d["category"], d.get("attributed_to"), d["modality"])].append(d)
    for (u, v, category, speaker, modality), items in groups.items():
        evidence = [ev for d in items for ev in d["evidence"]]
        relation = ", ".join(sorted({d["relation"] for d in items}))
        count = len(evidence)
        label = category if modality == "asserted" else f"{category} ({modality})"
        if count > 1:
            label += f" \u00d7{count}"
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
            label=label,
            title=f"{relation} ({modality})",
            color={
                "color": color,
                "highlight": color,
                "hover": color,
                "opacity": 1.0 if modality == "asserted" else 0.55,
            },
            dashes=dashes,
            width=1 + min(count, 5),
            category=category,
            gk_relation=relation,
            gk_modality=modality,
            gk_speaker=speaker,
            gk_count=count,
            gk_confidence=max(d["confidence"] for d in items),
            gk_docs=sorted({ev["doc"] for ev in evidence}),
            gk_evidence=evidence,
        )
    net.set_options(json.dumps(LARGE_OPTIONS if big else OPTIONS))
    return net


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
        "typeColors": type_colors,
        "large": kg.graph.number_of_nodes() > LARGE,
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
