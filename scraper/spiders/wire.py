"""The one generic spider: discovers article links from each configured source and fetches them.

It only discovers and fetches. Every outcome leaves as an item (a page, or an account of
a fetch) and the pipeline stores it; nothing is written from callbacks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from scraper.discovery import Link, autodiscover, feed_links, sitemap_links
from scraper.failures import classify
from scraper.items import FetchItem, PageItem
from scraper.pages import decode_page, page_problem
from scraper.sources import Source
from scraper.state import CrawlState
from scraper.urls import normalize_url


class WireSpider(scrapy.Spider):
    name = "wire"

    def __init__(self, sources: Sequence[Mapping[str, Any]], state: CrawlState,
                 **kwargs: Any) -> None:
        """``sources`` are plain dicts (scraper/sources.py), made from the config by
        wirebrief/crawl_settings.py: the spider itself knows nothing of the config."""
        super().__init__(**kwargs)
        self.state = state
        self.sources = [Source.from_dict(source) for source in sources]
        self.by_name = {source.name: source for source in self.sources}
        self.scheduled: set[str] = set()
        self.per_source: Counter[str] = Counter()
        self.capped: set[str] = set()

    async def start(self) -> Any:
        for request in self.start_requests_for_sources():
            yield request

    def start_requests_for_sources(self) -> Iterator[scrapy.Request]:
        for source in self.sources:
            for url in source.feeds:
                yield self._listing(source, url, "feed")
            for url in source.sitemaps:
                yield self._listing(source, url, "sitemap")
            for rule_index, rule in enumerate(source.pages):
                yield self._request(source, rule.url, "section", self.parse_section,
                                    rule=rule_index, page=1)
            if source.home and not (source.feeds or source.sitemaps or source.pages):
                yield self._request(source, source.home, "home", self.parse_home)

    # -- requests -------------------------------------------------------------------------
    def _request(self, source: Source, url: str, kind: str, callback: Any,
                 **meta: Any) -> scrapy.Request:
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, dont_filter=True,
            meta={"source": source.name, "kind": kind, **meta},
        )

    def _listing(self, source: Source, url: str, kind: str) -> scrapy.Request:
        callback = self.parse_feed if kind == "feed" else self.parse_sitemap
        request = self._request(source, url, kind, callback)
        request.meta["handle_httpstatus_list"] = [304]
        for key, value in self.state.cache.get(url, {}).items():
            request.headers[key] = value
        return request

    def _article(self, source: Source, link: Link) -> scrapy.Request | None:
        key = normalize_url(link.url)
        if not self._wanted(source, link, key):
            return None
        self.scheduled.add(key)
        self.per_source[source.name] += 1
        request = self._request(source, link.url, "article", self.parse_article)
        if link.date:
            request.meta["discovered_date"] = link.date.isoformat()
        return request

    def _wanted(self, source: Source, link: Link, key: str) -> bool:
        """Whether to fetch the link; ``key`` is its normalised URL, as the seen-set holds it."""
        if key in self.state.seen or key in self.scheduled:
            return False
        if not _allowed(source, link.url):
            return False
        if self.per_source[source.name] >= self._cap(source):
            self.capped.add(source.name)
            return False
        max_age = source.max_age_days
        if max_age and link.date and link.date < datetime.now(UTC) - timedelta(days=max_age):
            return False
        return not (source.article_pattern and not re.search(source.article_pattern, link.url))

    def _cap(self, source: Source) -> int:
        return source.max_pages

    # -- callbacks ------------------------------------------------------------------------
    def parse_feed(self, response: Response) -> Iterator[Any]:
        source = self._source(response)
        if response.status == 304:
            yield self._fetched(response)
            return
        links, problem = feed_links(response.body)
        yield self._fetched(response, reason="no_article" if problem else None, detail=problem)
        yield from self._follow(source, _newest_first(links))

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        source = self._source(response)
        if response.status == 304:
            yield self._fetched(response)
            return
        try:
            kind, links = sitemap_links(response.body)
        except Exception as exc:  # a broken sitemap is recorded, never fatal
            yield self._fetched(response, reason="no_article", detail=f"broken sitemap: {exc}")
            return
        yield self._fetched(response)
        if kind == "index":
            for link in links:
                yield self._listing(source, response.urljoin(link.url), "sitemap")
            return
        yield from self._follow(source, _newest_first(links))

    def parse_section(self, response: Response) -> Iterator[Any]:
        source = self._source(response)
        rule = source.pages[response.meta["rule"]]
        yield self._fetched(response)
        hrefs = response.css("a::attr(href)").getall()
        links = [Link(response.urljoin(h)) for h in hrefs
                 if not rule.article_links or re.search(rule.article_links, response.urljoin(h))]
        yield from self._follow(source, links)
        page = response.meta["page"]
        if rule.next_page and page < rule.max_pages:
            href = response.css(rule.next_page).attrib.get("href")
            if href:
                yield self._request(source, response.urljoin(href), "section",
                                    self.parse_section, rule=response.meta["rule"], page=page + 1)

    def parse_home(self, response: Response) -> Iterator[Any]:
        source = self._source(response)
        yield self._fetched(response)
        for kind, href in autodiscover(response.text, response.url):
            yield self._listing(source, response.urljoin(href), kind)

    def parse_article(self, response: Response) -> Iterator[Any]:
        problem = page_problem(response)
        if problem:
            reason, detail = problem
            yield self._fetched(response, reason=reason, detail=detail)
            return
        assert isinstance(response, TextResponse)
        text, encoding = decode_page(response)
        if text is None:
            yield self._fetched(response, reason="encoding",
                                detail=f"undecodable in declared charset {response.encoding}")
            return
        yield PageItem(
            source=response.meta["source"], url=_requested_url(response),
            final_url=response.url, status=response.status,
            content_type=(response.headers.get("Content-Type") or b"").decode("latin-1"),
            encoding=encoding, html=text, discovered_date=response.meta.get("discovered_date"),
            size=len(response.body),
        )

    def on_error(self, failure: Failure) -> Iterator[FetchItem]:
        request = failure.request  # type: ignore[attr-defined]
        reason, status, detail = classify(failure)
        yield FetchItem(source=request.meta["source"], url=request.url,
                        kind=request.meta["kind"], status=status, reason=reason, detail=detail)

    # -- helpers --------------------------------------------------------------------------
    def _follow(self, source: Source, links: list[Link]) -> Iterator[scrapy.Request]:
        for link in links:
            request = self._article(source, link)
            if request is not None:
                yield request

    def _source(self, response: Response) -> Source:
        return self.by_name[response.meta["source"]]

    @staticmethod
    def _fetched(response: Response, reason: str | None = None,
                 detail: str | None = None) -> FetchItem:
        headers = response.headers
        return FetchItem(
            source=response.meta["source"], url=response.url, kind=response.meta["kind"],
            status=response.status, reason=reason, detail=detail, size=len(response.body),
            etag=_header(headers, b"ETag"), last_modified=_header(headers, b"Last-Modified"),
        )


def _requested_url(response: Response) -> str:
    """The URL as first requested, before redirects: what the seen-set remembers."""
    urls = response.meta.get("redirect_urls") or [response.url]
    return str(urls[0])


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None


def _allowed(source: Source, url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    if not source.allowed_domains:
        return True
    host = (parts.hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in source.allowed_domains)


def _newest_first(links: list[Link]) -> list[Link]:
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(links, key=lambda link: link.date or oldest, reverse=True)
