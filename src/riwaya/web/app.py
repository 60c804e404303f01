"""`riwaya serve`: browse stories, claims, sources and contradictions (Starlette, server-rendered Jinja2).

The store is opened read-only; everything shown comes from the export built from it. Article text is
always escaped (autoescape, and the highlighter escapes every piece) and stripped of bidi overrides.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

from .data import Corpus, clean, highlight

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _env():  # type: ignore[no-untyped-def]
    """One environment for the process: its template cache keeps each template compiled once (a report of
    thousands of pages compiled them for every page)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.filters["clean"] = clean
    return env


def render(name: str, **ctx: Any) -> str:
    ctx.setdefault("base", "")
    ctx.setdefault("search", True)
    return _env().get_template(name).render(**ctx)


def statement_view(c: Corpus, a: dict[str, Any]) -> dict[str, Any]:
    art = c.articles.get(a["article"], {})
    span = a.get("content_span") or {"start": a["start"], "end": a["end"]}
    return {**a, "quote": c.piece(a["article"], span["start"], span["end"]), "outlet": art.get("outlet"),
            "published": art.get("published")}


def page(c: Corpus, path: str, params: dict[str, str], db: str | Path | None = None) -> tuple[int, str]:
    """The HTML of a page of the site: (status, body)."""
    parts = [p for p in path.strip("/").split("/") if p]
    if not parts:
        stories = sorted(c.stories.values(), key=lambda s: (s["first"] or "", s["id"]))
        return 200, render("overview.html", stories=stories, n_articles=len(c.articles), n_claims=len(c.claims),
                           n_contradictions=len(c.doc["contradictions"]))
    kind, ident = parts[0], "/".join(parts[1:])
    if kind == "story" and ident in c.stories:
        xs = [{**x, "a_text": c.piece(**{k: x["a"][k] for k in ("article", "start", "end")}),
               "b_text": c.piece(**{k: x["b"][k] for k in ("article", "start", "end")})}
              for x in c.story_contradictions(ident)]
        story = c.stories[ident]
        articles = sorted((c.articles[a] for a in story["articles"] if a in c.articles),
                          key=lambda a: (a.get("published") or "", a["id"]))
        return 200, render("story.html", story=story, events=c.story_events(ident), articles=articles,
                           claims=c.story_claims(ident), contradictions=xs)
    if kind == "claim" and ident in c.claims:
        claim = c.claims[ident]
        statements = [statement_view(c, c.attributions[x]) for x in claim["attributions"] if x in c.attributions]
        return 200, render("claim.html", claim=claim, statements=statements)
    if kind == "article" and ident in c.articles:
        art = c.articles[ident]
        attrs = [a for a in c.doc["attributions"] if a["article"] == ident]
        events = [e for e in c.doc["events"] if e["article"] == ident]
        reuse = []
        for r in c.doc["reuse"]:
            for me, other in (("a", "b"), ("b", "a")):
                if r[me]["article"] == ident and r[other]["article"] != ident:
                    o = r[other]
                    reuse.append({"kind": r["kind"], "similarity": r["similarity"], "other": o["article"],
                                  "text": c.piece(o["article"], o["start"], o["end"])})
        return 200, render("article.html", article=art, body=highlight(art, attrs, c.doc["entities"], events),
                           reuse=reuse)
    if kind == "entity" and ident in c.entities:
        return 200, render("entity.html", entity=c.entities[ident],
                           statements=[statement_view(c, a) for a in c.statements_of(ident)])
    if kind == "entities":
        items = [{"href": f"/entity/{e['id']}", "label": e["name"], "meta": f"{e['type']} · {len(e['mentions'])}"}
                 for e in sorted(c.doc["entities"], key=lambda e: -len(e["mentions"]))]
        return 200, render("list.html", heading="الكيانات", items=items)
    if kind == "outlets":
        items = [{"href": f"/outlet/{name}", "label": name, "meta": f"{len(arts)} مقالات"}
                 for name, arts in sorted(c.outlets().items())]
        return 200, render("list.html", heading="المنافذ", items=items)
    if kind == "outlet":
        arts = c.outlets().get(ident, [])
        framing: dict[str, int] = {}
        for a in c.doc["attributions"]:
            if c.articles[a["article"]]["outlet"] == (None if ident == "?" else ident):
                framing[a.get("framing") or "neutral"] = framing.get(a.get("framing") or "neutral", 0) + 1
        items = [{"href": f"/article/{a['id']}", "label": a["title"] or a["text"][:80], "meta": a["published"] or ""}
                 for a in arts]
        meta = " · ".join(f"{k}: {v}" for k, v in sorted(framing.items()))
        return 200, render("list.html", heading=f"{ident} — {meta}", items=items)
    if kind == "search":
        q = params.get("q", "")
        items, message = search(c, db, q)
        return 200, render("list.html", heading=f"بحث: {q}", items=items, message=message, q=q)
    return 404, render("list.html", heading="غير موجود", items=[], message="لا توجد صفحة بهذا العنوان")


