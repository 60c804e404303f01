"""Sentence, heading, bullet and clause units of Arabic news text (sentences written for the tests)."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riwaya import registry
from riwaya.model import Article
from riwaya.text.sentences import SentenceStage, abbreviations, sentence_units, split_clauses, split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


CASES = [
    # plain punctuation
    (
        "قال المتحدث إن الاجتماع انتهى. وأضاف أن المفاوضات ستستأنف غدا.",
        ["قال المتحدث إن الاجتماع انتهى.", "وأضاف أن المفاوضات ستستأنف غدا."],
    ),
    ("هل تنجح الوساطة؟ يرى محللون أن الفرص ضئيلة.", ["هل تنجح الوساطة؟", "يرى محللون أن الفرص ضئيلة."]),
    ("يا له من يوم! احتفل السكان حتى الفجر.", ["يا له من يوم!", "احتفل السكان حتى الفجر."]),
    ("كيف حدث ذلك؟! تساءل أحد الشهود.", ["كيف حدث ذلك؟!", "تساءل أحد الشهود."]),
    ("ماذا بعد الهدنة? لا أحد يعرف.", ["ماذا بعد الهدنة?", "لا أحد يعرف."]),
    ("لن نسمح بذلك!!! هكذا ردد المحتجون.", ["لن نسمح بذلك!!!", "هكذا ردد المحتجون."]),
    ("من هو القائد الجديد...؟ تقرير يكشف التفاصيل.", ["من هو القائد الجديد...؟", "تقرير يكشف التفاصيل."]),
    # ellipses do not split inside a paragraph
    ("أنباء عن إصابته في الغارة.. ما الذي نعرفه عن القائد؟", ["أنباء عن إصابته في الغارة.. ما الذي نعرفه عن القائد؟"]),
    ("وانتظر الأهالي طويلا... ثم جاءت الحافلات.", ["وانتظر الأهالي طويلا... ثم جاءت الحافلات."]),
    ("وقال إن الأمور تتجه نحو… التهدئة.", ["وقال إن الأمور تتجه نحو… التهدئة."]),
    ("المزيد من الأخبار..\nتابعونا على المنصات", ["المزيد من الأخبار..", "تابعونا على المنصات"]),
    # abbreviations and initials
    (
        "التقى د. سمير الخطيب بالوفد الزائر. وناقش الجانبان ملف المياه.",
        ["التقى د. سمير الخطيب بالوفد الزائر.", "وناقش الجانبان ملف المياه."],
    ),
    ("وأكد د.سمير الخطيب أن الخطة جاهزة.", ["وأكد د.سمير الخطيب أن الخطة جاهزة."]),
    ("وأشرف م. خالد العمر على أعمال الصيانة.", ["وأشرف م. خالد العمر على أعمال الصيانة."]),
    ("بنيت القلعة في القرن الثالث ق.م. على تلة مرتفعة.", ["بنيت القلعة في القرن الثالث ق.م. على تلة مرتفعة."]),
    ("توفي المؤرخ عام 808 هـ. في القاهرة.", ["توفي المؤرخ عام 808 هـ. في القاهرة."]),
    ("للمراسلة: ص.ب. 1234 عمّان.", ["للمراسلة: ص.ب. 1234 عمّان."]),
    ("(أ. ف. ب) أعلنت الشرطة اعتقال مشتبه به.", ["(أ. ف. ب) أعلنت الشرطة اعتقال مشتبه به."]),
    (
        "Dr. Smith met Mr. Jones in St. Louis. They talked for an hour.",
        ["Dr. Smith met Mr. Jones in St. Louis.", "They talked for an hour."],
    ),
    (
        "The U.S. embassy called the visit historic. It gave no details.",
        ["The U.S. embassy called the visit historic.", "It gave no details."],
    ),
    (
        "Statement by Ambassador Thomas J. Barrack, Jr. on the visit.",
        ["Statement by Ambassador Thomas J. Barrack, Jr. on the visit."],
    ),
    # numbers, addresses
    ("ارتفع التضخم إلى 3.5 في المئة. وتوقع البنك تراجعه.", ["ارتفع التضخم إلى 3.5 في المئة.", "وتوقع البنك تراجعه."]),
    ("بلغ عدد النازحين 1.2 مليون شخص، وفق الأمم المتحدة.", ["بلغ عدد النازحين 1.2 مليون شخص، وفق الأمم المتحدة."]),
    ("وقع الاتفاق في 14.11.2025 في الرياض.", ["وقع الاتفاق في 14.11.2025 في الرياض."]),
    ("بلغت نسبة النمو ٢.٧ بالمئة هذا العام.", ["بلغت نسبة النمو ٢.٧ بالمئة هذا العام."]),
    ("1.5 مليون دولار قيمة الصفقة.", ["1.5 مليون دولار قيمة الصفقة."]),
    (
        "ونشرت الوزارة البيان على موقعها https://moi.gov.sy/news?id=5. ولم تعلق على التفاصيل.",
        ["ونشرت الوزارة البيان على موقعها https://moi.gov.sy/news?id=5.", "ولم تعلق على التفاصيل."],
    ),
    (
        "للاستفسار راسلوا info@example.org. سيرد الفريق خلال يومين.",
        ["للاستفسار راسلوا info@example.org.", "سيرد الفريق خلال يومين."],
    ),
    (
        "ونود التوضيح أن ما سبق لا… pic.twitter.com/aB2kx — الإخبارية",
        ["ونود التوضيح أن ما سبق لا… pic.twitter.com/aB2kx — الإخبارية"],
    ),
    # quotations of every kind
    (
        "وقال الوزير: «لن نتراجع. سنواصل العمل حتى النهاية». وأضاف أن الحكومة ملتزمة.",
        ["وقال الوزير: «لن نتراجع. سنواصل العمل حتى النهاية».", "وأضاف أن الحكومة ملتزمة."],
    ),
    (
        "وأوضح المصدر أن “الأمر لم يحسم بعد. هناك نقاط عالقة” بين الطرفين.",
        ["وأوضح المصدر أن “الأمر لم يحسم بعد. هناك نقاط عالقة” بين الطرفين."],
    ),
    (
        "وقالت الصحيفة إن „الاتفاق بات وشيكا. التوقيع الأسبوع المقبل“ وفق مصادرها.",
        ["وقالت الصحيفة إن „الاتفاق بات وشيكا. التوقيع الأسبوع المقبل“ وفق مصادرها."],
    ),
    (
        'ونقلت الوكالة عن مسؤول قوله إن "الهجوم فشل. القوات صدت المهاجمين" قبل فجر اليوم.',
        ['ونقلت الوكالة عن مسؤول قوله إن "الهجوم فشل. القوات صدت المهاجمين" قبل فجر اليوم.'],
    ),
    (
        'وصف الهجوم بأنه "جبان". ودعا إلى "محاسبة المسؤولين".',
        ['وصف الهجوم بأنه "جبان".', 'ودعا إلى "محاسبة المسؤولين".'],
    ),
    (
        "أشار إلى أن ”الوضع خطير! ولا بد من التحرك” وفق تعبيره.",
        ["أشار إلى أن ”الوضع خطير! ولا بد من التحرك” وفق تعبيره."],
    ),
    ("وكان يتزعم ”جبهة فتح الشام. وهي الاسم الجديد” آنذاك.", ["وكان يتزعم ”جبهة فتح الشام. وهي الاسم الجديد” آنذاك."]),
    (
        "وهي الاسم الجديد لـ”جبهة النصرة. بعد فك الارتباط” حينها.",
        ["وهي الاسم الجديد لـ”جبهة النصرة. بعد فك الارتباط” حينها."],
    ),
    ("وقال: «انتهى الأمر.» وغادر القاعة.", ["وقال: «انتهى الأمر.»", "وغادر القاعة."]),
    ('وتساءل: "من المسؤول؟" ولم يجب أحد.', ['وتساءل: "من المسؤول؟"', "ولم يجب أحد."]),
    ('وصاح: "كفى!"، ثم خرج من القاعة.', ['وصاح: "كفى!"، ثم خرج من القاعة.']),
    (
        'وقال: «أبلغني أحدهم أن "المعبر أغلق. لا أحد يمر" صباحا». ثم غادر.',
        ['وقال: «أبلغني أحدهم أن "المعبر أغلق. لا أحد يمر" صباحا».', "ثم غادر."],
    ),
    ("وقال: «قرأت “البيان كاملا.”» ثم صمت.", ["وقال: «قرأت “البيان كاملا.”»", "ثم صمت."]),
    # a stray quote never glues a paragraph, nor crosses a line break
    (
        'قال المتحدث "إن الوضع مستقر. وأكد أن الطرق مفتوحة. وأضاف أن الامتحانات في موعدها.',
        ['قال المتحدث "إن الوضع مستقر.', "وأكد أن الطرق مفتوحة.", "وأضاف أن الامتحانات في موعدها."],
    ),
    (
        'قال "نحن مستعدون. سنرد.\nوفي سياق آخر، أعلنت الوزارة خطة جديدة.',
        ['قال "نحن مستعدون.', "سنرد.", "وفي سياق آخر، أعلنت الوزارة خطة جديدة."],
    ),
    ("«بداية الاقتباس. بلا إغلاق\nتتمة» في السطر التالي.", ["«بداية الاقتباس.", "بلا إغلاق", "تتمة» في السطر التالي."]),
    ('انتهت الجلسة." وبدأت جلسة أخرى.', ['انتهت الجلسة."', "وبدأت جلسة أخرى."]),
    # glued sentences in scraped pages
    (
        "لن يتم نشر عنوان بريدك الإلكتروني.كشفت صحيفة أمريكية تفاصيل جديدة.",
        ["لن يتم نشر عنوان بريدك الإلكتروني.", "كشفت صحيفة أمريكية تفاصيل جديدة."],
    ),
    (
        "هل يعني ذلك التخلي عن الحليف؟قال الباحث إن الأمر مستبعد.",
        ["هل يعني ذلك التخلي عن الحليف؟", "قال الباحث إن الأمر مستبعد."],
    ),
    # line breaks, paragraphs, English lines, empty text
    ("السطر الأول بلا نقطة\nالسطر الثاني.", ["السطر الأول بلا نقطة", "السطر الثاني."]),
    ("أولا.\n\n\nثانيا.", ["أولا.", "ثانيا."]),
    ("جملة أولى.\r\nجملة ثانية.\u2029جملة ثالثة.", ["جملة أولى.", "جملة ثانية.", "جملة ثالثة."]),
    (
        "This week marks a turning point. Syria joins the coalition!",
        ["This week marks a turning point.", "Syria joins the coalition!"],
    ),
    ("   نص محاط بمسافات.   ", ["نص محاط بمسافات."]),
    ("", []),
    ("  \n\t \n", []),
    # bullets: the mark is outside the span
    ("  • سوريا تنفي تقارير التعاون\n  • دمشق ترد على المزاعم", ["سوريا تنفي تقارير التعاون", "دمشق ترد على المزاعم"]),
    ("1. الانسحاب من المواقع\n2. تبادل الأسرى", ["الانسحاب من المواقع", "تبادل الأسرى"]),
    ("١- وقف إطلاق النار\n٢-فتح المعابر", ["وقف إطلاق النار", "فتح المعابر"]),
    ("- بند أول. فيه جملتان.", ["بند أول.", "فيه جملتان."]),
    ("* إعادة الإعمار", ["إعادة الإعمار"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("جذور تنظيم داعش", ["heading"]),
        ("من معتقل أمريكي إلى رئيس في العاصمة:\nيقول التقرير إن الرجل تغير كثيرا.", ["heading", "sentence"]),
        ("On the Historic Visit to the White House", ["heading"]),
        ("• بند أول\n• بند ثانٍ. وفيه جملة أخرى.", ["bullet", "bullet", "bullet"]),
        ("انتهى الاجتماع.", ["sentence"]),
        ("انتهى الاجتماع. وبدأ المؤتمر الصحفي", ["sentence", "sentence"]),
        ("***", ["sentence"]),
        (" ".join(["كلمة"] * 30), ["sentence"]),  # too long for a heading
        ("ماذا يعني انضمام دمشق إلى التحالف؟", ["sentence"]),
    ],
)
def test_labels(text: str, labels: list[str]) -> None:
    assert [label for _, _, label in sentence_units(text)] == labels


def test_abbreviations_file() -> None:
    abbr = abbreviations()
    assert {"د", "ق.م", "ص.ب", "U.S", "Dr", "No"} <= abbr
    assert "ه" in abbr  # هـ is stored without its tatweel


def clauses(text: str) -> list[str]:
    return [text[s:e] for s, e in split_clauses(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال المتحدث، في بيان صدر مساء الخميس، إن الوزارة تتابع التحقيقات.",
            ["وقال المتحدث", "في بيان صدر مساء الخميس", "إن الوزارة تتابع التحقيقات."],
        ),
        ("رفضت الحكومة الاتهامات؛ ووصفتها بالباطلة.", ["رفضت الحكومة الاتهامات", "ووصفتها بالباطلة."]),
        ('وقال إن "الحل، كما نراه، سياسي" وليس عسكريا.', ['وقال إن "الحل، كما نراه، سياسي" وليس عسكريا.']),
        (
            "وأكد أن «الوضع، رغم كل شيء، مستقر»، مضيفا أن الطرق مفتوحة.",
            ["وأكد أن «الوضع، رغم كل شيء، مستقر»", "مضيفا أن الطرق مفتوحة."],
        ),
        ("التقى الوزير نظيره, وبحث معه الملفات.", ["التقى الوزير نظيره", "وبحث معه الملفات."]),
        ("وصل 1,200 جندي إلى القاعدة.", ["وصل 1,200 جندي إلى القاعدة."]),
        ("Hello, world.", ["Hello, world."]),
        ("first part; second part", ["first part", "second part"]),
        ("أولا،، ثانيا", ["أولا", "ثانيا"]),
        ("بلا فواصل", ["بلا فواصل"]),
        ("، في البداية", ["في البداية"]),
    ],
)
def test_split_clauses(text: str, expected: list[str]) -> None:
    assert clauses(text) == expected


def test_clauses_inside_a_sentence_span() -> None:
    text = "مقدمة. قال، ثم أضاف؛ وانتهى. خاتمة."
    s, e = split_sentences(text)[1]
    assert [text[a:b] for a, b in split_clauses(text, s, e)] == ["قال", "ثم أضاف", "وانتهى."]


def test_stage(article_ar: str) -> None:
    text = "جذور الأزمة\n" + article_ar + "\n• بند أخير"
    article = Article(text=text, source="t")
    stage = registry.create("sentences")
    assert isinstance(stage, SentenceStage)
    stage(article)
    sentences = article.spans("sentences")
    assert [s.label for s in sentences] == ["heading", "sentence", "sentence", "sentence", "bullet"]
    assert sentences[0].attrs == {"heading": True}
    assert sentences[-1].text_of(article) == "بند أخير"
    clauses = article.spans("clauses")
    assert all(c.label == "clause" for c in clauses)
    for c in clauses:
        owner = sentences[c.attrs["sentence"]]
        assert owner.start <= c.start < c.end <= owner.end
    # the quotation in the second sentence keeps its comma
    second = [c.text_of(article) for c in clauses if c.attrs["sentence"] == 2]
    assert second[0].endswith('الصحة"')
    assert SentenceStage.assigns == ("sentences", "clauses")


def test_stage_is_idempotent(article_ar: str) -> None:
    article = Article(text=article_ar, source="t")
    SentenceStage()(article)
    first = list(article.spans("sentences"))
    SentenceStage()(article)
    assert article.spans("sentences") == first


def test_linear_on_long_text() -> None:
    text = ("قال «نعم. لا» ثم د. أحمد… 3.5 مليون؟ " * 2000 + "\n") * 5
    assert len(split_sentences(text)) == 10_000
    # one huge paragraph: a long quotation, then a stray quote mark; both stay linear
    quoted = "«" + "جملة داخل الاقتباس. " * 100_000 + "» انتهى."
    started = time.perf_counter()
    assert len(split_sentences(quoted)) == 1
    assert len(split_sentences('"' + "جملة بلا إغلاق. " * 100_000)) == 100_000
    assert time.perf_counter() - started < 10


PIECES = ["1.", "١-", "3.5", "د.", "U.S.", "www.x.com", "a@b.org", "\u0640", "\u064e", "A", "z"]
ALPHABET = st.sampled_from([*"ابتدرسعلمنهويأةى", *".!?؟…،;,", *'«»“”„"', *"\n\r \t\u00a0\u200f•-*", "  ", *PIECES])
BULLET_CHARS = set("•●▪◦■►▸◆·*-–—.)0123456789٠١٢٣٤٥٦٧٨٩")


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_sentence_properties(text: str) -> None:
    spans = split_sentences(text)
    covered = bytearray(len(text))
    prev_end = 0
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert s >= prev_end
        assert text[s:e] == text[s:e].strip()
        covered[s:e] = b"\x01" * (e - s)
        prev_end = e
        for cs, ce in split_clauses(text, s, e):
            assert s <= cs < ce <= e
            assert text[cs:ce] == text[cs:ce].strip()
    for i, ch in enumerate(text):
        if not ch.isspace() and not covered[i]:
            assert ch in BULLET_CHARS, (text, i)
            line_start = max(text.rfind(b, 0, i) for b in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") + 1
            assert all(not covered[j] for j in range(line_start, i))  # only a bullet mark before the text
