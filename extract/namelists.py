"""Name lists from general sources: given names and listed companies.

Given names tell a person's name from a title-case phrase the model tags PERSON.  The lists
are the 1990 U.S. Census given-name files (``data/given_names.txt``) and the given names Faker
ships for its locales (``data/given_names_faker.txt``).  They are one cue among several: many
people in the news have given names they lack, so a name outside them still counts as a
person's when the article gives a title, a speech verb, a form of address or a later
surname-only reference.

Faker's male and female lists also give the gender of a given name listed on one side only
(``data/given_names_gender.txt``), which a "he" or "she" must agree with.

Companies (``data/companies.txt``, the constituents of twenty stock indices) retype names
the model takes for a person or a place ("Lockheed Martin" tagged PERSON).  Each file's
header names its source and how it was made.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")
_GIVEN_NAME_FILES = ("given_names.txt", "given_names_faker.txt")
# Initials ("J.", "J.J.", "T.J."): a written given name.
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
# Articles and particles that open place names and surnames ("El Obeid", "Le Havre",
# "De Gaulle"): a few locales list them as given names, but a name opening with one is
# no given name's.
# ("Al" and "Van" stay: they are English given names as often, "Al Root", "Van Morrison".)
_PARTICLES = frozenset(("el", "le", "la", "les", "los", "las", "de", "del", "der", "den", "von",
                        "di", "da", "du", "dos", "das", "bin", "ibn", "abu", "san", "santa", "st",
                        "saint"))


# The abbreviations of the ISO 20275 entity legal forms most used by companies in the news,
# written after the name ("Lockheed Martin Corp.").
LEGAL_FORMS = (r"Inc|Corp|Corporation|Co|Ltd|Limited|plc|PLC|LLC|AG|SE|SA|S\.A|NV|N\.V|AB|ASA|"
               r"Oyj|SpA|S\.p\.A|KGaA|GmbH|Incorporated")
# A name written in capitals (a ticker's or a filing's "HOME DEPOT INC") has its legal form
# in capitals too.
_LEGAL_FORM = re.compile(rf",?\s+(?:{LEGAL_FORMS}|{LEGAL_FORMS.upper()})\.?$")


@lru_cache(maxsize=4096)
def without_legal_form(name: str) -> str:
    """"Sierra Nevada Corp." -> "Sierra Nevada": the name a company goes by in running text."""
    return _LEGAL_FORM.sub("", name) if " " in name else name


def read_list(name: str) -> list[str]:
    """The entries of a data file of extract/data (comment lines left out)."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_list(name: str, header: list[str], entries: set[str]) -> None:
    """Write a data file in the form ``read_list`` reads: ``header`` as comment lines (its
    source), then the entries sorted, one a line (used by the generators in tools/)."""
    lines = [f"# {line}" for line in header] + sorted(entries)
    (_DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(name for file in _GIVEN_NAME_FILES for name in read_list(file))


@lru_cache(maxsize=1)
def _companies() -> frozenset[str]:
    return frozenset(read_list("companies.txt"))


def is_given_name(token: str) -> bool:
    """Whether ``token`` is a listed given name or an initial (hyphenated forms by their first part)."""
    if _INITIALS.match(token):
        return True
    first = token.split("-")[0].lower().strip(".,’'")
    return first in _given_names() and first not in _PARTICLES


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    return dict(line.split() for line in read_list("given_names_gender.txt"))


def given_name_gender(token: str) -> str | None:
    """"m" or "f" for a given name Faker's locales list on one side only, else None."""
    return _genders().get(token.split("-")[0].lower().strip(".,’'"))


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    return frozenset(read_list("adjectives.txt"))


def is_adjective(word: str) -> bool:
    """Whether WordNet lists ``word`` (any case) as an English adjective ("International")."""
    return word.lower() in _adjectives()


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    return frozenset(read_list("cities.txt"))


def is_city(name: str) -> bool:
    """Whether GeoNames lists a city of 15,000 people or more under ``name`` ("Gaza")."""
    return name in _cities()


def is_company(name: str) -> bool:
    """Whether ``name`` is written as a listed company is ("Northrop Grumman", "Saab")."""
    return name in _companies()


# A run of capitalised words (with "&", "of", "and" inside): where a company's name can be.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.&'’\-]*(?:\s+(?:&|of|and|[A-Z0-9][\w.&'’\-]*))+")


def find_companies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every listed company of two or more words in the text, longest
    first where names overlap (NER splits "Lockheed Martin" into two names as often as it
    tags it a person)."""
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        position = 0
        while position < len(words) - 1:
            match = _longest_company(run.group(0), words, position)
            if match is None:
                position += 1
                continue
            end_word, name = match
            start = run.start() + words[position].start()
            found.append((start, start + len(name), name))
            position = end_word + 1
    return found


def _longest_company(run: str, words: list[re.Match[str]], first: int) -> tuple[int, str] | None:
    """The last word and name of the longest listed company starting at words[first]."""
    companies = _companies()
    for last in range(min(len(words), first + 6) - 1, first, -1):
        name = _TRAILER.sub("", run[words[first].start() : words[last].end()])
        if name in companies:
            return last, name
    return None


# What may follow a name inside its last word: a possessive or a punctuation mark.
_TRAILER = re.compile(r"(?:['’]s?)?[.,;:!?]*$")


def surname_used_alone(words: list[str], text: str, then: str = "") -> bool:
    """Whether the text names ``words``' last word (a surname) without the word before it,
    as news names a person after the first mention ("Lenart said"); ``then``, a pattern,
    must follow it when given."""
    alone = rf"(?<!{re.escape(words[-2])} )(?<![\w’'.\-]){re.escape(words[-1])}(?![\w\-])"
    return re.search(alone + then, text) is not None
