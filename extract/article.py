"""The cleaned-article value passed between the cleaner and the fact extractors."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CleanArticle:
    """A page reduced to its headline, body text and metadata.

    ``text`` keeps one paragraph per line, so every character offset the fact
    extractors report points into exactly this string.  ``agency`` is a wire
    credit found in the page's byline metadata (not in the text); it defaults to
    ``None`` so that callers building articles from plain text can ignore it.
    """

    url: str | None
    title: str | None
    text: str
    published: str | None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    sitename: str | None = None
    description: str | None = None
    agency: str | None = None
