"""Every reader on real files written by the test: txt, html, jsonl(.gz), warc(.gz), feeds, folders."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from riwaya.ingest import Input, Limits, Problem, RawDocument, discover


def read_all(path: Path | str, limits: Limits | None = None) -> tuple[list[RawDocument], list[Problem]]:
    docs: list[RawDocument] = []
    problems: list[Problem] = []
    for inp in discover([str(path)]):
        problems.extend(inp.problems)
        if inp.problems:
            continue
        for item in inp.read(limits):
            (problems if isinstance(item, Problem) else docs).append(item)  # type: ignore[arg-type]
    return docs, problems


def test_txt(tmp_path: Path, article_ar: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(article_ar, encoding="utf-8")
    docs, problems = read_all(f)
    assert not problems
    assert docs[0].kind == "text" and docs[0].content == article_ar and docs[0].source == str(f)


def test_html_file_is_html(tmp_path: Path, article_ar: str) -> None:
    f = tmp_path / "a.htm"
    f.write_text(f"<html><body><p>{article_ar}</p></body></html>", encoding="utf-8")
    docs, _ = read_all(f)
    assert docs[0].kind == "html"


def test_unknown_extension_given_directly_is_sniffed(tmp_path: Path, article_ar: str) -> None:
    f = tmp_path / "page"
    f.write_text(f"<!DOCTYPE html><html><body><p>{article_ar}</p></body></html>", encoding="utf-8")
    docs, _ = read_all(f)
    assert docs[0].kind == "html"


NEWS_PLEASE = {
    "title": "الرئاسة تنفي تقريراً عن تعاون سري",
    "maintext": "نفت الرئاسة السورية وجود تعاون سري مع التحالف الدولي منذ عام 2016.",
    "date_publish": "2025-11-14 09:30:00",
    "source_domain": "arabi21.com",
    "url": "https://arabi21.com/story/1",
    "language": "ar",
}
ANT = {  # the field names of the ANT corpus
    "docno": "1",
    "src": "bbc",
    "url": "http://www.bbc.com/arabic/x",
    "title": "عنوان",
    "time": "2017-05-03",
    "text": "قال المتحدث باسم الوزارة إن الاجتماع سيعقد الأسبوع المقبل.",
}


@pytest.mark.parametrize(
    ("record", "expect"),
    [
        (NEWS_PLEASE, {"title": NEWS_PLEASE["title"], "published": "2025-11-14 09:30:00", "outlet": "arabi21.com"}),
        (ANT, {"published": "2017-05-03", "outlet": "bbc", "url": ANT["url"]}),
        (
            {"content": "نص الخبر كاملاً هنا.", "date": "2024-01-01", "source": "https://www.aljazeera.net/news"},
            {"outlet": "www.aljazeera.net", "published": "2024-01-01"},
        ),
        ({"body": "<p>نص</p><p>فقرة ثانية</p>", "outlet": "عربي21"}, {"outlet": "عربي21"}),
    ],
    ids=["news-please", "ant", "content+url-source", "html-body"],
)
def test_jsonl_field_names(tmp_path: Path, record: dict, expect: dict) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    docs, problems = read_all(f)
    assert not problems
    for key, value in expect.items():
        assert docs[0].meta[key] == value
    assert docs[0].source == f"{f}#L1"


def test_jsonl_bad_lines_are_reported_with_their_number(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps(NEWS_PLEASE, ensure_ascii=False),
        '{"title": "broken", "text": "نص',  # truncated JSON
        json.dumps({"text": 42}),  # wrong type
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "لا نص"}, ensure_ascii=False),  # no text field
        "",
        json.dumps(ANT, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = read_all(f)
    assert len(docs) == 2
    assert [p.line for p in problems] == [2, 3, 4, 5]
    assert "malformed JSON" in problems[0].message
    assert "should be a string" in problems[1].message
    assert str(problems[0]).startswith(f"{f}:2: ")


def test_jsonl_gz_streams_and_fake_gz_is_named(tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl.gz"
    with gzip.open(good, "wt", encoding="utf-8") as g:
        for _ in range(3):
            g.write(json.dumps(NEWS_PLEASE, ensure_ascii=False) + "\n")
    docs, problems = read_all(good)
    assert len(docs) == 3 and not problems
    fake = tmp_path / "b.jsonl.gz"
    fake.write_text(json.dumps(NEWS_PLEASE), encoding="utf-8")
    docs, problems = read_all(fake)
    assert not docs and "not a gzip file" in problems[0].message


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    f = tmp_path / "bomb.jsonl.gz"
    with gzip.open(f, "wb") as g:
        line = (json.dumps({"text": "ا" * 1000}) + "\n").encode()
        for _ in range(3000):  # ~6 MB inflated
            g.write(line)
    docs, problems = read_all(f, Limits(max_stream_bytes=1 << 20))
    assert problems and "inflates to more than 1 MiB" in problems[-1].message
    assert 0 < len(docs) < 3000


def test_jsonl_overlong_line_is_skipped_not_loaded(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"text": "ب" * 5000}) + "\n" + json.dumps({"text": "نص قصير."}) + "\n", "utf-8")
    docs, problems = read_all(f, Limits(max_record_bytes=1000))
    assert len(docs) == 1 and problems[0].line == 1 and "longer than" in problems[0].message


def test_oversized_page_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 3000)
    _, problems = read_all(f, Limits(max_file_bytes=1000))
    assert "too large for one article" in problems[0].message


def _warc(path: Path, pages: list[tuple[str, str]], gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for uri, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(rec)


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc(tmp_path: Path, article_ar: str, gz: bool) -> None:
    f = tmp_path / ("a.warc.gz" if gz else "a.warc")
    pages = [(f"https://example.org/{i}", f"<html><body><p>{article_ar}</p></body></html>") for i in range(3)]
    _warc(f, pages, gz)
    docs, problems = read_all(f)
    assert not problems and len(docs) == 3
    assert docs[1].meta["url"] == "https://example.org/1" and docs[1].source == f"{f}#https://example.org/1"


def test_truncated_warc_keeps_what_came_before(tmp_path: Path, article_ar: str) -> None:
    f = tmp_path / "t.warc"
    _warc(f, [(f"https://example.org/{i}", f"<p>{article_ar}</p>") for i in range(3)], gz=False)
    data = f.read_bytes()
    f.write_bytes(data[: int(len(data) * 0.8)])
    docs, problems = read_all(f)
    assert len(docs) >= 1 and problems and "WARC" in problems[0].message


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>نبض</title>
<item><title>الخبر الأول</title><link>https://nabd.example/1</link><pubDate>Sun, 15 Mar 2026 10:00:00 +0300</pubDate>
<content:encoded><![CDATA[<p>{a}</p>]]></content:encoded></item>
<item><title>الخبر الثاني</title><link>https://nabd.example/2</link><description>{a}</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>مدخل</title><link href="https://x.example/e1"/><published>2026-03-16T08:00:00Z</published>
<content type="html">&lt;p&gt;{a}&lt;/p&gt;</content></entry></feed>"""


