"""The learned stance model: it ships, it reads views the lexicons do not list, it leaves the lexicons'
stances alone, and its annotated data points at real statements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from riwaya.attribution import stance_model
from riwaya.attribution.stance_model import STANCES, decide
from tests.attribution.test_extract import attributions
from tests.conftest import SHARED

LABELS = Path(__file__).resolve().parents[1] / "data" / "stance"
# BB-economy-64-20180313: a judgement with none of the opinion lexicon's words
VIEW = "وقالت مالمستروم \"في بعض الأماكن يُنحى باللائمة على التجارة في أضرار العولمة أو أنهم استخدموها كبش فداء\"."


def test_the_weights_ship_with_their_recipe_figures() -> None:
    model = stance_model._model()
    assert set(STANCES) <= set(model["classes"])
    assert 0.0 < model["threshold"] < 1.0
    cv = model["cross_validation"]
    assert cv["with_model"] > cv["rules_alone"]


def test_a_view_without_a_listed_word_is_read_as_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stance_model, "DISABLED", True)
    assert [a["stance"] for a in attributions(VIEW)] == ["assert"]
    monkeypatch.setattr(stance_model, "DISABLED", False)
    assert [a["stance"] for a in attributions(VIEW)] == ["opinion"]


def test_a_stance_the_lexicons_read_is_kept() -> None:
    confident = {"assert": 0.9, "deny": 0.02, "hedge": 0.02, "predict": 0.03, "opinion": 0.03}
    assert decide(confident, "deny", 0.5) == "deny"
    assert decide({**confident, "assert": 0.1, "opinion": 0.82}, "assert", 0.5) == "opinion"
    assert decide({**confident, "assert": 0.1, "none": 0.82}, "assert", 0.5) == "assert"  # "none" is no stance


def test_a_statement_without_content_keeps_the_rules_stance() -> None:
    (a,) = attributions("وقال وزير الخارجية إن الحوار مستمر.")
    assert a["stance"] == "assert"


def test_the_stance_labels_point_at_real_statements(ant_docs: dict[str, dict]) -> None:
    rows = [json.loads(line) for f in sorted(LABELS.glob("*.jsonl")) for line in f.read_text("utf-8").splitlines()]
    assert len(rows) >= 1000
    for r in rows:
        text = ant_docs[r["doc"]]["text"]
        assert r["stance"] in (*STANCES, "none")
        assert 0 <= r["para"] <= r["at"] < len(text)
        assert r["para"] == 0 or text[r["para"] - 1] == "\n"
        assert "\n" not in text[r["para"] : r["at"]]
    dev = {d for g in (SHARED / "gold" / "dev").glob("*.gold.json") for d in json.loads(g.read_text("utf-8"))["docs"]}
    assert dev and not dev & {r["doc"] for r in rows}  # the dev stories are measured, never learned from
