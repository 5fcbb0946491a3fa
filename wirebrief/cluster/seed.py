"""`wirebrief seed`: start a crawl round by queueing every source's start points.

The store decides what is already known: its seen URLs become the shared duplicate
filter (replacing it when no round is under way, so URLs that failed for a passing reason
are tried again, exactly as a single-machine run would), and its feed validators go to
Redis so workers send conditional requests. Seeding again during a round only adds what
is missing; a start point already queued in the round is not queued twice.
"""

from __future__ import annotations

import json
from typing import Any

from scraper.distributed import serializer
from scraper.distributed.connection import connect
from scraper.distributed.keys import Keys
from scraper.distributed.queue import LeasedQueue
from scraper.distributed.spider import ClusterWireSpider
from scraper.urls import normalize_url
from wirebrief.config import Config
from wirebrief.crawl_settings import spider_sources
from wirebrief.store.db import now_iso

CHUNK = 5000


def seed(config: Config, redis_url: str, keys: Keys | None = None) -> dict[str, Any]:
    from wirebrief.crawl import load_state

    keys = keys or Keys()
    server = connect(redis_url)
    state = load_state(config, None)
    in_round = bool(server.exists(keys.round))
    if not in_round:
        server.delete(keys.listings, keys.capped, *server.keys(keys.count_pattern))
    load_seen(server, keys, state.seen, replace=not in_round)
    server.delete(keys.http_cache)
    if state.cache:
        server.hset(keys.http_cache, mapping={url: json.dumps(h) for url, h in state.cache.items()})
    spider = ClusterWireSpider(sources=spider_sources(config), state=state)
    queue = LeasedQueue(server, spider, keys.queue, serializer)
    queued = 0
    for request in spider.start_requests_for_sources():
        if server.sadd(keys.listings, normalize_url(request.url)):
            queue.push(request)
            queued += 1
    server.set(keys.round, now_iso())
    return {"queued": queued, "seen": len(state.seen), "new_round": not in_round}


def load_seen(server: Any, keys: Keys, seen: set[str], replace: bool) -> None:
    """Put the store's seen URLs in the filter; replacing swaps the whole set at once."""
    target = keys.dupefilter + ":loading" if replace else keys.dupefilter
    server.delete(keys.dupefilter + ":loading")
    urls = sorted(seen)
    for start in range(0, len(urls), CHUNK):
        server.sadd(target, *urls[start:start + CHUNK])
    if not replace:
        return
    if urls:
        server.rename(target, keys.dupefilter)
    else:
        server.delete(keys.dupefilter)
