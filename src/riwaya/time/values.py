"""Date values at their precision (year, month or day) and the arithmetic relative dates need."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["year", "month", "day"]


@dataclass(frozen=True, slots=True, order=True)
class DateValue:
    """A date as precise as the text allows: 2019, 2019-10 or 2019-10-27."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None:
            date(self.year, self.month or 0, self.day)  # raises ValueError for 31 February and friends
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month}")

    @property
    def precision(self) -> Precision:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def of(cls, d: date, precision: Precision = "day") -> DateValue:
        if precision == "year":
            return cls(d.year)
        if precision == "month":
            return cls(d.year, d.month)
        return cls(d.year, d.month, d.day)

    @classmethod
    def parse(cls, iso: str) -> DateValue:
        parts = [int(p) for p in iso.split("-")]
        return cls(*parts)  # type: ignore[arg-type]


def valid(year: int, month: int | None = None, day: int | None = None) -> DateValue | None:
    try:
        return DateValue(year, month, day)
    except (ValueError, TypeError):
        return None


def add_months(d: date, months: int) -> tuple[int, int]:
    """(year, month) `months` after the month of `d` (negative: before)."""
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def year_of_month(month: int, base: date, relation: str | None) -> int:
    """The year of a month named without one, relative to the publication date.

    past ("ديسمبر الماضي"): the latest such month strictly before the base month; current ("الجاري"):
    the base year; next ("المقبل"): the first such month strictly after; none: on or before the base month.
    """
    if relation == "current":
        return base.year
    if relation == "past":
        return base.year if month < base.month else base.year - 1
    if relation == "next":
        return base.year if month > base.month else base.year + 1
    return base.year if month <= base.month else base.year - 1


def weekday_date(weekday: int, base: date, relation: str | None) -> date:
    """The weekday meant by "الخميس" (on or before the base), "الخميس الماضي" (strictly before), "المقبل"."""
    if relation == "next":
        return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
    back = (base.weekday() - weekday) % 7
    if relation == "past" and back == 0:
        back = 7
    return base - timedelta(days=back)


def hijri_to_gregorian(year: int, month: int, day: int = 1) -> date | None:
    """Umm al-Qura conversion (hijridate covers 1343–1500 AH, 1924–2077 CE)."""
    try:
        from hijridate import Hijri
    except ImportError:  # a core dependency; only a broken install lacks it
        return None
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)
