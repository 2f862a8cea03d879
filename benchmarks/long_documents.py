"""Extraction time against a document's length: it must grow linearly, not with the square.

    python benchmarks/long_documents.py [--sizes 10,100,1000] [--profile]

Each document is real news: the wikinews sample's articles (``tests/data/wikinews``, or the
full corpus in ``../shared`` when it is there) joined one after another until it reaches the
size in KB. Each size is built in the same process with the model loaded once, so the times
compare parsing plus extraction alone. Printed: seconds, seconds per 100 KB, and the ratio of
the largest document's seconds per 100 KB to the smallest's (the goal is under 2: linear).
Exit 1 when the ratio is 2 or more.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
SOURCES = [ROOT.parent / "shared" / "corpus" / "wikinews", ROOT / "tests" / "data" / "wikinews"]


def news_text(kb: int) -> str:
    """Real articles joined by blank lines until the text is ``kb`` thousand characters."""
    folder = next(p for p in SOURCES if p.is_dir())
    articles = [f.read_text(encoding="utf-8").strip() for f in sorted(folder.rglob("text/*/*.txt"))]
    articles = [a for a in articles if a] or ["Hamas attacked Israel."]
    parts: list[str] = []
    size, i = 0, 0
    while size < kb * 1000:
        parts.append(articles[i % len(articles)])
        size += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[: kb * 1000]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000", help="document sizes in KB")
    ap.add_argument("--profile", action="store_true", help="print the largest build's profile")
    ap.add_argument(
        "--chunk",
        type=int,
        default=None,
        help="parse in pieces of this many characters (default: what graphkit build does)",
    )
    args = ap.parse_args(argv)
    import graphkit
    from graphkit.build import CHUNK_CHARS, extract_batch, load_nlp

    onto = graphkit.load_ontology()
    nlp = load_nlp(onto)
    sizes = [int(s) for s in args.sizes.split(",")]
    per_100kb: list[float] = []
    for kb in sizes:
        doc = graphkit.document_from_text(f"long-{kb}", news_text(kb))
        profiler = cProfile.Profile() if args.profile and kb == max(sizes) else None
        t = time.perf_counter()
        if profiler:
            profiler.enable()
        (found,) = extract_batch(
            [doc],
            onto=onto,
            nlp=nlp,
            hierarchy=True,
            batch_size=32,  # as graphkit build
            chunk_chars=args.chunk or CHUNK_CHARS,
        )
        if profiler:
            profiler.disable()
        secs = time.perf_counter() - t
        per_100kb.append(secs / (kb / 100))
        print(f"{kb:6} KB  {secs:7.1f} s  {per_100kb[-1]:6.2f} s per 100 KB  "
              f"{len(found.assertions)} assertions", flush=True)  # fmt: skip
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
    ratio = per_100kb[-1] / per_100kb[0]
    print(f"seconds per 100 KB, largest / smallest: {ratio:.2f} (goal under 2: linear)")
    return 0 if ratio < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
