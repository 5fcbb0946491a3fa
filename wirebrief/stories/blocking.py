"""Candidate stories for a new article: those sharing a rare entity or the dateline place
within a few days, never the whole archive.

Keys are entity ids and the folded dateline place. Entities named in a large share of
the window's articles (a country in every story) block nothing: they would make every
story a candidate and say little about which event an article reports.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from wirebrief.stories.documents import Doc

WINDOW_DAYS = 7
MAX_CANDIDATES = 30
COMMON_SHARE = 0.2  # an entity in more than this share of the window's articles is common
COMMON_MIN = 25


class BlockIndex:
    """Blocking keys -> article ids, for the articles already placed in this run's window."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.day: dict[str, date | None] = {}

    @staticmethod
    def keys(doc: Doc) -> list[str]:
        keys = [f"e:{entity}" for entity in doc.entities]
        if doc.dateline:
            keys.append(f"p:{doc.dateline}")
        return keys

    def add(self, doc: Doc) -> None:
        self.day[doc.id] = doc.when
        for key in self.keys(doc):
            self.by_key[key].add(doc.id)

    def candidates(self, doc: Doc) -> list[str]:
        """Article ids sharing keys with ``doc`` within the window, most keys first."""
        common = max(COMMON_MIN, int(COMMON_SHARE * len(self.day)))
        shared: dict[str, int] = defaultdict(int)
        for key in self.keys(doc):
            members = self.by_key.get(key, ())
            if len(members) > common:
                continue
            for article_id in members:
                shared[article_id] += 1
        near = [a for a in shared if _within(self.day[a], doc.when)]
        near.sort(key=lambda a: (-shared[a], a))
        return near[: MAX_CANDIDATES * 4]


def _within(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS
