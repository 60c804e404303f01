"""A random draw of statements for judging by hand (issue 17's check: precision of speaker, content, stance and
relays on articles nobody annotated).

    python bench/draw_statements.py --seed 4242 [--after 2027] [--articles 300] [--statements 40]

Draws `--articles` ANT articles outside the dev stories, the attribution set, the stance and furniture
labels (and outside the articles of each earlier draw named by `--after`), runs riwaya on each, and prints
`--statements` of their statements drawn at random: the sentence, speaker, cue, stance, relays and content.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from _common import ant_articles

from riwaya.model import Article
from riwaya.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]


def labelled() -> set[str]:
    """The docnos annotated anywhere: dev stories, the attribution set, stance and furniture labels."""
    out: set[str] = set()
    for f in [*(REPO.parent / "shared" / "gold" / "dev").glob("*.gold.json"),
              *(REPO / "tests" / "data" / "attribution").glob("*.gold.json")]:
        out |= set(json.loads(f.read_text(encoding="utf-8"))["docs"])
    for f in [*(REPO / "tests" / "data" / "stance").glob("*.jsonl"),
              *(REPO / "tests" / "data" / "furniture").glob("*.jsonl")]:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line).get("doc", ""))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--after", type=int, action="append", default=[], help="an earlier draw's seed")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--statements", type=int, default=40)
    args = ap.parse_args()
    excluded = labelled()
    pool = [d for d in ant_articles() if d["docno"] not in excluded]
    for seed in args.after:
        earlier = {d["docno"] for d in random.Random(seed).sample(pool, args.articles)}
        pool = [d for d in pool if d["docno"] not in earlier]
    rng = random.Random(args.seed)
    pipe = Pipeline.from_names()
    found = []
    for d in rng.sample(pool, args.articles):
        a = pipe(Article(text=d["text"], source=d["docno"], url=d.get("url"), title=d.get("title")))
        found += [(d["docno"], a.text, s) for s in a.spans("attributions")]
    print(f"{len(pool)} articles in the pool, {len(found)} statements in the draw's articles", file=sys.stderr)
    for n, (docno, text, s) in enumerate(rng.sample(found, args.statements), 1):
        sp, content = s.attrs.get("speaker") or {}, s.attrs.get("content") or {}
        print(f"#{n} {docno} [{s.start}]\n  SENT: {text[s.start:s.end]}")
        print(f"  SPEAKER: {sp.get('text')} | CUE: {s.attrs['cue']['text']} | STANCE: {s.label} | "
              f"VIA: {[v['text'] for v in s.attrs.get('via', [])]}\n  CONTENT: {content.get('text', '')}")


if __name__ == "__main__":
    main()
