"""The JSON export of ../shared/spec/EXPORT.md: what an analysis hands to the outside world."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..store import Store

FORMAT = "riwaya-export/1"
SECTIONS = ("entities", "attributions", "claims", "contradictions", "events", "reuse")


def build_export(store: Store) -> dict[str, Any]:
    articles = []
    for a in store.articles():
        articles.append(
            {
                "id": a.id,
                "source": a.source,
                "part": a.part,
                "outlet": a.outlet,
                "title": a.title,
                "published": a.published,
                "published_basis": a.published_basis,
                "url": a.url,
                "text": a.text,
            }
        )
    doc: dict[str, Any] = {"format": FORMAT, "articles": articles}
    for section in SECTIONS:
        doc[section] = []
    return doc


def write_export(store: Store, out: str | Path) -> dict[str, Any]:
    doc = build_export(store)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(target)  # never leave a half-written export behind
    return doc
