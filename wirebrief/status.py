"""The run report: per source what was fetched, stored and what failed, and source health.

A source that used to yield articles and has yielded none for several runs has most
likely changed its layout: the commonest silent failure of scrapers, so it is flagged.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import sqlite_utils

from wirebrief.config import Config

SILENT_RUNS = 3


def status_report(db: sqlite_utils.Database, config: Config, last_runs: int = 10,
                  *, builds: bool = True) -> dict[str, Any]:
    """Per source what was fetched, stored and failed, and the last runs (without the
    site's own build runs when ``builds`` is false: the status page leaves them out, so
    that rebuilding a site does not change it)."""
    names = [s.name for s in config.sources] + [
        row[0] for row in db.execute("select distinct source from pages")
    ]
    sources = [_source_report(db, name) for name in dict.fromkeys(names)]
    runs = [_run_row(row) for row in db.execute(
        "select id, started_at, ended_at, status, stage, counts, error from runs "
        "where ? or stage != 'build' order by id desc limit ?", [builds, last_runs])]
    return {"sources": sources, "runs": runs}


def _source_report(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    articles = db.execute(
        "select count(distinct id) from articles where source = ?", [name]).fetchone()[0]
    fetched = db.execute("select count(*) from fetches where source = ?", [name]).fetchone()[0]
    failures = {reason: count for reason, count in db.execute(
        "select reason, count(distinct url) from failures where source = ? "
        "group by reason order by reason",
        [name])}
    last_run = db.execute("select max(id) from runs where stage in ('run', 'crawl')").fetchone()[0]
    new = 0
    if last_run is not None:
        new = db.execute("select count(*) from articles where source = ? and first_run_id = ?",
                         [name, last_run]).fetchone()[0]
    return {"name": name, "articles": articles, "pages_fetched": fetched,
            "new_articles": new, "failures": failures, "warning": _silence(db, name)}


def _silence(db: sqlite_utils.Database, name: str) -> str | None:
    """A warning when the last SILENT_RUNS crawls stored nothing new for a productive source."""
    runs = [row[0] for row in db.execute(
        "select id from runs where stage in ('run', 'crawl') and status != 'running' "
        "order by id desc limit ?", [SILENT_RUNS])]
    if len(runs) < SILENT_RUNS:
        return None
    per_run: dict[int, int] = defaultdict(int)
    for run_id, count in db.execute(
        "select first_run_id, count(*) from articles where source = ? group by first_run_id",
        [name]):
        per_run[run_id] = count
    earlier = sum(count for run_id, count in per_run.items() if run_id is not None and run_id < min(runs))
    if earlier and not any(per_run.get(run_id) for run_id in runs):
        return f"no new articles in the last {SILENT_RUNS} runs: has the site's layout changed?"
    return None


def _run_row(row: tuple[Any, ...]) -> dict[str, Any]:
    run_id, started, ended, status, stage, counts, error = row
    return {"id": run_id, "started_at": started, "ended_at": ended, "status": status,
            "stage": stage, "counts": json.loads(counts or "{}"), "error": error}
