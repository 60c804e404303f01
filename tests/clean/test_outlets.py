"""The publishing outlet, from metadata, domain, credit and copyright lines, and interviews in the text."""

import pytest

from riwaya.clean import make_articles
from riwaya.clean.metadata import OutletStage
from riwaya.clean.outlets import interview_outlets, media_index
from riwaya.ingest.base import RawDocument

BODY = (
    "وأوضحت مديرية الإعلام أن ما سبق لا يعدو كونه ادعاءات لا تمت إلى الحقيقة بصلة، مشيرة إلى أن الرئيس "
    "لم ينسق مع أي جهة أجنبية في ذلك الوقت."
)


def outlet_of(content: str, kind: str = "text", **meta: str) -> tuple[str | None, str | None]:
    (art, *_) = make_articles(RawDocument("x", "x", content, kind, dict(meta)))  # type: ignore[arg-type]
    art = OutletStage()(art)
    return art.outlet, art.outlet_basis


@pytest.mark.parametrize(
    ("content", "meta", "expect"),
    [
        (BODY, {"outlet": "arabi21.com"}, ("عربي21", "metadata")),
        (BODY, {"outlet": "Independent Arabia"}, ("اندبندنت عربية", "metadata")),
        (BODY, {"url": "https://www.aljazeera.net/news/2025/11/14/x"}, ("الجزيرة", "domain")),
        (BODY, {"url": "https://arabic.cnn.com/middle-east/article/x"}, ("سي إن إن بالعربية", "domain")),
        (f"{BODY}\nالمصدر: عربي21", {}, ("عربي21", "credit")),
        (f"{BODY}\nالمصدر: صحيفة الفجر الجديد", {}, ("الفجر الجديد", "credit")),
        (f"{BODY}\nجميع الحقوق محفوظة © 2024 شركة إرم ميديا - Erem Media FZ LLC", {}, ("إرم نيوز", "copyright")),
        (f"{BODY}\nجميع الحقوق محفوظة © 2026 صحيفة الفجر الجديد", {}, ("الفجر الجديد", "copyright")),
        (f'{BODY}\nوقال علوان لـ"إرم نيوز" إن شراكة التحالف مع دمشق تشير إلى مسار متدرج.', {}, ("إرم نيوز", "text")),
        (
            "قال الباحث والكاتب علي تمي لمنصة سوريا ٢٤: “أعتقد أن التنسيق كان قائما منذ زمن بعيد”.",
            {},
            ("سوريا 24", "text"),
        ),
        (
            'يؤكد مسؤول مكتب الإدارة الذاتية في دمشق عبدالكريم عمر، لـ"اندبندنت عربية" أن دخول دمشق مهم.',
            {},
            ("اندبندنت عربية", "text"),
        ),
        (
            'وقال المحلل السياسي سامر الخطيب لـ"نبض الواحة" إن التقرير يضع الوزير في موقف صعب.',
            {},
            ("نبض الواحة", "text"),
        ),
    ],
)
def test_outlet_evidence(content: str, meta: dict, expect: tuple[str, str]) -> None:
    assert outlet_of(content, **meta) == expect


@pytest.mark.parametrize(
    "content",
    [
        # the page reports what another outlet revealed: that outlet did not publish this page
        "كشفت صحيفة “نيويورك تايمز” الأمريكية في تقرير جديد، أن الرئيس كان يتعاون بشكل سري مع التحالف.",
        "ونقلت “نيويورك تايمز” عن مسؤولين سوريين أن العلاقة بدأت كتنسيق ميداني.",
        # a quoted name after لـ that is not an interview
        "وبحسب الصحيفة، فإن التعاون بدأ عندما كان يتزعم “جبهة فتح الشام”، وهي الاسم الجديد آنذاك لـ”جبهة النصرة”.",
        # an interview given to a wire agency is usually relayed, not the page's own
        "وقال المتحدث لوكالة رويترز إن الاجتماع سيعقد الأسبوع المقبل.",
        f"{BODY}\nالمصدر: وكالات",
    ],
)
def test_no_outlet_when_the_page_does_not_say(content: str) -> None:
    assert outlet_of(content) == (None, None)


def test_second_article_on_a_page_shares_the_page_outlet() -> None:
    para = "وأضاف المسؤولون أن التحذيرات تضمنت وصفاً دقيقاً لطريقة تخزين المواد في العنبر، وأن الوزارة لم تتحرك."
    page = "\n".join([BODY, "المصدر: عربي21", "إقرأ أيضاً:", "عنوان المقال الثاني على الصفحة", para, para, para])
    arts = [OutletStage()(a) for a in make_articles(RawDocument("p", "p", page, "text", {}))]
    assert [(a.part, a.outlet) for a in arts] == [(0, "عربي21"), (1, "عربي21")]


def test_media_index_knows_spelling_variants() -> None:
    idx = media_index()
    assert idx.lookup("عربي 21") is idx.lookup("Arabi21") is idx.lookup("عربي21")
    assert idx.lookup("نیویورک تایمز").name == "نيويورك تايمز"  # Persian letters
    assert idx.domain("news.bbc.co.uk") is not None


def test_interview_outlets_lists_all() -> None:
    text = 'قال علوان لـ"إرم نيوز" إن … وقال أديب لـ"إرم نيوز" إن … وقال لوكالة فرانس برس'
    assert interview_outlets(text) == ["إرم نيوز", "إرم نيوز"]
