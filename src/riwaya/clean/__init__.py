"""Cleaning: from a raw page (HTML or scraped text) to one or more `Article`s with furniture removed."""

from __future__ import annotations

from dataclasses import asdict

from ..ingest.base import RawDocument, ReadError
from ..model import Article
from .html import extract_html
from .line_model import page_outlet
from .lines import clean_lines

__all__ = ["make_articles"]


def make_articles(doc: RawDocument) -> list[Article]:
    """The page's own article (part 0) and any further whole articles found on it (part 1…).

    Raises ReadError when nothing readable is left.
    """
    page: dict = {k: v for k, v in doc.meta.items() if v}
    text = doc.content
    if doc.kind == "html":
        ex = extract_html(doc.content, url=page.get("url"))
        text = ex.text
        for key, value in (
            ("title", ex.title),
            ("published", ex.published),
            ("sitename", ex.sitename),
            ("hostname", ex.hostname),
            ("url", ex.url),
        ):
            if value and key not in page:
                page[key] = value
        title = page.get("title")
        if title and not text.lstrip().startswith(title.strip()):
            text = f"{title.strip()}\n{text}"  # the headline is part of what was published
    elif page.get("title") and not text.lstrip().startswith(str(page["title"]).strip()):
        text = f"{str(page['title']).strip()}\n{text}"
    parts = clean_lines(text, outlet=page_outlet(page))
    if not parts:
        raise ReadError("no article text left after removing page furniture")
    page["furniture"] = [asdict(f) for p in parts for f in p.furniture]
    articles = []
    for i, part in enumerate(parts):
        title = part.title if i else (part.title or page.get("title"))
        meta = {"page": page, "datelines": part.datelines}
        articles.append(Article(text=part.text, source=doc.source, part=i, title=title, url=page.get("url"), meta=meta))
    return articles
