"""An article's facts record read back from the fact tables, as a re-extraction would make
it: the tables are the only copy of the facts, so tests that re-save an article with a
changed record start from them."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

KIND_FIELDS = {"person": "people", "organization": "organizations", "place": "places"}


def stored_record(db: sqlite_utils.Database, article_id: str) -> dict[str, Any]:
    """{"record", "page_url", "source", "story_id"} of a stored article."""
    row = db.execute(
        "select url, title, text, published, agency, authors, dateline_place, dateline_date, "
        "language, topics, page_url, source, story_id from articles where id = ?",
        [article_id]).fetchone()
    url, title, text, published, agency, authors, place, day, language, topics, *where = row
    record: dict[str, Any] = {
        "url": url, "title": title, "text": text, "published": published, "agency": agency,
        "authors": json.loads(authors or "[]"), "dateline": {"place": place, "date": day},
        "language": language, "topics": json.loads(topics or "[]"),
        **_entities(db, article_id), "quotes": _quotes(db, article_id),
        "events": _events(db, article_id), "agreements": _agreements(db, article_id),
    }
    return {"record": record, "page_url": where[0], "source": where[1], "story_id": where[2]}


def _entities(db: sqlite_utils.Database, article_id: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {field: [] for field in KIND_FIELDS.values()}
    for kind, name, titles, evidence in db.execute(
            "select e.kind, m.name, m.titles, m.evidence from mentions m join entities e "
            "on e.id = m.entity_id where m.article_id = ? order by m.rowid", [article_id]):
        found[KIND_FIELDS[kind]].append(
            {"name": name, "titles": json.loads(titles), "evidence": json.loads(evidence)})
    return found


def _quotes(db: sqlite_utils.Database, article_id: str) -> list[dict[str, Any]]:
    return [{"speaker": speaker, "text": text, "channel": channel, "evidence": json.loads(evidence)}
            for speaker, text, channel, evidence in db.execute(
                "select speaker, text, channel, evidence from quotes where article_id = ? "
                "order by rowid", [article_id])]


def _events(db: sqlite_utils.Database, article_id: str) -> list[dict[str, Any]]:
    return [{"date": day, "what": what, "where": place, "evidence": json.loads(evidence),
             "description": description}
            for day, what, place, evidence, description in db.execute(
                "select date, what, place, evidence, description from events where article_id = ? "
                "order by rowid", [article_id])]


def _agreements(db: sqlite_utils.Database, article_id: str) -> list[dict[str, Any]]:
    return [{"name": name, "status": status, "parties": json.loads(parties),
             "evidence": json.loads(evidence)}
            for name, status, parties, evidence in db.execute(
                "select a.name, m.status, m.parties, m.evidence from agreement_mentions m "
                "join agreements a on a.id = m.agreement_id where m.article_id = ? "
                "order by m.rowid", [article_id])]
