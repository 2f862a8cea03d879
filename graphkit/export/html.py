"""graph.html: a self-contained interactive page built with pyvis.

pyvis's stock template loads Bootstrap and tom-select from CDNs; graphkit renders pyvis's
network data into its own template instead, which inlines vis-network (as pyvis ships it) and
a small sidebar script, and forbids every network request with a Content-Security-Policy.
All article text reaches the page as JSON inside a script (``tojson`` escapes ``<``, ``>``,
``&`` and quotes) and is put into the page with ``textContent`` only, never as HTML.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import pyvis
from pyvis.network import Network

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

TYPE_COLORS = {
    "State": "#4e79a7",
    "Government": "#2f5d8a",
    "MilitaryForce": "#59a14f",
    "SecurityForce": "#8cd17d",
    "ArmedGroup": "#e15759",
    "PoliticalGroup": "#b07aa1",
    "Official": "#76b7b2",
    "Person": "#f28e2b",
    "Organization": "#9c755f",
    "InternationalOrganization": "#edc948",
    "Company": "#bab0ac",
    "Media": "#d4a6c8",
    "Civilians": "#ff9da7",
    "Place": "#cccccc",
}
TYPE_SHAPES = {"Person": "dot", "Official": "dot", "State": "diamond", "Place": "square"}
CATEGORY_COLORS = {
    "fight": "#d62728", "assault": "#8c1c13", "coerce": "#ff7f0e", "threaten": "#e377c2",
    "sanction": "#bcbd22", "mobilize": "#c49c94", "disapprove": "#9467bd", "reject": "#7f7f7f",
    "demand": "#17becf", "protest": "#aec7e8", "investigate": "#98df8a", "agree": "#2ca02c",
    "consult": "#1f77b4", "support": "#66c2a5", "cooperate": "#a6d854", "aid": "#ffd92f",
    "concede": "#e5c494", "retreat": "#b3b3b3", "member_of": "#555555", "part_of": "#555555",
    "aligned_with": "#8da0cb", "leader_of": "#fc8d62", "opposes": "#e78ac3",
    "controls": "#a65628", "located_in": "#cccccc",
}  # fmt: skip

OPTIONS = """{
  "edges": {"smooth": {"type": "dynamic"}, "font": {"size": 10, "align": "middle"}},
  "nodes": {"font": {"size": 14}},
  "interaction": {"hover": true, "tooltipDelay": 150},
  "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": true}}
}"""


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
    """The pyvis Network: one node per actor, one edge per (pair, category, speaker, modality)."""
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    g = kg.graph
    for n, d in g.nodes(data=True):
        typ = d.get("type") or "Organization"
        net.add_node(
            n,
            label=d["label"],
            title=f"{d['label']} ({typ})",
            color=TYPE_COLORS.get(typ, "#999999"),
            shape=TYPE_SHAPES.get(typ, "ellipse"),
            gk_type=typ,
            gk_aliases=list(d.get("aliases", [])),
            gk_mentions=len(d.get("mentions", [])),
        )
    groups: dict[tuple[str, str, str, str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, d in g.edges(data=True):
        groups[(u, v, d["category"], d.get("attributed_to"), d["modality"])].append(d)
    for (u, v, category, speaker, modality), items in groups.items():
        evidence = [ev for d in items for ev in d["evidence"]]
        relation = ", ".join(sorted({d["relation"] for d in items}))
        count = len(evidence)
        label = category if count == 1 else f"{category} ×{count}"
        net.add_edge(
            u,
            v,
            label=label,
            title=f"{relation} ({modality})",
            color=CATEGORY_COLORS.get(category, "#999999"),
            dashes=speaker is not None or modality != "asserted",
            width=1 + min(count, 5),
            category=category,
            gk_relation=relation,
            gk_modality=modality,
            gk_speaker=speaker,
            gk_confidence=max(d["confidence"] for d in items),
            gk_evidence=evidence,
        )
    net.set_options(OPTIONS)
    return net


def to_html(kg: KnowledgeGraph) -> str:
    net = build_network(kg)
    nodes, edges, _heading, height, width, options = net.get_network_data()
    heading = _title(kg)
    gk = {
        "heading": heading,
        "documents": kg.documents,
        "categoryColors": CATEGORY_COLORS,
        "typeColors": TYPE_COLORS,
    }
    template = _env().get_template("explorer.html")
    return template.render(
        nodes=nodes, edges=edges, options=options, heading=heading, gk=gk, bgcolor="#ffffff",
        height=height, width=width,
    )  # fmt: skip
