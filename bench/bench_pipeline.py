"""The whole analysis phase by phase: what `riwaya analyze FILE --db DB --json OUT` does, timed.

    python bench/bench_pipeline.py [--input PATH] [--workers N] [--db PATH]

Runs the per-article pass, every corpus stage and the export into a fresh store (the ANT sample by
default) and prints, for each phase, its wall time and articles/s (the corpus stages report their own
steps), then the whole run's articles/s and peak RSS (this process, and the largest of its worker
processes). With two workers or more entity resolution, sentence copies and the term counts run beside
copy detection in a second process: their time is inside the copy-detection line's and the wait after it.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from _common import ANT, machine, peak_rss_mib

from riwaya.engine import tune_gc
from riwaya.engine.corpus import run_corpus_stages
from riwaya.engine.local import analyze
from riwaya.export.json_export import write_export
from riwaya.ingest import discover
from riwaya.pipeline import Pipeline
from riwaya.store import Store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default=str(ANT))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "riwaya-bench-pipeline.db"),
                    help="the store to write (replaced), its export beside it as DB.json")
    args = ap.parse_args()
    tune_gc()  # as `riwaya analyze` does
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    timings: list[tuple[str, float]] = []
    start = time.perf_counter()
    with Store(args.db) as store:
        t = time.perf_counter()
        analyze(discover([args.input]), store, Pipeline.from_names(), workers=args.workers, report=lambda _m: None)
        timings.append(("per-article stages", time.perf_counter() - t))
        n = store.count()
        run_corpus_stages(store, workers=args.workers, on_step=lambda name, secs: timings.append((name, secs)))
        t = time.perf_counter()
        write_export(store, args.db + ".json", args.workers)
        timings.append(("export", time.perf_counter() - t))
    total = time.perf_counter() - start
    print(f"whole analysis of {args.input}: {n} articles, {args.workers} worker(s); {machine()}")
    for name, secs in timings:
        rate = f"{n / secs:8.0f} articles/s" if secs >= 0.05 else "(nothing to do)"
        print(f"{name:58s} {secs:6.1f} s  {rate}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{'whole analysis':58s} {total:6.1f} s  {n / total:8.0f} articles/s")
    print(f"peak RSS: this process {peak_rss_mib():.0f} MiB, largest worker {children:.0f} MiB")


if __name__ == "__main__":
    main()
