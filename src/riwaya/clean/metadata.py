"""Per-article stages that read page metadata: the outlet and the publication date."""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar

from ..model import Article
from ..registry import register
from ..resources import load_toml
from ..text.normalize import fold
from ..time.dateline import parse_metadata_date
from .outlets import interview_outlets, media_index


@register
class OutletStage:
    """The publishing outlet, strongest evidence first; null when the page does not say.

    Order: the container's outlet field or og:site_name, then the URL's domain, then a credit line
    ("المصدر: عربي21"), then a copyright footer, then interviews given *to* an outlet in the text
    ("قال علوان لـ"إرم نيوز""). Hints come from the whole page, so a second article on the same
    page shares them.
    """

    name: ClassVar[str] = "outlet"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("outlet",)

    def __call__(self, article: Article) -> Article:
        if article.outlet:
            return article
        index = media_index()
        hints = article.meta.get("page", {})
        for basis, value in (("metadata", hints.get("outlet")), ("metadata", hints.get("sitename"))):
            if value:
                known = index.lookup(value) or index.domain(value)
                article.outlet, article.outlet_basis = (known.name if known else _bare_name(value)), basis
                return article
        for value in (hints.get("url"), hints.get("hostname"), article.url):
            known = index.domain(value)
            if known:
                article.outlet, article.outlet_basis = known.name, "domain"
                return article
        for item in hints.get("furniture", []):
            if item["kind"] == "credit" and item.get("name"):
                known = index.lookup(item["name"]) or index.find(item["name"])
                name = known.name if known else _plain_credit(item["name"])
                if name:
                    article.outlet, article.outlet_basis = name, "credit"
                    return article
        for item in hints.get("furniture", []):
            if item["kind"] == "copyright":
                known = index.find(item["text"])
                name = known.name if known else _copyright_holder(item["text"])
                if name:
                    article.outlet, article.outlet_basis = name, "copyright"
                    return article
        found = Counter(interview_outlets(article.text, index))
        if found:
            article.outlet, article.outlet_basis = found.most_common(1)[0][0], "text"
        return article


def _plain_credit(name: str) -> str | None:
    """An unknown outlet named on a credit line, unless it is a generic credit ("وكالات", "مواقع")."""
    name = name.strip(' .:-–"«»“”')
    generic = {fold(g) for g in load_toml("cleaning", "furniture.toml")["credits"]["generic"]}
    if not name or fold(name) in generic or len(name.split()) > 4:
        return None
    return _bare_name(name)


def _outlet_words(key: str) -> set[str]:
    return {fold(w) for w in load_toml("cleaning", "furniture.toml")["outlet"][key]}


def _bare_name(name: str) -> str:
    """An unknown outlet's name without a head noun: "صحيفة الفجر الجديد" → "الفجر الجديد"."""
    words = name.strip(' .:-–"«»“”').split()
    if len(words) > 1 and fold(words[0]) in _outlet_words("name_heads"):
        words = words[1:]
    return " ".join(words)


def _copyright_holder(line: str) -> str | None:
    """The holder named on a copyright line, minus the formula, years and company words."""
    first = re.split(r"\s[-–—|]\s", line.replace("©", " ").replace("(c)", " ").replace("(C)", " "))
    skip = _outlet_words("copyright_words")
    for chunk in first:
        words = [w.strip(".,،:") for w in chunk.split()]
        words = [w for w in words if w and fold(w).lower() not in skip and not re.fullmatch(r"[\d\-–]+", w)]
        if 1 <= len(words) <= 5:
            return _bare_name(" ".join(words))
    return None


@register
class PublishedStage:
    """The publication date from the container's metadata, else from a date line at the page's head."""

    name: ClassVar[str] = "published"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("published",)

    def __call__(self, article: Article) -> Article:
        if article.published:
            return article
        hints = article.meta.get("page", {})
        date = parse_metadata_date(hints.get("published"))
        if date:
            article.published, article.published_basis = date, "metadata"
            return article
        datelines = article.meta.get("datelines") or []
        if datelines:
            article.published, article.published_basis = datelines[0], "dateline"
        return article
