"""Attribution on real-style Arabic news sentences: speaker, cue, stance, framing, relays, content."""

from __future__ import annotations

import pytest

from riwaya.model import Article
from riwaya.pipeline import Pipeline


def attributions(text: str, outlet: str | None = None) -> list[dict]:
    a = Pipeline.from_names(("sentences", "entities", "attributions"))(Article(text=text, source="t", outlet=outlet))
    out = []
    for s in a.spans("attributions"):
        sp = s.attrs["speaker"] or {}
        out.append({
            "speaker": sp.get("text", ""), "anonymous": sp.get("anonymous"), "class": sp.get("class"),
            "cue": s.attrs["cue"]["text"], "stance": s.label, "framing": s.attrs["framing"],
            "via": [v["text"] for v in s.attrs["via"]], "content": (s.attrs["content"] or {}).get("text", ""),
            "direct": s.attrs["direct"],
        })
    return out


CASES = [
    pytest.param(
        "وقالت وزارة التجارة إنها وقعت اتفاقا لتصدير القمح إلى الأردن.",
        {"speaker": "وزارة التجارة", "anonymous": False, "stance": "assert"}, id="unknown-ministry-vso"),
    pytest.param(
        "أعلنت وزارة التجارة توقيع اتفاق لتصدير القمح إلى الأردن.",
        {"speaker": "وزارة التجارة", "content": "توقيع اتفاق لتصدير القمح إلى الأردن."}, id="announce-verbal-noun"),
    pytest.param(
        "وأعلن وزير الداخلية اعتقال خلية في ريف المدينة.",
        {"speaker": "وزير الداخلية", "content": "اعتقال خلية في ريف المدينة."}, id="office-announces-arrest"),
    pytest.param(
        "وانضمت البلاد إلى المعاهدة، وذلك بحسب تصريحات المبعوث الأمريكي الخاص إلى سوريا توم باراك.",
        {"speaker": "توم باراك", "content": "وانضمت البلاد إلى المعاهدة"}, id="according-to-remarks-of"),
    pytest.param(
        "وبحسب تصريحات مسؤولين فإن الاتفاق بات قريبا.",
        {"speaker": "تصريحات مسؤولين", "anonymous": True, "content": "الاتفاق بات قريبا."},
        id="according-to-remarks-of-officials"),
    pytest.param(
        "وهو ما تنبأ به في وقت سابق الباحث عبدالعزيز العنجري، في حديث إلى الصحيفة، أن الحرب ستطول.",
        {"speaker": "عبدالعزيز العنجري", "stance": "predict"}, id="relative-clause-late-subject"),
    pytest.param(
        "وأكد وزير الزراعة أن الموسم سيكون أفضل من العام الماضي.",
        {"speaker": "وزير الزراعة", "anonymous": False}, id="office-without-name"),
    pytest.param(
        "ونفت الوزارة أن يكون هناك أي تقصير، ووصفت التقرير بأنه لا أساس له من الصحة.",
        {"speaker": "الوزارة", "stance": "deny"}, id="described-object-is-not-a-speaker"),
    pytest.param(
        "وقال وزير الخارجية الأردني أيمن الصفدي إن المملكة ترفض أي تهجير للفلسطينيين.",
        {"speaker": "أيمن الصفدي", "cue": "وقال", "stance": "assert", "framing": "neutral"}, id="vso-title-name"),
    pytest.param(
        "كشفت صحيفة “واشنطن بوست”، نقلاً عن مسؤولين أمريكيين حاليين وسابقين، أن الإدارة تدرس سحب قواتها.",
        {"speaker": "واشنطن بوست", "framing": "endorse", "via": "مسؤولين أمريكيين"}, id="reveal-citing-officials"),
    pytest.param(
        "زعمت صحيفة نيويورك تايمز أن الحكومة أجرت اتصالات سرية مع الفصائل المسلحة.",
        {"speaker": "نيويورك تايمز", "framing": "distance", "stance": "assert"}, id="distance-framing"),
    pytest.param(
        "نفت وزارة الداخلية السورية ما نشرته بعض المواقع عن اعتقالات جماعية، وفق وكالة الأنباء السورية (سانا).",
        {"speaker": "وزارة الداخلية", "stance": "deny", "via": "الأنباء السورية"}, id="denial-via-agency"),
    pytest.param(
        "ونقلت الصحيفة عن متحدث باسم حركة حماس نفيه وجود أي مفاوضات مباشرة مع الجانب الأمريكي.",
        {"speaker": "حماس", "stance": "deny"}, id="relayed-spokesman-denial"),
    pytest.param(
        "وأفادت مصادر أمنية عراقية بأن الهجوم استهدف رتلا عسكريا قرب الحدود.",
        {"anonymous": True, "class": "sources", "speaker": "مصادر أمنية عراقية"}, id="anonymous-sources"),
    pytest.param(
        "السفارة الأمريكية في دمشق أعلنت استئناف عملها القنصلي بعد انقطاع دام سنوات.",
        {"speaker": "السفارة الأمريكية", "cue": "أعلنت"}, id="subject-verb"),
    pytest.param(
        "محللون يرجحون أن تتجه الحكومة إلى انتخابات مبكرة قبل نهاية العام.",
        {"speaker": "محللون", "stance": "hedge", "anonymous": True}, id="anonymous-hedge"),
    pytest.param(
        "وقال قائد القيادة المركزية الأمريكية الأدميرال براد كوبر: \"سنواصل ملاحقة خلايا التنظيم في كل مكان\".",
        {"speaker": "براد كوبر", "stance": "predict", "direct": True}, id="direct-quote-prediction"),
    pytest.param(
        "وأكد المتحدث باسم الحكومة أن هذه الأنباء عارية عن الصحة ولا أساس لها.",
        {"stance": "deny"}, id="denial-in-content"),
    pytest.param(
        "واعتبر المحلل السياسي وائل علوان أن الخطوة تفتح الباب أمام شراكة أوسع.",
        {"speaker": "وائل علوان", "stance": "opinion"}, id="analyst-opinion"),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_attribution(text: str, want: dict) -> None:
    found = attributions(text)
    assert found, "no attribution found"
    a = found[0]
    for k, v in want.items():
        if k in ("speaker", "via"):
            got = a[k] if k == "speaker" else " ".join(a[k])
            assert v in got, (k, got)
        else:
            assert a[k] == v, (k, a[k], a)


def test_continuation_takes_the_last_speaker() -> None:
    found = attributions("وقال المحلل السياسي سامر الخطيب إن التقرير يضع الوزير في موقف صعب.\n"
                         "وأضاف أن البرلمان قد يستدعي الوزير للمساءلة.")
    assert len(found) == 2 and found[1]["cue"] == "وأضاف"
    assert "سامر الخطيب" in found[1]["speaker"] and found[1]["stance"] == "hedge"


def test_two_statements_in_one_sentence() -> None:
    found = attributions("وأكد وزير الإعلام حمزة المصطفى أن الهدف هو حماية المدنيين، فيما أشار العقيد ضرار الشملان "
                         "إلى أن القوات اعتقلت العشرات.")
    assert [("حمزة المصطفى" in f["speaker"], "ضرار الشملان" in f["speaker"]) for f in found] == [(True, False),
                                                                                             (False, True)]


def test_naming_verb_is_no_claim() -> None:
    found = attributions("تبنت جماعة تُدعى \"سرايا الوادي\" الهجوم على الميناء في بيان نشرته على قناتها.")
    assert all(f["cue"] != "تُدعى" for f in found)


def test_statement_on_the_line_after_its_heading() -> None:
    text = "الرئاسة السورية لوكالة رويترز:\nنؤكد عدم صحة المعلومات التي نشرتها الصحيفة عن اجتماعات سرية."
    found = attributions(text, outlet="الجزيرة")
    assert found and found[0]["stance"] == "deny" and "الرئاسة السورية" in found[0]["speaker"]
    assert any("رويترز" in v for v in found[0]["via"])


def test_interview_given_to_another_outlet_is_a_relay_but_not_to_the_own_outlet() -> None:
    text = "وقال المحلل وائل علوان لـ\"إرم نيوز\" إن التعاون مستمر."
    assert any("إرم نيوز" in v for v in attributions(text, outlet="الجزيرة")[0]["via"])
    assert attributions(text, outlet="إرم نيوز")[0]["via"] == []


def test_verb_without_subject_far_from_any_statement_is_nobody() -> None:
    found = attributions("وقلب العهد الجديد الطاولة على كل من توقع الصدود الأميركي في ذلك الوقت.")
    assert found == []


def test_what_a_description_is_about_never_speaks() -> None:
    found = attributions("ونفت الوزارة أن يكون هناك أي تقصير، ووصفت التقرير بأنه لا أساس له من الصحة.")
    assert found and all("التقرير" not in a["speaker"] for a in found)


def _speaker_keys(text: str) -> list[str | None]:
    a = Pipeline.from_names(("sentences", "entities", "attributions"))(Article(text=text, source="t"))
    return [(s.attrs["speaker"] or {}).get("key") for s in a.spans("attributions")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وقال مسؤول مكتب الإدارة الذاتية في دمشق عبدالكريم عمر إن الحوار مستمر.\n"
                     "وتابع مسؤول الإدارة الذاتية، \"المطلوب ضمانات دستورية واضحة\".", id="office-named-again"),
        pytest.param("وقال الباحث عبدالعزيز العنجري إن الخطر قائم.\n"
                     "أما القسم الثاني، وفق العنجري، فهي العناصر النشطة في البادية.", id="family-name-again"),
    ],
)
def test_a_person_named_again_by_office_or_family_name_is_the_same_speaker(text: str) -> None:
    first, second = _speaker_keys(text)[:2]
    assert first is not None and first == second


