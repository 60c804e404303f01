"""Train the NER tagger on a CoNLL-style corpus (ANERcorp) and write the model shipped with riwaya.

    python -m riwaya.entities.train --data ../shared/data/anercorp/train.txt \\
        [--dev-fraction 0.1] [--out src/riwaya/resources/models/ner.crfsuite]

Reads `token LABEL` lines with blank lines between sentences (ANERcorp's PERS becomes PER). Holds
out the last `--dev-fraction` of the sentences, trains, prints entity-level precision/recall/F1 per
type on them, then (unless --no-final) trains again on everything and writes the model.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..resources import path
from .conll import entity_scores, read_conll
from .crf import crfsuite_items

PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


def train(sentences: list[tuple[list[str], list[str]]], out: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, labels in sentences:
        trainer.append(crfsuite_items(tokens), labels)
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="CoNLL file: token LABEL per line, blank line between sentences")
    ap.add_argument("--dev-fraction", type=float, default=0.1)
    ap.add_argument("--out", default=str(path("models", "ner.crfsuite")))
    ap.add_argument("--no-final", action="store_true", help="only train on the split and report dev scores")
    args = ap.parse_args(argv)
    sents = [(toks, [lab.replace("PERS", "PER") for lab in labs]) for toks, labs in read_conll(Path(args.data))]
    cut = int(len(sents) * (1 - args.dev_fraction))
    train_part, dev = sents[:cut], sents[cut:]
    tmp = Path(args.out).with_suffix(".dev.crfsuite")
    t0 = time.perf_counter()
    train(train_part, tmp)
    print(f"trained on {len(train_part)} sentences in {time.perf_counter() - t0:.0f} s; dev = last {len(dev)}")
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp))
    pred = [list(tagger.tag(crfsuite_items(toks))) for toks, _ in dev]
    scores = entity_scores([labs for _, labs in dev], pred)
    print("tagger alone, as `riwaya entities --conll` prints it:")
    for typ, (p, r, f, n) in scores.items():
        print(f"{typ:6s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n} gold)")
    from .conll import tokens_of_words
    from .recognize import recognize_tokens

    full = []
    for toks, _ in dev:
        labels = ["O"] * len(toks)
        for m in recognize_tokens(tokens_of_words(toks), model=str(tmp)):
            labels[m.start] = f"B-{m.type}"
            for j in range(m.start + 1, m.end):
                labels[j] = f"I-{m.type}"
        full.append(labels)
    print("full recogniser of the analysis pipeline (knowledge base + rules + tagger; `--conll` prints the tagger):")
    for typ, (p, r, f, n) in entity_scores([labs for _, labs in dev], full).items():
        print(f"{typ:6s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n} gold)")
    tmp.unlink(missing_ok=True)
    if not args.no_final:
        train(sents, Path(args.out))
        print(f"final model on all {len(sents)} sentences written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
