"""The trained sequence tagger (a CRF, python-crfsuite) shipped as package data."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..resources import path
from .features import sentence_features, sentence_items

MODEL = "ner.crfsuite"


class ModelMissing(RuntimeError):
    pass


@cache
def _tagger(model: str = MODEL):  # type: ignore[no-untyped-def]
    import pycrfsuite

    file = Path(model) if Path(model).is_file() else path("models", model)
    if not file.is_file():
        raise ModelMissing(f"NER model {file} is missing; rebuild it with `python -m riwaya.entities.train`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(file))
    return tagger


def tag(tokens: list[str], model: str = MODEL, gaz: list[str] | None = None) -> list[str]:
    """BIO labels (B-PER, I-ORG, …, O) for one sentence of tokens (`gaz`: its gazetteer tags, if known)."""
    if not tokens:
        return []
    return list(_tagger(model).tag(sentence_items(tokens, gaz)))


def crfsuite_items(tokens: list[str], gaz: list[str] | None = None) -> list[dict[str, float]]:
    """The reference reading of `sentence_features` (what training gives crfsuite)."""
    return _crfsuite_items(sentence_features(tokens, gaz))


def _crfsuite_items(feats: list[dict[str, object]]) -> list[dict[str, float]]:
    items = []
    for f in feats:
        item: dict[str, float] = {}
        for k, v in f.items():
            t = type(v)
            if t is bool:
                if v:
                    item[k] = 1.0
            elif t is int or t is float:
                item[k] = float(v)  # type: ignore[arg-type]
            else:
                item[f"{k}={v}"] = 1.0
        items.append(item)
    return items
