"""The per-article stage that finds and resolves date expressions against the publication date."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from ..model import Article, Span
from ..registry import register
from .expressions import DateMention, find_dates


def base_date(article: Article) -> date | None:
    if article.published and len(article.published) == 10:
        try:
            return date.fromisoformat(article.published)
        except ValueError:
            return None
    return None


def mention_span(m: DateMention) -> Span:
    attrs: dict[str, object] = {"date": m.iso} if m.iso else {}
    if m.approximate:
        attrs["approximate"] = True
    if m.rule:
        attrs["rule"] = list(m.rule)
    return Span(m.start, m.end, m.kind, attrs)


@register
class DatesStage:
    """Layer "dates": every date expression, resolved where it can be (attrs: date, approximate, rule)."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("text", "published")
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    def __call__(self, article: Article) -> Article:
        article.layers["dates"] = [mention_span(m) for m in find_dates(article.text, base_date(article))]
        return article
