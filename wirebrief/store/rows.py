"""Plain-SQL inserts and upserts, for the extract stage's writes.

sqlite-utils' ``insert()`` and ``upsert()`` inspect the table (does it exist, which
columns) on every call, which costs more than the write itself when an article brings
dozens of rows, and the extract stage's single writer is what its workers wait for. The
schema is known (schema.py), so these write the statement sqlite-utils would.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from wirebrief.store.db import Store


def _columns(row: Mapping[str, Any]) -> tuple[str, str]:
    return ", ".join(f'"{name}"' for name in row), ", ".join("?" for _ in row)


def insert(db: Store, table: str, row: Mapping[str, Any],
           conflict: Literal["ignore", "replace"]) -> None:
    """Insert ``row``; a row with the same key is kept (ignore) or replaced (replace)."""
    columns, marks = _columns(row)
    db.execute(f'insert or {conflict} into "{table}" ({columns}) values ({marks})', list(row.values()))


def upsert(db: Store, table: str, row: Mapping[str, Any], key: tuple[str, ...]) -> None:
    """Insert ``row``, or update the columns it names in the row with the same ``key``."""
    columns, marks = _columns(row)
    updates = ", ".join(f'"{name}" = excluded."{name}"' for name in row if name not in key)
    conflict = ", ".join(f'"{name}"' for name in key)
    db.execute(f'insert into "{table}" ({columns}) values ({marks}) '
               f"on conflict ({conflict}) do update set {updates}", list(row.values()))
