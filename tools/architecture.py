"""Write docs/architecture.md from the code: the modules by stage, and every rule table.

    python tools/architecture.py          # rewrite docs/architecture.md
    python tools/architecture.py --check  # exit 1 when docs/architecture.md is not current

The page is generated, never edited by hand: the stages and their modules come from each
module's docstring, the rule tables from ``NAME_RULES`` (names), ``Phrases.READINGS`` (noun
phrases), ``ontology/rules.tsv`` (events and standing relations, with the function of each),
the article reader's line steps and the ontology's ``MANIFEST``. ``make docs`` runs it and a
test checks the page is current.
"""

from __future__ import annotations

import argparse
import ast
import csv
import inspect
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "architecture.md"
PACKAGE = ROOT / "graphkit"

#: the pipeline's stages, in order, and the modules (or packages) of each
STAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ingest", "files, pages and feeds into Documents; furniture split off",
     ("ingest", "names")),
    ("parse", "spaCy and graphkit's components", ("nlp",)),
    ("extract", "actors and typed, attributed assertions from one parsed document",
     ("extract",)),
    ("assemble", "extractions into one graph: resolution, codes, weights, identity",
     ("assemble", "graph", "build")),
    ("analysis", "tables, subgraphs, queries, validation, event data, scores",
     ("analysis",)),
    ("export", "the output formats, reading back and pushing",
     ("export", "formats", "iris", "namespace")),
    ("runtime", "the model, the cache, limits, atomic output, errors",
     ("runtime", "errors")),
    ("data", "the ontology and the records that flow through the pipeline",
     ("ontology", "records", "vocabulary")),
    ("top floor", "the library's face and the command line",
     ("__init__", "api", "cli", "__main__")),
)  # fmt: skip


def _markdown(rst: str) -> str:
    """Sphinx roles and double backticks as Markdown code: ``:class:`~a.B``` -> ```B```."""
    rst = re.sub(r":\w+:`~[\w.]*?(\w+)`", r"`\1`", rst)
    rst = re.sub(r":\w+:`([^`]+)`", r"`\1`", rst)
    return rst.replace("``", "`")


def _first_sentence(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    para = _markdown(" ".join(doc.split("\n\n")[0].split()))
    end = para.find(". ")
    return para if end < 0 else para[: end + 1]


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted(PACKAGE.rglob("*.py")):
        rel = p.relative_to(PACKAGE).with_suffix("")
        out[".".join(rel.parts)] = p
    return out


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _stages() -> list[str]:
    modules = _modules()
    placed: set[str] = set()
    lines = ["## The stages", ""]
    for stage, what, roots in STAGES:
        lines += [f"### {stage}: {what}", "", "| module | what it does |", "|---|---|"]
        for name, path in modules.items():
            top = name.split(".")[0]
            if top in roots:
                placed.add(name)
                lines.append(f"| `{name}` | {_cell(_first_sentence(path))} |")
        lines.append("")
    missing = sorted(set(modules) - placed)
    if missing:
        raise SystemExit(f"architecture: modules in no stage: {', '.join(missing)}")
    return lines


def _name_rules() -> list[str]:
    from graphkit.extract.names import NAME_RULES

    lines = [
        "## Name rules (`graphkit.extract.names.NAME_RULES`)",
        "",
        "Run in this order over one board; a later rule sees what the earlier ones named. Each",
        "named token records the rule that found it (`Names.found_by`). Families: `read` (what",
        "the NER read), `missed` (what it missed), `forms` (other ways a document writes a name",
        "it found), `genre` (what a name means in a kind of story). A rule that serves one genre",
        "or one kind of text begins its why with *narrow*.",
        "",
        "| # | rule | family | why |",
        "|---|---|---|---|",
    ]
    for i, r in enumerate(NAME_RULES, 1):
        lines.append(f"| {i} | `{r.name}` | {r.family} | {_cell(r.why)} |")
    return [*lines, ""]


def _ordered(title: str, intro: str, column: str, functions: tuple) -> list[str]:
    """A table of functions tried in order, each with its docstring as its why."""
    lines = [title, "", intro, "", f"| # | {column} | why |", "|---|---|---|"]
    for i, f in enumerate(functions, 1):
        lines.append(f"| {i} | `{f.__name__}` | {_cell(_markdown(inspect.getdoc(f) or ''))} |")
    return [*lines, ""]


def _readings() -> list[str]:
    from graphkit.extract.phrases import Phrases

    return _ordered(
        "## Noun-phrase readings (`graphkit.extract.phrases.Phrases.READINGS`)",
        "Which actor a noun phrase stands for: the first reading that decides wins (a reading\n"
        "may decide the phrase is no actor).",
        "reading",
        Phrases.READINGS,
    )


def _event_rules() -> list[str]:
    rows = [
        r
        for r in csv.DictReader(
            (
                line
                for line in (ROOT / "ontology" / "rules.tsv").open(encoding="utf-8")
                if not line.startswith("#")
            ),
            delimiter="\t",
        )
    ]
    lines = [
        "## Event and relation rules (`ontology/rules.tsv`)",
        "",
        "The rule an edge's evidence names, the function that makes it (under `graphkit.`),",
        "its family and the confidence `make rules` measured on the dev signals",
        "([rules.md](rules.md)). *Definitional* rules read what an actor is from how it is",
        "named: never a speaker's claim.",
        "",
        "| rule | family | function | confidence | definitional | example |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| `{r['rule']}` | {r['family']} | `{r['function']}` | {r['confidence']} | "
            f"{r['definitional']} | {_cell(r['example'])} |"
        )
    return [*lines, ""]


def _line_steps() -> list[str]:
    from graphkit.ingest.article import _LINE_STEPS

    return _ordered(
        "## Article lines (`graphkit.ingest.article`)",
        "Each line of an article is tried against these, in order; a line none takes is prose.",
        "line kind",
        _LINE_STEPS,
    )


def _manifest() -> list[str]:
    from graphkit.ontology import MANIFEST

    lines = [
        "## Ontology files (`graphkit.ontology.MANIFEST`)",
        "",
        "Every data file of an ontology folder, the loader that reads it and the fields of",
        "`Ontology` it fills, in the order they are read (the built-in folder first, then each",
        "`--ontology DIR`).",
        "",
        "| files | loader | fields |",
        "|---|---|---|",
    ]
    for s in MANIFEST:
        files = ", ".join(f"`{f}`" for f in s.files)
        fields = ", ".join(f"`{f}`" for f in s.fields)
        loader = f"{s.loader.__module__}.{s.loader.__name__}"
        lines.append(f"| {files} | `{loader}` | {fields} |")
    return [*lines, ""]


def render() -> str:
    head = [
        "# Architecture",
        "",
        "<!-- generated by tools/architecture.py (make docs); edit the code, not this page -->",
        "",
        "graphkit is a pipeline of stages over frozen records: articles are read into",
        "`Document`s, parsed by spaCy, read by rule tables into `Extraction`s (actors and",
        "typed, attributed assertions), assembled into one `KnowledgeGraph`, then analysed",
        "and exported. Every rule is a row of a table below, with its family and why; the",
        "words the rules know are data in `ontology/`.",
        "",
    ]
    body = _stages() + _name_rules() + _readings() + _event_rules() + _line_steps()
    return "\n".join(head + body + _manifest()).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the page is not current")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = PAGE.exists() and PAGE.read_text(encoding="utf-8") == text
        if not current:
            print(f"{PAGE.relative_to(ROOT)} is not current: run make docs", file=sys.stderr)
        return 0 if current else 1
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
