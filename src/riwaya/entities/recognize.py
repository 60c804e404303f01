"""Entity recognition: the knowledge base, rules on titles and heads, and the trained CRF, combined.

Per sentence, over tokens with offsets into the original text:
1. knowledge-base names (longest match, a proclitic allowed on the first word) — type and id from the KB;
2. the CRF's spans fill what the KB does not know;
3. rules correct and complete: a span right after a person title ("وزير الإعلام السوري حمزة المصطفى",
   "العقيد ضرار الشملان") is a person — when the CRF saw nothing there, the name-like words after the
   title are taken; a kunya ("أبو محمد الجولاني") is a person; a span opened by an organisation head
   (تنظيم، وزارة، صحيفة…) is an organisation, by a place head (مدينة، بلدة، مخيم…) a place.
Spans never include a leading proclitic (و ف ب ل ك): "وألمانيا" gives the mention "ألمانيا".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import ClassVar, NamedTuple

from ..model import Article, Span
from ..registry import register
from ..text.normalize import fold, key
from ..text.terms import stopwords, stopwords_strict
from ..text.tokens import Token, sentence_tokens
from . import crf, gazetteer
from .conll import spans as bio_spans
from .kb import knowledge_base
from .lexicon import cues, first_names, strip_clitic
from .resolve import _trim_proclitic, link_article

MAX_NAME_WORDS = 4
# places the knowledge base may name with a common word ("أطار" folds to "إطار"): alone, they need support
MAJOR_PLACES = frozenset({"country", "capital", "continent", "organisation_region", "governorate", "province", "state"})


@dataclass
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    type: str
    source: str  # kb | crf | rule
    kb: tuple[str, ...] = ()
    clitic: bool = True  # the first token may carry a proclitic to leave out of the span


def _is_nisba(key: str) -> bool:
    """ "السوري", "الأمريكية", "الأميركيين": a nationality adjective after a title, not a name."""
    k = strip_clitic(key)
    return k.startswith("ال") and k.endswith(("ي", "يه", "يين", "يون", "يان")) and len(k) > 5


def _name_like(tok: Token) -> bool:
    if tok.kind not in ("word", "latin"):
        return False
    k = strip_clitic(tok.norm)
    c = cues()
    if key(tok.text, "strict") in stopwords_strict():
        return False
    if (k in stopwords() or tok.norm in stopwords()) and not tok.text.endswith("ي"):
        return False  # (loose keys fold على "on" into علي "Ali": a written ي is no preposition)
    return not (k in c.not_names or k in c.person_titles or k in c.org_heads or k in c.place_heads)


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(t.split(" ")[0] for t in cues().person_titles)


def _title_end(keys: list[str], i: int) -> int:
    """If a person title starts at token i, the index after it (titles may be several words), else i."""
    heads = _title_heads()
    if keys[i] not in heads and strip_clitic(keys[i]) not in heads:
        return i  # most words start no title
    c = cues()
    for n in (3, 2, 1):
        if i + n <= len(keys):
            for first in (keys[i], strip_clitic(keys[i])):  # "وزير" as written before a clitic reading
                if " ".join([first, *keys[i + 1 : i + n]]) in c.person_titles:
                    return i + n
    return i


def _after_modifiers(tokens: list[Token], keys: list[str], j: int) -> int:
    """Skip what stands between a title and a name: fields, nisbas, "باسم X" (ministry of information…)."""
    c = cues()
    limit = min(len(tokens), j + 5)
    while j < limit:
        k = strip_clitic(keys[j])
        modifier = k in c.not_names or _is_nisba(keys[j]) or k in c.org_heads or k in c.person_titles
        if not (modifier or (tokens[j].kind == "punct" and tokens[j].text in "،,")):
            break
        j += 1
    return j


def _name_position(tokens: list[Token], keys: list[str], i: int) -> bool:
    """Where a name can start: after nothing, punctuation, a function word, a title or a nationality —
    not after a noun it could qualify ("حكم عادل" is no person)."""
    if i == 0 or tokens[i - 1].kind == "punct":
        return True
    prev = strip_clitic(keys[i - 1])
    c = cues()
    return (prev in stopwords() or keys[i - 1] in stopwords() or prev in c.person_titles or _is_nisba(keys[i - 1])
            or prev in c.not_names or prev in c.name_before)


_OPEN_QUOTES = "«“\"„”"
_CLOSE_QUOTES = "»”\"“"


def _organisation_rules(tokens: list[Token], keys: list[str], taken: list[bool]) -> list[Mention]:
    """Organisations the KB and the CRF missed:
    - a quoted name opened by, or right after, an organisation head: جماعة “أنصار السنة”,
      رئيس "الفرقة السورية للطوارئ" (the quotes are left out of the span);
    - a head followed by definite words: "جهاز الاستخبارات العامة", "وزارة الداخلية السورية".
    """
    c = cues()
    out: list[Mention] = []
    n = len(tokens)
    i = 0
    while i < n:
        if tokens[i].text in _OPEN_QUOTES:
            j = i + 1
            while j < n and j - i <= 7 and tokens[j].text not in _CLOSE_QUOTES:
                j += 1
            inside = range(i + 1, j)
            if j < n and 1 <= len(inside) <= 6 and not any(taken[x] for x in inside):
                head_before = i > 0 and (strip_clitic(keys[i - 1]) in c.org_heads or keys[i - 1] in ("باسم", "اسم"))
                title_before = i > 0 and strip_clitic(keys[i - 1]) in c.person_titles
                first = strip_clitic(keys[i + 1])
                head_inside = first in c.org_heads or (first.startswith("ال") and "ال" + first[2:] in c.org_heads) or (
                    first[2:] in c.org_heads if first.startswith("ال") else False)
                if head_before or (head_inside and (title_before or len(inside) > 1)):
                    out.append(Mention(i + 1, j, "ORG", "rule"))
                    for x in inside:
                        taken[x] = True
                i = j + 1
                continue
        head = strip_clitic(keys[i])
        if head in c.org_heads and head not in c.loose_org_heads and not taken[i] and tokens[i].kind == "word":
            j = i + 1
            while j < n and j - i <= 4 and not taken[j] and tokens[j].kind == "word" and (
                strip_clitic(keys[j]).startswith("ال") and keys[j] not in stopwords()
            ):
                j += 1
            if j - i >= 2:
                out.append(Mention(i, j, "ORG", "rule"))
                for x in range(i, j):
                    taken[x] = True
                i = j
                continue
        i += 1
    return out


def _reporting_verb(key_: str) -> bool:
    """A reporting verb ("يرجحون", "وأكد"): the tagger sometimes takes one for a name after a source."""
    from ..attribution.lexicon import lexicon

    cues = lexicon().cues
    cue = cues.get((key_,)) or (cues.get((key_[1:],)) if key_[:1] in "وف" and len(key_) > 3 else None)
    return cue is not None and cue.type in ("verb", "relay_verb")


def _spans_from_bio(labels: list[str]) -> list[tuple[int, int, str]]:
    return sorted(bio_spans(labels))


def tag_only(tokens: list[Token], model: str = crf.MODEL) -> list[Mention]:
    """The trained tagger alone, for token-level evaluation (`riwaya entities --conll`): its gazetteer
    features already carry the knowledge base, in the annotation convention it was trained on."""
    return [Mention(s, e, t, "crf") for s, e, t in _spans_from_bio(crf.tag([t.text for t in tokens], model))]


class LookedUp(NamedTuple):
    """A sentence's surfaces, their folded keys, its knowledge-base matches and their BIO tags (a tagger
    feature)."""

    surfaces: list[str]
    keys: list[str]
    matches: list[gazetteer.Match]
    gaz: list[str]


def _gazetteer(tokens: list[Token]) -> LookedUp:
    surfaces = [t.text for t in tokens]
    keys = list(map(fold, surfaces))
    matches = gazetteer.find(surfaces, keys=keys)
    gaz = ["O"] * len(tokens)
    for m in matches:
        gaz[m.start] = f"B-{m.type}"
        for j in range(m.start + 1, m.end):
            gaz[j] = f"I-{m.type}"
    return LookedUp(surfaces, keys, matches, gaz)


def recognize_tokens(tokens: list[Token], use_crf: bool = True, model: str = crf.MODEL) -> list[Mention]:
    """Entity mentions over one sentence's tokens."""
    if not tokens:
        return []
    found = _gazetteer(tokens)
    return _recognize(tokens, found, crf.tag(found.surfaces, model, found.gaz) if use_crf else None)


