"""Entity resolution: within an article (short forms, anaphora) and across the corpus.

Within an article every mention gets a key:
- a knowledge-base mention: ``kb:<id>`` (an ambiguous alias takes the candidate already seen);
- a short form ("الشرع", "علوان") takes the key of the earlier full name it ends ("أحمد الشرع");
- a definite noun such as "الصحيفة", "الوكالة", "المديرية" takes the key of the last entity of its kind
  (from the cue lexicon's [anaphora] table) and becomes a mention of it;
- any other name: ``name:<folded name>``.
Across the corpus, keys are entities; a lone short form from one article joins a full name from
another only when exactly one full name in the corpus ends with it (strong evidence), so
"المصطفى" never becomes "معاذ مصطفى".
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from ..model import Article, Span
from ..resources import load_toml
from ..text.normalize import fold
from ..text.normalize import key as loose_key
from ..text.tokens import Token, sentence_tokens, tokenize, word_spans
from .kb import knowledge_base
from .lexicon import PROCLITICS, base, strip_clitic


@cache
def _anaphora() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    table = load_toml("entities", "cues.toml")["anaphora"]
    return {
        fold(noun): (frozenset(spec["kinds"]), frozenset(base(fold(h)) for h in spec["heads"]))
        for noun, spec in table.items()
    }


def _name_key(surface: str) -> str:
    words = fold(surface).split()
    if words:
        words[0] = strip_clitic(words[0])
    return " ".join(words)


def _repeated_names(text: str, mentions: list[Span]) -> list[Span]:
    """A name recognised once in an article is a mention wherever else it is written there
    ("“أنصار السنة” قد تكون فصيلاً…" after "جماعة … اسم "أنصار السنة""), even without the context that
    made it recognisable."""
    covered = [(m.start, m.end) for m in mentions]
    seen: dict[str, Span] = {}
    for m in mentions:
        surface = text[m.start : m.end]
        if len(surface.split()) >= 2 and m.attrs.get("source") != "anaphora":
            seen.setdefault(surface, m)
    out = []
    for surface, m in seen.items():
        e = 0
        while (s := text.find(surface, e)) >= 0:  # every occurrence, left to right, not overlapping
            e = s + len(surface)
            if any(a < e and s < b for a, b in covered):
                continue
            glued_before = s > 0 and text[s - 1].isalnum() and text[s - 1] not in "وبلفك"
            if glued_before or (e < len(text) and text[e].isalnum()):
                continue  # inside a longer word
            out.append(Span(s, e, m.label, {"source": "repeat", "key": m.attrs["key"]}))
            covered.append((s, e))
    return out


def _short_form_key(s: Span, words: list[str], full_names: list[tuple[int, list[str], str, str]]) -> str | None:
    """The key of the longer name a short form stands for in this article: a family name ends a
    person's name ("الشرع" → "أحمد الشرع"); an organisation's short form opens its full name
    ("مديرية الإعلام" → "مديرية الإعلام في رئاسة الجمهورية", "المديرية" → "مديرية الإعلام"). The nearest
    full name before the mention wins, else the first after it."""
    if not words:
        return None

    def fits(ws: list[str], typ: str) -> bool:
        if len(ws) <= len(words) or typ != s.label:
            return False
        if typ == "PER":
            return len(words) == 1 and ws[-1] == words[0]
        if typ == "ORG":
            return base(ws[0]) == base(words[0]) and ws[1 : len(words)] == words[1:]
        return False

    before = [k for pos, ws, k, t in full_names if pos < s.start and fits(ws, t)]
    after = [k for pos, ws, k, t in full_names if pos > s.start and fits(ws, t)]
    return before[-1] if before else after[0] if after else None


_NAMING = frozenset({"اسم", "باسم", "تدعي", "يدعي", "تسمي", "يسمي", "المعروفه", "المعروف", "المسماه", "المسمي"})


def _heads_before(text: str, pos: int) -> list[str]:
    """Bases of the word before `pos` — and, after a naming phrase ("تطلق على نفسها اسم", "تُدعى"), of the
    few words before that — passing over quotation marks."""
    raw = text[max(0, pos - 80) : pos].split()[-7:]
    last = next((b for b in map(_head_base, reversed(raw)) if b), None)  # most often all that is needed
    if last is None:
        return []
    if last in _NAMING:
        return [w for w in map(_head_base, raw) if w][:-1][-5:]
    return [last]


def _head_base(word: str) -> str:
    return base(fold(word.strip("«»“”\"'")))


def link_article(article: Article) -> None:
    """Give every entity mention a key (attrs["key"]) and add anaphoric mentions ("الصحيفة")."""
    kb = knowledge_base()
    text = article.text
    mentions = sorted(article.spans("entities"), key=lambda s: s.start)
    # first pass: the knowledge-base choice and the full names of the article, wherever they stand
    chosen: dict[int, str] = {}
    seen_kb: set[str] = set()
    full_names: list[tuple[int, list[str], str, str]] = []  # (position, folded words, key, type)
    for n, s in enumerate(mentions):
        ids = list(s.attrs.get("kb") or [])
        words = _name_key(text[s.start : s.end]).split()
        if ids:
            pick = next((i for i in ids if i in seen_kb), ids[0])
            seen_kb.add(pick)
            chosen[n] = f"kb:{pick}"
            ent = kb.entities[pick]
            for name in ent.names:
                nw = _name_key(name).split()
                if len(nw) > 1:
                    full_names.append((s.start, nw, chosen[n], ent.type))
        elif len(words) > 1:
            full_names.append((s.start, words, f"name:{' '.join(words)}", s.label))
    history: list[tuple[int, str, str, str]] = []  # (start, key, first-word base, kb kind)
    out: list[Span] = []
    for n, s in enumerate(mentions):
        words = _name_key(text[s.start : s.end]).split()
        key = chosen.get(n) or _short_form_key(s, words, full_names) or f"name:{' '.join(words)}"
        kind = kb.entities[key[3:]].kind if key.startswith("kb:") else ""
        out.append(Span(s.start, s.end, s.label, {**s.attrs, "key": key}))
        history.append((s.start, key, base(words[0]) if words else "", kind))
        for head_before in _heads_before(text, s.start):
            # 'جماعة “أنصار السنة”', 'جماعة تطلق على نفسها اسم "أنصار السنة"': the head the name came with
            history.append((s.start, key, head_before, kind))
    out += _repeated_names(text, out)
    # anaphoric definite nouns
    taken = [(s.start, s.end) for s in out]
    table = _anaphora()
    for tok in _words(article):
        noun = strip_clitic(tok.norm)
        if noun not in table or any(a <= tok.start < b for a, b in taken):
            continue
        kinds, heads = table[noun]
        earlier = [h for h in reversed(history) if h[0] < tok.start]
        # the last entity named with the same head ("جماعة … أنصار السنة" for "الجماعة"), else of the same kind
        found = next((k for _, k, head, _ in earlier if head in heads), None) or next(
            (k for _, k, _, kind in earlier if kind and kind in kinds), None
        )
        if found:
            out.append(Span(_trim_proclitic(tok, text), tok.end, "ORG", {"source": "anaphora", "key": found}))
    article.layers["entities"] = sorted(out, key=lambda s: s.start)


def _words(article: Article) -> Iterable[Token]:
    """The article's word tokens: those the recogniser made sentence by sentence (remembered), when it did."""
    text, units = article.text, article.spans("sentences")
    found = (t for u in units for t in sentence_tokens(text, u.start, u.end)) if units else tokenize(text)
    return (t for t in found if t.kind == "word")


