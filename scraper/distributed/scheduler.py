"""scrapy-redis's scheduler with wirebrief's leased queue, kept in Redis across workers.

The scheduler never flushes the queue or the filter on close (they belong to the whole
cluster, not to one worker), and it tells the queue which worker is popping.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy_redis.scheduler import Scheduler


class ClusterScheduler(Scheduler):
    def open(self, spider: Any) -> None:
        super().open(spider)
        self.spider = spider

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
