"""Stories: the articles of every outlet that report one real-world event, across days.

Two levels group articles. A *copy group* (``articles.story_id``, wirebrief/syndication.py)
holds near-identical copies of one wire text; a *story* (tables ``stories`` and
``story_articles``) holds every copy group that reports the same event, however each
outlet words it. Stories are built online (wirebrief/stories/clustering.py): each new
article joins the best story found by blocking or starts its own, so a story's id, and
with it its page and feed item, never changes as coverage grows.

What the site build reads is in wirebrief/stories/reads.py.
"""

from typing import Any

from wirebrief.stories.reads import (
    StoryArticle,
    StoryRow,
    read_stories,
    redirects,
    story_of_articles,
)


def __getattr__(name: str) -> Any:
    """The stage's entry points, imported when first asked for: they load scikit-learn,
    which readers of stories (the site build) do not need."""
    if name in ("place_new_articles", "rebuild_stories"):
        from wirebrief.stories import stage
        return getattr(stage, name)
    raise AttributeError(name)

__all__ = [
    "StoryArticle",
    "StoryRow",
    "place_new_articles",
    "read_stories",
    "rebuild_stories",
    "redirects",
    "story_of_articles",
]
