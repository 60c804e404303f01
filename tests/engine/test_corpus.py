"""Corpus stages streamed from the store: copies found corpus-wide, rewrites and claims story by story."""

from __future__ import annotations

from pathlib import Path

from riwaya.engine.corpus import run_corpus_stages, story_outputs
from riwaya.model import Article
from riwaya.pipeline import Pipeline
from riwaya.store import Store

from ..reuse.test_detect import OTHER, REPORT, RETOLD

WIRE = "وأضافت الوكالة أن فرق الإنقاذ انتشلت جثث ثلاثة عمال من تحت الأنقاض بعد ساعات من البحث المتواصل."


def analysed(lines: list[str], source: str, day: str) -> Article:
    return Pipeline.from_names()(Article(text="\n".join(lines), source=source, published=day,
                                         published_basis="metadata", outlet="وكالة الأنباء"))


def test_copies_rewrites_and_claims_come_from_the_streamed_store(tmp_path: Path) -> None:
    arts = [analysed([*REPORT, WIRE], "a", "2025-03-01"), analysed([*RETOLD, OTHER], "b", "2025-03-02"),
            analysed([OTHER, WIRE], "c", "2025-03-02")]
    with Store(tmp_path / "s.db") as store:
        store.write_articles("in", arts)
        counts = run_corpus_stages(store)
        kinds = store.conn.execute("SELECT kind, a_article, b_article FROM reuse").fetchall()
        copies = [(a, b) for k, a, b in kinds if k == "copy"]
        retold = [(a, b) for k, a, b in kinds if k != "copy"]
        # the wire sentence copied into c, found by key; the report retold in b, found within their story
        assert {frozenset(p) for p in copies} == {frozenset((arts[0].id, arts[2].id)), frozenset((arts[1].id,
                                                                                                   arts[2].id))}
        assert len(retold) >= 3 and all({a, b} == {arts[0].id, arts[1].id} for a, b in retold)
        assert counts["reuse"] == len(kinds) + store.conn.execute("SELECT COUNT(*) FROM passage_reuse").fetchone()[0]
        assert counts["claims"] == store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] > 0
        before = store.conn.execute("SELECT * FROM reuse ORDER BY 1, 2, 4, 5").fetchall()
        again = run_corpus_stages(store)  # recomputed from the store: the same answer
        assert again == {**counts, "dated": 0}
        assert store.conn.execute("SELECT * FROM reuse ORDER BY 1, 2, 4, 5").fetchall() == before


def test_rewrites_are_looked_for_on_the_terms_rare_in_the_corpus() -> None:
    from riwaya.reuse.detect import passages

    a, b = analysed(REPORT, "a", "2025-03-01"), analysed(RETOLD, "b", "2025-03-02")
    values = [("p", n, p) for n, p in enumerate(passages([a, b]))]
    assert len(story_outputs("s", values)[0]) == 3  # rare among the story's own sentences
    assert story_outputs("s", values, rare=set())[0] == []  # every term common in the corpus: no candidate



TABLES = ("entities", "entity_mentions", "passage_reuse", "reuse", "stories", "story_articles", "claims",
          "claim_members", "contradictions")


def _tables_after_corpus_stages(db: Path, workers: int) -> dict[str, list[tuple]]:
    with Store(db) as store:
        for table in ("lsh_bands", "lsh_passages", "lsh_done", "story_articles", "stories", *TABLES):
            store.conn.execute(f"DELETE FROM {table}")  # every corpus stage starts from nothing
        run_corpus_stages(store, workers=workers)
        return {t: sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def test_two_processes_give_the_tables_of_one(seeds_export: dict, tmp_path: Path, monkeypatch) -> None:
    import shutil

    from riwaya.engine import corpus

    others = [analysed([*REPORT, WIRE], "a", "2025-03-01"), analysed([*RETOLD, OTHER], "b", "2025-03-02")]
    for name in ("one.db", "two.db"):
        shutil.copy(seeds_export["_db"], tmp_path / name)
        with Store(tmp_path / name) as store:
            store.write_articles("in", others)  # a second story beside the seeds' own
    one = _tables_after_corpus_stages(tmp_path / "one.db", 1)
    monkeypatch.setattr(corpus, "BIG_STORY", 4)  # the seeds' story runs alone, the other beside nothing
    two = _tables_after_corpus_stages(tmp_path / "two.db", 2)
    with Store(tmp_path / "one.db") as store:
        sizes = sorted(n for (n,) in store.conn.execute("SELECT COUNT(*) FROM story_articles GROUP BY story"))
    assert one["claims"] and one["entities"] and one["reuse"] and sizes[0] < 4 <= sizes[-1]
    for table in TABLES:
        assert two[table] == one[table], table
