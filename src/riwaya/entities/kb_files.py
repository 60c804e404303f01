"""Adding a user's knowledge-base file: validated row by row before it is copied in."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..resources import read_tsv
from .kb import COLUMNS, knowledge_base, user_kb_dir, validate_row


def add_file(file: Path) -> tuple[Path, int]:
    """Validate `file` (the kb TSV format) and copy it to the user's kb folder. Returns (target, rows)."""
    if not file.is_file():
        raise ValueError(f"{file}: no such file")
    if file.name == "relations.tsv":
        rows = read_tsv(file)
        for n, row in enumerate(rows, 1):
            if not all(k in row for k in ("subject", "relation", "object")):
                raise ValueError(f"{file} row {n}: relations need subject, relation, object columns")
    else:
        rows = read_tsv(file)
        if not rows:
            raise ValueError(f"{file}: no entity rows (header: {' '.join(COLUMNS)})")
        for n, row in enumerate(rows, 1):
            validate_row(row, f"{file} row {n}")
    target_dir = user_kb_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / (file.name if file.suffix == ".tsv" else file.stem + ".tsv")
    shutil.copyfile(file, target)
    knowledge_base.cache_clear()
    return target, len(rows)
