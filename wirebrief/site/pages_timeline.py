"""The timeline of dated events (/timeline/), newest first, one entry per distinct event.

The same event reported by several articles (syndicated copies above all) is listed
once, with every article that reports it. The first page shows the newest events; each
year's page lists its months and the events dated only by the year; each month's page
lists the month's events (a busy year holds thousands: one page of them was megabytes).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from wirebrief.site.corpus import Article, Corpus, listed_year
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.render import Renderer
from wirebrief.site.rows import nice_date

if TYPE_CHECKING:
    from wirebrief.site.changes import Plan


RECENT = 100  # events the timeline's first page shows
SHARED = "timeline periods"  # the group of the year and month pages (incremental.Output.shares)

Key = tuple[str, str, str]
Found = dict[Key, set[str]]


def event_key(when: str, what: str, place: str | None) -> Key:
    """What makes two reports one event: the same day, the same words, the same place."""
    return (when, what.strip().casefold(), (place or "").casefold())


def month_unit(month: str) -> str:
    """The unit of a month's page (``YYYY-MM``): a part of its year's, as archive pages
    are of their list's."""
    return f"year:{month[:4]}:{month[5:7]}"


def month_path(month: str) -> str:
    return f"timeline/{month[:4]}/{month[5:7]}/"


def events(corpus: Corpus, articles: list[Article], keep: Callable[[str], bool]) -> list[dict[str, Any]]:
    """Distinct (date, what, place) events of ``articles`` (in corpus order) whose date
    ``keep`` accepts, newest first, with the articles that report them (one copy of each
    story). Any subset of the corpus holding every article with such an event gives the
    same entries as the whole corpus would: an entry is made from its first report."""
    corpus.read_events(articles)
    merged: dict[Key, dict[str, Any]] = {}
    stories: dict[Key, set[str]] = {}
    for article in articles:
        for event in article.events:
            if event["year"] is None or not keep(event["date"]):  # see corpus.listed_year
                continue
            key = event_key(event["date"], event["what"], event["place"])
            entry = merged.get(key)
            if entry is None:
                entry = merged[key] = {**event, "articles": []}
                stories[key] = set()
            if article.story_id not in stories[key]:
                stories[key].add(article.story_id)
                entry["articles"].append(article)
    return sorted(merged.values(), key=lambda e: (e["date"], e["what"]), reverse=True)


def distinct_events(corpus: Corpus) -> Found:
    """Every event the timeline lists, by its key, with the articles reporting it: read
    without the rest of each event, since a page shows only some of them."""
    found: Found = {}
    for article_id, when, what, place in corpus.event_keys:
        if article_id in corpus.by_id and listed_year(when, what) is not None:
            found.setdefault(event_key(when or "", what or "", place), set()).add(article_id)
    return found


def reported(corpus: Corpus, found: Found, keep: Callable[[str], bool]) -> list[dict[str, Any]]:
    """The events whose date ``keep`` accepts, merged from only the articles reporting them."""
    reporting: set[str] = set()
    for key, ids in found.items():
        if keep(key[0]):
            reporting |= ids
    return events(corpus, [a for a in corpus.articles if a.id in reporting], keep)


def timeline_index(corpus: Corpus, found: Found | None = None) -> dict[str, Any]:
    """The first page's events (the newest RECENT), the count of events and of each year's.

    Only the articles reporting the newest events are merged: the RECENT-th newest date
    bounds them, and every event on or after it comes from those articles."""
    found = distinct_events(corpus) if found is None else found
    counts = _counts(found, lambda when: when[:4])
    dates = sorted((key[0] for key in found), reverse=True)
    since = dates[RECENT - 1] if len(dates) >= RECENT else ""
    return {"recent": reported(corpus, found, lambda day: day >= since)[:RECENT], "total": len(found),
            "years": [{"year": year, "count": counts[year], "path": f"timeline/{year}/"}
                      for year in sorted(counts, reverse=True)]}


def year_page(corpus: Corpus, found: Found, year: str) -> dict[str, Any]:
    """A year's months with their counts, newest first, and the events dated only by the year."""
    mine = {key: ids for key, ids in found.items() if key[0][:4] == year}
    counts = _counts((key for key in mine if len(key[0]) > 4), lambda when: when[:7])
    months = [{"month": month, "label": nice_date(month), "count": counts[month],
               "path": month_path(month)} for month in sorted(counts, reverse=True)]
    return {"months": months, "total": len(mine),
            "events": reported(corpus, mine, lambda day: day == year)}


def month_page(corpus: Corpus, found: Found, month: str) -> dict[str, Any]:
    """A month's events (``YYYY-MM``), newest first."""
    return {"events": reported(corpus, found, lambda day: day[:7] == month)}


def _counts(keys: Iterable[Key], period: Callable[[str], str]) -> dict[str, int]:
    """How many of ``keys`` fall in each period (the year or month of their date)."""
    counts: dict[str, int] = {}
    for key in keys:
        name = period(key[0])
        counts[name] = counts.get(name, 0) + 1
    return counts


def outputs(corpus: Corpus, renderer: Renderer, plan: Plan) -> Iterator[Output]:
    """The timeline, its year and its month pages, each merging only the events it shows.
    The year and month pages are rendered by one process (SHARED): each needs every
    event's key (distinct_events), which costs more than most of them."""
    found = functools.cache(functools.partial(distinct_events, corpus))  # made once, if a page asks
    yield page_output(renderer, "timeline/", "timeline.html", {"feeds": []},
                      lambda context: {**context, **timeline_index(corpus, found())})
    years, months = corpus.periods
    for year in sorted(years, reverse=True):
        if plan.wants(f"year:{year}"):
            yield page_output(renderer, f"timeline/{year}/", "timeline_year.html",
                              {"year": year, "feeds": []},
                              lambda context: {**context, **year_page(corpus, found(), context["year"])},
                              unit=f"year:{year}", shares=SHARED, heavy=True)
    for month in sorted(months, reverse=True):
        unit = month_unit(month)
        if plan.wants(unit):
            yield page_output(renderer, month_path(month), "timeline_month.html",
                              {"month": month, "year": month[:4], "label": nice_date(month), "feeds": []},
                              lambda context: {**context, **month_page(corpus, found(), context["month"])},
                              unit=unit, shares=SHARED, heavy=True)
