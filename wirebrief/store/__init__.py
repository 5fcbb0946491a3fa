"""The SQLite store: schema, and every read and write the stages make."""

from wirebrief.store.db import now_iso, open_db

__all__ = ["now_iso", "open_db"]
