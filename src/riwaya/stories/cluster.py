"""Incremental story clustering: each new article joins the closest story of its time or opens one.

A story is one event or case as a fact-checker means it ("the Afrin operation", "the Skripal
poisoning"), not a topic. An article is a tf-idf vector of its content terms (title words weigh more;
rarity counted over the store and a background of news, `background.py`); a story is the sum of its
articles' vectors, its centroid. An article joins the story whose centroid is closest by cosine,
halved for every `half_life_days` between them, when that reaches `join`; text it copies from a
story's article adds `reuse_bonus`. Comparing with the whole story's centroid, not with its nearest
article, keeps a story from growing by a chain of weak links; two stories that grow into one event
(two first reports of it) merge. Settings: `resources/stories/stories.toml`.

Incremental: stories already formed are not recomputed; a day's articles touch only the stories
they join. Every sum is exact (`math.fsum`) and every tie broken by id, so the result does not depend
on the hash seed or the worker count.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from ..model import Article
from ..resources import load_toml
from ..text.normalize import fold
from ..text.terms import term_counts
from .background import background

Vector = dict[str, float]


@cache
def settings() -> dict[str, Any]:
    return load_toml("stories", "stories.toml")


class Central(NamedTuple):
    """An article that may give its story its label: the most central of them does."""

    id: str
    headline: str
    vector: Vector


@dataclass(eq=False)  # a story is itself: compared by identity (a list of thousands is searched by it)
class Story:
    id: str
    title: str  # the label: the headline of the most central article
    first: str | None
    last: str | None
    signature: Counter[str] = field(default_factory=Counter)  # the centroid (sum of the articles' vectors)
    articles: list[str] = field(default_factory=list)
    central: list[Central] = field(default_factory=list)


class Signed(NamedTuple):
    """What story assignment needs of an article (made anywhere: a worker process sends it back)."""

    id: str
    title: str  # its headline (`headline`)
    published: str | None
    signature: Vector  # unit-length tf-idf vector


def headline(article: Article) -> str:
    """The article's title; else its first line when short enough to be one; else that line's first clause,
    or its first words up to a word's end with "…" (a label is never cut inside a word)."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    first = " ".join(article.text.strip().split("\n", 1)[0].split())
    words = first.split()
    if len(words) <= HEADLINE_WORDS:
        return first
    clause = re.split(r"[،,.:؛!؟?]", first, maxsplit=1)[0].split()
    if 3 <= len(clause) <= HEADLINE_WORDS:
        return " ".join(clause)
    return " ".join(words[: HEADLINE_WORDS - 3]) + " …"


HEADLINE_WORDS = 15


class Rarity:
    """How rare each term is (its idf), over the store (`df`: document frequencies, `n`: articles) and the
    background together; each term's weight is worked out once."""

    def __init__(self, df: Counter[str], n: int) -> None:
        self.df = df
        self.bg, bn = background()
        self.total = n + bn + 1
        self.store_total = n + 1
        self.memo: dict[str, float] = {}

    def of(self, term: str) -> float:
        w = self.memo.get(term)
        if w is None:
            if term.startswith(DAY):  # the background knows no days: counted in the store alone
                w = math.log(self.store_total / (self.df.get(term, 0) + 1))
            else:
                w = math.log(self.total / (self.df.get(term, 0) + self.bg.get(term, 0) + 1))
            self.memo[term] = w
        return w


def signature(article: Article, df: Counter[str] | Rarity, n: int = 0) -> Vector:
    """The article's unit tf-idf vector over its `article_terms` weightiest terms. `df`: the store's
    document frequencies (and `n` its size), or a `Rarity` made of them already."""
    cfg = settings()
    rarity = df if isinstance(df, Rarity) else Rarity(df, n)
    body = term_counts(article.text)
    title = term_counts(article.title or "")
    weights: dict[str, float] = {}
    for t in body.keys() | title.keys():
        tf = (1 + math.log(body[t]) if t in body else 0.0) + (cfg["title_weight"] if t in title else 0.0)
        weights[t] = tf * rarity.of(t)
    for d in event_days(article):
        weights[d] = cfg["event_date_weight"] * rarity.of(d)
    return _unit(_top(weights, int(cfg["article_terms"])))


def event_days(article: Article) -> set[str]:
    """The days the article dates events on ("D:2025-01-11"), its own publication day and the days
    beside it left out (what every article of a day says): two articles that date the same event
    tell of it, however far apart they were published. Needs the `dates` layer (none: no days)."""
    pub = _day(article.published)
    out = set()
    for span in article.layers.get("dates", ()):
        d = span.attrs.get("date") or ""
        day = _day(d) if len(d) == 10 else None
        if day is not None and (pub is None or abs(day - pub) > 1):
            out.add(DAY + d)
    return out


