"""Copied and rewritten passages, sentence by sentence.

Every sentence of at least `MIN_WORDS` words is keyed on its loose normalised words. Identical keys are
copies (a summary repeated further down an article, wire copy on two sites). Otherwise two sentences
that share enough rare terms are compared with a fuzzy token-set ratio: 95 and above is a near copy,
`REWRITE` and above a rewrite of the same source text ("كشفت صحيفة … أن" retold as "زعمت صحيفة … أن").
Candidate pairs come from an inverted index of rare terms, so the work grows with the reuse, not with
the square of the corpus.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass

from ..model import Article
from ..text.normalize import key
from ..text.terms import terms_of_key

MIN_WORDS = 8
REWRITE = 80  # token-set ratio (0–100) from which two sentences alone retell one text
RETOLD = 60  # …and from which they do when their articles share at least RETOLD_RUN such sentences
RETOLD_RUN = 3
NEAR_COPY = 95
MIN_SHARED = 3  # rare terms two sentences must share to be compared
MAX_SENTENCES = 50  # …and a term is rare in at most this many sentences


@dataclass(frozen=True)
class Passage:
    article: str
    start: int
    end: int
    key: str
    terms: frozenset[str]


@dataclass(frozen=True)
class Reuse:
    a: Passage
    b: Passage
    similarity: float
    kind: str


def sentence_keys(article: Article) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of every sentence long enough to count: the key is its loose normalised words."""
    for s in article.spans("sentences"):
        words = key(article.text[s.start : s.end]).split()
        if len(words) >= MIN_WORDS:
            yield s.start, s.end, " ".join(words)


def passages(articles: Iterable[Article]) -> list[Passage]:
    return [Passage(a.id, s, e, k, frozenset(terms_of_key(k))) for a in articles for s, e, k in sentence_keys(a)]


def digest(text: str) -> int:
    """A signed 64-bit hash of a key (an SQLite integer), the same in every process and run."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def copies(keyed: Iterable[tuple[str, Passage]]) -> Iterator[Reuse]:
    """Copies among passages grouped by key, in order: each later one copies the first."""
    first: Passage | None = None
    last_key = None
    for k, p in keyed:
        if k != last_key:
            first, last_key = p, k
        else:
            assert first is not None
            yield Reuse(first, p, 1.0, "copy")


def rare_terms(df: Counter[str], n: int) -> set[str]:
    """Terms rare enough among `n` sentences (with these sentence counts) to suggest that two share a
    source; a term in more than MAX_SENTENCES says nothing about any pair, however large the corpus."""
    most = min(MAX_SENTENCES, max(2, int(math.sqrt(max(1, n)))))
    return {t for t, c in df.items() if c <= most}


def detect(
    items: list[Passage], copied: Iterable[tuple[str, str]] | None = None, rare: Container[str] | None = None
) -> list[Reuse]:
    """Copies, near copies and rewrites among `items`. With `copied` (the article pairs of each copied
    sentence, found corpus-wide by key elsewhere) copies are not looked for again, only counted. `rare`:
    the terms rare in the whole corpus (when `items` are a part of it), else rare among `items`."""
    from rapidfuzz import fuzz

    out: list[Reuse] = []
    if copied is None:
        order = sorted(range(len(items)), key=lambda i: (items[i].key, i))
        out += copies((items[i].key, items[i]) for i in order)
        copied = [(r.a.article, r.b.article) for r in out]
    if rare is None:
        rare = rare_terms(Counter(t for p in items for t in p.terms), len(items))
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(items):
        for t in p.terms:
            if t in rare:
                index[t].append(i)
    useful = {t for t, members in index.items() if len(members) <= MAX_SENTENCES}  # else says nothing of a pair
    # an article retold in another: several of its sentences reworded there (a lower bar per sentence)
    weak: dict[tuple[str, str], list[Reuse]] = defaultdict(list)
    for i, a in enumerate(items):
        # candidates sentence by sentence: memory holds one sentence's, not every pair that shares a term
        shared = Counter(j for t in a.terms if t in useful for j in index[t] if j > i)
        for j in sorted(shared):
            b = items[j]
            if shared[j] < MIN_SHARED or a.key == b.key or (a.article == b.article and a.start == b.start):
                continue
            score = fuzz.token_set_ratio(a.key, b.key)
            found = Reuse(a, b, round(score / 100, 3), "near_copy" if score >= NEAR_COPY else "rewrite")
            if score >= REWRITE:
                out.append(found)
            elif score >= RETOLD and a.article != b.article:
                weak[(min(a.article, b.article), max(a.article, b.article))].append(found)
    strong = Counter(frozenset(pair) for pair in copied)
    strong.update(frozenset((r.a.article, r.b.article)) for r in out if r.kind != "copy")
    for (x, y), pairs in weak.items():
        if len(pairs) + strong[frozenset((x, y))] >= RETOLD_RUN:
            out.extend(pairs)
    return out
