"""Sentences, clauses, headings and bullet items of Arabic news text, as offsets into the original text.

Downstream stages attribute quotes and claims sentence by sentence, so the units must never cut a quotation
and never glue paragraphs together. The rules are deliberately simple and predictable:

- Every line break ends a unit; a paragraph never continues on the next line.
- Inside a paragraph a unit ends after a run of ``. ! ? ؟ …`` (also ``‼ ⁉ ۔``), when what follows is the end,
  whitespace, an opening quote, or an Arabic letter (a full stop glued to the next sentence in scraped pages).
- A run made only of dots / ``…`` with two or more dots ("..", "...", "…") never ends a sentence: Arabic has
  no case to tell a continuation from a new sentence, and headlines use it as a pause ("نساء.. من هو").
  A run that also holds ``?``/``!``/``؟`` ("…؟") does end one.
- A single ``.`` does not end a sentence after an abbreviation (resources/text/abbreviations.txt), after any
  single letter (an initial: "د. أحمد", "J. Barrack") or a dotted letter run ("ق.م.", "U.S."), when a digit or
  Latin letter follows directly (3.5, 14.11.2025, pic.twitter.com), or inside a URL or e-mail address.
- Quotations: « », “ ”, „ “ and straight " are paired left to right (straight quotes toggle; a ” with no quote
  open opens one when a letter or digit follows it, as in و”التحالف”). Nothing inside the outermost closed
  quotation splits. A quote still open at the end of its paragraph is ignored: it never glues a paragraph.
  A final mark directly before a closing quote ends the sentence after the quote only when whitespace and then
  a letter, digit or quotation follow («انتهى الأمر.» وغادر → two sentences; "كفى!"، ثم → one).
- A line that begins with a bullet (• - * 1. ١- …) is a bullet item; the mark stays outside the span and
  every sentence of the item is labelled "bullet". A single-unit line with no final punctuation and at most
  ``HEADING_MAX_WORDS`` words is a "heading" ("جذور تنظيم داعش", "من معتقل أمريكي إلى رئيس في دمشق:").
- Clauses split a sentence at ، ؛ ; and at a Latin comma between Arabic words, never inside a quotation.

All scans are regular expressions over the text plus Python work per candidate mark only, so the cost is linear.
"""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from ..model import Article, Span
from ..registry import register
from ..resources import path
from .normalize import key

HEADING_MAX_WORDS = 20

