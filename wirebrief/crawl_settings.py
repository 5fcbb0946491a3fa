"""The config as the crawl receives it: plain Scrapy settings and spider arguments.

``scraper`` knows Scrapy and the store, not ``wirebrief.toml``: this module is the one
place that reads the crawl's part of the config and writes it as Scrapy settings (numbers,
strings, dicts) and as the spider's ``sources`` argument (a list of dicts, see
scraper/sources.py), for the single-machine crawl and the cluster workers alike.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scraper.settings import BASE_SETTINGS
from wirebrief.config import Config, SourceConfig


def scrapy_settings(config: Config) -> dict[str, Any]:
    """The Scrapy settings of a crawl: polite by default, bounded in every dimension."""
    crawl = config.crawl
    settings = dict(BASE_SETTINGS)
    settings.update({
        "USER_AGENT": crawl.resolved_user_agent(),
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "DOWNLOAD_DELAY": crawl.delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrency_per_domain,
        "CONCURRENT_REQUESTS": max(16, crawl.concurrency_per_domain * 4),
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(crawl.delay, 0.1),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.concurrency_per_domain),
        "DOWNLOAD_TIMEOUT": crawl.download_timeout,
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "REDIRECT_MAX_TIMES": crawl.max_redirects,
        "RETRY_TIMES": crawl.retry_times,
        "DOWNLOAD_SLOTS": download_slots(config),
    })
    return settings


def download_slots(config: Config) -> dict[str, dict[str, Any]]:
    """Per-source delay and concurrency, keyed by each host the source is fetched from."""
    slots: dict[str, dict[str, Any]] = {}
    for source in config.sources:
        if source.delay is None and source.concurrency is None:
            continue
        slot = {
            "delay": source.delay if source.delay is not None else config.crawl.delay,
            "concurrency": source.concurrency or config.crawl.concurrency_per_domain,
        }
        for url in _start_urls(source):
            host = urlsplit(url).hostname
            if host:
                slots[host] = slot
    return slots


def spider_sources(config: Config, only: list[str] | None = None) -> list[dict[str, Any]]:
    """The ``sources`` argument of the spider: every enabled source (or the named ones)
    as a plain dict, with the crawl's defaults for page cap and age applied."""
    return [_source_dict(config, source) for source in config.sources
            if source.enabled and (not only or source.name in only)]


def _source_dict(config: Config, source: SourceConfig) -> dict[str, Any]:
    return {
        "name": source.name,
        "home": str(source.home) if source.home else None,
        "feeds": [str(url) for url in source.feeds],
        "sitemaps": [str(url) for url in source.sitemaps],
        "pages": [{"url": str(rule.url), "article_links": rule.article_links,
                   "next_page": rule.next_page, "max_pages": rule.max_pages}
                  for rule in source.pages],
        "allowed_domains": list(source.allowed_domains),
        "article_pattern": source.article_pattern,
        "max_pages": source.max_pages or config.crawl.max_pages_per_source,
        "max_age_days": source.max_age_days or config.crawl.max_age_days,
    }


def _start_urls(source: SourceConfig) -> list[str]:
    urls = [*source.feeds, *source.sitemaps, *(rule.url for rule in source.pages)]
    return [str(url) for url in urls] + ([str(source.home)] if source.home else [])


def cluster_settings(config: Config, redis_url: str, prefix: str) -> dict[str, Any]:
    """The Scrapy settings of a cluster crawl worker (scraper/distributed/settings.py)."""
    from scraper.distributed.settings import with_cluster

    return with_cluster(scrapy_settings(config), spider_sources(config), redis_url, prefix,
                        idle_seconds=config.crawl.cluster_idle_seconds,
                        lease_seconds=config.crawl.cluster_lease_seconds)
