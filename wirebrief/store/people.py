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
the mentions and quotes already stored are moved accordingly (store/short_names.py and
``entities.short_name_arrived``, which organisations' short names share).
"""

from __future__ import annotations

import functools

from wirebrief.store.keys import fold

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
