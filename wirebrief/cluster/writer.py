"""Writing fetched pages and fetch records to the store: the single-machine pipeline itself.

The writer drives ``scraper.pipelines.StorePipeline`` (the one a local crawl uses) with a
stand-in crawler, so records, failure rules and feed validators are written exactly as a
single-machine run writes them and the store cannot tell who fetched a page. It commits
after every batch taken from Redis, not every 50 items, so a batch is in the store whole
before it is dropped from Redis.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from scraper.items import FetchItem, PageItem
from scraper.pipelines import StorePipeline
from scraper.state import CrawlState


class StoreWriter:
    def __init__(self, database: Path, run_id: int | None) -> None:
        self.spider = SimpleNamespace(state=CrawlState(database=str(database), run_id=run_id),
                                      capped=set(), counts={})
        self.pipeline = StorePipeline(SimpleNamespace(spider=self.spider))  # type: ignore[arg-type]
        self.pipeline.open_spider()
        self.open = True

    @property
    def counts(self) -> dict[str, Any]:
        return dict(self.pipeline.counts)

    def write(self, items: list[PageItem | FetchItem]) -> None:
        for item in items:
            self.pipeline.store(item)
        db = self.pipeline.db
        db.commit()
        db.execute("BEGIN IMMEDIATE")
        self.pipeline.pending = 0

    def finish(self, capped: set[str]) -> None:
        """Commit, close, and save feed validators as a finished local crawl would."""
        self.pipeline.close_spider()
        self.open = False
        self.spider.capped = capped
        self.pipeline.spider_closed(self.spider, "finished")

    def abandon(self) -> None:
        """Drop the uncommitted part of a batch: it is still in Redis for the next writer."""
        if self.open:
            self.pipeline.db.rollback()
            self.pipeline.db.close()
            self.open = False
