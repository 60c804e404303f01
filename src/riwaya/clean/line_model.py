"""Is a short line inside an article's body a link to another page (or other furniture), or the article's own?

Outlets set the headlines of other articles into the body as lines of their own, with no lead-in
("من هو الجاسوس الروسي السابق ألكسندر ليتفينينكو" between two paragraphs about something else), while
others head their sections with short lines ("الرد الروسي"). Words alone do not tell them apart; how the
line sits in the article does: a section heading speaks of the paragraphs after it, a link does not; a
link is phrased as a headline (a subject and a verb, "X: Y", a teaser).

A logistic model over such features decides, trained on hand-labelled lines of real articles
(`python -m riwaya.clean.train_lines`, data and guidelines in `tests/data/furniture/` and
`docs/annotation/furniture.md`); the weights ship in `resources/models/furniture_lines.json`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache

from ..resources import path
from ..text.normalize import fold, key
from ..text.terms import terms, terms_of_key

SENTENCE_END = (".", "!", "؟", "?", "…")
MAX_WORDS = 20  # longer lines are paragraphs: never asked about
_QUOTES = re.compile(r"[\"“”«»]")
_DIACRITICS = re.compile("[\u064b-\u0652]")


def is_candidate(line: str) -> bool:
    """A line the model is asked about (when it sits inside the body): short, not ending a sentence, and not
    vowelled (verse and scripture are; headlines never)."""
    s = line.strip()
    return (0 < len(s.split()) <= MAX_WORDS and not s.rstrip("\"”»'").endswith(SENTENCE_END)
            and len(_DIACRITICS.findall(s)) < 4)


def _share(words: set[str], other: set[str]) -> float:
    return len(words & other) / len(words) if words else 0.0


class Page:
    """An article's non-blank lines as the model sees them: each line's content terms made once."""

    def __init__(self, lines: list[str], title: str | None = None, outlet_rate: float = 0.0) -> None:
        self.lines = lines
        self.title = title
        self.outlet_rate = outlet_rate  # `outlet_link_rate` of the publishing outlet
        self._terms: list[set[str] | None] = [None] * len(lines)
        self._lines_of: Counter[str] | None = None
        self._keys: list[str] | None = None

    def terms(self, i: int) -> set[str]:
        t = self._terms[i]
        if t is None:
            if self._keys is None:  # one normalising pass over the page, not one per line
                self._keys = key("\n".join(self.lines)).split("\n")
            t = self._terms[i] = terms_of_key(self._keys[i])
        return t

    def run(self, i: int) -> int:
        """How many short lines in a row (candidates) line i is part of."""
        lo = hi = i
        while lo > 0 and is_candidate(self.lines[lo - 1]):
            lo -= 1
        while hi + 1 < len(self.lines) and is_candidate(self.lines[hi + 1]):
            hi += 1
        return hi - lo + 1

    def rest_share(self, i: int) -> float:
        """The share of line i's terms that another line of the page also has."""
        if self._lines_of is None:
            self._lines_of = Counter(t for j in range(len(self.lines)) for t in self.terms(j))
        own = self.terms(i)
        return sum(1 for t in own if self._lines_of[t] > 1) / len(own) if own else 0.0


