"""One entity per person across the corpus: surnames and titles resolved against full names.

Within an article the extractor already folds "Trump" and "President Trump" into "Donald
Trump"; across articles the store does the same with what it knows of the corpus. The
rule is a function of the set of full names ever stored, never of the order articles
arrive in, so that any order of storing gives the same entities:

- a person's name never carries a title ("President Trump" is "Trump", "Administrator Jim
  Bridenstine" is "Jim Bridenstine"), by the extractor's own rule (extract/people.py);
- a name of one word is a surname alone: it is the person whose full name ends in it when
  exactly one such person is known, else an entity of its own;
- two different full names are never one person.

When a full name arrives that changes the count of its surname (none → one, one → two),
the mentions and quotes already stored are moved accordingly (see ``surname_arrived``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from wirebrief.store.keys import fold

if TYPE_CHECKING:
    from wirebrief.store.db import Store

# Generational suffixes written after a surname ("Martin Luther King Jr."), not part of it.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@functools.lru_cache(maxsize=65536)
def person_name(name: str) -> str:
    """``name`` without the titles and forms of address written before it.

    The extractor's rule (extract.people.clean_person_name) is reused rather than copied,
    so the store and the facts record agree on what a title is; it is imported when first
    needed, since loading the extractor costs a crawl process, which never resolves
    names, a third of a second. A name that rule rejects is kept as written (the store
    does not judge what the extractor found)."""
    from extract.people import clean_person_name

    spaced = " ".join(name.split())
    return clean_person_name(spaced) or spaced


def surname_of(name: str) -> str | None:
    """The folded last name of a full name (two words or more, titles removed), or None
    for a name of one word."""
    words = [w for w in person_name(name).split() if fold(w) not in _SUFFIXES]
    return (fold(words[-1]) or None) if len(words) > 1 else None


def alone_key(name: str) -> str | None:
    """The folded surname of a one-word name ("President Trump" → "trump"), else None."""
    words = person_name(name).split()
    return (fold(words[0]) or None) if len(words) == 1 else None


def full_names_first(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An article's people with the full names first: a full name can move the stored
    mentions of its surname (surname_arrived), which must happen before this article's
    own surname-only mentions are resolved, or they would be resolved against the old
    state."""
    return sorted(items, key=lambda item: alone_key(str(item.get("name") or "")) is not None)


def with_surname(db: Store, surname: str, limit: int = 3) -> list[str]:
    """Ids of the full-name persons whose surname is ``surname`` (at most ``limit``)."""
    rows = db.execute("select id from entities where kind = 'person' and surname = ? order by id "
                      "limit ?", [surname, limit]).fetchall()
    return [row[0] for row in rows]


def only_person(db: Store, surname: str) -> str | None:
    """The one full-name person with this surname, or None (none known, or several)."""
    found = with_surname(db, surname, 2)
    return found[0] if len(found) == 1 else None


def moved_mentions(db: Store, entity_id: str, surname: str) -> tuple[list[int], list[str]]:
    """Rowids of the mentions and ids of the quotes of ``entity_id`` that name it by
    ``surname`` alone: what a second full name with that surname takes back from it."""
    mentions = [rowid for rowid, name in db.execute(
        "select rowid, name from mentions where entity_id = ?", [entity_id]).fetchall()
        if alone_key(name or "") == surname]
    quotes = [quote_id for quote_id, speaker in db.execute(
        "select id, speaker from quotes where speaker_id = ?", [entity_id]).fetchall()
        if alone_key(speaker or "") == surname]
    return mentions, quotes
