"""Line-level cleaning of whole pages: what stays, what goes, and second articles split off."""

from riwaya.clean.lines import clean_lines

LEAD = (
    'كشفت صحيفة "الفجر الجديد"، نقلاً عن مسؤولين حكوميين طلبوا عدم الكشف عن هويتهم، أن وزارة الداخلية '
    "تلقت تحذيرات مكتوبة قبل أشهر من انفجار ميناء الريان الذي أودى بحياة العشرات."
)
PARA = (
    "وأضاف المسؤولون أن التحذيرات تضمنت وصفاً دقيقاً لطريقة تخزين المواد في العنبر رقم سبعة، وأن الوزارة "
    "لم تتخذ أي إجراء لنقلها رغم المراسلات المتكررة بين إدارة الميناء ومكتب الوزير."
)
EMBED = [
    "ميناء الريان.. نصف قرن من التجارة والأزمات",
    "يعد ميناء الريان أقدم موانئ البلاد وأكبرها، إذ افتتح في مطلع السبعينيات ليكون المنفذ البحري الرئيسي "
    "للتجارة الخارجية، قبل أن يتوسع مرات عدة خلال العقود التالية.",
    "وشهد الميناء خلال تاريخه عدة حوادث، أبرزها حريق كبير في العنابر الشمالية قبل عشرين عاماً، أدى إلى "
    "توقف العمل فيه لأسابيع وخسائر قدرت بملايين الدولارات.",
    "ويقول خبراء النقل البحري إن البنية التحتية للميناء لم تعد تتناسب مع حجم الحركة التجارية، وإن "
    "الحكومات المتعاقبة أجلت مشاريع التحديث مرة بعد أخرى بسبب نقص التمويل.",
]


def test_page_with_embedded_article_gives_two_parts() -> None:
    page = "\n\n".join(
        [
            "الداخلية تلقت تحذيرات قبل الانفجار",
            LEAD,
            PARA,
            "المصدر: نبض الواحة",
            "كلمات دلالية: ميناء، انفجار",
            "اقرأ أيضاً:",
            *EMBED,
            "مقالات ذات صلة",
            "  • عنوان أول عن الميناء",
            "  • عنوان ثان عن الانفجار",
        ]
    )
    parts = clean_lines(page)
    assert len(parts) == 2
    assert parts[0].lines == ["الداخلية تلقت تحذيرات قبل الانفجار", LEAD, PARA]
    assert parts[0].title == "الداخلية تلقت تحذيرات قبل الانفجار"
    assert parts[1].lines == EMBED and parts[1].title == EMBED[0]
    kinds = [f.kind for f in parts[0].furniture]
    assert kinds[:2] == ["credit", "tags"] and parts[0].furniture[0].name == "نبض الواحة"
    assert [f.text for f in parts[1].furniture if f.kind == "related"][-1] == "• عنوان ثان عن الانفجار"


def test_related_block_without_end_of_article_is_not_a_second_article() -> None:
    page = "\n".join(["العنوان الرئيسي للخبر هنا", LEAD, "اقرأ المزيد", "عنوان خبر آخر ذي صلة", PARA, *EMBED[1:]])
    parts = clean_lines(page)
    assert len(parts) == 1
    assert parts[0].lines == ["العنوان الرئيسي للخبر هنا", LEAD, PARA, *EMBED[1:]]


def test_read_also_with_inline_headline_goes_alone() -> None:
    page = "\n".join([LEAD, "إقرأ أيضاً: دمشق تنفي تقارير عن تعاون مع التحالف الدولي", PARA])
    assert clean_lines(page)[0].lines == [LEAD, PARA]


def test_comment_form_ends_the_page() -> None:
    page = "\n".join([LEAD, PARA, "اترك رد", "الاسم", "لن يتم نشر عنوان بريدك الإلكتروني.", LEAD])
    assert clean_lines(page)[0].lines == [LEAD, PARA]


def test_section_label_repeated_title_and_dateline_at_the_head() -> None:
    page = "\n".join(
        [
            "logo",
            "العالم العربي",
            "",
            "هل تفتح عملية إدلب آفاق التعاون؟",
            "",
            "هل تفتح عملية إدلب آفاق التعاون؟",
            "21 أغسطس 2025، 3:54 ص",
            LEAD,
            PARA,
        ]
    )
    (part,) = clean_lines(page)
    assert part.lines == ["هل تفتح عملية إدلب آفاق التعاون؟", LEAD, PARA]
    assert part.datelines == ["2025-08-21"]
    assert [f.kind for f in part.furniture] == ["drop", "section", "repeated_title", "dateline"]


def test_a_repeated_paragraph_in_the_body_is_kept() -> None:
    # a summary repeated further down is the page's own text (reuse detection reports it)
    page = "\n".join(["عنوان الخبر في سطر واحد", LEAD, PARA, LEAD])
    assert clean_lines(page)[0].lines == ["عنوان الخبر في سطر واحد", LEAD, PARA, LEAD]


def test_related_list_at_the_end_goes() -> None:
    page = "\n".join([LEAD, PARA, "أخبار ذات علاقة", "أرشيفية", "أنباء عن مقتله.. من هو زعيم التنظيم؟ (فيديو)"])
    (part,) = clean_lines(page)
    assert part.lines == [LEAD, PARA]


def test_nothing_but_furniture_gives_no_part() -> None:
    assert clean_lines("logo\nتابعونا على\nجميع الحقوق محفوظة © 2026") == []
