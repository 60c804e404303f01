"""Copies and near copies of whole articles and paragraphs by MinHash LSH — incremental, bounded memory.

Each article gives passages: its whole text and every paragraph (line) of at least `MIN_WORDS` words. A
passage's MinHash signature (rensa, `NUM_PERM` permutations over word 3-shingles of the loose normalised
text) is cut into `BANDS` bands of `ROWS` rows; two passages that share a band are candidates (pairs with
a Jaccard of 0.8 are found with probability > 0.999, of 0.5 with 0.06), confirmed when their estimated
Jaccard reaches `NEAR_COPY`; equal word digests are copies.

The bands live in the store (migration 0006). A run indexes only the articles it has not seen, a batch at
a time, and finds the candidates inside SQLite — a join of the batch's band keys with the stored ones — so
memory holds one batch, not the history. `prune` drops the bands of articles published before a day: a
sliding window for stores that grow without end.
"""

from __future__ import annotations

import hashlib
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..text.normalize import key

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
SEED = 1
MIN_WORDS = 15  # a paragraph shorter than this is a sentence: the sentence-level detector has it
NEAR_COPY = 0.8  # estimated Jaccard of shingles from which a passage is a near copy of another
BATCH = 2000  # articles indexed per transaction


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    day: str | None = None  # publication day (ISO), for the sliding window


@dataclass(frozen=True)
class Passage:
    id: int
    article: str
    start: int
    end: int
    words: int
    whole: bool
    digest: bytes
    signature: array  # 128 × uint32 (512 bytes; a tuple of Python ints would take ~4.6 KiB)


def passages(doc: Doc) -> Iterator[tuple[int, int, list[str], bool]]:
    """(start, end, normalised words, is the whole text) of each long paragraph and of the whole text."""
    body = (len(doc.text) - len(doc.text.lstrip()), len(doc.text.rstrip()))
    seen: set[tuple[int, int]] = set()
    pos = 0
    for line in doc.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        words = key(line).split()
        if len(words) >= MIN_WORDS:
            span = (start + (len(line) - len(line.lstrip())), start + len(line.rstrip()))
            seen.add(span)
            yield span[0], span[1], words, span == body
    whole = key(doc.text).split()
    if len(whole) >= MIN_WORDS and body not in seen:
        yield body[0], body[1], whole, True


