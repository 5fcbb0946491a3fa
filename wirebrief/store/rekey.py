"""Keys made again with the current ``keys.fold``, for a store whose keys an older fold made.

Schema version 9 folds an abbreviation's full stops away ("U.N." and "UN" are one key);
a store from before keeps its keys until this runs, once, on opening. An entity whose
alias now shares a key with another entity's is that entity, and an agreement whose name
now folds to another's id is that agreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirebrief.store import short_names
from wirebrief.store.entities import agreement_key, merge_entity, reconcile_short_names
from wirebrief.store.keys import fold

if TYPE_CHECKING:
    import sqlite_utils


def rekey(db: sqlite_utils.Database) -> None:
    """Recompute aliases' keys, entities' short keys (the short-name rule then applied once
    more to what is stored) and agreements' ids."""
    _rekey_aliases(db)
    db.execute("update entities set surname = null")
    for kind in short_names.SHORTENED:
        reconcile_short_names(db, kind)
    _rekey_agreements(db)


def _rekey_aliases(db: sqlite_utils.Database) -> None:
    rows = db.execute("select rowid, key, kind, alias from aliases order by rowid").fetchall()
    for rowid, key, kind, alias in rows:
        new = fold(alias or "")
        if not new or new == key:
            continue
        # Read now, not with the rows: a merge above may have moved this alias to another entity.
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
    # An id changes in two tables: the foreign key is checked when the migration commits.
    db.execute("pragma defer_foreign_keys = on")
    for old, name in db.execute("select id, name from agreements").fetchall():
        new, _ = agreement_key(name or "")
        if new == old:
            continue
        if db.execute("select 1 from agreements where id = ?", [new]).fetchone():
            db.execute("update or ignore agreement_mentions set agreement_id = ? "
                       "where agreement_id = ?", [new, old])
            db.execute("delete from agreement_mentions where agreement_id = ?", [old])
            db.execute("delete from agreements where id = ?", [old])
        else:  # it keeps its slug, so its pages stay where they were published
            db.execute("update agreements set id = ? where id = ?", [new, old])
            db.execute("update agreement_mentions set agreement_id = ? where agreement_id = ?",
                       [new, old])
