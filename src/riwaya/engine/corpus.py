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
    """Claims from the stored attributions, with contradictions and origins — story by story: a claim is
    told within one story, and grouping a whole day of news at once chains unrelated statements that
    share a few words into one giant "claim" (on ant_sample: 9,336 statements)."""
    from collections import defaultdict

    from ..claims.group import Claim, Contradiction, contradictions, group, statements

    story_of = dict(store.conn.execute("SELECT article, story FROM story_articles").fetchall())
    by_story: dict[str, list] = defaultdict(list)
    for item in statements(articles):
        by_story[str(story_of.get(item.article.id, item.article.id))].append(item)
    reused_by_story: dict[str, list] = defaultdict(list)
    for r in store.reuse():
        a, b = r["a"], r["b"]
        pair = ((a["article"], a["start"], a["end"]), (b["article"], b["start"], b["end"]))
        reused_by_story[str(story_of.get(a["article"], a["article"]))].append(pair)
    claims: list[Claim] = []
    contra: list[Contradiction] = []
    for story in sorted(by_story):
        items = by_story[story]
        story_claims = group(items, reused_by_story.get(story, []))
        claims += story_claims
        contra += contradictions(story_claims, items)
    return store.replace_claims(sorted(claims, key=lambda c: c.id), contra)


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
    cluster_stories(store, articles)  # before claims: claims are grouped within a story
    claims, contra = group_claims(store, articles)
    return {"dated": dated, "entities": entities, "claims": claims, "contradictions": contra, "reuse": reuse}
