"""Draw the README's event-data plot: one actor's events over time (graphkit.analysis.plots).

    python tools/plot_example.py INPUTS... --actor Boeing --freq Y -o docs/analyst-boeing.png

``make plots`` runs it on the Wikinews corpus in ../shared (the image in docs/events.md).
"""

from __future__ import annotations

import argparse
import sys

import matplotlib

matplotlib.use("Agg")

import graphkit


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--actor", required=True, help="an actor's id or label")
    ap.add_argument("--freq", default="Y", help="a pandas period frequency (D, W, M, Q, Y)")
    ap.add_argument("-o", "--out", required=True, help="the PNG to write")
    args = ap.parse_args(argv)
    kg = graphkit.build(args.inputs, progress=False)
    fig = kg.plot_actor(args.actor, freq=args.freq)
    fig.savefig(args.out, dpi=100, metadata={"Software": None})
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
