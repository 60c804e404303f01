"""Each furniture rule on real Arabic (and English) page lines, and body lines it must leave alone."""

import pytest

from riwaya.clean.rules import default_rules


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("إقرأ أيضاً: السفارة الأمريكية في سوريا: انضمام دمشق لـ “التحالف الدولي” لحظة مفصلية", "related_header"),
        ("اقرأ أيضا", "related_header"),
        ("إقرأ أيضاً:", "related_header"),
        ("اقرأ المزيد", "related_header"),
        ("المزيد ايضا..", "related_header"),
        ("المزيد من متابعات", "related_header"),
        ("أخبار ذات علاقة", "related_header"),
        ("مقالات ذات صلة", "related_header"),
        ("مقالات مشابهة", "related_header"),
        ("قد يهمك أيضاً", "related_header"),
        ("الأكثر قراءة", "related_header"),
        ("Read more", "related_header"),
        ("Related", "related_header"),
        ("المصدر: عربي21", "credit"),
        ("المصدر : وكالات", "credit"),
        ("جميع الحقوق محفوظة © 2024 شركة إرم ميديا - Erem Media FZ LLC", "copyright"),
        ("© 2026 قناة الأفق. All rights reserved", "copyright"),
        ("حقوق النشر محفوظة لموقع نبض الواحة 2026", "copyright"),
        ("كلمات دلالية: سياسة اقتصاد رياضة مقالات صحافة أفكار", "tags"),
        ("الكلمات المفتاحية: سوريا، داعش", "tags"),
        ("#سوريا #داعش #التحالف_الدولي", "tags"),
        ("اترك رد", "comments"),
        ("اترك تعليقاً", "comments"),
        ("أضف تعليق", "comments"),
        ("لن يتم نشر عنوان بريدك الإلكتروني.", "comments"),
        ("Leave a Reply", "comments"),
        ("Sorry, you need to enable JavaScript to visit this website.", "drop"),
        ("تابعونا على", "drop"),
        ("تابعونا على فيسبوك وإكس ويوتيوب", "drop"),
        ("شارك هذا المقال", "drop"),
        ("فيسبوك تويتر واتساب", "drop"),
        ("logo", "drop"),
        ("أرشيفية", "drop"),
        ("صورة أرشيفية", "drop"),
        ("اشترك في النشرة البريدية", "drop"),
        ("يحتوي هذا القسم على المقلات ذات صلة, الموضوعة في (Related Nodes field)", "drop"),
        (";", "drop"),
        ("• • •", "drop"),
        (
            "لقاء الرئيس السوري أحمد الشرع مع نظيره الأميركي دونالد ترمب في البيت الأبيض، 10 نوفمبر 2025 (أ ف ب)",
            "caption",
        ),
        ("عناصر من الدفاع المدني في موقع الانفجار (رويترز)", "caption"),
    ],
)
def test_furniture_line(line: str, kind: str) -> None:
    assert default_rules().classify(line).kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "كشفت صحيفة “نيويورك تايمز” الأمريكية في تقرير جديد، أن الرئيس السوري للمرحلة الانتقالية أحمد الشرع كان "
        "يتعاون بشكل سري مع “التحالف الدولي”.",
        "وقال المصدر إن العملية أسفرت عن اعتقال أربعة أشخاص.",
        'وأكد براك في منشور على منصة "إكس"، أن الرئيس قطع التزاماً صريحاً.',
        'ويقول أحد الدبلوماسيين الغربيين إن "العلاقة بدأت كترتيب ميداني محدود ضد داعش".',
        "من معتقل أمريكي إلى رئيس في دمشق:",
        'وتابع مسؤول الإدارة الذاتية في دمشق، "نجاح هذا المسار يتطلب ضمانات سياسية ودستورية واضحة".',
        "ملخص",
        "ونقلت الصحيفة عن مصادر أن المزيد من التفاصيل ستعلن لاحقاً، وأن التحقيق مستمر منذ أسابيع دون نتائج واضحة.",
        "وأضاف أن حقوق الضحايا محفوظة وأن التعويضات ستصرف قريبا لجميع العائلات المتضررة من الانفجار الذي هز المدينة "
        "مساء الخميس الماضي وأودى بحياة العشرات من العمال والسكان.",
    ],
)
def test_body_lines_stay(line: str) -> None:
    assert default_rules().classify(line).kind == "text"


def test_credit_line_names_its_outlet() -> None:
    cls = default_rules().classify("المصدر: عربي21")
    assert cls.kind == "credit" and cls.name == "عربي21"


@pytest.mark.parametrize(("line", "inline"), [("إقرأ أيضاً:", False), ("اقرأ أيضا: دمشق تنفي تقارير عن تعاون", True)])
def test_related_header_inline_headline(line: str, inline: bool) -> None:
    assert default_rules().classify(line).inline is inline


def test_bad_rule_file_is_named(tmp_path) -> None:
    from riwaya.clean.rules import load_rules

    bad = tmp_path / "r.toml"
    bad.write_text('[[rule]]\nkind = "drop"\npatterns = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"r\.toml: rule 1: bad pattern"):
        load_rules([bad])
    bad.write_text('[[rule]]\nkind = "vanish"\npatterns = []\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind 'vanish'"):
        load_rules([bad])
