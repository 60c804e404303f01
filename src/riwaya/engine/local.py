"""The local executor: read each input, clean it, run the per-article stages, store the articles.

One input is one unit of work and of bookkeeping: its articles are written in batches and the input
is recorded as done at the end, so a killed run resumes at the first input not recorded.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .. import __version__
from ..clean import make_articles
from ..ingest import Input, Limits, Problem
from ..ingest.base import ReadError
from ..model import Article
from ..pipeline import PIPE_BATCH, Pipeline
from ..resources import path as resource_path
from ..store import Store
from ..store.sqlite import Prepared

Analysed = Article | Prepared  # what the stages give back: the article, or its rows from a worker process
BATCH = 200  # articles per transaction for inputs that hold many (JSONL, WARC, feeds)


@dataclass
class Summary:
    inputs: int = 0
    read: int = 0  # inputs that gave at least one article
    unchanged: int = 0  # inputs skipped because the store already holds them as they are
    skipped: list[str] = field(default_factory=list)  # inputs that gave nothing, with the reason
    problems: list[str] = field(default_factory=list)  # every message, including per-line ones
    articles: int = 0  # articles produced in this run
    stored: int = 0  # of which new to the store
    retired: int = 0  # articles an input gave before but no longer gives
    refurnished: int = 0  # articles cleaned again for furniture the corpus showed

    @property
    def exit_code(self) -> int:
        return 2 if self.skipped or self.problems else 0


def pipeline_version(pipeline: Pipeline) -> str:
    """Changes when the code version, the stages or any shipped resource changes: inputs are re-read."""
    h = hashlib.sha256(f"{__version__}|{','.join(pipeline.names)}".encode())
    root = resource_path()
    for file in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(file.relative_to(root)).encode())
        h.update(file.read_bytes())
    return h.hexdigest()[:16]


class _Serial:
    """Runs the per-article stages in this process."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def map(self, articles: list[Article]) -> list[Article]:
        return list(self.pipeline.pipe(articles))

    def close(self) -> None:
        pass


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(names: list[str]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline.from_names(names)


def _run_batch(articles: list[Article]) -> list[Prepared]:
    assert _WORKER_PIPELINE is not None
    return [Store.prepare(a) for a in _WORKER_PIPELINE.pipe(articles)]  # rows: cheaper to send than spans


class _Pool:
    """Runs the per-article stages on several cores; the stages are pure, so results are those of one
    process, in the same order."""

    def __init__(self, pipeline: Pipeline, workers: int):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.executor = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"),
                                            initializer=_init_worker, initargs=(pipeline.names,))
        self.workers = workers

    def map(self, articles: list[Article]) -> list[Prepared]:
        return self.submit(articles)()

    def submit(self, articles: list[Article]) -> Callable[[], list[Prepared]]:
        """Start the stages over a batch; the returned function waits for the results (in order). The
        caller writes the previous batch meanwhile: the workers do not wait for the store."""
        size = min(PIPE_BATCH, max(1, len(articles) // (self.workers * 4)))
        batches = [articles[i : i + size] for i in range(0, len(articles), size)]
        running = self.executor.map(_run_batch, batches)  # submits every batch now
        return lambda: [a for batch in running for a in batch]

    def close(self) -> None:
        self.executor.shutdown()


@dataclass
class _Pending:
    """An input read and cleaned, waiting for its articles to go through the stages and into the store."""

    inp: Input
    fingerprint: str | None
    previous: set[str]
    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    keep: set[str] = field(default_factory=set)
    complete: bool = False


def analyze(
    inputs: Iterable[Input],
    store: Store,
    pipeline: Pipeline,
    *,
    limits: Limits | None = None,
    report: Callable[[str], None] | None = None,
    on_input: Callable[[Input], None] | None = None,
    workers: int = 1,
    runner: object | None = None,
) -> Summary:
    """Read, clean and analyse `inputs` into `store`. With `workers` > 1 the per-article stages run in a
    process pool; articles from several small inputs are batched so that every core has work."""
    limits = limits or Limits()
    say = report or (lambda msg: print(msg, file=sys.stderr))
    version = pipeline_version(pipeline)
    summary = Summary()
    own = runner is None  # a runner handed in (Spark) stays open for the corpus stages; its owner closes it
    if runner is None:
        runner = _Pool(pipeline, workers) if workers > 1 else _Serial(pipeline)
    queue: list[_Pending] = []
    # the batch in the workers: its inputs with their articles and whether each input was complete
    in_flight: list[tuple[list[tuple[_Pending, int, bool]], Callable[[], list[Analysed]]]] = []

    def write(batch: list[tuple[_Pending, int, bool]], results: Callable[[], list[Analysed]]) -> None:
        done = iter(results())
        for p, count, complete in batch:
            analysed = [next(done) for _ in range(count)]
            if analysed:
                summary.stored += store.write_articles(p.inp.origin, analysed)
                summary.articles += len(analysed)
                p.keep.update(a.id for a in analysed)
            if complete:
                _finish(p, version, store, summary, say)

    def flush(final: bool = False) -> None:
        todo = [a for p in queue for a in p.articles]
        batch = [(p, len(p.articles), p.complete) for p in queue]
        submit = getattr(runner, "submit", None)
        if not todo:
            results: Callable[[], list[Analysed]] = list
        elif submit is not None:
            results = submit(todo)
        else:
            ready = runner.map(todo)
            results = lambda: ready  # noqa: E731
        for p in queue:
            p.articles = []
        queue[:] = [p for p in queue if not p.complete]
        if in_flight:  # written while the workers compute the batch just submitted
            write(*in_flight.pop())
        in_flight.append((batch, results))
        if final:
            write(*in_flight.pop())

    try:
        for inp in inputs:
            summary.inputs += 1
            if on_input:
                on_input(inp)
            if inp.problems:  # missing or unsupported: nothing to read
                for p in inp.problems:
                    summary.skipped.append(str(p))
                    say(f"skipped {p}")
                continue
            fp = inp.fingerprint()
            if store.input_done(inp.origin, fp, version):
                summary.unchanged += 1
                continue
            pending = _Pending(inp, fp, store.begin_input(inp.origin))
            queue.append(pending)
            for item in inp.read(limits):
                if isinstance(item, Problem):
                    pending.problems.append(str(item))
                    continue
                # an article's own text is bounded; HTML may carry four times as much markup
                if len(item.content) > limits.max_article_chars * (4 if item.kind == "html" else 1):
                    pending.problems.append(str(Problem(item.source, f"{len(item.content):,} characters is too long "
                                                       "for one article; refused")))
                    continue
                try:
                    arts = make_articles(item)
                except ReadError as e:
                    pending.problems.append(str(Problem(item.source, str(e))))
                    continue
                for a in arts:
                    if len(a.text) > limits.max_article_chars:
                        pending.problems.append(str(Problem(item.source, f"{len(a.text):,} characters of text is "
                                                           "too long for one article; refused")))
                    else:
                        pending.articles.append(a)
                if sum(len(p.articles) for p in queue) >= BATCH:
                    flush()
            pending.complete = True
            if sum(len(p.articles) for p in queue) >= BATCH or len(queue) >= BATCH:
                flush()
        flush(final=True)
        if summary.stored or summary.retired:
            # furniture only the corpus shows, now that the run's articles are in: the articles that hold it
            # go through the stages again, on the workers still running
            from .corpus import refurnish

            summary.refurnished = refurnish(store, runner.map)
    finally:
        if own:
            runner.close()
    return summary


def _finish(p: _Pending, version: str, store: Store, summary: Summary, say: Callable[[str], None]) -> None:
    for msg in p.problems:
        say(f"skipped {msg}")
    summary.problems.extend(p.problems)
    if p.keep:
        summary.read += 1
        status = "partial" if p.problems else "ok"
    else:
        status = "skipped"
        summary.skipped.append(p.problems[0] if p.problems else f"{p.inp.origin}: no articles")
    summary.retired += store.finish_input(p.inp.origin, p.fingerprint, version, status, p.keep, p.problems,
                                          p.previous)
