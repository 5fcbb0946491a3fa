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
    corpus.read_events()
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
    """The timeline and its year pages. Merging every event of the corpus is left to the
    pages' rendering (one render process does it, for all of them), so that the build's
    serial part, which only needs the years, does not pay for it."""
    merged: list[list[dict[str, Any]]] = []

    def items() -> list[dict[str, Any]]:
        if not merged:
            merged.append(events(corpus))
        return merged[0]

    def index(context: dict[str, Any]) -> dict[str, Any]:
        years = by_year(items())
        return {**context, "recent": items()[:100], "total": len(items()),
                "years": [{"year": y["year"], "count": len(y["events"]), "path": f"timeline/{y['year']}/"}
                          for y in years]}

    def year_events(context: dict[str, Any]) -> dict[str, Any]:
        return {**context, "events": [e for e in items() if e["date"][:4] == context["year"]]}

    yield page_output(renderer, "timeline/", "timeline.html", {"feeds": []}, index, shares="timeline")
    for year in sorted({y for a in corpus.articles for y in a.event_years}, reverse=True):
        unit = f"year:{year}"
        if plan.wants(unit):
            yield page_output(renderer, f"timeline/{year}/", "timeline_year.html",
                              {"year": year, "feeds": []}, year_events, unit=unit, shares="timeline")
