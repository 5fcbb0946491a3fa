"""Which stories lead: the window of the latest days, and the order within it.

One function ranks, so that every place that shows "the top stories" (the digest email,
the site's briefing) agrees on what they are. The window is measured from the
newest story, not the wall clock, so the same store always gives the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import NamedTuple, Protocol, TypeVar

from wirebrief.stories.reads import StoryRow

T = TypeVar("T")


class Published(Protocol):
    """An article as read by the digest (StoryArticle) or the site (its corpus)."""

    @property
    def source(self) -> str | None: ...

    @property
    def agency(self) -> str | None: ...


def outlet(article: Published) -> str:
    """Who published an article as readers know them: the site, and the agency whose
    copy it carries when that is someone else (the digest and the site name outlets alike)."""
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


def latest(items: Sequence[T], seen_of: Callable[[T], str | None], days: int) -> list[T]:
    """The items seen in the ``days`` days ending on the newest one's day (every item when
    none is dated): "the latest days" of the site's briefing and of the digest."""
    newest = max((day for item in items if (day := seen_of(item))), default=None)
    if newest is None:
        return list(items)
    try:
        since = (date.fromisoformat(newest) - timedelta(days=days - 1)).isoformat()
    except OverflowError:  # the newest story is dated in year 1
        since = date.min.isoformat()
    return [item for item in items if (day := seen_of(item)) is not None and day >= since]


def latest_stories(stories: list[StoryRow], days: int) -> list[StoryRow]:
    """Stories last seen in the ``days`` days ending on the newest story's day."""
    return latest(stories, lambda s: _day(s.last_seen), days)


class Standing(NamedTuple):
    """What the ranking weighs of a story, however it was read (the digest reads the
    store's stories, the site its corpus)."""

    outlets: int  # distinct outlets
    reports: int
    fresh: int  # reports stored by the latest crawl that stored anything
    topic: bool  # any report has a topic
    seen: str | None  # the day of its newest report (YYYY-MM-DD)


def importance(standing: Standing, newest: str | None) -> float:
    """Two points per distinct outlet, three if the story is developing (reports from
    before and from the latest crawl), one per fresh report (up to three), one for a
    topic, minus half a point per day before ``newest``, the newest story's day."""
    outlets, reports, fresh, topic, seen = standing
    days = (date.fromisoformat(newest) - date.fromisoformat(seen)).days if newest and seen else 0
    return 2.0 * outlets + 3.0 * (0 < fresh < reports) + min(fresh, 3) + float(topic) - 0.5 * days


def rank(items: Sequence[T], standing_of: Callable[[T], Standing], id_of: Callable[[T], str]) -> list[T]:
    """The one ranking of "the top stories", for any kind of story record: the most
    important first (importance), then the most recently seen, then by id, so that the
    same store always gives the same order."""
    standings = {id_of(item): standing_of(item) for item in items}
    newest = max((s.seen for s in standings.values() if s.seen), default=None)
    by_id = sorted(items, key=id_of)
    by_recency = sorted(by_id, key=lambda item: standings[id_of(item)].seen or "", reverse=True)
    return sorted(by_recency, key=lambda item: importance(standings[id_of(item)], newest), reverse=True)


def rank_stories(stories: Sequence[StoryRow], every: Sequence[StoryRow] = ()) -> list[StoryRow]:
    """The store's stories (``read_stories``) in ranking order; fresh reports are those of
    the latest crawl that stored any article of ``every`` story (default: of these), as
    the site counts them over the whole store."""
    latest_run = max((a.first_run_id for s in every or stories for a in s.articles
                      if a.first_run_id is not None), default=None)

    def standing(story: StoryRow) -> Standing:
        fresh = sum(1 for a in story.articles if latest_run is not None and a.first_run_id == latest_run)
        return Standing(outlets(story), len(story.articles), fresh,
                        any(a.topic for a in story.articles), _day(story.last_seen))

    return rank(stories, standing, lambda s: s.id)
