"""A learned second reading of a statement's stance, where the lexicons run out.

The rules (`lexicon.content_stance`) read a stance from the cue verb and from listed phrases in the
content. On real news most of their misses are views and forecasts said without a listed word ("قوة
الدعم التي حصلت عليها بريطانيا…", "بلاده ستطرد 23 دبلوماسيا"). This model reads the words of the
statement's first clause and of its content, the cue's lemma and the rules' own answer, and scores the
five stances with a multinomial logistic regression trained on the project's hand-annotated statements
(`python -m riwaya.attribution.train_stance`, weights in `resources/models/stance.json`). It overrules
the rules only when it is confident (a probability threshold chosen by cross-validation); without the
weights file the rules' stance stands.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from itertools import pairwise

from ..resources import path
from ..text.normalize import key
from .records import Attribution

STANCES = ("assert", "deny", "hedge", "predict", "opinion")
_WORD = re.compile(r"\w+")
_FUTURE = re.compile(r"^س[يتن]\w{3,}$")
_CLAUSE_BREAK = re.compile(r"[،,؛;.!؟?:]")
HEAD_WORDS = 12  # words of the first clause read one by one and in pairs
CONTENT_WORDS = 40  # words of the whole content read one by one
DISABLED = False  # set by the training recipe: the rules alone


def first_clause(text_key: str) -> list[str]:
    """The words of the content up to its first clause break, at least four words in."""
    head: list[str] = []
    for part in _CLAUSE_BREAK.split(text_key):
        head += _WORD.findall(part)
        if len(head) >= 4:
            break
    return head[:HEAD_WORDS]


def features(content: str, lemma: str, rule_stance: str) -> dict[str, float]:
    """What the model reads of one statement: the rules' stance, the cue, the words said."""
    k = key(content)
    head = first_clause(k)
    f: dict[str, float] = {"rule=" + rule_stance: 1.0, "lemma=" + key(lemma): 1.0}
    for w in head:
        f["h:" + w] = 1.0
    for a, b in pairwise(head):
        f["hb:" + a + "_" + b] = 1.0
    for w in _WORD.findall(k)[:CONTENT_WORDS]:
        f["w:" + w] = 0.5
    f["future"] = float(any(_FUTURE.match(w) for w in head))
    f["quoted"] = float(content[:1] in "\"«“")
    f["no_content"] = float(not head)
    return f


@cache
def _model() -> dict:
    file = path("models", "stance.json")
    return json.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}


def probabilities(f: dict[str, float]) -> dict[str, float]:
    """The model's probability of each stance (softmax over the classes' linear scores)."""
    model = _model()
    z = {c: model["intercepts"][c] for c in model["classes"]}
    weights = model["weights"]
    for name, v in f.items():
        row = weights.get(name)
        if row is not None:
            for c, w in zip(model["classes"], row, strict=True):
                z[c] += w * v
    top = max(z.values())
    e = {c: math.exp(v - top) for c, v in z.items()}
    total = sum(e.values())
    return {c: v / total for c, v in e.items()}


def learned_stance(text: str, a: Attribution) -> str:
    """The statement's stance: the model's where it is confident of a stance, else the rules'."""
    model = _model()
    if not model or DISABLED or a.stance != "assert":
        return a.stance  # (decide keeps any stance the lexicons read: no need to ask the model)
    content = text[a.content[0] : a.content[1]] if a.content else ""
    return decide(probabilities(features(content, a.lemma, a.stance)), a.stance, float(model["threshold"]))


def decide(p: dict[str, float], rule: str, threshold: float) -> str:
    """The model's stance where the rules found no mark of one (their default, "assert") and the model names
    a stance (not "none") at least `threshold` probable; a stance the lexicons read stays."""
    if rule != "assert":
        return rule
    best = max(p, key=lambda c: p[c])
    return best if best in STANCES and p[best] >= threshold else rule
