"""Word clusters learned from unlabelled Arabic news: a feature that lets the tagger generalise
from names it saw in training to names it did not (they keep the same company in text).

    python -m riwaya.entities.clusters --text ../shared/data/ant_sample/articles.jsonl \\
        --text ../shared/data/anercorp/train.txt [--out src/riwaya/resources/models/word_clusters.tsv]

Trains word2vec (gensim, the `train` extra) on the folded words of the given files (JSONL `text`
fields or plain token files), clusters the vectors with k-means at two granularities, and writes
`word<TAB>coarse<TAB>fine` for every word seen at least `--min-count` times.
"""

from __future__ import annotations

import argparse
import json
import re
from functools import cache
from pathlib import Path

from ..resources import path
from ..text.normalize import fold

FILE = "word_clusters.tsv"
_WORD = re.compile(r"\w+")


def _sentences(files: list[Path]):  # type: ignore[no-untyped-def]
    for file in files:
        with file.open(encoding="utf-8") as f:
            if file.suffix == ".jsonl":
                for line in f:
                    text = json.loads(line).get("text") or ""
                    for para in text.split("\n"):
                        words = _WORD.findall(fold(para))
                        if words:
                            yield words
            else:  # a token-per-line file: one word per line, blank line between sentences
                sent: list[str] = []
                for line in f:
                    tok = line.split(" ")[0].strip()
                    if not tok:
                        if sent:
                            yield sent
                        sent = []
                    else:
                        sent.extend(_WORD.findall(fold(tok)))
                if sent:
                    yield sent


def train_clusters(files: list[Path], out: Path, min_count: int = 3, coarse: int = 100, fine: int = 600) -> int:
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    sentences = list(_sentences(files))
    model = Word2Vec(sentences, vector_size=100, window=5, min_count=min_count, workers=2, epochs=8, seed=7)
    words = model.wv.index_to_key
    vectors = model.wv.vectors
    c1 = MiniBatchKMeans(coarse, random_state=7, n_init=3).fit_predict(vectors)
    c2 = MiniBatchKMeans(fine, random_state=7, n_init=3).fit_predict(vectors)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        f.write("# word2vec + k-means word clusters; rebuild with python -m riwaya.entities.clusters\n")
        for w, a, b in zip(words, c1, c2, strict=True):
            f.write(f"{w}\t{a}\t{b}\n")
    return len(words)


@cache
def clusters() -> dict[str, tuple[str, str]]:
    file = path("models", FILE)
    if not file.is_file():
        return {}
    out = {}
    with file.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, a, b = line.rstrip("\n").split("\t")
            out[w] = (a, b)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", action="append", required=True, help="JSONL with a text field, or a token file")
    ap.add_argument("--out", default=str(path("models", FILE)))
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    n = train_clusters([Path(t) for t in args.text], Path(args.out), args.min_count)
    print(f"{n} words clustered into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
