"""Text layer speed on the ANT sample: normalisation, sentences, tokens and date expressions.

    python bench/bench_text.py [--repeat 3] [--limit N]

Prints articles/s and characters/s per step and for the whole text layer (median of the runs).
"""

from __future__ import annotations

import argparse
from datetime import date

from _common import ant_articles, machine, peak_rss_mib, timed

from riwaya.text.normalize import normalize
from riwaya.text.sentences import split_clauses, split_sentences
from riwaya.text.tokens import tokenize
from riwaya.time.dateline import parse_metadata_date
from riwaya.time.expressions import find_dates


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    docs = []
    for i, rec in enumerate(ant_articles()):
        if args.limit and i >= args.limit:
            break
        text = rec.get("text") or ""
        pub = parse_metadata_date(rec.get("time"))
        docs.append((text, date.fromisoformat(pub) if pub else None))
    n = len(docs)
    chars = sum(len(t) for t, _ in docs)

    def norm() -> None:
        for t, _ in docs:
            normalize(t)

    def sentences() -> None:
        for t, _ in docs:
            for s, e in split_sentences(t):
                split_clauses(t, s, e)

    def tokens() -> None:
        for t, _ in docs:
            tokenize(t)

    def dates() -> None:
        for t, base in docs:
            find_dates(t, base)

    def whole() -> None:
        norm()
        sentences()
        tokens()
        dates()

    print(f"text layer on the ANT sample: {n} articles, {chars / 1e6:.1f} M characters; {machine()}")
    for name, fn in (("normalise", norm), ("sentences+clauses", sentences), ("tokens", tokens),
                     ("date expressions", dates), ("whole text layer", whole)):
        med, runs = timed(fn, args.repeat)
        print(f"{name:20s} {n / med:9.0f} articles/s  {chars / med / 1e6:6.2f} M chars/s  "
              f"(median of {len(runs)}: {', '.join(f'{r:.2f}s' for r in runs)})")
    print(f"peak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
