"""JSON Lines of articles (news-please, ANT, scrapers): one object per line, usual field names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .base import Limits, Problem, RawDocument
from .files import open_stream

TEXT_FIELDS = ("text", "maintext", "content", "body", "article", "article_body", "articleBody")
HTML_FIELDS = ("html", "raw_html", "content_html")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url", "uri")
DATE_FIELDS = ("published", "date_publish", "date", "time", "datePublished", "published_at", "pubdate")
OUTLET_FIELDS = ("outlet", "source", "src", "source_domain", "site_name", "sitename", "publisher")


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in obj and obj[name] not in (None, ""):
            return name, obj[name]
    return None, None


def record_to_document(obj: Any, origin: str, source: str, line: int | None) -> RawDocument | Problem:
    if not isinstance(obj, dict):
        return Problem(origin, f"expected a JSON object, got {type(obj).__name__}", line)
    name, content = _first(obj, TEXT_FIELDS)
    kind = "text"
    if content is None:
        name, content = _first(obj, HTML_FIELDS)
        kind = "html"
    if content is None:
        return Problem(origin, f"no article text (looked for {', '.join(TEXT_FIELDS + HTML_FIELDS)})", line)
    if not isinstance(content, str):
        return Problem(origin, f"field {name!r} should be a string, got {type(content).__name__}", line)
    if kind == "text" and content.lstrip().startswith("<") and "</p>" in content.lower():
        kind = "html"
    meta: dict[str, Any] = {}
    for key, names in (
        ("title", TITLE_FIELDS),
        ("url", URL_FIELDS),
        ("published", DATE_FIELDS),
        ("outlet", OUTLET_FIELDS),
    ):
        field, value = _first(obj, names)
        if value is None:
            continue
        if not isinstance(value, str | int | float):
            return Problem(origin, f"field {field!r} should be a string, got {type(value).__name__}", line)
        meta[key] = str(value).strip()
    if "outlet" in meta and meta["outlet"].lower().startswith(("http://", "https://")):
        meta["outlet"] = meta["outlet"].split("/")[2]
    return RawDocument(origin=origin, source=source, content=content, kind=kind, meta=meta)  # type: ignore[arg-type]


def read_jsonl(path: Path, limits: Limits) -> Iterator[RawDocument | Problem]:
    origin = str(path)
    with open_stream(path, limits) as stream:
        lineno = 0
        while True:
            raw = stream.readline(limits.max_record_bytes + 1)
            if not raw:
                break
            lineno += 1
            if len(raw) > limits.max_record_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                    raw = stream.readline(1 << 20)
                yield Problem(origin, f"line longer than {limits.max_record_bytes >> 20} MiB; skipped", lineno)
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield Problem(origin, "line is not UTF-8", lineno)
                continue
            except json.JSONDecodeError as e:
                yield Problem(origin, f"malformed JSON ({e.msg} at column {e.colno})", lineno)
                continue
            yield record_to_document(obj, origin, f"{origin}#L{lineno}", lineno)
