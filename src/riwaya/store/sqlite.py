"""The SQLite store of articles and annotations.

Writes go through `Store.write_input`: the articles one input gave, in one transaction, keyed by
article id (a content hash), so analysing the same input twice changes nothing and a run that was
interrupted resumes where it stopped (inputs already recorded with the same fingerprint are skipped).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from ..model import Article, Span
from ..text.normalize import key as norm_key
from .migrations import migrate

Passage = tuple[str, int, int]  # article, start, end
StoryRows = tuple[list[tuple], list[tuple], list[tuple], list[tuple]]  # reuse, claims, members, contradictions
IN_CHUNK = 500  # ids per `IN (...)` query (SQLite's default limit on bound parameters is 32,766)


def _in_chunks(ids: list[str], size: int = IN_CHUNK) -> Iterator[tuple[list[str], str]]:
    """The ids a chunk at a time, with the `?,?,…` marks of an `IN (...)` over them."""
    for n in range(0, len(ids), size):
        part = ids[n : n + size]
        yield part, ",".join("?" * len(part))


class Prepared(NamedTuple):
    """An analysed article as rows for the store (`Store.prepare`)."""

    id: str
    row: tuple  # the articles row, without its creation time
    spans: list[tuple]
    search: tuple[str, str]  # full-text title and body (normalised)


_INSERT_SPAN = 'INSERT INTO spans (article, layer, start, "end", label, attrs) VALUES (?, ?, ?, ?, ?, ?)'


def _span_rows(article: str, layer: str, spans: Iterable[Span]) -> list[tuple]:
    return [(article, layer, s.start, s.end, s.label, json.dumps(s.attrs, ensure_ascii=False) if s.attrs else None)
            for s in spans]


def _reuse_row(r: Any) -> tuple:
    return (r.a.article, r.a.start, r.a.end, r.b.article, r.b.start, r.b.end, r.similarity, r.kind)


class StoreError(RuntimeError):
    """The store cannot be opened or written (not a riwaya store, corrupt, locked too long)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str | Path, *, readonly: bool = False, timeout: float = 60.0):
        self.path = Path(path)
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no such store")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                # the writer's page cache: 64 MiB at most, not SQLite's 2 MiB default (the LSH band index
                # and the span table are read and written all over; 7.2 -> 6.0 s of copy detection on ANT)
                self.conn.execute("PRAGMA cache_size=-65536")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            if not readonly:
                migrate(self.conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable SQLite store ({e})") from e

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- inputs -------------------------------------------------------------------------------
    def input_done(self, origin: str, fingerprint: str | None, pipeline: str) -> bool:
        """True when this input was read completely, unchanged, by the same analysis."""
        if fingerprint is None:
            return False
        row = self.conn.execute(
            "SELECT fingerprint, pipeline, status FROM sources WHERE origin = ?", (origin,)
        ).fetchone()
        return bool(row) and row[0] == fingerprint and row[1] == pipeline and row[2] in ("ok", "skipped")

    def begin_input(self, origin: str) -> set[str]:
        """The ids this input gave last time (to retire those it no longer gives)."""
        return {r[0] for r in self.conn.execute("SELECT article FROM article_sources WHERE origin = ?", (origin,))}

    def write_articles(self, origin: str, articles: Iterable[Article | Prepared]) -> int:
        """Store articles given by `origin` in one transaction (as analysed, or `prepare`d for the store
        already: a worker process sends rows, cheaper to pass than objects). Returns how many were new."""
        new = 0
        with self._transaction():
            for a in articles:
                rows = a if isinstance(a, Prepared) else self.prepare(a)
                new += self._insert_article(rows)
                self.conn.execute("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (rows.id, origin))
        return new

    @staticmethod
    def prepare(a: Article) -> Prepared:
        """An analysed article as the store's rows: its own row, its spans and its full-text entry."""
        meta = {k: v for k, v in a.meta.items() if not k.startswith("_")}
        row = (a.id, a.source, a.part, a.outlet, a.outlet_basis, a.title, a.url, a.published, a.published_basis,
               a.text, json.dumps(meta, ensure_ascii=False, default=str))
        spans = [row for layer, layer_spans in a.layers.items() for row in _span_rows(a.id, layer, layer_spans)]
        return Prepared(a.id, row, spans, (norm_key(a.title or ""), norm_key(a.text)))

    def finish_input(
        self,
        origin: str,
        fingerprint: str | None,
        pipeline: str,
        status: str,
        keep: set[str],
        problems: list[str],
        previous: set[str],
    ) -> int:
        """Record the input as read and retire articles it gave before but no longer gives."""
        stale = previous - keep
        with self._transaction():
            for aid in stale:
                self.conn.execute("DELETE FROM article_sources WHERE origin = ? AND article = ?", (origin, aid))
                if not self.conn.execute("SELECT 1 FROM article_sources WHERE article = ?", (aid,)).fetchone():
                    self._delete_article(aid)
            self.conn.execute(
                "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
                (origin, fingerprint, pipeline, status, len(keep), json.dumps(problems, ensure_ascii=False), _now()),
            )
        return len(stale)

    # ---- articles -----------------------------------------------------------------------------
    def _insert_article(self, a: Prepared) -> int:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (id, source, part, outlet, outlet_basis, title, url, published,"
            " published_basis, text, meta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*a.row, _now()),
        )
        if cur.rowcount == 0:
            return 0
        rowid = cur.lastrowid
        self.conn.executemany(_INSERT_SPAN, a.spans)
        self.conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", (rowid, *a.search))
        return 1

    def replace_articles(self, replaced: Iterable[tuple[str, Article | Prepared]]) -> int:
        """Put each (old id, new article) in place of the old one, for the inputs that gave it (cleaned
        again: a corpus stage found furniture in it). One transaction. Returns how many were replaced."""
        n = 0
        with self._transaction():
            for old, new in replaced:
                rows = new if isinstance(new, Prepared) else self.prepare(new)
                if rows.id == old:
                    continue
                origins = [r[0] for r in self.conn.execute("SELECT origin FROM article_sources WHERE article = ?",
                                                           (old,))]
                self._insert_article(rows)
                self.conn.executemany("INSERT OR IGNORE INTO article_sources VALUES (?, ?)",
                                      [(rows.id, o) for o in origins])
                self._delete_article(old)
                n += 1
        return n

    def update_layers(self, article: Article, layers: Iterable[str]) -> None:
        """Write back what a corpus stage changed: the date fields and the named span layers."""
        with self._transaction():
            self.conn.execute(
                "UPDATE articles SET published = ?, published_basis = ? WHERE id = ?",
                (article.published, article.published_basis, article.id),
            )
            for layer in layers:
                self.conn.execute("DELETE FROM spans WHERE article = ? AND layer = ?", (article.id, layer))
                self.conn.executemany(_INSERT_SPAN, _span_rows(article.id, layer, article.spans(layer)))

    def replace_entities(self, entities: Iterable[Any]) -> int:
        """Replace the corpus-wide entity tables with a fresh resolution (a corpus stage's output)."""
        n = 0
        with self._transaction():
            self.conn.execute("DELETE FROM entity_mentions")
            self.conn.execute("DELETE FROM entities")
            for e in entities:
                self.conn.execute(
                    "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
                    (e.id, e.name, e.type, e.kb, e.wikidata, json.dumps(sorted(e.aliases), ensure_ascii=False)),
                )
                self.conn.executemany(
                    'INSERT OR IGNORE INTO entity_mentions (entity, article, start, "end", surface)'
                    " VALUES (?, ?, ?, ?, ?)",
                    [(e.id, *m) for m in e.mentions],
                )
                n += 1
        return n

    def replace_story_outputs(self, outputs: Iterable[StoryRows]) -> tuple[int, int, int]:
        """Replace the sentence rewrites and near copies, the claims and the contradictions with those of
        every story (`story_rows` of each), written as each story's come (one transaction: a failure leaves
        the previous ones). Returns the numbers of reuse pairs, claims and contradictions."""
        counts = [0, 0, 0]
        with self._transaction():
            self.conn.execute("DELETE FROM reuse WHERE kind != 'copy'")
            for table in ("claim_members", "claims", "contradictions"):
                self.conn.execute(f"DELETE FROM {table}")
            for reuse, claims, members, contradictions in outputs:
                self.conn.executemany("INSERT OR IGNORE INTO reuse VALUES (?, ?, ?, ?, ?, ?, ?, ?)", reuse)
                self.conn.executemany("INSERT INTO claims VALUES (?, ?, ?, ?)", claims)
                self.conn.executemany("INSERT OR IGNORE INTO claim_members VALUES (?, ?, ?, ?)", members)
                self.conn.executemany(
                    "INSERT OR IGNORE INTO contradictions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", contradictions)
                counts[0] += len(reuse)
                counts[1] += len(claims)
                counts[2] += len(contradictions)
        return counts[0], counts[1], counts[2]

    @staticmethod
    def story_rows(found: Iterable[Any], claims: Iterable[Any], contradictions: Iterable[Any]) -> StoryRows:
        """A story's reuse pairs, claims and contradictions as the store's rows: small to send between
        processes (the objects hold their articles)."""
        claims = list(claims)
        return (
            [_reuse_row(r) for r in found],
            [(c.id, c.text, c.independent_origins, json.dumps(c.origins, ensure_ascii=False)) for c in claims],
            [(c.id, m.id, m.article.id, role) for c in claims for m, role in c.members],
            [(x.id, x.kind, x.a.article.id, x.a.start, x.a.end, x.a.id, x.b.article.id, x.b.start, x.b.end,
              x.b.id, x.explanation) for x in contradictions],
        )

    def claims(self) -> list[dict[str, Any]]:
        return list(self.each_claim())

    def each_claim(self) -> Iterator[dict[str, Any]]:
        for cid, text, n, origins in self.conn.execute(
            "SELECT id, text, independent_origins, origins FROM claims ORDER BY independent_origins DESC, id"
        ):
            members = self.conn.execute(
                "SELECT attribution, article, role FROM claim_members WHERE claim = ? ORDER BY article", (cid,)
            ).fetchall()
            yield {
                "id": cid,
                "text": text,
                "independent_origins": n,
                "origins": json.loads(origins),
                "attributions": [m[0] for m in members],
                "supports": [m[0] for m in members if m[2] == "supports"],
                "denies": [m[0] for m in members if m[2] == "denies"],
            }

    def claim_of(self, attributions: Collection[str]) -> dict[str, str]:
        """attribution id -> the claim it belongs to."""
        out: dict[str, str] = {}
        for part, marks in _in_chunks(list(attributions)):
            out.update(self.conn.execute(
                f"SELECT attribution, claim FROM claim_members WHERE attribution IN ({marks})", part).fetchall())
        return out

    def contradictions(self) -> list[dict[str, Any]]:
        return list(self.each_contradiction())

    def each_contradiction(self) -> Iterator[dict[str, Any]]:
        for r in self.conn.execute(
            "SELECT id, kind, a_article, a_start, a_end, a_attribution, b_article, b_start, b_end, b_attribution,"
            " explanation FROM contradictions ORDER BY kind, id"
        ):
            yield {
                "id": r[0],
                "kind": r[1],
                "a": {"article": r[2], "start": r[3], "end": r[4], "attribution": r[5]},
                "b": {"article": r[6], "start": r[7], "end": r[8], "attribution": r[9]},
                "explanation": r[10],
            }

    def _insert_reuse(self, found: Iterable[Any]) -> int:
        n = 0
        for r in found:
            self.conn.execute("INSERT OR IGNORE INTO reuse VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _reuse_row(r))
            n += 1
        return n

    def replace_sentence_copies(self, found: Iterable[Any]) -> int:
        """Replace the sentence copies (found corpus-wide by key; rewrites are found story by story)."""
        with self._transaction():
            self.conn.execute("DELETE FROM reuse WHERE kind = 'copy'")
            return self._insert_reuse(found)

    def copied_with(self, article: str) -> set[str]:
        """The other articles that share a copied passage or sentence with this one."""
        return {r[0] for r in self.conn.execute(
            "SELECT b_article FROM passage_reuse WHERE a_article = ?1 UNION"
            " SELECT a_article FROM passage_reuse WHERE b_article = ?1 UNION"
            " SELECT b_article FROM reuse WHERE a_article = ?1 AND kind = 'copy' UNION"
            " SELECT a_article FROM reuse WHERE b_article = ?1 AND kind = 'copy'", (article,)) if r[0] != article}

    def copy_pairs(
        self, articles: Collection[str] | None = None, *, sentences: bool = False
    ) -> list[tuple[Passage, Passage]]:
        """Copy pairs ((article, start, end) twice): of passages (the LSH pairs) or, with `sentences`, of
        sentences; all, or those whose first side is in `articles`."""
        sql = "SELECT a_article, a_start, a_end, b_article, b_start, b_end FROM " + (
            "reuse WHERE kind = 'copy'" if sentences else "passage_reuse WHERE 1")
        if articles is None:
            rows = self.conn.execute(sql).fetchall()
        else:
            rows = []
            for part, marks in _in_chunks(list(articles)):
                rows += self.conn.execute(f"{sql} AND a_article IN ({marks})", part).fetchall()
        return [((r[0], r[1], r[2]), (r[3], r[4], r[5])) for r in rows]

    def reuse(self) -> list[dict[str, Any]]:
        return list(self.each_reuse())

    def each_reuse(self) -> Iterator[dict[str, Any]]:
        # sentence-level pairs (recomputed each run) and paragraph/article pairs from the LSH bands (kept)
        for r in self.conn.execute(
            "SELECT a_article, a_start, a_end, b_article, b_start, b_end, similarity, kind FROM reuse"
            " UNION SELECT a_article, a_start, a_end, b_article, b_start, b_end, similarity, kind FROM passage_reuse"
            " ORDER BY 1, 2, 4, 5"
        ):
            yield {
                "a": {"article": r[0], "start": r[1], "end": r[2]},
                "b": {"article": r[3], "start": r[4], "end": r[5]},
                "similarity": r[6],
                "kind": r[7],
            }

    def load_stories(self) -> list[Any]:
        from collections import Counter

        from ..stories.cluster import Central, Story

        members: dict[str, list[str]] = {}
        for sid, aid in self.conn.execute("SELECT story, article FROM story_articles ORDER BY story, article"):
            members.setdefault(sid, []).append(aid)
        out = []
        for sid, title, first, last, sig, central in self.conn.execute(
            "SELECT id, title, first, last, signature, central FROM stories ORDER BY id"
        ).fetchall():
            out.append(Story(sid, title, first, last, Counter(json.loads(sig)), members.get(sid, []),
                             [Central(c[0], c[1], c[2]) for c in json.loads(central)]))
        return out

    def save_stories(self, stories: Iterable[Any]) -> None:
        with self._transaction():
            for s in stories:
                self.conn.execute(
                    "INSERT OR REPLACE INTO stories (id, title, first, last, signature, central)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (s.id, s.title, s.first, s.last, json.dumps(dict(s.signature), ensure_ascii=False),
                     json.dumps([list(c) for c in s.central], ensure_ascii=False)),
                )
                self.conn.executemany(
                    "INSERT OR REPLACE INTO story_articles VALUES (?, ?)", [(s.id, a) for a in s.articles]
                )
            # stories whose articles were all retired go too
            self.conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story FROM story_articles)")

    def stories(self) -> list[dict[str, Any]]:
        return list(self.each_story())

    def each_story(self) -> Iterator[dict[str, Any]]:
        main = self.story_entities()
        rows_of = self.conn.execute("SELECT id, title, first, last FROM stories ORDER BY first, id")
        for sid, title, first, last in rows_of:
            rows = self.conn.execute(
                "SELECT a.id, a.outlet FROM story_articles s JOIN articles a ON a.id = s.article"
                " WHERE s.story = ? ORDER BY a.published, a.id",
                (sid,),
            ).fetchall()
            if rows:
                yield {
                    "id": sid,
                    "title": title,
                    "first": first,
                    "last": last,
                    "articles": [r[0] for r in rows],
                    "outlets": sorted({r[1] for r in rows if r[1]}),
                    "entities": main.get(sid, []),
                }

    def story_entities(self, story: str | None = None, limit: int = 5) -> dict[str, list[dict[str, Any]]]:
        """Each story's main entities (or one story's): those most of its articles mention, then by mentions,
        then id. One query for every story: the export asks for all of them."""
        where, params = ("WHERE s.story = ?", (story,)) if story is not None else ("", ())
        ranked: dict[str, list[tuple]] = {}
        for sid, eid, name, typ, n, k in self.conn.execute(
            "SELECT s.story, e.id, e.name, e.type, COUNT(DISTINCT m.article), COUNT(*)"
            " FROM story_articles s JOIN entity_mentions m ON m.article = s.article"
            f" JOIN entities e ON e.id = m.entity {where} GROUP BY s.story, e.id",
            params,
        ):
            ranked.setdefault(sid, []).append((-n, -k, eid, name, typ))
        return {sid: [{"id": eid, "name": name, "type": typ, "articles": -n}
                      for n, _, eid, name, typ in sorted(rows)[:limit]] for sid, rows in ranked.items()}

    def entities(self) -> list[dict[str, Any]]:
        return list(self.each_entity())

    def each_entity(self) -> Iterator[dict[str, Any]]:
        for eid, name, typ, kb, wd, aliases in self.conn.execute(
            "SELECT id, name, type, kb, wikidata, aliases FROM entities ORDER BY type, name"
        ):
            mentions = [
                {"article": a, "start": s, "end": e}
                for a, s, e in self.conn.execute(
                    'SELECT article, start, "end" FROM entity_mentions WHERE entity = ? ORDER BY article, start', (eid,)
                )
            ]
            yield {
                "id": eid,
                "name": name,
                "type": typ,
                "kb": kb,
                "wikidata": wd,
                "aliases": json.loads(aliases),
                "mentions": mentions,
            }

    def mentions_in(self, article: str) -> list[tuple[int, int, str]]:
        """(start, end, entity) of the resolved mentions in one article, in the order stored."""
        return self.conn.execute(
            'SELECT start, "end", entity FROM entity_mentions WHERE article = ? ORDER BY rowid', (article,)).fetchall()

    def _delete_article(self, aid: str) -> None:
        row = self.conn.execute("SELECT rowid FROM articles WHERE id = ?", (aid,)).fetchone()
        if row:
            self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
            self.conn.execute("DELETE FROM articles WHERE id = ?", (aid,))

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "sources", "spans", "article_sources"):
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def article_ids(self, where: str = "", params: Iterable[Any] = (), order: str = "source, part, id") -> list[str]:
        """Ids of the stored articles (optionally those matching an SQL condition), in `order`."""
        if order not in ("source, part, id", "published, id"):
            raise ValueError(order)
        if order == "published, id":
            order = "COALESCE(published, ''), id"  # the order of (published or "", id) in Python
        cond = f" WHERE {where}" if where else ""
        return [r[0] for r in self.conn.execute(f"SELECT id FROM articles{cond} ORDER BY {order}", tuple(params))]

    def articles(
        self, *, layers: Collection[str] | None = None, ids: Iterable[str] | None = None, chunk: int = IN_CHUNK
    ) -> Iterator[Article]:
        """The stored articles (all, or `ids` in the order given) with their span layers (only `layers` when
        given). Read `chunk` articles at a time, so a corpus stage that streams them holds a few hundred
        articles, not the store."""
        wanted = sorted(set(layers)) if layers is not None else None
        where = f" AND layer IN ({','.join('?' * len(wanted))})" if wanted else ""
        for batch, marks in _in_chunks(list(ids) if ids is not None else self.article_ids(), chunk):
            rows = {
                r[0]: r
                for r in self.conn.execute(
                    "SELECT id, source, part, outlet, outlet_basis, title, url, published, published_basis, text,"
                    f" meta FROM articles WHERE id IN ({marks})",
                    batch,
                )
            }
            arts: dict[str, Article] = {}
            for aid in batch:
                r = rows.get(aid)
                if r is not None and aid not in arts:
                    arts[aid] = Article(text=r[9], source=r[1], part=r[2], title=r[5], url=r[6], outlet=r[3],
                                        outlet_basis=r[4], published=r[7], published_basis=r[8],
                                        meta=json.loads(r[10]))
            if not arts or wanted == []:
                yield from arts.values()
                continue
            for aid, layer, s, e, label, attrs in self.conn.execute(
                f'SELECT article, layer, start, "end", label, attrs FROM spans WHERE article IN ({marks}){where}'
                " ORDER BY article, layer, start, rowid",
                (*batch, *(wanted or ())),
            ):
                arts[aid].layers.setdefault(layer, []).append(Span(s, e, label, json.loads(attrs) if attrs else {}))
            yield from arts.values()

    def search(self, query: str, limit: int = 50) -> list[tuple[str, str]]:
        """Article ids and titles matching a full-text query over normalised Arabic."""
        q = norm_key(query)
        rows = self.conn.execute(
            "SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (q, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def sources(self) -> list[dict[str, Any]]:
        cols = ("origin", "fingerprint", "pipeline", "status", "articles", "problems", "updated_at")
        return [dict(zip(cols, r, strict=True)) for r in self.conn.execute(f"SELECT {', '.join(cols)} FROM sources")]

    def integrity(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    # ---- helpers ------------------------------------------------------------------------------
    class _Tx:
        def __init__(self, conn: sqlite3.Connection):
            self.conn = conn

        def __enter__(self) -> None:
            self.conn.execute("BEGIN IMMEDIATE")

        def __exit__(self, exc_type: object, *rest: object) -> None:
            if exc_type is None:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute("ROLLBACK")

    def _transaction(self) -> Store._Tx:
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        return Store._Tx(self.conn)
