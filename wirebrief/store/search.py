"""Full-text search of the stored articles: the reader of the FTS5 index ``articles_fts``.

The index is kept by triggers on ``articles`` (schema.py), so it is always as fresh as
the store. Queries use FTS5's own syntax (phrases in double quotes, ``AND``/``OR``/
``NOT``, ``prefix*``, ``title:word``); a query it cannot parse is the user's mistake, not
a failure of the store, so it is reported as :class:`SearchError` with SQLite's reason.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# Words of context around the best match, as FTS5's snippet() counts them.
SNIPPET_TOKENS = 16
SEARCH = (
    "select a.id, coalesce(substr(a.published, 1, 10), substr(a.first_seen_at, 1, 10), '') as date, "
    "a.source, a.title, a.url, "
    f"snippet(articles_fts, 1, '', '', '…', {SNIPPET_TOKENS}) as snippet "
    "from articles_fts join articles a on a.rowid = articles_fts.rowid "
    "where articles_fts match ? order by articles_fts.rank, a.published desc, a.id limit ?"
)
# What SQLite says about a query it cannot parse (as against a store it cannot read).
QUERY_ERRORS = ("fts5:", "no such column", "unknown special query", "unterminated string")


class SearchError(ValueError):
    """The query is not valid FTS5 syntax."""


@dataclass(frozen=True)
class Hit:
    id: str
    date: str
    source: str
    title: str
    url: str
    snippet: str


def search_articles(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[Hit]:
    """The ``limit`` articles that best match ``query``, best first (FTS5's bm25 rank)."""
    try:
        rows = conn.execute(SEARCH, [query, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        if any(marker in str(exc) for marker in QUERY_ERRORS):
            raise SearchError(f"invalid search query {query!r}: {exc}") from None
        raise
    return [Hit(*row) for row in rows]
