"""The crawl stage: run the Scrapy spider over the configured sources once.

Scrapy's reactor can start only once per process, so a process runs at most one crawl;
the CLI and the tests start a new process for each.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from scrapy.crawler import CrawlerProcess

from scraper.settings import scrapy_settings
from scraper.spiders.wire import WireSpider
from scraper.state import CrawlState
from scraper.urls import normalize_url
from wirebrief.config import Config
from wirebrief.store import connect
from wirebrief.store.pages import conditional_headers, seen_urls


def load_state(config: Config, run_id: int | None) -> CrawlState:
    db = connect(config.database_path)
    try:
        seen = {normalize_url(url) for url in seen_urls(db)}
        cache = conditional_headers(db)
    finally:
        db.close()
    return CrawlState(seen=seen, cache=cache, database=str(config.database_path), run_id=run_id)


def run_crawl(config: Config, run_id: int | None = None,
              only: list[str] | None = None) -> dict[str, Any]:
    """Crawl every enabled source (or the named ones); returns counts for the run record."""
    state = load_state(config, run_id)
    settings = scrapy_settings(config)
    import_download_handler()
    process = CrawlerProcess(settings=settings)
    # Scrapy filters its records at the handler, so each page would still create (and
    # drop) a "Crawled" and a "Scraped" debug record: filter at the logger instead.
    logging.getLogger("scrapy").setLevel(settings["LOG_LEVEL"])
    crawler = process.create_crawler(WireSpider)
    process.crawl(crawler, config=config, state=state, only=only)
    process.start()
    spider = crawler.spider
    counts: dict[str, Any] = dict(getattr(spider, "counts", {}))
    counts["scheduled"] = len(getattr(spider, "scheduled", ()))
    return counts


# Scrapy's HTTP/1.1 download handler, the one Scrapy fetches http and https with.
HTTP_HANDLER_MODULE = "scrapy.core.downloader.handlers.http11"


def import_download_handler() -> None:
    """Import Scrapy's HTTP download handler with ``inspect.stack`` cut short.

    Importing it runs three of Scrapy's deprecation shims (``create_deprecated_class``
    for ``ScrapyClientTLSOptions`` and two context factories), each calling
    ``inspect.stack()`` only to name the module that defines the old class: that walks
    every frame of the stack and searches ``sys.modules`` for each, a tenth of a second
    of every crawl's start-up (measured with cProfile), on a crawl of an unchanged site
    a tenth of its time. No setting avoids the import: every http(s) crawl loads this
    handler. So for the import alone, and only when nothing has imported it yet,
    ``inspect.stack`` answers with the two innermost frames, the only ones the shims
    read; it is restored before anything else runs.
    """
    if HTTP_HANDLER_MODULE in sys.modules:
        return
    with _innermost_frames_only():
        importlib.import_module(HTTP_HANDLER_MODULE)


@contextmanager
def _innermost_frames_only() -> Iterator[None]:
    real = inspect.stack

    def stack(context: int = 1) -> list[inspect.FrameInfo]:
        caller = sys._getframe(1)
        return [_info(frame) for frame in (caller, caller.f_back) if frame is not None]

    inspect.stack = stack
    try:
        yield
    finally:
        inspect.stack = real


def _info(frame: Any) -> inspect.FrameInfo:
    code = frame.f_code
    return inspect.FrameInfo(frame, code.co_filename, frame.f_lineno, code.co_name, None, None)
