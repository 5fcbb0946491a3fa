"""An article as the story clustering sees it, read from the store in batches.

Only what placement compares is read: headline, lead, body, dates, dateline and the
entities of the facts tables, with the copy group that binds syndicated copies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from extract.dateline import parse_dateline
from wirebrief.store.keys import fold
from wirebrief.stories import signals

CHUNK = 500


def arrived(table: str) -> str:
    """SQL for when an article of ``table`` (a name or alias) became known: the start of the
    run that first stored it, else the moment it was stored. Every article of one crawl
    arrives at once, so their placement order, and so the stories, does not hang on which
    page the crawl happened to fetch first."""
    return (f"coalesce((select r.started_at from runs r where r.id = {table}.first_run_id), "
            f"{table}.first_seen_at)")


COLUMNS = (f"id, story_id, title, summary, text, published, {arrived('articles')}, "
           "dateline_place, dateline_date")


@dataclass
class Doc:
    id: str
    copy_group: str
    title: str
    lead: str
    text: str
    day: date | None
    arrived: str
    published: str | None
    dateline: str | None
    entities: dict[str, str] = field(default_factory=dict)  # entity id -> kind
    event_day: date | None = None
    figures: dict[str, frozenset[float]] = field(default_factory=dict)
    stage: str | None = None
    continues: bool = False
    commentary: bool = False
    dateline_end: int = 0  # where the body's dateline ("DUBAI, United Arab Emirates (AP) —") ends

    @property
    def order(self) -> tuple[str, str, str]:
        """Placement order: arrival, then published, then id (total and stable)."""
        return (self.arrived or "", self.published or "", self.id)

    @property
    def when(self) -> date | None:
        """The day the event happened as far as the text tells, else its publication day."""
        return self.event_day or self.day


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def make_doc(row: tuple) -> Doc:
    article_id, copy_group, title, summary, text, published, arrived, place, _ = row
    title, lead, text = title or "", summary or "", text or ""
    day = parse_day(published) or parse_day(arrived)
    return Doc(
        id=article_id, copy_group=copy_group or article_id, title=title, lead=lead, text=text,
        day=day, arrived=arrived or "", published=published,
        dateline=fold(place) if place else None,
        event_day=signals.event_day(title, lead, day, _second_paragraph(text)),
        figures=signals.figures(title, lead),
        stage=signals.stage(title, lead), continues=signals.continues(text),
        commentary=signals.commentary(title), dateline_end=_dateline_end(text, published),
    )


def _dateline_end(text: str, published: str | None) -> int:
    dateline = parse_dateline(text, published[:10] if published else None)
    return dateline.end if dateline and dateline.place else 0


def named_in_dateline_only(doc: Doc, name: str) -> bool:
    """Whether the text names ``name`` in its dateline and nowhere after it: the dateline's
    place is scored once, as the dateline, not again among the shared entities."""
    lowered = name.lower()
    return doc.dateline_end > 0 and lowered in doc.text[: doc.dateline_end].lower() \
        and lowered not in doc.text[doc.dateline_end :].lower()


def _second_paragraph(text: str) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    return paragraphs[1] if len(paragraphs) > 1 else ""


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def load_docs(conn: sqlite3.Connection, ids: Iterable[str]) -> list[Doc]:
    """The articles with these ids, with their entities."""
    docs: dict[str, Doc] = {}
    wanted = sorted(set(ids))
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"select {COLUMNS} from articles where id in ({marks})", chunk):
            docs[row[0]] = make_doc(row)
        query = (f"select m.article_id, m.entity_id, e.kind, m.name from mentions m join entities e "
                 f"on e.id = m.entity_id where m.article_id in ({marks})")
        for article_id, entity_id, kind, name in conn.execute(query, chunk):
            if not named_in_dateline_only(docs[article_id], name or ""):
                docs[article_id].entities[entity_id] = kind
    return sorted(docs.values(), key=lambda d: d.order)


def entity_counts(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> tuple[dict[str, int], int]:
    """In how many stored articles each entity is named, and how many articles there are."""
    counts: dict[str, int] = {}
    for chunk in _chunks(sorted(set(entity_ids))):
        marks = ",".join("?" * len(chunk))
        counts.update(conn.execute(
            f"select entity_id, count(*) from mentions where entity_id in ({marks}) "
            "group by entity_id", chunk).fetchall())
    total = conn.execute("select count(*) from articles").fetchone()[0]
    return counts, total
