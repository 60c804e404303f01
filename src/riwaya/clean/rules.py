"""Loading the furniture rules (a data file) and classifying lines with them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..resources import path
from ..text.normalize import fold

KINDS = ("drop", "caption", "credit", "copyright", "tags", "related_header", "comments")


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    max_chars: int | None


@dataclass(frozen=True)
class LineClass:
    kind: str  # one of KINDS, or "text"
    name: str | None = None  # the outlet named by a credit line
    inline: bool = False  # a related header followed by a headline on the same line


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    thresholds: dict[str, Any]

    def classify(self, line: str) -> LineClass:
        key = fold(line)
        if not key:
            return LineClass("blank")
        if not any(ch.isalnum() for ch in key):
            return LineClass("drop")  # a line of punctuation or symbols only
        for rule in self.rules:
            if rule.max_chars is not None and len(key) > rule.max_chars:
                continue
            m = rule.pattern.search(key)
            if not m:
                continue
            name = None
            if rule.kind == "credit" and "name" in rule.pattern.groupindex:
                name = _original_tail(line, m.group("name"))
            inline = False
            if rule.kind == "related_header":
                rest = key[m.end() :].strip(" :：-–—.")
                inline = len(rest.split()) >= 3
            return LineClass(rule.kind, name, inline)
        return LineClass("text")

    def threshold(self, name: str) -> int:
        return int(self.thresholds[name])


def _original_tail(line: str, folded_tail: str) -> str:
    """The tail of the original line that corresponds to a folded match (same number of words)."""
    words = line.split()
    n = len(folded_tail.split())
    return " ".join(words[-n:]) if n else ""


def _fold_pattern(pattern: str) -> str:
    # Fold only Arabic letters: Latin case matters in regex syntax (\S vs \s) and IGNORECASE handles it.
    return "".join(fold(ch) if "\u0600" <= ch <= "\u06ff" else ch for ch in pattern)


def load_rules(files: list[Path]) -> RuleSet:
    rules: list[Rule] = []
    thresholds: dict[str, Any] = {}
    for file in files:
        with file.open("rb") as f:
            data = tomllib.load(f)
        thresholds.update(data.get("thresholds", {}))
        for i, entry in enumerate(data.get("rule", []), 1):
            kind = entry.get("kind")
            if kind not in KINDS:
                raise ValueError(f"{file}: rule {i} has unknown kind {kind!r} (one of {', '.join(KINDS)})")
            for pat in entry.get("patterns", []):
                try:
                    compiled = re.compile(_fold_pattern(pat), re.IGNORECASE)
                except re.error as e:
                    raise ValueError(f"{file}: rule {i}: bad pattern {pat!r}: {e}") from e
                rules.append(Rule(kind, compiled, entry.get("max_chars")))
    return RuleSet(tuple(rules), thresholds)


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return load_rules([path("cleaning", "furniture.toml")])
