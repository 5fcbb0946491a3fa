"""Storing one extracted article and its facts, replacing any earlier extraction.

An article's id is derived from its canonical URL, so re-extraction and re-crawls
update the same row. Each fact is stored once, in its fact table (topics, read with the
article, in ``articles.topics``); the facts of an article are deleted and rewritten
together in the caller's transaction, so a reader never sees half of them.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from wirebrief.store.db import now_iso
from wirebrief.store.entities import resolve_agreement, resolve_entity
from wirebrief.store.keys import short_hash
from wirebrief.store.people import full_names_first
from wirebrief.store.rows import insert, upsert

FACT_TABLES = ("mentions", "quotes", "events", "agreement_mentions")
KIND_OF_FIELD = {"people": "person", "organizations": "organization", "places": "place"}


def article_id_for(url: str) -> str:
    return short_hash("article", url)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def save_article(db: sqlite_utils.Database, record: dict[str, Any], *, page_url: str,
                 source: str, run_id: int | None, story_id: str | None = None,
                 minhash: bytes | None = None) -> str:
    """Upsert the article row and rewrite all of its facts; returns the article id."""
    url = record.get("url") or page_url
    article_id = article_id_for(url)
    previous = db.execute(
        "select first_run_id, first_seen_at from articles where id = ?", [article_id]
    ).fetchone()
    dateline = record.get("dateline") or {}
    text = record.get("text") or ""
    upsert(db, "articles", {
        "id": article_id, "url": url, "page_url": page_url, "source": source,
        "title": record.get("title") or "", "text": text,
        "summary": summarize(text), "published": record.get("published"),
        "agency": record.get("agency"), "authors": _dumps(record.get("authors") or []),
        "dateline_place": dateline.get("place"), "dateline_date": dateline.get("date"),
        "language": record.get("language"), "story_id": story_id or article_id,
        "topics": _dumps(record.get("topics") or []), "minhash": minhash,
        "first_run_id": previous[0] if previous else run_id,
        "first_seen_at": previous[1] if previous else now_iso(),
        "extracted_at": now_iso(),
    }, ("id",))
    for table in FACT_TABLES:
        db.execute(f"delete from {table} where article_id = ?", [article_id])
    _save_facts(db, article_id, record)
    return article_id


def summarize(text: str, limit: int = 320) -> str:
    """The first paragraph, cut at a word boundary: what feeds and lists show."""
    first = next((p.strip() for p in text.split("\n") if p.strip()), "")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _save_facts(db: sqlite_utils.Database, article_id: str, record: dict[str, Any]) -> None:
    names: dict[str, str] = {}
    moved: dict[str, str] = {}  # entities merged while resolving (entities.merge_entity)
    for field, kind in KIND_OF_FIELD.items():
        items = record.get(field) or []
        for item in full_names_first(items) if kind == "person" else items:
            entity_id = resolve_entity(db, kind, item["name"], item.get("aliases") or [], moved)
            names.setdefault(item["name"], entity_id)
            upsert(db, "mentions", {
                "article_id": article_id, "entity_id": entity_id, "name": item["name"],
                "titles": _dumps(item.get("titles") or []),
                "evidence": _dumps(item.get("evidence") or []),
            }, ("article_id", "entity_id"))
    if moved:
        names = {name: moved.get(entity_id, entity_id) for name, entity_id in names.items()}
    _save_quotes(db, article_id, record.get("quotes") or [], names)
    _save_events(db, article_id, record.get("events") or [], names)
    _save_agreements(db, article_id, record)


def _save_quotes(db: sqlite_utils.Database, article_id: str, quotes: list[dict[str, Any]],
                 names: dict[str, str]) -> None:
    for index, quote in enumerate(quotes):
        speaker = quote.get("speaker")
        insert(db, "quotes", {
            "id": short_hash(article_id, "quote", str(index)), "article_id": article_id,
            "speaker_id": names.get(speaker) if speaker else None, "speaker": speaker,
            "text": quote.get("text") or "", "channel": quote.get("channel"),
            "evidence": _dumps(quote.get("evidence") or []),
        }, "replace")


def _save_events(db: sqlite_utils.Database, article_id: str, events: list[dict[str, Any]],
                 names: dict[str, str]) -> None:
    for index, event in enumerate(events):
        place = event.get("where")
        insert(db, "events", {
            "id": short_hash(article_id, "event", str(index)), "article_id": article_id,
            "date": event.get("date"), "what": event.get("what") or "", "place": place,
            "place_id": names.get(place) if place else None,
            "evidence": _dumps(event.get("evidence") or []),
            "description": event.get("description") or None,
        }, "replace")


def _save_agreements(db: sqlite_utils.Database, article_id: str, record: dict[str, Any]) -> None:
    for agreement in record.get("agreements") or []:
        agreement_id = resolve_agreement(db, agreement["name"])
        upsert(db, "agreement_mentions", {
            "article_id": article_id, "agreement_id": agreement_id,
            "status": agreement.get("status"), "parties": _dumps(agreement.get("parties") or []),
            "published": record.get("published"),
            "evidence": _dumps(agreement.get("evidence") or []),
        }, ("article_id", "agreement_id"))
