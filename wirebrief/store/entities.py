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
    return resolve_entity_keys(db, kind, name, *entity_keys(kind, name, aliases))


def entity_keys(kind: str, name: str, aliases: list[str] | tuple[str, ...] = (),
                ) -> tuple[list[tuple[str, str]], str, str]:
    """What resolving a name needs that the database does not decide: its (key, alias)
    pairs, the id and the slug it gets if new. Pure, so that the extract stage's workers
    compute it and its writer only looks up and writes."""
    keys = [k for k in dict.fromkeys(fold(n) for n in [name, *aliases]) if k]
    if not keys:
        keys = [short_hash(name)]
    pairs = list(zip(keys, [name, *aliases], strict=False))
    return pairs, short_hash(kind, keys[0]), slugify(name)


def resolve_entity_keys(db: sqlite_utils.Database, kind: str, name: str,
                        pairs: list[tuple[str, str]], new_id: str, slug: str) -> str:
    """``resolve_entity`` with the name's keys computed beforehand (``entity_keys``)."""
    entity_id = _find(db, kind, [key for key, _ in pairs])
    if entity_id is None:
        entity_id = new_id
        insert(db, "entities", {
            "id": entity_id, "kind": kind, "name": name, "slug": _free_slug(db, slug, entity_id),
        }, "ignore")
    else:
        _maybe_rename(db, entity_id, name)
    for key, alias in pairs:
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


def _free_slug(db: sqlite_utils.Database, base: str, entity_id: str) -> str:
    taken = db.execute("select 1 from entities where slug = ?", [base]).fetchone()
    return f"{base}-{entity_id[:6]}" if taken else base


def resolve_agreement(db: sqlite_utils.Database, name: str) -> str:
    return resolve_agreement_key(db, name, *agreement_key(name))


def agreement_key(name: str) -> tuple[str, str]:
    """An agreement's id and the slug it gets if new: pure, like ``entity_keys``."""
    key = fold(name) or short_hash(name)
    return short_hash("agreement", key), slugify(name)


def resolve_agreement_key(db: sqlite_utils.Database, name: str, agreement_id: str,
                          base: str) -> str:
    """``resolve_agreement`` with the id and slug computed beforehand (``agreement_key``)."""
    if not db.execute("select 1 from agreements where id = ?", [agreement_id]).fetchone():
        taken = db.execute("select 1 from agreements where slug = ?", [base]).fetchone()
        slug = f"{base}-{agreement_id[:6]}" if taken else base
        insert(db, "agreements", {"id": agreement_id, "name": name, "slug": slug}, "ignore")
    return agreement_id
