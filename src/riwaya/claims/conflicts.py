"""Conflicting figures and dates inside a claim: two origins telling the same thing with different numbers
("more than 22 operations" / "15 operations") or different dates ("since 2016" / "since 2017").

Only statements of one claim from different origins are compared, and only when they share the same
counted thing (a figure), or, for a date, when they tell the same sentence: a claim
gathers a report's side remarks too, and two unrelated figures in it are no conflict.
"""

from __future__ import annotations

import hashlib
from functools import cache

from ..text.normalize import fold
from ..text.terms import stopwords
from ..time.expressions import find_dates
from .group import Claim, Contradiction, Statement
from .values import YEAR, Quantity, conflicting, quantities

MAX_COMPARED = 40  # statements of one claim compared pairwise (the first ones, in document order)
MIN_SHARED = 3  # terms two statements must share to be about the same thing
SAME_WORDS = 0.5  # Dice over terms above which two statements tell the same sentence


def _number(v: float) -> str:
    return f"{int(v):,}" if v == int(v) else f"{v:,.2f}"


def _figure(q: Quantity) -> str:
    if q.high == float("inf"):
        return f"at least {_number(q.low)}"
    if q.low == 0.0:
        return f"at most {_number(q.high)}"
    if q.low != q.high:
        return f"about {_number((q.low + q.high) / 2)}"
    return _number(q.low)


def _numeric(a: Statement, b: Statement, qa: list[Quantity], qb: list[Quantity]) -> str | None:
    found = conflicting(qa, qb, _counted)
    if found is None:
        return None
    x, y = found
    return f"{a.speaker_text or 'one source'} gives {_figure(x)} {x.noun}, {b.speaker_text or 'another'} {_figure(y)}"


@cache
def _counted(noun: str) -> bool:
    """A noun a figure counts ("قتيلا", "عملية"), not a preposition or a month ("3 في", "2 يونيو")."""
    return len(noun) >= 3 and noun not in stopwords() and not any(
        find_dates(f"1 {noun} {year}") for year in (2020, 1440)  # a Gregorian or Hijri month ("2 صفر")
    )


def figure_conflicts(claims: list[Claim]) -> list[Contradiction]:
    out: list[Contradiction] = []
    for c in claims:
        asserting = [m for m, role in c.members if role == "supports"][:MAX_COMPARED]
        if len(asserting) < 2:
            continue
        figures = {m.id: quantities(m.content) for m in asserting}
        # years written out ("منذ عام 2016"): a weekday or "أمس" resolved against two publication days, or a
        # month without its year, dates two daily reports, not one event told two ways (ant_sample)
        dates = {m.id: sorted(set(YEAR.findall(fold(m.content)))) for m in asserting}
        for i, a in enumerate(asserting):
            for b in asserting[i + 1 :]:
                if a.root == b.root or len(a.terms & b.terms) < MIN_SHARED:
                    continue
                # the same sentence told with another figure or date: a claim's statements that merely share
                # a topic give figures of different things (on ant_sample: scores, days of the month, sums)
                same_words = 2 * len(a.terms & b.terms) / (len(a.terms) + len(b.terms))
                if same_words < SAME_WORDS:
                    continue
                why = _numeric(a, b, figures[a.id], figures[b.id]) if figures[a.id] and figures[b.id] else None
                kind = "numeric"
                if why is None and dates[a.id] and dates[b.id] and not any(
                    x.startswith(y) or y.startswith(x) for x in dates[a.id] for y in dates[b.id]
                ):
                    kind = "date"
                    why = (f"{a.speaker_text or 'one source'} dates it {', '.join(dates[a.id])}, "
                           f"{b.speaker_text or 'another'} {', '.join(dates[b.id])}")
                if why is not None:
                    cid = "x:" + hashlib.sha256(f"{a.id}|{b.id}|{kind}".encode()).hexdigest()[:12]
                    out.append(Contradiction(cid, kind, a, b, why))
    return out
