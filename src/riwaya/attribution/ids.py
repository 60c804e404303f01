"""Stable ids of attributions: the same statement in the same article keeps its id across runs."""

from __future__ import annotations

import hashlib

from ..model import Span
from .records import Attribution


def attribution_id(article_id: str, span: Span) -> str:
    cue = Attribution.from_span(span).cue_start
    key = "\x1f".join(map(str, (article_id, span.start, span.end, cue)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
