"""The tagger's fast path — per-token features and the numpy decoder — gives crfsuite's own answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from riwaya.clean import make_articles
from riwaya.entities import crf, gazetteer
from riwaya.entities.features import sentence_items
from riwaya.ingest import discover
from riwaya.text.sentences import SentenceStage
from riwaya.text.tokens import tokenize

CASES = [
    "قال وزير الخارجية الأمريكي ماركو روبيو في مؤتمر صحفي بواشنطن إن الإدارة ستراجع الاتفاق.",
    "وأضاف المتحدث باسم وزارة الداخلية السورية نور الدين البابا أن التحقيقات مستمرة.",
    "ذكرت وكالة الأنباء الرسمية (سانا) أن 25 شخصا قتلوا في الهجوم على كنيسة مار إلياس.",
    "A statement by Reuters said 3 people were injured.",
    "و",
]


@pytest.mark.parametrize("sentence", CASES)
def test_items_equal_the_reference_reading_of_the_features(sentence: str) -> None:
    tokens = [t.text for t in tokenize(sentence)]
    for gaz in (None, gazetteer.bio(tokens)):
        assert sentence_items(tokens, gaz) == crf.crfsuite_items(tokens, gaz)


@pytest.mark.parametrize("sentence", CASES)
def test_decoder_labels_equal_crfsuite(sentence: str) -> None:
    tokens = [t.text for t in tokenize(sentence)]
    for gaz in (None, gazetteer.bio(tokens)):
        assert crf.tag(tokens, gaz=gaz) == crf.tag_reference(tokens, gaz=gaz)


def test_decoder_reads_the_exact_weights() -> None:
    decoder, info = crf._decoder(), crf._tagger().info()
    for (name, label), weight in info.state_features.items():  # the dump prints six decimals
        assert abs(decoder.weights[decoder.attributes[name], decoder.labels.index(label)] - weight) <= 5e-7
    for (a, b), weight in info.transitions.items():
        assert abs(decoder.transitions[decoder.labels.index(a), decoder.labels.index(b)] - weight) <= 5e-7


def test_items_and_labels_equal_the_reference_on_the_seeds(seeds_dir: Path) -> None:
    seen = labelled = 0
    batch: list[tuple[list[str], list[str]]] = []
    for inp in discover([str(seeds_dir)]):
        for doc in inp.read():
            for art in make_articles(doc):
                SentenceStage()(art)
                for s in art.spans("sentences"):
                    tokens = [t.text for t in tokenize(art.text[s.start : s.end])]
                    if tokens:
                        assert sentence_items(tokens) == crf.crfsuite_items(tokens)
                        labels = crf.tag(tokens)
                        assert labels == crf.tag_reference(tokens)
                        seen += 1
                        labelled += any(x != "O" for x in labels)
                        batch.append((tokens, gazetteer.bio(tokens)))
    assert crf.tag_many([*batch, ([], [])]) == [*(crf.tag_reference(t, gaz=g) for t, g in batch), []]
    assert seen > 100 and labelled > 30  # every sentence of the five pages, many with names


def test_decoder_labels_equal_crfsuite_on_real_news(seeds_dir: Path) -> None:
    """Sentences of 200 ANT articles (real news from five outlets), decoded article by article."""
    import json

    from riwaya.text.sentences import sentence_units

    corpus = seeds_dir.parent / "data" / "ant_sample" / "articles.jsonl"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is not here")
    tokens_seen = 0
    with corpus.open(encoding="utf-8") as f:
        for _, line in zip(range(200), f, strict=False):
            text = json.loads(line).get("text") or ""
            sentences = [[t.text for t in tokenize(text, s, e)] for s, e, _ in sentence_units(text)]
            batch = [(toks, gazetteer.bio(toks)) for toks in sentences]
            assert crf.tag_many(batch) == [crf.tag_reference(t, gaz=g) for t, g in batch]
            tokens_seen += sum(map(len, sentences))
    assert tokens_seen > 50_000


def test_a_full_score_cache_never_mixes_tokens_up(seeds_dir: Path) -> None:
    """A decoder whose cache holds 8 tokens: cleared between articles, enlarged for a long one — the
    labels stay crfsuite's (a row handed out twice within one call would give a token another's scores)."""
    import numpy as np

    full = crf._decoder(crf.MODEL)
    small = crf.Decoder(crf._file(crf.MODEL), full.attributes, full.labels)
    small._table = np.zeros((8, *small._table.shape[1:]))
    batch = []
    for inp in discover([str(seeds_dir)]):
        for doc in inp.read():
            for art in make_articles(doc):
                SentenceStage()(art)
                sentences = [[t.text for t in tokenize(art.text[s.start : s.end])] for s in art.spans("sentences")]
                batch += [(toks, gazetteer.bio(toks)) for toks in sentences if toks]
    for i in range(0, len(batch), 7):  # calls of a few sentences: most overflow the 8 rows
        part = batch[i : i + 7]
        assert small.decode_many(part) == [crf.tag_reference(t, gaz=g) for t, g in part]
    assert len(small._table) > 8
