"""The Spark executor: the same per-article stages, run by Apache Spark (`pip install 'riwaya[spark]'`).

Reading, cleaning and the store stay on the driver; batches of articles go to the cluster with
`parallelize(...).mapPartitions(...)`, each partition building the pipeline once from the stage
names. The stages are pure, so the results are those of the local engine. Corpus stages run on the
driver over the store, except the MinHash hashing of new articles (a map) and claim grouping (a
group-by-key over stories), which Spark runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from ..model import Article
from ..pipeline import Pipeline

_PARTITION_PIPELINE: dict[tuple[str, ...], Pipeline] = {}


def _run_partition(names: tuple[str, ...], articles: Iterator[Article]) -> Iterator[Article]:
    pipe = _PARTITION_PIPELINE.get(names)
    if pipe is None:
        pipe = _PARTITION_PIPELINE[names] = Pipeline.from_names(list(names))
    yield from pipe.pipe(articles)


class SparkMissing(RuntimeError):
    pass


class SparkRunner:
    def __init__(self, pipeline: Pipeline, master: str = "local[2]"):
        try:
            from pyspark import SparkConf, SparkContext
        except ImportError as e:
            raise SparkMissing("the Spark engine needs pyspark: pip install 'riwaya[spark]' (and Java 17)") from e
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        conf = (
            SparkConf()
            .setMaster(master)
            .setAppName("riwaya")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.python.worker.reuse", "true")
            .set("spark.ui.showConsoleProgress", "false")
        )
        self.sc = SparkContext.getOrCreate(conf)
        self.sc.setLogLevel("ERROR")
        self.names = tuple(pipeline.names)
        self.slices = max(2, self.sc.defaultParallelism)

    def map(self, articles: list[Article]) -> list[Article]:
        names = self.names
        rdd = self.sc.parallelize(articles, min(self.slices, max(1, len(articles))))
        return rdd.mapPartitions(lambda it: _run_partition(names, it)).collect()

    def map_each(self, fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        """`fn` over the items on the cluster, results in the items' order."""
        return self.sc.parallelize(items, min(self.slices, max(1, len(items)))).map(fn).collect()

    def group_by_key(self, pairs: list[tuple[str, tuple]], fn: Callable[[str, list[tuple]], Any]) -> list[Any]:
        """A corpus stage as a group-by-key: the values of each key go to one task, `fn(key, values)` runs
        there; results come back in key order (the same order as the local engine's)."""
        rdd = self.sc.parallelize(pairs, min(self.slices, max(1, len(pairs))))
        done = rdd.groupByKey().map(lambda kv: (kv[0], fn(kv[0], list(kv[1])))).collect()
        return [result for _, result in sorted(done, key=lambda kr: kr[0])]

    def close(self) -> None:
        self.sc.stop()