def _trim_proclitic(tok, text: str) -> int:  # type: ignore[no-untyped-def]
    """Where a mention starts in its first token: after و/ف/ب/ل/ك, but ل before the article stays."""
    prefixes = [p for p in tok.prefixes if p in PROCLITICS]
    if not prefixes or (prefixes[-1] == "ل" and "ال" in tok.prefixes):
        return tok.start
    start = tok.start
    for p in prefixes:
        while start < tok.end - 1 and fold(text[start]) != p:
            start += 1  # a diacritic on the clitic
        start += 1
    while start < tok.end - 1 and (text[start] == "\u0640" or fold(text[start]) == ""):
        start += 1
    return start


class Mention(NamedTuple):
    """One mention as the corpus step keeps it: no article object, so the corpus can be streamed."""

    article: str
    start: int
    end: int
    surface: str
    label: str
    source: str | None


Articles = Iterable[Article] | Callable[[], Iterable[Article]]
_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def _each(articles: Articles) -> Iterable[Article]:
    """The articles afresh: a stream is a function that reads them again (a list is just walked again)."""
    return articles() if callable(articles) else articles


def _surnames_alone(articles: Articles, groups: dict[str, list[Mention]], full_by_last: dict[str, set[str]],
                    surface: Callable[[str], str]) -> None:
    """A person's family name standing alone ("وقال المصطفى") where the recogniser saw no name: a
    mention of the one person in the corpus whose full name ends with it (never when two do)."""
    person = {k for k, items in groups.items() if any(m.label == "PER" for m in items) or (
        k.startswith("kb:") and knowledge_base().entities[k[3:]].type == "PER")}
    surnames = {last: next(iter(keys)) for last, keys in full_by_last.items()
                if len(keys) == 1 and next(iter(keys)) in person and last.startswith("ال") and len(last) >= 5}
    if not surnames:
        return
    written = {form for last in surnames for form in _clitic_forms(last)}  # every way a surname is written
    word_key = lru_cache(maxsize=1 << 16)(lambda w: strip_clitic(loose_key(w)))
    found: list[tuple[str, int, Mention]] = []  # (surname's entity, token start, mention), kept until the
    # articles' recognised mentions are gathered
    for a in _each(articles):
        text, loose = a.text, loose_key(a.text)
        # the letter runs of the loose text that are surnames (a token never spans two runs)
        hits = written.intersection(_LETTER_RUNS.findall(loose))
        if not hits:
            continue
        lines = text.split("\n")
        loose_lines = loose.split("\n")  # normalising keeps line breaks, so the lines pair up
        if len(loose_lines) != len(lines):
            loose_lines = [loose_key(line) for line in lines]
        at = 0
        for line, loose_line in zip(lines, loose_lines, strict=True):
            # only the lines where a surname is written are looked at (a token never spans a line break)
            if any(h in loose_line for h in hits):
                for start, end in word_spans(text, at, at + len(line)):
                    key = surnames.get(word_key(text[start:end]))
                    if key is not None:
                        begin = _trim_proclitic(tokenize(text, start, end)[0], text)  # analysed only when named
                        mention = Mention(a.id, begin, end, surface(text[begin:end]), "PER", "surname")
                        found.append((key, start, mention))
            at += len(line) + 1
    # not where the recogniser saw a name: every recognised mention is in `groups` (all carry a key)
    named = {m.article for _, _, m in found}
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for items in groups.values():
        for m in items:
            if m.article in named:
                covered[m.article].append((m.start, m.end))
    for key, token_start, m in found:
        if not any(x <= token_start < y for x, y in covered[m.article]):
            groups[key].append(m)


