"""The extract stage: stored raw pages become articles with facts.

Each page is cleaned and its facts extracted in one pass, in a pool of worker processes
(``[extract] workers``) under time and memory limits; this process alone writes the
store: the article and all its facts in one transaction, so a killed run leaves every
page either done or untouched. A page that fails is recorded with its reason and the
stage goes on. Pages are read one at a time, as workers free up: raw HTML of a large
store never has to fit in memory at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import sqlite_utils

from extract import DEFAULT_TAXONOMY
from wirebrief.config import Config
from wirebrief.extract_pool import ExtractPool
from wirebrief.relevance import relevance_reason
from wirebrief.store.articles import article_id_for, save_article
from wirebrief.store.pages import (
    mark_extracted,
    page_for_extraction,
    record_failure,
    urls_to_extract,
)
from wirebrief.syndication import StoryIndex, from_bytes

Progress = Callable[[int], None]


def taxonomy_of(config: Config) -> dict[str, list[str]]:
    return dict(config.topics) if config.topics else dict(DEFAULT_TAXONOMY)


def run_extract(db: sqlite_utils.Database, config: Config, run_id: int | None,
                everything: bool = False, progress: Progress | None = None) -> dict[str, int]:
    """Extract every page not yet extracted (or all of them); returns counts."""
    urls = urls_to_extract(db, everything)
    if not urls:
        return {}
    counts: Counter[str] = Counter()
    stories = StoryIndex(db)
    limits = config.extract
    workers = min(limits.resolved_workers(), len(urls))
    with ExtractPool[dict[str, Any]](workers, taxonomy_of(config), limits.spacy_model,
                                     limits.timeout_seconds, limits.max_memory_mb) as pool:
        for page, (status, result) in pool.imap(_stored_pages(db, urls)):
            counts[store_result(db, config, page, run_id, stories, status, result)] += 1
            if progress:
                progress(1)
    return dict(counts)


def _stored_pages(db: sqlite_utils.Database,
                  urls: list[str]) -> Iterator[tuple[dict[str, Any], str, str]]:
    """(page, html, url to resolve links against) for each stored page, read one at a time."""
    for url in urls:
        page = page_for_extraction(db, url)
        if page is not None:
            yield page, page.pop("html"), page["final_url"] or page["url"]


def store_result(db: sqlite_utils.Database, config: Config, page: dict[str, Any],
                 run_id: int | None, stories: StoryIndex, status: str, result: Any) -> str:
    """Store one page's extraction; returns 'articles' or the failure reason."""
    source = page["source"]
    if status != "ok":
        return _fail(db, page, run_id, status, result)
    record: dict[str, Any] = result
    if _filtered(config, source):
        reason = relevance_reason(record.get("text") or "", record.get("topics") or [])
        if reason:
            return _fail(db, page, run_id, "off_topic", reason)
    blob = record.pop("minhash", None)
    with db.atomic():
        article_id = _article_id(record, page)
        story_id = stories.story_for(article_id, from_bytes(blob) if blob else None)
        save_article(db, record, page_url=page["url"], source=source, run_id=page["run_id"],
                     story_id=story_id, minhash=blob)
        mark_extracted(db, page["url"])
    return "articles"


def _article_id(record: dict[str, Any], page: dict[str, Any]) -> str:
    return article_id_for(record.get("url") or page["url"])


def _filtered(config: Config, source_name: str) -> bool:
    try:
        source = config.source(source_name)
    except Exception:
        return config.crawl.relevance_filter
    return source.relevance_filter if source.relevance_filter is not None else config.crawl.relevance_filter


def _fail(db: sqlite_utils.Database, page: dict[str, Any], run_id: int | None,
          reason: str, detail: str) -> str:
    with db.atomic():
        record_failure(db, run_id=run_id, source=page["source"], url=page["url"],
                       reason=reason, detail=detail)
        mark_extracted(db, page["url"])
    return reason
