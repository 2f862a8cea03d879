"""The layouts computed before the page opens."""

from __future__ import annotations

import networkx as nx
import pytest

from graphkit.export.layout import FORCE_MAX, SPACING, story_layout


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(nx.gnm_random_graph(300, 600, seed=3, directed=True))
    g.add_nodes_from(f"lonely{i}" for i in range(40))
    g.add_edge("pair-a", "pair-b")
    return g


def test_every_node_gets_a_position_and_the_same_graph_the_same_layout():
    g = _graph()
    pos = story_layout(g)
    assert set(pos) == set(g.nodes)
    assert pos == story_layout(g)


def test_components_do_not_overlap():
    g = _graph()
    pos = story_layout(g)
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


@pytest.mark.parametrize("size", [FORCE_MAX, 2 * FORCE_MAX])  # force layout, spectral embedding
def test_neighbours_are_closer_than_strangers_in_a_component(size):
    g = nx.connected_watts_strogatz_graph(size, 4, 0.05, seed=1)
    pos = story_layout(g)

    def dist(u, v):
        return ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5

    near = sum(dist(u, v) for u, v in g.edges()) / g.number_of_edges()
    far = sum(dist(u, (u + size // 2) % size) for u in range(size)) / size
    assert near < far / 3 and near > SPACING / 100


def _stories() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(nx.gnm_random_graph(40, 80, seed=5, directed=True))  # the big story
    for i in range(12):  # small ones
        g.add_edge(f"s{i}a", f"s{i}b")
        g.add_edge(f"s{i}b", f"s{i}c")
    g.add_edge("loop", "loop")  # an event with no recipient
    g.add_nodes_from(f"alone{i}" for i in range(30))
    return g


def test_story_layout_places_every_actor_the_same_way_each_time():
    g = _stories()
    pos = story_layout(g)
    assert set(pos) == set(g.nodes) and pos == story_layout(g)


def test_the_largest_story_is_in_the_middle_and_stories_do_not_overlap():
    g = _stories()
    pos = story_layout(g)
    connected = [n for n in g if g.degree(n)]
    comps = sorted(nx.connected_components(nx.Graph(g).subgraph(connected)), key=len)
    comps.reverse()

    def centre(c):
        return sum(pos[n][0] for n in c) / len(c), sum(pos[n][1] for n in c) / len(c)

    def radius(c):
        cx, cy = centre(c)
        return max(((pos[n][0] - cx) ** 2 + (pos[n][1] - cy) ** 2) ** 0.5 for n in c)

    cx, cy = centre(connected)
    big = centre(comps[0])
    assert all(
        ((big[0] - cx) ** 2 + (big[1] - cy) ** 2) ** 0.5
        < ((centre(c)[0] - cx) ** 2 + (centre(c)[1] - cy) ** 2) ** 0.5
        for c in comps[1:]
    )
    for i, a in enumerate(comps):
        for b in comps[i + 1 :]:
            (ax, ay), (bx, by) = centre(a), centre(b)
            assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 >= radius(a) + radius(b)


def test_actors_with_no_edge_wait_below_the_stories():
    g = _stories()
    pos = story_layout(g)
    lowest = max(pos[n][1] for n in g if g.degree(n))
    assert all(pos[n][1] > lowest for n in g if not g.degree(n))
