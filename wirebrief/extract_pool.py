"""Several extractor processes at once, each page under a deadline, answers in page order.

``concurrent.futures`` and ``multiprocessing.Pool`` cannot kill one hung task without
losing the whole pool, and a task lost with its worker never answers; the limits need
exactly that. So each worker (extract_worker.py) is one process with its own pipe, and
this module waits on all pipes at once (``multiprocessing.connection.wait``): a page whose
worker overruns ``timeout`` is answered ``extract_timeout`` and its worker replaced, the
other workers carry on. Answers come back in the order the pages went in, so the store
is written in the same order whatever the number of workers (story grouping depends on
it), and only by the caller's process.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from wirebrief.extract_worker import DIED, READY, ExtractWorker

K = TypeVar("K")
Answer = tuple[str, Any]
# A child imports the extractor and loads spaCy before it is READY: slow on a busy machine.
STARTUP_SECONDS = 120.0
# How far answers may run ahead of the oldest unanswered page, per worker.
AHEAD_PER_WORKER = 8


@dataclass
class _Slot(Generic[K]):
    """A worker and what it is doing: starting (no page), idle, or on page ``index``."""

    worker: ExtractWorker
    index: int | None = None
    deadline: float = 0.0
    ready: bool = False


class ExtractPool(Generic[K]):
    """``workers`` extractor processes sharing one stream of pages."""

    def __init__(self, workers: int, taxonomy: Mapping[str, Sequence[str]], model: str | None,
                 timeout: float, max_memory_mb: int) -> None:
        self.timeout = timeout
        self.slots: list[_Slot[K]] = [_Slot(ExtractWorker(taxonomy, model, max_memory_mb))
                                      for _ in range(max(1, workers))]
        self.max_memory_mb = max_memory_mb

    def imap(self, pages: Iterable[tuple[K, str, str | None]]) -> Iterator[tuple[K, Answer]]:
        """(key, (status, record or reason)) for each (key, html, url), in order.

        Pages are pulled from ``pages`` only as workers free up, so a large store is never
        read into memory at once.
        """
        run = _Run(self, iter(pages))
        yield from run

    def close(self) -> None:
        for slot in self.slots:
            slot.worker.close()
            slot.ready, slot.index = False, None

    def __enter__(self) -> ExtractPool[K]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Run(Generic[K]):
    """One pass of a pool over a stream of pages: the bookkeeping of ``imap``."""

    def __init__(self, pool: ExtractPool[K], pages: Iterator[tuple[K, str, str | None]]) -> None:
        self.pool, self.pages = pool, pages
        self.keys: dict[int, K] = {}
        self.answers: dict[int, Answer] = {}
        self.submitted = self.delivered = 0
        self.waiting: tuple[K, str, str | None] | None = None

    def __iter__(self) -> Iterator[tuple[K, Answer]]:
        while True:
            self._feed()
            # A worker that died on its page is still busy: its pipe reads as closed.
            busy = [slot for slot in self.pool.slots if slot.worker.started and not self._idle(slot)]
            if not busy and self.delivered == self.submitted:
                return
            self._collect(busy)
            self._feed()  # before the caller stores the answers: the workers go on meanwhile
            while self.delivered in self.answers:
                index = self.delivered
                self.delivered += 1
                yield self.keys.pop(index), self.answers.pop(index)

    def _idle(self, slot: _Slot[K]) -> bool:
        return slot.ready and slot.index is None

    def _feed(self) -> None:
        """Give a page to every idle worker, starting workers only while pages wait."""
        ahead = AHEAD_PER_WORKER * len(self.pool.slots)
        for slot in self.pool.slots:
            if self.submitted - self.delivered >= ahead or not self._page_waiting():
                return
            if not slot.worker.started or (self._idle(slot) and not slot.worker.running):
                slot.worker.start()  # never started, closed, or died between pages
                slot.ready, slot.index = False, None
                slot.deadline = time.monotonic() + STARTUP_SECONDS
            elif self._idle(slot):
                self._give(slot)

    def _page_waiting(self) -> bool:
        if self.waiting is None:
            self.waiting = next(self.pages, None)
        return self.waiting is not None

    def _give(self, slot: _Slot[K]) -> None:
        assert self.waiting is not None
        (key, html, url), self.waiting = self.waiting, None
        index, self.submitted = self.submitted, self.submitted + 1
        self.keys[index] = key
        slot.index, slot.deadline = index, time.monotonic() + self.pool.timeout
        try:
            slot.worker.send(html, url)
        except OSError:  # it died between its last answer and this page
            slot.worker.close()
            self.answers[index], slot.index = DIED, None

    def _collect(self, busy: list[_Slot[K]]) -> None:
        """Wait for the first answer or deadline among the busy workers, and take it."""
        if not busy:
            return
        by_conn: dict[Connection, _Slot[K]] = {s.worker.conn: s for s in busy if s.worker.conn}
        timeout = max(0.0, min(slot.deadline for slot in busy) - time.monotonic())
        for conn in wait(list(by_conn), timeout):
            self._answer(by_conn[conn])  # type: ignore[index]
        now = time.monotonic()
        for slot in busy:
            if slot.worker.started and not self._idle(slot) and slot.deadline <= now:
                self._overran(slot)

    def _answer(self, slot: _Slot[K]) -> None:
        message = slot.worker.receive()
        if not slot.ready:
            if message == READY:
                slot.ready = True
            else:  # died loading the model: its limit is too small for it
                self._fail_waiting("extract_memory", "the extractor process died loading the "
                                   f"model within {self.pool.max_memory_mb} MiB")
            return
        if slot.index is not None:
            self.answers[slot.index] = message
        slot.index = None

    def _overran(self, slot: _Slot[K]) -> None:
        slot.worker.close()
        if slot.index is None:
            self._fail_waiting("extract_timeout",
                               f"the extractor process did not start within {STARTUP_SECONDS:g} s")
            return
        self.answers[slot.index] = (
            "extract_timeout", f"extraction took longer than {self.pool.timeout:g} s")
        slot.index = None

    def _fail_waiting(self, status: str, reason: str) -> None:
        """Answer the next page with a worker's failure to start: every failed start
        uses up a page, so a worker that can never start cannot stall the stage."""
        if not self._page_waiting():
            return
        assert self.waiting is not None
        key, self.waiting = self.waiting[0], None
        index, self.submitted = self.submitted, self.submitted + 1
        self.keys[index] = key
        self.answers[index] = (status, reason)
