"""Train the in-body link model (`line_model.py`) on hand-labelled lines of real articles.

    python -m riwaya.clean.train_lines ../shared/data/ant_sample/articles.jsonl \
        --exclude ../shared/gold/dev/*.gold.json

Reads the labels in `tests/data/furniture/*.jsonl` (docno, line offset, label; guidelines in
`docs/annotation/furniture.md`), keeps the lines the model is asked about (`is_candidate`, inside the
body), fits an L2 logistic regression (scikit-learn, the `train` extra) for "link or furniture" against
"body or subhead", reports grouped cross-validation by article, and writes the weights and the decision
threshold to `src/riwaya/resources/models/furniture_lines.json`, with each outlet's habit of setting other
pages' headlines into its bodies (`outlet_rates`: counted on the corpus without labels, the dev stories'
articles left out).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..corpora import ant_docs, excluded, recipe_args, training_libraries
from ..resources import path
from ..text.normalize import fold
from .line_model import Page, continues_text, features, is_candidate, page_outlet
from .rules import default_rules

REPO = Path(__file__).resolve().parents[3]
LABELS = REPO / "tests" / "data" / "furniture"
REMOVE = {"link", "furniture"}
THRESHOLD = 0.5  # probability of furniture from which a line goes
BLOCK = {"block_probability": 0.2, "block_words": 5}  # beside a link, a headline-like line goes on less


def outlet_rates(docs: dict[str, dict], exclude: set[str]) -> dict[str, float]:
    """Per outlet: the share of its headline-like body lines (6 words or more, inside the body, ending no
    sentence, not opening with "و") that are, word for word, the title of another article of the corpus;
    smoothed towards the rate over all outlets ("*"). Unlabelled evidence: no annotation is used."""
    titles = {fold(d["title"]) for d in docs.values() if d.get("title")}
    seen: dict[str, list[int]] = {}
    for dn, d in docs.items():
        if dn in exclude:
            continue
        outlet = page_outlet({"outlet": d.get("src"), "url": d.get("url")}) or "?"
        lines = [x.strip() for x in d["text"].split("\n") if x.strip()]
        own = fold(d.get("title") or "")
        for line in lines[1:-1]:
            key = fold(line)
            if is_candidate(line) and len(line.split()) >= 6 and not key.startswith("و"):
                count = seen.setdefault(outlet, [0, 0])
                count[0] += 1
                count[1] += key in titles and key != own
    total = [sum(c[0] for c in seen.values()), sum(c[1] for c in seen.values())]
    prior = total[1] / max(1, total[0])
    rates = {o: round((m + 10 * prior) / (n + 10), 4) for o, (n, m) in sorted(seen.items()) if o != "?"}
    rates["*"] = round(prior, 4)
    return rates


def load(docs: dict[str, dict], rates: dict[str, float]) -> tuple[list[dict[str, float]], list[int], list[tuple]]:
    """Features, labels (1: link or furniture) and (docno, line index, words) of every labelled candidate."""
    xs, ys, groups = [], [], []
    rules = default_rules()
    for file in sorted(LABELS.glob("*.jsonl")):
        for row in map(json.loads, file.read_text(encoding="utf-8").splitlines()):
            doc = docs[row["doc"]]
            lines, index, off = [], None, 0
            for raw in doc["text"].split("\n"):
                if raw.strip():
                    if off == row["para"]:
                        index = len(lines)
                    lines.append(raw)
                off += len(raw) + 1
            if index is None or index == 0 or not is_candidate(lines[index]):
                continue
            if rules.classify(lines[index]).kind != "text":
                continue  # the rules take it (a lead-in, a credit, a separator): the model is not asked
            outlet = page_outlet({"outlet": doc.get("src"), "url": doc.get("url")}) or "?"
            # as the cleaner sees a page: the headline first
            page = Page([doc["title"], *lines], doc["title"], rates.get(outlet, rates["*"]))
            xs.append(features(page, index + 1))
            ys.append(int(row["label"] in REMOVE))
            # what the block rule needs: the line's words, none when it is in a list or goes on from before
            blockable = page.run(index + 1) < 4 and not continues_text(lines[index])
            groups.append((row["doc"], index, len(lines[index].split()) if blockable else 0))
    return xs, ys, groups


def main(argv: list[str] | None = None) -> None:
    args = recipe_args(__doc__.split("\n")[0], "../shared/data/ant_sample/articles.jsonl",
                       path("models", "furniture_lines.json")).parse_args(argv)
    DictVectorizer, LogisticRegression, GroupKFold, cross_val_predict = training_libraries()
    docs = ant_docs(args.corpus)
    rates = outlet_rates(docs, excluded(args.exclude))
    xs, ys, groups = load(docs, rates)
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform(xs)
    model = LogisticRegression(C=1.0, max_iter=2000)
    docs_of = [g[0] for g in groups]
    prob = cross_val_predict(model, x, ys, groups=docs_of, cv=GroupKFold(5), method="predict_proba")[:, 1]
    at = {(d, i): p for (d, i, _), p in zip(groups, prob, strict=True)}
    # the decision as `line_model.links` makes it: the threshold, and headline-like lines beside a link
    pred = [p >= THRESHOLD or (p >= BLOCK["block_probability"] and n >= BLOCK["block_words"]
                               and any(at.get((d, j), 0.0) >= THRESHOLD for j in (i - 1, i + 1)))
            for (d, i, n), p in zip(groups, prob, strict=True)]
    tp = sum(1 for p, y in zip(pred, ys, strict=True) if p and y)
    fp = sum(1 for p, y in zip(pred, ys, strict=True) if p and not y)
    fn = sum(1 for p, y in zip(pred, ys, strict=True) if not p and y)
    print(f"{len(ys)} lines ({sum(ys)} links or furniture) from {len(set(docs_of))} articles")
    print(f"5-fold cross-validation by article: precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}"
          f" (threshold {THRESHOLD}, with blocks)")
    model.fit(x, ys)
    weights = {name: round(float(w), 6) for name, w in zip(vec.feature_names_, model.coef_[0], strict=True)}
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 6)
    out = {"about": "in-body link model (riwaya.clean.line_model); made by python -m riwaya.clean.train_lines",
           "lines": len(ys), "threshold": THRESHOLD, **BLOCK, "weights": dict(sorted(weights.items())),
           "outlet_link_rates": rates}
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"weights written to {args.out}")


if __name__ == "__main__":
    main()
