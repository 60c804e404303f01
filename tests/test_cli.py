"""The command line, run as a user runs it: real files, a real store on disk, real exit codes."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path


def test_rerun_into_the_same_store_changes_nothing(riwaya, seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = riwaya("analyze", str(seeds_dir), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "read 5 of 5 inputs" in first.stderr and "6 new" in first.stderr
    again = riwaya("analyze", str(seeds_dir), "--db", str(db), "--json", str(tmp_path / "s.json"))
    assert again.returncode == 0
    assert "5 unchanged" in again.stderr and "0 new" in again.stderr and "6 in" in again.stderr
    assert len(json.loads((tmp_path / "s.json").read_text("utf-8"))["articles"]) == 6


def test_messy_folder_runs_through_and_names_every_bad_file(riwaya, seeds_dir: Path, tmp_path: Path) -> None:
    mess = tmp_path / "mess"
    mess.mkdir()
    (mess / "random.bin.txt").write_bytes(bytes(range(256)) * 64)
    (mess / "empty.txt").write_bytes(b"")
    (mess / "broken.html").write_text("<html><body><div><p></div></sp", encoding="utf-8")
    (mess / "fake.jsonl.gz").write_text('{"text": "ليس مضغوطاً"}\n', encoding="utf-8")
    legacy = (
        "أعلنت وزارة الصحة ارتفاع حصيلة ضحايا انفجار الميناء إلى أربعة عشر قتيلاً واثنين وخمسين جريحاً، "
        "وقال المتحدث باسم الوزارة إن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض."
    )
    (mess / "legacy.txt").write_bytes(legacy.encode("cp1256"))
    shutil.copy(seeds_dir / "004_7991aee8cf547fe7.txt", mess / "good.txt")
    db, out = tmp_path / "m.db", tmp_path / "m.json"
    proc = riwaya("analyze", str(mess), "--db", str(db), "--json", str(out))
    assert proc.returncode == 2, proc.stderr
    for name in ("random.bin.txt", "empty.txt", "broken.html", "fake.jsonl.gz"):
        assert any(name in line for line in proc.stderr.splitlines() if line.startswith("skipped")), name
    texts = [a["text"] for a in json.loads(out.read_text("utf-8"))["articles"]]
    assert any(legacy in t for t in texts)
    assert any("هل تفتح عملية إدلب" in t for t in texts)
    assert len(texts) == 2
    # and nothing stored is lost when the same store gets another run
    more = riwaya("analyze", str(seeds_dir), "--db", str(db))
    assert more.returncode == 0
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2 + 5


def test_jsonl_gz_with_bad_lines(riwaya, tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl.gz"
    good = {
        "title": "عنوان",
        "maintext": "نفت الرئاسة وجود أي تعاون سري مع التحالف الدولي قبل عام 2024.",
        "source_domain": "sana.sy",
        "date_publish": "2025-11-15 10:00:00",
    }
    with gzip.open(f, "wt", encoding="utf-8") as g:
        g.write(json.dumps(good, ensure_ascii=False) + "\n{broken\n")
    proc = riwaya("analyze", str(f), "--db", str(tmp_path / "j.db"), "--json", str(tmp_path / "j.json"))
    assert proc.returncode == 2 and f"{f}:2: malformed JSON" in proc.stderr
    (a,) = json.loads((tmp_path / "j.json").read_text("utf-8"))["articles"]
    assert a["outlet"] == "سانا" and a["published"] == "2025-11-15" and a["published_basis"] == "metadata"


def test_url_input(riwaya, http_server, tmp_path: Path, article_ar: str) -> None:
    base, pages = http_server
    pages["/a"] = (
        f"<html><head><title>الداخلية تنفي</title></head><body><article><h1>الداخلية تنفي</h1>"
        f"<p>{article_ar}</p></article></body></html>".encode(),
        "text/html; charset=utf-8",
    )
    proc = riwaya(
        "analyze", f"{base}/a", f"{base}/nothing", "--db", str(tmp_path / "u.db"), "--json", str(tmp_path / "u.json")
    )
    assert proc.returncode == 2 and f"{base}/nothing: HTTP 404" in proc.stderr
    (a,) = json.loads((tmp_path / "u.json").read_text("utf-8"))["articles"]
    assert a["source"] == f"{base}/a" and "نفت وزارة الداخلية" in a["text"]


def test_export_command(riwaya, seeds_export: dict, tmp_path: Path) -> None:
    out = tmp_path / "e.json"
    proc = riwaya("export", "--db", seeds_export["_db"], "--format", "json", "-o", str(out))
    assert proc.returncode == 0
    doc = json.loads(out.read_text("utf-8"))
    assert [a["id"] for a in doc["articles"]] == [a["id"] for a in seeds_export["articles"]]
    # written item by item: every section of the analysis' own export, and the same on standard output
    assert doc == {k: v for k, v in seeds_export.items() if not k.startswith("_")}
    assert f"6 articles exported to {out}" in proc.stderr
    stdout = riwaya("export", "--db", seeds_export["_db"])
    assert stdout.returncode == 0 and json.loads(stdout.stdout) == doc
    # the articles' lines made on two processes or on this one: the same bytes
    one, two = (riwaya("export", "--db", seeds_export["_db"], "--workers", n).stdout for n in ("1", "2"))
    assert one == two == stdout.stdout
    missing = riwaya("export", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and "no such store" in missing.stderr


def test_demo_on_the_example_corpus(riwaya, tmp_path: Path, examples_dir: Path) -> None:
    proc = riwaya("demo", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert f"demo export: {tmp_path / 'demo.json'}" in proc.stdout
    doc = json.loads((tmp_path / "demo.json").read_text("utf-8"))
    files = {p.name for p in examples_dir.iterdir()}
    assert 10 <= len(files) <= 20
    parts = [(Path(a["source"]).name, a["part"]) for a in doc["articles"]]
    assert any(part == 1 for _, part in parts)  # the page with a second article
    assert all(
        a["text"] and "جميع الحقوق محفوظة" not in a["text"] and "كلمات دلالية" not in a["text"] for a in doc["articles"]
    )


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text("utf-8")
    blocks = readme.split("```")
    first, second = blocks[1].strip().splitlines()[-1], blocks[3].strip().splitlines()[-1]
    assert "riwaya demo" in first and "pytest" in second
    assert readme.index("```") < readme.index("\n## ")  # before any other section
    assert second in (repo_root / ".ci" / "run").read_text("utf-8")


def test_readme_first_command_works_in_a_clean_copy(repo_root: Path, tmp_path: Path) -> None:
    """The README's first command, run in a copy of the tracked tree (a clean clone) with a fresh venv."""
    import subprocess

    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=repo_root, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    clone = tmp_path / "clone"
    for name in files:
        src = repo_root / name
        if src.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, clone / name)
    command = (repo_root / "README.md").read_text("utf-8").split("```")[1].strip().splitlines()[-1]
    proc = subprocess.run(["bash", "-c", command], cwd=clone, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "demo export:" in proc.stdout and "15 articles" in proc.stderr


def test_same_input_same_export_in_any_process(seeds_dir: Path, tmp_path: Path) -> None:
    """Hash randomisation must not change any result (ids, entities, claims, contradictions, reuse)."""
    import os
    import subprocess
    import sys

    docs = []
    for seed in ("1", "2"):
        out = tmp_path / f"e{seed}.json"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "riwaya.cli",
                "analyze",
                str(seeds_dir),
                "--db",
                str(tmp_path / f"{seed}.db"),
                "--json",
                str(out),
            ],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            timeout=300,
        )
        docs.append(json.loads(out.read_text("utf-8")))
    for section in ("articles", "entities", "attributions", "claims", "contradictions", "events", "reuse", "stories"):
        assert docs[0][section] == docs[1][section], section


def test_workers_do_not_change_results(riwaya, seeds_dir: Path, examples_dir: Path, tmp_path: Path) -> None:
    docs = []
    for w in ("1", "2"):
        out = tmp_path / f"w{w}.json"
        proc = riwaya(
            "analyze",
            str(seeds_dir),
            str(examples_dir),
            "--db",
            str(tmp_path / f"w{w}.db"),
            "--json",
            str(out),
            "--workers",
            w,
        )
        assert proc.returncode == 0, proc.stderr
        docs.append(json.loads(out.read_text("utf-8")))
    assert docs[0] == docs[1]
