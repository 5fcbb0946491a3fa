"""The reads of the run report (`wirebrief status`, the site's status page), per source.

Each query filters by source, and a store grows by every fetch of every run, so each has
an index to use (schema.py: ``fetches(source)``, ``articles(source, first_run_id)``,
``pages(source)``, ``failures(source, reason)``): the report costs the same after a year
of hourly runs as after one. tests/test_status_queries.py checks the query plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirebrief.store.db import Store

CRAWL_STAGES = "('run', 'crawl')"
QUERIES = {
    "stored_sources": "select distinct source from pages",
    "articles": "select count(*) from articles where source = ?",
    "fetches": "select count(*) from fetches where source = ?",
    "failures": "select reason, count(distinct url) from failures where source = ? "
                "group by reason order by reason",
    "new_articles": "select count(*) from articles where source = ? and first_run_id = ?",
    "articles_per_run": "select first_run_id, count(*) from articles where source = ? "
                        "group by first_run_id",
    "last_crawl": f"select max(id) from runs where stage in {CRAWL_STAGES}",
    "finished_crawls": f"select id from runs where stage in {CRAWL_STAGES} and status != 'running' "
                       "order by id desc limit ?",
    "runs": "select id, started_at, ended_at, status, stage, counts, error from runs "
            "where ? or stage != 'build' order by id desc limit ?",
}


def stored_sources(db: Store) -> list[str]:
    """Sources that have pages in the store (configured or not any more)."""
    return [row[0] for row in db.execute(QUERIES["stored_sources"])]


def source_counts(db: Store, name: str, last_crawl: int | None) -> dict[str, Any]:
    """Articles, fetches, new articles of ``last_crawl`` and failures by reason of a source."""
    new = 0
    if last_crawl is not None:
        new = db.execute(QUERIES["new_articles"], [name, last_crawl]).fetchone()[0]
    return {
        "articles": db.execute(QUERIES["articles"], [name]).fetchone()[0],
        "pages_fetched": db.execute(QUERIES["fetches"], [name]).fetchone()[0],
        "new_articles": new,
        "failures": dict(db.execute(QUERIES["failures"], [name]).fetchall()),
    }


def articles_per_run(db: Store, name: str) -> dict[int | None, int]:
    """How many of a source's articles each run first stored."""
    return dict(db.execute(QUERIES["articles_per_run"], [name]).fetchall())


def last_crawl(db: Store) -> int | None:
    """The id of the latest crawl (or tick), finished or not."""
    value: int | None = db.execute(QUERIES["last_crawl"]).fetchone()[0]
    return value


def finished_crawls(db: Store, count: int) -> list[int]:
    """The ids of the last ``count`` finished crawls (or ticks), newest first."""
    return [row[0] for row in db.execute(QUERIES["finished_crawls"], [count])]


def recent_runs(db: Store, count: int, builds: bool = True) -> list[tuple[Any, ...]]:
    """The last ``count`` runs as rows of (id, started, ended, status, stage, counts, error)."""
    return list(db.execute(QUERIES["runs"], [builds, count]))
