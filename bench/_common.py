"""Shared helpers for the benchmarks: finding the ANT sample, timing, peak memory, the machine."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANT = Path(os.environ.get("RIWAYA_ANT", REPO.parent / "shared" / "data" / "ant_sample" / "articles.jsonl"))


def ant_articles(path: Path = ANT) -> Iterator[dict]:
    if not path.is_file():
        raise SystemExit(f"ANT sample not found at {path} (set RIWAYA_ANT)")
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, list[float]]:
    """Median wall time of `repeat` runs, and all of them."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), runs


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    day = time.strftime("%Y-%m-%d")
    return f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {day}"
