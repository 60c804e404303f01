"""The attribution layer's records: one way to a span and back, used by every reader."""

from __future__ import annotations

from riwaya.attribution.records import Attribution, attributions
from riwaya.model import Article
from riwaya.pipeline import Pipeline

TEXT = ("ونقلت وكالة الأناضول عن الرئيس التركي رجب طيب أردوغان قوله إن الجيش سيحاصر مركز عفرين خلال أيام. "
        "ونفت وحدات حماية الشعب الكردية ذلك، ووصفت التقرير بأنه لا أساس له من الصحة.")


def test_a_record_goes_to_a_span_and_comes_back_the_same() -> None:
    art = Pipeline.from_names(("sentences", "entities", "attributions"))(Article(text=TEXT, source="t"))
    recs = attributions(art)
    assert recs and recs[0].speaker is not None and recs[0].via
    for span, rec in zip(art.spans("attributions"), recs, strict=True):
        again = Attribution.from_span(rec.to_span(art.text))
        assert again == rec
        assert again.to_span(art.text) == span and again.to_span(art.text).attrs == span.attrs
    assert recs[0].statement(art.text) == recs[0].content_text
    assert {r.stance for r in recs} >= {"deny"}
