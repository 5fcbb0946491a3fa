"""The run report: per source what was fetched, stored and what failed, and source health.

A source that used to yield articles and has yielded none for several runs has most
likely changed its layout: the commonest silent failure of scrapers, so it is flagged.
The store's reads are in store/status.py; this module only judges what they return.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from wirebrief.config import Config
from wirebrief.store.status import (
    articles_per_run,
    finished_crawls,
    last_crawl,
    recent_runs,
    source_counts,
    stored_sources,
)

SILENT_RUNS = 3


def status_report(db: sqlite_utils.Database, config: Config, last_runs: int = 10,
                  *, builds: bool = True) -> dict[str, Any]:
    """Per source what was fetched, stored and failed, and the last runs (without the
    site's own build runs when ``builds`` is false: the status page leaves them out, so
    that rebuilding a site does not change it)."""
    names = [s.name for s in config.sources] + stored_sources(db)
    latest = last_crawl(db)
    silent = finished_crawls(db, SILENT_RUNS)
    sources = [{"name": name, **source_counts(db, name, latest), "warning": _silence(db, name, silent)}
               for name in dict.fromkeys(names)]
    runs = [_run_row(row) for row in recent_runs(db, last_runs, builds)]
    return {"sources": sources, "runs": runs}


def _silence(db: sqlite_utils.Database, name: str, runs: list[int]) -> str | None:
    """A warning when the last SILENT_RUNS crawls stored nothing new for a productive source."""
    if len(runs) < SILENT_RUNS:
        return None
    per_run = articles_per_run(db, name)
    earlier = sum(count for run_id, count in per_run.items() if run_id is not None and run_id < min(runs))
    if earlier and not any(per_run.get(run_id) for run_id in runs):
        return f"no new articles in the last {SILENT_RUNS} runs: has the site's layout changed?"
    return None


def _run_row(row: tuple[Any, ...]) -> dict[str, Any]:
    run_id, started, ended, status, stage, counts, error = row
    return {"id": run_id, "started_at": started, "ended_at": ended, "status": status,
            "stage": stage, "counts": json.loads(counts or "{}"), "error": error}
