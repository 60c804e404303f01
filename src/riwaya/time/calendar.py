"""Month and weekday names from the shipped data file, keyed by their loose-normalised spelling."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_toml
from ..text.normalize import fold


@lru_cache(maxsize=1)
def month_names() -> dict[str, dict[str, int]]:
    """system -> {folded name -> month number} for gregorian, syriac, latin and hijri names."""
    data = load_toml("time", "months.toml")
    out: dict[str, dict[str, int]] = {}
    for system in ("gregorian", "syriac", "latin", "hijri"):
        out[system] = {fold(name): int(num) for num, names in data[system].items() for name in names}
    return out


@lru_cache(maxsize=1)
def weekday_names() -> dict[str, int]:
    data = load_toml("time", "months.toml")["weekdays"]
    return {fold(name): int(num) for num, names in data.items() for name in names}


@lru_cache(maxsize=1)
def solar_month_pattern() -> str:
    """A regex alternation of every Gregorian-calendar month name (Arabic, Levantine, Latin), folded."""
    names = [n for system in ("gregorian", "syriac", "latin") for n in month_names()[system]]
    names.sort(key=len, reverse=True)  # longest first: "كانون الثاني" before "كانون"
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)


def solar_month(name: str) -> int | None:
    key = fold(name)
    for system in ("gregorian", "syriac", "latin"):
        if key in month_names()[system]:
            return month_names()[system][key]
    return None
