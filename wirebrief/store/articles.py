"""Storing one extracted article and its facts, replacing any earlier extraction.

An article's id is derived from its canonical URL, so re-extraction and re-crawls
update the same row. Each fact is stored once, in its fact table (topics, read with the
article, in ``articles.topics``); the facts of an article are deleted and rewritten
together in the caller's transaction, so a reader never sees half of them.

Writing is split in two: ``prepare_article`` computes everything that needs no database
(folded names, slugs, ids, JSON), ``save_prepared`` only resolves names against the
store and writes. The extract stage prepares in its worker processes, so its single
writer, which every worker waits for, does as little as possible per page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlite_utils

from wirebrief.store.db import now_iso
from wirebrief.store.entities import (
    agreement_key,
    entity_keys,
    resolve_agreement_key,
    resolve_entity_keys,
)
from wirebrief.store.keys import short_hash
from wirebrief.store.short_names import full_names_first

FACT_TABLES = ("mentions", "quotes", "events", "agreement_mentions")
KIND_OF_FIELD = {"people": "person", "organizations": "organization", "places": "place"}
# The article's columns that a re-extraction rewrites; the first run and first sighting stay.
ARTICLE_COLUMNS = (
    "id", "url", "page_url", "source", "title", "text", "summary", "published", "agency",
    "authors", "dateline_place", "dateline_date", "language", "story_id", "topics", "minhash",
    "first_run_id", "first_seen_at", "extracted_at",
)
KEPT_ON_UPDATE = ("id", "first_run_id", "first_seen_at")
UPSERT_ARTICLE = (
    f"insert into articles ({', '.join(ARTICLE_COLUMNS)}) "
    f"values ({', '.join('?' for _ in ARTICLE_COLUMNS)}) on conflict (id) do update set "
    + ", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS if c not in KEPT_ON_UPDATE)
)
UPSERT_MENTION = (
    "insert into mentions (article_id, entity_id, name, titles, evidence) values (?, ?, ?, ?, ?) "
    "on conflict (article_id, entity_id) do update set name = excluded.name, "
    "titles = excluded.titles, evidence = excluded.evidence"
)
INSERT_QUOTE = ("insert or replace into quotes (id, article_id, speaker_id, speaker, text, channel, "
                "evidence) values (?, ?, ?, ?, ?, ?, ?)")
INSERT_EVENT = ("insert or replace into events (id, article_id, date, what, place, place_id, "
                "evidence, description) values (?, ?, ?, ?, ?, ?, ?, ?)")
UPSERT_AGREEMENT_MENTION = (
    "insert into agreement_mentions (article_id, agreement_id, status, parties, published, "
    "evidence) values (?, ?, ?, ?, ?, ?) on conflict (article_id, agreement_id) do update set "
    "status = excluded.status, parties = excluded.parties, published = excluded.published, "
    "evidence = excluded.evidence"
)


def article_id_for(url: str) -> str:
    return short_hash("article", url)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def save_article(db: sqlite_utils.Database, record: dict[str, Any], *, page_url: str,
                 source: str, run_id: int | None, story_id: str | None = None,
                 minhash: bytes | None = None) -> str:
    """Upsert the article row and rewrite all of its facts; returns the article id."""
    return save_prepared(db, prepare_article(record, minhash), page_url=page_url,
                         source=source, run_id=run_id, story_id=story_id)


def prepare_article(record: Mapping[str, Any], minhash: bytes | None = None) -> dict[str, Any]:
    """What ``save_prepared`` writes of a facts record, computed without the database:
    a picklable dict of the article's columns and of each fact's row values."""
    dateline = record.get("dateline") or {}
    text = record.get("text") or ""
    return {
        "url": record.get("url"),
        "topics": list(record.get("topics") or []),
        "article": {
            "title": record.get("title") or "", "text": text, "summary": summarize(text),
            "published": record.get("published"), "agency": record.get("agency"),
            "authors": _dumps(record.get("authors") or []),
            "dateline_place": dateline.get("place"), "dateline_date": dateline.get("date"),
            "language": record.get("language"), "topics": _dumps(record.get("topics") or []),
            "minhash": minhash,
        },
        "mentions": [
            (kind, item["name"], *entity_keys(kind, item["name"], item.get("aliases") or []),
             _dumps(item.get("titles") or []), _dumps(item.get("evidence") or []))
            for field, kind in KIND_OF_FIELD.items() for item in _in_order(kind, record.get(field) or [])
        ],
        "quotes": [(q.get("speaker"), q.get("text") or "", q.get("channel"),
                    _dumps(q.get("evidence") or [])) for q in record.get("quotes") or []],
        "events": [(e.get("date"), e.get("what") or "", e.get("where"),
                    _dumps(e.get("evidence") or []), e.get("description") or None)
                   for e in record.get("events") or []],
        "agreements": [
            (a["name"], *agreement_key(a["name"]), a.get("status"),
             _dumps(a.get("parties") or []), _dumps(a.get("evidence") or []))
            for a in record.get("agreements") or []
        ],
    }


def _in_order(kind: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Full names before one-word names (store/short_names.py says why)."""
    return full_names_first(kind, items)


