"""Corpus stages: steps that need the whole collection, run over the store after the per-article pass.

They recompute from stored per-article results, so they can run again at any time (after every
`analyze`) and give the same answer for the same store. They stream the articles from the store a few
hundred at a time, each with only the span layers it reads, and keep compact summaries (mentions,
events, story signatures): memory follows the largest story, not the store.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import nullcontext
from functools import partial
from typing import Any

from ..model import Article
from ..store import Store
from ..store.sqlite import StoryRows
from .forked import forked, in_order, worker_data, worker_store

STORY_LAYERS = ("sentences", "attributions", "entities")  # what claims and sentence reuse read
Pair = tuple[tuple[str, int, int], tuple[str, int, int]]


def refurnish(store: Store, analyse: Callable[[list[Article]], list[Any]] | None = None) -> int:
    """Furniture only the corpus shows (other articles' headlines set into a body, lines an outlet repeats):
    the articles that hold it are cleaned again and analysed anew (`analyse`: the per-article stages, as the
    engine that ran them has them ready; else a pipeline made here). Returns how many were."""
    from ..clean.corpus_furniture import find, without

    found = find(store.articles(layers=()))
    if not found:
        return 0
    old = list(store.articles(layers=(), ids=sorted(found)))
    fresh = [without(a, found[a.id]) for a in old]
    if analyse is None:
        from ..pipeline import Pipeline

        analyse = lambda batch: list(Pipeline.from_names().pipe(batch))  # noqa: E731
    return store.replace_articles(zip((a.id for a in old), analyse(fresh), strict=True))


def infer_publication_dates(store: Store) -> int:
    """Date the undated articles from what they and the corpus say; re-resolve their dates. Returns count."""
    from ..time.publication import corpus_evidence, infer
    from ..time.stage import DatesStage

    undated = store.article_ids("published IS NULL OR published = '' OR published_basis = 'inferred'")
    if not undated:
        return 0  # a corpus dated by its pages (feeds, JSONL dumps) needs no pass over the text
    layers = ("sentences", "dates")
    prior, events = corpus_evidence(store.articles(layers=layers))
    stage = DatesStage()
    changed = 0
    for art in store.articles(layers=layers, ids=undated):
        guess = infer(art, events, prior)
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


def resolve_entities(store: Store) -> int:
    """Entities across the corpus from the stored, keyed mentions of every article."""
    from ..entities.resolve import resolve_corpus

    return store.replace_entities(resolve_corpus(lambda: store.articles(layers=("entities",)),
                                                 texts=lambda: store.articles(layers=())))


def find_copies(store: Store, runner: Any = None) -> int:
    """Copies of whole articles and paragraphs through the MinHash LSH bands kept in the store: only the
    articles not indexed yet are read and hashed. Returns the number of passage pairs in the store."""
    from ..reuse import lsh

    todo = store.article_ids("id NOT IN (SELECT article FROM lsh_done)")
    docs = (lsh.Doc(a.id, a.text, a.published) for a in store.articles(layers=(), ids=todo))
    lsh.index(store.conn, docs, hasher=getattr(runner, "map_each", None))
    return int(store.conn.execute("SELECT COUNT(*) FROM passage_reuse").fetchone()[0])


def index_sentences(store: Store) -> tuple[int, set[str]]:
    """Sentences copied word for word anywhere in the corpus, and the terms rare across its sentences (the
    candidates for rewrites, compared story by story). Each sentence's key is hashed into a scratch table
    that SQLite groups: memory holds the vocabulary, not the sentences. Returns (copies, rare terms)."""
    from ..reuse.detect import Passage, copies, digest, rare_terms, sentence_keys
    from ..text.terms import terms_of_key

    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sentence_keys"
                 " (digest INTEGER, n INTEGER, article TEXT, start INTEGER, end INTEGER)")
    conn.execute("DELETE FROM sentence_keys")
    df: Counter[str] = Counter()
    n = 0
    for a in store.articles(layers=("sentences",)):
        rows = []
        for s, e, k in sentence_keys(a):
            rows.append((digest(k), n, a.id, s, e))
            df.update(terms_of_key(k))  # the key is the sentence's loose form: its terms, as `terms` finds them
            n += 1
        conn.executemany("INSERT INTO sentence_keys VALUES (?, ?, ?, ?, ?)", rows)
    rows = conn.execute(
        "SELECT digest, article, start, end FROM sentence_keys WHERE digest IN"
        " (SELECT digest FROM sentence_keys GROUP BY digest HAVING COUNT(*) > 1) ORDER BY digest, n"
    )
    # written as they are read: a store of perturbed repeats holds millions of copied sentences
    found = store.replace_sentence_copies(copies((d, Passage(a, s, e, "", frozenset())) for d, a, s, e in rows))
    conn.execute("DELETE FROM sentence_keys")
    return found, rare_terms(df, n)


def story_term_counts(store: Store) -> tuple[Counter[str], int] | None:
    """How often each term occurs in the corpus, and its size (what story signatures weigh terms by);
    None when every article is in a story already (nothing to assign)."""
    from ..stories.cluster import event_days
    from ..text.terms import terms

    if not store.article_ids("id NOT IN (SELECT article FROM story_articles)"):
        return None
    df: Counter[str] = Counter()
    n = 0
    for a in store.articles(layers=("dates",)):
        df.update(terms(a.text))
        df.update(event_days(a))
        n += 1
    return df, n


def cluster_stories(store: Store, counts: tuple[Counter[str], int] | None = None, workers: int = 1) -> int:
    """Assign articles not yet in a story, oldest first (incremental: earlier assignments stay). `counts`:
    `story_term_counts`, if already taken. With `workers` > 1 the articles' signatures are made on forked
    processes (the assignment itself is sequential: each article sees the stories before it)."""
    from ..stories.cluster import Rarity, assign, signed

    new = store.article_ids("id NOT IN (SELECT article FROM story_articles)", order="published, id")
    if not new:
        return 0
    df, n = counts or story_term_counts(store) or (Counter(), 0)
    if workers > 1 and store.path.is_file():
        chunks = [new[i : i + SIGN_CHUNK] for i in range(0, len(new), SIGN_CHUNK)]
        with forked(workers, str(store.path), (df, n)) as pool:
            ordered = (x for part in in_order(pool, _sign_task, chunks, 4 * workers) for x in part)
            changed = assign(ordered, store.load_stories(), store.copied_with)
    else:
        articles = store.articles(layers=("dates",), ids=new)
        rarity = Rarity(df, n)
        changed = assign((signed(a, rarity) for a in articles), store.load_stories(), store.copied_with)
    store.save_stories(changed)
    return len(new)


SIGN_CHUNK = 200  # articles a signature task reads from the store


def _sign_task(ids: list[str]) -> list[Any]:
    from ..stories.cluster import Rarity, signed

    global _RARITY
    data = worker_data()
    if _RARITY is None or _RARITY[0] is not data:
        _RARITY = (data, Rarity(*data))  # once per worker: each term's weight worked out once
    return [signed(a, _RARITY[1]) for a in worker_store().articles(layers=("dates",), ids=ids)]


_RARITY: tuple[Any, Any] | None = None


def _values_of(articles: Iterable[Article]) -> Iterator[tuple]:
    """One story's inputs, tagged and numbered in corpus order: ("s", n, statement), ("p", n, passage)."""
    from ..claims.group import statements
    from ..reuse.detect import passages

    order = 0
    for a in articles:
        for st in statements([a]):
            yield ("s", order, st)
            order += 1
        for p in passages([a]):
            yield ("p", order, p)
            order += 1


def story_outputs(story: str, values: list[tuple], rare: Container[str] | None = None) -> tuple[list, list, list]:
    """One story's sentence near copies and rewrites, claims and contradictions from its tagged values:
    statements and passages, ("s"/"p", n, item), and copies, ("c", sentence pair) and ("r", LSH pair).
    Values are put back in corpus order (a group-by-key does not keep it). Sentences are compared within
    a story (a retelling is of the same events; comparing a day of news at once costs memory with the
    whole store), on the terms `rare` in the corpus."""
    from ..claims.group import contradictions, group
    from ..reuse.detect import detect

    ordered = sorted((v for v in values if v[0] in "sp"), key=lambda v: v[1])
    items = [v[2] for v in ordered if v[0] == "s"]
    copied = sorted((v[1][0][0], v[1][1][0]) for v in values if v[0] == "c")
    found = detect([v[2] for v in ordered if v[0] == "p"], copied, rare)
    pairs: set[Pair] = {v[1] for v in values if v[0] in "cr"}
    pairs |= {((r.a.article, r.a.start, r.a.end), (r.b.article, r.b.start, r.b.end)) for r in found}
    claims = group(items, sorted(pairs))
    return found, claims, contradictions(claims, items)


def group_by_key_locally(pairs: list[tuple[str, tuple]], fn: Callable[[str, list[tuple]], Any]) -> list[Any]:
    groups: dict[str, list[tuple]] = defaultdict(list)
    for k, v in pairs:
        groups[k].append(v)
    return [fn(k, groups[k]) for k in sorted(groups)]


def _story_members(store: Store) -> dict[str, list[str]]:
    """Story id -> its article ids in corpus order."""
    members: dict[str, list[str]] = defaultdict(list)
    for story, aid in store.conn.execute(
        "SELECT s.story, a.id FROM story_articles s JOIN articles a ON a.id = s.article"
        " ORDER BY s.story, a.source, a.part, a.id"
    ).fetchall():
        members[story].append(aid)
    for aid in store.article_ids("id NOT IN (SELECT article FROM story_articles)"):
        members[aid].append(aid)  # not clustered (cannot happen after cluster_stories): a story of its own
    return members


def _one_story(store: Store, story: str, ids: list[str], rare: Container[str] | None) -> StoryRows:
    values = list(_values_of(store.articles(layers=STORY_LAYERS, ids=ids)))
    values += [("r", pair) for pair in store.copy_pairs(ids)]
    values += [("c", pair) for pair in store.copy_pairs(ids, sentences=True)]
    return Store.story_rows(*story_outputs(story, values, rare))


def story_rows(story: str, values: list[tuple], rare: Container[str] | None = None) -> StoryRows:
    """`story_outputs` as the store's rows (what a Spark task sends back)."""
    return Store.story_rows(*story_outputs(story, values, rare))


BIG_STORY = 2_000  # articles: a story this large is analysed alone (memory follows the largest story)
TASK_ARTICLES = 60  # articles per task of small stories


def _stories_task(stories: list[tuple[str, list[str]]]) -> list[StoryRows]:
    store, rare = worker_store(), worker_data()
    return [_one_story(store, story, ids, rare) for story, ids in stories]


def _tasks(members: dict[str, list[str]]) -> Iterator[list[tuple[str, list[str]]]]:
    """Stories in story order, grouped into tasks of about `TASK_ARTICLES` articles (most stories are small:
    one task each would cost more in messages than in work); a story of `BIG_STORY` articles alone."""
    task: list[tuple[str, list[str]]] = []
    size = 0
    for story in sorted(members):
        ids = members[story]
        if task and (size + len(ids) > TASK_ARTICLES or len(ids) >= BIG_STORY):
            yield task
            task, size = [], 0
        task.append((story, ids))
        size += len(ids)
    if task:
        yield task


def _story_by_story(store: Store, rare: Container[str], workers: int = 1) -> Iterator[StoryRows]:
    """The local engine: each story's articles read from the store when its turn comes; with `workers` > 1
    on forked processes, a window of tasks at a time, written in story order. A story of `BIG_STORY`
    articles or more runs alone."""
    members = _story_members(store)
    if workers <= 1 or not store.path.is_file():
        for story in sorted(members):
            yield _one_story(store, story, members[story], rare)
        return
    small: list[list[tuple[str, list[str]]]] = []
    with forked(workers, str(store.path), rare) as pool:
        for task in _tasks(members):
            if len(task[0][1]) < BIG_STORY:
                small.append(task)
                continue
            for rows in in_order(pool, _stories_task, small, 4 * workers):
                yield from rows
            small = []
            yield from pool.submit(_stories_task, task).result()
        for rows in in_order(pool, _stories_task, small, 4 * workers):
            yield from rows


def _story_by_story_on(store: Store, runner: Any, rare: Container[str]) -> list[StoryRows]:
    """The same per-story work as a group-by-key on the runner (Spark): the driver tags every statement
    and passage with its story; one task per story."""
    story_of = dict(store.conn.execute("SELECT article, story FROM story_articles").fetchall())
    pairs = []
    for v in _values_of(store.articles(layers=STORY_LAYERS)):
        aid = v[2].article if v[0] == "p" else v[2].article.id  # a passage names its article by id
        pairs.append((story_of.get(aid, aid), v))
    for tag, sentences in (("r", False), ("c", True)):
        for (a, s, e), b in store.copy_pairs(sentences=sentences):
            pairs.append((story_of.get(a, a), (tag, ((a, s, e), b))))
    return runner.group_by_key(pairs, partial(story_rows, rare=rare))


def analyse_stories(store: Store, rare: Container[str], runner: Any = None, workers: int = 1) -> tuple[int, int, int]:
    """Sentence-level copies and rewrites, claims (with origins) and contradictions, story by story: a
    claim is told within one story, and grouping a whole day of news at once chains unrelated statements
    that share a few words into one giant "claim" (on ant_sample: 9,336 statements). On Spark with the
    spark engine (a group-by-key); else streamed here. Returns counts of reuse pairs, claims, contradictions."""
    by_key = getattr(runner, "group_by_key", None)
    outputs: Iterable[StoryRows] = (
        _story_by_story_on(store, runner, rare) if by_key is not None else _story_by_story(store, rare, workers)
    )
    return store.replace_story_outputs(outputs)


def _beside_copies(path: str) -> tuple[int, int, set[str], tuple[Counter[str], int] | None]:
    """The second process' share of the corpus stages, while the first looks for copies: entities, sentence
    copies and the corpus term counts. It opens the store itself (a forked process must not use its
    parent's SQLite connection)."""
    store = Store(path)
    try:
        entities = resolve_entities(store)
        return (entities, *index_sentences(store), story_term_counts(store))
    finally:
        store.close()


def run_corpus_stages(store: Store, reuse_window: int | None = None, runner: Any = None,
                      workers: int = 1, on_step: Callable[[str, float], None] | None = None) -> dict[str, int]:
    """The corpus stages in order. `reuse_window`: days of news whose LSH bands are kept (a sliding window
    that bounds the copy-detection state of a store that grows run after run). `runner`: an engine with
    `map_each` and `group_by_key` (Spark) for the MinHash hashing and the per-story work; else it runs here,
    on two processes when `workers` > 1: entity resolution, sentence copies and the corpus term counts
    beside copy detection, and stories two at a time (the same results: each step owns its tables).
    `on_step(name, seconds)` hears how long each step took (the benchmarks)."""
    def step(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        t = time.perf_counter()
        out = fn(*args)
        if on_step is not None:
            on_step(name, time.perf_counter() - t)
        return out

    dated = step("publication dates", infer_publication_dates, store)  # first: later stages read them
    two = workers > 1 and runner is None and store.path.is_file()
    with forked(1) if two else nullcontext() as beside:
        side = beside.submit(_beside_copies, str(store.path)) if beside is not None else None
        # before stories: a copied text pulls its copy into its story
        copies = step("copies" if side is None else "copies (entities, sentence copies, term counts beside)",
                      find_copies, store, runner)
        if side is not None:
            entities, sentence_copies, rare, counts = step("the second process' rest", side.result)
        else:
            entities = step("entities", resolve_entities, store)
            sentence_copies, rare = step("sentence copies", index_sentences, store)
            counts = step("term counts", story_term_counts, store)
    if reuse_window is not None:
        from datetime import date, timedelta

        from ..reuse.lsh import prune

        last = store.conn.execute(
            "SELECT MAX(substr(published, 1, 10)) FROM articles WHERE length(published) >= 10"
        ).fetchone()[0]
        if last:
            prune(store.conn, (date.fromisoformat(last) - timedelta(days=reuse_window)).isoformat())
    step("stories", cluster_stories, store, counts, workers)  # before claims: claims are grouped within a story
    retold, claims, contra = step("claims, rewrites, contradictions", analyse_stories, store, rare, runner, workers)
    return {"dated": dated, "entities": entities, "claims": claims, "contradictions": contra,
            "reuse": copies + sentence_copies + retold}
