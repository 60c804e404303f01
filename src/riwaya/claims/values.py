"""What two statements say in figures, dates and names, compared the way a reader compares them.

"25" and "at least 25" agree, "30" and "at least 25" agree, "25" and "30" do not; "December 2024" and
"last December" said in November 2025 are one month; ترامب and ترمب are one name. Quantifier words are
data (`resources/claims/quantifiers.toml`); number words come from the time lexicon's cardinals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..resources import load_toml
from ..text.normalize import fold
from ..time.expressions import find_dates

_NUM = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d.,])")
_WORD = re.compile(r"\w+")
_YEARS = range(1900, 2101)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year written out ("منذ عام 2016")
_SCALES = {"الف": 1e3, "مليون": 1e6, "مليار": 1e9}


@dataclass(frozen=True, slots=True)
class Quantity:
    low: float
    high: float
    start: int  # offsets into the folded text
    noun: str  # the folded word after the figure ("قتيلا", "عملية"), the thing counted

    def meets(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high


@cache
def _quantifiers() -> dict[str, tuple[tuple[str, ...], ...]]:
    spec = load_toml("claims", "quantifiers.toml")
    return {kind: tuple(tuple(fold(w).split()) for w in spec[kind]["words"]) for kind in spec}


@cache
def _number_words() -> dict[str, int]:
    spec = load_toml("time", "words.toml")["cardinals"]
    out: dict[str, int] = {}
    for value, forms in spec.items():
        for f in forms:
            if " " not in f:
                out[fold(f)] = int(value)
    return out


def _value(word: str) -> float | None:
    if _NUM.fullmatch(word):
        return float(word.replace(",", "."))
    w = word[1:] if word[:1] in "وب" and word[1:] in _number_words() else word
    n = _number_words().get(w)
    return float(n) if n is not None else None


def quantities(text: str) -> list[Quantity]:
    """Figures with the bounds their quantifier gives: "أكثر من 22 عملية" is (22, ∞) operations."""
    folded = fold(text)
    words = [(m.group(0), m.start()) for m in _WORD.finditer(folded)]
    q = _quantifiers()
    out = []
    for i, (w, start) in enumerate(words):
        v = _value(w)
        if v is None or (v == int(v) and int(v) in _YEARS and "." not in w):
            continue  # a year is a date, compared as one
        before = tuple(x for x, _ in words[max(0, i - 3) : i])
        after = tuple(x for x, _ in words[i + 1 : i + 4])
        low, high = v, v
        # "على الأقل" right after the figure or after its noun ("25 قتيلا على الأقل")
        later = any(after[k : k + len(p)] == p for p in q["at_least_after"] for k in (0, 1))
        if any(before[-len(p) :] == p for p in q["at_least"]) or later:
            high = float("inf")
        elif any(before[-len(p) :] == p for p in q["at_most"]):
            low = 0.0
        elif any(before[-len(p) :] == p for p in q["about"]):
            low, high = v * 0.85, v * 1.15
        if after[:1] and after[0] in _SCALES:  # "3 مليون": the scale after the figure (not its plurals)
            low, high = low * _SCALES[after[0]], high * _SCALES[after[0]]
            after = after[1:]
        noun = next((x for x in after if x not in ("من", "علي", "الاقل", "اقل", "الاكثر")), "")
        out.append(Quantity(low, high, start, noun))
    return out


def compare_quantities(a: str, b: str) -> tuple[bool, bool]:
    """(some figure of a meets one of b, a figure of a and one of b counting the same thing never meet)."""
    qa, qb = quantities(a), quantities(b)
    if not qa or not qb:
        return False, False
    same = any(x.meets(y) for x in qa for y in qb)
    return same, conflicting(qa, qb) is not None


def conflicting(
    qa: list[Quantity], qb: list[Quantity], counted: Callable[[str], bool] = bool
) -> tuple[Quantity, Quantity] | None:
    """A figure of a and one of b that count the same thing (a `counted` noun) and never meet."""
    for y in qb:
        if not counted(y.noun):
            continue
        same_thing = [x for x in qa if same_word(x.noun, y.noun)]
        if same_thing and not any(x.meets(y) for x in same_thing):
            return same_thing[0], y
    return None


def date_values(text: str, said_on: date | None = None) -> list[str]:
    """ISO values of the dates in `text`, relative ones resolved against the day it was said."""
    out = []
    for m in find_dates(text, said_on or date.today()):
        if m.value is not None and m.end_value is None:
            out.append(m.value.iso())
    for m in _NUM.finditer(fold(text)):
        if m.group(0).isdigit() and int(m.group(0)) in _YEARS and not any(v.startswith(m.group(0)) for v in out):
            out.append(m.group(0))  # "منذ 2016": a bare year the date grammar leaves to its context
    return out


def compare_dates(a: str, b: str, said_a: date | None = None, said_b: date | None = None) -> tuple[bool, bool]:
    """(a date of a and one of b are the same day/month/year at the coarser precision, none is)."""
    da, db = date_values(a, said_a), date_values(b, said_b)
    if not da or not db:
        return False, False
    same = any(x.startswith(y) or y.startswith(x) for x in da for y in db)
    return same, not same


def skeleton(word: str) -> str:
    """A name without its long vowels: ترامب and ترمب, بوتين and بوتن, غوتيريش and غوتيرش meet."""
    return word[:1] + re.sub("[اويى]", "", word[1:])


def same_word(x: str, y: str) -> bool:
    """One counted noun in two forms: "قتيلا"/"القتلى" by their first four letters, the article aside."""
    if x == y:
        return True
    x, y = (w[2:] if w.startswith("ال") else w for w in (x, y))
    return x == y or (min(len(x), len(y)) >= 4 and x[:4] == y[:4])


def variant_pairs(only_a: set[str], only_b: set[str]) -> set[tuple[str, str]]:
    """Words of a and of b that are one name spelt two ways (four letters or more, same skeleton)."""
    index: dict[str, list[str]] = {}
    for y in only_b:
        if len(y) >= 4:
            index.setdefault(skeleton(y), []).append(y)
    return {(x, y) for x in only_a if len(x) >= 4 for y in index.get(skeleton(x), ()) if x != y}
