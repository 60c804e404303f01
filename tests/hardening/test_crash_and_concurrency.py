"""A run killed part-way and started again ends as a clean run; two writers on one store both finish."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CITIES = ["دمشق", "حلب", "حمص", "بيروت", "عمان", "بغداد", "القاهرة", "تونس", "الرباط", "صنعاء"]
SPEAKERS = ["وزير الداخلية", "المتحدث باسم الحكومة", "مصدر أمني", "المحلل السياسي سامر الخطيب", "وكالة رويترز"]


def corpus(folder: Path, n: int) -> Path:
    """n short, distinct Arabic news articles, one file each (written for the test)."""
    folder.mkdir()
    for i in range(n):
        city, speaker = CITIES[i % len(CITIES)], SPEAKERS[i % len(SPEAKERS)]
        text = (f"اجتماع طارئ في {city} لبحث الملف رقم {i}\n"
                f"قال {speaker} إن الاجتماع الذي عقد في {city} يوم الأحد ناقش الملف رقم {i} وأكد ضرورة "
                f"متابعة التحقيق حتى نهايته.\nوأضاف أن اللجنة ستقدم تقريرها خلال {i % 28 + 2} يوما.")
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def analyze(db: Path, src: Path, out: Path | None = None, workers: str = "1") -> subprocess.Popen:
    args = [sys.executable, "-m", "riwaya.cli", "analyze", str(src), "--db", str(db), "--workers", workers]
    if out is not None:
        args += ["--json", str(out)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def rows(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("articles", "spans", "entities", "claims", "sources")}


@pytest.mark.slow
def test_killed_run_resumes_to_the_clean_result(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 1500)
    clean_db, clean_out = tmp_path / "clean.db", tmp_path / "clean.json"
    assert analyze(clean_db, src, clean_out).wait(timeout=900) == 0
    db, out = tmp_path / "killed.db", tmp_path / "killed.json"
    proc = analyze(db, src)
    deadline = time.time() + 600
    while time.time() < deadline and proc.poll() is None:  # kill once some work is committed, well before the end
        time.sleep(0.1)
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if n >= 100:
                break
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < partial < 1500
    assert analyze(db, src, out).wait(timeout=900) == 0
    assert rows(db) == rows(clean_db)
    a, b = json.loads(out.read_text("utf-8")), json.loads(clean_out.read_text("utf-8"))
    for section in ("articles", "entities", "attributions", "claims", "events"):
        assert a[section] == b[section], section


def test_two_writers_on_one_store(tmp_path: Path) -> None:
    one, two = corpus(tmp_path / "one", 60), tmp_path / "two"
    two.mkdir()
    for f in sorted(one.iterdir())[:30]:
        (two / f"b{f.name}").write_text(f.read_text("utf-8").replace("اجتماع", "لقاء"), encoding="utf-8")
    db = tmp_path / "shared.db"
    procs = [analyze(db, one), analyze(db, two)]
    codes = [p.wait(timeout=600) for p in procs]
    assert codes == [0, 0], [p.stderr.read().decode()[-2000:] for p in procs]
    counts = rows(db)
    assert counts["articles"] == 90 and counts["sources"] == 90
