"""The pipeline: ingest -> nlp -> extract -> resolve/assemble, as one function notebooks call.

Documents stream through spaCy's ``nlp.pipe`` in batches and each parsed Doc is dropped once
its extraction is made, so memory holds texts and extractions, never all the parses. The
extraction of a document can run here, in ``jobs`` worker processes, or on a Dask cluster;
results come back in document order, so the graph is the same whichever runs it. With a cache
folder, a document whose text, metadata and build settings are unchanged is not parsed again.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .api import KnowledgeGraph
from .assemble.codes import add_codes
from .assemble.identity import describe
from .assemble.resolve import resolve
from .assemble.weights import weigh_graph
from .errors import GraphkitError, InputError
from .graph import assemble
from .ingest.files import DEFAULT_GLOBS, MAX_CHARS, STDIN, discover, read_path, read_stdin
from .ingest.language import ANY, SUPPORTED, foreign_language
from .ontology import Ontology, load_ontology
from .records import Document, Extraction, Failed
from .runtime.cache import ExtractionCache
from .runtime.models import resolve_model_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Reporter = Callable[[str], None]
#: a longer text is parsed in pieces of at most this many characters, cut at line breaks and
#: joined back into one Doc: a 1 MB article then parses in a fifth of the memory, and faster
CHUNK_CHARS = 100_000
#: seconds a document's extraction may take before it is reported and skipped (--doc-timeout)
DOC_TIMEOUT = 300.0


# ---------------------------------------------------------------------- reading
def _inputs(inputs: object) -> list[str | Path | Document]:
    """The inputs as a list: one path (a string or a Path) or an iterable of paths and
    Documents. Anything else is a TypeError, not a walk over a string's characters."""
    if isinstance(inputs, (str, os.PathLike, Document)):
        return [inputs]  # type: ignore[list-item]
    if isinstance(inputs, (bytes, dict)) or not isinstance(inputs, Iterable):
        raise TypeError(
            f"build() takes a path or a list of paths and Documents, not {type(inputs).__name__}"
        )
    items = list(inputs)
    for item in items:
        if not isinstance(item, (str, os.PathLike, Document)):
            raise TypeError(
                f"build() inputs are paths (str or Path) or Documents, not {type(item).__name__}"
            )
    return items


def _collect(
    inputs: Iterable[str | Path | Document],
    max_chars: int,
    globs: Sequence[str],
    report: Reporter | None = None,
    language: str = "en",
    common: frozenset[str] = frozenset(),
) -> tuple[list[Document], list[dict[str, str]]]:
    """Read every input; each problem becomes an error record instead of stopping the run.
    A duplicate id is reported with the full paths of both documents; a document surely not
    in English is one, unless ``language`` is ``"any"`` (``common``: English function words,
    :func:`.ingest.language.foreign_language`)."""
    if language not in (*SUPPORTED, ANY):
        raise GraphkitError(f"language {language!r}: graphkit reads en, or any to build all")
    docs: list[tuple[Document, str]] = []  # each with where it came from, for messages
    problems: list[InputError] = []
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Document):
            docs.append((item, item.source or item.id))
        elif str(item) == STDIN:
            found, bad = read_stdin(sys.stdin.buffer.read(), max_chars)
            docs.extend((d, "<stdin>") for d in found)
            problems.extend(bad)
        else:
            paths.append(item)
    skipped: list[Path] = []
    found_paths, missing = discover(paths, globs, skipped)
    problems.extend(missing)
    if skipped and report:
        names = ", ".join(sorted({p.name for p in skipped})[:4])
        report(f"left out {len(skipped)} README/LICENSE/NOTICE file(s) in folders ({names})")
    for path, doc_id in found_paths:
        found, bad = read_path(path, doc_id, max_chars)
        many = path.suffix.lower() == ".jsonl"
        docs.extend((d, f"{path} (record {d.id!r})" if many else str(path)) for d in found)
        problems.extend(bad)
    errors = [{"source": str(e).split(": ", 1)[0], "error": str(e)} for e in problems]
    seen: dict[str, str] = {}
    unique: list[Document] = []
    for doc, where in docs:
        if doc.id in seen:
            msg = f"{where}: duplicate document id {doc.id!r} (first: {seen[doc.id]})"
            errors.append({"source": where, "error": msg})
        elif len(doc.clean) > max_chars:
            msg = f"{where}: {len(doc.clean):,} characters, over the limit of {max_chars:,}"
            errors.append({"source": where, "error": msg + " (--max-chars)"})
        elif language != ANY and (lang := foreign_language(doc.clean, common)) is not None:
            msg = f"{where}: written in {lang!r}, not English; --language any builds it anyway"
            errors.append({"source": where, "error": msg})
        else:
            seen[doc.id] = where
            unique.append(doc)
    return unique, errors


