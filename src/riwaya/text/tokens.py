"""Tokens of Arabic news text with offsets, loose keys and clitic-stripped bases for matching.

A token is an Arabic word (letters with their diacritics, tatweel and joiners), a number (ASCII or
Arabic-Indic digits with . , ٫ ٬ between digits), a Latin (or other non-Arabic) word, a dotted Latin
abbreviation ("U.S."), or a single punctuation mark. Offsets point into the original text, whose
characters the token keeps; ``norm`` is the loose key (normalize.key).

Clitics (data in resources/text/clitics.toml) are peeled off for MATCHING, so the single best guess
(``Token.base``) is conservative:

- Proclitics come in the order conjunction (و ف), preposition (ب ك ل), article (ال); ل + ال is spelled لل.
  The article is stripped when at least ``after_article`` letters remain and, when the strict form is
  known, its alef is plain (ألمانيا and إلغاء do not start with the article).
- A conjunction or preposition NOT followed by the article is stripped only with evidence: the rest is a
  known word (وقال, بحسب), or matches an evidence pattern for that clitic — a hamza-initial word (وأكد),
  an imperfect verb after و (ويقول, ونقلت), a derived verb with a connecting alef (واتهم) — and at least
  ``otherwise`` letters remain. So وزير, وكالة and كشفت keep their first letter.
- Enclitic pronouns ه ها هم هما هن are stripped when ``otherwise`` letters remain; a bare ه only when
  the strict form shows ه rather than ة. A stem left ending in ت (not ات) gets its ة back (حكومته →
  حكومه). ي ني ك كم كن كما نا are too often part of the word (سوري, لبناني, مشترك) and are only
  offered by `candidates`.
- A ``no_split`` list keeps words whose edges only look like clitics (الذي, والدة, تفاهم, يواجه), and a
  ``fixed`` table gives whole analyses the rules get wrong (للجنة = ل + ال + لجنة).
- `candidates` lists every structurally possible split (best guess first, then most to least stripped),
  so a lexicon look-up can try them in turn: وبالتحالف → تحالف, التحالف, بالتحالف, وبالتحالف.

Hamza and ة carry the evidence, and the loose form folds them away; so `split_clitics` and `candidates`
take ``form="strict"`` for a word whose hamza and ة can be trusted (a surface word or its strict key),
and treat a loose key conservatively (no hamza evidence, a final ه kept). The tokenizer uses the strict
form; `analyze` does the same for lexicon entries, so both sides of a match agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ..resources import load_toml
from .normalize import Form, key

try:  # PyStemmer (C, fast); snowballstemmer is the pure-Python port with the same interface
    import Stemmer as _stemmer_module
except ImportError:  # pragma: no cover - depends on the environment
    try:
        import snowballstemmer as _stemmer_module  # type: ignore[no-redef]
    except ImportError:
        _stemmer_module = None  # type: ignore[assignment]


class Token(NamedTuple):  # a tuple: built for every word of every text (a frozen dataclass cost ~⅓ more)
    start: int  # into the original text
    end: int
    text: str  # surface, as written
    norm: str  # loose key of the whole token
    base: str  # the loose key with clitics removed (the matching form)
    prefixes: tuple[str, ...]  # proclitics removed, in order, e.g. ("و", "ال")
    suffix: str  # enclitic pronoun removed, "" if none
    kind: str  # "word" | "number" | "latin" | "punct"


_LETTERS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc"
)
_MARKS = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u08ca-\u08ff"
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TOKEN = re.compile(
    rf"(?P<word>[{_MARKS}]*[{_LETTERS}][{_LETTERS}{_MARKS}\u200c\u200d]*)"
    rf"|(?P<number>[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*)"
    rf"|(?P<latin>(?:[A-Za-z]\.){{2,}}|[{_LATIN}](?:[{_LATIN}0-9]|['’-](?=[{_LATIN}]))*"
    rf"|(?:(?![{_LETTERS}{_MARKS}])[^\W\d_])+)"
    rf"|(?P<punct>[^\s{_INVISIBLE}{_MARKS}])"
)
_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})  # Arabic decimal and thousands separators


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`, in order, with offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "punct"
        surface = m.group()
        if kind == "word":
            norm, base, prefixes, suffix = _word(surface)
            append(Token(m.start(), m.end(), surface, norm, base, prefixes, suffix, kind))
        else:
            norm = _other(surface, kind)
            append(Token(m.start(), m.end(), surface, norm, norm, (), "", kind))
    return out


def word_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of the word tokens of `text[start:end]`, without analysing them (a cheap scan)."""
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        if m.lastgroup == "word":
            yield m.start(), m.end()