DAY = "D:"  # the prefix of an event day among a vector's terms
CENTRAL_TERMS = 20  # terms of an article kept to rank it among its story's label candidates


def signed(article: Article, rarity: Rarity) -> Signed:
    return Signed(article.id, headline(article), article.published, signature(article, rarity))


def _top(weights: dict[str, float], k: int) -> dict[str, float]:
    # ties broken by the term itself: insertion order would follow set order, and so the hash seed
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:k])


# Plain sums in dict order: a vector's order is that of `_top` (weight, then term), never a set's, so
# the same inputs give the same float in every process whatever the hash seed.
def _norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def _unit(v: dict[str, float]) -> Vector:
    n = _norm(v)
    return {t: x / n for t, x in v.items()} if n else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    # the shared terms found in C (few of them); fsum: exact, so their (hash-seeded) order does not matter
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


class _Index:
    """The stories, their centroid norms and a term → stories index, kept up to date as stories grow."""

    def __init__(self, stories: list[Story]) -> None:
        self.by_id = {s.id: s for s in stories}
        self.norm = {s.id: _norm(s.signature) for s in stories}
        self.span = {s.id: (_day(s.first), _day(s.last)) for s in stories}
        self.days = {s.id: _days_of(s.signature) for s in stories}
        self.by_term: dict[str, set[str]] = {}
        self.of_article = {a: s.id for s in stories for a in s.articles}
        for s in stories:
            self.add_terms(s)

    def add_terms(self, s: Story) -> None:
        # a story is found by its weightiest terms only: what an article close to it shares with it
        for t in list(s.signature)[: int(settings()["index_terms"])]:
            self.by_term.setdefault(t, set()).add(s.id)

    def gap(self, day: int | None, sid: str, vector: Vector | None = None) -> float:
        """Days between an article and a story: none when they date the same event (`vector`: the
        article's), else between its publication and the story's first and last."""
        if vector and self.days[sid] and not self.days[sid].isdisjoint(vector):
            return 0.0
        first, last = self.span[sid]
        if day is None or first is None or last is None:
            return 0.0
        return float(max(0, day - last, first - day))

    def candidates(self, terms: Iterable[str], least: int) -> list[str]:
        counts = Counter(sid for t in terms for sid in self.by_term.get(t, ()))
        # the index also holds terms a story's centroid has since dropped, and stories merged away
        return sorted(sid for sid, k in counts.items() if k >= least and sid in self.by_id)

    def closeness(self, vector: Vector, sid: str, gap: float) -> float:
        cfg = settings()
        cos = _dot(vector, self.by_id[sid].signature) / max(1e-12, self.norm[sid])
        floor = cfg.get("decay_floor", 0.0)
        return cos * (floor + (1 - floor) * 0.5 ** (gap / cfg["half_life_days"]))


