"""Corpus stages: steps that need the whole collection, run over the store after the per-article pass.

They recompute from stored per-article results, so they can run again at any time (after every
`analyze`) and give the same answer for the same store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ..model import Article
from ..store import Store
from ..time.publication import infer_corpus
from ..time.stage import DatesStage


def infer_publication_dates(store: Store, articles: list[Article]) -> int:
    """Date the undated articles from what they and the corpus say; re-resolve their dates. Returns count."""
    guesses = infer_corpus(articles)
    stage = DatesStage()
    changed = 0
    for art in articles:
        guess = guesses.get(art.id)
        if guess is None:
            continue
        iso = guess.isoformat()
        if art.published == iso and art.published_basis == "inferred":
            continue
        art.published, art.published_basis = iso, "inferred"
        stage(art)
        store.update_layers(art, ["dates"])
        changed += 1
    return changed


def resolve_entities(store: Store, articles: list[Article]) -> int:
    """Entities across the corpus from the stored, keyed mentions of every article."""
    from ..entities.resolve import resolve_corpus

    return store.replace_entities(resolve_corpus(articles))


def _claims_of_story(story: str, values: list[tuple]) -> tuple[list, list]:
    """One story's claims and contradictions from its tagged values: ("s", order, statement) and
    ("r", reuse pair). Statements are put back in corpus order (a group-by-key does not keep it)."""
    from ..claims.group import contradictions, group

    items = [v[2] for v in sorted((v for v in values if v[0] == "s"), key=lambda v: v[1])]
    reused = sorted(v[1] for v in values if v[0] == "r")
    claims = group(items, reused)
    return claims, contradictions(claims, items)


def group_by_key_locally(pairs: list[tuple[str, tuple]], fn: Callable[[str, list[tuple]], Any]) -> list[Any]:
    groups: dict[str, list[tuple]] = defaultdict(list)
    for k, v in pairs:
        groups[k].append(v)
    return [fn(k, groups[k]) for k in sorted(groups)]


def group_claims(store: Store, articles: list[Article], runner: Any = None) -> tuple[int, int]:
    """Claims from the stored attributions, with contradictions and origins — story by story, as a
    group-by-key (on Spark with the spark engine): a claim is told within one story, and grouping a whole
    day of news at once chains unrelated statements that share a few words into one giant "claim" (on
    ant_sample: 9,336 statements)."""
    from ..claims.group import Claim, Contradiction, statements

    story_of = dict(store.conn.execute("SELECT article, story FROM story_articles").fetchall())
    pairs: list[tuple[str, tuple]] = []
    for order, item in enumerate(statements(articles)):
        pairs.append((str(story_of.get(item.article.id, item.article.id)), ("s", order, item)))
    for r in store.reuse():
        a, b = r["a"], r["b"]
        pair = ((a["article"], a["start"], a["end"]), (b["article"], b["start"], b["end"]))
        pairs.append((str(story_of.get(a["article"], a["article"])), ("r", pair)))
    by_key = getattr(runner, "group_by_key", None) or group_by_key_locally
    claims: list[Claim] = []
    contra: list[Contradiction] = []
    for story_claims, story_contra in by_key(pairs, _claims_of_story):
        claims += story_claims
        contra += story_contra
    return store.replace_claims(sorted(claims, key=lambda c: c.id), sorted(contra, key=lambda x: x.id))


def find_reuse(store: Store, articles: list[Article], runner: Any = None) -> int:
    """Sentence-level copies and rewrites over the corpus, then copies of whole articles and paragraphs
    through the MinHash LSH bands kept in the store (only the articles not indexed yet are hashed)."""
    from ..reuse import lsh
    from ..reuse.detect import detect, passages

    sentences = store.replace_reuse(detect(passages(articles)))
    hasher = getattr(runner, "map_each", None)
    lsh.index(store.conn, (lsh.Doc(a.id, a.text, a.published) for a in articles), hasher=hasher)
    return sentences + store.conn.execute("SELECT COUNT(*) FROM passage_reuse").fetchone()[0]


def cluster_stories(store: Store, articles: list[Article]) -> int:
    """Assign articles not yet in a story (incremental: earlier assignments stay)."""
    from collections import Counter

    from ..stories.cluster import assign
    from ..text.terms import terms

    assigned = {r[0] for r in store.conn.execute("SELECT article FROM story_articles")}
    new = [a for a in articles if a.id not in assigned]
    if not new:
        return 0
    df: Counter[str] = Counter()
    for a in articles:
        df.update(terms(a.text))
    reused: dict[str, set[str]] = {}
    for r in store.reuse():
        x, y = r["a"]["article"], r["b"]["article"]
        if x != y:
            reused.setdefault(x, set()).add(y)
            reused.setdefault(y, set()).add(x)
    stories = store.load_stories()
    changed = assign(new, stories, df, len(articles), reused)
    store.save_stories(changed)
    return len(new)


def run_corpus_stages(store: Store, reuse_window: int | None = None, runner: Any = None) -> dict[str, int]:
    """The corpus stages in order. `reuse_window`: days of news whose LSH bands are kept (a sliding window
    that bounds the copy-detection state of a store that grows run after run). `runner`: an engine with
    `group_by_key` (Spark) for the per-story claim grouping; else it runs here."""
    # One read of the store for all stages (each read costs seconds on thousands of articles);
    # publication inference updates these same objects before the later stages see them.
    articles = list(store.articles(skip_layers=("clauses",)))  # no corpus stage reads the clauses
    dated = infer_publication_dates(store, articles)
    entities = resolve_entities(store, articles)
    reuse = find_reuse(store, articles, runner)  # before claims: a retold passage carries its claim
    if reuse_window is not None:
        from datetime import date, timedelta

        from ..reuse.lsh import prune

        days = [a.published[:10] for a in articles if a.published and len(a.published) >= 10]
        if days:
            prune(store.conn, (date.fromisoformat(max(days)) - timedelta(days=reuse_window)).isoformat())
    cluster_stories(store, articles)  # before claims: claims are grouped within a story
    claims, contra = group_claims(store, articles, runner)
    return {"dated": dated, "entities": entities, "claims": claims, "contradictions": contra, "reuse": reuse}
