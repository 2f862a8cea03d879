"""The up-front layout for large graphs."""

from __future__ import annotations

import networkx as nx

from graphkit.export.layout import SPACING, spectral_layout


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(nx.gnm_random_graph(300, 600, seed=3, directed=True))
    g.add_nodes_from(f"lonely{i}" for i in range(40))
    g.add_edge("pair-a", "pair-b")
    return g


def test_every_node_gets_a_position_and_the_same_graph_the_same_layout():
    g = _graph()
    pos = spectral_layout(g)
    assert set(pos) == set(g.nodes)
    assert pos == spectral_layout(g)


def test_components_do_not_overlap():
    g = _graph()
    pos = spectral_layout(g)
    comps = list(nx.connected_components(nx.Graph(g)))

    def box(c):
        xs = [pos[n][0] for n in c]
        ys = [pos[n][1] for n in c]
        return min(xs), min(ys), max(xs), max(ys)

    boxes = [box(c) for c in comps]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
            assert apart, (a, b)


def test_neighbours_are_closer_than_strangers_in_a_component():
    g = nx.connected_watts_strogatz_graph(400, 4, 0.05, seed=1)
    pos = spectral_layout(g)

    def dist(u, v):
        return ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5

    near = sum(dist(u, v) for u, v in g.edges()) / g.number_of_edges()
    far = sum(dist(u, (u + 200) % 400) for u in range(400)) / 400
    assert near < far / 3 and near > SPACING / 100
