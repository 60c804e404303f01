"""Reading the reference corpora the training recipes learn from (the ANT sample's JSONL, the dev golds)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


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


def excluded(golds: list[Path]) -> set[str]:
    """The docnos the gold files annotate (the dev stories: measured, never learned from)."""
    out: set[str] = set()
    for g in golds:
        out |= set(json.loads(g.read_text(encoding="utf-8")).get("docs", []))
    return out