def _recognize(tokens: list[Token], found: LookedUp, crf_labels: list[str] | None) -> list[Mention]:
    """Mentions from the knowledge-base matches, the tagger's labels (None: no tagger) and the rules."""
    use_crf = crf_labels is not None
    crf_labels = crf_labels if crf_labels is not None else ["O"] * len(tokens)
    matches, keys = found.matches, found.keys
    taken = [False] * len(tokens)
    mentions: list[Mention] = []
    kb = knowledge_base()
    c = cues()
    for m in matches:
        minor = all(kb.entities[x].type == "LOC" and kb.entities[x].kind not in MAJOR_PLACES for x in m.ids)
        if m.end - m.start == 1 and minor and (
            crf_labels[m.start] == "O" and not (m.start > 0 and strip_clitic(keys[m.start - 1]) in c.place_heads)
        ):
            continue  # a small place named like a common word ("أطار"/"إطار") needs the tagger or a head
        mentions.append(Mention(m.start, m.end, m.type, "kb", m.ids, m.clitic))
        for j in range(m.start, m.end):
            taken[j] = True
    if use_crf:
        for s, e, typ in _spans_from_bio(crf_labels):
            if not any(taken[s:e]) and typ in ("PER", "ORG", "LOC", "MISC"):
                mentions.append(Mention(s, e, typ, "crf"))
                for j in range(s, e):
                    taken[j] = True
    given = first_names()
    by_start = {m.start: m for m in mentions}
    i = 0
    while i < len(tokens):
        end = _title_end(keys, i)
        if end > i:
            j = _after_modifiers(tokens, keys, end)
            m = by_start.get(j)
            nxt = by_start.get(j + 1)
            if m is None and nxt is not None and nxt.source == "crf" and not taken[j] and _name_like(tokens[j]):
                # the CRF saw only the family name: "الباحث علي [تمي]"
                del by_start[j + 1]
                nxt.start, m = j, nxt
                by_start[j] = m
                taken[j] = True
            if m is not None and m.source == "crf":
                m.type = "PER"
                if m.end - m.start == 1 and m.end < len(tokens) and not taken[m.end] and _name_like(tokens[m.end]) and (
                    strip_clitic(keys[m.start]) in given or keys[m.start] in given
                ):
                    taken[m.end] = True  # "المحلل [وائل] علوان": the family name after the given name
                    m.end += 1
            elif m is None and j < len(tokens) and not taken[j] and _name_like(tokens[j]) and (
                strip_clitic(keys[j]) in given or keys[j] in given or strip_clitic(keys[j]) in c.kunya
            ):
                # a title, then a given name: "العقيد ضرار الشملان", "الأدميرال براد كوبر"
                k = j
                while (
                    k < len(tokens)
                    and k - j < 3
                    and not taken[k]
                    and _name_like(tokens[k])
                    and (k == j or not tokens[k].norm.startswith("و"))
                ):
                    k += 1
                if k - j >= 2:
                    mentions.append(Mention(j, k, "PER", "rule"))
                    for x in range(j, k):
                        taken[x] = True
            i = max(end, i + 1)
            continue
        if (strip_clitic(keys[i]) in given or keys[i] in given) and not taken[i] and tokens[i].kind == "word":
            nxt = by_start.get(i + 1)
            if nxt is not None and nxt.source == "crf" and nxt.type in ("PER", "MISC"):
                del by_start[i + 1]
                nxt.start, nxt.type = i, "PER"  # a given name before the CRF's family name
                by_start[i] = nxt
                taken[i] = True
                i = nxt.end
                continue
        if strip_clitic(keys[i]) in c.kunya and i + 1 < len(tokens) and not taken[i] and _name_like(tokens[i + 1]):
            k = i + 1
            while k < len(tokens) and k - i < MAX_NAME_WORDS and not taken[k] and _name_like(tokens[k]):
                k += 1
            mentions.append(Mention(i, k, "PER", "rule"))
            for x in range(i, k):
                taken[x] = True
            i = k
            continue
        i += 1
    mentions.extend(_organisation_rules(tokens, keys, taken))
    mentions = [
        m for m in mentions if not (m.end - m.start == 1 and m.source != "kb" and _reporting_verb(keys[m.start]))
    ]
    for m in mentions:
        if m.source != "crf":
            continue
        head = strip_clitic(keys[m.start])
        if head in c.org_heads and m.end - m.start > 1:
            m.type = "ORG"
        elif head in c.place_heads and m.end - m.start > 1:
            m.type = "LOC"
    return sorted(mentions, key=lambda m: m.start)


