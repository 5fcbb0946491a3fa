"""Tiny helper for writing word lists as readable blocks of text."""

from __future__ import annotations


def split_words(text: str) -> list[str]:
    """The whitespace-separated words of a literal block."""
    return text.split()


# The simple prepositions of English (Quirk et al., "A Comprehensive Grammar of the English
# Language", 9.7), those of place and time above all.
PREPOSITIONS = frozenset(split_words(
    "in on at by since from until till during of for to into through between before after "
    "toward towards against over under about across along among around behind beyond near "
    "via within without despite off onto upon past inside outside amid above below beneath "
    "beside throughout"
))
# The prepositions of place and direction among them (Quirk et al. 9.15-9.30): a place
# stands after one.
PLACE_PREPOSITIONS = frozenset(split_words(
    "in at on to from into onto off near beside between among around across along through "
    "throughout past toward towards inside outside within beyond over under via"
))
# The words title case leaves in lower case: articles, prepositions whatever their length,
# coordinators, and "is" (the Chicago Manual of Style's rule for headline-style
# capitalisation, 8.159).
TITLE_CASE_SMALL_WORDS = PREPOSITIONS | frozenset(split_words("a an the and or nor as is are"))
