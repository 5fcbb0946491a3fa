"""`wirebrief facts`: the facts record of files or URLs, without touching the store."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extract import NoArticle, article_from_text, extract_facts, extract_record

USER_AGENT = "wirebrief-facts/0.1"
MAX_BYTES = 10_000_000


def read_input(item: str) -> tuple[bytes, str | None]:
    if item.startswith(("http://", "https://")):
        request = urllib.request.Request(item, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - http(s) only
            return response.read(MAX_BYTES), response.geturl()
    return Path(item).read_bytes(), None


def empty_record(url: str | None) -> dict[str, Any]:
    """The record of a document with no article: every key, nothing found."""
    lists = ("authors", "people", "organizations", "places", "quotes", "events",
             "agreements", "topics")
    return {"url": url, "title": None, "published": None, "agency": None, "dateline": None,
            **{key: [] for key in lists}}


def facts_records(inputs: tuple[str, ...], with_text: bool) -> Iterator[dict[str, Any]]:
    for item in inputs:
        try:
            data, url = read_input(item)
        except (OSError, ValueError) as exc:
            yield {"input": item, "error": f"{type(exc).__name__}: {exc}"}
            continue
        yield _record(item, data, url, with_text)


def _record(item: str, data: bytes, url: str | None, with_text: bool) -> dict[str, Any]:
    try:
        if item.endswith(".txt"):
            article = article_from_text(data.decode("utf-8", "replace"), url=url)
            record = extract_facts(article)
            record["text"] = article.text
        else:
            record = extract_record(data, url)
    except NoArticle as exc:
        return {**empty_record(url), "input": item, "error": f"no article: {exc}"}
    if not with_text:
        record.pop("text", None)
    return record
