"""What the site build and `wirebrief stories` read: stories, their articles, redirects.

Stories are listed newest last-seen first; each carries its articles in time order. An
absorbed story has no articles of its own and is listed only by ``redirects``, so that
its page can send readers to the story that holds its coverage now.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

    Store = sqlite_utils.Database | sqlite3.Connection


@dataclass(frozen=True)
class StoryArticle:
    id: str
    url: str
    page_url: str | None
    source: str | None
    published: str | None
    title: str | None = None
    agency: str | None = None
    copy_group: str | None = None
    score: float | None = None
    first_run_id: int | None = None
    topic: bool = False  # it has a topic


@dataclass
class StoryRow:
    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    articles: list[StoryArticle] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The `wirebrief stories --json` line of this story."""
        keys = ("id", "url", "page_url", "source", "published")
        return {"id": self.id, "title": self.title, "first_seen": self.first_seen,
                "last_seen": self.last_seen,
                "articles": [{k: asdict(a)[k] for k in keys} for a in self.articles]}


def _conn(db: Store) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def read_stories(db: Store, since: str | None = None) -> list[StoryRow]:
    """Every live story (not absorbed) with its articles, last seen at or after ``since``."""
    conn = _conn(db)
    where, params = "where s.merged_into is null", []
    if since:
        where += " and s.last_seen >= ?"
        params.append(since)
    stories = {row[0]: StoryRow(*row) for row in conn.execute(
        f"select s.id, s.title, s.first_seen, s.last_seen from stories s {where} "
        "order by s.last_seen desc, s.id", params)}
    rows = conn.execute(
        "select sa.story_id, a.id, a.url, a.page_url, a.source, a.published, a.title, a.agency, "
        "a.story_id, sa.score, a.first_run_id, coalesce(a.topics, '[]') not in ('[]', '') "
        "from story_articles sa join articles a on a.id = sa.article_id "
        "order by coalesce(a.published, a.first_seen_at), a.first_seen_at, a.id")
    for story_id, *article in rows:
        if story_id in stories:
            stories[story_id].articles.append(StoryArticle(*article))
    return [story for story in stories.values() if story.articles]


def story_of_articles(db: Store) -> dict[str, str]:
    """Article id -> the id of the story that holds it."""
    return dict(_conn(db).execute("select article_id, story_id from story_articles"))


def redirects(db: Store) -> dict[str, str]:
    """Absorbed story id -> the live story id its page should redirect to."""
    conn = _conn(db)
    into = dict(conn.execute("select id, merged_into from stories where merged_into is not null"))
    final = {}
    for story_id in into:
        target, hops = into[story_id], 0
        while target in into and hops < 100:
            target, hops = into[target], hops + 1
        final[story_id] = target
    return final
