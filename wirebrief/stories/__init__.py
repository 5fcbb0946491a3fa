"""Stories: the articles of every outlet that report one real-world event, across days.

Two levels group articles. A *copy group* (``articles.story_id``, wirebrief/syndication.py)
holds near-identical copies of one wire text; a *story* (tables ``stories`` and
``story_articles``) holds every copy group that reports the same event, however each
outlet words it. Stories are built online (wirebrief/stories/clustering.py): each new
article joins the best story found by blocking or starts its own, so a story's id, and
with it its page and feed item, never changes as coverage grows.

What the site build reads is in wirebrief/stories/reads.py.
"""

from wirebrief.stories.reads import (
    StoryArticle,
    StoryRow,
    read_stories,
    redirects,
    story_of_articles,
)
from wirebrief.stories.stage import place_new_articles, rebuild_stories

__all__ = [
    "StoryArticle",
    "StoryRow",
    "place_new_articles",
    "read_stories",
    "rebuild_stories",
    "redirects",
    "story_of_articles",
]
