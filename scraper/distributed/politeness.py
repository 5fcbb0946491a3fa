"""Per-domain politeness shared by every worker: one clock per host, kept in Redis.

Scrapy's DOWNLOAD_DELAY is per process, so N workers would hit a host N times as often.
Before each request this middleware reserves the host's next free start time with a Lua
script (Redis's own clock, so machines need not agree on the time) and waits for it; a
local semaphore keeps each worker within the host's concurrency. It sits last before the
downloader, so the wait ends right when the request goes out.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import DeferredSemaphore

from scraper.distributed.keys import Keys
from scraper.middlewares import _sleep

RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, next_free)
local after = at + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%d', after), 'PX', math.floor((after - now) / 1000) + 1000)
return at - now
"""
HELD = "cluster_polite_host"


class SharedPolitenessMiddleware:
    def __init__(self, server: Any, keys: Keys, delays: dict[str, float], default_delay: float,
                 concurrency: dict[str, int], default_concurrency: int) -> None:
        self.keys = keys
        self.delays = delays
        self.default_delay = default_delay
        self._reserve = server.register_script(RESERVE)
        self.semaphores: dict[str, DeferredSemaphore] = defaultdict(
            lambda: DeferredSemaphore(default_concurrency))
        for host, tokens in concurrency.items():
            self.semaphores[host] = DeferredSemaphore(tokens)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedPolitenessMiddleware:
        from scraper.distributed.connection import server_from_settings

        settings = crawler.settings
        return cls(server_from_settings(settings), Keys(settings["CLUSTER_PREFIX"]),
                   settings.getdict("CLUSTER_DELAYS"), settings.getfloat("CLUSTER_DEFAULT_DELAY"),
                   settings.getdict("CLUSTER_CONCURRENCY"),
                   settings.getint("CLUSTER_DEFAULT_CONCURRENCY"))

    async def process_request(self, request: Request) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        await maybe_deferred_to_future(self.semaphores[host].acquire())
        request.meta[HELD] = host
        delay = self.delays.get(host, self.default_delay)
        if delay > 0:
            wait = int(self._reserve(keys=[self.keys.polite(host)], args=[int(delay * 1_000_000)]))
            if wait > 0:
                await _sleep(wait / 1_000_000)

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)

    def _release(self, request: Request) -> None:
        host = request.meta.pop(HELD, None)
        if host is not None:
            self.semaphores[host].release()
