"""The workers' item pipeline: fetched pages and fetch records go to Redis, not SQLite.

Workers may run on machines without the store; `wirebrief ingest`, the single writer,
moves these JSON records into SQLite. Each record says which item class it came from.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from scrapy.crawler import Crawler

from scraper.distributed.connection import server_from_settings
from scraper.distributed.keys import Keys
from scraper.distributed.queue import Ack, acknowledge
from scraper.items import FetchItem, PageItem

KINDS: dict[str, type[PageItem] | type[FetchItem]] = {"page": PageItem, "fetch": FetchItem}


def encode_item(item: PageItem | FetchItem) -> str:
    kind = "page" if isinstance(item, PageItem) else "fetch"
    return json.dumps({"kind": kind, "item": asdict(item)}, ensure_ascii=False)


def decode_item(data: str | bytes) -> PageItem | FetchItem:
    record = json.loads(data)
    return KINDS[record["kind"]](**record["item"])


class RedisItemPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.server = server_from_settings(crawler.settings)
        self.keys = Keys(crawler.settings["CLUSTER_PREFIX"])
        self.counts: dict[str, int] = {"fetched": 0, "pages": 0, "failures": 0}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisItemPipeline:
        return cls(crawler)

    def close_spider(self) -> None:
        self.crawler.spider.counts = self.counts  # type: ignore[union-attr]

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Ack):
            acknowledge(self.server, self.keys, item.request)
        elif isinstance(item, PageItem | FetchItem):
            self.server.rpush(self.keys.items, encode_item(item))
            if isinstance(item, PageItem):
                self.counts["pages"] += 1
                self.counts["fetched"] += 1
            else:
                self.counts["fetched"] += 1
                self.counts["failures"] += bool(item.reason)
        return item
