"""The per-article attribution stage."""

from __future__ import annotations

from typing import ClassVar

from ..model import Article
from ..registry import register
from .extract import extract


@register
class AttributionStage:
    """Layer "attributions": one span per reported statement (label: stance; attrs: cue, speaker, content,
    via, framing, direct)."""

    name: ClassVar[str] = "attributions"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("attributions",)

    def __call__(self, article: Article) -> Article:
        article.layers["attributions"] = [a.to_span(article.text) for a in extract(article)]
        return article
