"""One entity where outlets use several names, two where there are two: the knowledge base at work."""

from __future__ import annotations

import pytest

from riwaya.entities.kb import knowledge_base
from riwaya.entities.recognize import EntityStage
from riwaya.entities.resolve import resolve_corpus
from riwaya.model import Article
from riwaya.text.sentences import SentenceStage


def corpus(*texts: str):  # type: ignore[no-untyped-def]
    arts = [EntityStage()(SentenceStage()(Article(text=t, source=str(i)))) for i, t in enumerate(texts)]
    return resolve_corpus(arts)


def one_entity(ents, *surfaces: str):  # type: ignore[no-untyped-def]
    holders = {e.id for s in surfaces for e in ents if s in e.aliases}
    assert len(holders) == 1, {s: [e.name for e in ents if s in e.aliases] for s in surfaces}
    return next(e for e in ents if e.id in holders)


@pytest.mark.parametrize(
    ("texts", "surfaces", "name"),
    [
        (("التقى الرئيس الأمريكي دونالد ترامب نظيره السوري.", "وقال ترمب إن العقوبات سترفع."),
         ("دونالد ترامب", "ترمب"), "دونالد ترامب"),
        (("وأكد المبعوث الأمريكي توم براك أن الزيارة تاريخية.", "وشدّد باراك على أهمية الالتزام.",
          "Statement by Ambassador Tom Barrack on the visit."), ("توم براك", "باراك", "Tom Barrack"), "توم براك"),
        (("وتبنى تنظيم داعش الهجوم على الكنيسة.", "واتهمت الحكومة تنظيم الدولة بتنفيذ الهجوم."),
         ("داعش", "تنظيم الدولة"), None),
        (("وقالت قوات سوريا الديمقراطية إن المعارك مستمرة.", "وأعلنت قسد أسر عشرات العناصر."),
         ("قوات سوريا الديمقراطية", "قسد"), None),
        (("وأكدت القيادة المركزية الأمريكية أن قواتها نفذت الغارة.", "وقالت سنتكوم إن العملية نجحت.",
          "وذكرت القيادة المركزية الأميركية أن الضربة دقيقة."),
         ("القيادة المركزية الأمريكية", "سنتكوم", "القيادة المركزية الأميركية"), None),
        (("وقال الرئيس السوري أحمد الشرع إن البلاد تتغير.", "وكان أبو محمد الجولاني قد أعلن فك الارتباط."),
         ("أحمد الشرع", "أبو محمد الجولاني"), "أحمد الشرع"),
    ],
)
def test_aliases_meet(texts: tuple[str, ...], surfaces: tuple[str, ...], name: str | None) -> None:
    e = one_entity(corpus(*texts), *surfaces)
    if name:
        assert e.name == name
    assert e.kb is not None


def test_similar_names_stay_two_entities() -> None:
    ents = corpus("وأكد وزير الإعلام حمزة المصطفى أن الهدف حماية المدنيين.",
                  "وقال معاذ مصطفى، رئيس المنظمة، إن التعاون قائم.")
    hamza = one_entity(ents, "حمزة المصطفى")
    mouaz = one_entity(ents, "معاذ مصطفى")
    assert hamza.id != mouaz.id


def test_renamed_organisation_keeps_its_lineage() -> None:
    kb = knowledge_base()
    hts = kb.lookup("هيئة تحرير الشام")[0]
    names = [kb.entities[i].name for i in kb.lineage(hts.id)]
    assert names[0] == "هيئة تحرير الشام" and "جبهة النصرة" in names and "جبهة فتح الشام" in names


def test_press_office_speaks_for_its_institution() -> None:
    ents = corpus("نفت الرئاسة السورية التقرير.", "وأوضحت مديرية الإعلام في رئاسة الجمهورية أن ما نشر ادعاءات.")
    one_entity(ents, "الرئاسة السورية", "مديرية الإعلام في رئاسة الجمهورية")


@pytest.mark.parametrize("name", ["سوريا", "دمشق", "إدلب", "الولايات المتحدة", "لبنان", "طهران", "الخرطوم"])
def test_places_are_known(name: str) -> None:
    found = knowledge_base().lookup(name)
    assert found and found[0].type == "LOC"


def test_common_word_place_needs_support() -> None:
    ents = corpus("وتأتي الخطوة في إطار التعاون بين البلدين.")
    assert not any("إطار" in a for e in ents for a in e.aliases)
