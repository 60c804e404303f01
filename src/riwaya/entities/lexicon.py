"""The entity cue lexicon (resources/entities/cues.toml) as folded word sets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..resources import load_toml
from ..text.normalize import fold


@cache
def first_names() -> frozenset[str]:
    """Given names (resources/entities/first_names.txt) and the first words of the KB's people."""
    from ..resources import path
    from .kb import knowledge_base

    names: set[str] = set()
    file = path("entities", "first_names.txt")
    if file.is_file():
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                names.add(fold(line.strip()))
    kunya = cues().kunya
    for ent in knowledge_base().entities.values():
        if ent.type == "PER":
            for name in (ent.name, *ent.aliases):
                words = fold(name).split()
                if len(words) > 1 and words[0] not in kunya and not words[0].startswith("ال") and words[0].isalpha():
                    names.add(words[0])
    return frozenset(n for n in names if len(n) >= 2)


@dataclass(frozen=True)
class Cues:
    person_titles: frozenset[str]
    title_first_words: frozenset[str]
    person_roles_after: frozenset[str]
    kunya: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    not_names: frozenset[str]
    name_before: frozenset[str]
    loose_org_heads: frozenset[str]
    not_bare_titles: frozenset[str]  # "أمام": no title without its article


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
        name_before=words("name_before"),
        loose_org_heads=words("loose_organization_heads"),
        not_bare_titles=words("titles_without_article"),
    )


PROCLITICS = ("و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 18)
def strip_clitic(word: str) -> str:
    """A folded word without one leading conjunction/preposition and with لل → ال ("وللصحيفة" → "الصحيفه")."""
    w = word
    if len(w) > 4 and w[0] in "وف" and w[1:3] == "لل":
        return "ال" + w[3:]
    if len(w) > 4 and w.startswith("لل"):
        return "ال" + w[2:]
    if len(w) > 3 and w[0] in PROCLITICS:
        first, w = w[0], w[1:]
        if len(w) > 4 and w.startswith("لل"):
            return "ال" + w[2:]
        # a conjunction then a preposition ("وبوزارة"); never the و or ف a word starts with ("لوكالة", "بفرنسا")
        if first in "وف" and len(w) > 3 and w[0] in "بلك" and w[:2] != "ال":
            w = w[1:]
    return w


@lru_cache(maxsize=1 << 18)
def base(word: str) -> str:
    """A folded word without clitics and without the article: the key of gazetteer and cue lookups."""
    w = strip_clitic(word)
    return w[2:] if w.startswith("ال") and len(w) > 4 else w
