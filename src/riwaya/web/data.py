"""What the pages show, read from the store (read-only) — never recomputed."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..export.json_export import build_export
from ..store import Store

# bidi overrides and isolates in article text could reorder the page around them: they never reach it
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    return _BIDI.sub("", text or "")


@dataclass
class Corpus:
    doc: dict[str, Any]

    @classmethod
    def load(cls, db: str | Path) -> Corpus:
        with Store(db, readonly=True) as store:
            # one read transaction: a snapshot, even while an analysis writes (WAL)
            store.conn.execute("BEGIN")
            try:
                return cls(build_export(store))
            finally:
                store.conn.execute("COMMIT")

    def __post_init__(self) -> None:
        d = self.doc
        self.articles = {a["id"]: a for a in d["articles"]}
        self.attributions = {a["id"]: a for a in d["attributions"]}
        self.claims = {c["id"]: c for c in d["claims"]}
        self.entities = {e["id"]: e for e in d["entities"]}
        self.stories = {s["id"]: s for s in d.get("stories", [])}
        self.story_of = {a: s["id"] for s in d.get("stories", []) for a in s["articles"]}

    def statements_of(self, entity_id: str) -> list[dict[str, Any]]:
        return [a for a in self.doc["attributions"] if (a.get("speaker") or {}).get("entity") == entity_id]

    def story_claims(self, story_id: str) -> list[dict[str, Any]]:
        arts = set(self.stories[story_id]["articles"])
        found = [c for c in self.doc["claims"]
                 if any(self.attributions[x]["article"] in arts for x in c["attributions"] if x in self.attributions)]
        # the claims told most often first: a story lists its lone statements too
        return sorted(found, key=lambda c: (-len(c["attributions"]), -len(c.get("denies") or []), c["id"]))

    def story_events(self, story_id: str) -> list[dict[str, Any]]:
        arts = set(self.stories[story_id]["articles"])
        return sorted((e for e in self.doc["events"] if e["article"] in arts), key=lambda e: e["date"])

    def story_contradictions(self, story_id: str) -> list[dict[str, Any]]:
        arts = set(self.stories[story_id]["articles"])
        return [c for c in self.doc["contradictions"] if c["a"]["article"] in arts or c["b"]["article"] in arts]

    def outlets(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for a in self.doc["articles"]:
            out.setdefault(a["outlet"] or "?", []).append(a)
        return out

    def piece(self, article: str, start: int, end: int) -> str:
        a = self.articles.get(article)
        return clean(a["text"][start:end]) if a else ""


def highlight(article: dict[str, Any], attributions: list[dict[str, Any]], entities: list[dict[str, Any]],
              events: list[dict[str, Any]]) -> str:
    """The article text as HTML: escaped, with cues, speakers, entity mentions and dates marked."""
    text = article["text"]
    marks: list[tuple[int, int, str, str]] = []
    for a in attributions:
        cs = a.get("cue_span") or {}
        if cs:
            marks.append((cs["start"], cs["end"], f"cue {a['stance']}", f"{a['stance']} · {a.get('framing')}"))
    for e in entities:
        for m in e["mentions"]:
            if m["article"] == article["id"]:
                marks.append((m["start"], m["end"], f"ent {e['type']}", e["name"]))
    for ev in events:
        x = ev.get("expression") or {}
        if x:
            marks.append((x["start"], x["end"], "date", ev["date"]))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out, pos = [], 0
    for s, e, cls, title in marks:
        if s < pos:
            continue  # overlapping marks: the first (longest) wins
        out.append(html.escape(clean(text[pos:s])))
        out.append(f'<mark class="{cls}" title="{html.escape(title)}">{html.escape(clean(text[s:e]))}</mark>')
        pos = e
    out.append(html.escape(clean(text[pos:])))
    return "".join(out).replace("\n", "<br>\n")