def sentence_tokens(text: str, start: int, end: int) -> list[Token]:
    """`tokenize` for one sentence of an article, remembered for a while: the entity and attribution
    stages both walk an article's sentences (tokens are immutable; each caller gets its own list)."""
    return list(_sentence_tokens(text, start, end))


@lru_cache(maxsize=2048)
def _sentence_tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(tokenize(text, start, end))


@lru_cache(maxsize=1 << 16)
def _word(surface: str) -> tuple[str, str, tuple[str, ...], str]:
    prefixes, base, suffix = split_clitics(surface, "strict")
    return key(surface, "loose"), base, prefixes, suffix


@lru_cache(maxsize=1 << 14)
def _other(surface: str, kind: str) -> str:
    if kind == "number":
        return key(surface, "strict").translate(_SEPARATORS)
    return key(surface, "loose")


def analyze(word: str) -> tuple[tuple[str, ...], str, str]:
    """(prefixes, base, suffix) of a word as written (surface or strict key) — the same analysis tokens get."""
    return split_clitics(word, "strict")


def split_clitics(word: str, form: Form = "loose") -> tuple[tuple[str, ...], str, str]:
    """(prefixes, base, suffix) of a word; base and parts in the loose form.

    `form` says what the input's letters can be trusted for: "strict" (a surface word or strict key: hamza and
    ة are evidence) or "loose" (a loose key: conservative, no hamza evidence, a final ه is kept).
    """
    loose = key(word, "loose")
    strict = key(word, "strict") if form == "strict" else None
    if strict is not None and len(strict) != len(loose):
        strict = None  # defensive: the two forms should align letter for letter
    return _split(loose, strict)


def candidates(word: str, form: Form = "loose") -> list[str]:
    """All plausible bases of a word (loose form): the best guess first, then from most to least stripped."""
    loose = key(word, "loose")
    _, best, _ = split_clitics(word, form)
    c = _clitics()
    final_ta = form == "strict" and key(word, "strict").endswith("ة")  # then a final ه is not a pronoun
    levels = [loose]
    for prefixes, surface, _article in c.chains:
        if loose.startswith(surface) and len(loose) - len(surface) >= c.min_candidate:
            levels.extend(_peel(loose, prefixes, c.article))
    forms: list[str] = []
    for level in levels:
        forms.append(level)
        for suffix in c.all_suffixes:
            stem = level[: -len(suffix)]
            if level.endswith(suffix) and len(stem) >= c.min_candidate and not (final_ta and suffix == "ه"):
                forms.append(stem)
                if stem.endswith("ت") and not stem.endswith("ات"):
                    forms.append(stem[:-1] + "ه")
    ordered = sorted(dict.fromkeys(forms), key=len)
    return [best, *(f for f in ordered if f != best)]


@cache
def _stemmer() -> Any:
    if _stemmer_module is None:
        raise ImportError("stem() needs PyStemmer (or snowballstemmer): pip install PyStemmer")
    if hasattr(_stemmer_module, "Stemmer"):  # PyStemmer
        return _stemmer_module.Stemmer("arabic")
    return _stemmer_module.stemmer("arabic")


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """The Snowball Arabic stem of a word."""
    return str(_stemmer().stemWord(word))


@dataclass(frozen=True, slots=True)
class _Clitics:
    chains: tuple[tuple[tuple[str, ...], str, bool], ...]  # (prefixes, spelling, has article), longest first
    article: str
    conjunctions: tuple[str, ...]
    min_article: int
    min_base: int
    min_candidate: int
    strip_suffixes: tuple[str, ...]
    all_suffixes: tuple[str, ...]
    evidence: dict[str, tuple[re.Pattern[str], ...]]
    known: frozenset[str]
    no_split: frozenset[str]
    fixed: dict[str, tuple[tuple[str, ...], str, str]]


