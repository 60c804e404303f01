"""Inferring the publication date of articles whose page gave none, from what they and the corpus say.

Evidence, strongest first:
1. an event the article dates relatively ("زار البيت الأبيض يوم الإثنين الماضي", "قبل نحو أسبوعين")
   that another passage dates absolutely — in the same article ("في 11 كانون الثاني/يناير الجاري")
   or elsewhere in the corpus (a photo caption "…في البيت الأبيض، 10 نوفمبر 2025"): the two passages
   share content terms, and a named weekday must agree; the publication date follows by arithmetic;
2. the latest day the article (its text, its photo captions, dated embedded posts) dates
   absolutely: it was published after that day, most often the next;
3. a year nobody states ("يناير الجاري", no year in sight) is the year most articles of the corpus
   were published in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Article
from ..text.terms import terms
from .expressions import DateMention, find_dates
from .values import add_months

MIN_SHARED_TERMS = 3  # content terms two passages must share to be taken as the same event…
MIN_OVERLAP = 0.3  # …and that share of the smaller passage's terms


@dataclass(frozen=True)
class Event:
    """A day the corpus dates absolutely, with the content terms of the passage that dates it."""

    day: date
    terms: frozenset[str]


def context(article: Article, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span (the line when sentences are not split yet)."""
    for s in article.spans("sentences"):
        if s.start <= start and end <= s.end:
            return s.start, s.end
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", end)
    return line_start, line_end if line_end >= 0 else len(article.text)


def context_terms(text: str, start: int, end: int, dates: Iterable[tuple[int, int]]) -> frozenset[str]:
    """Content terms of text[start:end] without its date expressions (the dates are what differ)."""
    pieces, pos = [], start
    for s, e in sorted(dates):
        if s >= pos and e <= end:
            pieces.append(text[pos:s])
            pos = e
    pieces.append(text[pos:end])
    return frozenset(terms(" ".join(pieces)))


def _captions(article: Article) -> list[str]:
    page = article.meta.get("page", {})
    return [f["text"] for f in page.get("furniture", []) if f.get("kind") == "caption"] if article.part == 0 else []


def absolute_events(article: Article) -> list[Event]:
    """Days this article dates by itself (its text and captions), or relative to a page-given date."""
    out: list[Event] = []
    # relative dates count only when the page itself gave the date they hang on (no circular inference)
    page_dated = bool(article.published) and article.published_basis != "inferred"
    spans = [(s.start, s.end) for s in article.spans("dates")]
    for s in article.spans("dates"):
        iso = s.attrs.get("date")
        if iso and len(iso) == 10 and (s.label in ("absolute", "hijri") or page_dated):
            out.append(Event(date.fromisoformat(iso), context_terms(article.text, *context(article, s.start, s.end),
                                                                    spans)))
    for caption in _captions(article):
        found = find_dates(caption)
        for m in found:
            if m.value is not None and m.value.precision == "day" and m.end_value is None:
                out.append(Event(m.value.first_day(),
                                 context_terms(caption, 0, len(caption), [(x.start, x.end) for x in found])))
    return out


def _apply(rule: tuple, event_day: date) -> date | None:
    """The publication date a relative mention implies, if it names `event_day`."""
    kind = rule[0]
    if kind == "weekday":
        _, weekday, _rel = rule
        if event_day.weekday() != weekday:
            return None
        return event_day + timedelta(days=1)
    if kind == "shift":
        _, amount, unit = rule
        if unit == "day":
            return event_day - timedelta(days=amount)
        if unit == "week":
            return event_day - timedelta(weeks=amount)
    return None


def _partial_events(article: Article, year: int, mentions: list[DateMention]) -> list[Event]:
    """Days dated without a year ("11 كانون الثاني/يناير الجاري"), read in `year`."""
    out = []
    spans = [(x.start, x.end) for x in mentions]
    for m in mentions:
        if m.rule and m.rule[0] == "month" and m.rule[2] and m.rule[3] in ("current", None):
            try:
                day = date(year, m.rule[1], m.rule[2])
            except ValueError:
                continue
            out.append(Event(day, context_terms(article.text, *context(article, m.start, m.end), spans)))
    return out


