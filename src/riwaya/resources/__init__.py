"""Shipped data files (lexicons, knowledge base, rules, model weights) and how to open them."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def path(*parts: str) -> Path:
    """Filesystem path of a shipped resource (the package is installed unzipped)."""
    return Path(str(resources.files("riwaya.resources").joinpath(*parts)))


@cache
def load_toml(*parts: str) -> dict[str, Any]:
    with path(*parts).open("rb") as f:
        return tomllib.load(f)


def read_tsv(file: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated table with a header line; `#` lines and blank lines are comments."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with file.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) != len(header):
                raise ValueError(f"{file}:{lineno}: {len(cells)} fields, expected {len(header)}")
            rows.append(dict(zip(header, (c.strip() for c in cells), strict=True)))
    return rows
