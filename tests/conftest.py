"""Shared fixtures: paths to the seeds and scorer, a local HTTP server, a CLI runner."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RIWAYA_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
SCORER = SHARED / "eval" / "score_seeds.py"
ANT = SHARED / "data" / "ant_sample" / "articles.jsonl"
EXAMPLES = REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not beside the repository ({SEEDS})")
    return SEEDS


@pytest.fixture(scope="session")
def ant_docs() -> dict[str, dict]:
    """The ANT sample's articles by docno (real news of 2018; the tests take articles outside the dev stories)."""
    from riwaya.corpora import ant_docs as read

    if not ANT.is_file():
        pytest.skip(f"the ANT sample is not beside the repository ({ANT})")
    return read(ANT)


def ant_jsonl(docs: dict[str, dict], docnos: list[str], out: Path) -> Path:
    """Write ANT articles as riwaya reads JSONL (as ../shared/eval/score_story.py does)."""
    with out.open("w", encoding="utf-8") as f:
        for dn in docnos:
            d = docs[dn]
            f.write(json.dumps({"url": d["url"], "title": d["title"], "text": d["text"], "published": d["time"],
                                "outlet": d["src"]}, ensure_ascii=False) + "\n")
    return out


@pytest.fixture(scope="session")
def scorer() -> Path:
    if not SCORER.is_file():
        pytest.skip(f"the seeds scorer is not beside the repository ({SCORER})")
    return SCORER


def run_riwaya(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess (as a user would)."""
    return subprocess.run(
        [sys.executable, "-m", "riwaya.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def riwaya():
    return run_riwaya


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> dict:
    """The seeds analysed once per test session into a fresh store, and exported."""
    out = tmp_path_factory.mktemp("seeds")
    proc = run_riwaya("analyze", str(seeds_dir), "--db", str(out / "s.db"), "--json", str(out / "s.json"))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads((out / "s.json").read_text(encoding="utf-8"))
    doc["_path"] = str(out / "s.json")
    doc["_db"] = str(out / "s.db")
    return doc


class _Handler(http.server.BaseHTTPRequestHandler):
    """Routes for the URL reader tests; pages are registered on the server object."""

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        srv = self.server
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", self.path)
            self.end_headers()
            return
        if self.path.startswith("/huge"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(600):  # ~40 MB, more than the cap the test sets
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        page = srv.pages.get(self.path)  # type: ignore[attr-defined]
        if page is None:
            self.send_response(404)
            self.end_headers()
            return
        body, ctype = page
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def http_server() -> Iterator[tuple[str, dict[str, tuple[bytes, str]]]]:
    """A real HTTP server on 127.0.0.1; yields (base url, pages dict to fill: path -> (body, type))."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.pages = {}  # type: ignore[attr-defined]
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.pages  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


# A short real-style Arabic article (written for the tests) used by several reader tests.
ARTICLE_AR = (
    "نفت وزارة الداخلية ما نشرته صحيفة محلية عن شحنة مواد متفجرة في الميناء.\n"
    'وقال المتحدث باسم الوزارة في بيان إن "هذه الادعاءات لا أساس لها من الصحة"، مضيفاً أن التحقيقات '
    "ما زالت جارية لمعرفة أسباب الحريق الذي اندلع مساء الخميس.\n"
    "وكانت الصحيفة قد ذكرت، نقلاً عن مسؤولين طلبوا عدم الكشف عن هوياتهم، أن تحذيرات مكتوبة وصلت إلى "
    "الوزارة قبل أشهر من الانفجار."
)


@pytest.fixture
def article_ar() -> str:
    return ARTICLE_AR


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
