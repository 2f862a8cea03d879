"""The layout computed before the page opens, so the explorer never lays out in the browser.

:func:`story_layout` lays out each connected component on its own -- a seeded force layout
for small ones; for large ones a spectral embedding (the two leading non-trivial eigenvectors
of the lazy random-walk matrix, found by power iteration with numpy, O(edges) per step) --
and packs them with the largest story in the middle. Deterministic: the same graph gives the
same positions.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

#: distance between neighbouring nodes, in vis-network canvas units
SPACING = 60.0
#: components up to this many actors get a force layout; larger ones the spectral one
FORCE_MAX = 400
FORCE_SEED = 7
FORCE_ITERATIONS = 80
#: how much room a force-laid component gets, relative to SPACING * sqrt(actors)
FORCE_SPREAD = 2.0


def _ordered(nodes: list[Hashable], g: nx.Graph) -> nx.Graph:
    """The component of ``nodes`` as a graph of its own, nodes and edges in a fixed order
    (a networkx subgraph view of a few nodes iterates them in set order, which follows the
    process's hash seed)."""
    index = {n: i for i, n in enumerate(nodes)}
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(
        sorted(
            ((u, v) if index[u] <= index[v] else (v, u) for u in nodes for v in g[u] if v in index),
            key=lambda e: (index[e[0]], index[e[1]]),
        )
    )
    return sub


def _spectral(nodes: list[Hashable], g: nx.Graph, iterations: int) -> np.ndarray:
    """Positions of one component: a point, a small polygon, or the spectral embedding."""
    m = len(nodes)
    if m == 1:
        return np.zeros((1, 2))
    if m <= 4:
        angle = np.arange(m) * 2 * math.pi / m
        return np.column_stack([np.cos(angle), np.sin(angle)]) * SPACING
    index = {n: i for i, n in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in _ordered(nodes, g).edges() if u != v])
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


def _force(nodes: list[Hashable], g: nx.Graph) -> np.ndarray:
    """A force-directed (Fruchterman-Reingold) layout of a small component, seeded so that the
    same component always gets the same picture."""
    m = len(nodes)
    if m <= 4:
        return _spectral(nodes, g, 0)
    pos = nx.spring_layout(_ordered(nodes, g), seed=FORCE_SEED, iterations=FORCE_ITERATIONS)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    xy -= xy.mean(axis=0)
    scale = np.abs(xy).max() or 1.0
    return xy / scale * SPACING * math.sqrt(m) * FORCE_SPREAD


def _ring_pack(laid: list[tuple[list[Hashable], np.ndarray, float]]) -> list[tuple[float, float]]:
    """Centres for components sorted largest first: the largest in the middle, the others in
    rings around it, each ring wide enough for its largest member."""
    if not laid:
        return []
    centres = [(0.0, 0.0)]
    inner = laid[0][2]
    i = 1
    while i < len(laid):
        r_ring = laid[i][2]  # the first of a ring is its largest
        radius = inner + r_ring + SPACING / 2
        circumference = 2 * math.pi * radius
        used = 0.0
        ring: list[int] = []
        while i < len(laid) and used + 2 * laid[i][2] + SPACING / 4 <= circumference:
            used += 2 * laid[i][2] + SPACING / 4
            ring.append(i)
            i += 1
        if not ring:  # one component too wide for the ring: give it a ring of its own
            ring, used = [i], circumference
            i += 1
        angle = 0.0
        for j in ring:
            r = laid[j][2]
            step = (2 * r + SPACING / 4) / radius
            theta = angle + step / 2 - math.pi / 2
            centres.append((radius * math.cos(theta), radius * math.sin(theta)))
            angle += step * (circumference / used if len(ring) > 1 else 1.0)
        inner = radius + r_ring
    return centres


def story_layout(g: nx.Graph | nx.MultiDiGraph) -> dict[Hashable, tuple]:
    """Positions ``{node: (x, y)}`` for every node of ``g``: each connected component laid out
    on its own (a force layout up to :data:`FORCE_MAX` actors, the spectral one above), the
    largest story in the middle and the others in rings around it; actors with no edge in a
    grid below (the explorer hides them until asked). Deterministic.

    >>> import networkx as nx
    >>> g = nx.path_graph(6); g.add_node("alone")
    >>> pos = story_layout(g)
    >>> sorted(map(str, pos)) == ["0", "1", "2", "3", "4", "5", "alone"]
    True
    >>> pos["alone"][1] > max(pos[n][1] for n in range(6))
    True
    """
    und = nx.Graph(g)
    connected = {n for n in und if und.degree(n) > 0}
    und.remove_edges_from(nx.selfloop_edges(und))
    comps = [sorted(c, key=str) for c in nx.connected_components(und.subgraph(connected))]
    comps.sort(key=lambda c: (-len(c), str(c[0])))
    laid = []
    for comp in comps:
        xy = _force(comp, und) if len(comp) <= FORCE_MAX else _spectral(comp, und, 60)
        r = float(np.abs(xy).max()) + SPACING / 2 if len(comp) > 1 else SPACING / 2
        laid.append((comp, xy, r))
    pos: dict[Hashable, tuple] = {}
    bottom = 0.0
    for (comp, xy, _r), (cx, cy) in zip(laid, _ring_pack(laid), strict=True):
        for n, (x, y) in zip(comp, xy, strict=True):
            pos[n] = (round(float(x + cx), 1), round(float(y + cy), 1))
            bottom = max(bottom, pos[n][1])
    alone = sorted((n for n in g if n not in connected), key=str)
    if alone:
        per_row = max(1, math.ceil(math.sqrt(len(alone) * 2)))
        top = bottom + SPACING * 2 if pos else 0.0
        for k, n in enumerate(alone):
            row, col = divmod(k, per_row)
            x = (col - (per_row - 1) / 2) * SPACING * 1.5
            pos[n] = (round(x, 1), round(top + row * SPACING, 1))
    return pos