def search(c: Corpus, db: str | Path | None, q: str) -> tuple[list[dict[str, str]], str | None]:
    """Full-text search over normalised Arabic (أحمد finds احمد); a malformed query gets a message."""
    from ..store import Store

    if not q.strip() or db is None:
        return [], "اكتب كلمة للبحث"
    note = None
    with Store(db, readonly=True) as store:
        try:
            hits = store.search(q)
        except sqlite3.Error:
            # not a valid search expression: search its words as plain words, and say so
            words = " ".join(f'"{w}"' for w in q.replace('"', " ").split())
            note = "لم تُفهم عبارة البحث كما كُتبت؛ بُحث عن كلماتها"
            try:
                hits = store.search(words) if words else []
            except sqlite3.Error:
                return [], "تعذر فهم عبارة البحث"
    items = [{"href": f"/article/{aid}", "label": title or c.articles.get(aid, {}).get("text", "")[:80],
              "meta": c.articles.get(aid, {}).get("outlet") or ""} for aid, title in hits]
    entity_hits = [e for e in c.doc["entities"] if any(q.strip() in a or a in q for a in e["aliases"])]
    items = [{"href": f"/entity/{e['id']}", "label": e["name"], "meta": e["type"]} for e in entity_hits] + items
    return items, note or (None if items else "لا نتائج")


def api(c: Corpus, path: str, params: dict[str, str], db: str | Path | None) -> tuple[int, Any]:
    parts = [p for p in path.strip("/").split("/") if p][1:]  # after "api"
    if parts == ["stories"]:
        return 200, list(c.stories.values())
    if parts == ["claims"]:
        return 200, c.doc["claims"]
    if len(parts) == 2 and parts[0] == "claims":
        claim = c.claims.get(parts[1])
        if claim is None:
            return 404, {"error": "no such claim"}
        return 200, {**claim, "statements": [statement_view(c, c.attributions[x]) for x in claim["attributions"]
                                             if x in c.attributions]}
    if parts == ["entities"]:
        return 200, c.doc["entities"]
    if len(parts) == 2 and parts[0] == "articles":
        art = c.articles.get(parts[1])
        return (200, art) if art else (404, {"error": "no such article"})
    if parts == ["search"]:
        items, message = search(c, db, params.get("q", ""))
        return 200, {"results": items, "message": message}
    if parts == ["openapi.json"]:
        return 200, OPENAPI
    return 404, {"error": "no such endpoint"}


OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "riwaya", "version": "1"},
    "paths": {p: {"get": {"summary": s, "responses": {"200": {"description": "JSON"}}}} for p, s in (
        ("/api/stories", "stories with their articles, outlets and date range"),
        ("/api/claims", "claims with supporters, deniers and independent origins"),
        ("/api/claims/{id}", "one claim with every statement and its quoted span"),
        ("/api/entities", "entities with aliases and mentions"),
        ("/api/articles/{id}", "one article"),
        ("/api/search", "full-text search over normalised Arabic (?q=)"),
    )},
}


def create_app(db: str | Path):  # type: ignore[no-untyped-def]
    """The ASGI app over a store (read-only; reloaded when the store file changes)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse
    from starlette.routing import Route

    state: dict[str, Any] = {"mtime": None, "corpus": None}

    def corpus() -> Corpus:
        p = Path(db)
        stamp = max([p.stat().st_mtime, *(x.stat().st_mtime for x in p.parent.glob(p.name + "-wal"))])
        if state["mtime"] != stamp:
            state["corpus"], state["mtime"] = Corpus.load(db), stamp
        return state["corpus"]

    def html_page(request: Request) -> HTMLResponse:
        status, body = page(corpus(), request.url.path, dict(request.query_params), db)
        return HTMLResponse(body, status_code=status)

    def json_api(request: Request) -> JSONResponse:
        status, body = api(corpus(), request.url.path, dict(request.query_params), db)
        return JSONResponse(body, status_code=status)

    return Starlette(routes=[Route("/api/{rest:path}", json_api), Route("/{rest:path}", html_page)])


def report(db: str | Path, out: str | Path) -> int:
    """One self-contained HTML file: the overview, every story, every claim (no network to open it)."""
    c = Corpus.load(db)
    sections = [page(c, "/", {})[1]]
    sections += [page(c, f"/story/{s}", {})[1] for s in sorted(c.stories)]
    sections += [page(c, f"/claim/{k}", {})[1] for k in sorted(c.claims)]
    bodies = [s.split("<body>", 1)[1].split("</body>", 1)[0] for s in sections]
    head = sections[0].split("<body>", 1)[0]
    doc = head.replace("<title>", "<title>تقرير ") + "<body>" + "<hr>".join(bodies) + "</body></html>"
    doc = doc.replace('href="/', 'href="#/')  # links stay inside the file
    Path(out).write_text(doc, encoding="utf-8")
    return len(sections)
