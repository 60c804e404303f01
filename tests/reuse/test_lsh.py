"""MinHash LSH over paragraphs and whole articles: copies and near copies, found incrementally from the
bands kept in a real SQLite store, with a sliding window."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from riwaya.reuse import lsh
from riwaya.store.sqlite import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

REPORT = "\n".join([
    "كشفت صحيفة الفجر في تقرير موسع نشرته صباح اليوم أن وزارة الداخلية تلقت تحذيرات مكتوبة من انفجار ميناء "
    "الريان قبل ثلاثة أشهر من وقوعه وأن المسؤولين تجاهلوا تلك التحذيرات رغم تكرارها.",
    "وأضافت الصحيفة نقلا عن مصادر مطلعة أن لجنة السلامة في الميناء رفعت ثلاثة تقارير متتالية عن تخزين مواد "
    "قابلة للاشتعال في العنبر الثاني دون أي إجراءات وقائية أو رقابة من الجهات المختصة.",
    "وقال خبراء في السلامة الصناعية إن الكارثة كان يمكن تفاديها لو نقلت المواد إلى مستودعات بعيدة عن الأحياء "
    "السكنية كما أوصت التقارير السابقة التي اطلعت عليها الصحيفة.",
])
OTHER = "\n".join([
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم مزارعي القمح في المحافظات الجنوبية تشمل توزيع البذور المحسنة "
    "مجانا وتقديم قروض ميسرة لشراء معدات الري الحديثة خلال الموسم المقبل.",
    "وأوضح وزير الزراعة في مؤتمر صحفي أن الخطة تهدف إلى رفع الإنتاج المحلي بنسبة عشرين في المئة خلال ثلاث "
    "سنوات وتقليل الاعتماد على الاستيراد الذي يستنزف العملة الصعبة.",
])


def reworded(text: str, drop: int, seed: int = 3) -> str:
    """The text with `drop` words removed here and there, line by line (a lightly edited copy)."""
    rng = random.Random(seed)
    out = []
    for line in text.split("\n"):
        words = line.split()
        for _ in range(drop):
            words.pop(rng.randrange(1, len(words) - 1))
        out.append(" ".join(words))
    return "\n".join(out)


@pytest.fixture
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "lsh.db")
    store.conn.execute("PRAGMA foreign_keys=OFF")  # documents only: no analysed articles behind them
    yield store.conn
    store.close()


def pairs(conn) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(r[0], r[1], r[2]) for r in conn.execute("SELECT a_article, b_article, kind FROM passage_reuse")}


def test_a_copy_and_a_lightly_edited_copy_are_found_whole(conn) -> None:  # type: ignore[no-untyped-def]
    lsh.index(conn, [lsh.Doc("a", REPORT), lsh.Doc("b", REPORT), lsh.Doc("c", reworded(REPORT, 1)),
                     lsh.Doc("d", OTHER)])
    found = pairs(conn)
    assert ("a", "b", "copy") in found and ("a", "c", "near_copy") in found and ("b", "c", "near_copy") in found
    assert not any("d" in p[:2] for p in found)
    # a whole-article pair makes its paragraph pairs redundant: one row per article pair
    assert len(found) == len(conn.execute("SELECT * FROM passage_reuse").fetchall()) == 3


def test_a_paragraph_taken_into_another_article_is_found_alone(conn) -> None:  # type: ignore[no-untyped-def]
    mixed = OTHER + "\n" + REPORT.split("\n")[1]
    lsh.index(conn, [lsh.Doc("report", REPORT), lsh.Doc("mixed", mixed)])
    (row,) = conn.execute("SELECT a_article, a_start, a_end, b_article, b_start, b_end, kind FROM passage_reuse")
    assert row[0] == "mixed" and row[3] == "report" and row[6] == "copy"
    assert mixed[row[1] : row[2]] == REPORT[row[4] : row[5]] == REPORT.split("\n")[1]


def test_heavily_rewritten_text_is_not_a_near_copy(conn) -> None:  # type: ignore[no-untyped-def]
    lsh.index(conn, [lsh.Doc("a", REPORT), lsh.Doc("b", reworded(REPORT, 8))])
    assert pairs(conn) == set()


def test_a_second_run_hashes_only_its_new_articles(conn) -> None:  # type: ignore[no-untyped-def]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    lsh.index(conn, [lsh.Doc(k, v) for k, v in texts.items()] + [lsh.Doc("report", REPORT)])
    before = conn.execute("SELECT COUNT(*) FROM lsh_passages").fetchone()[0]
    # the same articles again change nothing; a new copy is found against the stored bands
    lsh.index(conn, [lsh.Doc(k, v) for k, v in texts.items()] + [lsh.Doc("copy", reworded(REPORT, 1))])
    assert conn.execute("SELECT COUNT(*) FROM lsh_passages").fetchone()[0] == before + 4
    assert ("copy", "report", "near_copy") in pairs(conn)


def test_the_window_drops_old_bands_but_keeps_what_was_found(conn) -> None:  # type: ignore[no-untyped-def]
    lsh.index(conn, [lsh.Doc("old", REPORT, "2025-01-02"), lsh.Doc("copy", REPORT, "2025-01-03")])
    assert lsh.prune(conn, "2025-02-01") > 0
    assert conn.execute("SELECT COUNT(*) FROM lsh_bands").fetchone()[0] == 0
    assert ("copy", "old", "copy") in pairs(conn)
    lsh.index(conn, [lsh.Doc("late", REPORT, "2025-03-01")])
    assert not any("late" in p[:2] for p in pairs(conn))  # outside the window: nothing to meet


def test_analyze_keeps_the_bands_of_the_window_only(riwaya, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    proc = riwaya("analyze", str(CORPUS), "--db", str(db), "--reuse-window", "1")
    assert proc.returncode == 0, proc.stderr
    store = Store(db)
    days = [r[0] for r in store.conn.execute("SELECT DISTINCT day FROM lsh_passages WHERE day IS NOT NULL")]
    latest = store.conn.execute("SELECT MAX(published) FROM articles").fetchone()[0][:10]
    # the example corpus runs from mid-March to 1 April: a one-day window keeps only the last day's bands
    assert days == [latest] == ["2026-04-01"]
    orphans = store.conn.execute(
        "SELECT COUNT(*) FROM lsh_bands WHERE passage NOT IN (SELECT id FROM lsh_passages)").fetchone()[0]
    store.close()
    assert orphans == 0


def test_a_batch_that_fails_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "tx.db")  # the store's own connection: autocommit mode
    store.conn.execute("PRAGMA foreign_keys=OFF")

    def broken(*_a: object, **_k: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(lsh, "_confirm", broken)
    with pytest.raises(RuntimeError):
        lsh.index(store.conn, [lsh.Doc("a", REPORT), lsh.Doc("b", REPORT)])
    counts = [store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("lsh_done", "lsh_passages", "lsh_bands", "passage_reuse")]
    monkeypatch.undo()
    assert counts == [0, 0, 0, 0]
    # and the next run indexes them from scratch
    lsh.index(store.conn, [lsh.Doc("a", REPORT), lsh.Doc("b", REPORT)])
    assert ("a", "b", "copy") in pairs(store.conn)
    store.close()
