"""The relation between two statements, and `riwaya compare`, on real-style Arabic headline pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from riwaya.claims.relation import features, relation


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
