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


# The tagger's input built directly: the features of a token (and those it gives its neighbours) depend
# on the token alone, save the gazetteer tags, so the decoder (viterbi.py) scores them once per distinct
# token. The result is exactly crfsuite's reading of `sentence_features` (a test checks it on real sentences).
def token_items(tok: str) -> tuple[dict[str, float], dict[int, dict[str, float]]]:
    """A token's own crfsuite attributes, and those it gives the token at offset d (-2, -1, 1, 2) from it."""
    c, given, table = cues(), first_names(), clusters()
    k = fold(tok)
    b, st = base(k), strip_clitic(k)
    c1, c2 = table.get(k) or table.get(st) or ("-", "-")
    shape = _shape(tok)
    title, org, place, fn = st in c.person_titles, st in c.org_heads, st in c.place_heads, st in given
    # (names by concatenation with prefixes made once: formatting them per token cost half the time)
    own: dict[str, float] = {"bias": 1.0, "w=" + k: 1.0, "b=" + b: 1.0, "p2=" + b[:2]: 1.0, "p3=" + b[:3]: 1.0,
                             "s1=" + k[-1:]: 1.0, "s2=" + k[-2:]: 1.0, "s3=" + k[-3:]: 1.0, "shape=" + shape: 1.0,
                             "len": float(min(len(b), 8))}
    for name, on in (("al", st.startswith("ال")), ("pro", k != st), ("title", title or b in c.person_titles),
                     ("orghead", org or b in c.org_heads), ("placehead", place or b in c.place_heads),
                     ("kunya", st in c.kunya), ("fn", fn or k in given), ("notname", st in c.not_names)):
        if on:
            own[name] = 1.0
    own["c1=" + c1] = 1.0
    own["c2=" + c2] = 1.0
    near: dict[int, dict[str, float]] = {}
    for d, (w_is, b_is) in _NEAR.items():
        item = {w_is + k: 1.0, b_is + b: 1.0}
        if d in _NEXT:
            title_d, org_d, place_d, fn_d, shape_is, c1_is = _NEXT[d]
            for name, on in ((title_d, title), (org_d, org), (place_d, place), (fn_d, fn)):
                if on:
                    item[name] = 1.0
            item[shape_is + shape] = 1.0
            item[c1_is + c1] = 1.0
        near[d] = item
    return own, near


# the attribute names a token gives its neighbours: "w-2=", "b-2="… and, next to it, "title-1", "shape-1="…
_NEAR = {d: (f"w{d:+d}=", f"b{d:+d}=") for d in (-2, -1, 1, 2)}
_NEXT = {d: (*(f"{n}{d:+d}" for n in ("title", "orghead", "placehead", "fn")), f"shape{d:+d}=", f"c1{d:+d}=")
         for d in (-1, 1)}


def sentence_items(tokens: list[str], gaz: list[str] | None = None) -> list[dict[str, float]]:
    """crfsuite items for one sentence: `sentence_features` as the tagger reads them, built faster."""
    gaz = gaz if gaz is not None else gazetteer.bio(tokens)
    parts = [token_items(t) for t in tokens]
    keys = [fold(t) for t in tokens]
    n = len(tokens)
    out: list[dict[str, float]] = []
    for i in range(n):
        item = dict(parts[i][0])
        item[f"gz={gaz[i]}"] = 1.0
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                item.update(parts[j][1][d])
                item[f"gz{d:+d}={gaz[j]}"] = 1.0
            else:
                item[f"w{d:+d}={'<s>' if j < 0 else '</s>'}"] = 1.0
        if i > 0:
            item[f"w-1|w={keys[i - 1]}|{keys[i]}"] = 1.0
        if i < n - 1:
            item[f"w|w+1={keys[i]}|{keys[i + 1]}"] = 1.0
        out.append(item)
    return out
