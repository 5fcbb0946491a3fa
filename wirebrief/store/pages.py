"""Writes and reads of the crawl stage: fetches, raw pages, failures, the HTTP cache."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import TYPE_CHECKING, Any

from wirebrief.store.db import now_iso

if TYPE_CHECKING:
    import sqlite_utils

    from wirebrief.store.db import Store

FAILURE_REASONS = (
    "http_error", "timeout", "too_large", "not_html", "redirect_loop",
    "no_article", "encoding", "robots", "off_topic", "extract_timeout", "extract_memory",
    "extract_error",
)


def record_fetch(db: Store, *, run_id: int | None, source: str, url: str,
                 kind: str, status: int | None, reason: str | None = None,
                 detail: str | None = None, size: int = 0) -> None:
    # Plain SQL on the crawl's hot path: sqlite-utils' insert() inspects the table each call.
    db.execute(
        "insert into fetches (run_id, source, url, kind, status, reason, detail, fetched_at, bytes) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [run_id, source, url, kind, status, reason, detail, now_iso(), size])


def record_failure(db: Store, *, run_id: int | None, source: str, url: str,
                   reason: str, status: int | None = None, detail: str | None = None) -> None:
    if reason not in FAILURE_REASONS:
        raise ValueError(f"unknown failure reason {reason!r}")
    db.execute(
        "insert into failures (run_id, source, url, reason, status, detail, at) "
        "values (?, ?, ?, ?, ?, ?, ?)",
        [run_id, source, url, reason, status, (detail or "")[:1000], now_iso()])


PAGE_COLUMNS = ("url", "source", "final_url", "status", "content_type", "encoding", "html",
                "discovered_date")


def save_page(db: Store, page: dict[str, Any], run_id: int | None) -> None:
    """Store a fetched article page; a changed page is marked for re-extraction."""
    html: str = page["html"]
    sha = hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()
    row = {**{k: page.get(k) for k in PAGE_COLUMNS}, "sha256": sha, "fetched_at": now_iso(),
           "run_id": run_id}
    columns = ", ".join(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "url")
    db.execute(
        f"insert into pages ({columns}, extracted_at) values ({', '.join('?' for _ in row)}, null) "
        f"on conflict(url) do update set {updates}, extracted_at = null "
        "where pages.sha256 is not excluded.sha256",
        list(row.values()))


PERMANENT_REASONS = ("too_large", "not_html", "redirect_loop", "robots", "encoding")
TRANSIENT_ATTEMPTS = 3


def seen_urls(db: Store) -> set[str]:
    """URLs not to fetch again: stored pages (by request and final URL), stored articles
    (by canonical URL), permanent failures, and transient ones that failed too often."""
    urls = {row[0] for row in db.execute("select url from pages")}
    urls |= {row[0] for row in db.execute("select final_url from pages where final_url is not null")}
    urls |= {row[0] for row in db.execute("select url from articles")}
    marks = ",".join("?" for _ in PERMANENT_REASONS)
    urls |= {row[0] for row in db.execute(
        f"select url from failures where reason in ({marks})", PERMANENT_REASONS)}
    urls |= {row[0] for row in db.execute(
        "select url from failures where reason in ('http_error', 'timeout') "
        "group by url having count(distinct run_id) >= ?", [TRANSIENT_ATTEMPTS])}
    return urls


def url_keys(db: Store, version: int) -> dict[str, str]:
    """Stored URLs with the key the crawl's normaliser (at ``version``) made of them."""
    return dict(db.execute("select url, key from url_keys where version = ?", [version]).fetchall())


def remember_url_keys(db: sqlite3.Connection, version: int, keys: dict[str, str]) -> None:
    with db:
        db.executemany("insert or replace into url_keys (url, version, key) values (?, ?, ?)",
                       [(url, version, key) for url, key in keys.items()])


def conditional_headers(db: Store) -> dict[str, dict[str, str]]:
    """The If-None-Match / If-Modified-Since headers to send for each feed and sitemap."""
    cache: dict[str, dict[str, str]] = {}
    for url, etag, modified in db.execute("select url, etag, last_modified from http_cache"):
        headers = {"If-None-Match": etag, "If-Modified-Since": modified}
        cache[url] = {name: value for name, value in headers.items() if value}
    return cache


def save_cache_headers(db: Store, url: str, etag: str | None,
                       last_modified: str | None) -> None:
    if not (etag or last_modified):
        return
    db.execute(
        "insert into http_cache (url, etag, last_modified, checked_at) values (?, ?, ?, ?) "
        "on conflict(url) do update set etag = excluded.etag, "
        "last_modified = excluded.last_modified, checked_at = excluded.checked_at",
        [url, etag, last_modified, now_iso()])


def urls_to_extract(db: sqlite_utils.Database, everything: bool = False) -> list[str]:
    """Pages not extracted yet (or all of them), by URL: the HTML is read one at a time."""
    where = "" if everything else " where extracted_at is null"
    return [row[0] for row in db.execute(f"select url from pages{where} order by url")]


def page_for_extraction(db: sqlite_utils.Database, url: str) -> dict[str, Any] | None:
    cursor = db.execute(
        "select url, source, final_url, html, run_id, fetched_at from pages where url = ?", [url])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def mark_extracted(db: sqlite_utils.Database, url: str) -> None:
    db.execute("update pages set extracted_at = ? where url = ?", [now_iso(), url])