@pytest.mark.parametrize(("name", "template", "n"), [("f.rss", RSS, 2), ("f.xml", ATOM, 1)])
def test_feeds(tmp_path: Path, article_ar: str, name: str, template: str, n: int) -> None:
    f = tmp_path / name
    f.write_text(template.replace("{a}", article_ar), encoding="utf-8")
    docs, problems = read_all(f)
    assert not problems and len(docs) == n
    assert docs[0].meta["url"].startswith("https://") and docs[0].meta["published"]


def test_feed_with_entity_expansion_is_not_expanded(tmp_path: Path) -> None:
    f = tmp_path / "evil.rss"
    f.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><title>t</title><description>&e;</description></item></channel></rss>"
    )
    docs, _problems = read_all(f)
    assert all("root:" not in d.content for d in docs)


def test_folder_walk_skips_hidden_and_names_unsupported(tmp_path: Path, article_ar: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(article_ar, encoding="utf-8")
    (tmp_path / "a.txt").write_text(article_ar, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(article_ar, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    inputs = list(discover([str(tmp_path)]))
    assert [Path(i.origin).name for i in inputs] == ["a.txt", "photo.png", "b.txt"]
    assert inputs[1].problems and "unsupported file type '.png'" in inputs[1].problems[0].message


def test_missing_path_is_a_problem() -> None:
    (inp,) = discover(["/no/such/folder"])
    assert inp.problems[0].message == "no such file or folder"


# ---- URLs, against a real local HTTP server ---------------------------------------------------
def test_url_fetches_html(http_server, article_ar: str) -> None:
    base, pages = http_server
    pages["/news/1"] = (
        f"<html><body><p>{article_ar}</p></body></html>".encode("cp1256"),
        "text/html; charset=windows-1256",
    )
    docs, problems = read_all(f"{base}/news/1")
    assert not problems and docs[0].kind == "html" and "نفت وزارة الداخلية" in docs[0].content
    assert docs[0].meta["url"] == f"{base}/news/1"


def test_url_feed_is_read_as_feed(http_server, article_ar: str) -> None:
    base, pages = http_server
    pages["/rss"] = (RSS.replace("{a}", article_ar).encode(), "application/rss+xml")
    docs, _ = read_all(f"{base}/rss")
    assert len(docs) == 2


@pytest.mark.parametrize(
    ("path", "limits", "message"),
    [
        ("/missing", Limits(), "HTTP 404"),
        ("/slow", Limits(url_timeout_s=0.5), "timed out"),
        ("/loop", Limits(), "redirect"),
        ("/huge", Limits(max_url_bytes=1 << 20), "cap"),
    ],
    ids=["404", "timeout", "redirect-loop", "too-large"],
)
def test_url_failures_are_clear(http_server, path: str, limits: Limits, message: str) -> None:
    base, _ = http_server
    docs, problems = read_all(f"{base}{path}", limits)
    assert not docs and message in problems[0].message
    assert problems[0].origin == f"{base}{path}"


def test_unreachable_host_is_a_problem() -> None:
    docs, problems = read_all("http://127.0.0.1:9/nothing", Limits(url_timeout_s=2))
    assert not docs and "cannot fetch" in problems[0].message


def test_input_fingerprint_changes_with_content(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("نص", encoding="utf-8")
    one = Input(str(f), "text", f).fingerprint()
    f.write_text("نص آخر", encoding="utf-8")
    assert Input(str(f), "text", f).fingerprint() != one
