"""The timeline of dated events (/timeline/), newest first, one entry per distinct event.

The same event reported by several articles (syndicated copies above all) is listed
once, with every article that reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wirebrief.site.corpus import Corpus
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.render import Renderer

if TYPE_CHECKING:
    from wirebrief.site.changes import Plan


def events(corpus: Corpus) -> list[dict[str, Any]]:
    """Distinct (date, what, place) events with the articles that report them (one copy
    of each story)."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    stories: dict[tuple[str, str, str], set[str]] = {}
    for article in corpus.articles:
        for event in article.events:
            if event["year"] is None:  # see corpus.year_of
                continue
            key = (event["date"], event["what"].strip().casefold(), (event["place"] or "").casefold())
            entry = merged.get(key)
            if entry is None:
                entry = merged[key] = {**event, "articles": []}
                stories[key] = set()
            if article.story_id not in stories[key]:
                stories[key].add(article.story_id)
                entry["articles"].append(article)
    return sorted(merged.values(), key=lambda e: (e["date"], e["what"]), reverse=True)


def by_year(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    years: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        years.setdefault(item["date"][:4], []).append(item)
    return [{"year": y, "events": e} for y, e in years.items()]


def outputs(corpus: Corpus, renderer: Renderer, plan: Plan) -> Iterator[Output]:
    items = events(corpus)
    years = by_year(items)
    yield page_output(renderer, "timeline/", "timeline.html", {
        "years": [{"year": y["year"], "count": len(y["events"]), "path": f"timeline/{y['year']}/"}
                  for y in years],
        "recent": items[:100], "total": len(items), "feeds": [],
    })
    for year in years:
        unit = f"year:{year['year']}"
        if plan.wants(unit):
            yield page_output(renderer, f"timeline/{year['year']}/", "timeline_year.html",
                              {"year": year["year"], "events": year["events"], "feeds": []}, unit=unit)
