"""Keeping the store small and safe: raw-page retention and consistent backups."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils


def purge_raw_pages(db: sqlite_utils.Database, keep_days: int) -> int:
    """Drop the raw HTML of extracted pages older than ``keep_days``; facts stay.

    The row stays too, so the URL is still known as seen and is not fetched again.
    """
    cutoff = (datetime.now(UTC) - timedelta(days=keep_days)).isoformat(timespec="seconds")
    with db.atomic():
        cursor = db.execute(
            "update pages set html = '' where fetched_at < ? and extracted_at is not null "
            "and html != ''", [cutoff])
    return int(cursor.rowcount or 0)


def backup_database(source: Path, target: Path) -> int:
    """A consistent copy of the store through SQLite's online backup API.

    Safe while a run writes: the copy is a snapshot of one committed state. Returns
    the size of the copy in bytes.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(partial) as dst:
        src.backup(dst, pages=1024)
    check = sqlite3.connect(partial)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"backup failed its integrity check: {result}")
    partial.replace(target)
    return target.stat().st_size
