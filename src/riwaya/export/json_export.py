"""The JSON export of ../shared/spec/EXPORT.md: what an analysis hands to the outside world."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..attribution.ids import attribution_id
from ..model import Article, Span
from ..store import Store

FORMAT = "riwaya-export/1"
SECTIONS: tuple[str, ...] = ()


def _id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _clause(article: Article, span: Span) -> tuple[int, int]:
    """The clause (else the sentence, else the line) that a date expression dates."""
    for layer in ("clauses", "sentences"):
        for s in article.spans(layer):
            if s.start <= span.start and span.end <= s.end:
                return s.start, s.end
    start = article.text.rfind("\n", 0, span.start) + 1
    end = article.text.find("\n", span.end)
    return start, end if end >= 0 else len(article.text)


def events_of(article: Article) -> list[dict[str, Any]]:
    out = []
    for s in article.spans("dates"):
        iso = s.attrs.get("date")
        if not iso:
            continue
        start, end = _clause(article, s)
        first, _, last = iso.partition("/")
        event: dict[str, Any] = {
            "id": _id(article.id, s.start, s.end),
            "date": first,
            "article": article.id,
            "start": start,
            "end": end,
            "text": article.text[start:end],
            "expression": {"start": s.start, "end": s.end, "text": article.text[s.start : s.end], "kind": s.label},
        }
        if last:
            event["until"] = last
        if s.attrs.get("approximate"):
            event["approximate"] = True
        out.append(event)
    return out


def _entity_finder(store: Store):  # type: ignore[no-untyped-def]
    """(article, start, end) -> the entity id of the mention inside that span (the last one: a title's name)."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for eid, art, s, e in store.conn.execute('SELECT entity, article, start, "end" FROM entity_mentions'):
        by_article.setdefault(art, []).append((s, e, eid))

    def find(article: str, start: int, end: int) -> str | None:
        inside = [m for m in by_article.get(article, []) if start <= m[0] and m[1] <= end]
        return inside[-1][2] if inside else None

    return find


def attributions_of(article: Article, entity_at) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    out = []
    # where each entity key is mentioned first: a speaker the extractor tied to someone named earlier
    # ("وتابع مسؤول الإدارة الذاتية" → عبدالكريم عمر) is that entity, not the organisation in its words
    first_at: dict[str, tuple[int, int]] = {}
    for m in article.spans("entities"):
        first_at.setdefault(str(m.attrs.get("key")), (m.start, m.end))
    for s in article.spans("attributions"):
        a = s.attrs

        def party(p: dict | None) -> dict | None:
            if not p:
                return None
            at = first_at.get(str(p.get("key"))) if p.get("key") else None
            ent = None if p.get("anonymous") else (
                (entity_at(article.id, *at) if at else None) or entity_at(article.id, p["start"], p["end"]))
            return {"text": p["text"], "entity": ent, "anonymous": bool(p.get("anonymous")),
                    "class": p.get("class"), "start": p["start"], "end": p["end"]}

        out.append({
            "id": attribution_id(article.id, s),
            "article": article.id,
            "start": s.start,
            "end": s.end,
            "speaker": party(a.get("speaker")),
            "cue": a["cue"]["text"],
            "cue_span": {"start": a["cue"]["start"], "end": a["cue"]["end"]},
            "stance": s.label,
            "framing": a.get("framing"),
            "content": (a.get("content") or {}).get("text"),
            "content_span": {k: a["content"][k] for k in ("start", "end")} if a.get("content") else None,
            "direct": a.get("direct", False),
            "via": [party(v) for v in a.get("via", [])],
            "claim": None,
        })
    return out


def build_export(store: Store) -> dict[str, Any]:
    articles = []
    events: list[dict[str, Any]] = []
    attributions: list[dict[str, Any]] = []
    entity_at = _entity_finder(store)
    origins: dict[str, list[str]] = {}
    for art, origin in store.conn.execute("SELECT article, origin FROM article_sources ORDER BY origin"):
        origins.setdefault(art, []).append(origin)
    for a in store.articles():
        articles.append({
            "id": a.id,
            "source": a.source,
            "part": a.part,
            "outlet": a.outlet,
            "title": a.title,
            "published": a.published,
            "published_basis": a.published_basis,
            "url": a.url,
            "text": a.text,
            "inputs": origins.get(a.id, []),  # every input that gave this text (copies in several files)
        })
        events.extend(events_of(a))
        attributions.extend(attributions_of(a, entity_at))
    doc: dict[str, Any] = {"format": FORMAT, "articles": articles}
    for section in SECTIONS:
        doc[section] = []
    doc["events"] = sorted(events, key=lambda e: (e["date"], e["article"], e["start"]))
    doc["entities"] = store.entities()
    claim_of = {a: c["id"] for c in store.claims() for a in c["attributions"]}
    for a in attributions:
        a["claim"] = claim_of.get(a["id"])
    doc["attributions"] = attributions
    doc["claims"] = store.claims()
    doc["contradictions"] = store.contradictions()
    doc["reuse"] = store.reuse()
    doc["stories"] = store.stories()
    return doc


def write_export(store: Store, out: str | Path) -> dict[str, Any]:
    doc = build_export(store)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(target)  # never leave a half-written export behind
    return doc
