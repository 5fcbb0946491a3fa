"""The archive: one page per day (/archive/<yyyy>/<mm>/<dd>/) and an index of days (/archive/)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from wirebrief.site.cards import with_cards
from wirebrief.site.corpus import Article, Corpus
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer


def day_path(day: str) -> str:
    return "archive/" + day.replace("-", "/") + "/" if day != "undated" else "archive/undated/"


def ordered_days(days: Iterable[str]) -> list[str]:
    """Undated first, then newest first: the order of the index and of newer/older links."""
    ordered = sorted(days, key=lambda d: (d == "undated", d), reverse=True)
    return [d for d in ordered if d == "undated"] + [d for d in ordered if d != "undated"]


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    days: dict[str, list[Article]] = defaultdict(list)
    for article in corpus.articles:
        days[article.day].append(article)
    ordered = ordered_days(days)
    months: dict[str, list[dict[str, object]]] = defaultdict(list)
    for day in ordered:
        months[day[:7] if day != "undated" else "undated"].append(
            {"day": day, "path": day_path(day), "stories": len(corpus.stories_for(days[day]))})
    yield page_output(renderer, "archive/", "archive.html", {
        "months": [{"month": m, "days": d} for m, d in months.items()], "feeds": []})
    for index, day in enumerate(ordered):
        newer = ordered[index - 1] if index > 0 else None
        older = ordered[index + 1] if index + 1 < len(ordered) else None
        yield page_output(renderer, day_path(day), "day.html", {
            "day": day, "stories": corpus.stories_for(days[day]), "feeds": [],
            "newer": {"day": newer, "path": day_path(newer)} if newer else None,
            "older": {"day": older, "path": day_path(older)} if older else None,
        }, with_cards)
