"""Publication dates from metadata strings and from date lines at the head of a page."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from ..text.normalize import fold
from .calendar import solar_month, solar_month_pattern

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_metadata_date(value: str | None) -> str | None:
    """An ISO date from what a container said: ISO 8601, RFC 822 (RSS), "2025-11-14 08:30:00", epoch."""
    if not value:
        return None
    value = str(value).strip()
    m = _ISO.search(value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if value.isdigit() and len(value) in (10, 13):
        secs = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.utcfromtimestamp(secs).date().isoformat()
    return parse_date_line(value, max_words=12)


@lru_cache(maxsize=1)
def _written_date() -> re.Pattern[str]:
    months = solar_month_pattern()
    # "21 أغسطس 2025", "14 تشرين الثاني/نوفمبر 2025", "November 14, 2025"
    return re.compile(
        rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{months})(?:\s*[/(]\s*(?:{months})\s*\)?)?\s*,?\s*(?P<y1>\d{{4}})"
        rf"|(?P<m2>{months})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))",
        re.IGNORECASE,
    )


def parse_date_line(line: str, max_words: int = 9) -> str | None:
    """The date of a line that is (mostly) just a date, as date lines at the top of pages are."""
    key = fold(line)
    if not key or len(key.split()) > max_words:
        return None
    m = _written_date().search(key)
    if m:
        if m.group("d1"):
            d, month, y = m.group("d1"), m.group("m1"), m.group("y1")
        else:
            d, month, y = m.group("d2"), m.group("m2"), m.group("y2")
        num = solar_month(month)
        return _valid(int(y), num, int(d)) if num else None
    m = _ISO.search(key)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC_DMY.search(key)
    if m:
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None
