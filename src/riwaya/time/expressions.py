"""Date expressions in Arabic news: found as spans of the original text, resolved to a `DateValue`.

Matching runs on the loose normalised view (one alef, ه for ة, ASCII digits, no diacritics), so one
pattern covers "إبريل"/"ابريل" and "٢٠١٩"/"2019"; spans map back to the original characters. The words
are data (resources/time/months.toml, words.toml); this module holds the grammar:

- absolute: "14 نوفمبر 2025", "تشرين الأول/ أكتوبر 2019", "مارس (آذار) عام 2019", "العام 2021",
  "November 14, 2025", "14/11/2025", "الأول من أكتوبر";
- relative to the publication date: "يوم الإثنين الماضي", "الخميس", "ديسمبر الماضي", "الشهر الجاري",
  "أمس", "العام الماضي", "قبل نحو أسبوعين", "هذا الأسبوع";
- relative to the date mentioned just before: "في اليوم التالي", "بعد يومين";
- Hijri: "15 رمضان 1446 هـ" (Umm al-Qura);
- ranges: "بين الأول من أكتوبر وحتى السادس من نوفمبر", "بين عامي 2014 و2017".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ..resources import load_toml
from ..text.normalize import fold, normalize
from .calendar import month_names, weekday_names
from .values import (
    DateValue,
    add_months,
    hijri_to_gregorian,
    valid,
    weekday_date,
    year_of_month,
)


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    kind: str  # absolute | relative | anchored | hijri | range
    value: DateValue | None
    end_value: DateValue | None = None
    approximate: bool = False
    # how a relative date hangs on the publication date, for inferring that date from events:
    # ("weekday", weekday, relation) | ("shift", amount, unit) | ("month", month, day, relation)
    rule: tuple | None = None

    @property
    def iso(self) -> str | None:
        if self.value is None:
            return None
        if self.end_value is not None:
            return f"{self.value.iso()}/{self.end_value.iso()}"
        return self.value.iso()


# ---- the lexicon, as regex pieces over folded text --------------------------------------------------
def _alt(words: list[str] | set[str]) -> str:
    """The folded words as one expression, written as a trie ("كانون (الاول|الثاني)" shares "كانون"): it matches
    what the alternation of the words longest first matches, in the same order of preference (the words that
    match at one place are prefixes of each other, tried longest first), but a position of a text costs one
    look per first letter, not one per word (the month names: 3× faster)."""
    trie: dict[str, dict] = {}
    for word in {fold(w) for w in words if fold(w)}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie(trie)


def _trie(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]  # solar, every system
    hijri: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    units: dict[str, str]  # word -> day/week/month/year
    duals: dict[str, str]
    qualifiers: dict[str, str]  # word -> past/current/next
    ambiguous: frozenset[str]
    words: dict[str, list[str]]


@cache
def _lexicon() -> _Lexicon:
    w = load_toml("time", "words.toml")
    names = month_names()
    months = {**names["gregorian"], **names["syriac"], **names["latin"]}

    def numbered(table: dict[str, list[str]]) -> dict[str, int]:
        return {fold(x): int(k) for k, xs in table.items() for x in xs}

    def labelled(table: dict[str, list[str]]) -> dict[str, str]:
        return {fold(x): k for k, xs in table.items() for x in xs}

    return _Lexicon(
        months=months,
        hijri=names["hijri"],
        weekdays={k: v for k, v in weekday_names().items() if k.startswith("ال") or k.isascii()},
        ordinals=numbered(w["ordinal_days"]),
        cardinals=numbered(w["cardinals"]),
        units=labelled(w["units"]),
        duals=labelled(w["duals"]),
        qualifiers=labelled(w["qualifiers"]),
        ambiguous=frozenset(fold(x) for x in w["ambiguous_months"]["words"]),
        words={k: v["words"] for k, v in w.items() if isinstance(v, dict) and "words" in v},
    )


B = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"  # a word edge, or after a one-letter proclitic (و ف ب ل)
E = r"(?!\w)"


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None, DateValue | None], DateMention | None]
    needs: re.Pattern[str] | None = None  # what every match contains: a text without it is not searched


def _month_x(g: str) -> str:
    """A month, optionally with its other-system name: "يونيو/حزيران", "مارس (آذار)", "تشرين الأول/ أكتوبر"."""
    m = _alt(_lexicon().months)
    return rf"(?P<{g}>{m})(?:\s*[/(]\s*(?:{m})\s*\)?)?"


def _day(g: str) -> str:
    o = _alt(_lexicon().ordinals)
    return rf"(?:(?<!\d)(?P<{g}>\d{{1,2}})(?!\d)|(?P<{g}o>{o})\s+من)"


def _year(g: str) -> str:
    return rf"(?P<{g}>(?:19|20)\d\d)(?!\d|[-/.]\d)(?:\s*م{E})?"


def _q(g: str) -> str:
    return rf"(?P<{g}>{_alt(_lexicon().qualifiers)})"


def _words(key: str) -> str:
    return _alt(_lexicon().words[key])


# ---- resolving matched groups ----------------------------------------------------------------------
def _gi(m: re.Match[str], g: str) -> str | None:
    return m.groupdict().get(g)


def _day_of(m: re.Match[str], g: str) -> int | None:
    if _gi(m, g):
        return int(m.group(g))
    if _gi(m, g + "o"):
        return _lexicon().ordinals.get(" ".join(m.group(g + "o").split()))
    return None


def _month_of(m: re.Match[str], g: str) -> int | None:
    name = _gi(m, g)
    return _lexicon().months.get(" ".join(name.split())) if name else None


def _rel(m: re.Match[str], g: str) -> str | None:
    q = _gi(m, g)
    return _lexicon().qualifiers.get(q) if q else None


def _approx(m: re.Match[str]) -> bool:
    return bool(_gi(m, "approx"))


def _mention(
    m: re.Match[str],
    kind: str,
    value: DateValue | None,
    end: DateValue | None = None,
    approximate: bool = False,
    rule: tuple | None = None,
) -> DateMention:
    return DateMention(m.start(), m.end(), kind, value, end, approximate, rule)


def _day_month_year(m: re.Match[str], base: date | None, d: str, mo: str, y: str, q: str) -> DateValue | None:
    day, month = _day_of(m, d), _month_of(m, mo)
    if month is None:
        return None
    if _gi(m, y):
        return valid(int(m.group(y)), month, day)
    if base is None:
        return None
    return valid(year_of_month(month, base, _rel(m, q)), month, day)


def _r_full(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    value = _day_month_year(m, base, "d", "m", "y", "q")
    if _gi(m, "y"):
        return _mention(m, "absolute", value)
    return _mention(m, "relative", value, rule=("month", _month_of(m, "m"), _day_of(m, "d"), _rel(m, "q")))


def _r_english(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    return _mention(m, "absolute", valid(int(m.group("y")), _month_of(m, "m"), int(m.group("d"))))


def _r_numeric(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    if _gi(m, "iy"):
        value = valid(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    else:
        value = valid(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
    return _mention(m, "absolute", value) if value else None


def _r_month(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    month = _month_of(m, "m")
    if month is None:
        return None
    if _gi(m, "y"):
        return _mention(m, "absolute", valid(int(m.group("y")), month))
    bare = not (_gi(m, "q") or _gi(m, "cue") or "/" in m.group(0) or "(" in m.group(0))
    if bare and " ".join(m.group("m").split()) in _lexicon().ambiguous:
        return None  # "مارس" is also a verb and "آب" folds to "أب": a bare ambiguous name needs a cue
    rule = ("month", month, None, _rel(m, "q"))
    if base is None:
        return _mention(m, "relative", None, rule=rule)
    return _mention(m, "relative", valid(year_of_month(month, base, _rel(m, "q")), month), rule=rule)


def _r_year(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    after = m.string[m.end() : m.end() + 20].split()
    if after and after[0].strip("،,.") in _not_year_before():
        return None  # "خلال 2000 غارة": a count, not a year
    return _mention(m, "absolute", valid(int(m.group("y"))))


@cache
def _not_year_before() -> frozenset[str]:
    return frozenset(fold(w) for w in _lexicon().words["counted_nouns"])


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(fold(w) for w in ("في", "منذ", "خلال", "حتى", "قبل", "بعد", "بحلول", "مع"))


def _r_weekday(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    wd = _lexicon().weekdays.get(m.group("wd"))
    if wd is None:
        return None
    before = m.string[max(0, m.start() - 12) : m.start()].split()
    if before and before[-1] in {fold(x) for x in _lexicon().words["weekday_not_after"]}:
        return None
    rule = ("shift", 0, "day") if _gi(m, "today") else ("weekday", wd, _rel(m, "q"))
    if base is None:
        return _mention(m, "relative", None, rule=rule)
    if _gi(m, "today"):
        return _mention(m, "relative", DateValue.of(base), rule=rule)
    return _mention(m, "relative", DateValue.of(weekday_date(wd, base, _rel(m, "q"))), rule=rule)


def _r_near_day(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    if _gi(m, "before2"):
        delta = -2
    elif _gi(m, "yesterday"):
        delta = -1
    elif _gi(m, "tomorrow"):
        delta = 1
    else:
        delta = 0
    if base is None:
        return _mention(m, "relative", None, rule=("shift", delta, "day"))
    return _mention(m, "relative", DateValue.of(base + timedelta(days=delta)), rule=("shift", delta, "day"))


def _r_period(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    unit = " ".join(m.group("unit").split())
    rel = _rel(m, "q") or ("current" if unit.startswith("هذ") else None)
    if rel is None:
        return None
    if base is None:
        return _mention(m, "relative", None)
    step = {"past": -1, "current": 0, "next": 1}[rel]
    if "شهر" in unit:
        y, mo = add_months(base, step)
        return _mention(m, "relative", DateValue(y, mo))
    if "اسبوع" in unit:
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        end = base if step == 0 else monday + timedelta(days=6)
        return _mention(m, "relative", DateValue.of(monday), DateValue.of(end))
    return _mention(m, "relative", DateValue(base.year + step))


def _count(m: re.Match[str]) -> tuple[int, str] | None:
    lex = _lexicon()
    if _gi(m, "dual"):
        return 2, lex.duals[" ".join(m.group("dual").split())]
    unit = lex.units.get(" ".join((m.group("unit") or "").split()))
    if unit is None:
        return None
    if _gi(m, "num"):
        raw = " ".join(m.group("num").split())
        n = int(raw) if raw.isdigit() else lex.cardinals.get(raw)
        return (n, unit) if n else None
    return 1, unit


def _shift(anchor: date, n: int, unit: str, sign: int) -> DateValue:
    if unit == "day":
        return DateValue.of(anchor + timedelta(days=sign * n))
    if unit == "week":
        return DateValue.of(anchor + timedelta(weeks=sign * n))
    if unit == "month":
        y, mo = add_months(anchor, sign * n)
        return DateValue(y, mo)
    if n == 1:  # "قبل عام": the same month a year before
        return DateValue(anchor.year + sign, anchor.month)
    return DateValue(anchor.year + sign * n)


def _r_ago(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    counted = _count(m)
    if counted is None:
        return None
    rule = ("shift", -counted[0], counted[1])
    if base is None:
        return _mention(m, "relative", None, approximate=_approx(m), rule=rule)
    return _mention(m, "relative", _shift(base, *counted, sign=-1), approximate=_approx(m), rule=rule)


def _r_after(m: re.Match[str], base: date | None, anchor: DateValue | None) -> DateMention | None:
    start = anchor.first_day() if anchor is not None and anchor.precision == "day" else base
    if start is None:
        return _mention(m, "anchored", None)
    if _gi(m, "same"):
        return _mention(m, "anchored", DateValue.of(start))
    counted = (1, "day") if _gi(m, "next") else _count(m)
    if counted is None:
        return None
    return _mention(m, "anchored", _shift(start, *counted, sign=1))


def _r_hijri(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    hy = int(m.group("hy"))
    if _gi(m, "hm"):
        hm = _lexicon().hijri.get(" ".join(m.group("hm").split()))
        if hm is None:
            return None
        day = _day_of(m, "d")
        g = hijri_to_gregorian(hy, hm, day or 1)
        if g is None:
            return None
        return _mention(m, "hijri", DateValue.of(g, "day" if day else "month"))
    g = hijri_to_gregorian(hy, 1, 1)
    return _mention(m, "hijri", DateValue(g.year) if g else None)


def _r_range_days(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    end = _day_month_year(m, base, "d2", "m2", "y2", "q2")
    if end is None or end.day is None:
        return None
    month1 = _month_of(m, "m1")
    if month1 is None:
        start = valid(end.year, end.month, _day_of(m, "d1"))
    elif _gi(m, "y1"):
        start = valid(int(m.group("y1")), month1, _day_of(m, "d1"))
    else:  # the first month takes the year that keeps the range in order
        year = end.year if month1 <= (end.month or 12) else end.year - 1
        start = valid(year, month1, _day_of(m, "d1"))
    if start is None or start > end:
        return None
    return _mention(m, "range", start, end)


def _r_range_months(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    m1, m2 = _month_of(m, "m1"), _month_of(m, "m2")
    if m1 is None or m2 is None:
        return None
    if _gi(m, "y2"):
        y2 = int(m.group("y2"))
    elif base is not None:
        y2 = year_of_month(m2, base, None)
    else:
        return None
    y1 = int(m.group("y1")) if _gi(m, "y1") else (y2 if m1 <= m2 else y2 - 1)
    start, end = valid(y1, m1), valid(y2, m2)
    if start is None or end is None or start > end:
        return None
    return _mention(m, "range", start, end)


def _r_range_years(m: re.Match[str], base: date | None, _a: DateValue | None) -> DateMention | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    return _mention(m, "range", DateValue(y1), DateValue(y2)) if y1 < y2 else None


# ---- the grammar -----------------------------------------------------------------------------------
@cache
def _patterns() -> tuple[_Pattern, ...]:
    lex = _lexicon()
    wd = _alt(lex.weekdays)
    q = _q
    part = _words("period_parts")
    approx = _words("approximately")
    card = rf"\d{{1,3}}|{_alt(lex.cardinals)}"
    units = _alt(lex.units)
    duals = _alt(lex.duals)
    hm = _alt(lex.hijri)
    dayparts = _words("day_parts")
    ycue = _words("year_cues")
    to = r"(?:و\s*حتي|وحتي|حتي|الي|ولغايه|لغايه|و|-|–)"
    yr_word = r"(?:(?:من\s+)?(?:عام|العام|سنه|السنه)\s+)?"
    specs: list[tuple[str, str, Callable]] = [
        (
            "range_days",
            rf"(?:بين|من|منذ)\s+(?:يوم\s+)?{_day('d1')}\s*(?:(?:من\s+)?{_month_x('m1')}\s*(?:,?\s*{_year('y1')})?)?"
            rf"\s*{to}\s*(?:يوم\s+)?{_day('d2')}\s*(?:من\s+)?{_month_x('m2')}(?:\s*{q('q2')})?"
            rf"(?:\s*,?\s*{yr_word}{_year('y2')})?",
            _r_range_days,
        ),
        (
            "range_months",
            rf"(?:بين|من|منذ)\s+(?:شهر\s+)?{_month_x('m1')}(?:\s*,?\s*{yr_word}{_year('y1')})?\s*{to}\s*"
            rf"(?:شهر\s+)?{_month_x('m2')}(?:\s*,?\s*{yr_word}{_year('y2')})?",
            _r_range_months,
        ),
        (
            "range_years",
            rf"(?:بين\s+(?:عامي|العامين|سنتي)\s+|(?:بين|من|منذ)\s+(?:عام\s+|العام\s+)?){_year('y1')}\s*{to}\s*"
            rf"(?:عام\s+|العام\s+)?{_year('y2')}",
            _r_range_years,
        ),
        (
            "hijri",
            rf"(?:{_day('d')}\s*(?:من\s+)?)?(?:شهر\s+)?(?P<hm>{hm})\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?"
            rf"(?P<hy>1[34]\d\d)(?!\d)(?:\s*(?:ه{E}|هجريه|للهجره))?"
            rf"|(?P<hy2>1[34]\d\d)\s*(?:ه{E}|هجريه|للهجره)",
            _r_hijri_any,
        ),
        (
            "english",
            rf"(?:{wd}\s*,?\s*)?(?P<m>{_alt(month_names()['latin'])})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d)",
            _r_english,
        ),
        (
            "numeric",
            r"(?<![\d/.\-])(?:(?P<nd>\d{1,2})(?P<sep>[/.\-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>(?:19|20)\d\d)"
            r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d{1,2})-(?P<id>\d{1,2}))(?![\d/.\-])",
            _r_numeric,
        ),
        (
            "full",
            rf"(?:(?:{dayparts})\s+)?(?:(?:{wd})\s*,?\s*)?{_day('d')}\s*(?:من\s+)?(?:شهر\s+)?{_month_x('m')}"
            rf"(?:\s*{q('q')}|\s*,?\s*{yr_word}{_year('y')})?",
            _r_full,
        ),
        (
            "month",
            rf"(?:(?P<cue>{part}|في|منذ|حتي|بحلول|شهر)\s+)?(?:شهر\s+)?{_month_x('m')}(?:\s*{q('q')}|\s*,?\s*{yr_word}{_year('y')})?",
            _r_month,
        ),
        ("year", rf"(?:(?:{part})\s+)?(?:(?:{ycue})\s+)+(?:(?:{part})\s+)?{_year('y')}", _r_year),
        (
            "weekday",
            rf"(?:(?P<today>اليوم)\s+|(?:(?:{dayparts})\s+)?(?:يوم\s+)?)(?P<wd>{wd})(?:\s*{q('q')})?",
            _r_weekday,
        ),
        (
            "near_day",
            r"(?:(?P<before2>اول\s+(?:من\s+)?امس)|(?:(?:" + dayparts + r")\s+)?(?P<yesterday>امس|الامس|البارحه)"
            r"|(?P<tomorrow>غدا|(?:صباح|مساء|ظهر)\s+الغد)|(?:صباح|مساء|ظهر|فجر|ليل)\s+اليوم"
            r"|في\s+وقت\s+سابق\s+(?:من\s+)?اليوم|في\s+وقت\s+لاحق\s+(?:من\s+)?اليوم"
            rf")(?:\s+(?:{wd}))?",  # "أمس الأحد" is one expression
            _r_near_day,
        ),
        (
            "period",
            rf"(?:(?:{part})\s+)?(?P<unit>هذا\s+الشهر|هذا\s+العام|هذه\s+السنه|هذا\s+الاسبوع|الشهر|العام|السنه|الاسبوع)"
            rf"(?:\s*{q('q')})?",
            _r_period,
        ),
        (
            "ago",
            rf"(?:قبل|منذ)\s+(?:(?P<approx>{approx})\s+)?(?:(?P<num>{card})\s+(?P<unit>{units})|(?P<dual>{duals})"
            rf"|(?P<unit1>يوم|اسبوع|شهر|عام|سنه))",
            _r_ago_any,
        ),
        (
            "after",
            rf"(?:في\s+)?اليوم\s+(?:(?P<next>التالي|الذي\s+تلاه|الموالي)|(?P<same>نفسه|ذاته))"
            rf"|(?:بعد|عقب)\s+(?:(?P<num>{card})\s+(?P<unit>ايام|اسابيع|اشهر)|(?P<dual>يومين|اسبوعين|شهرين))",
            _r_after,
        ),
    ]
    # What each pattern cannot match without (a month name, a four-digit year, a weekday…): one quick search
    # of the text finds the lines that hold it, and the pattern runs on those lines only (tests hold every
    # match of the grammar to it, and the gated scan to the full one).
    # a month name not inside a word ("اب" in "الانتخابات"): after the text's start, a non-letter, a
    # proclitic, or the ن of "الأول من" (the grammar allows "من" right before the month). That character is
    # part of the needle's match (a look-behind here would be tried at every position of every text).
    month, year = rf"(?:^|[\W\d_وفبلن])(?:{_alt(lex.months)})", r"(?:19|20)\d\d"
    needs = {
        "range_days": month, "range_months": month, "range_years": year, "hijri": rf"{hm}|1[34]\d\d",
        "english": _alt(month_names()["latin"]), "numeric": r"\d[/.\-]\d", "full": month, "month": month,
        "year": year, "weekday": wd, "near_day": "امس|البارحه|غدا|الغد|اليوم",
        "period": "الشهر|العام|السنه|الاسبوع", "ago": "قبل|منذ", "after": "اليوم|بعد|عقب",
    }
    return tuple(
        _Pattern(name, re.compile(f"{B}(?:{rx}){E}" if name != "numeric" else rx), fn,
                 re.compile(needs[name]) if name in needs else None)
        for name, rx, fn in specs
    )


def _r_hijri_any(m: re.Match[str], base: date | None, a: DateValue | None) -> DateMention | None:
    if _gi(m, "hy2"):
        g = hijri_to_gregorian(int(m.group("hy2")), 1, 1)
        return _mention(m, "hijri", DateValue(g.year) if g else None)
    return _r_hijri(m, base, a)


def _r_ago_any(m: re.Match[str], base: date | None, a: DateValue | None) -> DateMention | None:
    if _gi(m, "unit1"):
        unit = _lexicon().units.get(m.group("unit1")) or "day"
        if base is None:
            return _mention(m, "relative", None, approximate=_approx(m), rule=("shift", -1, unit))
        return _mention(m, "relative", _shift(base, 1, unit, sign=-1), approximate=_approx(m), rule=("shift", -1, unit))
    return _r_ago(m, base, a)


# ---- finding ---------------------------------------------------------------------------------------
def find_dates(text: str, base: date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, with spans into `text` and values (None if unresolved).
    An expression lies within one line (paragraph): none runs across a line break."""
    view = normalize(text, "loose")
    norm = view.text
    found = _candidates(norm)
    # left to right; at one start the longest match first, then the pattern listed first. A match the
    # grammar rejects (a bare "مارس" that is a verb) does not block the ones overlapping it.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    out: list[DateMention] = []
    anchor: DateValue | None = None
    patterns = _patterns()
    last_end = -1
    for start, end, prio, m in found:
        if start < last_end:
            continue
        mention = patterns[prio].resolve(m, base, anchor)
        if mention is None:
            continue
        last_end = end
        s, e = _trim(norm, max(start, mention.start), end)
        if patterns[prio].name in ("month", "year", "full", "english"):
            s = _skip_prepositions(norm, s, e)
        mention.start, mention.end = view.to_original(s, e)
        out.append(mention)
        if mention.value is not None and mention.end_value is None and mention.value.precision == "day":
            anchor = mention.value
    return out