def _family_names(seen: list[tuple[list[Token], list[Mention]]]) -> frozenset[str]:
    """Last words of the full person names the article gives ("عبدالعزيز العنجري" → العنجري)."""
    c = cues()
    out = set()
    for tokens, found in seen:
        for m in found:
            if m.type == "PER" and m.end - m.start >= 2:
                last = strip_clitic(key(tokens[m.end - 1].text))
                if len(last) >= 3 and last not in stopwords() and last not in c.not_names and last not in first_names():
                    out.add(last)
    return frozenset(out)


def _family_names_again(tokens: list[Token], found: list[Mention], family: frozenset[str]) -> list[Mention]:
    """The person named again by the family name alone ("وفق العنجري", "وأضاف براك"), where nothing else
    was recognised: one document, one person per family name."""
    if not family:
        return []
    taken = [False] * len(tokens)
    for m in found:
        for j in range(m.start, m.end):
            taken[j] = True
    out = []
    for i, t in enumerate(tokens):
        if not taken[i] and t.kind == "word" and strip_clitic(key(t.text)) in family:
            out.append(Mention(i, i + 1, "PER", "doc"))
    return out


@register
class EntityStage:
    """Layer "entities": mentions with type (PER/ORG/LOC/MISC) and, when known, knowledge-base ids."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, use_crf: bool = True):
        self.use_crf = use_crf

    def __call__(self, article: Article) -> Article:
        return self.pipe([article])[0]

    def pipe(self, articles: list[Article]) -> list[Article]:
        """The stage over a batch of articles: the tagger decodes all their sentences side by side (its
        Viterbi steps cost the same for one sentence or hundreds); the labels are those of one at a time."""
        per_article = []
        for article in articles:
            units = article.spans("sentences") or [Span(0, len(article.text))]
            # a hashtag's marks are decoration: "#وحدات_حماية_الشعب" names the units as the words do
            sentences = [[t for t in sentence_tokens(article.text, unit.start, unit.end) if t.text not in "_#"]
                         for unit in units]
            per_article.append((sentences, [_gazetteer(tokens) for tokens in sentences]))
        tagged = [(x.surfaces, x.gaz) for _, looked_up in per_article for x in looked_up]
        labels = iter(crf.tag_many(tagged) if self.use_crf else [None] * len(tagged))
        for article, (sentences, looked_up) in zip(articles, per_article, strict=True):
            self._entities(article, sentences, looked_up, [next(labels) for _ in sentences])
        return articles

    def _entities(self, article: Article, sentences: list[list[Token]], looked_up: list[LookedUp],
                  labels: list[list[str] | None]) -> None:
        kb = knowledge_base()
        spans: list[Span] = []
        seen: list[tuple[list[Token], list[Mention]]] = [
            (tokens, _recognize(tokens, found, tags) if tokens else [])
            for tokens, found, tags in zip(sentences, looked_up, labels, strict=True)
        ]
        for tokens, found in seen:
            found = found + _family_names_again(tokens, found, _family_names(seen))
            for m in sorted(found, key=lambda x: x.start):
                first, last = tokens[m.start], tokens[m.end - 1]
                start = _trim_proclitic(first, article.text) if m.clitic else first.start
                end = last.end
                if start >= end:
                    continue
                attrs: dict[str, object] = {"source": m.source}
                if m.kb:
                    attrs["kb"] = list(m.kb)
                    attrs["kind"] = kb.entities[m.kb[0]].kind
                spans.append(Span(start, end, m.type, attrs))
        article.layers["entities"] = spans
        link_article(article)
