"""What a one-word name stands for across the corpus, for the kinds news shortens so.

A person is named again by the surname ("Kessel" of "Marta Kessel", store/people.py), an
organisation by the first word of its name ("Nordvik" of "Nordvik Sensors", the
extractor's rule: extract.orgs.short_name_of). Both are resolved by one rule that is a
function of the set of full names stored, never of the order articles arrive in: a
one-word name is the full name it shortens when exactly one such full name is known, else
an entity of its own. ``entities.surname`` holds each full name's short key.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from wirebrief.store import people
from wirebrief.store.keys import fold

if TYPE_CHECKING:
    from wirebrief.store.db import Store

SHORTENED = ("person", "organization")


def full_key(kind: str, name: str) -> str | None:
    """The key of the one-word name a full name is shortened to, or None."""
    if kind == "person":
        return people.surname_of(name)
    if kind == "organization":
        short = _org_short_name(name)
        return (fold(short) or None) if short else None
    return None


def alone_key(kind: str, name: str) -> str | None:
    """The key of a one-word name that may stand for a full one, else None."""
    if kind == "person":
        return people.alone_key(name)
    if kind == "organization" and _org_short_alone(name):
        return fold(name) or None
    return None


@functools.lru_cache(maxsize=65536)
def _org_short_name(name: str) -> str | None:
    """The extractor's rule, imported when first needed (a crawl process never loads it)."""
    from extract.orgs import short_name_of

    return short_name_of(" ".join(name.split()))


@functools.lru_cache(maxsize=65536)
def _org_short_alone(name: str) -> bool:
    from extract.orgs import is_short_name

    return is_short_name(name.strip())


def holders(db: Store, kind: str, key: str, limit: int = 3) -> list[str]:
    """Ids of the full names of ``kind`` shortened to ``key`` (at most ``limit``)."""
    rows = db.execute("select id from entities where kind = ? and surname = ? order by id limit ?",
                      [kind, key, limit]).fetchall()
    return [row[0] for row in rows]


def only_holder(db: Store, kind: str, key: str) -> str | None:
    """The one full name shortened to ``key``, or None (none known, or several)."""
    found = holders(db, kind, key, 2)
    return found[0] if len(found) == 1 else None


def moved_mentions(db: Store, kind: str, entity_id: str, key: str) -> tuple[list[int], list[str]]:
    """Rowids of the mentions and ids of the quotes of ``entity_id`` that name it by the
    one-word ``key``: what a second full name shortened so takes back from it."""
    mentions = [rowid for rowid, name in db.execute(
        "select rowid, name from mentions where entity_id = ?", [entity_id]).fetchall()
        if alone_key(kind, name or "") == key]
    quotes = [quote_id for quote_id, speaker in db.execute(
        "select id, speaker from quotes where speaker_id = ?", [entity_id]).fetchall()
        if alone_key(kind, speaker or "") == key]
    return mentions, quotes


def full_names_first(kind: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An article's names with the full names first: a full name can move the stored
    mentions of its short form (entities.short_name_arrived), which must happen before this
    article's own one-word mentions are resolved, or they would be resolved against the
    old state."""
    return sorted(items, key=lambda item: alone_key(kind, str(item.get("name") or "")) is not None)