_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() breaks at
_PARAGRAPH = re.compile(f"[^{_BREAKS}]+")
_RUN = re.compile(r"[.!?؟…۔‼⁇⁈⁉]+")
_FINAL = frozenset(".!?؟…۔‼⁇⁈⁉")
_QUOTE = re.compile(r"[«»“”„\"]")
_OPENERS = frozenset('«“„"')
_CLOSERS = {"«": "»", "“": "”“", "„": "“”", "”": "”“", '"': '"'}
_TRAILING = frozenset("\"'«»“”„’")  # stray quote marks a sentence keeps after its final mark
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_BULLET = re.compile(
    rf"[^\S{_BREAKS}]*(?:[•●▪◦■►▸◆·]|[-–—*](?=\s)"
    rf"|(?:[0-9]{{1,3}}|[\u0660-\u0669]{{1,3}}|[\u06f0-\u06f9]{{1,3}})(?:\.(?=\s)|\)|\s?[-–](?![\s{_DIGIT}]*[{_DIGIT}])))"
    r"\s*(?=\S)"
)
_AR = "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc\u06ff"
_AR_LETTER = re.compile(f"[{_AR}]")
_CLAUSE = re.compile(rf"[،؛;]|(?<=[{_AR}]),(?=\s*[{_AR}])")
_SPACE = re.compile(r"\s*")
_LETTER = re.compile(r"[^\W\d_]")
_URL = re.compile(r"(?:https?://|www\.)[^\s«»“”\"<>]*[^\s«»“”\"<>.,!?؟،:;)\]]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


@cache
def abbreviations() -> frozenset[str]:
    """The abbreviations (strict form, without the final dot) after which a full stop does not end a sentence."""
    out: set[str] = set()
    for line in path("text", "abbreviations.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().rstrip(".")
        if word:
            out.add(key(word, "strict"))
    return frozenset(out)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text` (headings and bullet items included), trimmed, in order."""
    return [(s, e) for s, e, _ in sentence_units(text)]


def sentence_units(text: str) -> list[tuple[int, int, str]]:
    """Sentence spans with their label: "sentence", "heading" or "bullet"."""
    out: list[tuple[int, int, str]] = []
    for para in _PARAGRAPH.finditer(text):
        start, end = para.span()
        bullet = _BULLET.match(text, start, end)
        label = "sentence"
        if bullet:
            start, label = bullet.end(), "bullet"
        parts = _split_paragraph(text, start, end)
        if label == "sentence" and len(parts) == 1 and _is_heading(text[parts[0][0] : parts[0][1]]):
            label = "heading"
        out.extend((s, e, label) for s, e in parts)
    return out


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of the sentence `text[start:end]`: cut at ، ؛ ; and Arabic-flanked commas, outside quotes."""
    start, end = _trim(text, start, end)
    regions = _quote_regions(text, start, end)
    out: list[tuple[int, int]] = []
    prev, ri = start, 0
    for m in _CLAUSE.finditer(text, start, end):
        p = m.start()
        while ri < len(regions) and regions[ri][1] < p:
            ri += 1
        if ri < len(regions) and regions[ri][0] < p:
            continue
        s, e = _trim(text, prev, p)
        if s < e:
            out.append((s, e))
        prev = m.end()
    s, e = _trim(text, prev, end)
    if s < e:
        out.append((s, e))
    return out


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph `text[start:end]` (no line break inside), trimmed."""
    regions = _quote_regions(text, start, end)
    opens = {o for o, _ in regions}
    masked = _masked(text, start, end)
    cuts: list[int] = []
    ri = mi = 0
    for m in _RUN.finditer(text, start, end):
        a, b = m.span()
        while ri < len(regions) and regions[ri][1] < a:
            ri += 1
        if ri < len(regions) and regions[ri][0] < a:  # inside a quotation
            close = regions[ri][1]
            j = b
            while j < close and text[j] in _TRAILING:  # closing marks of nested quotations
                j += 1
            if j == close and _ends(m.group()):
                after = close + 1
                if after < end and text[after].isspace() and _starts_sentence(text, after, end, opens):
                    cuts.append(after)
            continue
        run = m.group()
        if not _ends(run):
            continue
        while mi < len(masked) and masked[mi][1] <= a:
            mi += 1
        if mi < len(masked) and masked[mi][0] <= a:
            continue
        if run == "." and _keeps_dot(text, start, a, b, end):
            continue
        e = b
        while e < end and text[e] in _TRAILING and e not in opens:
            e += 1
        if e >= end:
            break
        nxt = text[e]
        if nxt.isspace() or e in opens or _AR_LETTER.match(nxt):
            cuts.append(e)
    out: list[tuple[int, int]] = []
    prev = start
    for cut in [*cuts, end]:
        s, e = _trim(text, prev, cut)
        if s < e:
            out.append((s, e))
        prev = cut
    return out


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The outermost closed quotations in `text[start:end]`, as (opening index, closing index)."""
    stack: list[tuple[str, int]] = []
    closed: list[tuple[int, int]] = []
    for m in _QUOTE.finditer(text, start, end):
        q, p = m.group(), m.start()
        for depth in range(len(stack) - 1, -1, -1):
            if q in _CLOSERS[stack[depth][0]]:
                closed.append((stack[depth][1], p))
                del stack[depth:]
                break
        else:
            if q in _OPENERS or (q == "”" and p + 1 < end and text[p + 1].isalnum()):
                stack.append((q, p))
    if not closed:
        return []
    closed.sort()
    top: list[tuple[int, int]] = []
    for o, c in closed:
        if not top or o > top[-1][1]:
            top.append((o, c))
    return top


def _masked(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """URL and e-mail spans in the paragraph, where no mark ends a sentence."""
    para = text[start:end]
    spans: list[tuple[int, int]] = []
    if "://" in para or "www." in para:
        spans.extend(m.span() for m in _URL.finditer(text, start, end))
    if "@" in para:
        spans.extend(m.span() for m in _EMAIL.finditer(text, start, end))
    return sorted(spans)


def _ends(run: str) -> bool:
    """Whether a run of final marks can end a sentence: anything but an ellipsis of dots or "…"."""
    return run == "." or any(c not in ".…" for c in run)


def _keeps_dot(text: str, para_start: int, a: int, b: int, end: int) -> bool:
    """Whether the single dot at `a` belongs to a number, address or abbreviation rather than ending a sentence."""
    if b < end:
        nxt = text[b]
        if nxt.isdigit() or (nxt.isascii() and nxt.isalpha()):
            return True
    chunk = text[max(para_start, a - 24) : a]
    if not chunk or chunk[-1].isspace():
        return False
    word = key(chunk.split()[-1].lstrip("([{«“„\"'"), "strict")
    if not word:
        return False
    if len(word) == 1:
        return word.isalpha()
    return word in abbreviations() or _DOTTED.fullmatch(word) is not None


def _starts_sentence(text: str, pos: int, end: int, opens: set[int]) -> bool:
    m = _SPACE.match(text, pos, end)
    q = m.end() if m else pos
    return q < end and (text[q].isalnum() or q in opens)


def _is_heading(unit: str) -> bool:
    body = unit.rstrip("\"'«»“”„’)]} \t")
    if not body or body[-1] in _FINAL:
        return False
    return len(unit.split()) <= HEADING_MAX_WORDS and _LETTER.search(unit) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    seg = text[start:end]
    left = seg.lstrip()
    s = start + len(seg) - len(left)
    return s, s + len(left.rstrip())


@register
class SentenceStage:
    """Sentence units (sentence / heading / bullet) and the clauses inside them."""

    name: ClassVar[str] = "sentences"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences", "clauses")

    def __call__(self, article: Article) -> Article:
        text = article.text
        sentences: list[Span] = []
        clauses: list[Span] = []
        for i, (s, e, label) in enumerate(sentence_units(text)):
            attrs = {"heading": True} if label == "heading" else {"bullet": True} if label == "bullet" else {}
            sentences.append(Span(s, e, label, attrs))
            clauses.extend(Span(cs, ce, "clause", {"sentence": i}) for cs, ce in split_clauses(text, s, e))
        article.layers["sentences"] = sentences
        article.layers["clauses"] = clauses
        return article
