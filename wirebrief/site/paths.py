"""Where each page lives in the output, and relative links between pages.

Links are relative so the site works from any base path and straight from disk.
"""

from __future__ import annotations

import posixpath
from typing import Any

from wirebrief.store.keys import slugify


def article_path(article: dict[str, Any]) -> str:
    day = (article.get("published") or "undated")[:10]
    slug = slugify(article.get("title") or "article", max_length=50)
    return f"articles/{day}/{slug}-{article['id'][:8]}/"


def relative(from_page: str, to_page: str) -> str:
    """Link from the page at ``from_page`` (a folder path like 'a/b/') to ``to_page``."""
    start = posixpath.dirname(from_page.rstrip("/") + "/x") or "."
    target = to_page or "./"
    link = posixpath.relpath("/" + target, "/" + start) if start != "." else target
    if link == ".":
        return "./"
    return link + ("/" if to_page.endswith("/") and not link.endswith("/") else "")


def output_file(page: str) -> str:
    """The file that serves ``page``: folders get an index.html."""
    return page + "index.html" if page.endswith("/") or page == "" else page
