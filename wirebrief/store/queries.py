"""Reads for the site: plain rows in bulk, so the build makes a handful of queries, not N+1.

Every function returns lists of tuples (of dicts for the smaller reads), as each one
documents, ordered deterministically (the site must be byte-identical across builds of
the same database), with JSON columns decoded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

# The first evidence sentence, extracted by SQLite's JSON functions (far cheaper than decoding
# a hundred thousand small JSON documents in Python); malformed JSON reads as no evidence.
EVIDENCE = ("case when json_valid({0}) and json_type({0}, '$[0].sentence') = 'text' "
            "then json_extract({0}, '$[0].sentence') end as evidence")

# What every list of the site shows about an article; the text and the details of its facts
# are read by the queries below.
ARTICLE_COLUMNS = (
    "a.id, a.url, a.source, a.title, a.summary, a.published, a.agency, a.authors, "
    "a.dateline_place, a.dateline_date, a.story_id, a.topics, a.first_run_id, a.first_seen_at, "
    "coalesce(r.revision, 0) as revision"
)

# Newest first: the order of every list of the site.
ARTICLE_ORDER = "coalesce(a.published, '') desc, a.first_seen_at desc, a.id"

# Read from the covering index idx_articles_list (schema.py), in its order: no sort.
ARTICLE_LIST = (f"select {ARTICLE_COLUMNS} from articles a left join article_revisions r "
                f"on r.article_id = a.id order by {ARTICLE_ORDER}")


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


def string_list(value: str | None) -> list[str]:
    """A JSON list of strings from the store (authors, topics, titles, parties); anything
    else reads as empty."""
    return [str(v) for v in _json(value, [])]


def evidence_sentence(evidence: Any) -> str:
    """The sentence the extractor cites for a fact, as read by EVIDENCE ('' when none)."""
    return evidence.strip() if isinstance(evidence, str) else ""


def _string_lists() -> Callable[[str | None], list[str]]:
    """A decoder of JSON lists of strings that decodes each distinct value once (stored
    lists repeat: authors, topics, parties), giving each caller its own copy."""
    decoded: dict[str | None, list[str]] = {}

    def strings(value: str | None) -> list[str]:
        if value not in decoded:
            decoded[value] = string_list(value)
        return list(decoded[value])

    return strings


def all_articles(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    """Every article, newest first: tuples of ARTICLE_COLUMNS, in that order, as stored
    (authors and topics are JSON, which the corpus decodes once per distinct value). This
    is the largest read of a site build, and it runs on every build."""
    return db.execute(ARTICLE_LIST).fetchall()


def all_entities(db: sqlite_utils.Database) -> list[tuple[str, str, str | None, str | None]]:
    """(id, kind, name, slug) of every entity, as tuples (every build reads thousands)."""
    return list(db.execute("select id, kind, name, slug from entities order by id"))


def mentioned(db: sqlite_utils.Database) -> list[tuple[str, list[str]]]:
    """(article id, the ids of the entities it names, sorted) of every article that names
    any. One row per article rather than per mention: the mentions are ten times as many,
    and a tuple and two strings for each cost a third more to read. (Entity ids are hex
    digests, so the unit separator never occurs in them.)"""
    rows = db.execute("select article_id, group_concat(entity_id, char(31)) from mentions "
                      "where entity_id is not null group by article_id").fetchall()
    return [(article_id, sorted(ids.split("\x1f"))) for article_id, ids in rows]


def mention_titles(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """(article id, entity id, titles JSON) of every mention that gives titles; the
    evidence is read with the article's page (fact_evidence), the only page showing it."""
    return list(db.execute("select article_id, entity_id, titles from mentions "
                           "where titles is not null and titles != '[]' "
                           "order by article_id, entity_id").fetchall())


def fact_evidence(db: sqlite_utils.Database, article_id: str
                  ) -> tuple[dict[str, str], list[tuple[str | None, str | None]]]:
    """The first evidence sentence of each mention of one article (by entity id) and the
    (text, evidence) of its quotes in store order, for its page's Why disclosures."""
    mentions = {entity_id: evidence for entity_id, evidence in db.execute(
        f"select entity_id, {EVIDENCE.format('evidence')} from mentions where article_id = ?",
        [article_id]) if entity_id and evidence}
    quotes = list(db.execute(f"select text, {EVIDENCE.format('evidence')} from quotes "
                             "where article_id = ? order by id", [article_id]))
    return mentions, quotes


def texts_of(db: sqlite_utils.Database, article_ids: list[str]) -> list[tuple[str, str]]:
    """(article id, text) of these articles, in one query."""
    return list(db.execute("select a.id, coalesce(a.text, '') from articles a join json_each(?) j "
                           "on j.value = a.id", [json.dumps(article_ids)]).fetchall())


def all_quotes(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every quote, by article (their evidence is read with the article's page: fact_evidence)."""
    return _rows(db, "select id, article_id, speaker_id, speaker, text, channel from quotes "
                     "order by article_id, id")


EventRow = tuple[str, str | None, str | None, str | None, str | None, str | None, str | None]


def all_events(db: sqlite_utils.Database) -> list[EventRow]:
    """(article id, date, what, place, place id, first evidence sentence, description) of
    every event."""
    return list(db.execute(f"select article_id, date, what, place, place_id, "
                           f"{EVIDENCE.format('evidence')}, description from events "
                           "order by article_id, id"))


def all_agreements(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return _rows(db, "select id, name, slug from agreements order by id")


AgreementMention = tuple[str, str, str | None, list[str], str | None]


def all_agreement_mentions(db: sqlite_utils.Database) -> list[AgreementMention]:
    """(article id, agreement id, status, parties, first evidence sentence) of every
    mention of an agreement, as tuples; each distinct parties list decoded once."""
    strings = _string_lists()
    rows = db.execute(f"select article_id, agreement_id, status, parties, {EVIDENCE.format('evidence')} "
                      "from agreement_mentions order by article_id, agreement_id").fetchall()
    return [(article_id, agreement_id, status, strings(parties), evidence)
            for article_id, agreement_id, status, parties, evidence in rows]
