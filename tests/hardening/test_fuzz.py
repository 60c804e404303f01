"""Property-based tests on arbitrary Unicode, and readers fed corrupted files: nothing may raise."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riwaya.clean.lines import clean_lines
from riwaya.ingest import discover
from riwaya.ingest.base import Problem, RawDocument
from riwaya.time.expressions import find_dates

PIECES = [*"ابتثجحدرسشعفقكلمنهوي أإآةى٠١٢٣0123456789/()-،.:«»\"\n", "يناير", "كانون الثاني", " الماضي", " الجاري",
          "عام ", "أمس", "هـ", "رمضان", " بين ", " إلى ", "الخميس", "قبل نحو ", "أسبوعين"]
ARABICISH = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARABICISH, st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))))
def test_date_resolver_never_raises_and_spans_are_inside(text: str, base: date | None) -> None:
    for m in find_dates(text, base):
        assert 0 <= m.start <= m.end <= len(text)
        if m.value is not None:
            assert 1 <= (m.value.month or 1) <= 12


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_cleaning_never_raises_and_keeps_only_original_lines(text: str) -> None:
    originals = {ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")}
    for part in clean_lines(text):
        assert all(line in originals for line in part.lines)


def test_readers_survive_corrupted_files(tmp_path: Path, seeds_dir: Path) -> None:
    """Flip, cut and splice bytes of real pages in every format; every input ends in documents or problems."""
    import gzip
    import json

    rng = random.Random(20261122)
    good = (seeds_dir / "001_7a755da794561b55.txt").read_bytes()
    samples = {
        "page.txt": good,
        "page.html": b"<html><body><p>" + good + b"</p></body></html>",
        "feed.jsonl": b"\n".join(json.dumps({"text": good.decode("utf-8")[:2000]}).encode() for _ in range(5)),
        "feed.rss": b"<?xml version='1.0'?><rss><channel><item><title>t</title><description>" + good[:3000]
                    + b"</description></item></channel></rss>",
    }
    n = 0
    for name, data in samples.items():
        for k in range(15):
            b = bytearray(data)
            for _ in range(rng.randint(1, 40)):
                b[rng.randrange(len(b))] = rng.randrange(256)
            if k % 3 == 0:
                b = b[: rng.randrange(1, len(b))]
            f = tmp_path / f"{k}_{name}"
            f.write_bytes(bytes(b))
            if k % 5 == 0:
                g = tmp_path / f"{k}_{name}.gz"
                g.write_bytes(gzip.compress(bytes(b))[: rng.randrange(10, 200)])  # a cut gzip stream
    for inp in discover([str(tmp_path)]):
        for item in inp.read():
            assert isinstance(item, RawDocument | Problem)
            n += 1
    assert n > 0
