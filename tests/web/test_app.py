"""The web app over the analysed seeds and a hostile article: every page answers, text is escaped."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[test,web]'")
from starlette.testclient import TestClient

from riwaya.web.app import create_app

EVIL = ("نفت وزارة الداخلية <script>alert(1)</script> ما نشر عن <img src=x onerror=alert(2)> الاجتماع، وقال "
        "المتحدث باسم الوزارة إن \u202eالخبر مختلق\u202c ولا أساس له من الصحة.")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> TestClient:
    d = tmp_path_factory.mktemp("web")
    (d / "in").mkdir()
    for f in seeds_dir.iterdir():
        (d / "in" / f.name).write_bytes(f.read_bytes())
    (d / "in" / "evil.txt").write_text(EVIL, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "riwaya.cli", "analyze", str(d / "in"), "--db", str(d / "w.db")],
                   check=True, capture_output=True, timeout=300)
    return TestClient(create_app(d / "w.db"))


def test_every_page_reachable_from_home_answers(client: TestClient) -> None:
    seen, todo = set(), ["/"]
    while todo and len(seen) < 400:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        r = client.get(url)
        assert r.status_code == 200, url
        assert 'dir="rtl"' in r.text
        todo += [h for h in re.findall(r'href="(/[^"#]*)"', r.text) if h not in seen]
    assert len(seen) > 20


def test_article_text_is_escaped_and_bidi_overrides_dropped(client: TestClient) -> None:
    found = client.get("/search", params={"q": "المتحدث مختلق"}).text
    link = re.search(r'href="(/article/[^"]+)"', found)
    assert link, found
    page = client.get(link.group(1)).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "\u202e" not in page


@pytest.mark.parametrize("q", ['"NEAR( OR', "NEAR(", "*", "((("])
def test_malformed_search_gets_a_message(client: TestClient, q: str) -> None:
    r = client.get("/search", params={"q": q})
    assert r.status_code == 200 and 'class="deny"' in r.text


def test_search_finds_alias_and_normalised_spellings(client: TestClient) -> None:
    assert "أحمد الشرع" in client.get("/search", params={"q": "الجولاني"}).text
    assert "/article/" in client.get("/search", params={"q": "احمد"}).text  # أحمد written without hamza


def test_api(client: TestClient) -> None:
    claims = client.get("/api/claims").json()
    assert claims and "independent_origins" in claims[0]
    one = client.get(f"/api/claims/{claims[0]['id']}").json()
    assert one["statements"] and "quote" in one["statements"][0]
    assert client.get("/api/stories").json()
    assert client.get("/api/entities").json()
    assert client.get("/api/claims/nope").status_code == 404
    spec = client.get("/api/openapi.json").json()
    assert "/api/search" in spec["paths"]


def test_report_is_one_file_with_the_claims(riwaya, seeds_export: dict, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    proc = riwaya("report", "--db", seeds_export["_db"], "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    html = out.read_text("utf-8")
    assert "http://" not in html and "https://" not in html.replace("https://x.com", "")
    from markupsafe import escape

    assert all(str(escape(c["text"][:40])) in html for c in seeds_export["claims"])


def test_reading_while_an_analysis_writes_sees_whole_snapshots(tmp_path: Path, seeds_dir: Path,
                                                               examples_dir: Path) -> None:
    db = tmp_path / "live.db"
    subprocess.run([sys.executable, "-m", "riwaya.cli", "analyze", str(seeds_dir), "--db", str(db)], check=True,
                   capture_output=True, timeout=300)
    client = TestClient(create_app(db))
    writer = subprocess.Popen([sys.executable, "-m", "riwaya.cli", "analyze", str(examples_dir), "--db", str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    checks = 0
    while writer.poll() is None or checks < 3:
        claims = client.get("/api/claims")
        assert claims.status_code == 200
        for c in claims.json()[:3]:
            one = client.get(f"/api/claims/{c['id']}")
            if one.status_code == 200:  # a claim from the previous snapshot may be gone in the next
                assert len(one.json()["statements"]) == len(c["attributions"])
        assert client.get("/").status_code == 200
        checks += 1
    assert writer.wait(timeout=300) == 0 and checks >= 3
