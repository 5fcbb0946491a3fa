"""The extract stage: stored raw pages become articles with facts.

Each page is cleaned and its facts extracted in one pass, in a pool of worker processes
(``[extract] workers``) under time and memory limits; the workers also prepare the rows
(store/articles.py's ``prepare_article``), and this process alone writes the store.
Answers are written in batches, each batch in one transaction: a commit, and the index
and full-text pages it rewrites, is most of what a page costs the one writer that every
worker waits for. An article, its facts and its page's ``extracted_at`` are always in the
same transaction, so a killed run leaves every page either done or untouched (at most a
batch of extracted pages is lost and redone next time). A page that fails is recorded
with its reason and the stage goes on. Pages are read one at a time, as workers free up:
raw HTML of a large store never has to fit in memory at once.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import sqlite_utils

from extract import DEFAULT_TAXONOMY
from wirebrief.config import Config
from wirebrief.extract_pool import Answer, ExtractPool
from wirebrief.store.articles import article_id_for, save_prepared
from wirebrief.store.pages import (
    mark_extracted,
    page_for_extraction,
    record_failure,
    urls_to_extract,
)
from wirebrief.syndication import StoryIndex, from_bytes

Progress = Callable[[int], None]
# A batch is written when it holds this many pages, or when its first answer has waited
# this long: a bounded amount of work lost to a kill, and other readers see new articles
# soon. The write lock is held only while a batch is written, not while workers work.
BATCH_PAGES = 64
BATCH_SECONDS = 2.0


def taxonomy_of(config: Config) -> dict[str, list[str]]:
    return dict(config.topics) if config.topics else dict(DEFAULT_TAXONOMY)


def run_extract(db: sqlite_utils.Database, config: Config, run_id: int | None,
                everything: bool = False, progress: Progress | None = None) -> dict[str, int]:
    """Extract every page not yet extracted (or all of them); returns counts."""
    urls = urls_to_extract(db, everything)
    if not urls:
        return {}
    writer = _BatchWriter(db, config, run_id, progress)
    limits = config.extract
    workers = min(limits.resolved_workers(), len(urls))
    with ExtractPool[dict[str, Any]](workers, taxonomy_of(config), limits.spacy_model,
                                     limits.timeout_seconds, limits.max_memory_mb) as pool:
        for page, answer in pool.imap(_stored_pages(db, urls)):
            writer.add(page, answer)
    writer.flush()
    return dict(writer.counts)


class _BatchWriter:
    """The pages answered since the last write, and the writing of them in one transaction."""

    def __init__(self, db: sqlite_utils.Database, config: Config, run_id: int | None,
                 progress: Progress | None) -> None:
        self.db, self.config, self.run_id, self.progress = db, config, run_id, progress
        self.stories = StoryIndex(db)
        self.counts: Counter[str] = Counter()
        self.pending: list[tuple[dict[str, Any], Answer]] = []
        self.since = 0.0

    def add(self, page: dict[str, Any], answer: Answer) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append((page, answer))
        if len(self.pending) >= BATCH_PAGES or time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write every pending page, in the order answered, in one transaction."""
        if not self.pending:
            return
        with self.db.atomic():
            for page, (status, result) in self.pending:
                self.counts[store_result(self.db, self.config, page, self.run_id,
                                         self.stories, status, result)] += 1
        if self.progress:
            self.progress(len(self.pending))
        self.pending = []


def _stored_pages(db: sqlite_utils.Database,
                  urls: list[str]) -> Iterator[tuple[dict[str, Any], str, str]]:
    """(page, html, url to resolve links against) for each stored page, read one at a time."""
    for url in urls:
        page = page_for_extraction(db, url)
        if page is not None:
            yield page, page.pop("html"), page["final_url"] or page["url"]


def store_result(db: sqlite_utils.Database, config: Config, page: dict[str, Any],
                 run_id: int | None, stories: StoryIndex, status: str, result: Any) -> str:
    """Store one page's extraction, in the caller's transaction; returns 'articles' or the
    failure reason."""
    source = page["source"]
    if status != "ok":
        return _fail(db, page, run_id, status, result)
    prepared: dict[str, Any] = result
    if prepared["off_topic"] and _filtered(config, source):
        return _fail(db, page, run_id, "off_topic", prepared["off_topic"])
    blob = prepared["article"]["minhash"]
    article_id = article_id_for(prepared["url"] or page["url"])
    story_id = stories.story_for(article_id, from_bytes(blob) if blob else None)
    save_prepared(db, prepared, page_url=page["url"], source=source, run_id=page["run_id"],
                  story_id=story_id)
    mark_extracted(db, page["url"])
    return "articles"


def _filtered(config: Config, source_name: str) -> bool:
    try:
        source = config.source(source_name)
    except Exception:
        return config.crawl.relevance_filter
    return source.relevance_filter if source.relevance_filter is not None else config.crawl.relevance_filter


def _fail(db: sqlite_utils.Database, page: dict[str, Any], run_id: int | None,
          reason: str, detail: str) -> str:
    record_failure(db, run_id=run_id, source=page["source"], url=page["url"],
                   reason=reason, detail=detail)
    mark_extracted(db, page["url"])
    return reason
