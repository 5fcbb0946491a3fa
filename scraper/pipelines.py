"""The pipeline that hands what the spider found to the store, in small transactions.

Pages are stored as fetched (the extract stage cleans them). Writes are batched (a
commit every ``BATCH`` items and when the spider closes): a run killed mid-crawl loses at
most the last batch, which the next run fetches again.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from scraper.items import FetchItem, PageItem
from wirebrief.store import connect
from wirebrief.store.pages import record_failure, record_fetch, save_cache_headers, save_page

BATCH = 50


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.pending = 0
        self.counts: dict[str, int] = {"fetched": 0, "pages": 0, "failures": 0}
        self.validators: dict[str, tuple[str, str | None, str | None]] = {}
        self.unfinished: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider: Any = self.crawler.spider
        self.state = spider.state
        self.db = connect(self.state.database)
        self.db.execute("BEGIN IMMEDIATE")

    def close_spider(self) -> None:
        self.db.commit()
        self.crawler.spider.counts = self.counts  # type: ignore[union-attr]
        self.db.close()

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Remember feed and sitemap validators only once everything they listed was fetched.

        Saved earlier, a run killed between a feed and its articles would see 304 next
        time and never fetch those articles. A source stopped by its per-run cap, or with
        fetches that failed for a passing reason, has more to fetch next time, so its
        listings are not marked unchanged either.
        """
        if reason != "finished":
            return
        db = connect(self.state.database)
        with db:
            for url, (source, etag, modified) in self.validators.items():
                if source not in spider.capped and source not in self.unfinished:
                    save_cache_headers(db, url, etag, modified)
        db.close()

    def process_item(self, item: Any) -> Any:
        return self.store(item)

    def store(self, item: Any) -> Any:
        """Write one item: a page as fetched, or the account of a fetch."""
        if isinstance(item, PageItem):
            self.counts["fetched"] += 1
            record_fetch(self.db, run_id=self.state.run_id, source=item.source, url=item.final_url,
                         kind="article", status=item.status, size=item.size)
            # vars(), not asdict(): asdict passes every field through copy.deepcopy.
            save_page(self.db, vars(item), self.state.run_id)
            self.counts["pages"] += 1
        elif isinstance(item, FetchItem):
            self._fetch(item)
        self.pending += 1
        if self.pending >= BATCH:
            self.db.commit()
            self.db.execute("BEGIN IMMEDIATE")
            self.pending = 0
        return item

    def _fetch(self, item: FetchItem) -> None:
        self.counts["fetched"] += 1
        record_fetch(self.db, run_id=self.state.run_id, source=item.source, url=item.url,
                     kind=item.kind, status=item.status, reason=item.reason,
                     detail=item.detail, size=item.size)
        if item.reason:
            self.counts["failures"] += 1
            if item.reason in ("http_error", "timeout"):
                self.unfinished.add(item.source)
            record_failure(self.db, run_id=self.state.run_id, source=item.source, url=item.url,
                           reason=item.reason, status=item.status, detail=item.detail)
        elif item.kind in ("feed", "sitemap") and item.status == 200:
            self.validators[item.url] = (item.source, item.etag, item.last_modified)
