"""The relation between two statements, and `riwaya compare`, on real-style Arabic headline pairs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from riwaya.claims.relation import features, relation
from riwaya.claims.values import compare_dates, compare_quantities, quantities


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("ارتفاع أسعار النفط عالميا بعد قرار أوبك", "انخفاض أسعار النفط عالميا بعد قرار أوبك", "contradict"),
        ("الرئاسة تعلن استئناف المفاوضات مع المعارضة", "الرئاسة تعلن استئناف المفاوضات مع المعارضة الأسبوع المقبل",
         "agree"),
    ],
)
def test_clear_pairs(a: str, b: str, want: str) -> None:
    assert relation(a, b)[0] == want


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("قتل 25 شخصا في الهجوم على السوق", "قتل 25 شخصا على الأقل في الهجوم على السوق", "agree"),
        ("قتل 25 شخصا في الهجوم على السوق", "قتل 40 شخصا في الهجوم على السوق", "contradict"),
        ("ترامب يلتقي الشرع في البيت الأبيض", "ترمب يلتقي الشرع في البيت الأبيض", "agree"),
        ("الحكومة تعلن رفع أسعار الوقود", "الحكومة تنفي رفع أسعار الوقود", "contradict"),
    ],
)
def test_figures_names_and_negation(a: str, b: str, want: str) -> None:
    assert relation(a, b)[0] == want


def test_last_december_is_december_of_the_year_before_when_said_in_november() -> None:
    a, b = "رصدت مكافأة حتى ديسمبر 2024", "رصدت مكافأة حتى ديسمبر الماضي"
    assert relation(a, b, said_b=date(2025, 11, 14))[0] == "agree"
    assert compare_dates(a, b, None, date(2025, 11, 14)) == (True, False)
    assert compare_dates(a, b, None, date(2026, 11, 14)) == (False, True)


@pytest.mark.parametrize(
    ("a", "b", "same", "conflict"),
    [
        ("قتل 25 شخصا", "قتل 25 شخصا على الأقل", True, False),
        ("قتل 30 شخصا", "قتل ما لا يقل عن 25 شخصا", True, False),
        ("قتل 20 شخصا", "قتل أكثر من 25 شخصا", False, True),
        ("نحو 100 مقاتل", "105 مقاتلين", True, False),
        ("قتل خمسة أشخاص", "قتل 5 أشخاص", True, False),
        ("مكافأة قدرها 10 ملايين دولار", "مكافأة قدرها 5 ملايين دولار", False, True),
    ],
)
def test_figures_compare_with_their_bounds(a: str, b: str, same: bool, conflict: bool) -> None:
    assert compare_quantities(a, b) == (same, conflict)


def test_a_year_is_not_a_figure() -> None:
    assert quantities("منذ عام 2016") == []


def test_features_see_antonyms_negation_and_numbers() -> None:
    f = features("ارتفاع عدد القتلى إلى 25 شخصا", "انخفاض عدد القتلى إلى 30 شخصا")
    assert f["antonym"] == 1.0 and f["num_differ"] == 1.0
    g = features("الحكومة تؤكد مشاركتها في المؤتمر", "الحكومة لم تؤكد مشاركتها في المؤتمر")
    assert g["neg_xor"] == 1.0


def test_compare_cli_keeps_order_and_reports_bad_lines(riwaya, tmp_path: Path) -> None:
    f = tmp_path / "pairs.jsonl"
    lines = [
        {"a": "ارتفاع أسعار الذهب في الأسواق", "b": "تراجع أسعار الذهب في الأسواق"},
        "not json",
        {"a": "وزير الخارجية يزور القاهرة", "b": "وزير الخارجية يصل إلى القاهرة في زيارة رسمية"},
    ]
    f.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                 encoding="utf-8")
    proc = riwaya("compare", "--pairs", str(f))
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert proc.returncode == 2 and f"{f}:2: not a pair" in proc.stderr
    assert len(out) == 3 and out[1]["relation"] is None
    assert out[0]["relation"] in ("agree", "contradict", "unrelated") and 0 <= out[0]["score"] <= 1


def test_compare_cli_reads_the_days_statements_were_said(riwaya, tmp_path: Path) -> None:
    f = tmp_path / "pairs.jsonl"
    pair = {"a": "رصدت مكافأة حتى ديسمبر 2024", "b": "رصدت مكافأة حتى ديسمبر الماضي", "date_b": "2025-11-14"}
    f.write_text(json.dumps(pair, ensure_ascii=False) + "\n" + json.dumps({**pair, "date_b": "14/11/2025"},
                 ensure_ascii=False) + "\n", encoding="utf-8")
    proc = riwaya("compare", "--pairs", str(f))
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert out[0]["relation"] == "agree"
    assert out[1]["relation"] is None and f"{f}:2: not a pair" in proc.stderr and proc.returncode == 2
