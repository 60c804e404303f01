"""Per-stage speed of the per-article pipeline on the ANT sample (one core).

    python bench/bench_stages.py [--limit N]

Cleans every article once, then times each stage of the default pipeline over all of them in order
(each stage sees the output of the ones before) and prints articles/s per stage and for the whole
per-article pipeline, plus peak memory. As the engines do: a stage that takes batches (`pipe`) gets
`PIPE_BATCH` articles at a time, and the garbage collector is tuned as `riwaya analyze` tunes it.
"""

from __future__ import annotations

import argparse
import time

from _common import ant_articles, machine, peak_rss_mib

from riwaya.clean import make_articles
from riwaya.engine import tune_gc
from riwaya.ingest.jsonl import record_to_document
from riwaya.pipeline import PIPE_BATCH, Pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    tune_gc()
    t0 = time.perf_counter()
    articles = []
    for i, rec in enumerate(ant_articles()):
        if args.limit and i >= args.limit:
            break
        doc = record_to_document(rec, "ant", f"ant#{i}", i)
        try:
            articles.extend(make_articles(doc))  # type: ignore[arg-type]
        except Exception:  # an unreadable record is skipped, as analyze does
            continue
    clean_s = time.perf_counter() - t0
    n = len(articles)
    print(f"per-article stages on the ANT sample: {n} articles; {machine()}")
    print(f"{'read + clean':22s} {n / clean_s:8.0f} articles/s")
    pipe = Pipeline.from_names()
    total = 0.0
    for stage in pipe.stages:
        batch = getattr(stage, "pipe", None)
        t = time.perf_counter()
        if batch is not None:
            for i in range(0, n, PIPE_BATCH):
                batch(articles[i : i + PIPE_BATCH])
        else:
            for a in articles:
                stage(a)
        dt = time.perf_counter() - t
        total += dt
        print(f"{stage.name:22s} {n / dt:8.0f} articles/s  ({dt:.1f} s)")
    print(f"{'all stages':22s} {n / total:8.0f} articles/s;  with reading and cleaning {n / (total + clean_s):.0f}/s")
    print(f"peak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
