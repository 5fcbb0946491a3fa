"""Where each page lives in the output, and relative links between pages.

Links are relative so the site works from any base path and straight from disk.
"""

from __future__ import annotations

from typing import Any

from wirebrief.store.keys import slugify


def article_path(article: dict[str, Any]) -> str:
    """An article's permanent page: a file in its day's folder (one folder per article
    would cost a directory per article to create and delete in every build)."""
    day = (article.get("published") or "undated")[:10]
    slug = slugify(article.get("title") or "article", max_length=50)
    return f"articles/{day}/{slug}-{article['id'][:8]}.html"


def up_prefix(from_page: str) -> str:
    """'../' once per folder between ``from_page`` and the site root."""
    return "../" * from_page.count("/")


def output_file(page: str) -> str:
    """The file that serves ``page``: folders get an index.html."""
    return page + "index.html" if page.endswith("/") or page == "" else page
