"""What readers hand on: raw documents (page text or HTML plus metadata) and problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps that keep one bad input from taking the run down."""

    max_file_bytes: int = 32 * MiB  # a single page (txt / html) larger than this is not an article
    max_record_bytes: int = 8 * MiB  # one JSONL line, WARC record or feed item
    max_stream_bytes: int = 2048 * MiB  # what a compressed container may inflate to in all
    max_url_bytes: int = 16 * MiB
    url_timeout_s: float = 20.0
    max_article_chars: int = 300_000  # longer than any news article: a dump, a log or a bomb


@dataclass
class RawDocument:
    """One page as read: `content` is HTML or plain text; `meta` holds what the container said."""

    origin: str  # the input unit it came from: a file path or URL
    source: str  # where this page was read from (origin, or origin#Ln for one line of a JSONL file)
    content: str
    kind: Literal["html", "text"]
    meta: dict[str, Any] = field(default_factory=dict)  # title, url, published, outlet, domain


@dataclass
class Problem:
    """An input (or one line / record of it) that could not be read; the run goes on."""

    origin: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.message}"


class ReadError(Exception):
    """Raised inside a reader for a whole-input failure; turned into a `Problem` by the caller."""