@cache
def _clitics() -> _Clitics:
    data = load_toml("text", "clitics.toml")
    pro, mins, enc = data["proclitics"], data["min_base"], data["enclitics"]
    article = pro["article"]
    chains: list[tuple[tuple[str, ...], str, bool]] = []
    for conj in ["", *pro["conjunctions"]]:
        for prep in ["", *pro["prepositions"]]:
            for art in ("", article):
                prefixes = tuple(p for p in (conj, prep, art) if p)
                if prefixes:
                    spelled = conj + prep + (art[1:] if prep == "ل" and art else art)  # ل + ال → لل
                    chains.append((prefixes, spelled, bool(art)))
    chains.sort(key=lambda c: -len(c[1]))
    strip = tuple(sorted(enc["strip"], key=len, reverse=True))
    words = data["words"]
    return _Clitics(
        chains=tuple(chains),
        article=article,
        conjunctions=tuple(pro["conjunctions"]),
        min_article=int(mins["after_article"]),
        min_base=int(mins["otherwise"]),
        min_candidate=int(mins["candidate"]),
        strip_suffixes=strip,
        all_suffixes=tuple(sorted({*strip, *enc["candidates"]}, key=len, reverse=True)),
        evidence={k: tuple(re.compile(p) for p in v) for k, v in data["evidence"].items()},
        known=frozenset(key(w) for w in words["known"]),
        no_split=frozenset(key(w) for w in words["no_split"]),
        fixed={
            key(w): (tuple(key(p) for p in v["prefixes"]), key(v["base"]), key(v.get("suffix", "")))
            for w, v in data["fixed"].items()
        },
    )


@lru_cache(maxsize=1 << 16)
def _split(loose: str, strict: str | None) -> tuple[tuple[str, ...], str, str]:
    c = _clitics()
    if loose in c.fixed:
        return c.fixed[loose]
    for conj in c.conjunctions:  # وللجنة: a conjunction before a fixed analysis
        if loose.startswith(conj) and loose[len(conj) :] in c.fixed:
            prefixes, base, suffix = c.fixed[loose[len(conj) :]]
            return (conj, *prefixes), base, suffix
    if loose in c.no_split or loose in c.known:
        return (), loose, ""
    prefixes, cut = _proclitics(c, loose, strict)
    rest = loose[cut:]
    base, suffix = _enclitic(c, rest, strict[cut:] if strict is not None else None)
    return prefixes, base, suffix


def _proclitics(c: _Clitics, loose: str, strict: str | None) -> tuple[tuple[str, ...], int]:
    """The proclitics to strip and where the rest starts.

    In order: the longest chain ending in the article; else the chain that leaves the longest known word
    (وكان → و + كان, not و + ك + ان); else the longest chain whose rest shows the evidence for its last clitic.
    """
    matching = [(p, len(s), a) for p, s, a in c.chains if loose.startswith(s)]
    for prefixes, n, has_article in matching:
        if has_article and len(loose) - n >= c.min_article and (strict is None or strict.startswith(loose[:n])):
            return prefixes, n
    plain = [(p, n) for p, n, a in matching if not a]
    for prefixes, n in reversed(plain):  # shortest chain first: the longest rest
        if loose[n:] in c.known and len(loose) - n >= c.min_candidate:
            return prefixes, n
    for prefixes, n in plain:
        if len(loose) - n < c.min_base:
            continue
        probe = strict[n:] if strict is not None else loose[n:]
        if any(p.search(probe) for p in c.evidence.get(prefixes[-1], ())):
            return prefixes, n
    return (), 0


def _enclitic(c: _Clitics, rest: str, strict: str | None) -> tuple[str, str]:
    if rest in c.no_split or rest in c.known:
        return rest, ""
    for suffix in c.strip_suffixes:
        if not rest.endswith(suffix) or len(rest) - len(suffix) < c.min_base:
            continue
        if suffix == "ه" and (strict is None or not strict.endswith("ه")):
            continue  # a loose ه may be ة
        stem = rest[: -len(suffix)]
        if stem.endswith("ت") and not stem.endswith("ات") and len(stem) >= 4:
            stem = stem[:-1] + "ه"  # the ة of حكومة is written ت before a pronoun: حكومته
        return stem, suffix
    return rest, ""


def _peel(loose: str, prefixes: tuple[str, ...], article: str) -> list[str]:
    """The word with its proclitics removed one by one: وبالتحالف → بالتحالف, التحالف, تحالف."""
    out: list[str] = []
    cur = loose
    for i, p in enumerate(prefixes):
        before_article = p == "ل" and i + 1 < len(prefixes) and prefixes[i + 1] == article
        cur = article + cur[2:] if before_article else cur[len(p) :]  # للصحيفه → الصحيفه
        out.append(cur)
    return out
