"""Scrapy settings of a cluster worker: the single-machine settings, with Redis in the middle.

Politeness moves from Scrapy's per-process download slots to the shared middleware, so
DOWNLOAD_DELAY and AutoThrottle are off here and the per-domain delay and concurrency of
the config are handed to ``SharedPolitenessMiddleware`` instead.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scraper.distributed.keys import DEFAULT_PREFIX
from scraper.settings import download_slots, scrapy_settings
from wirebrief.config import Config


def cluster_settings(config: Config, redis_url: str, prefix: str = DEFAULT_PREFIX) -> dict[str, Any]:
    settings = scrapy_settings(config)
    crawl = config.crawl
    slots = download_slots(config)
    concurrency = _total_concurrency(config, slots)
    settings.update({
        "SCHEDULER": "scraper.distributed.scheduler.ClusterScheduler",
        "SCHEDULER_QUEUE_CLASS": "scraper.distributed.queue.LeasedQueue",
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        "DUPEFILTER_CLASS": "scraper.distributed.dupefilter.UrlDupeFilter",
        "SCHEDULER_SERIALIZER": "scraper.distributed.serializer",
        "SCHEDULER_PERSIST": True,
        "REDIS_URL": redis_url,
        "ITEM_PIPELINES": {"scraper.distributed.pipeline.RedisItemPipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {
            **settings["DOWNLOADER_MIDDLEWARES"],
            "scraper.distributed.politeness.SharedPolitenessMiddleware": 950,
        },
        # The callback's output must be in Redis, in order, before its request is acked.
        "CONCURRENT_ITEMS": 1,
        # A worker takes no more requests than it can send at once, leaving the rest to others.
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_SLOTS": {},
        "CLUSTER_PREFIX": prefix,
        "CLUSTER_IDLE_SECONDS": crawl.cluster_idle_seconds,
        "CLUSTER_LEASE_SECONDS": crawl.cluster_lease_seconds,
        "CLUSTER_DELAYS": {host: slot["delay"] for host, slot in slots.items()},
        "CLUSTER_DEFAULT_DELAY": crawl.delay,
        "CLUSTER_CONCURRENCY": {host: slot["concurrency"] for host, slot in slots.items()},
        "CLUSTER_DEFAULT_CONCURRENCY": crawl.concurrency_per_domain,
    })
    return settings


def _total_concurrency(config: Config, slots: dict[str, dict[str, Any]]) -> int:
    """Sum of the per-host concurrency over the hosts the sources start from."""
    hosts: set[str] = set()
    for source in config.sources:
        if not source.enabled:
            continue
        urls = [*source.feeds, *source.sitemaps, *(p.url for p in source.pages)]
        urls += [source.home] if source.home else []
        hosts |= {urlsplit(str(url)).hostname or "" for url in urls}
    default = config.crawl.concurrency_per_domain
    return max(default, sum(slots.get(host, {}).get("concurrency", default) for host in hosts))
