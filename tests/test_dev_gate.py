"""Regression gate: the dev stories and the project's own attribution set, analysed and scored by
../shared/eval/score_story.py, stay above the floors recorded in dev_floor.json (as the seeds gate does)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

HERE = Path(__file__).parent
FLOORS = json.loads((HERE / "dev_floor.json").read_text(encoding="utf-8"))
SCORER = SHARED / "eval" / "score_story.py"
SETS = {"dev": sorted((SHARED / "gold" / "dev").glob("*.gold.json")),
        "own": sorted((HERE / "data" / "attribution").glob("*.gold.json"))}


@pytest.fixture(scope="module", params=sorted(SETS))
def means(request: pytest.FixtureRequest) -> tuple[str, dict[str, float]]:
    if not SCORER.is_file() or not SETS["dev"]:
        pytest.skip(f"the story scorer and dev golds are not beside the repository ({SHARED})")
    # the scorer runs `riwaya analyze`: the one installed beside this interpreter
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, str(SCORER), *map(str, SETS[request.param]), "--json"],
                          capture_output=True, text=True, timeout=1200, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return request.param, json.loads(proc.stdout)["mean"]


def test_means_are_not_below_their_floors(means: tuple[str, dict[str, float]]) -> None:
    name, got = means
    low = {k: round(got[k], 3) for k, floor in FLOORS[name].items() if got[k] < floor}
    assert not low, f"{name}: below the floors {FLOORS[name]}: {low}"
