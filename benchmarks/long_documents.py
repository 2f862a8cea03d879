"""Extraction time against a document's length: it must grow linearly, not with the square.

    python benchmarks/long_documents.py [--sizes 50,200,500,2000] [--kinds prose,dense,symbols]

Three kinds of text, each built at every size (KB):

- ``prose``: real news, the wikinews articles (``tests/data/wikinews``, or the full corpus in
  ``../shared`` when it is there) joined one after another;
- ``dense``: actor-dense text, sentence after sentence of people and organisations meeting
  (thousands of distinct names, the case of the one-letter-off name comparison);
- ``symbols``: the same news with a run of emoji or brackets after every paragraph (the case
  of spaCy's tokenizer, quadratic in a token's length).

Each document is built in the same process with the model loaded once, so the times compare
reading, parsing and extraction alone. Printed: seconds, seconds per 100 KB, and per kind the
ratio of the largest document's seconds per 100 KB to the smallest's (the goal: under 1.5),
then the process's peak resident memory (an upper bound for the largest document's: goal
under 1 GB). Exit 1 when a ratio is 1.5 or more.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
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


def dense_text(kb: int) -> str:
    """Sentences of distinct people and organisations meeting, ``kb`` thousand characters."""
    first = [
        "Anna",
        "Boris",
        "Carlos",
        "Dmitri",
        "Elena",
        "Farid",
        "Greta",
        "Hassan",
        "Ingrid",
        "Jamal",
        "Karim",
        "Lena",
    ]
    first += ["Marco", "Nadia", "Omar", "Pavel"]
    last = [
        "Abbott",
        "Baker",
        "Carter",
        "Dawson",
        "Ellis",
        "Fischer",
        "Garcia",
        "Hughes",
        "Ivanov",
        "Jensen",
        "Kowalski",
    ]
    last += ["Larsen", "Moreno", "Novak", "Olsen", "Petrov"]
    orgs = ["Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Hooli", "Vandelay"]
    parts: list[str] = []
    size, i = 0, 0
    while size < kb * 1000:
        a = f"{first[i % 16]} {last[(i * 7) % 16]}{i % 97}"
        b = f"{orgs[i % 7]} Group {i % 113}"
        c = f"{first[(i * 5) % 16]} {last[(i * 3) % 16]}{(i * 7) % 89}"
        parts.append(f"{a} of {b} met {c} in Paris. ")
        size += len(parts[-1])
        i += 1
    return "".join(parts)[: kb * 1000]


def symbol_text(kb: int) -> str:
    """News with a run of 400 emoji or brackets after every paragraph."""
    runs = ["\U0001f600" * 400, "((" * 200, "-=" * 200]
    paragraphs = news_text(kb).split("\n\n")
    mixed = [f"{p}\n\n{runs[i % 3]}" for i, p in enumerate(paragraphs)]
    return "\n\n".join(mixed)[: kb * 1000]


KINDS = {"prose": news_text, "dense": dense_text, "symbols": symbol_text}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="50,200,500,2000", help="document sizes in KB")
    ap.add_argument("--kinds", default="prose,dense,symbols", help=", ".join(KINDS))
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
    ratios: dict[str, float] = {}
    for kind in args.kinds.split(","):
        per_100kb: list[float] = []
        for kb in sizes:
            text = KINDS[kind](kb)
            profiler = cProfile.Profile() if args.profile and kb == max(sizes) else None
            t = time.perf_counter()
            if profiler:
                profiler.enable()
            doc = graphkit.document_from_text(f"{kind}-{kb}", text)
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
            print(f"{kind:8} {kb:6} KB  {secs:7.1f} s  {per_100kb[-1]:6.2f} s per 100 KB  "
                  f"{len(found.assertions)} assertions", flush=True)  # fmt: skip
            if profiler:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
        ratios[kind] = max(per_100kb) / min(per_100kb)
    for kind, ratio in ratios.items():
        print(f"{kind:8} seconds per 100 KB, slowest / fastest size: {ratio:.2f} (goal under 1.5)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(f"peak resident memory of the process: {peak:,.0f} MB (goal under 1,024)")
    return 0 if all(r < 1.5 for r in ratios.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
