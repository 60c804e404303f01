"""The Spark engine, for real, in local[2] mode: the same export as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="the spark extra is not installed: pip install -e '.[test,spark]'")


def test_spark_engine_gives_the_local_export(riwaya, seeds_dir: Path, seeds_export: dict, tmp_path: Path) -> None:
    out = tmp_path / "spark.json"
    proc = riwaya("analyze", str(seeds_dir), "--db", str(tmp_path / "spark.db"), "--json", str(out),
                  "--engine", "spark", "--spark-master", "local[2]", timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads(out.read_text("utf-8"))
    for section in ("articles", "entities", "attributions", "claims", "contradictions", "events", "reuse", "stories"):
        assert len(doc[section]) == len(seeds_export[section]), section
        assert doc[section] == seeds_export[section], section


def _summary(key: str, values: list[tuple]) -> tuple[str, int, list[str]]:
    return key, len(values), sorted(v[1] for v in values)


def test_spark_group_by_key_matches_the_local_one() -> None:
    from riwaya.engine.corpus import group_by_key_locally
    from riwaya.engine.spark import SparkRunner
    from riwaya.pipeline import Pipeline

    pairs = [(f"s{i % 7}", ("s", f"بيان {i}")) for i in range(60)]
    runner = SparkRunner(Pipeline.from_names(("sentences",)), "local[2]")
    try:
        assert runner.group_by_key(pairs, _summary) == group_by_key_locally(pairs, _summary)
    finally:
        runner.close()
