"""`wirebrief crawl --redis`: one crawl worker, fetching from the shared queue.

A worker needs the config (sources, politeness) and Redis, never the store: it can run on
any machine. It exits once the cluster's queue and in-flight set have been empty for
``[crawl] cluster_idle_seconds``.
"""

from __future__ import annotations

import json
from typing import Any

from scraper.distributed.connection import connect
from scraper.distributed.keys import Keys
from scraper.state import CrawlState
from wirebrief.config import Config


def worker_state(server: Any, keys: Keys) -> CrawlState:
    """Feed validators from Redis; seen URLs stay in Redis (the shared filter)."""
    cache = {_text(url): json.loads(value) for url, value in server.hgetall(keys.http_cache).items()}
    return CrawlState(cache=cache)


def run_worker(config: Config, redis_url: str, keys: Keys | None = None) -> dict[str, Any]:
    from scrapy.crawler import CrawlerProcess

    from scraper.distributed.spider import ClusterWireSpider
    from wirebrief.crawl_settings import cluster_settings, spider_sources

    keys = keys or Keys()
    state = worker_state(connect(redis_url), keys)
    process = CrawlerProcess(settings=cluster_settings(config, redis_url, keys.prefix))
    crawler = process.create_crawler(ClusterWireSpider)
    process.crawl(crawler, sources=spider_sources(config), state=state)
    process.start()
    reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
    if reason != "finished":
        raise RuntimeError(f"crawl worker stopped: {reason or 'did not start'}")
    return dict(getattr(crawler.spider, "counts", {}))


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
