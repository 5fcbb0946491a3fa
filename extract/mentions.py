"""A typed span of text naming a person, organisation or place."""

from __future__ import annotations

from dataclasses import dataclass

PERSON = "person"
ORG = "org"
PLACE = "place"


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name: its surface text, kind and offsets into the article text."""

    text: str
    kind: str
    start: int
    end: int
    source: str = "ner"

    def key(self) -> str:
        """Case- and space-insensitive form used to group repeated mentions."""
        return " ".join(self.text.lower().replace("’", "'").split())
