"""`riwaya entities --conll` and `riwaya kb add`, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

from riwaya.entities.conll import entity_scores, spans

CONLL = """أعلن O
وزير O
الخارجية O
السعودي O
فيصل B-PERS
بن I-PERS
فرحان I-PERS
في O
الرياض B-LOC
أمس O
. O

ونقلت O
وكالة B-ORG
رويترز I-ORG
عن O
مسؤول O
أمريكي O
قوله O
. O
"""


def test_conll_output_keeps_tokens_and_sentence_breaks(riwaya, tmp_path: Path) -> None:
    f = tmp_path / "in.conll"
    f.write_text(CONLL, encoding="utf-8")
    proc = riwaya("entities", "--conll", str(f))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split("\n")
    assert lines[11] == ""  # the blank line between the two sentences is kept
    rows = [ln.split("\t") for ln in lines if ln]
    assert [r[0] for r in rows] == [ln.split(" ")[0] for ln in CONLL.splitlines() if ln]
    assert all(r[1] == "O" or (r[1][:2] in ("B-", "I-") and r[1][2:] in ("PER", "ORG", "LOC", "MISC")) for r in rows)
    labels = dict(rows)
    assert labels["الرياض"] == "B-LOC"
    assert labels["فيصل"] == "B-PER"


def test_conll_missing_file(riwaya, tmp_path: Path) -> None:
    proc = riwaya("entities", "--conll", str(tmp_path / "nope.conll"))
    assert proc.returncode == 1 and "no such file" in proc.stderr


def test_entity_scores_exact_spans() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    assert spans(gold[0]) == {(0, 2, "PER"), (3, 4, "LOC")}
    s = entity_scores(gold, pred)
    assert s["LOC"][2] == 1.0 and s["PER"][2] == 0.0 and s["ALL"][:2] == (0.5, 0.5)


def test_kb_add_validates_and_is_used(riwaya, tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    env_file = tmp_path / "mine.tsv"
    header = "id\ttype\tkind\tname\taliases\ten\twikidata\tdomains\tcountry\n"
    env_file.write_text(header + "per:fictional\tPER\tofficial\tسامر الخطيب\tالخطيب\tSamer al-Khatib\t\t\tXX\n",
                        encoding="utf-8")
    import os
    import subprocess
    import sys

    env = {**os.environ, "RIWAYA_HOME": str(home)}
    run = lambda *a: subprocess.run([sys.executable, "-m", "riwaya.cli", *a], capture_output=True, text=True,  # noqa: E731
                                    env=env, timeout=120)
    proc = run("kb", "add", str(env_file))
    assert proc.returncode == 0 and "1 entities" in proc.stdout
    assert (home / "kb" / "mine.tsv").is_file()
    found = run("kb", "lookup", "الخطيب")
    assert found.returncode == 0 and "per:fictional" in found.stdout
    bad = tmp_path / "bad.tsv"
    bad.write_text(header + "per:x\tPERSON\tofficial\tاسم\t\t\t\t\t\n", encoding="utf-8")
    proc = run("kb", "add", str(bad))
    assert proc.returncode == 1 and "bad.tsv row 1: type 'PERSON'" in proc.stderr
