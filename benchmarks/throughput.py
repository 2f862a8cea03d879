"""Build throughput against bare spaCy, worker processes, the cache, and peak memory, in one run.

    python benchmarks/throughput.py [--docs 1000] [--format json]

The corpus is the 163 wikinews articles, copied under new names until there are ``--docs``
documents (texts repeat, ids do not). Each measurement is a fresh process (timed from start to
exit, so model loading counts for everyone), and its peak resident memory comes from
``wait4``:

1. bare spaCy: ``spacy.load(model)`` and ``nlp.pipe`` over the same texts;
2. ``graphkit build --jobs 1 --no-cache``;
3. ``graphkit build --jobs 2 --no-cache``;
4. ``graphkit build --cache DIR`` on an empty cache, then again (the cached rerun);
5. the cached rerun after 1% of the documents changed.

Printed: documents per second, ratios, and peak RSS for each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"
SOURCES = [WIKINEWS / "gum_wikinews" / "text", WIKINEWS / "meantime" / "text"]

BARE = """
import sys
from pathlib import Path
import spacy
from graphkit.nlp import resolve_model_name
files = sorted(Path(sys.argv[1]).rglob("*.txt"))
nlp = spacy.load(resolve_model_name(None))
texts = (f.read_text(encoding="utf-8") for f in files)
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print(n)
"""


def replicate(n: int, folder: Path) -> list[Path]:
    originals = sorted(f for src in SOURCES for f in src.rglob("*.txt"))
    out = []
    i = 0
    while len(out) < n:
        f = originals[i % len(originals)]
        target = folder / f"copy{i // len(originals)}" / f"{f.stem}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
        out.append(target)
        i += 1
    return out


def timed(cmd: list[str]) -> tuple[float, float]:
    """Seconds from start to exit, and the process's peak RSS in MB."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed: {err[-500:]}")
    return elapsed, usage.ru_maxrss / 1024  # KB on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--format", default="json", help="outputs each build writes (default json)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument(
        "--memory-only",
        action="store_true",
        help="only the --jobs 2 build, for peak memory on a large corpus (e.g. --docs 10000)",
    )
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="graphkit-throughput-"))
    try:
        return measure(args, work)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> int:
    """Run every measurement in ``work`` and print the table."""
    corpus = work / "corpus"
    files = replicate(args.docs, corpus)
    n = len(files)
    gk = [sys.executable, "-m", "graphkit", "build", str(corpus), "-q", "--format", args.format]
    rows: list[tuple[str, float, float]] = []

    def run(name: str, cmd: list[str]) -> float:
        secs, rss = timed(cmd)
        rows.append((name, secs, rss))
        print(f"  {name:34} {secs:7.1f} s  {n / secs:7.1f} docs/s  peak RSS {rss:6.0f} MB",
              flush=True)  # fmt: skip
        return secs

    print(f"{n} documents ({sum(f.stat().st_size for f in files) / 1e6:.1f} MB of text)")
    if args.memory_only:
        run("graphkit --jobs 2", [*gk, "-o", str(work / "o2"), "--no-cache", "--jobs", "2"])
        return 0
    bare = run("bare spaCy nlp.pipe", [sys.executable, "-c", BARE, str(corpus)])
    j1 = run("graphkit --jobs 1", [*gk, "-o", str(work / "o1"), "--no-cache", "--jobs", "1"])
    j2 = run("graphkit --jobs 2", [*gk, "-o", str(work / "o2"), "--no-cache", "--jobs", "2"])
    cache = ["--cache", str(work / "cache")]
    cold = run("graphkit, empty cache", [*gk, "-o", str(work / "o3"), *cache])
    warm = run("graphkit, cached rerun", [*gk, "-o", str(work / "o3"), *cache])
    for f in files[:: max(1, n // max(1, n // 100))][: max(1, n // 100)]:
        f.write_text(f.read_text(encoding="utf-8") + "\nHamas attacked Israel on Friday.\n")
    changed = run("graphkit, 1% changed", [*gk, "-o", str(work / "o3"), *cache])
    same = (work / "o1" / "graph.json").read_bytes() == (work / "o2" / "graph.json").read_bytes()
    print()
    print(f"--jobs 1 / bare spaCy:         {bare / j1:.2f}x")
    print(f"--jobs 2 / --jobs 1:           {j1 / j2:.2f}x")
    print(f"cached rerun / first build:    {cold / warm:.1f}x faster")
    print(f"1% changed / first build:      {cold / changed:.1f}x faster")
    print(f"peak RSS, largest graphkit run: {max(r[2] for r in rows[1:]):.0f} MB")
    print(f"--jobs 2 output identical to --jobs 1: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