def save_prepared(db: sqlite_utils.Database, prepared: Mapping[str, Any], *, page_url: str,
                  source: str, run_id: int | None, story_id: str | None = None) -> str:
    """Upsert a prepared article and rewrite all of its facts; returns the article id.

    Part of the caller's transaction if one is open (the extract stage writes many pages in
    one), else in a transaction of its own."""
    if not db.conn.in_transaction:
        with db.atomic():
            return save_prepared(db, prepared, page_url=page_url, source=source,
                                 run_id=run_id, story_id=story_id)
    url = prepared["url"] or page_url
    article_id = article_id_for(url)
    now = now_iso()
    row = {**prepared["article"], "id": article_id, "url": url, "page_url": page_url,
           "source": source, "story_id": story_id or article_id, "first_run_id": run_id,
           "first_seen_at": now, "extracted_at": now}
    db.execute(UPSERT_ARTICLE, [row[c] for c in ARTICLE_COLUMNS])
    for table in FACT_TABLES:
        db.execute(f"delete from {table} where article_id = ?", [article_id])
    names = _save_mentions(db, article_id, prepared["mentions"])
    _save_quotes(db, article_id, prepared["quotes"], names)
    _save_events(db, article_id, prepared["events"], names)
    _save_agreements(db, article_id, prepared["agreements"], row["published"])
    return article_id


def summarize(text: str, limit: int = 320) -> str:
    """The first paragraph, cut at a word boundary: what feeds and lists show."""
    first = next((p.strip() for p in text.split("\n") if p.strip()), "")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _save_mentions(db: sqlite_utils.Database, article_id: str,
                   mentions: list[tuple[Any, ...]]) -> dict[str, str]:
    """Resolve each mentioned name to its entity, in order (the first name seen names a
    new entity), and write the mentions; returns each name's entity id."""
    names: dict[str, str] = {}
    moved: dict[str, str] = {}  # entities merged while resolving (entities.merge_entity)
    rows = []
    for kind, name, stored, pairs, titles, evidence in mentions:
        entity_id = resolve_entity_keys(db, kind, stored, pairs, moved)
        names.setdefault(name, entity_id)
        rows.append((article_id, entity_id, name, titles, evidence))
    if moved:
        names = {name: moved.get(entity_id, entity_id) for name, entity_id in names.items()}
        rows = [(a, moved.get(e, e), n, t, v) for a, e, n, t, v in rows]
    db.conn.executemany(UPSERT_MENTION, rows)
    return names


def _save_quotes(db: sqlite_utils.Database, article_id: str, quotes: list[tuple[Any, ...]],
                 names: dict[str, str]) -> None:
    db.conn.executemany(INSERT_QUOTE, [
        (short_hash(article_id, "quote", str(index)), article_id,
         names.get(speaker) if speaker else None, speaker, text, channel, evidence)
        for index, (speaker, text, channel, evidence) in enumerate(quotes)
    ])


def _save_events(db: sqlite_utils.Database, article_id: str, events: list[tuple[Any, ...]],
                 names: dict[str, str]) -> None:
    db.conn.executemany(INSERT_EVENT, [
        (short_hash(article_id, "event", str(index)), article_id, date, what, place,
         names.get(place) if place else None, evidence, description)
        for index, (date, what, place, evidence, description) in enumerate(events)
    ])


def _save_agreements(db: sqlite_utils.Database, article_id: str,
                     agreements: list[tuple[Any, ...]], published: str | None) -> None:
    rows = []
    for name, agreement_id, slug, status, parties, evidence in agreements:
        resolve_agreement_key(db, name, agreement_id, slug)
        rows.append((article_id, agreement_id, status, parties, published, evidence))
    db.conn.executemany(UPSERT_AGREEMENT_MENTION, rows)
