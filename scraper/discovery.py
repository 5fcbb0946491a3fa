"""Reading the places where article links are listed: feeds, sitemaps, home pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from time import struct_time

import feedparser
from parsel import Selector
from scrapy.utils.sitemap import Sitemap

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/rss", "text/xml", "application/xml")


@dataclass(frozen=True)
class Link:
    url: str
    date: datetime | None = None


def feed_links(body: bytes) -> tuple[list[Link], str | None]:
    """Entry links of an RSS/Atom feed, and a problem description if it is broken."""
    parsed = feedparser.parse(body)
    links = [Link(e["link"], _entry_date(e)) for e in parsed.entries if e.get("link")]
    problem = None
    if parsed.get("bozo") and not links:
        problem = f"broken feed: {parsed.get('bozo_exception')}"
    return links, problem


def _entry_date(entry: feedparser.FeedParserDict) -> datetime | None:
    value = entry.get("published_parsed") or entry.get("updated_parsed")
    if isinstance(value, struct_time):
        return datetime(*value[:6], tzinfo=UTC)
    return None


def sitemap_links(body: bytes) -> tuple[str, list[Link]]:
    """('index' or 'urlset', links): child sitemaps of an index, or page links of a set."""
    sitemap = Sitemap(body)
    links = []
    for entry in sitemap:
        loc = entry.get("loc")
        if loc:
            links.append(Link(loc, parse_date(_lastmod(entry))))
    return ("index" if sitemap.type == "sitemapindex" else "urlset"), links


def _lastmod(entry: dict[str, object]) -> str | None:
    news = entry.get("news")
    if isinstance(news, dict) and news.get("publication_date"):
        return str(news["publication_date"])
    value = entry.get("lastmod")
    return str(value) if value else None


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def autodiscover(html: str, base_url: str) -> Iterator[tuple[str, str]]:
    """(kind, url) of feeds and sitemaps a home page advertises in its <head>."""
    selector = Selector(text=html)
    for link in selector.css("link[rel~=alternate], link[rel=sitemap]"):
        href = link.attrib.get("href")
        if not href:
            continue
        kind = (link.attrib.get("type") or "").lower()
        if link.attrib.get("rel") == "sitemap":
            yield "sitemap", href
        elif kind in FEED_TYPES:
            yield "feed", href
