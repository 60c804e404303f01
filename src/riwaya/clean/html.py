"""Main text and metadata of an HTML page, with trafilatura (comments off)."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

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
        return _fallback(html, url)
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        return _fallback(html, url)
    return Extracted(
        text=text,
        title=(get("title") or None),
        published=(get("date") or None),
        sitename=(get("sitename") or None),
        hostname=(get("hostname") or None),
        url=(get("url") or url),
    )


class _Blocks(HTMLParser):
    """Text of the block elements of a page, without recursion (a page nested 50,000 levels deep is
    read like any other); scripts, styles and navigation are left out."""

    SKIP = frozenset({"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "template"})
    BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section",
                        "article", "td", "br", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self._flush()
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title and not self.title:
            self.title = data.strip() or None
            return
        if not self.skipping:
            self.current.append(data)

    def _flush(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []


def _fallback(html: str, url: str | None) -> Extracted:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    # lines of words, not leftovers of broken markup ("</sp")
    lines = [ln for ln in parser.lines if sum(1 for w in ln.split() if any(c.isalpha() for c in w)) >= 2]
    text = "\n".join(lines)
    if not text.strip():
        raise ReadError("no article text found in the HTML")
    return Extracted(text=text, title=parser.title, published=None, sitename=None, hostname=None, url=url)