def _current_month(mentions: list[DateMention]) -> int | None:
    """The month an article names as "الجاري" (its own month), if it names one."""
    for m in mentions:
        if m.rule and m.rule[0] == "month" and m.rule[3] == "current":
            return int(m.rule[1])
    return None


def _pub_year(latest: date | None, month: int | None, known_years: list[int], prior: int | None) -> int | None:
    """The publication year: the first that puts a "الجاري" month after the latest dated day."""
    if month is not None and latest is not None:
        return latest.year if month >= latest.month else latest.year + 1
    if known_years:
        return max(known_years)
    return prior


def infer(article: Article, corpus_events: Iterable[Event], prior_year: int | None) -> date | None:
    """The most likely publication date of an undated article, or None."""
    mentions = find_dates(article.text)
    captions = [m for c in _captions(article) for m in find_dates(c)]
    days = [m.value.first_day() for m in mentions + captions
            if m.value and m.value.precision == "day" and not m.end_value]
    latest = max(days) if days else None
    month = _current_month(mentions)
    year = _pub_year(latest, month, [m.value.year for m in mentions + captions if m.value], prior_year)
    partial = _partial_events(article, year, mentions) if year is not None else []
    # 1. an event dated relatively here and absolutely elsewhere: the best-matching passages decide
    pool = [*corpus_events, *partial]
    spans = [(x.start, x.end) for x in mentions]
    best: tuple[float, list[date]] = (0.0, [])
    for m in mentions:
        if not m.rule or m.rule[0] not in ("weekday", "shift"):
            continue
        here = context_terms(article.text, *context(article, m.start, m.end), spans)
        for ev in pool:
            shared = len(here & ev.terms)
            if shared < MIN_SHARED_TERMS:
                continue
            score = shared / max(1, min(len(here), len(ev.terms)))
            day = _apply(m.rule, ev.day)
            if day is None or score < MIN_OVERLAP or score < best[0]:
                continue
            best = (score, [*best[1], day]) if score == best[0] else (score, [day])
    if best[1]:
        found = sorted(best[1])
        return found[len(found) // 2]
    # 2. the day after the latest day it dates, kept inside the month it calls "الجاري"
    in_month = [ev.day for ev in partial if month and ev.day.month == month]
    candidates = [d for d in [latest, *in_month] if d is not None]
    if not candidates:
        return None
    guess = max(candidates) + timedelta(days=1)
    if month is not None and year is not None and (guess.year, guess.month) > (year, month):
        y, mo = add_months(date(year, month, 1), 1)
        guess = date(y, mo, 1) - timedelta(days=1)
    return guess


def corpus_evidence(articles: Iterable[Article]) -> tuple[int | None, list[Event]]:
    """What the corpus says about time: its most common year of page-given dates, and every day it dates."""
    years: Counter[int] = Counter()
    events: list[Event] = []
    for a in articles:
        if a.published and a.published_basis in ("metadata", "dateline"):
            years[int(a.published[:4])] += 1
        events += absolute_events(a)
    return (years.most_common(1)[0][0] if years else None), events


def undated(article: Article) -> bool:
    """No date from the page itself (none, or one inferred by an earlier run)."""
    return not article.published or article.published_basis == "inferred"


def infer_corpus(articles: list[Article]) -> dict[str, date]:
    """Publication dates for the undated articles of a corpus: article id -> date."""
    prior, events = corpus_evidence(articles)
    out: dict[str, date] = {}
    for a in articles:
        if not undated(a):
            continue
        guess = infer(a, events, prior)
        if guess is not None:
            out[a.id] = guess
    return out
