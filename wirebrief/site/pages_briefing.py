"""The briefing (/): the latest days' stories ranked by importance, new and developing ones marked.

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


def importance(corpus: Corpus, story: Story, newest: str) -> float:
    """How high the briefing ranks a story: distinct outlets count most, then new
    coverage since the previous crawl (developing), a topic, and recency (half a point per
    day before the briefing's newest day)."""
    days = (date.fromisoformat(newest) - date.fromisoformat(story.lead.day)).days \
        if newest != "undated" and story.lead.day != "undated" else 0
    grown = corpus.fresh_reports(story)
    developing = 0 < grown < len(story.copies)
    return (2.0 * story.outlets + 3.0 * developing + min(grown, 3) + (1.0 if story.lead.topic_links else 0.0)
            - 0.5 * days)


def ranked(corpus: Corpus, stories: list[Story]) -> list[dict[str, Any]]:
    """The briefing's cards, most important first (ties: the newest first, as listed)."""
    newest = max((s.lead.day for s in stories if s.lead.day != "undated"), default="undated")
    order = sorted(range(len(stories)), key=lambda n: (-importance(corpus, stories[n], newest), n))
    cards = []
    for n in order:
        story, grown = stories[n], corpus.fresh_reports(stories[n])
        cards.append(story_card(story, new=grown == len(story.copies) and grown > 0,
                                developing=0 < grown < len(story.copies)))
    return cards


def outputs(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    stories = briefing_stories(corpus, config.site.briefing_days)
    days = sorted({s.lead.day for s in stories if s.lead.day != "undated"})
    yield page_output(renderer, "", "index.html", {
        "stories": stories, "count": len(stories), "latest_run": corpus.latest_run,
        "new_count": sum(1 for s in stories if corpus.is_new(s)),
        "first_day": days[0] if days else None, "last_day": days[-1] if days else None,
        "feeds": site_feed_links(config)}, lambda context: {**context, "cards": ranked(corpus, stories)})
