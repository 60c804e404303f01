"""Content terms of a piece of text: the words that say what it is about, in matching form.

Used to tell whether two passages speak of the same thing (an event told twice, a claim relayed):
loose-normalised words, the article and one-letter proclitics taken off, function words (a data
file) and numbers left out.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import path
from .normalize import key

_WORD = re.compile(r"\w+")
_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال")


@cache
def stopwords() -> frozenset[str]:
    words = set()
    for line in path("text", "stopwords.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(_strip(key(line)))
            words.add(key(line))
    return frozenset(words)


@cache
def stopwords_strict() -> frozenset[str]:
    """Function words in the strict form, where على (on) and علي (Ali) stay apart."""
    lines = path("text", "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(key(x.strip(), "strict") for x in lines if x.strip() and not x.startswith("#"))


def _strip(word: str) -> str:
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p) :]
    if word[:1] in "وفب" and len(word) >= 5:
        return word[1:]
    return word


def terms(text: str) -> set[str]:
    """The set of content terms of `text`."""
    return terms_of_key(key(text))


def term_counts(text: str) -> dict[str, int]:
    """How often each content term occurs in `text` (first occurrence first)."""
    memo = _TERM_OF
    out: dict[str, int] = {}
    for w in _WORD.findall(key(text)):
        t = memo.get(w)
        if t is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            t = memo[w] = _term(w)
        if t:
            out[t] = out.get(t, 0) + 1
    return out


def terms_of_key(loose: str) -> set[str]:
    """`terms` of a text already in the loose form (`normalize.key`, spaces collapsed or not)."""
    memo = _TERM_OF
    out = set()
    for w in _WORD.findall(loose):
        t = memo.get(w)
        if t is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()  # bounded: an open vocabulary
            t = memo[w] = _term(w)
        out.add(t)
    out.discard("")
    return out


_TERM_OF: dict[str, str] = {}  # word (loose key) -> its term, "" for none: a corpus repeats its words
_MEMO_SIZE = 200_000


def _term(w: str) -> str:
    stop = stopwords()
    if w.isdigit() or len(w) < 3 or w in stop:
        return ""
    base = _strip(w)
    return base if len(base) >= 3 and base not in stop else ""
