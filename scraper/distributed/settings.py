"""Scrapy settings of a cluster worker: the single-machine settings, with Redis in the middle.

Politeness moves from Scrapy's per-process download slots to the shared middleware, so
DOWNLOAD_DELAY and AutoThrottle are off here and the per-domain delay and concurrency of
the single-machine settings are handed to ``SharedPolitenessMiddleware`` instead.
Everything is derived from plain settings and source dicts (wirebrief/crawl_settings.py
makes them from the config), so this package needs no config.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from scraper.sources import Source


def with_cluster(settings: Mapping[str, Any], sources: Sequence[Mapping[str, Any]],
                 redis_url: str, prefix: str, *, idle_seconds: float,
                 lease_seconds: float) -> dict[str, Any]:
    """``settings`` (a single-machine crawl's) turned into a cluster worker's."""
    slots: dict[str, dict[str, Any]] = settings["DOWNLOAD_SLOTS"]
    delay, per_domain = settings["DOWNLOAD_DELAY"], settings["CONCURRENT_REQUESTS_PER_DOMAIN"]
    concurrency = _total_concurrency([Source.from_dict(s) for s in sources], slots, per_domain)
    return {
        **settings,
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
        "CLUSTER_IDLE_SECONDS": idle_seconds,
        "CLUSTER_LEASE_SECONDS": lease_seconds,
        "CLUSTER_DELAYS": {host: slot["delay"] for host, slot in slots.items()},
        "CLUSTER_DEFAULT_DELAY": delay,
        "CLUSTER_CONCURRENCY": {host: slot["concurrency"] for host, slot in slots.items()},
        "CLUSTER_DEFAULT_CONCURRENCY": per_domain,
    }


def _total_concurrency(sources: list[Source], slots: Mapping[str, Mapping[str, Any]],
                       default: int) -> int:
    """Sum of the per-host concurrency over the hosts the sources start from."""
    hosts = {urlsplit(url).hostname or "" for source in sources for url in source.start_urls()}
    return max(default, sum(slots.get(host, {}).get("concurrency", default) for host in hosts))
