"""What the spider hands to the pipeline: a fetched article page, or an account of a fetch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageItem:
    """An article page worth keeping: raw HTML and where it came from (its fetch too)."""

    source: str
    url: str
    final_url: str
    status: int
    content_type: str
    encoding: str
    html: str
    discovered_date: str | None = None
    size: int = 0


@dataclass
class FetchItem:
    """One request's outcome: every fetch is recorded, failed ones with a reason."""

    source: str
    url: str
    kind: str
    status: int | None
    reason: str | None = None
    detail: str | None = None
    size: int = 0
    etag: str | None = None
    last_modified: str | None = None
