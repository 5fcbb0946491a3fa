"""The crawl stage: run the Scrapy spider over the configured sources once.

Scrapy's reactor can start only once per process, so a process runs at most one crawl;
the CLI and the tests start a new process for each. The spider gets plain settings and
source dicts (wirebrief/crawl_settings.py), never the config.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from scrapy.crawler import CrawlerProcess

from scraper.spiders.wire import WireSpider
from scraper.state import CrawlState
from scraper.urls import NORMALIZER_VERSION, normalize_url
from wirebrief.config import Config
from wirebrief.crawl_settings import scrapy_settings, spider_sources
from wirebrief.store import connect
from wirebrief.store.pages import conditional_headers, remember_url_keys, seen_urls, url_keys


def load_state(config: Config, run_id: int | None) -> CrawlState:
    db = connect(config.database_path)
    try:
        seen = seen_keys(db)
        cache = conditional_headers(db)
    finally:
        db.close()
    return CrawlState(seen=seen, cache=cache, database=str(config.database_path), run_id=run_id)


def seen_keys(db: sqlite3.Connection) -> set[str]:
    """The normalised form of every URL not to fetch again.

    Normalising costs about 20 µs a URL, seconds for a store of a hundred thousand pages
    at every crawl's start, so the key of each stored URL is remembered in the store and
    only new URLs are normalised.
    """
    urls = seen_urls(db)
    known = url_keys(db, NORMALIZER_VERSION)
    new = {url: normalize_url(url) for url in urls if url not in known}
    if new:
        remember_url_keys(db, NORMALIZER_VERSION, new)
    return {known.get(url) or new[url] for url in urls}


def run_crawl(config: Config, run_id: int | None = None,
              only: list[str] | None = None) -> dict[str, Any]:
    """Crawl every enabled source (or the named ones); returns counts for the run record."""
    state = load_state(config, run_id)
    settings = scrapy_settings(config)
    process = CrawlerProcess(settings=settings)
    # Scrapy filters its records at the handler, so each page would still create (and
    # drop) a "Crawled" and a "Scraped" debug record: filter at the logger instead.
    logging.getLogger("scrapy").setLevel(settings["LOG_LEVEL"])
    crawler = process.create_crawler(WireSpider)
    process.crawl(crawler, sources=spider_sources(config, only), state=state)
    process.start()
    spider = crawler.spider
    counts: dict[str, Any] = dict(getattr(spider, "counts", {}))
    counts["scheduled"] = len(getattr(spider, "scheduled", ()))
    return counts
