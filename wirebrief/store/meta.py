"""The ``meta`` table: small facts about the store itself, by key (schema version,
the day the digest was last mailed after a tick)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wirebrief.store.db import Store


def get_meta(db: Store, key: str) -> str | None:
    row = db.execute("select value from meta where key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: Store, key: str, value: str) -> None:
    """Set ``key`` and commit at once: what it records has already happened."""
    db.execute("insert into meta (key, value) values (?, ?) "
               "on conflict (key) do update set value = excluded.value", [key, value])
    db.commit()