# ---------------------------------------------------------------------- parsing
def chunks(text: str, size: int) -> list[str]:
    r"""Split ``text`` into pieces of at most ``size`` characters, at line breaks where it can
    (else at spaces, else anywhere), so that the pieces joined are exactly ``text``.

    >>> chunks("aa\nbb\ncc\n", 6)
    ['aa\nbb\n', 'cc\n']
    >>> "".join(chunks("x" * 10, 4)) == "x" * 10
    True
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + 1, end)
        if cut == -1:
            cut = text.rfind(" ", start + 1, end)
        cut = end if cut == -1 else cut + 1
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _parse(
    nlp: Language,
    docs: list[Document],
    batch_size: int,
    chunk_chars: int,
    settings: dict[str, Any],
) -> Iterator[Doc]:
    """Parsed and extracted documents in order, through ``nlp.pipe`` (whose last component,
    ``graphkit``, extracts each one with these ``settings``). A text longer than
    ``chunk_chars`` is parsed in pieces split at line breaks, joined back into one Doc with
    the same text (so offsets hold), and then extracted as a whole."""
    from spacy.tokens import Doc

    from .nlp import COMPONENT, SKIP

    size = min(chunk_chars, nlp.max_length)
    pieces = [chunks(d.clean, size) for d in docs]

    def prepared() -> Iterator[Doc]:
        for d, parts in zip(docs, pieces, strict=True):
            for part in parts:
                doc = nlp.make_doc(part)
                if len(parts) == 1:
                    doc._.graphkit_document = d
                else:  # a piece is only parsed; the whole document is extracted once joined
                    doc.user_data[SKIP] = True
                yield doc

    # (a copy: spaCy adds its batch size to the dict it is given)
    stream = _pipe(nlp, prepared(), batch_size, size, {COMPONENT: dict(settings)})
    extract = nlp.get_pipe(COMPONENT)
    for d, parts in zip(docs, pieces, strict=True):
        parsed = [next(stream) for _ in parts]
        if len(parsed) == 1:
            yield parsed[0]
            continue
        for piece in parsed:
            piece.user_data.pop(SKIP)  # not carried into the whole (spaCy warns of it)
        # the pieces' tensors (the tok2vec output, 96 floats a token) serve no rule: leaving
        # them out of the whole keeps a 2 MB article's memory at half
        whole = Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor"])
        del parsed
        whole._.graphkit_document = d
        yield extract(whole, **settings)


def _pipe(
    nlp: Language,
    docs: Iterable[Doc],
    batch_size: int,
    budget: int,
    component_cfg: dict[str, dict[str, Any]],
) -> Iterator[Doc]:
    """``nlp.pipe`` over ``docs`` in batches of at most ``batch_size`` documents and, past the
    first one, ``budget`` characters: the pieces of a long document are not all parsed at
    once, so memory stays bounded (a 1 MB article in one batch took 3.3 GB)."""
    group: list[Doc] = []
    chars = 0
    for doc in docs:
        if group and (len(group) >= batch_size or chars + len(doc.text) > budget):
            yield from nlp.pipe(group, batch_size=len(group), component_cfg=component_cfg)
            group, chars = [], 0
        group.append(doc)
        chars += len(doc.text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group), component_cfg=component_cfg)


def extract_batch(
    docs: list[Document],
    *,
    onto: Ontology,
    nlp: Language,
    hierarchy: bool,
    batch_size: int,
    chunk_chars: int,
    time_limit: float | None = None,
) -> list[Extraction | Failed]:
    """Parse and extract a list of documents (the unit of work for every backend). A
    document whose extraction runs over ``time_limit`` seconds is a :class:`Failed` record;
    parsing is spaCy's and linear in the length, so the limit covers graphkit's rules."""
    settings = {"hierarchy": hierarchy, "time_limit": time_limit}
    return [parsed._.graphkit for parsed in _parse(nlp, docs, batch_size, chunk_chars, settings)]


#: seconds a worker process gets on top of --doc-timeout per document (to start, to send back)
WORKER_SLACK = 30.0
#: --jobs 1 with a time limit also parses in one watched worker process
WATCH_JOBS_1 = True


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL every worker of ``pool`` (a stopped process dies too), so that shutting the
    pool down never waits on one."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError):
            proc.kill()


def _close(pool: ProcessPoolExecutor, futures: list[Any]) -> None:
    """Shut ``pool`` down: waiting for it when every future is done (so that its management
    thread has ended before the interpreter exits, which otherwise may print an ignored
    "Bad file descriptor" from concurrent.futures at exit), not waiting when a worker was
    killed or results were left behind."""
    done = all(f.done() for f in futures)
    pool.shutdown(wait=done, cancel_futures=True)


def _batches(docs: list[Document], size: int) -> list[list[Document]]:
    return [docs[i : i + size] for i in range(0, len(docs), size)]


# worker processes forked from the builder inherit its loaded model through this global
_FORKED: dict[str, Any] = {}


def _forked_batch(docs: list[Document]) -> list[Extraction | Failed]:
    return extract_batch(docs, **_FORKED)


def load_nlp(onto: Ontology, model: str | None = None) -> Language:
    """The spaCy pipeline with graphkit's components (spaCy is imported on first use)."""
    from .nlp import load_nlp as load

    return load(onto, model)


