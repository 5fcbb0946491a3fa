"""How the text writes a word: a capitalised word the prose also writes in lower case is that
ordinary word, capitalised by a heading or a sentence start, and no name."""

from __future__ import annotations

import re


def written_in_lower_case(word: str, text: str) -> bool:
    """Whether the text also writes ``word`` in lower case as a word of its prose ("metal",
    "tech").  A word of an e-mail or web address ("@wired.com") is no prose."""
    return re.search(rf"(?<![\w’'.\-@/]){re.escape(word.lower())}(?![\w’'\-]|\.\w)",
                     text) is not None
