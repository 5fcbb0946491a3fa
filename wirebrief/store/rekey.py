"""Keys made again with the current ``keys.fold``, for a store whose keys an older fold made.

Schema version 9 folds an abbreviation's full stops away ("U.N." and "UN" are one key);
a store from before keeps its keys until this runs, once, on opening. An entity whose
alias now shares a key with another entity's is that entity, and an agreement whose name
now folds to another's id is that agreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirebrief.store import short_names
from wirebrief.store.entities import agreement_key, merge_entity
from wirebrief.store.keys import fold

if TYPE_CHECKING:
    import sqlite_utils


def rekey(db: sqlite_utils.Database) -> None:
    """Recompute aliases' keys, entities' short keys and agreements' ids."""
    _rekey_aliases(db)
    for entity_id, kind, name in db.execute("select id, kind, name from entities").fetchall():
        if kind in short_names.SHORTENED:
            db.execute("update entities set surname = ? where id = ?",
                       [short_names.full_key(kind, name or ""), entity_id])
    _rekey_agreements(db)


def _rekey_aliases(db: sqlite_utils.Database) -> None:
    rows = db.execute("select rowid, key, kind, alias from aliases order by rowid").fetchall()
    for rowid, key, kind, alias in rows:
        new = fold(alias or "")
        if not new or new == key:
            continue
        (owner,) = db.execute("select entity_id from aliases where rowid = ?", [rowid]).fetchone()
        other = db.execute("select entity_id from aliases where kind = ? and key = ?",
                           [kind, new]).fetchone()
        if other is None:
            db.execute("update aliases set key = ? where rowid = ?", [new, rowid])
            continue
        db.execute("delete from aliases where rowid = ?", [rowid])
        if other[0] != owner:
            merge_entity(db, owner, other[0])


def _rekey_agreements(db: sqlite_utils.Database) -> None:
    for old, name, slug in db.execute("select id, name, slug from agreements").fetchall():
        new, _ = agreement_key(name or "")
        if new == old:
            continue
        if not db.execute("select 1 from agreements where id = ?", [new]).fetchone():
            db.execute("insert into agreements (id, name, slug) values (?, ?, ?)",
                       [new, name, f"{slug}-{new[:6]}"])
        db.execute("update or ignore agreement_mentions set agreement_id = ? where agreement_id = ?",
                   [new, old])
        db.execute("delete from agreement_mentions where agreement_id = ?", [old])
        slug_free = db.execute("select slug from agreements where id = ?", [old]).fetchone()
        db.execute("delete from agreements where id = ?", [old])
        if slug_free:  # the moved agreement keeps the slug its pages were published under
            db.execute("update agreements set slug = ? where id = ? and slug = ?",
                       [slug_free[0], new, f"{slug}-{new[:6]}"])
