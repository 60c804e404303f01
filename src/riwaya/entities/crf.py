"""The trained sequence tagger (a CRF, python-crfsuite) shipped as package data."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..resources import path
from . import gazetteer
from .features import sentence_features
from .viterbi import Decoder

MODEL = "ner.crfsuite"


class ModelMissing(RuntimeError):
    pass


def _file(model: str) -> Path:
    file = Path(model) if Path(model).is_file() else path("models", model)
    if not file.is_file():
        raise ModelMissing(f"NER model {file} is missing; rebuild it with `python -m riwaya.entities.train`")
    return file


@cache
def _tagger(model: str = MODEL):  # type: ignore[no-untyped-def]
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(_file(model)))
    return tagger


@cache
def _decoder(model: str = MODEL) -> Decoder:
    info = _tagger(model).info()  # attribute and label names, as crfsuite numbers them
    labels = sorted(info.labels, key=lambda name: int(info.labels[name]))
    attributes = {name: int(i) for name, i in info.attributes.items()}
    return Decoder(_file(model), attributes, labels)


def tag(tokens: list[str], model: str = MODEL, gaz: list[str] | None = None) -> list[str]:
    """BIO labels (B-PER, I-ORG, …, O) for one sentence of tokens (`gaz`: its gazetteer tags, if known)."""
    if not tokens:
        return []
    return _decoder(model).decode(tokens, gaz if gaz is not None else gazetteer.bio(tokens))


def tag_many(sentences: list[tuple[list[str], list[str]]], model: str = MODEL) -> list[list[str]]:
    """`tag` for many sentences of (tokens, gazetteer tags) at once (decoded side by side: faster)."""
    return _decoder(model).decode_many(sentences)


def tag_reference(tokens: list[str], model: str = MODEL, gaz: list[str] | None = None) -> list[str]:
    """`tag` by crfsuite itself, from the items training gave it (what the decoder is tested against)."""
    if not tokens:
        return []
    return list(_tagger(model).tag(crfsuite_items(tokens, gaz)))


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
