"""The top-stories ranking and window the digest uses (and the site can share)."""

from __future__ import annotations

from tests.conftest import DemoRun
from wirebrief.config import load_config
from wirebrief.digest.content import build_digest
from wirebrief.site.corpus import load_corpus
from wirebrief.site.pages_briefing import briefing_stories, ranked
from wirebrief.store import open_db
from wirebrief.stories.ranking import latest_stories, outlets, rank_stories
from wirebrief.stories.reads import StoryArticle, StoryRow


def story(story_id: str, last_seen: str, *outlets_: tuple[str, str | None]) -> StoryRow:
    articles = [StoryArticle(f"{story_id}-{n}", f"https://x.example/{story_id}/{n}", None, source, last_seen,
                             agency=agency) for n, (source, agency) in enumerate(outlets_)]
    return StoryRow(story_id, story_id.upper(), last_seen, last_seen, articles)


def test_outlets_first_then_recency_then_id() -> None:
    wide = story("b", "2026-11-20", ("Wire", "AP"), ("Wire", "Reuters"), ("Daily", None))
    copies = story("a", "2026-11-23", ("Wire", "AP"), ("Wire", "AP"))  # one outlet twice
    new = story("c", "2026-11-23", ("Daily", None))
    tie = story("d", "2026-11-23", ("Other", None))
    assert outlets(wide) == 3 and outlets(copies) == 1
    assert [s.id for s in rank_stories([tie, new, copies, wide])] == ["b", "a", "c", "d"]
    assert rank_stories([tie, new, copies, wide]) == rank_stories([wide, copies, new, tie])


def test_the_window_ends_on_the_newest_story_not_today() -> None:
    stories = [story("a", "2026-11-23", ("W", None)), story("b", "2026-11-21", ("W", None)),
               story("c", "2026-11-20", ("W", None)), story("d", "not a date", ("W", None))]
    assert [s.id for s in latest_stories(stories, 3)] == ["a", "b"]
    assert [s.id for s in latest_stories(stories, 1)] == ["a"]


def test_the_site_and_the_digest_agree_on_the_top_stories(demo_run: DemoRun) -> None:
    """One ranking: the briefing page's order is the digest's, on the same store."""
    config = load_config(demo_run.config)
    db = open_db(demo_run.database)
    corpus = load_corpus(db)
    site = [card["story"].id for card in ranked(corpus, briefing_stories(corpus, config.site.briefing_days))]
    digest = [story.id for story in build_digest(db, config).stories]
    assert digest and digest == site[:len(digest)]
