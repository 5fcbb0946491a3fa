"""Corpus-wide name resolution: the same person or organisation is one entity.

An entity is found by any of its known aliases (folded names and acronyms), so
"European Union" in one article and "EU" in another meet on one page once an
article has joined the two; entities that an article's names show to be one (its name
found on one entity, its acronym on another) are merged. The first name seen is kept as
the display name unless a fuller one (more words) turns up later. People are resolved
by their surnames as well, organisations by their short names (store/short_names.py).
"""

from __future__ import annotations

import sqlite_utils

from wirebrief.store import people, short_names
from wirebrief.store.keys import fold, short_hash, slugify
from wirebrief.store.rows import insert

KINDS = ("person", "organization", "place")


def resolve_entity(db: sqlite_utils.Database, kind: str, name: str,
                   aliases: list[str] | tuple[str, ...] = (),
                   moved: dict[str, str] | None = None) -> str:
    """Return the id of the entity named ``name`` (or any alias), creating it if new.

    Entities merged on the way are recorded in ``moved`` (old id → the one that stays),
    so that a caller holding old ids can follow them."""
    return resolve_entity_keys(db, kind, *entity_keys(kind, name, aliases), moved=moved)


def entity_keys(kind: str, name: str, aliases: list[str] | tuple[str, ...] = (),
                ) -> tuple[str, list[tuple[str, str]]]:
    """What resolving a name needs that the database does not decide: the name as stored
    (a person's without titles) and its (key, alias) pairs. Pure, so that the extract
    stage's workers compute it and its writer only looks up and writes."""
    if kind == "person":
        name = people.person_name(name)
        aliases = [people.person_name(alias) for alias in aliases]
    short = short_names.full_key(kind, name)
    # A full name's own short name ("Nordvik" of "Nordvik Sensors") is no key of it: the
    # short-name rule decides what a one-word name stands for, by the names stored.
    aliases = [alias for alias in aliases if short is None or fold(alias) != short]
    pairs: dict[str, str] = {}
    for written in (name, *aliases):
        pairs.setdefault(fold(written), written)
    pairs.pop("", None)
    return name, list(pairs.items()) or [(short_hash(name), name)]


def resolve_entity_keys(db: sqlite_utils.Database, kind: str, name: str,
                        pairs: list[tuple[str, str]], moved: dict[str, str] | None = None) -> str:
    """``resolve_entity`` with the name's keys computed beforehand (``entity_keys``)."""
    keys = [key for key, _ in pairs]
    found = _find(db, kind, keys)
    if found:
        entity_id = found[0]
        for other in found[1:]:
            merge_entity(db, other, entity_id, moved)
        _maybe_rename(db, entity_id, name)
    elif kind in short_names.SHORTENED:
        entity_id = _new_named(db, kind, name, keys[0], moved)
    else:
        entity_id = _create(db, kind, name, keys[0])
    for key, alias in pairs:
        _alias(db, kind, key, entity_id, alias)
    return entity_id


def _find(db: sqlite_utils.Database, kind: str, keys: list[str]) -> list[str]:
    """The distinct entities these keys are aliases of, in the keys' order."""
    marks = ",".join("?" for _ in keys)
    rows = dict(db.execute(
        f"select key, entity_id from aliases where kind = ? and key in ({marks})", [kind, *keys],
    ).fetchall())
    return list(dict.fromkeys(rows[key] for key in keys if key in rows))


def _create(db: sqlite_utils.Database, kind: str, name: str, key: str,
            surname: str | None = None) -> str:
    entity_id = short_hash(kind, key)
    insert(db, "entities", {
        "id": entity_id, "kind": kind, "name": name, "slug": _free_slug(db, name, entity_id),
        "surname": surname,
    }, "ignore")
    return entity_id


def _alias(db: sqlite_utils.Database, kind: str, key: str, entity_id: str, alias: str) -> None:
    insert(db, "aliases", {"key": key, "kind": kind, "entity_id": entity_id, "alias": alias}, "ignore")


def _new_named(db: sqlite_utils.Database, kind: str, name: str, key: str,
               moved: dict[str, str] | None) -> str:
    """A person or organisation no alias knows: a one-word name is the one full name it
    shortens, if there is exactly one; a new full name may change what its short form
    stands for (store/short_names.py)."""
    short = short_names.full_key(kind, name)
    if short is None:
        alone = short_names.alone_key(kind, name)
        return (short_names.only_holder(db, kind, alone) if alone else None) \
            or _create(db, kind, name, key)
    entity_id = _create(db, kind, name, key, short)
    short_name_arrived(db, kind, short, entity_id, moved)
    return entity_id


