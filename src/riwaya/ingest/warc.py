"""WARC archives (warcio): every HTML response or resource record is one page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .base import Limits, Problem, RawDocument, ReadError
from .encoding import decode
from .files import open_stream


def read_warc(path: Path, limits: Limits) -> Iterator[RawDocument | Problem]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as e:  # warcio is a core dependency; this only guards broken installs
        raise ReadError("reading WARC files needs the 'warcio' package") from e
    origin = str(path)
    n = 0
    with open_stream(path, limits) as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                ctype = ""
                if record.http_headers is not None:
                    if record.http_headers.get_statuscode() not in (None, "200"):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if ctype and "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                    continue
                body = record.content_stream().read(limits.max_record_bytes + 1)
                if len(body) > limits.max_record_bytes:
                    cap = limits.max_record_bytes >> 20
                    yield Problem(origin, f"record {n} ({uri}) larger than {cap} MiB; skipped")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # bytes the record promised but the file lacks
                    yield Problem(origin, f"WARC record {n} ({uri}) is truncated; skipped")
                    continue
                charset = None
                if "charset=" in ctype.lower():
                    charset = ctype.lower().split("charset=")[-1].split(";")[0].strip()
                try:
                    text = decode(body, declared=charset, html=True)
                except ReadError as e:
                    yield Problem(origin, f"record {n} ({uri}): {e}")
                    continue
                kind = "text" if "text/plain" in ctype.lower() else "html"
                meta = {"url": uri} if uri else {}
                crawled = record.rec_headers.get_header("WARC-Date")
                if crawled:
                    meta["fetched"] = crawled
                yield RawDocument(origin, f"{origin}#{uri or n}", text, kind, meta)  # type: ignore[arg-type]
        except (ArchiveLoadFailed, ReadError, ValueError, EOFError, OSError) as e:
            yield Problem(origin, f"WARC broken after {n} record(s): {e}")
