"""CoNLL-style token files: reading them, and entity-level scores (conlleval's exact-span matching)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def read_tokens(lines: Iterator[str]) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, rest-of-line) pairs; anything after the first space is the rest."""
    sent: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\n\r")
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        tok, _, rest = line.strip(" ").partition(" ")
        sent.append((tok, rest.strip()))
    if sent:
        yield sent


def read_conll(file: Path) -> list[tuple[list[str], list[str]]]:
    with file.open(encoding="utf-8-sig") as f:
        return [([t for t, _ in s], [lab or "O" for _, lab in s]) for s in read_tokens(f)]


def spans(labels: list[str]) -> set[tuple[int, int, str]]:
    out, start, typ = set(), None, None
    for i, lab in enumerate([*labels, "O"]):
        if lab.startswith("B-") or lab == "O" or (lab.startswith("I-") and lab[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, lab[2:]) if lab != "O" else (None, None)
    return out


def entity_scores(gold: list[list[str]], pred: list[list[str]]) -> dict[str, tuple[float, float, float, int]]:
    """Per type and overall: (precision, recall, F1, gold count), exact span and type."""
    tally: dict[str, list[int]] = {}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for typ in {t for *_, t in gs | ps} | {"ALL"}:
            row = tally.setdefault(typ, [0, 0, 0])
            gt = {s for s in gs if typ in ("ALL", s[2])}
            pt = {s for s in ps if typ in ("ALL", s[2])}
            row[0] += len(gt & pt)
            row[1] += len(pt)
            row[2] += len(gt)
    out = {}
    for typ, (tp, np_, ng) in sorted(tally.items()):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        out[typ] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, ng)
    return out


def tokens_of_words(words: list[str]) -> list:  # list[Token]
    """Tokens for pre-tokenised words (a CoNLL file), laid out in a text joined by spaces."""
    from ..text.tokens import _TOKEN, Token, _other, _word

    out = []
    pos = 0
    for w in words:
        m = _TOKEN.fullmatch(w)
        kind = (m.lastgroup if m else None) or ("word" if any(ch.isalpha() for ch in w) else "punct")
        if kind == "word":
            norm, base, prefixes, suffix = _word(w)
            out.append(Token(pos, pos + len(w), w, norm, base, prefixes, suffix, kind))
        else:
            norm = _other(w, kind)
            out.append(Token(pos, pos + len(w), w, norm, norm, (), "", kind))
        pos += len(w) + 1
    return out


def tag_conll(lines, out) -> int:  # type: ignore[no-untyped-def]
    """Read `token …` lines (blank line between sentences), write `token<TAB>LABEL`; returns sentences."""
    from .recognize import tag_only

    n = 0
    first = True
    for sent in read_tokens(lines):
        words = [t for t, _ in sent]
        labels = ["O"] * len(words)
        for m in tag_only(tokens_of_words(words)):
            labels[m.start] = f"B-{m.type}"
            for j in range(m.start + 1, m.end):
                labels[j] = f"I-{m.type}"
        if not first:
            out.write("\n")
        first = False
        for w, lab in zip(words, labels, strict=True):
            out.write(f"{w}\t{lab}\n")
        n += 1
    return n
