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
    assert roles == ["denies", "supports", "supports"]
    assert main[0].independent_origins == 1  # the relay repeats the same newspaper
    assert all(OTHER not in m.content for m, _ in main[0].members)
    (x, *_) = contradictions(claims)
    assert x.kind == "denial" and x.b.stance == "deny" and x.a.stance != "deny"


def test_nothing_to_group_gives_no_claim() -> None:
    assert group(statements([analysed(OTHER, "d", "الأفق")])) == []


def test_check_on_the_seeds_sorts_support_and_denial(riwaya, seeds_export: dict) -> None:
    proc = riwaya("check", "الشرع تعاون مع التحالف الدولي منذ 2016", "--db", seeds_export["_db"])
    assert proc.returncode == 0, proc.stderr
    heads = [ln for ln in proc.stdout.splitlines() if ln.startswith("[")]
    supports = [h for h in heads if h.startswith("[supports]")]
    denies = [h for h in heads if h.startswith("[denies]")]
    assert any("نيويورك تايمز" in h for h in supports)
    assert denies and all("الرئاسة" in h or "مديرية" in h for h in denies)
