"""Token features for the sequence tagger: the same function at training and at tagging time.

Arabic has no capitals, so names show through their shape (affixes, the article, clitics), their
context (a title before, "قال" after), the knowledge base (gazetteer tags), and the cue lexicon.
"""

from __future__ import annotations

import re

from ..text.normalize import fold
from . import gazetteer
from .clusters import clusters
from .lexicon import base, cues, first_names, strip_clitic

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")


def _shape(tok: str) -> str:
    if not tok:
        return "empty"
    if tok.isdigit():
        return "digit"
    if _ARABIC.search(tok):
        return "ar"
    if _LATIN.search(tok):
        return "Lat" if tok[:1].isupper() else "lat"
    if all(not c.isalnum() for c in tok):
        return "punct"
    return "other"


def sentence_features(tokens: list[str], gaz: list[str] | None = None) -> list[dict[str, object]]:
    c = cues()
    given = first_names()
    keys = [fold(t) for t in tokens]
    bases = [base(k) for k in keys]
    stripped = [strip_clitic(k) for k in keys]
    gaz = gaz if gaz is not None else gazetteer.bio(tokens)
    table = clusters()
    cl = [table.get(k) or table.get(stripped_k) or ("-", "-") for k, stripped_k in zip(keys, stripped, strict=True)]
    n = len(tokens)
    out: list[dict[str, object]] = []
    for i in range(n):
        k, b = keys[i], bases[i]
        f: dict[str, object] = {
            "bias": 1.0,
            "w": k,
            "b": b,
            "p2": b[:2],
            "p3": b[:3],
            "s1": k[-1:],
            "s2": k[-2:],
            "s3": k[-3:],
            "al": stripped[i].startswith("ال"),
            "pro": k != stripped[i],
            "shape": _shape(tokens[i]),
            "len": min(len(b), 8),
            "gz": gaz[i],
            "title": stripped[i] in c.person_titles or b in c.person_titles,
            "orghead": stripped[i] in c.org_heads or b in c.org_heads,
            "placehead": stripped[i] in c.place_heads or b in c.place_heads,
            "kunya": stripped[i] in c.kunya,
            "fn": stripped[i] in given or k in given,
            "notname": stripped[i] in c.not_names,
            "c1": cl[i][0],
            "c2": cl[i][1],
        }
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f[f"w{d:+d}"] = keys[j]
                f[f"b{d:+d}"] = bases[j]
                f[f"gz{d:+d}"] = gaz[j]
                if abs(d) == 1:
                    f[f"title{d:+d}"] = stripped[j] in c.person_titles
                    f[f"orghead{d:+d}"] = stripped[j] in c.org_heads
                    f[f"placehead{d:+d}"] = stripped[j] in c.place_heads
                    f[f"shape{d:+d}"] = _shape(tokens[j])
                    f[f"c1{d:+d}"] = cl[j][0]
                    f[f"fn{d:+d}"] = stripped[j] in given
            else:
                f[f"w{d:+d}"] = "<s>" if j < 0 else "</s>"
        if i > 0:
            f["w-1|w"] = f"{keys[i - 1]}|{k}"
        if i < n - 1:
            f["w|w+1"] = f"{k}|{keys[i + 1]}"
        out.append(f)
    return out
