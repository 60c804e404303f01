"""The entity cue lexicon (resources/entities/cues.toml) as folded word sets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..resources import load_toml
from ..text.normalize import fold


@dataclass(frozen=True)
class Cues:
    person_titles: frozenset[str]
    title_first_words: frozenset[str]
    person_roles_after: frozenset[str]
    kunya: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    not_names: frozenset[str]


@cache
def cues() -> Cues:
    data = load_toml("entities", "cues.toml")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data[key]["words"] if fold(w))

    titles = words("person_titles")
    return Cues(
        person_titles=titles,
        title_first_words=frozenset(t.split()[0] for t in titles),
        person_roles_after=words("person_roles_after"),
        kunya=words("person_kunya"),
        org_heads=words("organization_heads"),
        place_heads=words("place_heads"),
        not_names=words("not_names"),
    )


PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def strip_clitic(word: str) -> str:
    """A folded word without one leading conjunction/preposition and with لل → ال ("وللصحيفة" → "الصحيفه")."""
    w = word
    if len(w) > 3 and w[0] in PROCLITICS:
        w = w[1:]
        if len(w) > 3 and w[0] in PROCLITICS and w[:2] != "ال":
            w = w[1:]
    if w.startswith("لل") and len(w) > 4:
        w = "ال" + w[2:]
    return w


def base(word: str) -> str:
    """A folded word without clitics and without the article: the key of gazetteer and cue lookups."""
    w = strip_clitic(word)
    return w[2:] if w.startswith("ال") and len(w) > 4 else w
