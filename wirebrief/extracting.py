"""The extract stage: stored raw pages become articles with facts.

Each page is cleaned and its facts extracted, then the article and all its facts are
written in one transaction, so a killed run leaves every page either done or untouched.
A page that fails is recorded with its reason and the stage goes on.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import sqlite_utils

from extract import DEFAULT_TAXONOMY, NoArticle, clean_html, extract_facts
from wirebrief.config import Config
from wirebrief.store.articles import article_id_for, save_article
from wirebrief.store.pages import mark_extracted, pages_to_extract, record_failure
from wirebrief.syndication import StoryIndex, signature, to_bytes

Progress = Callable[[int], None]


class ExtractTimeout(Exception):
    """The extractor spent longer than ``extract.timeout_seconds`` on one page."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Abandon the block after ``seconds`` (main thread only; a no-op elsewhere)."""
    def _raise(signum: int, frame: FrameType | None) -> None:
        raise ExtractTimeout(f"extraction took longer than {seconds:g} s")

    try:
        previous = signal.signal(signal.SIGALRM, _raise)
    except ValueError:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def taxonomy_of(config: Config) -> dict[str, list[str]]:
    return dict(config.topics) if config.topics else dict(DEFAULT_TAXONOMY)


def run_extract(db: sqlite_utils.Database, config: Config, run_id: int | None,
                everything: bool = False, progress: Progress | None = None) -> dict[str, int]:
    """Extract every page not yet extracted (or all of them); returns counts."""
    counts: Counter[str] = Counter()
    stories = StoryIndex(db)
    taxonomy = taxonomy_of(config)
    for page in list(pages_to_extract(db, everything)):
        outcome = extract_page(db, config, page, run_id, stories, taxonomy)
        counts[outcome] += 1
        if progress:
            progress(1)
    return dict(counts)


def extract_page(db: sqlite_utils.Database, config: Config, page: dict[str, Any],
                 run_id: int | None, stories: StoryIndex, taxonomy: dict[str, list[str]]) -> str:
    """Extract and store one page; returns 'articles' or the failure reason."""
    source = page["source"]
    try:
        with time_limit(config.extract.timeout_seconds):
            article = clean_html(page["html"], page["final_url"] or page["url"])
            record = extract_facts(article, taxonomy=taxonomy)
        record["text"], record["language"] = article.text, article.language
    except NoArticle as exc:
        return _fail(db, page, run_id, "no_article", str(exc))
    except ExtractTimeout as exc:
        return _fail(db, page, run_id, "extract_timeout", str(exc))
    if _filtered(config, source) and not record.get("topics"):
        return _fail(db, page, run_id, "off_topic", "no configured topic matched")
    minhash = signature(article.text)
    with db.atomic():
        article_id = _article_id(record, page)
        story_id = stories.story_for(article_id, minhash)
        save_article(db, record, page_url=page["url"], source=source, run_id=page["run_id"],
                     story_id=story_id, minhash=to_bytes(minhash))
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
