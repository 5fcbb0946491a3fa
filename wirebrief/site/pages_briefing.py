"""The briefing (/): the latest days' stories ranked as the digest ranks them, new and developing marked.

"Latest" is relative to the newest article, not the wall clock, so a build of the same
database always gives the same page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from wirebrief.config import Config
from wirebrief.site.cards import story_card
from wirebrief.site.corpus import Corpus, Story
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer
from wirebrief.stories.ranking import Standing, latest, rank


def last_report(story: Story) -> str | None:
    """The day of its newest dated report: what the window and the ranking date it by."""
    return max((a.day for a in story.copies if a.day != "undated"), default=None)


def briefing_stories(corpus: Corpus, days: int) -> list[Story]:
    """Stories reported in the last ``days`` days before the newest article (the digest's window)."""
    return latest(corpus.all_stories, last_report, days)


def standing(corpus: Corpus, story: Story) -> Standing:
    """What the one ranking of top stories (wirebrief.stories.ranking) weighs of a story."""
    return Standing(story.outlets, len(story.copies), corpus.fresh_reports(story),
                    any(a.topic_links for a in story.copies), last_report(story))


def ranked(corpus: Corpus, stories: list[Story]) -> list[dict[str, Any]]:
    """The briefing's cards, ranked as the digest ranks them (the same rule, one function)."""
    cards = []
    for story in rank(stories, functools.partial(standing, corpus), lambda s: s.id):
        grown = corpus.fresh_reports(story)
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
        "feeds": renderer.site_feeds}, lambda context: {**context, "cards": ranked(corpus, stories)})