def assign(new: Iterable[Signed], stories: list[Story], reused: Callable[[str], Iterable[str]]) -> list[Story]:
    """Put each new article into a story; returns the stories that changed (a story merged into another is
    gone from `stories`, and its articles are in the one returned). `new` comes oldest first (publication
    date, then id: the caller streams it so); `reused(id)`: the articles it copies or is copied by."""
    cfg = settings()
    index = _Index(stories)
    changed: dict[str, Story] = {}
    for art in new:
        day = _day(art.published)
        linked = {index.of_article[x] for x in reused(art.id) if x in index.of_article}
        best, score = None, 0.0
        probe = list(art.signature)[: int(cfg["index_terms"]) // 2]  # its weightiest terms
        for sid in sorted(set(index.candidates(probe, 2)) | linked):
            gap = index.gap(day, sid, art.signature)
            if gap > cfg["max_gap_days"]:
                continue
            sim = index.closeness(art.signature, sid, gap) + (cfg["reuse_bonus"] if sid in linked else 0.0)
            if sim > score:
                best, score = sid, sim
        if best is None or score < cfg["join"]:
            story = Story("s:" + hashlib.sha256(art.id.encode()).hexdigest()[:12], art.title, art.published,
                          art.published)
            stories.append(story)
            index.by_id[story.id] = story
        else:
            story = index.by_id[best]
        _add(story, art, index)
        changed[story.id] = story
        if len(story.articles) <= cfg["small_story"] + 1:  # a story taking shape: is it one begun already?
            _merge(story, index, stories, changed)
    # again over every story that changed, until none merges: a story that grew late may now be close
    # to a first report that opened a story of its own before it (the order of arrival matters less)
    todo = sorted(changed, reverse=True)
    while todo:
        sid = todo.pop()
        kept = _merge(index.by_id[sid], index, stories, changed) if sid in index.by_id else None
        if kept is not None:
            todo.append(kept.id)  # it may be close to yet another
    for s in changed.values():
        _label(s)
    return list(changed.values())


def _merge(story: Story, index: _Index, stories: list[Story], changed: dict[str, Story]) -> Story | None:
    """The story `story` became part of (itself, or the one it merged into), if it merged."""
    merged = _merge_into_twin(story, index, stories)
    if merged is None:
        return None
    changed.pop(merged[1], None)
    changed[merged[0].id] = merged[0]
    return merged[0]


def _add(story: Story, art: Signed, index: _Index) -> None:
    cfg = settings()
    story.articles.append(art.id)
    centroid = dict(story.signature)
    for t, x in art.signature.items():
        centroid[t] = centroid.get(t, 0.0) + x
    story.signature = Counter(_top(centroid, int(cfg["story_terms"])))
    if art.published:
        story.first = min(filter(None, [story.first, art.published]))
        story.last = max(filter(None, [story.last, art.published]))
    if art.title:  # what choosing a label needs of it: its headline and its weightiest terms
        story.central.append(Central(art.id, art.title, dict(list(art.signature.items())[:CENTRAL_TERMS])))
    index.norm[story.id] = _norm(story.signature)
    index.span[story.id] = (_day(story.first), _day(story.last))
    index.days[story.id] = _days_of(story.signature)
    index.of_article[art.id] = story.id
    index.add_terms(story)


def _merge_into_twin(story: Story, index: _Index, stories: list[Story]) -> tuple[Story, str] | None:
    """Merge `story` with a story of its time that tells the same event: (the story kept, the id of the one
    merged into it), or None. A small story (`small_story` articles or fewer: a first report before the
    event had a story) joins a larger one as its articles would, were they new; two larger stories merge
    when their centroids are within `merge` of each other."""
    cfg = settings()
    first, last = index.span[story.id]
    top = list(story.signature)[:30]
    for sid in index.candidates(top, 3):
        if sid == story.id:
            continue
        other = index.by_id[sid]
        o_first, o_last = index.span[sid]
        gap = 0.0
        if None not in (first, last, o_first, o_last) and index.days[story.id].isdisjoint(index.days[sid]):
            gap = float(max(0, o_first - last, first - o_last))  # type: ignore[operator]
        if gap > cfg["max_gap_days"]:
            continue
        small = min(len(story.articles), len(other.articles)) <= cfg["small_story"]
        if not small and gap > cfg["half_life_days"]:
            continue
        cos = _dot(story.signature, other.signature) / max(1e-12, index.norm[story.id] * index.norm[sid])
        # a small story joins a larger one undecayed (a first report of an event may come days before the
        # rest of the story does), on a lower bar than an article joining: one article's words weigh less in
        # a grown story's centroid, and the larger story has been seen whole; two larger ones must be twins
        if cos < (cfg["small_join"] if small else cfg["merge"]):
            continue
        keep, gone = sorted((story, other), key=lambda s: (-len(s.articles), s.id))
        keep.articles.extend(gone.articles)
        centroid = Counter(keep.signature)
        for t, x in gone.signature.items():
            centroid[t] += x
        keep.signature = Counter(_top(centroid, int(cfg["story_terms"])))
        keep.first = min(filter(None, [keep.first, gone.first]), default=None)
        keep.last = max(filter(None, [keep.last, gone.last]), default=None)
        keep.central.extend(gone.central)
        index.norm[keep.id] = _norm(keep.signature)
        index.span[keep.id] = (_day(keep.first), _day(keep.last))
        index.days[keep.id] = _days_of(keep.signature)
        index.add_terms(keep)
        for a in gone.articles:
            index.of_article[a] = keep.id
        _forget(gone, index, stories)
        return keep, gone.id
    return None


def _days_of(signature: dict[str, float]) -> frozenset[str]:
    return frozenset(t for t in signature if t.startswith(DAY))


def _forget(story: Story, index: _Index, stories: list[Story]) -> None:
    del index.by_id[story.id], index.norm[story.id], index.span[story.id], index.days[story.id]
    stories.remove(story)


def _label(story: Story) -> None:
    """Keep the `label_candidates` articles closest to the centroid; the closest names the story."""
    k = int(settings()["label_candidates"])
    norm = max(1e-12, _norm(story.signature))
    ranked = sorted(story.central, key=lambda c: (-_dot(c.vector, story.signature) / norm, c.id))
    story.central = ranked[:k]
    plain = [c for c in story.central if not _is_teaser(c.headline)]
    if story.central:
        story.title = (plain or story.central)[0].headline


def _is_teaser(headline: str) -> bool:
    """A video, live or gallery teaser ("شاهد.. …", "مباشر: …"): a poor name for a story."""
    first = fold(headline.split(maxsplit=1)[0]).strip(".:،,-–") if headline.split() else ""
    return first in _teasers()


@cache
def _teasers() -> frozenset[str]:
    return frozenset(fold(w) for w in settings()["teaser_words"])