def test_a_statement_in_an_embedded_post_comes_through_the_account_that_posted_it() -> None:
    text = ("نؤكد عدم صحة المعلومات التي وردت في بعض التقارير الصحفية عن الاجتماع. pic.twitter.com/aB2kxQ "
            "— الإخبارية السورية (@AlekhbariahSY) November 14, 2025\nوقال الوزير إن الاجتماع لم يعقد.")
    found = attributions(text)
    assert any("الإخبارية السورية" in " ".join(a["via"]) for a in found)
    assert all(not a["via"] for a in found if a["speaker"] == "الوزير")


def test_a_publisher_after_the_statement_relays_it() -> None:
    (a, *_) = attributions(
        "وأضاف مصدر أمني أن العملية أسفرت عن اعتقال أربعة أشخاص، حسب ما نشرت وزارة الداخلية في بيان."
    )
    assert "وزارة الداخلية" in " ".join(a["via"]) and a["content"] == "العملية أسفرت عن اعتقال أربعة أشخاص"


def test_a_second_anonymous_source_named_again_keeps_the_outlet_that_introduced_it() -> None:
    text = ("ونقلت صحيفة نيويورك تايمز عن مسؤولين سوريين ودبلوماسيين غربيين قولهم إن التعاون بدأ قبل سنوات.\n"
            "ويقول أحد الدبلوماسيين الغربيين إن العلاقة بدأت كترتيب ميداني محدود.")
    found = attributions(text)
    later = [a for a in found if "الدبلوماسيين" in a["speaker"]]
    assert later and "نيويورك تايمز" in " ".join(later[0]["via"])


