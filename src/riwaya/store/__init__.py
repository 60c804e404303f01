"""The SQLite store: one file, WAL, named migrations, idempotent upserts keyed by content hash."""

from .sqlite import Store, StoreError

__all__ = ["Store", "StoreError"]
