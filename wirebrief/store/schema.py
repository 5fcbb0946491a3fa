"""The SQLite schema, created idempotently with sqlite-utils.

Every table is created with ``if_not_exists`` so that any command can open any database
and find the schema it needs; ``SCHEMA_VERSION`` is recorded so later migrations know
where they start from. See docs/schema.md for what each table holds.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from wirebrief.store.migrations import drop_removed, migrate_data, stored_version

if TYPE_CHECKING:
    import sqlite_utils

# 2: pages.cleaned (pages cleaned while crawling), article_revisions and its triggers.
# 3: idx_articles_list, the covering index of the site's article list.
# 4: pages.cleaned, articles.facts and article_topics dropped (migrations.py): the fact
#    tables and articles.topics are what is read, so each fact is stored once. Indexes of
#    the status report's per-source reads (store/status.py).
# 5: stories and story_articles, the events that group articles across outlets and days.
# 6: watch_notified, the stories each watchlist has matched at a tick (new matches notify).
# 7: events.description (the readable line the timeline shows; null for older rows) and
#    entities.surname (a person's folded last name, so that "Trump" finds "Donald Trump").
# 8: entities.surname also holds an organisation's short name ("nordvik" of "Nordvik
#    Sensors"); a store from before has them filled in and applied (migrations.py).
# 9: keys folded with an abbreviation's full stops away ("U.N." and "UN" one key); a store
#    from before is keyed again (store/rekey.py).
SCHEMA_VERSION = 9

TABLES: dict[str, dict[str, type]] = {
    "meta": {"key": str, "value": str},
    "sources": {"name": str, "agency": str},
    "runs": {
        "id": int, "started_at": str, "ended_at": str, "status": str, "stage": str,
        "pid": int, "counts": str, "error": str,
    },
    "fetches": {
        "id": int, "run_id": int, "source": str, "url": str, "kind": str, "status": int,
        "reason": str, "detail": str, "fetched_at": str, "bytes": int,
    },
    "http_cache": {"url": str, "etag": str, "last_modified": str, "checked_at": str},
    "pages": {
        "url": str, "source": str, "final_url": str, "status": int, "content_type": str,
        "encoding": str, "html": str, "sha256": str, "fetched_at": str, "run_id": int,
        "extracted_at": str, "discovered_date": str,
    },
    "failures": {
        "id": int, "run_id": int, "source": str, "url": str, "reason": str, "status": int,
        "detail": str, "at": str,
    },
    "articles": {
        "id": str, "url": str, "page_url": str, "source": str, "title": str, "text": str,
        "summary": str, "published": str, "agency": str, "authors": str,
        "dateline_place": str, "dateline_date": str, "language": str, "story_id": str,
        "topics": str, "minhash": bytes, "first_run_id": int, "first_seen_at": str,
        "extracted_at": str,
    },
    "entities": {"id": str, "kind": str, "name": str, "slug": str, "surname": str},
    "aliases": {"key": str, "kind": str, "entity_id": str, "alias": str},
    "mentions": {
        "article_id": str, "entity_id": str, "name": str, "titles": str, "evidence": str,
    },
    "quotes": {
        "id": str, "article_id": str, "speaker_id": str, "speaker": str, "text": str,
        "channel": str, "evidence": str,
    },
    "events": {
        "id": str, "article_id": str, "date": str, "what": str, "place": str,
        "place_id": str, "evidence": str, "description": str,
    },
    "agreements": {"id": str, "name": str, "slug": str},
    "agreement_mentions": {
        "article_id": str, "agreement_id": str, "status": str, "parties": str,
        "published": str, "evidence": str,
    },
    "article_revisions": {"article_id": str, "revision": int},
    "url_keys": {"url": str, "version": int, "key": str},
    "stories": {
        "id": str, "title": str, "first_seen": str, "last_seen": str, "merged_into": str,
    },
    "story_articles": {
        "article_id": str, "story_id": str, "score": float, "via": str, "run_id": int,
        "placed_at": str,
    },
    "watch_notified": {"watch_slug": str, "story_id": str, "run_id": int, "at": str},
}

PRIMARY_KEYS: dict[str, str | tuple[str, ...]] = {
    "meta": "key",
    "sources": "name",
    "runs": "id",
    "fetches": "id",
    "http_cache": "url",
    "pages": "url",
    "failures": "id",
    "articles": "id",
    "entities": "id",
    "aliases": ("key", "kind"),
    "mentions": ("article_id", "entity_id"),
    "quotes": "id",
    "events": "id",
    "agreements": "id",
    "agreement_mentions": ("article_id", "agreement_id"),
    "article_revisions": "article_id",
    "url_keys": "url",
    "stories": "id",
    "story_articles": "article_id",
    "watch_notified": ("watch_slug", "story_id"),
}

# Every table whose rows an article's pages show, with the column naming the article.
REVISED_BY = {"articles": "id", "mentions": "article_id", "quotes": "article_id",
              "events": "article_id", "agreement_mentions": "article_id"}
# The rows (old, new) whose article each kind of write revises.
TRIGGER_ROWS = {"insert": ["new"], "update": ["old", "new"], "delete": ["old"]}

FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "mentions": [("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    "quotes": [("article_id", "articles", "id")],
    "events": [("article_id", "articles", "id")],
    "agreement_mentions": [
        ("article_id", "articles", "id"), ("agreement_id", "agreements", "id"),
    ],
    "aliases": [("entity_id", "entities", "id")],
    "story_articles": [("story_id", "stories", "id")],
}

INDEXES: list[tuple[str, list[str], bool]] = [
    ("entities", ["slug"], True),
    ("entities", ["surname"], False),
    ("agreements", ["slug"], True),
    ("articles", ["published"], False),
    ("articles", ["story_id"], False),
    ("articles", ["url"], False),
    ("articles", ["source", "first_run_id"], False),
    ("mentions", ["entity_id"], False),
    ("quotes", ["article_id"], False),
    ("quotes", ["speaker_id"], False),
    ("events", ["article_id"], False),
    ("events", ["date"], False),
    ("agreement_mentions", ["agreement_id"], False),
    ("failures", ["run_id"], False),
    ("failures", ["source", "reason"], False),
    ("fetches", ["run_id"], False),
    ("fetches", ["source"], False),
    ("pages", ["extracted_at"], False),
    ("pages", ["source"], False),
    ("story_articles", ["story_id"], False),
    ("stories", ["last_seen"], False),
    ("stories", ["merged_into"], False),
]


# Every site build reads what lists show of every article, newest first (store/queries.py's
# all_articles). The rows of ``articles`` hold the text, so reading them walks every
# article's overflow pages; this index holds the list's columns in the list's order, and
# the read becomes one scan of it (a third of the time, with no sort).
LIST_INDEX = (
    "create index if not exists idx_articles_list on articles (coalesce(published, '') desc, "
    "first_seen_at desc, id, url, source, title, summary, published, agency, authors, "
    "dateline_place, dateline_date, story_id, topics, first_run_id)"
)


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create whatever is missing and drop what is gone; safe to call on every open."""
    version = stored_version(db)
    drop_removed(db)
    for name, columns in TABLES.items():
        db.table(name).create(
            columns,
            pk=PRIMARY_KEYS[name],
            foreign_keys=FOREIGN_KEYS.get(name, []),
            if_not_exists=True,
            not_null={"url"} if name in ("pages", "articles") else None,
        )
    _add_missing_columns(db)
    for table_name, index_columns, unique in INDEXES:
        db.table(table_name).create_index(index_columns, unique=unique, if_not_exists=True)
    if "articles_fts" not in db.table_names():
        db.table("articles").enable_fts(
            ["title", "text"], create_triggers=True, tokenize="porter"
        )
    db.execute(LIST_INDEX)
    _revision_triggers(db)
    migrate_data(db, version)
    db.table("meta").upsert(
        {"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key"
    )


def _add_missing_columns(db: sqlite_utils.Database) -> None:
    """Columns added since a table was created (a store from an older version)."""
    for name, columns in TABLES.items():
        present = db.table(name).columns_dict
        for column, kind in columns.items():
            if column not in present:
                db.table(name).add_column(column, kind)


def _revision_triggers(db: sqlite_utils.Database) -> None:
    """Count every write to an article or its facts in ``article_revisions``.

    The site build compares these counters with the ones it recorded last time to find
    what changed without reading every article (see wirebrief/site/changes.py). Triggers
    rather than code in save_article, so that no write path can forget; the counter row
    outlives a deleted article, so a re-created one never repeats an old revision.
    """
    bump = ("insert into article_revisions (article_id, revision) values ({}, 1) "
            "on conflict (article_id) do update set revision = revision + 1;")
    for table, column in REVISED_BY.items():
        for event, rows in TRIGGER_ROWS.items():
            body = " ".join(bump.format(f"{row}.{column}") for row in rows)
            db.execute(f"create trigger if not exists {table}_revise_{event} after {event} on {table} "
                       f"begin {body} end")


def _expected_names() -> set[str]:
    """Tables, indexes and triggers ``ensure_schema`` creates (indexes by sqlite-utils' naming)."""
    names = set(TABLES) | {"articles_fts"}
    names |= {f"idx_{table}_{'_'.join(columns)}" for table, columns, _ in INDEXES} | {"idx_articles_list"}
    names |= {f"{table}_revise_{event}" for table in REVISED_BY for event in TRIGGER_ROWS}
    return names


def schema_complete(conn: sqlite3.Connection) -> bool:
    """Whether ``ensure_schema`` would find nothing to do: every table and index there,
    at this schema version. Opening a store then needs no sqlite-utils."""
    present = {row[0] for row in conn.execute("select name from sqlite_master")}
    if not _expected_names() <= present:
        return False
    row = conn.execute("select value from meta where key = 'schema_version'").fetchone()
    return row is not None and row[0] == str(SCHEMA_VERSION)
