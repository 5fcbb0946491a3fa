"""The SQLite store: schema, and every read and write the stages make."""

from wirebrief.store.db import connect, now_iso, open_db

__all__ = ["connect", "now_iso", "open_db"]
