"""Claims across articles: grouping, supporters and deniers, origins, contradictions, `riwaya check`."""

from __future__ import annotations

from riwaya.claims.group import contradictions, group, statements
from riwaya.model import Article
from riwaya.pipeline import Pipeline

PIPE = Pipeline.from_names(("sentences", "entities", "attributions"))

REPORT = ("كشفت صحيفة نيويورك تايمز، نقلاً عن مسؤولين حكوميين، أن وزارة الداخلية تلقت تحذيرات مكتوبة من "
          "انفجار ميناء الريان قبل ثلاثة أشهر من وقوعه.")
RELAY = ("زعمت صحيفة نيويورك تايمز أن وزارة الداخلية تلقت تحذيرات مكتوبة بشأن ميناء الريان قبل ثلاثة أشهر "
         "من الانفجار.")
DENIAL = ("نفت وزارة الداخلية أن تكون تلقت أي تحذيرات مكتوبة بشأن ميناء الريان قبل الانفجار، ووصفت التقرير "
          "بأنه لا أساس له من الصحة.")
OTHER = "وقال المتحدث باسم الجيش إن وحدات الدفاع المدني أنهت رفع الأنقاض من شارع الكورنيش بعد يومين من العمل."


def analysed(text: str, source: str, outlet: str) -> Article:
    return PIPE(Article(text=text, source=source, outlet=outlet))


def test_report_relay_and_denial_make_one_claim_with_one_origin() -> None:
    arts = [analysed(REPORT, "a", "الفجر"), analysed(RELAY, "b", "الساحل"), analysed(DENIAL, "c", "ونا"),
            analysed(OTHER, "d", "الأفق")]
    claims = group(statements(arts))
    main = [c for c in claims if len(c.members) >= 3]
    assert len(main) == 1
    roles = sorted(role for _, role in main[0].members)
    # the denial, and "ووصفت التقرير بأنه لا أساس له من الصحة" (a second finite cue: a statement of its own)
    assert roles == ["denies", "denies", "supports", "supports"]
    assert main[0].independent_origins == 1  # the relay repeats the same newspaper
    assert all(OTHER not in m.content for m, _ in main[0].members)
    (x, *_) = contradictions(claims)
    assert x.kind == "denial" and x.b.stance == "deny" and x.a.stance != "deny"


def test_a_lone_statement_is_a_claim_of_its_own() -> None:
    (claim,) = group(statements([analysed(OTHER, "d", "الأفق")]))
    assert len(claim.members) == 1 and claim.independent_origins == 1
    assert "الأنقاض" in claim.text


REPORT_TWO_TOPICS = (
    "كشفت صحيفة الغارديان أن وزير الدفاع التقى قادة الفصائل المسلحة في مدينة الرقة الأسبوع الماضي لبحث "
    "دمج مقاتليهم في الجيش. وأضافت الصحيفة أن الحكومة وقعت اتفاقا لتصدير القمح إلى الأردن بقيمة "
    "ثلاثمئة مليون دولار خلال العام المقبل."
)
WHEAT = ("وقالت وزارة التجارة إنها وقعت اتفاقا لتصدير القمح إلى الأردن بقيمة ثلاثمئة مليون دولار خلال "
         "العام المقبل.")


def test_a_report_that_turns_to_a_topic_reported_elsewhere_splits() -> None:
    claims = group(statements([analysed(REPORT_TWO_TOPICS, "a", "الفجر"), analysed(WHEAT, "b", "الساحل")]))
    wheat = next(c for c in claims if any("وزارة التجارة" in m.speaker_text for m, _ in c.members))
    assert len(wheat.members) == 2 and wheat.independent_origins == 2
    assert all("الفصائل" not in m.content for m, _ in wheat.members)


LINKED = "ورأى خبراء أن هيئة تحرير الشام لا تزال فصيلا مرتبطا بتنظيم القاعدة رغم إعلانها فك الارتباط."
UNLINKED = "ونفى متحدث باسم هيئة تحرير الشام أي صلة تنظيمية بتنظيم القاعدة منذ سنوات."


