"""Which stories lead: the window of the latest days, and the order within it.

One function ranks, so that every place that shows "the top stories" (the digest email
now, the site's briefing later) agrees on what they are. The window is measured from the
newest story, not the wall clock, so the same store always gives the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TypeVar

from wirebrief.stories.reads import StoryArticle, StoryRow

T = TypeVar("T")


def outlet(article: StoryArticle) -> str:
    """Who published an article as readers know them: the site, and the agency whose
    copy it carries when that is someone else (as the site names outlets)."""
    source = article.source or article.agency or "source"
    return f"{source} ({article.agency})" if article.agency and article.agency != source else source


def outlets(story: StoryRow) -> int:
    """How many distinct outlets report a story."""
    return len({outlet(article) for article in story.articles})


def _day(value: str | None) -> str | None:
    try:
        return date.fromisoformat((value or "")[:10]).isoformat()
    except ValueError:
        return None


def newest_day(stories: list[StoryRow]) -> str | None:
    """The last day any of the stories was seen: where "the last N days" end."""
    return max((day for s in stories if (day := _day(s.last_seen))), default=None)


def latest_stories(stories: list[StoryRow], days: int) -> list[StoryRow]:
    """Stories last seen in the ``days`` days ending on the newest story's day."""
    newest = newest_day(stories)
    if newest is None:
        return list(stories)
    try:
        since = (date.fromisoformat(newest) - timedelta(days=days - 1)).isoformat()
    except OverflowError:
        since = date.min.isoformat()
    return [s for s in stories if (day := _day(s.last_seen)) is not None and day >= since]


def rank(items: Sequence[T], outlets_of: Callable[[T], int], seen_of: Callable[[T], str],
         id_of: Callable[[T], str]) -> list[T]:
    """The ranking itself, for any kind of story record (the site has its own): most
    distinct outlets first, then the most recently seen, then by id, so ties are stable."""
    by_id = sorted(items, key=id_of)
    by_recency = sorted(by_id, key=seen_of, reverse=True)
    return sorted(by_recency, key=outlets_of, reverse=True)


def rank_stories(stories: Sequence[StoryRow]) -> list[StoryRow]:
    """The store's stories (``read_stories``) in ranking order."""
    return rank(stories, outlets, lambda s: s.last_seen or "", lambda s: s.id)
