"""Opening input files: size caps, gzip streams with an inflation cap, fingerprints."""

from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from .base import Limits, ReadError


def fingerprint(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class CappedStream(io.RawIOBase):
    """A read-only stream that raises ReadError once more than `cap` bytes came through."""

    def __init__(self, inner: BinaryIO, cap: int, what: str):
        self.inner, self.cap, self.what, self.seen = inner, cap, what, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self.inner.read(len(b))
        except (gzip.BadGzipFile, zlib.error, EOFError, OSError) as e:
            raise ReadError(f"corrupt or truncated {self.what} ({e})") from e
        self.seen += len(data)
        if self.seen > self.cap:
            raise ReadError(f"{self.what} inflates to more than {self.cap // (1 << 20)} MiB; refused")
        n = len(data)
        b[:n] = data
        return n


def open_stream(path: Path, limits: Limits) -> BinaryIO:
    """Open `path` for streaming; `.gz` files are inflated on the fly under the stream cap."""
    if path.suffix.lower() == ".gz":
        with path.open("rb") as probe:
            if probe.read(2) != b"\x1f\x8b":
                raise ReadError("named .gz but is not a gzip file")
        raw: BinaryIO = gzip.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115 (closed by the caller)
        return io.BufferedReader(CappedStream(raw, limits.max_stream_bytes, "gzip stream"))  # type: ignore[return-value]
    return path.open("rb")


def read_capped(path: Path, limits: Limits) -> bytes:
    """The whole content of a single-page file, refused (not loaded) when it is too large."""
    if path.suffix.lower() != ".gz":
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise ReadError(
                f"{size / (1 << 20):.1f} MiB is too large for one article "
                f"(limit {limits.max_file_bytes // (1 << 20)} MiB); refused"
            )
    with open_stream(path, limits) as f:
        data = f.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise ReadError(f"inflates to more than {limits.max_file_bytes // (1 << 20)} MiB for one article; refused")
    return data
