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
from ..pipeline import Pipeline
from ..resources import path as resource_path
from ..store import Store

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


def analyze(
    inputs: Iterable[Input],
    store: Store,
    pipeline: Pipeline,
    *,
    limits: Limits | None = None,
    report: Callable[[str], None] | None = None,
    on_input: Callable[[Input], None] | None = None,
) -> Summary:
    limits = limits or Limits()
    say = report or (lambda msg: print(msg, file=sys.stderr))
    version = pipeline_version(pipeline)
    summary = Summary()
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
        _analyze_input(inp, fp, version, store, pipeline, limits, summary, say)
    return summary


def _analyze_input(
    inp: Input,
    fp: str | None,
    version: str,
    store: Store,
    pipeline: Pipeline,
    limits: Limits,
    summary: Summary,
    say: Callable[[str], None],
) -> None:
    previous = store.begin_input(inp.origin)
    keep: set[str] = set()
    problems: list[str] = []
    batch = []
    for item in inp.read(limits):
        if isinstance(item, Problem):
            problems.append(str(item))
            continue
        try:
            arts = make_articles(item)
        except ReadError as e:
            problems.append(str(Problem(item.source, str(e))))
            continue
        for art in arts:
            art = pipeline(art)
            batch.append(art)
            keep.add(art.id)
        if len(batch) >= BATCH:
            summary.stored += store.write_articles(inp.origin, batch)
            summary.articles += len(batch)
            batch = []
    if batch:
        summary.stored += store.write_articles(inp.origin, batch)
        summary.articles += len(batch)
    for msg in problems:
        say(f"skipped {msg}")
    summary.problems.extend(problems)
    if keep:
        summary.read += 1
        status = "partial" if problems else "ok"
    else:
        status = "skipped"
        summary.skipped.append(problems[0] if problems else f"{inp.origin}: no articles")
    summary.retired += store.finish_input(inp.origin, fp, version, status, keep, problems, previous)
