"""The SQLite store on disk: migrations, idempotent writes, retiring, search, read-only opening."""

from pathlib import Path

import pytest

from riwaya.model import Article, Span
from riwaya.store import Store, StoreError
from riwaya.store.migrations import available


def art(text: str, source: str = "a.txt", part: int = 0, outlet: str | None = "عربي21") -> Article:
    a = Article(text=text, source=source, part=part, title=text.split("\n")[0], outlet=outlet)
    a.add("sentences", Span(0, len(text.split("\n")[0]), "s", {"n": 1}))
    return a


def test_migrations_are_named_and_applied_once(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as s:
        names = [r[0] for r in s.conn.execute("SELECT name FROM _migrations")]
        assert names == [n for n, _ in available()] and names[0] == "0001_articles"
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db) as s:  # reopening applies nothing twice
        assert s.conn.execute("SELECT COUNT(*) FROM _migrations").fetchone()[0] == len(names)


def test_same_articles_twice_change_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        a, b = art("نفت الرئاسة السورية التقرير."), art("كشفت الصحيفة عن تعاون سري.", part=1)
        assert s.write_articles("a.txt", [a, b]) == 2
        assert s.write_articles("a.txt", [a, b]) == 0
        assert s.count() == 2 and s.count("spans") == 2
        (got, _) = list(s.articles())
        assert got.id == a.id and got.spans("sentences")[0].attrs == {"n": 1}


def test_changed_input_retires_what_it_no_longer_gives(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        old = art("النص القديم للخبر.")
        s.write_articles("a.txt", [old])
        s.finish_input("a.txt", "fp1", "v1", "ok", {old.id}, [], set())
        prev = s.begin_input("a.txt")
        new = art("النص الجديد للخبر بعد التصحيح.")
        s.write_articles("a.txt", [new])
        assert s.finish_input("a.txt", "fp2", "v1", "ok", {new.id}, [], prev) == 1
        assert [a.text for a in s.articles()] == [new.text]
        assert s.search("القديم") == [] and s.search("التصحيح")[0][0] == new.id
        assert s.count("spans") == 1  # the old article's spans went with it


def test_article_given_by_two_inputs_stays_while_one_gives_it(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        a = art("خبر منسوخ في ملفين.")
        s.write_articles("one.txt", [a])
        s.write_articles("two.txt", [a])
        s.finish_input("one.txt", "x", "v", "ok", set(), [], {a.id})
        assert s.count() == 1
        s.finish_input("two.txt", "x", "v", "ok", set(), [], {a.id})
        assert s.count() == 0


def test_input_done_needs_same_fingerprint_and_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        s.finish_input("a.txt", "fp", "v1", "ok", set(), [], set())
        assert s.input_done("a.txt", "fp", "v1")
        assert not s.input_done("a.txt", "fp2", "v1")
        assert not s.input_done("a.txt", "fp", "v2")
        assert not s.input_done("a.txt", None, "v1")  # URLs are always fetched again


@pytest.mark.parametrize(("query", "hit"), [("احمد", True), ("أحمد", True), ("الأمريكية", True), ("ترمب", False)])
def test_search_over_normalised_arabic(tmp_path: Path, query: str, hit: bool) -> None:
    with Store(tmp_path / "s.db") as s:
        s.write_articles("a.txt", [art("التقى الرئيس أحمد الشرع بالإدارة الأمريكية.")])
        assert bool(s.search(query)) is hit


def test_failed_write_rolls_back(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        good = art("خبر سليم.")
        bad = Article(text="x", source="b", part=0)
        bad.layers["broken"] = [object()]  # type: ignore[list-item]
        with pytest.raises(AttributeError):
            s.write_articles("b.txt", [good, bad])
        assert s.count() == 0 and s.integrity() == "ok"


def test_not_a_store_is_named(tmp_path: Path) -> None:
    f = tmp_path / "notes.db"
    f.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: not a usable SQLite store"):
        Store(f)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "absent.db", readonly=True)


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    Store(tmp_path / "s.db").close()
    with Store(tmp_path / "s.db", readonly=True) as s, pytest.raises(StoreError, match="read-only"):
        s.write_articles("a", [art("خبر.")])


def test_articles_stream_a_chunk_at_a_time_with_the_layers_asked(tmp_path: Path) -> None:
    texts = [f"قال الوزير {n} إن الحكومة ستعلن الخطة الجديدة.\nوأضاف أن التنفيذ يبدأ الشهر المقبل." for n in range(7)]
    arts = [art(t, source=f"{n}.txt") for n, t in enumerate(texts)]
    for a in arts:
        a.add("entities", Span(0, 3, "PER", {"key": "name:x"}))
    with Store(tmp_path / "s.db") as s:
        s.write_articles("in", arts)
        order = s.article_ids()
        assert order == [a.id for a in sorted(arts, key=lambda a: (a.source, a.part, a.id))]
        whole = list(s.articles(chunk=3))
        assert [a.id for a in whole] == order and all(set(a.layers) == {"sentences", "entities"} for a in whole)
        only = list(s.articles(layers=("entities",), chunk=2))
        assert [a.id for a in only] == order and all(set(a.layers) == {"entities"} for a in only)
        assert all(not a.layers and a.text for a in s.articles(layers=(), chunk=4))
        picked = [order[5], order[1], order[3]]
        assert [a.id for a in s.articles(ids=picked, chunk=2)] == picked  # the order asked, across chunks