def signature(words: list[str]) -> list[int]:
    from rensa import RMinHash

    m = RMinHash(num_perm=NUM_PERM, seed=SEED)
    m.update([" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))])
    return list(m.digest())


def band_keys(sig: list[int]) -> list[int]:
    out = []
    for b in range(BANDS):
        raw = array("I", sig[b * ROWS : (b + 1) * ROWS]).tobytes()
        out.append(int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little", signed=True))
    return out


def _batches(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class Hashed:
    """A passage ready for the store: what `hash_doc` computes, anywhere (a process, a Spark worker)."""

    start: int
    end: int
    words: int
    whole: bool
    digest: bytes
    signature: bytes
    bands: tuple[int, ...]


def hash_doc(doc: Doc) -> list[Hashed]:
    """The passages of one article with their digests, signatures and band keys (pure: no store)."""
    out = []
    for start, end, words, whole in passages(doc):
        sig = signature(words)
        digest = hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()
        out.append(Hashed(start, end, len(words), whole, digest, array("I", sig).tobytes(), tuple(band_keys(sig))))
    return out


def index(
    conn: sqlite3.Connection,
    docs: Iterable[Doc],
    batch_size: int = BATCH,
    hasher: Callable[[Callable[[Doc], list[Hashed]], list[Doc]], list[list[Hashed]]] | None = None,
) -> int:
    """Index the articles not yet indexed and store the copies and near copies they make with everything
    indexed before (and with each other). `hasher(hash_doc, docs)` maps the hashing over a batch — on
    Spark with the spark engine; here by default. Returns the number of pairs stored."""
    conn.execute("PRAGMA temp_store=MEMORY")  # the batch's band keys: a scratch table, never on disk
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_bands (band INTEGER, key INTEGER, passage INTEGER)")
    found = 0
    for batch in _batches(docs, batch_size):
        done = {r[0] for r in conn.execute(
            f"SELECT article FROM lsh_done WHERE article IN ({','.join('?' * len(batch))})", [d.id for d in batch])}
        todo = list({d.id: d for d in batch if d.id not in done}.values())
        hashed = hasher(hash_doc, todo) if hasher is not None and todo else [hash_doc(d) for d in todo]
        with _transaction(conn):
            conn.execute("DELETE FROM new_bands")
            rows: list[tuple[int, int, int]] = []
            for doc, parts in zip(todo, hashed, strict=True):
                conn.execute("INSERT OR IGNORE INTO lsh_done VALUES (?)", (doc.id,))
                for h in parts:
                    pid = conn.execute(
                        "INSERT INTO lsh_passages (article, start, end, day, words, whole, digest, signature)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (doc.id, h.start, h.end, (doc.day or "")[:10] or None, h.words, h.whole, h.digest,
                         h.signature),
                    ).lastrowid
                    rows += [(b, k, pid) for b, k in enumerate(h.bands)]
            conn.executemany("INSERT INTO new_bands VALUES (?, ?, ?)", rows)
            pairs = set(conn.execute(
                "SELECT DISTINCT n.passage, b.passage FROM new_bands n"
                " JOIN lsh_bands b ON b.band = n.band AND b.key = n.key"
            ).fetchall())
            # within the batch: its band keys grouped in memory (one batch, not the history)
            bucket: dict[tuple[int, int], list[int]] = {}
            for b, k, pid in rows:
                bucket.setdefault((b, k), []).append(pid)
            for ids in bucket.values():
                pairs.update((x, y) for n, x in enumerate(ids) for y in ids[n + 1 :])
            conn.execute("INSERT OR IGNORE INTO lsh_bands SELECT band, key, passage FROM new_bands ORDER BY band, key")
            found += _confirm(conn, pairs)
    return found


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction per batch, also on a connection in autocommit mode (the store's): a batch's
    passages, bands, pairs and "done" marks are written together or not at all."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _load(conn: sqlite3.Connection, ids: set[int]) -> dict[int, Passage]:
    out: dict[int, Passage] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        for r in conn.execute(
            "SELECT id, article, start, end, words, whole, digest, signature FROM lsh_passages"
            f" WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            out[r[0]] = Passage(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], array("I", r[7]))
    return out


def _confirm(conn: sqlite3.Connection, pairs: set[tuple[int, int]], chunk: int = 20_000) -> int:
    """Estimated Jaccard from the signatures, a chunk of candidate pairs at a time (a batch of reprinted
    wire copy can bring hundreds of thousands); a pair of whole articles makes their paragraph pairs
    redundant."""
    ordered = sorted(pairs)
    n = 0
    for k in range(0, len(ordered), chunk):
        n += _confirm_chunk(conn, ordered[k : k + chunk])
    return n


def _confirm_chunk(conn: sqlite3.Connection, pairs: list[tuple[int, int]]) -> int:
    loaded = _load(conn, {p for pair in pairs for p in pair})
    confirmed = []
    for i, j in pairs:
        a, b = sorted((loaded[i], loaded[j]), key=lambda p: (p.article, p.start))
        if a.article == b.article and a.start < b.end and b.start < a.end:
            continue  # a paragraph and the whole article it belongs to
        same = sum(x == y for x, y in zip(a.signature, b.signature, strict=True)) / NUM_PERM
        if a.digest == b.digest:
            confirmed.append((a, b, 1.0, "copy"))
        elif same >= NEAR_COPY:
            confirmed.append((a, b, round(same, 3), "near_copy"))
    whole = {(a.article, b.article) for a, b, _, _ in confirmed if a.whole and b.whole}
    n = 0
    for a, b, sim, kind in confirmed:
        if (a.article, b.article) in whole and not (a.whole and b.whole):
            continue
        conn.execute(
            "INSERT OR IGNORE INTO passage_reuse VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (a.article, a.start, a.end, b.article, b.start, b.end, sim, kind),
        )
        n += 1
    return n


def prune(conn: sqlite3.Connection, before_day: str) -> int:
    """Drop the passages (and their bands) of articles published before `before_day`; pairs already found
    stay. Articles without a day are kept."""
    old = "SELECT id FROM lsh_passages WHERE day IS NOT NULL AND day < ?"
    with _transaction(conn):  # bands first: the cascade is not counted on (a store may run without foreign keys)
        conn.execute(f"DELETE FROM lsh_bands WHERE passage IN ({old})", (before_day,))
        return conn.execute("DELETE FROM lsh_passages WHERE day IS NOT NULL AND day < ?", (before_day,)).rowcount
