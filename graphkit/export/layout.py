"""A layout computed up front for graphs too large for the browser to settle quickly.

Each connected component is laid out on its own with a spectral embedding (the two leading
non-trivial eigenvectors of the lazy random-walk matrix, found by power iteration with numpy,
O(edges) per step), then the components are packed in rows, the largest first. Deterministic:
the same graph gives the same positions.

>>> import networkx as nx
>>> pos = spectral_layout(nx.path_graph(5))
>>> sorted(pos) == [0, 1, 2, 3, 4] and len(set(pos.values())) == 5
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

#: distance between neighbouring nodes, in vis-network canvas units
SPACING = 60.0


def _component(nodes: list[Hashable], g: nx.Graph, iterations: int) -> np.ndarray:
    m = len(nodes)
    if m == 1:
        return np.zeros((1, 2))
    if m <= 4:
        angle = np.arange(m) * 2 * math.pi / m
        return np.column_stack([np.cos(angle), np.sin(angle)]) * SPACING
    index = {n: i for i, n in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in g.subgraph(nodes).edges() if u != v])
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    deg = np.bincount(src, minlength=m).astype(float)
    rng = np.random.default_rng(m)
    x = rng.standard_normal((m, 2))
    for _ in range(iterations):
        ax = np.zeros_like(x)
        np.add.at(ax, src, x[dst])
        x = 0.5 * (x + ax / deg[:, None])
        x -= (deg @ x) / deg.sum()  # drop the trivial (constant) direction
        q, _ = np.linalg.qr(np.sqrt(deg)[:, None] * x)
        x = q / np.sqrt(deg)[:, None]
    # spread to a disc whose area grows with the component, and nudge coincident nodes apart
    x -= x.mean(axis=0)
    scale = np.abs(x).max() or 1.0
    radius = SPACING * math.sqrt(m)
    x = x / scale * radius
    x += rng.uniform(-SPACING / 4, SPACING / 4, size=x.shape)
    return x


def spectral_layout(g: nx.Graph | nx.MultiDiGraph, iterations: int = 60) -> dict[Hashable, tuple]:
    """Positions ``{node: (x, y)}`` for every node of ``g``, components packed in rows."""
    und = nx.Graph(g)
    comps = [sorted(c, key=str) for c in nx.connected_components(und)]
    comps.sort(key=lambda c: (-len(c), str(c[0])))
    laid = []
    for comp in comps:
        xy = _component(comp, und, iterations)
        r = float(np.abs(xy).max()) + SPACING if len(comp) > 1 else SPACING / 2
        laid.append((comp, xy, r))
    # rows about as wide as the packed area is tall
    row_width = max(SPACING * 4, math.sqrt(sum((2 * r) ** 2 for _, _, r in laid)) * 1.1)
    pos: dict[Hashable, tuple] = {}
    cx = cy = 0.0
    row_height = 0.0
    for comp, xy, r in laid:
        if cx > 0 and cx + 2 * r > row_width:
            cx, cy = 0.0, cy + row_height
            row_height = 0.0
        centre = (cx + r, cy + r)
        for n, (x, y) in zip(comp, xy, strict=True):
            pos[n] = (round(float(x + centre[0]), 1), round(float(y + centre[1]), 1))
        cx += 2 * r
        row_height = max(row_height, 2 * r)
    return pos
