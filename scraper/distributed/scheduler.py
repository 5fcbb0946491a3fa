"""scrapy-redis's scheduler with wirebrief's leased queue, kept in Redis across workers.

The scheduler never flushes the queue or the filter on close (they belong to the whole
cluster, not to one worker), and it tells the queue which worker is popping.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler


class ClusterScheduler(Scheduler):
    def open(self, spider: Any) -> None:
        """scrapy-redis's open, without its call to the deprecated ``Spider.log``."""
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer)
        if not getattr(self, "df", None):
            self.df = load_object(self.dupefilter_cls).from_spider(spider)

    def close(self, reason: str) -> None:
        """Leave the shared queue and filter alone, whatever SCHEDULER_PERSIST says."""

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            return False
        self.queue.push(request)
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        request: Request | None = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request