def _clitic_forms(surname: str) -> set[str]:
    """Every word that `strip_clitic` makes `surname` ("ال…"): it, with one or two proclitics before it, or
    with لل for its article (after a proclitic or not) — the only shapes strip_clitic undoes."""
    rest = surname[2:]
    shapes = {surname, "لل" + rest, *(p + surname for p in PROCLITICS), *(p + "لل" + rest for p in PROCLITICS),
              *(p + q + surname for p in PROCLITICS for q in PROCLITICS)}
    return {w for w in shapes if strip_clitic(w) == surname}


@dataclass
class Entity:
    id: str
    name: str
    type: str
    kb: str | None
    wikidata: str | None
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[str, int, int, str]] = field(default_factory=list)  # article, start, end, surface


def resolve_corpus(articles: Articles, texts: Articles | None = None) -> list[Entity]:
    """Entities across the corpus from the keyed mentions of every article. `articles` is a list or a
    function that streams them with their entity layers (read once, for the mentions); `texts` the same
    articles without layers (read once more, for family names alone; `articles` again if not given)."""
    kb = knowledge_base()
    groups: dict[str, list[Mention]] = defaultdict(list)
    outlets: dict[str, set[str]] = defaultdict(set)  # key -> outlet names: publishers are entities too
    seen: dict[str, str] = {}  # one string per distinct surface: a name is mentioned thousands of times

    def surface(text: str) -> str:
        return seen.setdefault(text, text)

    for a in _each(articles):
        for s in a.spans("entities"):
            key = s.attrs.get("key")
            if key:
                groups[key].append(Mention(a.id, s.start, s.end, surface(a.text[s.start : s.end]), s.label,
                                           s.attrs.get("source")))
        if a.outlet:
            known = kb.lookup(a.outlet)
            key = f"kb:{known[0].id}" if known else f"name:{_name_key(a.outlet)}"
            outlets[key].add(a.outlet)
            groups.setdefault(key, [])
    # a lone short form joins the one full name in the corpus that ends with it
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        if key.startswith("name:") and len(key[5:].split()) > 1:
            full_by_last[key[5:].split()[-1]].add(key)
        elif key.startswith("kb:"):
            for name in kb.entities[key[3:]].names:
                ws = _name_key(name).split()
                if len(ws) > 1:
                    full_by_last[ws[-1]].add(key)
    # an institution's press office speaks for it: one voice, one entity (KB relation speaks_for)
    for r in kb.relations:
        if r.relation == "speaks_for" and f"kb:{r.subject}" in groups:
            groups[f"kb:{r.object}"].extend(groups.pop(f"kb:{r.subject}"))
            outlets[f"kb:{r.object}"] |= outlets.pop(f"kb:{r.subject}", set())
    for key in list(groups):
        if key.startswith("name:") and len(key[5:].split()) == 1:
            targets = full_by_last.get(key[5:], set())
            if len(targets) == 1:
                groups[next(iter(targets))].extend(groups.pop(key))
    _surnames_alone(texts if texts is not None else articles, groups, full_by_last, surface)
    entities: list[Entity] = []
    for key, items in sorted(groups.items()):
        surfaces = Counter(m.surface for m in items) + Counter(outlets.get(key, ()))
        types = Counter(m.label for m in items if m.source not in ("anaphora", "surname"))
        if key.startswith("kb:"):
            ent = kb.entities[key[3:]]
            e = Entity(ent.id, ent.name, ent.type, ent.id, ent.wikidata or None)
        else:
            named = [x for x in surfaces if len(x.split()) == max(len(y.split()) for y in surfaces)]
            name = max(named, key=lambda x: (surfaces[x], -len(x)))
            typ = types.most_common(1)[0][0] if types else "ORG"
            e = Entity("x:" + hashlib.sha256(key.encode()).hexdigest()[:12], name, typ, None, None)
        e.aliases = set(surfaces)
        e.mentions = sorted((m.article, m.start, m.end, m.surface) for m in items)
        entities.append(e)
    return entities
