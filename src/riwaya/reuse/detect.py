"""Copied and rewritten passages, sentence by sentence.

Every sentence of at least `MIN_WORDS` words is keyed on its loose normalised words. Identical keys are
copies (a summary repeated further down an article, wire copy on two sites). Otherwise two sentences
that share enough rare terms are compared with a fuzzy token-set ratio: 95 and above is a near copy,
`REWRITE` and above a rewrite of the same source text ("كشفت صحيفة … أن" retold as "زعمت صحيفة … أن").
Candidate pairs come from an inverted index of rare terms, so the work grows with the reuse, not with
the square of the corpus.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Article
from ..text.normalize import key
from ..text.terms import terms

MIN_WORDS = 8
REWRITE = 80  # token-set ratio (0–100) from which two sentences alone retell one text
RETOLD = 60  # …and from which they do when their articles share at least RETOLD_RUN such sentences
RETOLD_RUN = 3
NEAR_COPY = 95
MIN_SHARED = 3  # rare terms two sentences must share to be compared


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


def passages(articles: list[Article]) -> list[Passage]:
    out = []
    for a in articles:
        for s in a.spans("sentences"):
            text = a.text[s.start : s.end]
            words = key(text).split()
            if len(words) < MIN_WORDS:
                continue
            out.append(Passage(a.id, s.start, s.end, " ".join(words), frozenset(terms(text))))
    return out


def detect(items: list[Passage]) -> list[Reuse]:
    from rapidfuzz import fuzz

    out: list[Reuse] = []
    by_key: dict[str, list[Passage]] = defaultdict(list)
    for p in items:
        by_key[p.key].append(p)
    for same in by_key.values():
        for i in range(1, len(same)):
            out.append(Reuse(same[0], same[i], 1.0, "copy"))
    df = Counter(t for p in items for t in p.terms)
    n = max(1, len(items))
    rare = {t for t, c in df.items() if c <= max(2, int(math.sqrt(n)))}
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(items):
        for t in p.terms & rare:
            index[t].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        if len(members) > 50:
            continue  # a term in too many sentences says nothing about any pair
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    # an article retold in another: several of its sentences reworded there (a lower bar per sentence)
    weak: dict[tuple[str, str], list[Reuse]] = defaultdict(list)
    for (i, j), count in shared.items():
        a, b = items[i], items[j]
        if count < MIN_SHARED or a.key == b.key or (a.article == b.article and a.start == b.start):
            continue
        score = fuzz.token_set_ratio(a.key, b.key)
        found = Reuse(a, b, round(score / 100, 3), "near_copy" if score >= NEAR_COPY else "rewrite")
        if score >= REWRITE:
            out.append(found)
        elif score >= RETOLD and a.article != b.article:
            weak[(min(a.article, b.article), max(a.article, b.article))].append(found)
    strong = Counter(frozenset((r.a.article, r.b.article)) for r in out)
    for (x, y), pairs in weak.items():
        if len(pairs) + strong[frozenset((x, y))] >= RETOLD_RUN:
            out.extend(pairs)
    return out
