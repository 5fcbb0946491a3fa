"""The one exception the extractor raises for pages it cannot use."""

from __future__ import annotations


class NoArticle(Exception):
    """The page holds no extractable article; ``str()`` gives the reason for logs."""
