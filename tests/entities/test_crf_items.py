"""The tagger's fast input builder gives crfsuite exactly what training gave it."""

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


def test_items_equal_the_reference_on_the_seeds(seeds_dir: Path) -> None:
    seen = 0
    for inp in discover([str(seeds_dir)]):
        for doc in inp.read():
            for art in make_articles(doc):
                SentenceStage()(art)
                for s in art.spans("sentences"):
                    tokens = [t.text for t in tokenize(art.text[s.start : s.end])]
                    if tokens:
                        assert sentence_items(tokens) == crf.crfsuite_items(tokens)
                        seen += 1
    assert seen > 100  # every sentence of the five pages
