"""Which stories a watchlist (``[[watch]]`` in the config) matches, and why.

A watch names up to four keys: ``query`` (SQLite FTS5 syntax over article titles and
text, the store's ``articles_fts``), ``entities`` (names or aliases of people,
organisations and places, found through the store's ``aliases``), ``topics`` (taxonomy
labels, compared by slug) and ``sources`` (source names; none given means every source).
A story matches when every key given is matched by at least one of its articles, each
key by any one of its values; the keys need not be matched by the same article, since
a story is one event told by several outlets.

API (what the site's /watch/<slug>/ pages, the notify stage and the digest call):

``match_stories(db, watch) -> list[Match]``
    Every live story the watch matches, newest ``last_seen`` first (ties by story id),
    so the same store always gives the same list. ``db`` is a ``sqlite_utils.Database``
    or a ``sqlite3.Connection`` on the store; ``watch`` a ``WatchConfig``.

``Match`` (frozen dataclass)
    ``story_id: str``, ``title: str | None``, ``last_seen: str | None``;
    ``article_ids: tuple[str, ...]``, the story's articles that match any key, in the
    story's time order; ``reasons: tuple[str, ...]``, one human-readable line per value
    that matched, e.g. ``query "Red Sea" matched 2 articles``, ``entity EUNAVFOR matched
    1 article``, ``topic maritime security matched 3 articles``, ``source Demo Wire
    matched 4 articles``; ``why: tuple[Reason, ...]``, the same as data.

``Reason`` (frozen dataclass)
    ``key`` (``"query"``, ``"entity"``, ``"topic"`` or ``"source"``), ``value`` (as the
    config wrote it), ``label`` (the store's name for it when that differs, else the
    value), ``article_ids`` (which of the story's articles it matched), ``text``.

Scraped text never reaches SQL as code: the query is bound as a parameter (FTS5 parses
it, and the config checked at load that it parses), names are folded and bound.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirebrief.config_watch import WatchConfig
from wirebrief.store.keys import fold, slugify
from wirebrief.stories.reads import StoryRow, read_stories

if TYPE_CHECKING:
    import sqlite_utils

    Store = sqlite_utils.Database | sqlite3.Connection

__all__ = ["Match", "Reason", "match_stories", "story_url"]


@dataclass(frozen=True)
class Reason:
    key: str
    value: str
    label: str
    article_ids: tuple[str, ...]

    @property
    def text(self) -> str:
        count = len(self.article_ids)
        if self.key == "topic":  # topics match by slug: the stored label is the name
            shown = self.label
        elif fold(self.label) != fold(self.value):  # an alias: say whom it stands for
            shown = f"{self.value} ({self.label})"
        else:
            shown = self.value
        return f"{self.key} {shown} matched {count} article{'s' if count != 1 else ''}"


@dataclass(frozen=True)
class Match:
    story_id: str
    title: str | None
    last_seen: str | None
    article_ids: tuple[str, ...]
    reasons: tuple[str, ...]
    why: tuple[Reason, ...]


# (key, value, label) -> the ids of every stored article it matches.
Candidates = list[tuple[str, str, str, set[str]]]


def _conn(db: Store) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _ids(conn: sqlite3.Connection, sql: str, params: list[str]) -> set[str]:
    return {row[0] for row in conn.execute(sql, params)}


def _query(conn: sqlite3.Connection, query: str) -> Candidates:
    ids = _ids(conn, "select a.id from articles_fts f join articles a on a.rowid = f.rowid "
                     "where articles_fts match ?", [query])
    return [("query", query, query, ids)]


def _entities(conn: sqlite3.Connection, names: list[str]) -> Candidates:
    found: Candidates = []
    for name in names:
        # One name can be several entities (a place and an organisation): any of them.
        rows = conn.execute(
            "select e.id, e.name from entities e where e.id in "
            "(select entity_id from aliases where key = ?) or e.slug = ? order by e.id",
            [fold(name), slugify(name)]).fetchall()
        ids: set[str] = set()
        for entity_id, _ in rows:
            ids |= _ids(conn, "select article_id from mentions where entity_id = ?", [entity_id])
        found.append(("entity", name, rows[0][1] if rows else name, ids))
    return found


def _topics(conn: sqlite3.Connection, topics: list[str]) -> Candidates:
    stored: dict[str, list[str]] = {}
    # articles.topics (a JSON list) is where topics are stored; json_each reads it in SQL.
    for (label,) in conn.execute("select distinct t.value from articles a, json_each(a.topics) t "
                                 "where json_valid(a.topics) order by t.value"):
        stored.setdefault(slugify(label), []).append(label)
    found: Candidates = []
    for topic in topics:
        labels = stored.get(slugify(topic), [])
        ids: set[str] = set()
        for label in labels:
            ids |= _ids(conn, "select a.id from articles a, json_each(a.topics) t "
                              "where json_valid(a.topics) and t.value = ?", [label])
        found.append(("topic", topic, labels[0] if labels else topic, ids))
    return found


def _sources(conn: sqlite3.Connection, sources: list[str]) -> Candidates:
    return [("source", name, name, _ids(conn, "select id from articles where source = ?", [name]))
            for name in sources]


def _candidates(conn: sqlite3.Connection, watch: WatchConfig) -> list[Candidates]:
    """One list per key the watch gives, each entry one of its values."""
    keys: list[Candidates] = []
    if watch.query:
        keys.append(_query(conn, watch.query))
    if watch.entities:
        keys.append(_entities(conn, watch.entities))
    if watch.topics:
        keys.append(_topics(conn, watch.topics))
    if watch.sources:
        keys.append(_sources(conn, watch.sources))
    return keys


def _match(story: StoryRow, keys: list[Candidates]) -> Match | None:
    ids = [article.id for article in story.articles]
    why: list[Reason] = []
    for values in keys:
        hits = [Reason(key, value, label, tuple(i for i in ids if i in matched))
                for key, value, label, matched in values]
        hits = [hit for hit in hits if hit.article_ids]
        if not hits:
            return None
        why.extend(hits)
    matched_ids = {i for reason in why for i in reason.article_ids}
    return Match(story.id, story.title, story.last_seen, tuple(i for i in ids if i in matched_ids),
                 tuple(reason.text for reason in why), tuple(why))


def match_stories(db: Store, watch: WatchConfig) -> list[Match]:
    """Every live story the watch matches, newest last_seen first, with why (see above)."""
    conn = _conn(db)
    keys = _candidates(conn, watch)
    if not keys or any(not any(matched for *_, matched in values) for values in keys):
        return []
    matches = (_match(story, keys) for story in read_stories(conn))
    return [match for match in matches if match is not None]


def story_url(base_url: str, story_id: str) -> str:
    """The absolute address of a story's page on the published site."""
    from wirebrief.site.corpus import story_path

    return str(base_url).rstrip("/") + "/" + story_path(story_id)
