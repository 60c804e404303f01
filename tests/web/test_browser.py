"""The web app and the report in a real browser (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="the browser extra is not installed: pip install -e '.[browser]'")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeds_export: dict):  # type: ignore[no-untyped-def]
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "riwaya.cli", "serve", "--db", seeds_export["_db"], "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_story_claim_denial_article_and_search(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(server + "/")
    page.screenshot(path=str(tmp_path / "1-overview.png"))
    page.locator("div.card a", has_text="نيويورك تايمز").first.click()  # the seeds' story of the NYT report
    page.screenshot(path=str(tmp_path / "2-story.png"))
    claim = page.locator("a[href^='/claim/']", has_text="الشرع").first
    claim.click()
    page.screenshot(path=str(tmp_path / "3-claim.png"))
    assert page.locator(".card b.deny", has_text="الرئاسة").count() >= 1  # the presidency's denial is there
    assert page.locator(".card", has_text="نيويورك تايمز").count() >= 1
    page.locator("a[href^='/article/']").first.click()
    page.screenshot(path=str(tmp_path / "4-article.png"))
    assert page.locator("mark.cue").count() >= 1
    page.goto(server + "/search?q=الجولاني")
    page.screenshot(path=str(tmp_path / "5-search.png"))
    assert page.locator("a", has_text="أحمد الشرع").count() >= 1


def test_report_opens_offline(riwaya, seeds_export: dict, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.html"
    assert riwaya("report", "--db", seeds_export["_db"], "-o", str(out)).returncode == 0
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto(out.as_uri())
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    text = page.inner_text("body")
    for c in seeds_export["claims"]:
        assert c["text"].split()[0] in text
    context.close()
