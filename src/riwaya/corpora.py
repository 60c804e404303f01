"""Reading the reference corpora the training recipes learn from (the ANT sample's JSONL, the dev golds)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def ant_docs(corpus: Path) -> dict[str, dict]:
    """An ANT-format JSONL file (docno, title, text, src, url, time) by docno, first occurrence kept."""
    docs: dict[str, dict] = {}
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.setdefault(d["docno"], d)
    return docs


def recipe_args(description: str, corpus_help: str, out: Path) -> argparse.ArgumentParser:
    """A training recipe's arguments: the corpus, gold files whose articles to leave out, the output."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("corpus", type=Path, help=corpus_help)
    ap.add_argument("--exclude", nargs="*", type=Path, default=[], help="gold files whose docs to leave out")
    ap.add_argument("-o", "--out", type=Path, default=out)
    return ap


def training_libraries() -> tuple[Any, Any, Any, Any]:
    """scikit-learn's pieces the recipes use (DictVectorizer, LogisticRegression, GroupKFold,
    cross_val_predict), or a clear message where the `train` extra is not installed."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold, cross_val_predict
    except ImportError as e:
        raise SystemExit("training needs scikit-learn: pip install 'riwaya[train]'") from e
    return DictVectorizer, LogisticRegression, GroupKFold, cross_val_predict


def excluded(golds: list[Path]) -> set[str]:
    """The docnos the gold files annotate (the dev stories: measured, never learned from)."""
    out: set[str] = set()
    for g in golds:
        out |= set(json.loads(g.read_text(encoding="utf-8")).get("docs", []))
    return out


def _squash(text: str) -> tuple[str, list[int]]:
    idx = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in idx), idx


def locate(article_text: str, doc_text: str, para: int, at: int) -> int | None:
    """The offset in riwaya's cleaned article text of a gold offset `at` in the corpus text (in the paragraph
    starting at `para`), matched with whitespace ignored; None where the paragraph did not survive cleaning."""
    end = doc_text.find("\n", para)
    target, _ = _squash(doc_text[para : end if end >= 0 else None])
    pre = len(_squash(doc_text[para:at])[0])
    sq, idx = _squash(article_text)
    pos = sq.find(target) if target else -1
    return idx[pos + pre] if pos >= 0 and pos + pre < len(idx) else None
