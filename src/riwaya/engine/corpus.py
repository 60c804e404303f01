"""Corpus stages: steps that need the whole collection, run over the store after the per-article pass.

They recompute from stored per-article results, so they can run again at any time (after every
`analyze`) and give the same answer for the same store.
"""

from __future__ import annotations

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


def group_claims(store: Store, articles: list[Article]) -> tuple[int, int]:
    """Claims across the corpus from the stored attributions, with contradictions and origins."""
    from ..claims.group import contradictions, group, statements

    items = statements(articles)
    reused = [
        ((r["a"]["article"], r["a"]["start"], r["a"]["end"]), (r["b"]["article"], r["b"]["start"], r["b"]["end"]))
        for r in store.reuse()
    ]
    claims = group(items, reused)
    return store.replace_claims(claims, contradictions(claims, items))


def find_reuse(store: Store, articles: list[Article]) -> int:
    from ..reuse.detect import detect, passages

    return store.replace_reuse(detect(passages(articles)))


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


def run_corpus_stages(store: Store) -> dict[str, int]:
    # One read of the store for all stages (each read costs seconds on thousands of articles);
    # publication inference updates these same objects before the later stages see them.
    articles = list(store.articles())
    dated = infer_publication_dates(store, articles)
    entities = resolve_entities(store, articles)
    reuse = find_reuse(store, articles)  # before claims: a retold passage carries its claim
    claims, contra = group_claims(store, articles)
    cluster_stories(store, articles)
    return {"dated": dated, "entities": entities, "claims": claims, "contradictions": contra, "reuse": reuse}
