"""The background document frequencies story clustering weighs terms by, and the recipe that made them.

A store of a dozen articles cannot tell a rare word from a common one; the background (how many news
articles of a reference corpus hold each content term) can. Story clustering counts rarity over the
store plus the background, so a small store and a large one weigh words alike.

Rebuild the shipped table from the ANT sample, leaving out the dev stories' articles:

    python -m riwaya.stories.background ../shared/data/ant_sample/articles.jsonl \
        --exclude ../shared/gold/dev/*.gold.json
"""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter
from functools import cache
from pathlib import Path

from ..corpora import excluded, recipe_args
from ..resources import path
from ..text.terms import terms

MIN_DF = 2  # a term seen in one article only says nothing about rarity


@cache
def background() -> tuple[dict[str, int], int]:
    """(document frequency of each term, number of documents) of the shipped background."""
    file = path("stories", "background_df.tsv.gz")
    if not file.is_file():
        return {}, 0
    df: dict[str, int] = {}
    with gzip.open(file, "rt", encoding="utf-8") as f:
        n = int(f.readline().split("\t")[1])
        for line in f:
            term, count = line.rstrip("\n").split("\t")
            df[term] = int(count)
    return df, n


def build(corpus: Path, exclude: set[str]) -> tuple[Counter[str], int]:
    df: Counter[str] = Counter()
    n = 0
    seen: set[str] = set()
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            doc = d.get("docno") or d.get("url") or d.get("title")
            if doc in exclude or doc in seen:
                continue
            seen.add(doc)
            df.update(terms(f"{d.get('title') or ''}\n{d.get('text') or ''}"))
            n += 1
    return df, n


def write(df: Counter[str], n: int, out: Path) -> int:
    kept = sorted((t, c) for t, c in df.items() if c >= MIN_DF)
    # mtime 0: the same counts give the same bytes
    with gzip.GzipFile(out, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as f:
        f.write(f"#documents\t{n}\n")
        for t, c in kept:
            f.write(f"{t}\t{c}\n")
    return len(kept)


def main(argv: list[str] | None = None) -> None:
    args = recipe_args(__doc__.split("\n")[0], "JSONL articles (ANT format: docno, title, text)",
                       path("stories", "background_df.tsv.gz")).parse_args(argv)
    exclude = excluded(args.exclude)
    df, n = build(args.corpus, exclude)
    kept = write(df, n, args.out)
    print(f"{args.out}: {kept} terms (document frequency >= {MIN_DF}) from {n} articles ({len(exclude)} left out)")


if __name__ == "__main__":
    main()
