"""Pages cleaned while the crawl goes on, on the second core.

Scrapy spends its time waiting on the network and parsing in one process; cleaning a
page (trafilatura and our own metadata reader) costs about as much again. So the
pipeline hands each fetched article page to a cleaning process (the extract stage's
worker, in clean-only mode: the same time and memory limits) through one thread, and
stores the cleaned article with the page; the extract stage then starts from it. A
page the cleaner fails on (no article, too slow, too big) is stored uncleaned: the
extract stage cleans it again and records why it fails.
"""

from __future__ import annotations

import json
from typing import Any

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads
from twisted.internet.defer import Deferred
from twisted.python.threadpool import ThreadPool

from wirebrief.config import Config
from wirebrief.extract_worker import ExtractWorker

BATCH = 32


class CrawlCleaner:
    """One cleaning process, fed by one thread with the pages waiting for it, in batches
    (one round trip for up to BATCH pages: handing pages over one by one costs more than
    cleaning them)."""

    def __init__(self, config: Config) -> None:
        limits = config.extract
        self.worker = ExtractWorker({}, None, limits.timeout_seconds, limits.max_memory_mb,
                                    clean_only=True)
        self.pool = ThreadPool(minthreads=1, maxthreads=1, name="wirebrief-clean")
        self.pool.start()
        self.waiting: list[tuple[str, str, Deferred[str | None]]] = []
        self.busy = False

    async def clean(self, html: str, url: str) -> str | None:
        """The cleaned article as JSON, or None when the cleaner could not make one."""
        done: Deferred[str | None] = Deferred()
        self.waiting.append((html, url, done))
        self._next_batch()
        return await maybe_deferred_to_future(done)

    def _next_batch(self) -> None:
        if self.busy or not self.waiting:
            return
        from twisted.internet import reactor

        batch, self.waiting = self.waiting[:BATCH], self.waiting[BATCH:]
        self.busy = True
        pages = [(html, url) for html, url, _ in batch]
        answers = threads.deferToThreadPool(reactor, self.pool, self.worker.extract_many, pages)  # type: ignore[arg-type]
        answers.addBoth(self._deliver, [done for _, _, done in batch])

    def _deliver(self, answers: Any, waiting: list[Deferred[str | None]]) -> None:
        self.busy = False
        if not isinstance(answers, list):  # the thread failed: leave the cleaning to extract
            answers = [("error", None)] * len(waiting)
        for done, (status, payload) in zip(waiting, answers, strict=True):
            done.callback(_as_json(payload) if status == "ok" else None)
        self._next_batch()

    def close(self) -> None:
        self.pool.stop()
        self.worker.close()


def _as_json(article: dict[str, Any]) -> str:
    return json.dumps(article, ensure_ascii=False, sort_keys=True)
