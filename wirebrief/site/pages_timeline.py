"""The timeline of dated events (/timeline/), newest first, one entry per distinct event.

The same event reported by several articles (syndicated copies above all) is listed
once, with every article that reports it. The first page shows the newest events; each
year's page lists its months and the events dated only by the year; each month's page
lists the month's events (a busy year holds thousands: one page of them was megabytes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from wirebrief.site.corpus import Corpus
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer
from wirebrief.site.rows import nice_date

RECENT = 100  # events the timeline's first page shows

Key = tuple[str, str, str]


def event_key(when: str, what: str, place: str | None) -> Key:
    """What makes two reports one event: the same day, the same words, the same place."""
    return (when, what.strip().casefold(), (place or "").casefold())


def month_path(month: str) -> str:
    return f"timeline/{month[:4]}/{month[5:7]}/"


def distinct_events(corpus: Corpus) -> list[dict[str, Any]]:
    """Every event the timeline lists (see corpus.year_of), newest first, each with
    the articles that report it (one copy of each story); an entry is made from its
    first report, in corpus order."""
    merged: dict[Key, dict[str, Any]] = {}
    stories: dict[Key, set[str]] = {}
    for article in corpus.articles:
        for event in article.events:
            if event["year"] is None:
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


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    """The timeline, its year and its month pages."""
    events = distinct_events(corpus)
    years = Counter(e["date"][:4] for e in events)
    yield page_output(renderer, "timeline/", "timeline.html", {
        "recent": events[:RECENT], "total": len(events), "feeds": [],
        "years": [{"year": year, "count": years[year], "path": f"timeline/{year}/"}
                  for year in sorted(years, reverse=True)]})
    for year in sorted(years, reverse=True):
        mine = [e for e in events if e["date"][:4] == year]
        months = Counter(e["date"][:7] for e in mine if len(e["date"]) > 4)
        yield page_output(renderer, f"timeline/{year}/", "timeline_year.html", {
            "year": year, "total": len(mine), "feeds": [],
            "events": [e for e in mine if e["date"] == year],
            "months": [{"month": month, "label": nice_date(month), "count": months[month],
                        "path": month_path(month)} for month in sorted(months, reverse=True)]})
        for month in sorted(months, reverse=True):
            yield page_output(renderer, month_path(month), "timeline_month.html", {
                "month": month, "year": year, "label": nice_date(month), "feeds": [],
                "events": [e for e in mine if e["date"][:7] == month]})
