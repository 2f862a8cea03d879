"""Plots of event data over time: how a relationship or an actor turns (matplotlib).

Each plot is a bar per period, stacked by quad class, and a line of the net intensity (the sum
of the events' Goldstein weights) on a second axis. Bars above zero are what the first actor
does (to the second one, for a dyad); bars below zero are what is done to it. Only acts that
happened as told are counted unless ``include`` names more modalities. The colours are the
``quad`` rows of ``styles.tsv``.

matplotlib is an optional dependency: ``pip install graphkit-news[plot]``.

>>> import graphkit
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> kg = graphkit.build([graphkit.document_from_text(
...     "d", "Hamas attacked Israel. Israel attacked Hamas.", published="2024-03-05")])
>>> fig = kg.plot_dyad("Hamas", "Israel")
>>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
['Material conflict', 'net intensity']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import GraphkitError
from .events import ASSERTED, _actor_id, dyads, timeline

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from ..graph import KnowledgeGraph

_GREY = "#999999"


def _pyplot() -> Any:
    try:
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: F401
    except ImportError:
        raise GraphkitError("plots need matplotlib: pip install 'graphkit-news[plot]'") from None
    return Figure


def _quads(kg: KnowledgeGraph) -> list[tuple[str, str, str]]:
    """(name, label, colour) of each quad class, in code order."""
    from ..assemble.weights import ontology_of
    from ..ontology import builtin_styles

    onto = ontology_of(kg)
    colours = {**builtin_styles().get("quad", {}), **onto.styles.get("quad", {})}
    quads = sorted({q.name: q for q in onto.quads.values()}.values(), key=lambda q: q.code)
    return [(q.name, q.label, colours.get(q.name, [_GREY])[0]) for q in quads]


def _periods(frames: Iterable[pd.DataFrame], freq: str) -> pd.DatetimeIndex:
    import pandas as pd

    dates = pd.concat([f["period"] for f in frames if not f.empty])
    if dates.empty:
        return pd.DatetimeIndex([])
    periods = pd.period_range(dates.min(), dates.max(), freq=freq)
    return pd.DatetimeIndex(periods.start_time)


def _draw(
    kg: KnowledgeGraph,
    up: pd.DataFrame,
    down: pd.DataFrame,
    net: pd.Series,
    periods: pd.DatetimeIndex,
    title: str,
    labels: tuple[str, str],
    ax: Any = None,
    freq: str = "W",
) -> Figure:
    """Stacked bars of ``up`` above zero and ``down`` below (period x quad counts) and the
    ``net`` intensity line on a twin axis."""
    import numpy as np
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure_class = _pyplot()
    if ax is None:
        fig = figure_class(figsize=(8, 4), layout="constrained")
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    x = np.arange(len(periods))
    handles = []
    for sign, table in ((1, up), (-1, down)):
        bottom = np.zeros(len(periods))
        for name, label, colour in _quads(kg):
            values = table.get(name)
            if values is None or not values.any():
                continue
            bars = ax.bar(x, sign * values.to_numpy(), 0.8, bottom=sign * bottom, color=colour,
                          label=label)  # fmt: skip
            bottom = bottom + values.to_numpy()
            if label not in [h.get_label() for h in handles]:
                handles.append(bars)
    ax.axhline(0, color="#444444", linewidth=0.8)
    top = max([float(t.to_numpy().sum(axis=1).max()) for t in (up, down) if not t.empty] or [1.0])
    ax.set_ylim(-top * 1.25, top * 1.25)  # zero in the middle: the two directions side by side
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: f"{abs(y):g}"))
    ax.set_ylabel("events")
    for y, va, text in (
        (0.98, "top", f"\u25b2 {labels[0]}"),
        (0.02, "bottom", f"\u25bc {labels[1]}"),
    ):
        ax.text(0.01, y, text, transform=ax.transAxes, va=va, ha="left", fontsize="small",
                color="#444444")  # fmt: skip
    twin = ax.twinx()
    (line,) = twin.plot(x, net.to_numpy(), color="#222222", marker="o", markersize=3,
                        linewidth=1.5, label="net intensity")  # fmt: skip
    reach = max(1.0, float(abs(net).max()) if len(net) else 1.0) * 1.25
    twin.set_ylim(-reach, reach)  # its zero on the bars' zero
    twin.set_ylabel("net intensity (Goldstein)")
    step = max(1, len(periods) // 12)
    ax.set_xticks(x[::step], [_period_label(p, freq) for p in periods[::step]], rotation=45,
                  ha="right")  # fmt: skip
    ax.set_title(title)
    ax.legend(handles=[*handles, line], loc="upper left", bbox_to_anchor=(1.1, 1.0),
              fontsize="small", frameon=False)  # fmt: skip
    return fig


def _period_label(start: pd.Timestamp, freq: str) -> str:
    """A period as people write it: 2024, 2024Q1, 2024-03; a week or a day by its first day."""
    import pandas as pd

    if freq.upper().startswith(("W", "D")):
        return start.strftime("%Y-%m-%d")
    return str(pd.Period(start, freq))


def _table(frame: pd.DataFrame, value: str, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """period x quad, ``value`` summed, every period present (zero where none)."""
    if frame.empty:
        import pandas as pd

        return pd.DataFrame(index=periods)
    return frame.pivot_table(
        index="period", columns="quad", values=value, aggfunc="sum", fill_value=0
    ).reindex(periods, fill_value=0)


def plot_dyad(
    kg: KnowledgeGraph,
    a: str,
    b: str,
    freq: str = "W",
    *,
    include: Iterable[str] = ASSERTED,
    ax: Any = None,
) -> Figure:
    """The events between actors ``a`` and ``b`` (ids or labels) per period: what ``a`` did to
    ``b`` above zero, what ``b`` did to ``a`` below, and the net intensity of both."""
    _pyplot()
    ka, kb = _actor_id(kg, a), _actor_id(kg, b)
    include = tuple(include)
    counts = dyads(kg, freq, "actor", "count", include)
    weights = dyads(kg, freq, "actor", "intensity", include)
    pairs = {"up": (ka, kb), "down": (kb, ka)}
    picked = {
        k: counts[(counts["source"] == s) & (counts["target"] == t)] for k, (s, t) in pairs.items()
    }
    periods = _periods(picked.values(), freq)
    both = weights[
        ((weights["source"] == ka) & (weights["target"] == kb))
        | ((weights["source"] == kb) & (weights["target"] == ka))
    ]
    net = both.groupby("period")["intensity"].sum().reindex(periods, fill_value=0.0)
    la, lb = (kg.graph.nodes[k].get("label", k) for k in (ka, kb))
    return _draw(
        kg,
        _table(picked["up"], "count", periods),
        _table(picked["down"], "count", periods),
        net,
        periods,
        f"{la} and {lb}",
        (f"{la} to {lb}", f"{lb} to {la}"),
        ax,
        freq,
    )


def plot_actor(
    kg: KnowledgeGraph,
    actor: str,
    freq: str = "W",
    *,
    include: Iterable[str] = ASSERTED,
    ax: Any = None,
) -> Figure:
    """An actor's events per period: what it did above zero, what was done to it below, and
    the net intensity of both."""
    _pyplot()
    key = _actor_id(kg, actor)
    include = tuple(include)
    counts = timeline(kg, key, freq, "count", include)
    weights = timeline(kg, key, freq, "intensity", include)
    up, down = counts[counts["role"] == "source"], counts[counts["role"] == "target"]
    periods = _periods([up, down], freq)
    net = weights.groupby("period")["intensity"].sum().reindex(periods, fill_value=0.0)
    label = kg.graph.nodes[key].get("label", key)
    return _draw(
        kg,
        _table(up, "count", periods),
        _table(down, "count", periods),
        net,
        periods,
        label,
        (f"by {label}", f"to {label}"),
        ax,
        freq,
    )