def test_a_denial_joins_the_assertion_it_rejects() -> None:
    claims = group(statements([analysed(LINKED, "a", "الفجر"), analysed(UNLINKED, "b", "الساحل"),
                               analysed(OTHER, "d", "الأفق")]))
    (claim,) = [c for c in claims if len(c.members) > 1]
    assert sorted(role for _, role in claim.members) == ["denies", "supports"]
    (x,) = contradictions(claims)
    assert x.kind == "denial" and "تحرير الشام" in x.b.speaker_text


def test_check_on_the_seeds_sorts_support_and_denial(riwaya, seeds_export: dict) -> None:
    proc = riwaya("check", "الشرع تعاون مع التحالف الدولي منذ 2016", "--db", seeds_export["_db"])
    assert proc.returncode == 0, proc.stderr
    heads = [ln for ln in proc.stdout.splitlines() if ln.startswith("[")]
    supports = [h for h in heads if h.startswith("[supports]")]
    denies = [h for h in heads if h.startswith("[denies]")]
    assert any("نيويورك تايمز" in h for h in supports)
    assert denies and all("الرئاسة" in h or "مديرية" in h for h in denies)


TOLL_A = "وقالت وزارة الصحة إن 25 شخصا على الأقل قتلوا في انفجار ميناء الريان مساء أمس وأصيب العشرات."
TOLL_B = "وأفاد الدفاع المدني بأن 18 شخصا قتلوا في انفجار ميناء الريان مساء أمس وأصيب العشرات."
TOLL_C = "وقال مسؤول في الميناء إن 31 شخصا قتلوا في انفجار ميناء الريان مساء أمس وأصيب العشرات."


def test_conflicting_figures_between_origins_are_contradictions() -> None:
    arts = [analysed(TOLL_A, "a", "الفجر"), analysed(TOLL_B, "b", "الساحل"), analysed(TOLL_C, "c", "الأفق")]
    found = [x for x in contradictions(group(statements(arts))) if x.kind == "numeric"]
    # 18 is below "at least 25"; 31 is not, and 18 and 31 differ
    pairs = {frozenset((x.a.article.source, x.b.article.source)) for x in found}
    assert pairs == {frozenset("ab"), frozenset("bc")}
    assert all("18" in x.explanation for x in found)


def test_the_same_figure_told_twice_is_no_contradiction() -> None:
    arts = [analysed(TOLL_A, "a", "الفجر"), analysed(TOLL_A.replace("وزارة الصحة", "الدفاع المدني"), "b", "الساحل")]
    assert [x for x in contradictions(group(statements(arts))) if x.kind in ("numeric", "date")] == []


def test_conflicting_dates_between_origins_are_contradictions() -> None:
    a = "كشفت صحيفة الغارديان أن التنسيق الأمني بين الجيش وفصائل الجنوب بدأ سرا منذ عام 2016."
    b = "وذكرت وكالة رويترز أن التنسيق الأمني بين الجيش وفصائل الجنوب بدأ سرا منذ عام 2019."
    found = contradictions(group(statements([analysed(a, "a", "الفجر"), analysed(b, "b", "الساحل")])))
    assert [x.kind for x in found] == ["date"] and "2016" in found[0].explanation


def test_a_claim_too_big_is_clustered_again_with_stricter_links(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import riwaya.claims.group as grouping

    # four statements (the denial article makes two: "نفت…" and "ووصفت التقرير بأنه لا أساس له")
    arts = [analysed(REPORT, "a", "الفجر"), analysed(RELAY, "b", "الساحل"), analysed(DENIAL, "c", "ونا")]
    assert len([c for c in group(statements(arts)) if len(c.members) == 4]) == 1
    # above three statements a claim is clustered again; no pair is that similar, so it breaks up
    monkeypatch.setattr(grouping, "SPLIT_ABOVE", 3)
    monkeypatch.setattr(grouping, "STRICTER", (0.99,))
    assert sorted(len(c.members) for c in group(statements(arts))) == [1, 1, 1, 1]
    monkeypatch.setattr(grouping, "SPLIT_ABOVE", 4)  # a claim of four is not too big
    assert sorted(len(c.members) for c in group(statements(arts))) == [4]