def short_name_arrived(db: sqlite_utils.Database, kind: str, short: str, entity_id: str,
                       moved: dict[str, str] | None = None) -> None:
    """A full name shortened to ``short`` is new. If it is the only one, the short form
    stood for nobody known and now stands for it (its entity is merged into the new one);
    if it is the second, the short form no longer says which one is meant, and its
    mentions go back to an entity of its own. So the same names give the same entities in
    whichever order they were stored."""
    full = short_names.holders(db, kind, short)
    alone = _find(db, kind, [short])
    if not alone or alone[0] == entity_id:
        return
    if full == [entity_id]:
        merge_entity(db, alone[0], entity_id, moved)
    elif len(full) == 2 and alone[0] in full:
        _split_short_name(db, kind, short, alone[0])


def _split_short_name(db: sqlite_utils.Database, kind: str, short: str, holder: str) -> None:
    """Move the one-word mentions and quotes of ``holder`` to the short name's own entity."""
    row = db.execute("select alias from aliases where kind = ? and key = ?", [kind, short]).fetchone()
    own = _create(db, kind, row[0] if row else short.title(), short)
    mentions, quotes = short_names.moved_mentions(db, kind, holder, short)
    for rowid in mentions:
        db.execute("update mentions set entity_id = ? where rowid = ?", [own, rowid])
    for quote_id in quotes:
        db.execute("update quotes set speaker_id = ? where id = ?", [own, quote_id])
    db.execute("update aliases set entity_id = ? where kind = ? and key = ?", [own, kind, short])


def merge_entity(db: sqlite_utils.Database, old: str, new: str,
                 moved: dict[str, str] | None = None) -> None:
    """Make ``old`` part of ``new``: its mentions, quotes, event places and aliases point
    to ``new`` and it is gone. An article that named both keeps its mention of ``new``.
    The store's triggers move the revision of every article touched, so the site
    renders their pages again."""
    db.execute("update or ignore mentions set entity_id = ? where entity_id = ?", [new, old])
    db.execute("delete from mentions where entity_id = ?", [old])
    db.execute("update quotes set speaker_id = ? where speaker_id = ?", [new, old])
    db.execute("update events set place_id = ? where place_id = ?", [new, old])
    db.execute("update aliases set entity_id = ? where entity_id = ?", [new, old])
    _maybe_rename(db, new, (db.execute("select name from entities where id = ?", [old]).fetchone()
                            or [""])[0])
    db.execute("delete from entities where id = ?", [old])
    if moved is not None:
        moved[old] = new
        for earlier, target in moved.items():
            if target == old:
                moved[earlier] = new


def _maybe_rename(db: sqlite_utils.Database, entity_id: str, name: str) -> None:
    row = db.execute("select name from entities where id = ?", [entity_id]).fetchone()
    if row and len(name.split()) > len(row[0].split()) and len(name) <= 200:
        db.execute("update entities set name = ? where id = ?", [name, entity_id])


def _free_slug(db: sqlite_utils.Database, name: str, entity_id: str) -> str:
    base = slugify(name)
    taken = db.execute("select 1 from entities where slug = ? and id != ?", [base, entity_id]).fetchone()
    return f"{base}-{entity_id[:6]}" if taken else base


def reconcile_short_names(db: sqlite_utils.Database, kind: str) -> None:
    """Give every stored full name of ``kind`` its short key and apply the short-name rule
    to what is stored: a store from before schema version 7 resolved no surnames, one from
    before version 8 no organisations' short names. Run once, on migration."""
    for entity_id, name in db.execute("select id, name from entities where kind = ? "
                                      "and surname is null order by id", [kind]).fetchall():
        short = short_names.full_key(kind, name or "")
        if short is not None:
            db.execute("update entities set surname = ? where id = ?", [short, entity_id])
    for (short,) in db.execute("select surname from entities where kind = ? and surname is not "
                               "null group by surname having count(*) = 1", [kind]).fetchall():
        (only,) = short_names.holders(db, kind, short)
        alone = _find(db, kind, [short])
        if alone and alone[0] != only:
            merge_entity(db, alone[0], only)


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
