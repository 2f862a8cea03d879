"""A snapshot of everything graphkit writes, to prove a restructuring changed no output.

    python tools/snapshot.py save SNAPSHOT.tsv [--shared ../shared]
    python tools/snapshot.py check SNAPSHOT.tsv [--shared ../shared]

Builds fixed inputs (the seed article, the repository's attribution and wikinews test
articles, and with ``--shared`` the VOA articles) into every output format ``graphkit build``
writes, and records the SHA-256 of each file; with ``--shared`` it also records the
deterministic rows of ``benchmarks/quality.py`` (throughput left out: it is a clock). ``check``
rebuilds and lists every file whose bytes changed; its exit status is 1 when one did.
Each input set is built in a fresh process, as a user would.

``--ignore-ontology-version`` replaces the ontology's fingerprint (the hash of its files that
every graph records) by a placeholder before hashing: with it, a change to the ontology's
comments or documentation columns shows as no change, and anything the change did to what
graphkit reads still does. Save and check with the same setting.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = "json,ttl,html,nt,jsonld,trig,nq,graphml,gexf,cytoscape,neo4j"


def _inputs(shared: Path | None) -> dict[str, list[str]]:
    data = ROOT / "tests" / "data"
    sets = {
        "seed": [str(data / "iraq-strikes.txt")],
        "attribution": [str(data / "attribution")],
        "wikinews": [
            str(data / "wikinews" / "gum_wikinews" / "text"),
            str(data / "wikinews" / "meantime" / "text"),
        ],
    }
    if shared is not None:
        sets["voa"] = [str(shared / "gold" / "voa")]
    return sets


def _ontology_version() -> bytes:
    from graphkit.ontology import load_ontology

    return load_ontology().version.encode("ascii")


def snapshot(shared: Path | None, ignore_version: bool = False) -> dict[str, str]:
    """name -> SHA-256 of every output file of every input set (and the quality table)."""
    out: dict[str, str] = {}
    version = _ontology_version() if ignore_version else None

    def digest(path: Path) -> str:
        data = path.read_bytes()
        if version is not None:
            data = data.replace(version, b"ONTOLOGY-VERSION")
        return hashlib.sha256(data).hexdigest()

    with tempfile.TemporaryDirectory(prefix="graphkit-snapshot-") as tmp:
        for name, inputs in _inputs(shared).items():
            dest = Path(tmp) / name
            cmd = [sys.executable, "-m", "graphkit", "build", *inputs, "-o", str(dest), "-q",
                   "--format", FORMATS]  # fmt: skip
            subprocess.run(cmd, check=True, cwd=ROOT)
            for f in sorted(p for p in dest.rglob("*") if p.is_file()):
                out[f"{name}/{f.relative_to(dest).as_posix()}"] = digest(f)
        if shared is not None:
            table = subprocess.run(
                [sys.executable, "benchmarks/quality.py", "--shared", str(shared),
                 "--skip-throughput"],
                check=True, cwd=ROOT, capture_output=True, text=True,
            ).stdout  # fmt: skip
            for i, line in enumerate(table.splitlines()):
                out[f"quality/{i:02d} {line.split('  ')[0].strip()}"] = hashlib.sha256(
                    line.encode("utf-8")
                ).hexdigest()
    return out


def _read(path: Path) -> dict[str, str]:
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {name: digest for name, digest in rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["save", "check"])
    ap.add_argument("file", type=Path, help="the snapshot (a TSV of name and SHA-256)")
    ap.add_argument("--shared", type=Path, help="../shared: add the VOA build and make quality")
    ap.add_argument(
        "--ignore-ontology-version",
        action="store_true",
        help="hash outputs with the ontology's fingerprint replaced by a placeholder",
    )
    args = ap.parse_args(argv)
    now = snapshot(args.shared, args.ignore_ontology_version)
    if args.action == "save":
        args.file.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(now.items())), "utf-8")
        print(f"{len(now)} outputs recorded in {args.file}")
        return 0
    before = _read(args.file)
    changed = sorted(k for k in before.keys() & now.keys() if before[k] != now[k])
    gone, new = sorted(before.keys() - now.keys()), sorted(now.keys() - before.keys())
    for label, names in (("changed", changed), ("missing", gone), ("new", new)):
        for n in names:
            print(f"{label}: {n}")
    same = not (changed or gone or new)
    print(f"{len(now)} outputs: " + ("byte-identical" if same else
          f"{len(changed)} changed, {len(gone)} missing, {len(new)} new"))  # fmt: skip
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