def _candidates(norm: str, gated: bool = True) -> list[tuple[int, int, int, re.Match[str]]]:
    """(start, end, pattern number, match) of every non-empty match of every pattern, line by line.
    `gated`: a pattern runs only on the lines holding what it `needs` (most lines hold no month name, no
    year…; `gated=False` runs every pattern on every line — the same result, slower: a test holds them equal)."""
    starts = [0]
    at = norm.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = norm.find("\n", at + 1)
    lines = list(zip(starts, [s - 1 for s in starts[1:]] + [len(norm)], strict=True))
    with_needle: dict[str, list[tuple[int, int]]] = {}
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for prio, pat in enumerate(_patterns()):
        where = lines
        if gated and pat.needs is not None:
            needle = pat.needs.pattern
            if needle not in with_needle:
                # (by the match's last character: a needle may begin with the line break before it)
                held = sorted({bisect_right(starts, m.end() - 1) - 1 for m in pat.needs.finditer(norm)})
                with_needle[needle] = [lines[i] for i in held]
            where = with_needle[needle]
        for line_start, line_end in where:
            for m in pat.regex.finditer(norm, line_start, line_end):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), prio, m))
    return found


def _skip_prepositions(norm: str, start: int, end: int) -> int:
    """ "في يونيو الماضي" → "يونيو الماضي": the date, not the preposition before it."""
    preps = _prepositions()
    while True:
        m = re.match(r"(\S+)\s+", norm[start:end])
        if not m or m.group(1) not in preps:
            return start
        start += m.end()


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while end > start and norm[end - 1] in " \t\n,،":
        end -= 1
    while start < end and norm[start].isspace():
        start += 1
    return start, end
