"""Stories over time, incrementally: a second run adds to the stories of the first without redoing them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def stories(db: Path) -> dict[str, set[str]]:
    rows = sqlite3.connect(db).execute("SELECT story, article FROM story_articles").fetchall()
    out: dict[str, set[str]] = {}
    for s, a in rows:
        out.setdefault(s, set()).add(a)
    return out


def test_seeds_are_one_story_and_a_later_corpus_adds_its_own(riwaya, seeds_dir: Path, examples_dir: Path,
                                                              tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert riwaya("analyze", str(seeds_dir), "--db", str(db)).returncode == 0
    first = stories(db)
    assert len(first) == 1 and len(next(iter(first.values()))) == 6  # five pages and the embedded article
    assert riwaya("analyze", str(examples_dir), "--db", str(db), "--json", str(tmp_path / "e.json")).returncode == 0
    second = stories(db)
    for sid, arts in first.items():
        assert second[sid] == arts  # the earlier story was not recomputed
    port = [s for s in second if s not in first]
    assert port and max(len(second[s]) for s in port) >= 10  # the port explosion told by most example pages
    doc = json.loads((tmp_path / "e.json").read_text("utf-8"))
    assert {s["id"] for s in doc["stories"]} == set(second)
