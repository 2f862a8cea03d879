"""Start-up of the command line: every ``--help`` against a bare interpreter, in one run.

    python benchmarks/startup.py [--repeat 7] [--goal 0.3]

Each command is run as a fresh process ``--repeat`` times and the best time is kept (the
machine's noise only ever adds time). The baseline is ``python -c pass`` on the same
interpreter in the same run, so the ratio says what graphkit adds to Python's own start.
A cached rebuild's speed-up is measured by ``benchmarks/throughput.py`` (``--docs 120``).
Exit 1 when any ``--help`` is over ``--goal`` seconds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

COMMANDS = ([], ["build"], ["evaluate"], ["validate"], ["query"], ["push"])


def best_of(cmd: list[str], repeat: int) -> float:
    """The shortest wall time of ``repeat`` runs of ``cmd``, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--goal", type=float, default=0.3, help="seconds allowed for any --help")
    args = ap.parse_args(argv)
    bare = best_of([sys.executable, "-c", "pass"], args.repeat)
    print(f"python -c pass                 {bare:6.3f} s (baseline)")
    worst = 0.0
    for sub in COMMANDS:
        secs = best_of([sys.executable, "-m", "graphkit", *sub, "--help"], args.repeat)
        worst = max(worst, secs)
        name = " ".join(["graphkit", *sub, "--help"])
        print(f"{name:30} {secs:6.3f} s  {secs / bare:5.1f}x the bare interpreter")
    print(f"slowest --help {worst:.3f} s (goal {args.goal} s)")
    return 0 if worst <= args.goal else 1


if __name__ == "__main__":
    sys.exit(main())
