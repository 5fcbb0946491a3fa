"""One extractor child process: cleans a page and extracts its facts, under a memory limit.

A hostile or pathological page can make any parser slow or hungry, so extraction never
runs in the process that writes the store. The child caps its own address space
(``RLIMIT_AS``), loads the spaCy pipeline once and then serves pages one at a time: a
page that needs more memory comes back as ``extract_memory``, and a child that hangs or
dies is killed and replaced by its owner (extract_pool.py), which also keeps the clock.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Mapping, Sequence
from multiprocessing.connection import Connection
from typing import Any

MiB = 1024 * 1024
READY = "ready"
DIED = ("extract_memory", "the extractor process died (out of memory?)")
# Spawned, not forked: the parent holds an open SQLite connection and maybe threads.
CONTEXT = multiprocessing.get_context("spawn")


def _serve(conn: Connection, taxonomy: dict[str, list[str]], model: str | None,
           max_memory_mb: int) -> None:
    """The child's loop: announce READY once warmed up, then one (html, url) in, one
    (status, payload) out, until the parent closes the pipe. The code is imported before
    the limit is set: the limit is meant for the model and the pages."""
    import extract
    import extract.nlp  # noqa: F401 - spaCy itself, which extract imports only when needed
    import wirebrief.relevance  # noqa: F401
    import wirebrief.store.articles  # noqa: F401
    import wirebrief.syndication  # noqa: F401

    limit = max_memory_mb * MiB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _warm_up(model)
    conn.send(READY)
    while True:
        try:
            html, url = conn.recv()
        except EOFError:
            return
        conn.send(extract_one(html, url, taxonomy, model, max_memory_mb))


def _warm_up(model: str | None) -> None:
    """Load the pipeline before the first page, so that its clock measures the page only.
    A model that does not fit the limit is not fatal here: each page then reports it."""
    try:
        from extract.nlp import get_nlp

        get_nlp(model)
    except (MemoryError, Exception):  # noqa: BLE001 - the pages report what went wrong
        pass


def extract_one(html: str, url: str | None, taxonomy: Mapping[str, Sequence[str]],
                model: str | None, max_memory_mb: int) -> tuple[str, Any]:
    """(status, prepared article or reason) for one page: 'ok', 'no_article',
    'extract_memory' or 'extract_error'. An 'ok' answer is the article as the store writes
    it (``prepare_article``: folded names, slugs, ids, JSON, MinHash, relevance), so that
    the parent, the one writer all workers wait for, only looks names up and writes."""
    from extract import NoArticle, clean_html, extract_facts
    from wirebrief.relevance import relevance_reason
    from wirebrief.store.articles import prepare_article
    from wirebrief.syndication import signature, to_bytes

    try:
        article = clean_html(html, url)
        record = extract_facts(article, taxonomy, model=model)
        record["text"], record["language"] = article.text, article.language
        prepared = prepare_article(record, to_bytes(signature(article.text)))
        prepared["off_topic"] = relevance_reason(article.text, record.get("topics") or [])
        return ("ok", prepared)
    except NoArticle as exc:
        return ("no_article", str(exc))
    except MemoryError:
        return ("extract_memory", f"extraction needed more than {max_memory_mb} MiB")
    except Exception as exc:  # noqa: BLE001 - any extractor bug is recorded, not fatal
        return ("extract_error", f"{type(exc).__name__}: {exc}"[:500])


class ExtractWorker:
    """A child process and the pipe to it; started on demand, killed on demand."""

    def __init__(self, taxonomy: Mapping[str, Sequence[str]], model: str | None,
                 max_memory_mb: int) -> None:
        self.args = ({k: list(v) for k, v in taxonomy.items()}, model, max_memory_mb)
        self.process: Any = None
        self.conn: Connection | None = None

    @property
    def started(self) -> bool:
        """Started and not closed since (it may have died meanwhile)."""
        return self.process is not None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def start(self) -> Connection:
        """Start a fresh child; it sends READY on the returned pipe once it can serve."""
        self.close()
        parent, child = CONTEXT.Pipe()
        process = CONTEXT.Process(target=_serve, args=(child, *self.args), daemon=True)
        try:
            process.start()
        finally:
            child.close()
        self.process, self.conn = process, parent
        return parent

    def send(self, html: str, url: str | None) -> None:
        assert self.conn is not None, "start() the worker first"
        self.conn.send((html, url))

    def receive(self) -> Any:
        """The child's next message; a child that died answers as out of memory (the
        kernel's OOM killer and a crash in native code look the same from here)."""
        assert self.conn is not None, "start() the worker first"
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self.close()
            return DIED

    def close(self) -> None:
        """Kill the child (if any) and forget it."""
        if self.running:
            self.process.kill()
        if self.process is not None:
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn = None, None
