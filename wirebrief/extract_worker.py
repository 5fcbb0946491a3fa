"""Cleaning and fact extraction in a child process, under a time and a memory limit.

A hostile or pathological page can make any parser slow or hungry. The parent waits a
bounded time for each page; a child that overruns is killed and replaced, a child that
runs out of its address-space limit reports it, and the stage records the page and
goes on. The child loads the spaCy pipeline once and serves many pages.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Mapping, Sequence
from multiprocessing.connection import Connection
from typing import Any

MiB = 1024 * 1024


def _serve(conn: Connection, taxonomy: dict[str, list[str]], model: str | None,
           max_memory_mb: int) -> None:
    """The child's loop: one (html, url) in, one (status, payload) out."""
    from extract import NoArticle, clean_html, extract_facts

    limit = max_memory_mb * MiB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            html, url = conn.recv()
        except EOFError:
            return
        try:
            article = clean_html(html, url)
            record = extract_facts(article, taxonomy, model=model)
            record["text"], record["language"] = article.text, article.language
            conn.send(("ok", record))
        except NoArticle as exc:
            conn.send(("no_article", str(exc)))
        except MemoryError:
            conn.send(("extract_memory", f"extraction needed more than {max_memory_mb} MiB"))
        except Exception as exc:  # noqa: BLE001 - any extractor bug is recorded, not fatal
            conn.send(("extract_error", f"{type(exc).__name__}: {exc}"[:500]))


class ExtractWorker:
    """A restartable child process that extracts one page at a time."""

    def __init__(self, taxonomy: Mapping[str, Sequence[str]], model: str | None,
                 timeout: float, max_memory_mb: int) -> None:
        self.args = ({k: list(v) for k, v in taxonomy.items()}, model, max_memory_mb)
        self.timeout = timeout
        self.context = multiprocessing.get_context("spawn")
        self.process: Any = None
        self.conn: Connection | None = None
        self.first = True

    def _start(self) -> Connection:
        parent, child = self.context.Pipe()
        self.process = self.context.Process(target=_serve, args=(child, *self.args), daemon=True)
        self.process.start()
        child.close()
        self.conn, self.first = parent, True
        return parent

    def extract(self, html: str, url: str | None) -> tuple[str, Any]:
        """(status, record or reason); status 'ok', 'no_article', 'extract_timeout', ..."""
        conn = self.conn if self.conn is not None and self.process.is_alive() else self._start()
        conn.send((html, url))
        # The first page also waits for the child to import and load its model.
        wait = self.timeout + (60 if self.first else 0)
        self.first = False
        if conn.poll(wait):
            try:
                status, payload = conn.recv()
                return status, payload
            except EOFError:
                self.close()
                return "extract_memory", "the extractor process died (out of memory?)"
        self.close()
        return "extract_timeout", f"extraction took longer than {self.timeout:g} s"

    def close(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        if self.process is not None:
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn = None, None

    def __enter__(self) -> ExtractWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
