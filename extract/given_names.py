"""Given names, for telling a person's name from a title-case phrase the model tags PERSON.

The lists are the 1990 U.S. Census given-name files (``extract/data/given_names.txt``) and
the given names Faker ships for its locales (``extract/data/given_names_faker.txt``); each
file's header names its source.  It is one cue among several: many people in the news have given
names it lacks, so a name outside it still counts as a person's when the article gives a
title, a speech verb, a form of address or a later surname-only reference.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")
_FILES = ("given_names.txt", "given_names_faker.txt")
# Initials ("J.", "J.J.", "T.J."): a written given name.
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    lines = [line for name in _FILES for line in (_DATA / name).read_text(encoding="utf-8").splitlines()]
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_given_name(token: str) -> bool:
    """Whether ``token`` is a listed given name or an initial (hyphenated forms by their first part)."""
    if _INITIALS.match(token):
        return True
    first = token.split("-")[0].lower().strip(".,’'")
    return first in _names()
