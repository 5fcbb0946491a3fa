"""Corpus-wide name resolution: the same person or organisation is one entity.

An entity is found by any of its known aliases (folded names and acronyms), so
"European Union" in one article and "EU" in another meet on one page once an
article has joined the two. The first name seen is kept as the display name unless a
fuller one (more words) turns up later.
"""

from __future__ import annotations

import sqlite_utils

from wirebrief.store.keys import fold, short_hash, slugify
from wirebrief.store.rows import insert

KINDS = ("person", "organization", "place")


def resolve_entity(db: sqlite_utils.Database, kind: str, name: str,
                   aliases: list[str] | tuple[str, ...] = ()) -> str:
    """Return the id of the entity named ``name`` (or any alias), creating it if new."""
    keys = [k for k in dict.fromkeys(fold(n) for n in [name, *aliases]) if k]
    if not keys:
        keys = [short_hash(name)]
    entity_id = _find(db, kind, keys)
    if entity_id is None:
        entity_id = short_hash(kind, keys[0])
        insert(db, "entities", {
            "id": entity_id, "kind": kind, "name": name, "slug": _free_slug(db, name, entity_id),
        }, "ignore")
    else:
        _maybe_rename(db, entity_id, name)
    for key, alias in zip(keys, [name, *aliases], strict=False):
        insert(db, "aliases", {
            "key": key, "kind": kind, "entity_id": entity_id, "alias": alias,
        }, "ignore")
    return entity_id


def _find(db: sqlite_utils.Database, kind: str, keys: list[str]) -> str | None:
    marks = ",".join("?" for _ in keys)
    row = db.execute(
        f"select entity_id from aliases where kind = ? and key in ({marks}) limit 1",
        [kind, *keys],
    ).fetchone()
    return row[0] if row else None


def _maybe_rename(db: sqlite_utils.Database, entity_id: str, name: str) -> None:
    row = db.execute("select name from entities where id = ?", [entity_id]).fetchone()
    if row and len(name.split()) > len(row[0].split()) and len(name) <= 200:
        db.execute("update entities set name = ? where id = ?", [name, entity_id])


def _free_slug(db: sqlite_utils.Database, name: str, entity_id: str) -> str:
    base = slugify(name)
    taken = db.execute("select 1 from entities where slug = ?", [base]).fetchone()
    return f"{base}-{entity_id[:6]}" if taken else base


def resolve_agreement(db: sqlite_utils.Database, name: str) -> str:
    key = fold(name) or short_hash(name)
    agreement_id = short_hash("agreement", key)
    if not db.execute("select 1 from agreements where id = ?", [agreement_id]).fetchone():
        base = slugify(name)
        taken = db.execute("select 1 from agreements where slug = ?", [base]).fetchone()
        slug = f"{base}-{agreement_id[:6]}" if taken else base
        insert(db, "agreements", {"id": agreement_id, "name": name, "slug": slug}, "ignore")
    return agreement_id
