"""The wire spider as a cluster worker: same parsing, shared queue, shared filter, leases.

Differences from the single-machine spider, and why:

* it starts nothing itself: `wirebrief seed` queues the start points once for everyone;
* an article is wanted only if this worker wins its claim in the shared filter;
* each callback ends its output with an ``Ack`` of its request, which the item pipeline
  handles after every earlier output (new requests, items) is in Redis (CONCURRENT_ITEMS
  is 1, so outputs are processed one by one, in order): a worker killed before that has
  its request re-queued;
* it waits for work rather than closing when its local engine is idle, and closes after
  the whole cluster (queue and in-flight requests) has been idle for ``idle_seconds``.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from scraper.discovery import Link
from scraper.distributed.connection import server_from_settings
from scraper.distributed.dupefilter import UrlDupeFilter, claim_member
from scraper.distributed.keys import Keys
from scraper.distributed.lease import WorkerLease, work_pending
from scraper.distributed.queue import CLAIM, Ack, acknowledge, release_own
from scraper.sources import Source
from scraper.spiders.wire import WireSpider

POKE_SECONDS = 0.2


class ClusterWireSpider(WireSpider):
    name = "wire"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.idle_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ClusterWireSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        assert isinstance(spider, ClusterWireSpider)
        spider.setup_cluster(crawler)
        return spider

    def setup_cluster(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.server = server_from_settings(settings)
        self.keys = Keys(settings["CLUSTER_PREFIX"])
        self.filter = UrlDupeFilter.for_keys(self.server, self.keys)
        self.idle_seconds = settings.getfloat("CLUSTER_IDLE_SECONDS")
        # The lease exists before the first pop, so no request is ever owned by nobody.
        self.lease = WorkerLease(self.server, self.keys, self.worker_id,
                                 settings.getfloat("CLUSTER_LEASE_SECONDS"))
        self.lease.start()
        self.poke: LoopingCall | None = None
        crawler.signals.connect(self.on_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.on_closed, signal=signals.spider_closed)

    async def start(self) -> AsyncIterator[Any]:
        """Nothing: the start points are queued once by `wirebrief seed`."""
        return
        yield  # pragma: no cover - makes this an async generator

    # -- deduplication across workers ----------------------------------------------------
    def _wanted(self, source: Source, link: Link, key: str) -> bool:
        if not super()._wanted(source, link, key):
            return False
        won = self.filter.claim(self.keys, link.url, source.name, self._cap(source), self.worker_id)
        if won < 0:
            self.capped.add(source.name)
        return won > 0

    def _article(self, source: Source, link: Link) -> Request | None:
        """The article request, carrying its claim, which the queue drops once it holds it."""
        request = super()._article(source, link)
        if request is not None:
            request.meta[CLAIM] = claim_member(source.name, link.url)
        return request

    # -- acknowledging requests once their output is in Redis ------------------------------
    def _acked(self, request: Request, output: Iterable[Any]) -> Iterator[Any]:
        try:
            yield from output
        except Exception:
            acknowledge(self.server, self.keys, request)  # a bug, not a lost worker: no retry
            raise
        yield Ack(request)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        return self._acked(response.request, super().parse_feed(response))  # type: ignore[arg-type]

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        return self._acked(response.request, super().parse_sitemap(response))  # type: ignore[arg-type]

    def parse_section(self, response: Response) -> Iterator[Any]:
        return self._acked(response.request, super().parse_section(response))  # type: ignore[arg-type]

    def parse_home(self, response: Response) -> Iterator[Any]:
        return self._acked(response.request, super().parse_home(response))  # type: ignore[arg-type]

    def parse_article(self, response: Response) -> Iterator[Any]:
        return self._acked(response.request, super().parse_article(response))  # type: ignore[arg-type]

    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        return self._acked(request, super().on_error(failure))

    # -- lifecycle -----------------------------------------------------------------------
    def on_opened(self, spider: Any) -> None:
        self.poke = LoopingCall(self._poke)  # made here: it needs the installed reactor
        self.poke.start(POKE_SECONDS, now=False)

    def on_idle(self, spider: Any) -> None:
        """Stay open while the cluster has work, and ``idle_seconds`` after it has none."""
        lost = release_own(self.server, self.keys, self.worker_id)
        if lost:  # Scrapy dropped a request without calling back: do not wait for it forever
            self.logger.warning("%d in-flight request(s) ended without a callback; released", lost)
        if work_pending(self.server, self.keys):
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_seconds:
            raise DontCloseSpider

    def on_closed(self, spider: Any, reason: str) -> None:
        if self.poke is not None and self.poke.running:
            self.poke.stop()
        self.lease.stop()

    def _poke(self) -> None:
        """Ask the engine for the next request now, not at its 5-second heartbeat: other
        workers may have queued work since this one went idle."""
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()
