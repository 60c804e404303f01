"""Copied and rewritten passages within and across articles."""

from riwaya.model import Article
from riwaya.reuse.detect import detect, passages
from riwaya.text.sentences import SentenceStage

SUMMARY = ("ترك التفاهم الأخير تساؤلات عن شكل وطريقة أداء الحكومة مع قوات التحالف في وقت تمتلك فيه المعلومات "
           "الاستخباراتية والخبرة العملية.")
REPORT = [
    "كشفت صحيفة الفجر الجديد في تقرير جديد أن وزارة الداخلية تلقت تحذيرات مكتوبة قبل ثلاثة أشهر من انفجار الميناء.",
    "وبحسب الصحيفة فإن التحذير الأول وصل إلى مكتب الوزير في تشرين الأول من العام الماضي دون أي رد رسمي.",
    "ونقلت الصحيفة عن مسؤولين حكوميين أن لجنة داخلية شكلت لمراجعة المراسلات لكن أعضاءها يتبعون مكتب الوزير.",
]
RETOLD = [
    "زعمت صحيفة الفجر الجديد أن وزارة الداخلية تلقت تحذيرات مكتوبة قبل ثلاثة أشهر من الانفجار الذي هز الميناء.",
    "وادعت الصحيفة أن التحذير الأول وصل إلى مكتب الوزير في تشرين الأول الماضي ولم يتلق أي رد رسمي.",
    "وأوردت الصحيفة عن مسؤولين حكوميين أن لجنة داخلية شكلت لمراجعة المراسلات غير أن أعضاءها يتبعون الوزير.",
]
OTHER = ("أعلنت وزارة الصحة ارتفاع عدد المصابين في حوادث السير خلال عطلة العيد إلى أكثر من مئتي مصاب في "
         "مختلف المحافظات.")


def art(lines: list[str], source: str) -> Article:
    return SentenceStage()(Article(text="\n".join(lines), source=source))


def test_repeated_summary_within_an_article_is_a_copy() -> None:
    a = art([SUMMARY, *REPORT, SUMMARY], "a")
    found = detect(passages([a]))
    assert [(r.kind, r.a.article == r.b.article) for r in found] == [("copy", True)]


def test_an_article_retold_elsewhere_is_found_sentence_by_sentence() -> None:
    found = detect(passages([art(REPORT, "a"), art([*RETOLD, OTHER], "b")]))
    assert len([r for r in found if r.kind in ("rewrite", "near_copy")]) == 3
    assert all(OTHER[:20] not in (r.a.key + r.b.key) for r in found)


def test_unrelated_articles_share_nothing() -> None:
    assert detect(passages([art(REPORT, "a"), art([OTHER, SUMMARY], "b")])) == []
