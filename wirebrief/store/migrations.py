"""Removing from an older store what this version no longer writes.

``ensure_schema`` only ever adds (tables, columns, indexes, triggers), which is enough
for a store from an older version until something is dropped. A column or table left
behind would be dead weight at best and, for a table with revision triggers, still be
counted, so what is gone is listed here and removed when a store is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# (table, column) pairs and whole tables dropped since SCHEMA_VERSION 3.
DROPPED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("pages", "cleaned"),  # 4: the crawl no longer cleans pages
    ("articles", "facts"),  # 4: a JSON copy of the fact tables, never read
)
DROPPED_TABLES: tuple[str, ...] = (
    "article_topics",  # 4: articles.topics is what is read
)


def drop_removed(db: sqlite_utils.Database) -> None:
    """Drop the triggers, tables and columns listed above, where a store still has them."""
    for table in DROPPED_TABLES:
        for (trigger,) in db.execute(
                "select name from sqlite_master where type = 'trigger' and tbl_name = ?", [table]):
            db.execute(f"drop trigger if exists [{trigger}]")
        db.execute(f"drop table if exists [{table}]")
    for table, column in DROPPED_COLUMNS:
        if table in db.table_names() and column in db.table(table).columns_dict:
            db.execute(f"alter table [{table}] drop column [{column}]")


def stored_version(db: sqlite_utils.Database) -> int | None:
    """The schema version a store was written by (None for a new store)."""
    if "meta" not in db.table_names():
        return None
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else None


def migrate_data(db: sqlite_utils.Database, version: int | None) -> None:
    """Fill in, once, what a store written by an older ``version`` holds no data for.

    Version 7: ``entities.surname`` of every person, and the surname rule applied to the
    stored people (store/people.py). Version 8: the same for organisations' short names
    ("Nordvik" of "Nordvik Sensors", store/short_names.py). Version 9: keys folded again,
    "U.N." and "UN" alike (store/rekey.py). ``events.description`` stays null for older rows:
    it is read from the sentence at extraction, and ``wirebrief extract --all`` makes it.
    """
    if version is not None and version < 8:
        # Imported here: schema.py imports this module, and a crawl process opens the store
        # through it without loading sqlite-utils (and numpy), which entities.py needs.
        from wirebrief.store.entities import reconcile_short_names

        if version < 7:
            reconcile_short_names(db, "person")
        reconcile_short_names(db, "organization")
    if version is not None and version < 9:
        from wirebrief.store.rekey import rekey

        rekey(db)
