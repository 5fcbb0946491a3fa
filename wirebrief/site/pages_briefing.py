"""The briefing (/): the latest days' stories grouped by topic, new ones marked.

"Latest" is relative to the newest article, not the wall clock, so a build of the same
database always gives the same page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from wirebrief.config import Config
from wirebrief.site.cards import story_card
from wirebrief.site.corpus import Corpus, Story
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer, site_feed_links

OTHER = "Other news"


def briefing_stories(corpus: Corpus, days: int) -> list[Story]:
    """Stories whose lead falls in the last ``days`` days before the newest article."""
    dated = [a.day for a in corpus.articles if a.day != "undated"]
    if not dated:
        return list(corpus.all_stories)
    newest = date.fromisoformat(max(dated))
    try:
        since = (newest - timedelta(days=days - 1)).isoformat()
    except OverflowError:  # the newest story is dated in year 1
        since = date.min.isoformat()
    recent = [a for a in corpus.articles if a.day != "undated" and a.day >= since]
    return corpus.stories_for(recent)


def grouped(corpus: Corpus, stories: list[Story]) -> list[dict[str, Any]]:
    """Sections by the lead's first topic, biggest first; each story appears once."""
    sections: dict[str, dict[str, Any]] = {}
    for story in stories:
        link: dict[str, Any] = {"name": OTHER, "path": None}
        if story.lead.topic_links:
            link = dict(story.lead.topic_links[0])
        section = sections.setdefault(link["name"], {"topic": link, "stories": [], "new": []})
        section["stories"].append(story)
        section["new"].append(corpus.is_new(story))
    return sorted(sections.values(),
                  key=lambda s: (s["topic"]["path"] is None, -len(s["stories"]), s["topic"]["name"]))


def with_cards(context: dict[str, Any]) -> dict[str, Any]:
    sections = [{"topic": s["topic"], "cards": [story_card(story, new=new)
                                                for story, new in zip(s["stories"], s["new"], strict=True)]}
                for s in context["sections"]]
    return {**context, "sections": sections}


def outputs(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    stories = briefing_stories(corpus, config.site.briefing_days)
    days = sorted({s.lead.day for s in stories if s.lead.day != "undated"})
    yield page_output(renderer, "", "index.html", {
        "sections": grouped(corpus, stories), "count": len(stories),
        "new_count": sum(1 for s in stories if corpus.is_new(s)),
        "first_day": days[0] if days else None, "last_day": days[-1] if days else None,
        "feeds": site_feed_links(config)}, with_cards)
