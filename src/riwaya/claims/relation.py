"""The relation between two statements: agree, contradict or unrelated.

A linear model over what the two statements share and what changes between them: overlap of words
and characters, negation on one side only, figures and dates compared as values, words of opposite
direction (ارتفع / تراجع, `resources/claims/polarity.toml`), antonym swaps (`antonyms.tsv`), and the
words removed and added. Trained on the ANS corpus by
`python -m riwaya.claims.train_relation`; the weights ship as JSON and are applied in pure Python.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

from ..resources import load_toml, path
from ..text.normalize import fold
from ..text.terms import terms
from ..text.tokens import stem
from .values import compare_dates, compare_quantities, variant_pairs

MODEL = "relation.json"
SAME_TELLING = 0.6  # stem Jaccard from which two statements tell the same thing
VALUE_CONFLICT = 0.75  # the contradiction probability given to the same telling with other figures/dates
RELATIONS = ("agree", "contradict", "unrelated")
NEGATIONS = frozenset(fold(w) for w in ("لا", "لم", "لن", "ليس", "ليست", "غير", "عدم", "نفى", "نفت", "ينفي", "تنفي",
                                         "نفي", "دون", "بلا", "لا صحة", "كذب", "يكذب", "تكذيب", "ما"))
_WORD = re.compile(r"\w+")


@cache
def antonyms() -> frozenset[tuple[str, str]]:
    pairs = set()
    for line in path("claims", "antonyms.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or "\t" not in line:
            continue
        a, b = (stem(fold(x)) for x in line.split("\t")[:2])
        pairs.add((a, b))
        pairs.add((b, a))
    return frozenset(pairs)


@cache
def polarity() -> dict[str, tuple[int, int]]:
    """Folded word form -> (axis, +1 or -1) from `resources/claims/polarity.toml` (ارتفع +, تراجع −)."""
    table: dict[str, tuple[int, int]] = {}
    for n, axis in enumerate(load_toml("claims", "polarity.toml")["axis"]):
        for sign, forms in ((1, axis["plus"]), (-1, axis["minus"])):
            for form in forms:
                table[fold(form)] = (n, sign)
    return table


def _directions(words: set[str]) -> set[tuple[int, int]]:
    """The (axis, sign) of the directional words, with their proclitics and article taken off."""
    table = polarity()
    out = set()
    for w in words:
        for cand in (w, w[1:] if w[:1] in "وفبل" else "", w[2:] if w.startswith("ال") else "",
                     w[3:] if w[:1] in "وفبل" and w[1:3] == "ال" else ""):
            if cand and cand in table:
                out.add(table[cand])
                break
    return out


def _grams(s: str, n: int = 3) -> Counter[str]:
    s = f" {s} "
    return Counter(s[i : i + n] for i in range(len(s) - n + 1))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def features(a: str, b: str, said_a: date | None = None, said_b: date | None = None) -> dict[str, float]:
    """The pair as named features. `said_a`/`said_b`: the days the statements were made, for relative dates
    ("last December"); today when not given."""
    fa, fb = fold(a), fold(b)
    ta, tb = terms(a), terms(b)
    sa, sb = {stem(t) for t in ta}, {stem(t) for t in tb}
    for x, y in variant_pairs(sa - sb, sb - sa):  # ترامب / ترمب: one name spelt two ways
        sb.discard(y)
        sb.add(x)
    wa, wb = set(_WORD.findall(fa)), set(_WORD.findall(fb))
    shared = len(sa & sb)
    f: dict[str, float] = {
        "bias": 1.0,
        "jaccard": shared / max(1, len(sa | sb)),
        "cover_a": shared / max(1, len(sa)),
        "cover_b": shared / max(1, len(sb)),
        "char3": _cosine(_grams(fa), _grams(fb)),
        "len_ratio": min(len(fa), len(fb)) / max(1, max(len(fa), len(fb))),
    }
    na, nb = len(wa & NEGATIONS), len(wb & NEGATIONS)
    f["neg_xor"] = float((na > 0) != (nb > 0))
    f["neg_diff"] = float(abs(na - nb))
    # figures and dates compared as values: "25" meets "at least 25"; "last December" is December 2024
    # when said in November 2025
    num_same, num_conflict = compare_quantities(a, b)
    if num_same or num_conflict:
        f["num_same"] = float(num_same)
        f["num_differ"] = float(num_conflict and not num_same)
    date_same, date_conflict = compare_dates(a, b, said_a, said_b)
    if date_same or date_conflict:
        f["date_same"] = float(date_same)
        f["date_differ"] = float(date_conflict)
    only_a, only_b = sa - sb, sb - sa
    ant = antonyms()
    f["antonym"] = float(any((x, y) in ant for x in only_a for y in only_b))
    # a question against a statement ("هل ينجح …؟" / "… يستبعد …") asserts nothing the other can agree with
    qa, qb = ("؟" in a or "?" in a), ("؟" in b or "?" in b)
    if qa != qb:
        f["question_one_side"] = 1.0
    # directions: "ارتفاع" on one side, "تراجع" on the other, on the same axis
    da, db = _directions(wa), _directions(wb)
    if da and db:
        f["polarity_flip"] = float(any((axis, -sign) in db for axis, sign in da))
        f["polarity_same"] = float(bool(da & db))
    for x in only_a:
        f[f"del={x}"] = 1.0
    for y in only_b:
        f[f"add={y}"] = 1.0
    if len(only_a) == 1 and len(only_b) == 1:
        f["one_swap"] = 1.0
    f["n_only"] = float(min(len(only_a) + len(only_b), 12)) / 12
    return f


@cache
def _model(file: str = MODEL) -> dict:
    p = Path(file) if Path(file).is_file() else path("models", file)
    if not p.is_file():
        raise FileNotFoundError(f"relation model {p} is missing; rebuild: python -m riwaya.claims.train_relation")
    return json.loads(p.read_text(encoding="utf-8"))


def score(
    a: str, b: str, model: str = MODEL, said_a: date | None = None, said_b: date | None = None
) -> dict[str, float]:
    """Probabilities of agree / contradict / unrelated for the pair (a, b)."""
    m = _model(model)
    weights: dict[str, list[float]] = m["weights"]
    z = list(m["intercept"])
    f = features(a, b, said_a, said_b)
    for name, value in f.items():
        w = weights.get(name)
        if w is not None:
            for k in range(len(z)):
                z[k] += w[k] * value
    top = max(z)
    exp = [math.exp(x - top) for x in z]
    total = sum(exp)
    probs = {cls: e / total for cls, e in zip(m["classes"], exp, strict=True)}
    if (f.get("num_differ") or f.get("date_differ")) and f["jaccard"] >= SAME_TELLING:
        # the same sentence with another figure or date is a contradiction, whatever the headlines the
        # model learnt from (few of them differ only in a number) suggest
        probs["contradict"] = max(probs["contradict"], VALUE_CONFLICT)
        rest = sum(v for k, v in probs.items() if k != "contradict")
        scale = (1 - probs["contradict"]) / rest if rest else 0.0
        probs = {k: v if k == "contradict" else v * scale for k, v in probs.items()}
    return probs


def relation(
    a: str, b: str, model: str = MODEL, said_a: date | None = None, said_b: date | None = None
) -> tuple[str, float]:
    probs = score(a, b, model, said_a, said_b)
    best = max(probs, key=probs.__getitem__)
    return best, probs[best]
