"""Knowledge-base names found in a token sequence: the longest match at each position, with clitics."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..text.normalize import fold
from .kb import KnowledgeBase, knowledge_base
from .lexicon import PROCLITICS


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    ids: tuple[str, ...]
    type: str
    clitic: bool = False  # the first token matched only without a leading proclitic ("وألمانيا")


@cache
def _index(kb: KnowledgeBase) -> dict[tuple[str, ...], tuple[str, ...]]:
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, ids in kb.by_alias.items():
        toks = tuple(key.split())
        out[toks] = tuple(ids)
    return out


def _first_forms(tok: str) -> list[str]:
    """A first token as written, without one proclitic, and لل → ال ("وألمانيا", "للأمم")."""
    forms = [tok]
    if len(tok) >= 3 and tok[0] in PROCLITICS:
        forms.append(tok[1:])  # a two-letter rest only opens a name of several words ("لبي بي سي")
    if tok.startswith("لل") and len(tok) > 4:
        forms.append("ال" + tok[2:])
    if len(tok) > 4 and tok[0] in "وف" and tok[1:3] == "لل":
        forms.append("ال" + tok[3:])
    if len(tok) > 4 and tok[0] in "وف" and tok[1] in "بلك":
        forms.append(tok[2:])
    return forms


_MEDIA_HEADS = frozenset(fold(w) for w in ("صحيفة", "جريدة", "وكالة", "قناة", "موقع", "منصة", "شبكة", "مجلة",
                                          "إذاعة", "تلفزيون"))


def _without_head(m: Match, keys: list[str], index: dict[tuple[str, ...], tuple[str, ...]]) -> Match:
    """"صحيفة نيويورك تايمز" → the name "نيويورك تايمز" when that is an alias of the same entity."""
    if m.end - m.start < 2:
        return m
    head = keys[m.start]
    if head not in _MEDIA_HEADS and not any(f in _MEDIA_HEADS for f in _first_forms(head)):
        return m
    rest = index.get(tuple(keys[m.start + 1 : m.end]))
    if rest and set(rest) & set(m.ids):
        return Match(m.start + 1, m.end, tuple(x for x in m.ids if x in rest), m.type, False)
    return m


def find(tokens: list[str], kb: KnowledgeBase | None = None, keys: list[str] | None = None) -> list[Match]:
    """Non-overlapping KB matches over `tokens` (surface forms; `keys`: their folded forms, if made already),
    longest first, left to right."""
    kb = kb or knowledge_base()
    index, lengths = _index(kb), kb.alias_lengths
    keys = keys if keys is not None else list(map(fold, tokens))
    out: list[Match] = []
    i = 0
    while i < len(keys):
        k = keys[i]
        if k not in lengths and (len(k) < 3 or k[0] not in PROCLITICS):  # no other first form to try
            i += 1
            continue
        best: Match | None = None
        for form_no, first in enumerate(_first_forms(keys[i])):
            if not first or first not in lengths:
                continue
            for n in lengths[first]:
                if n > len(keys) - i or (n == 1 and len(first) < 3):
                    continue
                cand = (first, *keys[i + 1 : i + n])
                ids = index.get(cand)
                if ids and (best is None or n > best.end - best.start):
                    types = {kb.entities[x].type for x in ids}
                    best = Match(i, i + n, ids, types.pop() if len(types) == 1 else "MISC", form_no > 0)
                    break
        if best is not None:
            best = _without_head(best, keys, index)
            out.append(best)
            i = best.end
        else:
            i += 1
    return out


def bio(tokens: list[str], kb: KnowledgeBase | None = None) -> list[str]:
    """Gazetteer BIO tags per token ("B-PER", "I-LOC", "O")."""
    tags = ["O"] * len(tokens)
    for m in find(tokens, kb):
        tags[m.start] = f"B-{m.type}"
        for j in range(m.start + 1, m.end):
            tags[j] = f"I-{m.type}"
    return tags
