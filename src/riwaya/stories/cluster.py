"""Incremental story clustering: each new article joins the closest existing story or starts a new one.

An article's signature is its rarest content terms (title counted twice) and its entities; a story's
signature is the running sum of its articles'. Similarity is a weighted overlap of signatures; text
one article reuses from another pulls it into that article's story. Stories already formed are
never recomputed: adding a day's articles touches only the new ones and the stories they join.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Article
from ..text.terms import terms

JOIN = 0.1  # overlap from which an article belongs to a story
SIGNATURE_SIZE = 40  # terms and entities kept per signature (bounded memory, whatever the history)


@dataclass
class Story:
    id: str
    title: str
    first: str | None
    last: str | None
    signature: Counter[str] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)


def signature(article: Article, df: Counter[str], n: int) -> Counter[str]:
    words = Counter(terms(article.text))
    for t in terms(article.title or ""):
        words[t] += 2
    for m in article.spans("entities"):
        if m.attrs.get("key"):
            words[m.attrs["key"]] += 1
    weighted = Counter({t: c * math.log(1 + n / (1 + df[t])) for t, c in words.items()})
    return _top(weighted)


def _top(weights: Counter[str]) -> Counter[str]:
    # ties broken by the term itself: `terms` is a set, so insertion order would follow the hash seed
    return Counter(dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:SIGNATURE_SIZE]))


def _overlap(a: Counter[str], b: Counter[str], a_total: float, b_total: float) -> float:
    """The weight two signatures share, relative to the lighter one (`_total` of each, made once)."""
    # fsum is exact, so the result does not depend on the (hash-seeded) order of the shared keys
    shared = math.fsum(min(a[t], b[t]) for t in a.keys() & b.keys())
    return shared / max(1e-9, min(a_total, b_total))


def _total(signature: Counter[str]) -> float:
    return math.fsum(signature.values())


class Signed(NamedTuple):
    """What story assignment needs of an article (made anywhere: a worker process sends it back)."""

    id: str
    title: str
    published: str | None
    signature: Counter[str]


def signed(article: Article, df: Counter[str], n: int) -> Signed:
    title = article.title or article.text.split("\n")[0][:120]
    return Signed(article.id, title, article.published, signature(article, df, n))


def assign(new: Iterable[Signed], stories: list[Story], reused: Callable[[str], Iterable[str]]) -> list[Story]:
    """Put each new article into a story; returns the stories that changed. `new` comes oldest first
    (publication date, then id: the caller streams it so); `reused(id)`: the articles it copies or is
    copied by."""
    of_article = {a: s for s in stories for a in s.articles}
    by_term: dict[str, set[str]] = {}
    by_id = {s.id: s for s in stories}
    totals = {s.id: _total(s.signature) for s in stories}  # kept up to date as stories grow
    for s in stories:
        for t in s.signature:
            by_term.setdefault(t, set()).add(s.id)
    changed: dict[str, Story] = {}
    for art in new:
        sig = art.signature
        linked = [of_article[x] for x in sorted(reused(art.id)) if x in of_article]
        best = linked[0] if linked else None
        if best is None:
            # only stories that share a signature term can be close (an index, not a scan of the past)
            candidates = Counter(sid for t in sig for sid in by_term.get(t, ()))
            own = _total(sig)
            scored = [(_overlap(sig, by_id[sid].signature, own, totals[sid]), sid)
                      for sid, k in candidates.items() if k >= 2]
            top = max(scored, default=None)
            if top is not None and top[0] >= JOIN:
                best = by_id[top[1]]
        if best is None:
            sid = "s:" + hashlib.sha256(art.id.encode()).hexdigest()[:12]
            best = Story(sid, art.title, art.published, art.published)
            stories.append(best)
            by_id[sid] = best
        best.articles.append(art.id)
        best.signature = _top(best.signature + sig)
        totals[best.id] = _total(best.signature)
        for t in best.signature:
            by_term.setdefault(t, set()).add(best.id)
        if art.published:
            best.first = min(filter(None, [best.first, art.published]))
            best.last = max(filter(None, [best.last, art.published]))
        of_article[art.id] = best
        changed[best.id] = best
    return list(changed.values())
