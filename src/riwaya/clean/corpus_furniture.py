"""Furniture only the corpus can show: lines that are other articles' headlines, and lines an outlet repeats.

One page cannot tell that "توجيه الاتهام إلى الروسي أندري لوجوفي في مقتل ليتفينينكو" is a link and not a
heading, nor that "يمكنكم تسلم إشعارات بأهم الموضوعات…" is the outlet's app notice: the store can.
- a short line inside an article's body that is, word for word, the title of another stored article is
  a link to it;
- a line that recurs in `min_articles` or more articles of one outlet and has little to do with the
  articles around it (on average, few of its words appear elsewhere in each) is that outlet's furniture:
  app and newsletter notices, disclaimers, bylines. Background paragraphs an outlet repeats in every
  article of a story share the story's words and stay.
Both are counted over the whole store, so a new outlet's furniture is found without a new rule. The
articles that held such lines are cleaned again and analysed anew (`engine.corpus.refurnish`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article
from ..resources import load_toml
from ..text.normalize import fold
from ..text.terms import terms
from .line_model import is_candidate


@dataclass(frozen=True)
class Found:
    start: int
    end: int  # the line's span in the article's text (its line break not included)
    kind: str  # "related" (another article's title) or "repeated" (the outlet's furniture)


def _settings() -> dict:
    return load_toml("cleaning", "furniture.toml")["corpus"]


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, off = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((off, off + len(raw), raw))
        off += len(raw) + 1
    return out


_LEADS = (":", "：", "..", "…")  # a line that leads into what follows it ("لا يبقى إلا أن أقول:") is text


def _key(line: str) -> str:
    return fold(line).strip(" .:،,-–—\"'«»“”")


def find(articles: Iterable[Article]) -> dict[str, list[Found]]:
    """Lines to remove, per article id, from every stored article (id, outlet, title and text needed)."""
    cfg = _settings()
    min_articles, max_chars = int(cfg["min_articles"]), int(cfg["max_chars"])
    titles: dict[str, set[str]] = defaultdict(set)  # folded title -> the articles titled so
    repeats: dict[tuple[str, str], set[str]] = defaultdict(set)  # (outlet, folded line) -> articles
    kept: list[tuple[str, str, str, list[tuple[int, int, str]]]] = []
    for a in articles:
        lines = _lines(a.text)
        if a.title:
            titles[_key(a.title)].add(a.id)
        if a.outlet:
            for _, _, raw in lines[1:]:
                # a template repeats word for word: the line as written is its key (cheap: no folding)
                if len(raw) <= max_chars and not raw.rstrip().endswith(_LEADS):
                    repeats[(a.outlet, raw.strip())].add(a.id)
        kept.append((a.id, a.outlet or "", a.title or "", lines))
    # a repeated line is the outlet's furniture when, over the articles that hold it, few of its words are
    # found in the rest of each (it is about none of them), or somewhat few and the articles are about
    # unrelated things (a story's background paragraph is about its story: its articles share its words)
    shares: dict[tuple[str, str], list[float]] = defaultdict(list)
    holders: dict[tuple[str, str], list[set[str]]] = defaultdict(list)
    for _aid, outlet, _, lines in kept:
        for n, (_, _, raw) in enumerate(lines):
            k = (outlet, raw.strip())
            if n and len(repeats.get(k, ())) >= min_articles:
                shares[k].append(_shared(raw, lines, n))
                if len(holders[k]) < SPREAD_SAMPLE:
                    holders[k].append(set().union(*(terms(x) for m, (_, _, x) in enumerate(lines) if m != n)))
    furniture = set()
    for k, v in shares.items():
        share = sum(v) / len(v)
        if share < float(cfg["unrelated_shared"]) or (
            share < float(cfg["max_shared"]) and _kinship(holders[k]) < float(cfg["max_kinship"])
        ):
            furniture.add(k)
    found: dict[str, list[Found]] = {}
    for aid, outlet, title, lines in kept:
        own = _key(title)
        out = []
        for n, (start, end, raw) in enumerate(lines):
            if n == 0:
                continue  # the headline
            if (
                is_candidate(raw)
                and len(raw.split()) >= int(cfg["min_title_words"])
                and (key := _key(raw)) != own
                and titles.get(key, set()) - {aid}
            ):
                out.append(Found(start, end, "related"))
            elif (outlet, raw.strip()) in furniture:
                out.append(Found(start, end, "repeated"))
        if out:
            found[aid] = out
    return found


SPREAD_SAMPLE = 12  # articles of a repeated line compared with each other


def _kinship(texts: list[set[str]]) -> float:
    """The mean Jaccard overlap of the articles' words, pair by pair: high within one story."""
    pairs = [(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]]
    return sum(len(a & b) / max(1, len(a | b)) for a, b in pairs) / max(1, len(pairs))


def _shared(raw: str, lines: list[tuple[int, int, str]], n: int) -> float:
    """The share of the line's words that the rest of its article also has."""
    own = terms(raw)
    if not own:
        return 0.0
    rest: set[str] = set()
    for m, (_, _, other) in enumerate(lines):
        if m != n:
            rest |= terms(other) & own
    return len(rest) / len(own)


def without(article: Article, lines: list[Found]) -> Article:
    """The article as cleaning would have given it without `lines`: text, title, source and page metadata,
    the removed lines added to the page's furniture; no layers (the stages run again)."""
    cut = sorted(lines, key=lambda f: f.start)
    pieces, at = [], 0
    for f in cut:
        pieces.append(article.text[at : f.start])
        at = f.end + 1 if article.text[f.end : f.end + 1] == "\n" else f.end
    pieces.append(article.text[at:])
    text = "".join(pieces).rstrip("\n")
    meta = dict(article.meta)
    page = dict(meta.get("page") or {})
    page["furniture"] = [*page.get("furniture", []),
                         *({"kind": f.kind, "text": article.text[f.start : f.end], "name": None} for f in cut)]
    meta["page"] = page
    return Article(text=text, source=article.source, part=article.part, title=article.title, url=article.url,
                   meta=meta)