def features(page: Page, i: int) -> dict[str, float]:
    """Features of line i of `page` (a candidate), from the line itself and the article around it."""
    lines = page.lines
    line = lines[i].strip()
    words = line.split()
    n = len(words)
    key = fold(line)
    first = fold(words[0]) if words else ""
    own = page.terms(i)
    after = set().union(*(page.terms(j) for j in range(i + 1, min(i + 3, len(lines)))))
    before = page.terms(i - 1) if i > 0 else set()
    near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    following = lines[i + 1].split() if i + 1 < len(lines) else []
    return {
        "bias": 1.0,
        "words<=3": float(n <= 3),
        "words4-5": float(4 <= n <= 5),
        "words6-8": float(6 <= n <= 8),
        "words9-12": float(9 <= n <= 12),
        "words13+": float(n >= 13),
        "ends_colon": float(line.endswith((":", "："))),
        "inner_colon": float(":" in line.rstrip(":： ")),
        "double_dot": float(".." in line or "…" in line),
        "quotes": float(bool(_QUOTES.search(line))),
        "starts_wa": float(continues_text(line)),
        "starts_present": float(first[:1] in ("ي", "ت") and len(first) >= 4),
        # a headline's word order: a subject, then a verb in the present ("تركيا تحذر", "الآلاف يتظاهرون")
        "subject_verb": float(any(w[:1] in ("ي", "ت") and len(w) >= 4 for w in map(fold, words[1:4]))),
        "starts_digit": float(bool(re.match(r"^[\d\u0660-\u0669\-–•*]", line))),
        "question": float(line.endswith(("؟", "?"))),
        "next_overlap": _share(own, after),
        "prev_overlap": _share(own, before),
        "rest_overlap": page.rest_share(i),
        "title_overlap": _share(own, terms(page.title or "")),
        "neighbour_short": float(any(is_candidate(x) for x in near)),
        "in_list": float(page.run(i) >= 4),  # a list: fixtures, specifications, the winners of each prize
        "next_starts_wa": float(bool(following) and fold(following[0]).startswith("و")),
        "latin": float(bool(re.search(r"[A-Za-z]{3,}", key))),
        "last_line": float(i == len(lines) - 1),
        "outlet_links": page.outlet_rate,
    }


@cache
def _model() -> dict:
    file = path("models", "furniture_lines.json")
    return json.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}


def weights() -> dict[str, float]:
    return _model().get("weights", {})


def _outlet_rates() -> dict[str, float]:
    return _model().get("outlet_link_rates", {})


def outlet_link_rate(outlet: str | None) -> float:
    """How often the outlet sets other pages' headlines into its bodies: the share of its headline-like
    body lines that are the title of another article (counted over a corpus by `train_lines`); for an
    outlet not counted, the rate over all outlets."""
    rates = _outlet_rates()
    return rates.get(outlet or "", rates.get("*", 0.0))


def page_outlet(meta: dict) -> str | None:
    """The knowledge base's id of the outlet a page's metadata names (name, site name or domain)."""
    from .outlets import media_index

    index = media_index()
    for name in (meta.get("outlet"), meta.get("sitename")):
        found = index.lookup(name) if isinstance(name, str) else None
        if found:
            return found.id
    for host in (meta.get("url"), meta.get("hostname")):
        found = index.domain(host) if isinstance(host, str) else None
        if found:
            return found.id
    return None


def continues_text(line: str) -> bool:
    """The line opens with the conjunction و ("وعن ثوبها أضافت…"): it goes on from the text before it."""
    first = fold(line.split()[0]) if line.split() else ""
    return first.startswith("و") and len(first) >= 4


def link_probability(page: Page, i: int) -> float:
    w = weights()
    z = sum(w.get(k, 0.0) * v for k, v in features(page, i).items())
    return 1.0 / (1.0 + math.exp(-z))


def links(page: Page, asked: list[int]) -> set[int]:
    """The lines among `asked` (candidates inside the body) the model takes for links or other furniture.
    Related headlines come in blocks: a headline-like line (`block_words` words or more) beside one taken
    for a link goes with it when its own probability reaches `block_probability`."""
    if not weights():
        return set()
    cfg = _model()
    prob = {i: link_probability(page, i) for i in asked}
    out = {i for i, p in prob.items() if p >= cfg["threshold"]}
    for i, p in prob.items():
        if (i not in out and p >= cfg["block_probability"] and len(page.lines[i].split()) >= cfg["block_words"]
                and page.run(i) < 4  # not in a list of short lines
                and not continues_text(page.lines[i])
                and any(prob.get(j, 0.0) >= cfg["threshold"] for j in (i - 1, i + 1))):
            out.add(i)
    return out
