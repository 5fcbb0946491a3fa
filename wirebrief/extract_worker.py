"""Cleaning and fact extraction in a child process, under a time and a memory limit.

A hostile or pathological page can make any parser slow or hungry. The parent waits a
bounded time for each page; a child that overruns is killed and replaced, a child that
runs out of its address-space limit reports it, and the stage records the page and
goes on. The child loads the spaCy pipeline once and serves many pages.

The crawl uses the same worker to clean pages while it fetches (``clean_only``: the
cleaned article as plain data, no facts, spaCy never loaded), on the second core; the
extract stage then starts from that cleaned article instead of the HTML.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import resource
from collections.abc import Mapping, Sequence
from multiprocessing.connection import Connection
from typing import Any

MiB = 1024 * 1024


def _serve(conn: Connection, taxonomy: dict[str, list[str]], model: str | None,
           max_memory_mb: int, clean_only: bool) -> None:
    """The child's loop: one (html, url, cleaned article or None) in, one (status,
    payload) out; or a list of them in, the list of answers out."""
    from extract import CleanArticle, NoArticle, clean_html, extract_facts

    limit = max_memory_mb * MiB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    def _one(html: str, url: str | None, cleaned: Any) -> tuple[str, Any]:
        try:
            article = _from_cleaned(CleanArticle, cleaned) or clean_html(html, url)
            if clean_only:
                return ("ok", dataclasses.asdict(article))
            record = extract_facts(article, taxonomy, model=model)
            record["text"], record["language"] = article.text, article.language
            return ("ok", record)
        except NoArticle as exc:
            return ("no_article", str(exc))
        except MemoryError:
            return ("extract_memory", f"extraction needed more than {max_memory_mb} MiB")
        except Exception as exc:  # noqa: BLE001 - any extractor bug is recorded, not fatal
            return ("extract_error", f"{type(exc).__name__}: {exc}"[:500])

    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if isinstance(message, list):  # a batch of pages: one answer for them all
            conn.send([_one(html, url, cleaned) for html, url, cleaned in message])
        else:
            conn.send(_one(*message))


def _from_cleaned(kind: Any, cleaned: Any) -> Any:
    """The article the crawl cleaned, or None (none, or stored by another version)."""
    if not isinstance(cleaned, dict):
        return None
    try:
        return kind(**cleaned)
    except TypeError:
        return None


class ExtractWorker:
    """A restartable child process that extracts one page at a time."""

    def __init__(self, taxonomy: Mapping[str, Sequence[str]], model: str | None,
                 timeout: float, max_memory_mb: int, *, clean_only: bool = False) -> None:
        self.args = ({k: list(v) for k, v in taxonomy.items()}, model, max_memory_mb, clean_only)
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

    def extract(self, html: str, url: str | None,
                cleaned: dict[str, Any] | None = None) -> tuple[str, Any]:
        """(status, record or reason); status 'ok', 'no_article', 'extract_timeout', ...

        ``cleaned`` is the page already cleaned (by the crawl): it is used instead of
        cleaning ``html`` again.
        """
        status, payload = self._ask((html, url, cleaned), 1)
        return status, payload

    def extract_many(self, pages: list[tuple[str, str | None]]) -> list[tuple[str, Any]]:
        """The answers for several pages, sent in one message: a crawl cleaning pages as
        they arrive would otherwise spend more on handing them over than on cleaning. A
        batch that overruns ``timeout`` for each of its pages fails whole."""
        answers = self._ask([(html, url, None) for html, url in pages], len(pages))
        return answers if isinstance(answers, list) else [answers] * len(pages)

    def _ask(self, message: Any, pages: int) -> Any:
        conn = self.conn if self.conn is not None and self.process.is_alive() else self._start()
        conn.send(message)
        # The first page also waits for the child to import and load its model.
        wait = self.timeout * pages + (60 if self.first else 0)
        self.first = False
        if conn.poll(wait):
            try:
                return conn.recv()
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
