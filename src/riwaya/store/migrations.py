"""Named, transactional schema migrations: `NNNN_name.sql` files applied once each, in order."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib import resources


def available() -> list[tuple[str, str]]:
    folder = resources.files("riwaya.store").joinpath("migrations")
    files = sorted(p for p in folder.iterdir() if p.name.endswith(".sql"))
    return [(p.name.removesuffix(".sql"), p.read_text(encoding="utf-8")) for p in files]


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet applied, each in its own transaction. Returns the names applied."""
    done = set(applied(conn))
    new: list[str] = []
    for name, sql in available():
        if name in done:
            continue
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        script = f"BEGIN IMMEDIATE;\n{sql}\nINSERT INTO _migrations VALUES ('{name}', '{stamp}');\nCOMMIT;"
        try:
            conn.executescript(script)
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if name in applied(conn):
                continue  # another process opening the same new store applied it first
            raise RuntimeError(f"migration {name} failed: {e}") from e
        new.append(name)
    return new