def _spawned_init(ontology: tuple[str, ...], model: str, options: dict[str, Any]) -> None:
    onto = load_ontology(ontology)
    _FORKED.update(onto=onto, nlp=load_nlp(onto, model), **options)


def dask_batch(
    docs: list[Document], *, ontology: tuple[str, ...], model: str, options: dict[str, Any]
) -> list[Extraction | Failed]:
    """The Dask task: load (once per worker process) the model and ontology, then extract."""
    onto = load_ontology(ontology)
    return extract_batch(docs, onto=onto, nlp=load_nlp(onto, model), **options)


class _Extractor:
    """Runs extraction for the documents that need it, locally, in processes or on Dask."""

    def __init__(
        self,
        onto: Ontology,
        ontology_dirs: tuple[str, ...],
        model: str,
        options: dict[str, Any],
        jobs: int,
        dask: str | None,
    ) -> None:
        self.onto, self.ontology_dirs, self.model = onto, ontology_dirs, model
        self.options, self.jobs, self.dask = options, max(1, jobs), dask

    def run(self, docs: list[Document], batch: int) -> Iterator[Extraction | Failed]:
        batches = _batches(docs, batch)
        if not batches:
            return  # all from the cache: no model is loaded, no worker started
        if self.dask:
            yield from self._dask(batches)
        elif (self.jobs > 1 and len(batches) > 1) or self._watched():
            yield from self._processes(batches)
        else:
            nlp = load_nlp(self.onto, self.model)
            for b in batches:
                yield from extract_batch(b, onto=self.onto, nlp=nlp, **self.options)

    def _processes(self, batches: list[list[Document]]) -> Iterator[Extraction | Failed]:
        """Batches in worker processes, results in document order. A worker that dies (killed,
        or by the out-of-memory killer) breaks the pool: the batches not yet done are run
        again, one document at a time, in a fresh pool, so that only the document whose
        worker dies again is lost (a Failed record); the build goes on."""
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods:
            # load once here; the forked workers share it copy-on-write
            _FORKED.update(onto=self.onto, nlp=load_nlp(self.onto, self.model), **self.options)
        # what exists now (the model, the ontology) is never garbage: frozen, a worker's garbage
        # collections do not walk it, so they neither copy its pages nor spend time on it
        gc.freeze()
        try:
            done = 0
            pool = self._pool()
            futures: list[Any] = []
            try:
                futures = [pool.submit(_forked_batch, b) for b in batches]
                for future, b in zip(futures, batches, strict=True):
                    # the watchdog: a worker that sends nothing back within the batch's time
                    # (stopped with SIGSTOP, or stuck where the in-process limit cannot reach)
                    # is killed, and the batch's documents are tried one by one
                    yield from future.result(timeout=self._deadline(len(b)))
                    done += 1
            except (BrokenProcessPool, FuturesTimeout):
                _kill_workers(pool)
            finally:
                _close(pool, futures)
            for doc in (d for b in batches[done:] for d in b):
                yield self._alone(doc)
        finally:
            gc.unfreeze()
            _FORKED.clear()

    def _watched(self) -> bool:
        """Whether one worker process runs the documents even with ``--jobs 1``: with a time
        limit, so that the watchdog can stop a document whatever holds it (the in-process
        limit cannot interrupt spaCy's parser). Needs fork, and a process with no other
        thread (forking a threaded one, a notebook kernel, is unsafe: it builds in-process)."""
        return (
            WATCH_JOBS_1
            and self.options.get("time_limit") is not None
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
        )

    def _deadline(self, docs: int) -> float | None:
        """Seconds a worker may take for ``docs`` documents before the watchdog kills it."""
        limit = self.options.get("time_limit")
        return None if limit is None else limit * docs + WORKER_SLACK

    def _pool(self) -> ProcessPoolExecutor:
        if "fork" in multiprocessing.get_all_start_methods():
            return ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"))
        init = (self.ontology_dirs, self.model, self.options)  # pragma: no cover - macOS/Windows
        return ProcessPoolExecutor(
            self.jobs, mp_context=multiprocessing.get_context("spawn"),
            initializer=_spawned_init, initargs=init,
        )  # fmt: skip

    def _alone(self, doc: Document) -> Extraction | Failed:
        """One document in a worker process of its own (after a worker died)."""
        pool = self._pool()
        future = pool.submit(_forked_batch, [doc])
        try:
            (found,) = future.result(timeout=self._deadline(1))
            return found
        except BrokenProcessPool:
            return Failed(doc, "its worker process died (killed, or out of memory)")
        except FuturesTimeout:
            _kill_workers(pool)
            limit = self.options.get("time_limit")
            return Failed(
                doc, f"its worker sent nothing back within {limit:g} s (--doc-timeout): killed"
            )
        finally:
            _close(pool, [future])

    def _dask(self, batches: list[list[Document]]) -> Iterator[Extraction | Failed]:
        client, cluster = _dask_client(self.dask or "", self.jobs)
        try:
            task = partial(
                dask_batch, ontology=self.ontology_dirs, model=self.model, options=self.options
            )
            futures = client.map(task, batches, pure=False)
            for future in futures:  # in document order, whichever finishes first
                yield from future.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


