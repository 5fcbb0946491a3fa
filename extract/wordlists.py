"""Tiny helper for writing word lists as readable blocks of text."""

from __future__ import annotations


def split_words(text: str) -> list[str]:
    """The whitespace-separated words of a literal block."""
    return text.split()


# The words title case leaves in lower case: articles, short prepositions and coordinators,
# and "is" (the Chicago Manual of Style's rule for headline-style capitalisation, 8.159).
TITLE_CASE_SMALL_WORDS = frozenset(split_words(
    "a an the of and or nor in on at to for by with from as is are"))
