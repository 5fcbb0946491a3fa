"""Opening the database the way every stage must: WAL, foreign keys, a busy timeout.

WAL lets a reader (the site build, a backup) run while a crawl writes, and makes a
killed writer leave the last committed state intact. Writes go through
``sqlite_utils.Database.atomic()`` so each unit of work commits whole or not at all.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from wirebrief.store.schema import ensure_schema


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the store at ``path`` with the schema in place."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=30000")
    with db.atomic():
        ensure_schema(db)
    return db


def now_iso() -> str:
    """Current UTC time, to the second, as stored in every ``*_at`` column."""
    return datetime.now(UTC).isoformat(timespec="seconds")
