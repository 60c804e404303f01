"""Readers: files (txt, html, jsonl[.gz], warc[.gz], rss/atom), folders and http(s) URLs.

`discover(paths)` turns command-line arguments into `Input`s (one per file or URL, folders walked);
`Input.read()` yields `RawDocument`s and `Problem`s, never raises for bad content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .base import Limits, Problem, RawDocument, ReadError
from .encoding import decode
from .feed import looks_like_feed, read_feed
from .files import fingerprint, read_capped
from .jsonl import read_jsonl
from .url import fetch
from .warc import read_warc

__all__ = ["Input", "Limits", "Problem", "RawDocument", "discover"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jl"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}


def kind_of(path: Path) -> str | None:
    """The reader for a path by its name; None when the name does not say (sniffed later)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for kind, group in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
        ("feed", FEED_SUFFIXES),
    ):
        if last in group:
            return kind
    return None


@dataclass
class Input:
    """One input unit (a file or a URL) and how to read it."""

    origin: str
    kind: str  # text | html | jsonl | warc | feed | url | unknown
    path: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    def fingerprint(self) -> str | None:
        """A hash of the raw bytes, so an unchanged input can be skipped; None for URLs."""
        if self.path is None:
            return None
        try:
            return fingerprint(self.path)
        except OSError:
            return None

    def read(self, limits: Limits | None = None) -> Iterator[RawDocument | Problem]:
        limits = limits or Limits()
        try:
            yield from self._read(limits)
        except ReadError as e:
            yield Problem(self.origin, str(e))
        except OSError as e:
            yield Problem(self.origin, f"cannot read ({e.strerror or e})")

    def _read(self, limits: Limits) -> Iterator[RawDocument | Problem]:
        if self.kind == "url":
            body, headers, final = fetch(self.origin, limits)
            ctype = (headers.get("Content-Type") or "").lower()
            charset = headers.get_content_charset()
            if "xml" in ctype or "rss" in ctype or "atom" in ctype or looks_like_feed(body[:2048]):
                yield from read_feed(body, self.origin)
                return
            text = decode(body, declared=charset, html=True)
            kind = "text" if ctype.startswith("text/plain") else "html"
            yield RawDocument(self.origin, self.origin, text, kind, {"url": final})  # type: ignore[arg-type]
            return
        assert self.path is not None
        if self.kind == "jsonl":
            yield from read_jsonl(self.path, limits)
        elif self.kind == "warc":
            yield from read_warc(self.path, limits)
        else:
            data = read_capped(self.path, limits)
            kind = self.kind
            if kind in ("unknown", "feed", "html") and looks_like_feed(data[:2048]):
                kind = "feed"
            elif kind == "feed":
                kind = "html"
            if kind == "feed":
                yield from read_feed(data, self.origin)
                return
            if kind == "unknown":
                head = data[:8192].lstrip().lower()
                kind = "html" if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head else "text"
            text = decode(data, html=(kind == "html"))
            yield RawDocument(self.origin, self.origin, text, kind, {})  # type: ignore[arg-type]


def discover(args: Iterable[str]) -> Iterator[Input]:
    """Expand command-line arguments: URLs as they are, folders walked in sorted order, files by type."""
    for arg in args:
        if arg.startswith(("http://", "https://")):
            yield Input(arg, "url")
            continue
        path = Path(arg)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue  # hidden files and folders (.git, .DS_Store) are not input
                yield _file_input(child, walked=True)
        elif path.exists():
            yield _file_input(path, walked=False)
        else:
            yield Input(arg, "missing", problems=[Problem(arg, "no such file or folder")])


def _file_input(path: Path, walked: bool) -> Input:
    kind = kind_of(path)
    if kind is None:
        if walked and path.suffix and path.suffix.lower() != ".gz":
            return Input(
                str(path),
                "unsupported",
                problems=[Problem(str(path), f"unsupported file type {path.suffix!r}; skipped")],
            )
        kind = "unknown"
    return Input(str(path), kind, path)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
