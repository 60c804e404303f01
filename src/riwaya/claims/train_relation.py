"""Train the statement-relation model on ANS (Arabic News Stance) and write the shipped weights.

    python -m riwaya.claims.train_relation --train ../shared/data/ans/train.csv --dev ../shared/data/ans/dev.csv \\
        [--out src/riwaya/resources/models/relation.json]

ANS pairs a news headline with a rewrite that paraphrases it (agree → agree), contradicts it
(disagree → contradict) or is about something else (other → unrelated). Logistic regression
(scikit-learn, the `train` extra) with balanced class weights; C is chosen on dev by macro-F1, then the
model trained on train is written as JSON that riwaya applies without scikit-learn (`--with-dev` refits
on train + dev instead, leaving no held-out figure).
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from ..resources import path
from .relation import features

LABELS = {"agree": "agree", "disagree": "contradict", "other": "unrelated"}


def read(file: Path) -> tuple[list[dict[str, float]], list[str]]:
    with file.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [features(r["s1"], r["s2"]) for r in rows], [LABELS[r["stance"]] for r in rows]


def fit(x: list[dict[str, float]], y: list[str], c: float):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    clf.fit(vec.fit_transform(x), y)
    return vec, clf


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, float]]:
    per = {}
    for cls in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == cls)
        np_ = sum(1 for p in pred if p == cls)
        ng = sum(1 for g in gold if g == cls)
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        per[cls] = 2 * p * r / (p + r) if p + r else 0.0
    return sum(per.values()) / len(per), per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--out", default=str(path("models", "relation.json")))
    ap.add_argument("--with-dev", action="store_true", help="refit on train + dev after choosing C")
    args = ap.parse_args(argv)
    xt, yt = read(Path(args.train))
    xd, yd = read(Path(args.dev))
    best = (-1.0, 1.0)
    for c in (0.1, 0.3, 1.0, 3.0, 10.0):
        vec, clf = fit(xt, yt, c)
        f1, per = macro_f1(yd, list(clf.predict(vec.transform(xd))))
        print(f"C={c:<5} dev macro-F1 {f1:.3f}  " + "  ".join(f"{k} {v:.3f}" for k, v in per.items()))
        best = max(best, (f1, c))
    if args.with_dev:
        print(f"best C={best[1]} (dev macro-F1 {best[0]:.3f}); refitting on train + dev")
        vec, clf = fit(xt + xd, yt + yd, best[1])
    else:  # the default: dev stays held out, so `riwaya compare` on it measures what the model learnt
        print(f"best C={best[1]} (dev macro-F1 {best[0]:.3f}); the shipped model is the one trained on train")
        vec, clf = fit(xt, yt, best[1])
    names = vec.get_feature_names_out()
    weights = {
        str(n): [round(float(clf.coef_[k][i]), 5) for k in range(len(clf.classes_))]
        for i, n in enumerate(names)
        if any(abs(clf.coef_[k][i]) > 1e-4 for k in range(len(clf.classes_)))
    }
    model = {
        "classes": [str(c) for c in clf.classes_],
        "intercept": [float(v) for v in clf.intercept_],
        "weights": weights,
        "trained_on": "ANS train+dev" if args.with_dev else "ANS train",
        "dev_macro_f1": round(best[0], 4),
        "C": best[1],
    }
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    print(f"{len(weights)} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
