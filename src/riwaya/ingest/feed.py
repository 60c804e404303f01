"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files: each item with content is one page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from .base import Problem, RawDocument, ReadError

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_ATOM = "{http://www.w3.org/2005/Atom}"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def looks_like_feed(head: bytes) -> bool:
    h = head[:2048].lower()
    return b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h


def _local(tag: Any) -> str:
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def _child_text(el: Any, *names: str) -> str | None:
    for name in names:
        for child in el:
            if child.tag == name or _local(child.tag) == name:
                text = "".join(child.itertext()).strip() if len(child) else (child.text or "").strip()
                if text:
                    return text
    return None


def read_feed(data: bytes, origin: str) -> Iterator[RawDocument | Problem]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ReadError(f"malformed feed XML ({e})") from e
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not items:
        raise ReadError("feed has no items")
    for i, item in enumerate(items, 1):
        content = _child_text(item, _CONTENT, f"{_ATOM}content", "description", f"{_ATOM}summary")
        if not content:
            yield Problem(origin, f"feed item {i} has no content")
            continue
        link = _child_text(item, "link", "guid")
        if not link:
            for child in item:
                if _local(child.tag) == "link" and child.get("href"):
                    link = child.get("href")
                    break
        meta = {
            "title": _child_text(item, "title", f"{_ATOM}title"),
            "url": link,
            "published": _child_text(item, "pubDate", _DC_DATE, f"{_ATOM}published", f"{_ATOM}updated"),
        }
        kind = "html" if "<" in content and ">" in content else "text"
        yield RawDocument(
            origin,
            f"{origin}#{link or i}",
            content,
            kind,  # type: ignore[arg-type]
            {k: v for k, v in meta.items() if v},
        )
