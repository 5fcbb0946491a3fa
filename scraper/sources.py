"""The sources a spider crawls, as the spider receives them: plain values.

The spider is started with a list of dicts (a Scrapy spider argument, like any other),
not with the program's config: ``wirebrief.crawl_settings`` turns ``wirebrief.toml``
into those dicts and into Scrapy settings, so that ``scraper`` depends on Scrapy and the
store interface only, and a spider can be run from anything that can write a dict.
Defaults of the crawl as a whole (page cap, maximum age) are already applied per source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SectionRule:
    """A section page whose links are articles, and how to page through it."""

    url: str
    article_links: str = ""
    next_page: str | None = None
    max_pages: int = 5


@dataclass(frozen=True)
class Source:
    """One source's start points and the rules for which of its links to fetch."""

    name: str
    home: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    pages: tuple[SectionRule, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    article_pattern: str | None = None
    max_pages: int = 500
    max_age_days: int | None = None

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> Source:
        """A source from the plain dict the spider is given; unknown keys are an error,
        so a misspelt key is not silently a default."""
        fields = dict(value)
        fields["pages"] = tuple(SectionRule(**rule) for rule in fields.get("pages", ()))
        for name in ("feeds", "sitemaps", "allowed_domains"):
            fields[name] = tuple(fields.get(name, ()))
        return cls(**fields)

    def start_urls(self) -> list[str]:
        """Every URL the source is crawled from (its hosts get its politeness)."""
        urls = [*self.feeds, *self.sitemaps, *(rule.url for rule in self.pages)]
        return urls + [self.home] if self.home else urls
