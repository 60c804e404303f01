"""Resolution within an article and across the corpus, on real-style Arabic cases."""

from __future__ import annotations

import pytest

from riwaya.entities.recognize import EntityStage
from riwaya.entities.resolve import resolve_corpus
from riwaya.model import Article
from riwaya.text.sentences import SentenceStage


def analysed(text: str, source: str = "a", outlet: str | None = None) -> Article:
    a = Article(text=text, source=source, outlet=outlet)
    return EntityStage()(SentenceStage()(a))


def keys_of(a: Article) -> dict[str, str]:
    return {a.text[s.start : s.end]: s.attrs["key"] for s in a.spans("entities")}


def entity_of(entities, surface: str):  # type: ignore[no-untyped-def]
    found = [e for e in entities if surface in e.aliases]
    assert len(found) == 1, (surface, [(e.name, sorted(e.aliases)) for e in found])
    return found[0]


def test_short_form_joins_the_full_name_in_the_article() -> None:
    a = analysed("وأكد العقيد ضرار الشملان أن القوات اعتقلت عددا من العناصر.\nوأضاف الشملان أن العملية مستمرة.")
    k = keys_of(a)
    assert k["ضرار الشملان"] == k["الشملان"]


@pytest.mark.parametrize(
    ("text", "anaphor", "antecedent"),
    [
        ("كشفت صحيفة نيويورك تايمز في تقرير جديد أن التعاون بدأ منذ سنوات.\nونقلت الصحيفة عن مسؤولين قولهم إن "
         "العلاقة تطورت.", "الصحيفة", "نيويورك تايمز"),
        ("ذكرت وكالة رويترز أن الاجتماع تأجل.\nوأضافت الوكالة أن الوفد غادر العاصمة.", "الوكالة", "رويترز"),
    ],
)
def test_definite_noun_points_back_to_the_last_outlet_of_its_kind(text: str, anaphor: str, antecedent: str) -> None:
    a = analysed(text)
    k = keys_of(a)
    assert anaphor in k and antecedent in k and k[anaphor] == k[antecedent]


def test_distinct_people_with_similar_names_stay_apart_across_the_corpus() -> None:
    arts = [
        analysed("وأكد وزير الإعلام حمزة المصطفى أن الهدف هو حماية المدنيين.", "a"),
        analysed("وقال الباحث معاذ مصطفى إن المرحلة تتطلب الحذر.", "b"),
        analysed("وقال المصطفى في مؤتمر صحفي إن الحكومة ماضية في خطتها.", "c"),
    ]
    ents = resolve_corpus(arts)
    hamza = entity_of(ents, "حمزة المصطفى")
    mouaz = entity_of(ents, "معاذ مصطفى")
    assert hamza is not mouaz
    assert entity_of(ents, "المصطفى") is hamza  # one full name in the corpus ends with it


def test_short_form_stays_alone_when_two_full_names_end_with_it() -> None:
    arts = [
        analysed("وقال المحلل سامر الخطيب إن التقرير مهم.", "a"),
        analysed("وأكد النائب وليد الخطيب أن الجلسة ستعقد.", "b"),
        analysed("وتابع الخطيب حديثه عن الأزمة.", "c"),
    ]
    ents = resolve_corpus(arts)
    for full in ("سامر الخطيب", "وليد الخطيب"):
        assert "الخطيب" not in entity_of(ents, full).aliases


def test_same_unknown_full_name_merges_across_articles() -> None:
    ents = resolve_corpus([analysed("وقال المحلل السياسي وائل علوان إن دمشق لا تخشى التصعيد.", "a"),
                           analysed("واعتبر المحلل السوري وائل علوان أن الفرصة كبيرة.", "b")])
    alwan = entity_of(ents, "وائل علوان")
    assert alwan.type == "PER"
    assert len({m[0] for m in alwan.mentions}) == 2  # one mention in each of the two articles


def test_publishing_outlet_is_an_entity() -> None:
    ents = resolve_corpus([analysed("نفت الرئاسة وجود أي تعاون.", "a", outlet="عربي21")])
    assert entity_of(ents, "عربي21").type == "ORG"


def test_a_clitic_is_stripped_once_not_the_words_own_first_letter() -> None:
    from riwaya.entities.lexicon import strip_clitic
    from riwaya.text.normalize import key

    # "لوكالة" is ل + وكالة (not ل + و + كالة); "وبوزارة" is و + ب + وزارة; "للمرصد" is ل + المرصد
    assert [strip_clitic(key(w)) for w in ("لوكالة", "وبوزارة", "للمرصد", "بفرنسا")] == [
        key("وكالة"), key("وزارة"), key("المرصد"), key("فرنسا")]
