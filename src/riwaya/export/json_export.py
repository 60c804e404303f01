"""The JSON export of ../shared/spec/EXPORT.md: what an analysis hands to the outside world."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from ..attribution.ids import attribution_id
from ..attribution.records import Attribution, Party
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
    """(article, start, end) -> the entity id of the mention inside that span (the last one: a title's name).
    The mentions of one article at a time (the export streams article by article)."""
    mentions_in = lru_cache(maxsize=1)(store.mentions_in)

    def find(article: str, start: int, end: int) -> str | None:
        inside = [m for m in mentions_in(article) if start <= m[0] and m[1] <= end]
        return inside[-1][2] if inside else None

    return find


def attributions_of(article: Article, entity_at) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    out = []
    # where each entity key is mentioned first: a speaker the extractor tied to someone named earlier
    # ("وتابع مسؤول الإدارة الذاتية" → عبدالكريم عمر) is that entity, not the organisation in its words
    first_at: dict[str, tuple[int, int]] = {}
    for m in article.spans("entities"):
        first_at.setdefault(str(m.attrs.get("key")), (m.start, m.end))
    def party(p: Party | None) -> dict | None:
        if p is None:
            return None
        at = first_at.get(str(p.key)) if p.key else None
        ent = None if p.anonymous else (
            (entity_at(article.id, *at) if at else None) or entity_at(article.id, p.start, p.end))
        return {"text": p.text, "entity": ent, "anonymous": p.anonymous, "class": p.cls, "start": p.start,
                "end": p.end}

    for s in article.spans("attributions"):
        a = Attribution.from_span(s)
        out.append({
            "id": attribution_id(article.id, s),
            "article": article.id,
            "start": a.start,
            "end": a.end,
            "speaker": party(a.speaker),
            "cue": a.cue,
            "cue_span": {"start": a.cue_start, "end": a.cue_end},
            "stance": a.stance,
            "framing": s.attrs.get("framing"),
            "content": a.content_text,
            "content_span": {"start": a.content[0], "end": a.content[1]} if a.content else None,
            "direct": a.direct,
            "via": [party(v) for v in a.via],
            "claim": None,
        })
    return out


Items = tuple[str, list[tuple[str, str, int, bytes]], list[bytes]]  # an article's line, events, attributions


def _dump(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False)


def _article_items(store: Store, a: Article, origins: dict[str, list[str]], entity_at: Any) -> Items:
    """One article's export lines: the article itself, its events (with their sort key) and attributions."""
    line = _dump({
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
    events = [(e["date"], e["article"], e["start"], _dump(e).encode("utf-8")) for e in events_of(a)]
    found = attributions_of(a, entity_at)
    claim_of = store.claim_of([x["id"] for x in found])
    for x in found:
        x["claim"] = claim_of.get(x["id"])
    return line, events, [_dump(x).encode("utf-8") + b"\n" for x in found]


def _chunk_items(ids: list[str]) -> list[Items]:
    """A worker's share of the articles section (see `stream_export`)."""
    from ..engine.forked import worker_data, worker_store

    store = worker_store()
    entity_at = _entity_finder(store)
    return [_article_items(store, a, worker_data(), entity_at) for a in store.articles(ids=ids)]


EXPORT_CHUNK = 100  # articles per export task on a worker


def _all_items(store: Store, origins: dict[str, list[str]], pool: Any, window: int) -> Iterator[Items]:
    """Every article's export lines in store order; made on the `pool`'s forked workers (which were given
    `origins`), `window` tasks ahead, when there is one."""
    if pool is None:
        entity_at = _entity_finder(store)
        for a in store.articles():
            yield _article_items(store, a, origins, entity_at)
        return
    from ..engine.forked import in_order

    ids = store.article_ids()
    chunks = [ids[i : i + EXPORT_CHUNK] for i in range(0, len(ids), EXPORT_CHUNK)]
    for items in in_order(pool, _chunk_items, chunks, window):
        yield from items


# the sections after the articles and the events, in export order; the attributions (gathered with the
# articles) stand between the entities and the claims
_BEFORE_ATTRIBUTIONS = ("entities",)
_AFTER_ATTRIBUTIONS = ("claims", "contradictions", "reuse", "stories")


def _write_sections(out: TextIO, store: Store, names: tuple[str, ...]) -> None:
    rows = {"entities": store.each_entity, "claims": store.each_claim, "contradictions": store.each_contradiction,
            "reuse": store.each_reuse, "stories": store.each_story}
    for name in names:
        _section(out, name, map(_dump, rows[name]()))


def _sections_task(names: tuple[str, ...]) -> str:
    """On a worker: the sections `names` written to a scratch file, whose path is returned (the caller
    copies it into the export and removes it)."""
    from ..engine.forked import worker_store

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".json", delete=False) as f:
        try:
            _write_sections(f, worker_store(), names)
        except BaseException:
            Path(f.name).unlink(missing_ok=True)
            raise
        return f.name


def stream_export(store: Store, out: TextIO, workers: int = 1) -> int:
    """Write the export to `out` as it is read from the store, an article at a time: memory stays flat
    however large the store (the export of 20,000 articles is ~250 MB of JSON). Returns the article count.
    Items are one per line; events (sorted by date) and attributions wait in a scratch file. With
    `workers` > 1 the articles' lines are made on forked processes, written here in the same order, while
    one of them writes the sections after the articles (entities, claims…) to scratch files."""
    origins: dict[str, list[str]] = {}
    for art, origin in store.conn.execute("SELECT article, origin FROM article_sources ORDER BY origin"):
        origins.setdefault(art, []).append(origin)
    if workers <= 1 or not store.path.is_file():
        return _stream(store, out, origins, None, 0)
    from ..engine.forked import forked

    with forked(workers, str(store.path), origins) as pool:
        return _stream(store, out, origins, pool, 4 * workers)


def _stream(store: Store, out: TextIO, origins: dict[str, list[str]], pool: Any, window: int) -> int:
    ahead = [pool.submit(_sections_task, names) for names in (_BEFORE_ATTRIBUTIONS, _AFTER_ATTRIBUTIONS)] if (
        pool is not None) else []
    try:
        out.write('{\n"format": ' + _dump(FORMAT) + ',\n"articles": [')
        n = 0
        event_at: list[tuple[str, str, int, int, int]] = []  # sort key, then where the event's line is kept
        with tempfile.TemporaryFile("w+b") as events, tempfile.TemporaryFile("w+b") as attributions:
            for line, found, said in _all_items(store, origins, pool, window):
                out.write(("\n" if n == 0 else ",\n") + line)
                n += 1
                for day, article, start, event in found:
                    event_at.append((day, article, start, events.tell(), len(event)))
                    events.write(event)
                attributions.writelines(said)
            out.write("\n]")
            for section in SECTIONS:
                out.write(f',\n"{section}": []')
            out.write(',\n"events": [')
            event_at.sort()
            for i, (*_, offset, size) in enumerate(event_at):
                events.seek(offset)
                out.write(("\n" if i == 0 else ",\n") + events.read(size).decode("utf-8"))
            out.write("\n]")
            _copy_or_write(out, store, _BEFORE_ATTRIBUTIONS, ahead[0] if ahead else None)
            attributions.seek(0)
            _section(out, "attributions", (line.decode("utf-8").rstrip("\n") for line in attributions))
        _copy_or_write(out, store, _AFTER_ATTRIBUTIONS, ahead[1] if ahead else None)
        out.write("\n}\n")
        return n
    finally:
        for future in ahead:  # the scratch files, also when the export stopped part way
            if not future.cancel() and future.exception() is None:
                Path(future.result()).unlink(missing_ok=True)


def _copy_or_write(out: TextIO, store: Store, names: tuple[str, ...], written: Any) -> None:
    """The sections `names`: copied from a worker's scratch file (`written`: its future), else written here."""
    if written is None:
        _write_sections(out, store, names)
        return
    with open(written.result(), encoding="utf-8") as f:
        shutil.copyfileobj(f, out)


def _section(out: TextIO, name: str, lines: Iterable[str]) -> None:
    out.write(f',\n"{name}": [')
    for i, line in enumerate(lines):
        out.write(("\n" if i == 0 else ",\n") + line)
    out.write("\n]")


def build_export(store: Store) -> dict[str, Any]:
    """The export as one object in memory (the web app's view of a store)."""
    buf = io.StringIO()
    stream_export(store, buf)
    return json.loads(buf.getvalue())


def write_export(store: Store, out: str | Path, workers: int = 1) -> int:
    """Write the export file (through a temporary file: never a half-written export). Returns the articles."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        n = stream_export(store, f, workers)
    tmp.replace(target)
    return n
