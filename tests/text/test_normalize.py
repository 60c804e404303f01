"""Normalised views and their offset maps back to the original text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riwaya.text.normalize import fold, key, normalize


@pytest.mark.parametrize(
    ("raw", "strict", "loose"),
    [
        ("أَحْمَد", "أحمد", "احمد"),
        ("إقرأ أيضاً", "إقرأ أيضا", "اقرا ايضا"),
        ("مكتبــــة", "مكتبة", "مكتبه"),
        ("مستشفى", "مستشفى", "مستشفي"),
        ("سوريا ٢٤", "سوريا 24", "سوريا 24"),
        ("۱۴۴۶", "1446", "1446"),
        ("نیویورک تایمز", "نيويورك تايمز", "نيويورك تايمز"),
        ("ﻻ", "لا", "لا"),
        ("الرئيس\u00a0السوري", "الرئيس السوري", "الرييس السوري"),
        ("\u200fسانا\u200e", "سانا", "سانا"),
        ("مسؤول", "مسؤول", "مسوول"),
        ("Reuters", "Reuters", "reuters"),
    ],
)
def test_forms(raw: str, strict: str, loose: str) -> None:
    assert key(raw, "strict") == strict
    assert key(raw, "loose") == loose
    assert normalize(raw, "strict").text == strict


def test_fold_collapses_space() -> None:
    assert fold("  أحمد   الشرع ") == "احمد الشرع"


MARKS = ["\u064e", "\u0651", "\u0640", "\u200f", "\xa0"]  # fatha, shadda, tatweel, RLM, NBSP
ARABIC = st.sampled_from([*"ابتثجحخدذرسشصضطظعغفقكلمنهويأإآةىؤئ", *MARKS, " ", "٢", "۴", "5", "ﻻ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC, min_size=1, max_size=60).map("".join), st.sampled_from(["strict", "loose"]))
def test_every_view_span_maps_back_to_the_characters_that_made_it(text: str, form: str) -> None:
    view = normalize(text, form)  # type: ignore[arg-type]
    assert len(view.offsets) == len(view.text)
    for start in range(len(view.text)):
        for end in range(start + 1, min(len(view.text), start + 6) + 1):
            o_start, o_end = view.to_original(start, end)
            # normalising the original piece gives back exactly the view piece (for whole source characters)
            piece = text[o_start:o_end]
            assert view.text[start:end] in key(piece, form)  # type: ignore[arg-type]


@given(st.text(max_size=80))
def test_offsets_are_monotonic_on_any_unicode(text: str) -> None:
    view = normalize(text)
    assert list(view.offsets) == sorted(view.offsets)
    assert all(0 <= o < len(text) for o in view.offsets)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFEFF), max_size=60),
       st.sampled_from(["strict", "loose"]))
def test_key_is_the_table_applied_to_every_character(text: str, form: str) -> None:
    from riwaya.text.normalize import _table

    assert key(text, form) == text.translate(_table(form))  # type: ignore[arg-type]
    assert key(text, form) == normalize(text, form).text  # type: ignore[arg-type]


def test_fold_remembers_words_not_paragraphs() -> None:
    """Cleaning folds every line of every page: a cache of whole paragraphs grew without need."""
    from riwaya.text.normalize import _fold_short

    paragraph = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين. " * 3
    before = _fold_short.cache_info().currsize
    assert fold(paragraph) == " ".join(key(paragraph).split())
    assert _fold_short.cache_info().currsize == before
    word = f"  الحكومة{before} "  # a word no other test folds
    assert fold(word) == f"الحكومه{before}" and _fold_short.cache_info().currsize == before + 1