def test_a_verb_after_kama_is_a_statement_of_the_same_speaker() -> None:
    # BB-economy-3-20180217: "، كما أشار إلى": a finite cue with a proposition of its own starts a new statement,
    # and the one before it ends at the comma; a participle ("، مشيراً إلى أن") only carries the statement on
    first, second = attributions(
        "وقال التقرير إن الصين وكوريا الشمالية وروسيا تشارك أحيانا في عمليات قرصنة إلكترونية، كما أشار إلى "
        "قرصنة ينفذها ناشطون سياسيون ومنظمات إجرامية.")
    assert (first["speaker"], second["speaker"], second["cue"]) == ("التقرير", "التقرير", "أشار")
    assert first["content"].endswith("إلكترونية")
    (only,) = attributions("وقال المتحدث إن الهجوم فشل، مشيرا إلى أن القوات تقدمت في المدينة.")
    assert only["content"].endswith("المدينة.")


def test_a_noun_with_sa_is_no_future_verb() -> None:
    from riwaya.attribution.lexicon import content_stance
    from riwaya.text.normalize import key

    # "سياساتها" (its policies), "سنوات", "سياسية" start like سـ + a present verb; "سيواصل" is one
    assert content_stance(key("سلطة تفتقد إلى حس المسؤولية تجاه بلد يعاني من سياساتها"), "assert") == "assert"
    assert content_stance(key("الجيش سيواصل عملياته في المنطقة"), "assert") == "predict"


def test_phrases_match_as_whole_words_only() -> None:
    from riwaya.attribution.lexicon import has_phrase

    phrases = ("لا أساس له", "هراء")
    assert has_phrase("وصف الاتهام بانه هراء", phrases)
    assert has_phrase("قال انه لا أساس له من الصحة", phrases)
    assert not has_phrase("قال انه لا أساس لهذه", phrases)
    assert not has_phrase("هراءات", phrases)
