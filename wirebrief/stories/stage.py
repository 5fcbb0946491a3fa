"""The stories stage: place the articles not yet in a story, or re-cluster the store.

A run reads only the articles it places and those of the days around them, fits its
text model on those, and writes every placement, new story and merge in one
transaction, so a killed run leaves the stories as they were.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import TYPE_CHECKING

from wirebrief.store.db import now_iso
from wirebrief.stories.blocking import WINDOW_DAYS
from wirebrief.stories.clustering import Clusterer, Merge, Placement
from wirebrief.stories.documents import Doc, arrived, entity_counts, load_docs
from wirebrief.stories.scoring import Scorer
from wirebrief.stories.vectors import TextModel

if TYPE_CHECKING:
    import sqlite_utils

    Store = sqlite_utils.Database | sqlite3.Connection


def _conn(db: Store) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def place_new_articles(db: Store, run_id: int | None = None) -> dict[str, int]:
    """Put every article that is in no story into one; returns counts (empty: none to do)."""
    conn = _conn(db)
    with conn:
        conn.execute("delete from story_articles where article_id not in (select id from articles)")
    new_ids = [r[0] for r in conn.execute(
        "select id from articles where id not in (select article_id from story_articles)")]
    if not new_ids:
        return {}
    new_docs = load_docs(conn, new_ids)
    placed = _placed_in_window(conn, new_docs)
    placed_docs = load_docs(conn, placed)
    counts, total = entity_counts(conn, {e for d in placed_docs + new_docs for e in d.entities})
    clusterer = Clusterer(Scorer(TextModel(placed_docs + new_docs), counts, total))
    for doc in placed_docs:
        clusterer.seed(doc, placed[doc.id])
    clusterer.copy_story.update(_copy_stories(conn, new_docs))
    placements = [clusterer.place(doc) for doc in new_docs]
    with conn:
        _write(conn, new_docs, placements, clusterer.merges, run_id)
    via = [p.via for p in placements]
    result = {"placed": len(placements), "new_stories": via.count("new"),
              "joined": via.count("match"), "copies": via.count("copy")}
    if clusterer.merges:
        result["merged"] = len(clusterer.merges)
    return result


def rebuild_stories(db: Store, run_id: int | None = None) -> dict[str, int]:
    """Re-cluster every stored article from nothing, in placement order.

    The same store gives the same stories with the same ids. A story id of the previous
    clustering that no longer exists stays as a redirect to the story that now holds its
    first article, so no published story page is lost.
    """
    conn = _conn(db)
    old = conn.execute(
        "select s.id, s.title, s.first_seen, s.last_seen, "
        "(select sa.article_id from story_articles sa join articles a on a.id = sa.article_id "
        f" where sa.story_id = s.id order by {arrived('a')}, a.published, a.id limit 1), "
        "s.merged_into from stories s").fetchall()
    with conn:
        conn.execute("delete from story_articles")
        conn.execute("delete from stories")
    result = place_new_articles(conn, run_id)
    story_of = dict(conn.execute("select article_id, story_id from story_articles"))
    live = {r[0] for r in conn.execute("select id from stories")}
    gone = [(sid, title, first, last, story_of.get(first_article) if first_article else None)
            for sid, title, first, last, first_article, _ in old if sid not in live]
    with conn:
        conn.executemany(
            "insert into stories (id, title, first_seen, last_seen, merged_into) "
            "values (?, ?, ?, ?, ?)", [g for g in gone if g[4]])
    return result


def _placed_in_window(conn: sqlite3.Connection, docs: list[Doc]) -> dict[str, str]:
    """Placed articles published within the blocking window of the new ones -> story."""
    days = [d.day for d in docs if d.day]
    if not days:
        return {}
    low = (min(days) - timedelta(days=WINDOW_DAYS + 1)).isoformat()
    high = (max(days) + timedelta(days=WINDOW_DAYS + 2)).isoformat()
    return dict(conn.execute(
        "select sa.article_id, sa.story_id from story_articles sa join articles a "
        "on a.id = sa.article_id where (a.published >= ? and a.published < ?) or "
        "(a.published is null and a.first_seen_at >= ? and a.first_seen_at < ?)",
        [low, high, low, high]))


def _copy_stories(conn: sqlite3.Connection, docs: list[Doc]) -> dict[str, str]:
    """Copy group -> story, for groups with a member already placed (however long ago)."""
    groups = sorted({d.copy_group for d in docs})
    found: dict[str, str] = {}
    for start in range(0, len(groups), 500):
        chunk = groups[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "select a.story_id, sa.story_id from articles a join story_articles sa "
            f"on sa.article_id = a.id where a.story_id in ({marks}) "
            f"order by {arrived('a')}, a.published, a.id", chunk)
        for group, story in rows:
            found.setdefault(group, story)
    return found


def _write(conn: sqlite3.Connection, docs: list[Doc], placements: list[Placement],
           merges: list[Merge], run_id: int | None) -> None:
    at = now_iso()
    by_id = {d.id: d for d in docs}
    for placement in placements:
        if placement.via == "new":
            doc = by_id[placement.article_id]
            conn.execute("insert or ignore into stories (id, title) values (?, ?)",
                         [placement.story_id, doc.title])
    conn.executemany(
        "insert into story_articles (article_id, story_id, score, via, run_id, placed_at) "
        "values (?, ?, ?, ?, ?, ?) on conflict (article_id) do update set "
        "story_id = excluded.story_id, score = excluded.score, via = excluded.via, "
        "run_id = excluded.run_id, placed_at = excluded.placed_at",
        [(p.article_id, p.story_id, p.score, p.via, run_id, at) for p in placements])
    touched = {p.story_id for p in placements}
    for merge in merges:
        conn.execute("update story_articles set story_id = ? where story_id = ?",
                     [merge.into, merge.absorbed])
        conn.execute("update stories set merged_into = ? where id = ? or merged_into = ?",
                     [merge.into, merge.absorbed, merge.absorbed])
        touched.add(merge.into)
    _refresh_dates(conn, touched)


def _refresh_dates(conn: sqlite3.Connection, story_ids: set[str]) -> None:
    seen = "coalesce(a.published, a.first_seen_at)"
    conn.executemany(
        f"update stories set first_seen = (select min({seen}) from story_articles sa "
        "join articles a on a.id = sa.article_id where sa.story_id = stories.id), "
        f"last_seen = (select max({seen}) from story_articles sa "
        "join articles a on a.id = sa.article_id where sa.story_id = stories.id) where id = ?",
        [(s,) for s in sorted(story_ids)])

