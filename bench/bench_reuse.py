"""Copy detection at scale: MinHash LSH over a large corpus made from the ANT sample.

    python bench/bench_reuse.py [--docs 100000] [--batch 2000]
    python bench/bench_reuse.py --docs 20000 --write big.jsonl   # the corpus only, for `riwaya analyze`

The corpus repeats the ANT sample with perturbations until it has `--docs` documents: each repeat drops
a few words (1–5 %) from every paragraph, sometimes drops or swaps whole paragraphs, and gives the copy a
later day — the way outlets reprint and trim wire copy. Documents are generated on the fly and indexed
batch by batch into a fresh SQLite store (riwaya/reuse/lsh.py), as `riwaya analyze` does for new articles.
Prints documents/s, the pairs found, the store size and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from _common import ant_articles, machine, peak_rss_mib

from riwaya.reuse import lsh
from riwaya.store.sqlite import Store


def perturbed(text: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 3 and rng.random() < 0.3:
        paras.pop(rng.randrange(len(paras)))  # a trimmed copy
    if len(paras) > 3 and rng.random() < 0.2:
        i = rng.randrange(len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    out = []
    rate = rng.uniform(0.01, 0.05)
    for p in paras:
        words = p.split()
        out.append(" ".join(w for w in words if rng.random() > rate) or p)
    return "\n".join(out)


def corpus(n: int, seed: int = 11) -> Iterator[lsh.Doc]:
    base = [(a.get("text") or "") for a in ant_articles()]
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    for i in range(n):
        repeat, k = divmod(i, len(base))
        text = base[k] if repeat == 0 else perturbed(base[k], rng)
        yield lsh.Doc(f"d{i}", text, (start + timedelta(days=repeat)).isoformat())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=lsh.BATCH)
    ap.add_argument("--write", metavar="JSONL", help="write the corpus as JSON lines (text, date) and stop")
    args = ap.parse_args()
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            for d in corpus(args.docs):
                f.write(json.dumps({"text": d.text, "date_publish": d.day, "url": f"https://example.org/{d.id}"},
                                   ensure_ascii=False) + "\n")
        print(f"{args.docs} documents written to {args.write}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "lsh.db"
        store = Store(db)
        store.conn.execute("PRAGMA foreign_keys=OFF")  # documents only, no analysed articles behind them
        t0 = time.perf_counter()
        found = lsh.index(store.conn, corpus(args.docs), batch_size=args.batch)
        took = time.perf_counter() - t0
        kinds = dict(store.conn.execute("SELECT kind, COUNT(*) FROM passage_reuse GROUP BY kind").fetchall())
        passages = store.conn.execute("SELECT COUNT(*) FROM lsh_passages").fetchone()[0]
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
    print(f"MinHash LSH copy detection ({lsh.NUM_PERM} permutations, {lsh.BANDS}×{lsh.ROWS} bands, word "
          f"{lsh.SHINGLE}-shingles) on {args.docs} documents from the ANT sample; {machine()}")
    print(f"{took:.1f} s → {args.docs / took:.0f} documents/s; {passages} passages; pairs stored {found} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); store {size:.0f} MiB; "
          f"peak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
