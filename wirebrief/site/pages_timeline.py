"""The timeline of dated events (/timeline/), newest first, one entry per distinct event.

The same event reported by several articles (syndicated copies above all) is listed
once, with every article that reports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from wirebrief.site.corpus import Article, Corpus, listed_year
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.render import Renderer
from wirebrief.store import queries

if TYPE_CHECKING:
    from wirebrief.site.changes import Plan


RECENT = 100  # events the timeline's first page shows


def event_key(when: str, what: str, place: str | None) -> tuple[str, str, str]:
    """What makes two reports one event: the same day, the same words, the same place."""
    return (when, what.strip().casefold(), (place or "").casefold())


def events(corpus: Corpus, articles: list[Article], keep: Callable[[str], bool]) -> list[dict[str, Any]]:
    """Distinct (date, what, place) events of ``articles`` (in corpus order) whose date
    ``keep`` accepts, newest first, with the articles that report them (one copy of each
    story). Any subset of the corpus holding every article with such an event gives the
    same entries as the whole corpus would: an entry is made from its first report."""
    corpus.read_events(articles)
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    stories: dict[tuple[str, str, str], set[str]] = {}
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


def distinct_events(corpus: Corpus) -> dict[tuple[str, str, str], set[str]]:
    """Every event the timeline lists, by its key, with the articles reporting it: read
    without the rest of each event, since the timeline's first page shows only the newest."""
    found: dict[tuple[str, str, str], set[str]] = {}
    for article_id, when, what, place in queries.event_keys(corpus.loader.database()):
        if article_id in corpus.by_id and listed_year(when, what) is not None:
            found.setdefault(event_key(when or "", what or "", place), set()).add(article_id)
    return found


def timeline_index(corpus: Corpus) -> dict[str, Any]:
    """The first page's events (the newest RECENT), the count of events and of each year's.

    Only the articles reporting the newest events are merged: the RECENT-th newest date
    bounds them, and every event on or after it comes from those articles."""
    found = distinct_events(corpus)
    counts: dict[str, int] = {}
    for key in found:
        counts[key[0][:4]] = counts.get(key[0][:4], 0) + 1
    dates = sorted((key[0] for key in found), reverse=True)
    since = dates[RECENT - 1] if len(dates) >= RECENT else ""
    reporting: set[str] = set()
    for key, ids in found.items():
        if key[0] >= since:
            reporting |= ids
    articles = [a for a in corpus.articles if a.id in reporting]
    return {"recent": events(corpus, articles, lambda day: day >= since)[:RECENT], "total": len(found),
            "years": [{"year": year, "count": counts[year], "path": f"timeline/{year}/"}
                      for year in sorted(counts, reverse=True)]}


def outputs(corpus: Corpus, renderer: Renderer, plan: Plan) -> Iterator[Output]:
    """The timeline and its year pages, each merging only the events it shows."""
    def year_events(context: dict[str, Any]) -> dict[str, Any]:
        year = context["year"]
        articles = [a for a in corpus.articles if year in a.event_years]
        return {**context, "events": events(corpus, articles, lambda day: day[:4] == year)}

    yield page_output(renderer, "timeline/", "timeline.html", {"feeds": []},
                      lambda context: {**context, **timeline_index(corpus)})
    for year in sorted({y for a in corpus.articles for y in a.event_years}, reverse=True):
        unit = f"year:{year}"
        if plan.wants(unit):
            yield page_output(renderer, f"timeline/{year}/", "timeline_year.html",
                              {"year": year, "feeds": []}, year_events, unit=unit)
