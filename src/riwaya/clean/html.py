"""Main text and metadata of an HTML page, with trafilatura (comments off)."""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest.base import ReadError


@dataclass
class Extracted:
    text: str
    title: str | None
    published: str | None
    sitename: str | None
    hostname: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> Extracted:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            deduplicate=False,
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as e:
        raise ReadError(f"HTML could not be parsed ({type(e).__name__})") from e
    if doc is None:
        raise ReadError("no article text found in the HTML")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        raise ReadError("no article text found in the HTML")
    return Extracted(
        text=text,
        title=(get("title") or None),
        published=(get("date") or None),
        sitename=(get("sitename") or None),
        hostname=(get("hostname") or None),
        url=(get("url") or url),
    )
