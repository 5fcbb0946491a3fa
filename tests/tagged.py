"""Model spans written by hand for the extractor's rules: the tests give ``find_mentions``
the spans a recogniser could have tagged, so a rule is tested whatever the model does."""

from __future__ import annotations


def tag(text: str, name: str, label: str, last: bool = False) -> tuple[int, int, str]:
    """(start, end, label) of ``name`` in ``text``: its first place, or its last."""
    start = text.rindex(name) if last else text.index(name)
    return start, start + len(name), label
