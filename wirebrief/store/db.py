"""Opening the database the way every stage must: WAL, foreign keys, a busy timeout.

WAL lets a reader (the site build, a backup) run while a crawl writes, and makes a
killed writer leave the last committed state intact. Writes go through
``sqlite_utils.Database.atomic()`` so each unit of work commits whole or not at all.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wirebrief.store.schema import ensure_schema, schema_complete

if TYPE_CHECKING:
    import sqlite_utils

    # What the plain-SQL reads and writes accept: either kind of handle on the store.
    Store = sqlite_utils.Database | sqlite3.Connection

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
    "PRAGMA recursive_triggers=on",  # as sqlite-utils sets it: the FTS triggers rely on it
)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the store at ``path`` with plain sqlite3, schema in place.

    The crawl's process writes through this: sqlite-utils imports numpy, a tenth of a
    second of a crawl's start-up, and is needed only to create what is missing.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    if not schema_complete(conn):
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        with db.atomic():
            ensure_schema(db)
    return conn


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the store at ``path`` with the schema in place."""
    import sqlite_utils

    return sqlite_utils.Database(connect(path))


def now_iso() -> str:
    """Current UTC time, to the second, as stored in every ``*_at`` column."""
    return datetime.now(UTC).isoformat(timespec="seconds")
