"""Where each page lives in the output, and relative links between pages.

Links are relative so the site works from any base path and straight from disk.
"""

from __future__ import annotations

import posixpath
from typing import Any

from wirebrief.store.keys import slugify


def article_path(article: dict[str, Any]) -> str:
    """An article's permanent page: a file in its day's folder (one folder per article
    would cost a directory per article to create and delete in every build)."""
    day = (article.get("published") or "undated")[:10]
    slug = slugify(article.get("title") or "article", max_length=50)
    return f"articles/{day}/{slug}-{article['id'][:8]}.html"


def relative(from_page: str, to_page: str) -> str:
    """Link from the page at ``from_page`` (a folder path like 'a/b/') to ``to_page``."""
    folder = from_page if from_page == "" or from_page.endswith("/") else posixpath.dirname(from_page) + "/"
    start = posixpath.dirname(folder.rstrip("/") + "/x") or "."
    target = to_page or "./"
    link = posixpath.relpath("/" + target, "/" + start) if start != "." else target
    if link == ".":
        return "./"
    return link + ("/" if (to_page == "" or to_page.endswith("/")) and not link.endswith("/") else "")


def output_file(page: str) -> str:
    """The file that serves ``page``: folders get an index.html."""
    return page + "index.html" if page.endswith("/") or page == "" else page
