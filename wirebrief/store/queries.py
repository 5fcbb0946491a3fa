"""Reads for the site: plain rows in bulk, so the build makes a handful of queries, not N+1.

Every function returns lists of dicts ordered deterministically (the site must be
byte-identical across builds of the same database), with JSON columns decoded.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

# The first evidence sentence, extracted by SQLite's JSON functions (far cheaper than decoding
# a hundred thousand small JSON documents in Python); malformed JSON reads as no evidence.
EVIDENCE = ("case when json_valid({0}) and json_type({0}, '$[0].sentence') = 'text' "
            "then json_extract({0}, '$[0].sentence') end as evidence")

ARTICLE_COLUMNS = (
    "id, url, source, title, text, summary, published, agency, authors, dateline_place, "
    "dateline_date, story_id, topics, first_run_id, first_seen_at"
)


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params or [])
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def _json(value: str | None, default: Any) -> Any:
    """Decode a JSON column; a damaged value reads as the default instead of failing the build."""
    if not value or value == "[]":
        return type(default)()
    try:
        decoded = json.loads(value)
    except ValueError:
        return default
    return decoded if isinstance(decoded, type(default)) else default


def all_articles(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every article, newest first, with JSON columns decoded."""
    rows = _rows(db, f"select {ARTICLE_COLUMNS} from articles "
                     "order by coalesce(published, '') desc, first_seen_at desc, id")
    for row in rows:
        row["authors"] = [str(a) for a in _json(row["authors"], [])]
        row["topics"] = [str(t) for t in _json(row["topics"], [])]
    return rows


def all_entities(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return _rows(db, "select id, kind, name, slug from entities order by id")


def all_mentions(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every (article, entity) mention with the roles and evidence the extractor gave."""
    rows = _rows(db, f"select article_id, entity_id, titles, {EVIDENCE.format('evidence')} "
                     "from mentions order by article_id, entity_id")
    for row in rows:
        row["titles"] = [str(t) for t in _json(row["titles"], [])]
    return rows


def mention_tuples(db: sqlite_utils.Database) -> list[tuple[str, str, str, str | None]]:
    """(article id, entity id, titles JSON, first evidence sentence) of every mention: plain
    tuples, as there are about ten per article and most builds never look inside them."""
    sql = (f"select article_id, entity_id, titles, {EVIDENCE.format('evidence')} "
           "from mentions order by article_id, entity_id")
    return list(db.execute(sql).fetchall())


def all_quotes(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return _rows(db, f"select id, article_id, speaker_id, speaker, text, channel, "
                     f"{EVIDENCE.format('evidence')} from quotes order by article_id, id")


def all_events(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return _rows(db, f"select id, article_id, date, what, place, place_id, "
                     f"{EVIDENCE.format('evidence')} from events order by article_id, id")


def all_agreements(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return _rows(db, "select id, name, slug from agreements order by id")


def all_agreement_mentions(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = _rows(db, f"select article_id, agreement_id, status, parties, published, "
                     f"{EVIDENCE.format('evidence')} from agreement_mentions "
                     "order by article_id, agreement_id")
    for row in rows:
        row["parties"] = [str(p) for p in _json(row["parties"], [])]
    return rows


def latest_run_id(db: sqlite_utils.Database) -> int | None:
    """The run that most recently stored a new article: its stories are marked new.

    Taken from the articles, not the runs table, so a build (itself a run) never changes
    what is new and two builds of the same data stay identical.
    """
    row = db.execute("select max(first_run_id) from articles").fetchone()
    return row[0] if row else None
