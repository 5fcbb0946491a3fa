"""Tiny helper for writing word lists as readable blocks of text."""

from __future__ import annotations


def split_words(text: str) -> list[str]:
    """The whitespace-separated words of a literal block."""
    return text.split()
