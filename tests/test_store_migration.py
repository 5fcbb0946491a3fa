"""A store written by schema version 3 opens as version 4: what is no longer written
(pages.cleaned, articles.facts, article_topics and its triggers) is dropped, the rest kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wirebrief.store import connect, open_db
from wirebrief.store.articles import save_article
from wirebrief.store.schema import SCHEMA_VERSION, schema_complete

RECORD = {"url": "https://example.org/a", "title": "Navy drills", "text": "The navy sailed at dawn.",
          "topics": ["maritime security"], "people": [{"name": "Jane Doe"}]}

# What version 3 had and version 4 has not, as version 3 created it.
VERSION_3 = (
    "alter table pages add column cleaned text",
    "alter table articles add column facts text",
    "create table article_topics (article_id text references articles(id), topic text, "
    "primary key (article_id, topic))",
    "create index idx_article_topics_topic on article_topics (topic)",
    *(f"create trigger article_topics_revise_{event} after {event} on article_topics begin "
      f"insert into article_revisions (article_id, revision) values ({row}.article_id, 1) "
      "on conflict (article_id) do update set revision = revision + 1; end"
      for event, row in (("insert", "new"), ("update", "new"), ("delete", "old"))),
    "update articles set facts = '{\"people\": []}'",
    "insert into article_topics select id, 'maritime security' from articles",
    "update meta set value = '3' where key = 'schema_version'",
)


def version_3_store(path: Path) -> None:
    db = open_db(path)
    with db.atomic():
        save_article(db, RECORD, page_url=RECORD["url"], source="Demo", run_id=None)
    db.close()
    raw = sqlite3.connect(path)
    for statement in VERSION_3:
        raw.execute(statement)
    raw.commit()
    assert not schema_complete(raw)
    raw.close()


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"pragma table_info({table})")}


def test_opening_a_version_3_store_drops_what_is_gone_and_keeps_the_rest(tmp_path: Path) -> None:
    version_3_store(tmp_path / "w.db")
    conn = connect(tmp_path / "w.db")
    assert schema_complete(conn)
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone() == (
        str(SCHEMA_VERSION),)
    assert "cleaned" not in columns(conn, "pages") and "facts" not in columns(conn, "articles")
    names = {row[0] for row in conn.execute("select name from sqlite_master")}
    assert not {name for name in names if "article_topics" in name}, names
    assert {"idx_articles_list", "articles_fts", "articles_revise_update"} <= names
    assert conn.execute("select title, topics from articles").fetchall() == [
        ("Navy drills", '["maritime security"]')]
    assert conn.execute("select name from mentions").fetchall() == [("Jane Doe",)]
    assert conn.execute("select rowid from articles_fts where articles_fts match 'navy'").fetchall()
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    conn.close()


def test_a_migrated_store_takes_new_extractions(tmp_path: Path) -> None:
    version_3_store(tmp_path / "w.db")
    db = open_db(tmp_path / "w.db")
    revision = db.execute("select revision from article_revisions").fetchone()[0]
    with db.atomic():
        save_article(db, {**RECORD, "title": "Navy drills again"}, page_url=RECORD["url"],
                     source="Demo", run_id=None)
    assert db.execute("select title from articles").fetchall() == [("Navy drills again",)]
    assert db.execute("select revision from article_revisions").fetchone()[0] > revision
    db.close()