#: seconds to wait for a Dask scheduler before giving up
DASK_CONNECT_TIMEOUT = 10


def _dask_client(address: str, jobs: int) -> tuple[Any, Any]:
    """A Dask client for ``address`` (or a local cluster of ``jobs`` processes for "local").
    A missing Dask, a malformed address or an unreachable scheduler is one GraphkitError."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise GraphkitError("--dask needs Dask: pip install 'graphkit-news[dask]'") from None
    if address == "local":
        cluster = LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout=DASK_CONNECT_TIMEOUT), None
    except (OSError, ValueError, TypeError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphkitError(f"--dask {address}: cannot use this scheduler ({reason})") from None


def _model_version(model_name: str, onto: Ontology) -> str:
    try:
        return metadata.version(model_name)
    except metadata.PackageNotFoundError:  # a model given as a path
        return str(load_nlp(onto, model_name).meta.get("version", ""))


# ---------------------------------------------------------------------- build
def build(
    inputs: Iterable[str | Path | Document],
    *,
    model: str | None = None,
    ontology: Iterable[str | Path] = (),
    batch_size: int = 32,
    report: Reporter | None = None,
    hierarchy: bool = True,
    max_chars: int = MAX_CHARS,
    chunk_chars: int | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    jobs: int = 1,
    cache: str | Path | None = None,
    dask: str | None = None,
    progress: bool = False,
    doc_timeout: float | None = DOC_TIMEOUT,
    language: str = "en",
) -> KnowledgeGraph:
    """Build a KnowledgeGraph from article files (.txt, .html, .jsonl), folders (searched for
    ``globs``), ``"-"`` (standard input) or Documents.

    - A document that cannot be read (missing, empty, binary, not UTF-8, over ``max_chars``,
      a duplicate id, an unknown file type) is reported (``report`` gets one line each) and
      skipped; it is listed in ``kg.errors`` and the rest is built. When nothing at all can be
      built, InputError is raised. A text longer than ``chunk_chars`` (default
      ``CHUNK_CHARS``, 100,000 characters) is parsed in pieces cut at line breaks.
    - ``jobs``: worker processes for parsing and extraction; ``dask``: the address of a Dask
      scheduler (``"tcp://host:8786"``) or ``"local"`` for a local cluster of ``jobs``
      workers. The graph is the same whichever runs it.
    - ``cache``: a folder of per-document results; unchanged documents are not parsed again.
    - ``hierarchy``: also write built-in ``part_of`` edges ("U.S. forces" part of the United
      States); without it they stay node attributes.
    - ``progress``: a progress bar on standard error.
    - ``language``: ``"en"`` reports and skips a document that is surely in another language
      (graphkit reads English; :mod:`graphkit.ingest.language`); ``"any"`` builds every document.
    - ``doc_timeout``: seconds a document's extraction may take; one that runs over is
      reported and skipped (None: no limit). A worker process that dies (``jobs``) costs
      only the document it was extracting, which is reported and skipped.
    """
    started = time.perf_counter()
    ontology_dirs = tuple(str(Path(p).resolve()) for p in ontology)
    onto = load_ontology(ontology_dirs)
    model_name = resolve_model_name(model)
    common = onto.cue("english_function")
    docs, errors = _collect(_inputs(inputs), max_chars, globs, report, language, common)
    if not docs and errors:
        first = errors[0]["error"]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"nothing to build: {first}{more}")
    if report:
        for e in errors:
            report(f"skipped {e['error']}")
    model_version = _model_version(model_name, onto)
    options = {
        "hierarchy": hierarchy,
        "batch_size": batch_size,
        "chunk_chars": chunk_chars or CHUNK_CHARS,
        "time_limit": doc_timeout,
    }
    results, parsed = _extract_documents(
        docs, errors, onto, ontology_dirs, model_name, model_version, options,
        cache=cache, jobs=jobs, dask=dask, batch_size=batch_size, progress=progress,
        report=report,
    )  # fmt: skip
    generator = {"name": "graphkit", "version": __version__,
                 "model": f"{model_name}-{model_version}", "ontology": onto.version}  # fmt: skip
    meta: dict[str, Any] = {"generator": generator}
    kg = assemble(
        resolve(results, onto),
        errors,
        meta,
        ontology=onto,
        stats={"documents": len(docs), "parsed": parsed, "cached": len(docs) - parsed},
    )
    add_codes(kg.graph, onto)
    weigh_graph(kg, onto)
    kg.meta.update(describe(kg.graph, onto, kg.events))
    kg.elapsed = time.perf_counter() - started
    return KnowledgeGraph.adopt(kg)  # with its tables, queries and exports as methods


def _extract_documents(
    docs: list[Document],
    errors: list[dict[str, str]],
    onto: Ontology,
    ontology_dirs: tuple[str, ...],
    model_name: str,
    model_version: str,
    options: dict[str, Any],
    *,
    cache: str | Path | None,
    jobs: int,
    dask: str | None,
    batch_size: int,
    progress: bool,
    report: Reporter | None,
) -> tuple[list[Extraction], int]:
    """Each document's extraction, from the cache or parsed (by ``jobs`` processes or Dask);
    a document that fails is reported, added to ``errors`` and left out. Returns the
    extractions in document order and how many documents were parsed."""
    store = None
    if cache is not None:
        settings = {"graphkit": __version__, "model": model_name, "model_version": model_version,
                    "ontology": onto.version, "hierarchy": options["hierarchy"]}  # fmt: skip
        store = ExtractionCache(cache, settings, report)
    results: list[Extraction | None] = [store.get(d) if store else None for d in docs]
    todo = [i for i, r in enumerate(results) if r is None]
    bar = _progress(len(docs), progress)
    bar.update(len(docs) - len(todo))
    if todo:
        extractor = _Extractor(onto, ontology_dirs, model_name, options, jobs, dask)
        found = extractor.run([docs[i] for i in todo], batch_size)
        for i, extraction in zip(todo, found, strict=True):
            bar.update(1)
            if isinstance(extraction, Failed):
                where = docs[i].source or docs[i].id
                msg = f"{where}: {extraction.reason}"
                errors.append({"source": where, "error": msg})
                if report:
                    report(f"skipped {msg}")
                continue
            results[i] = extraction
            if store is not None:
                store.put(extraction)
    bar.close()
    if store is not None:
        store.close()
    return [r for r in results if r is not None], len(todo)


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    # no monitor thread: the build forks its watched worker only from a process with no
    # other thread (see _Extractor._watched), and a progress bar must not change that
    tqdm.monitor_interval = 0
    return tqdm(total=total, disable=not enabled, unit="doc", file=sys.stderr, leave=False)
