"""`wirebrief ingest`: the single writer, moving what the workers fetched into SQLite.

Items are moved, in one Lua script, from the shared list to a list of this writer's own,
written in one transaction, and only then dropped: a writer killed mid-batch finds the
batch again when it restarts (pages are upserted by URL; fetch records of that batch may
be recorded twice). It stops when the queue and in-flight set are empty, no worker holds
a lease and nothing arrived for ``[crawl] cluster_idle_seconds``; it then ends the round
(feed validators are saved as a single-machine run would, the round's marks cleared).
"""

from __future__ import annotations

import time
from typing import Any

from scraper.distributed.connection import connect
from scraper.distributed.keys import Keys
from scraper.distributed.lease import live_workers, work_pending
from scraper.distributed.pipeline import decode_item
from scraper.distributed.queue import requeue_orphans
from scraper.items import FetchItem, PageItem
from wirebrief.cluster.writer import StoreWriter
from wirebrief.config import Config

BATCH = 200
POLL_SECONDS = 0.2

TAKE = """
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #items > 0 then
  redis.call('LTRIM', KEYS[1], #items, -1)
  redis.call('RPUSH', KEYS[2], unpack(items))
end
return items
"""


class Ingester:
    def __init__(self, config: Config, redis_url: str, run_id: int | None,
                 keys: Keys | None = None) -> None:
        self.keys = keys or Keys()
        self.server = connect(redis_url)
        self.idle_seconds = config.crawl.cluster_idle_seconds
        self.writer = StoreWriter(config.database_path, run_id)
        self._take_script = self.server.register_script(TAKE)

    def run(self) -> dict[str, Any]:
        last_item = time.monotonic()
        try:
            while True:
                batch = self._take()
                if batch:
                    self.writer.write(batch)
                    self.server.delete(self.keys.ingesting)
                    last_item = time.monotonic()
                    continue
                requeue_orphans(self.server, self.keys)
                if self._finished(last_item):
                    break
                time.sleep(POLL_SECONDS)
            self._end_round()
        finally:
            self.writer.abandon()
        return self.writer.counts

    def _take(self) -> list[PageItem | FetchItem]:
        """A batch left over by a killed writer first, else the next batch."""
        raw = self.server.lrange(self.keys.ingesting, 0, -1)
        if not raw:
            raw = self._take_script(keys=[self.keys.items, self.keys.ingesting], args=[BATCH])
        return [decode_item(data) for data in raw]

    def _finished(self, last_item: float) -> bool:
        if time.monotonic() - last_item < self.idle_seconds:
            return False
        if self.server.llen(self.keys.items) or work_pending(self.server, self.keys):
            return False
        return not live_workers(self.server, self.keys)

    def _end_round(self) -> None:
        members = self.server.smembers(self.keys.capped)
        capped = {c.decode() if isinstance(c, bytes) else str(c) for c in members}
        self.writer.finish(capped)
        counts = self.server.keys(self.keys.count_pattern)
        self.server.delete(self.keys.round, self.keys.listings, self.keys.capped, *counts)
