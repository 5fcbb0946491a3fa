"""The stages in order, each recorded as a run: what `crawl`, `extract`, `stories`, `build` and `run` do."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from wirebrief.config import Config
from wirebrief.logs import event
from wirebrief.store import connect, open_db
from wirebrief.store.runs import finish_run, start_run

Progress = Callable[[int], None]


def crawl_stage(config: Config, run_id: int | None) -> dict[str, Any]:
    from wirebrief.crawl import run_crawl  # Scrapy is heavy: import it only to crawl

    return run_crawl(config, run_id)


def extract_stage(config: Config, run_id: int | None, everything: bool = False,
                  progress: Progress | None = None) -> dict[str, Any]:
    from wirebrief.extracting import run_extract

    db = open_db(config.database_path)
    try:
        return run_extract(db, config, run_id, everything=everything, progress=progress)
    finally:
        db.close()


def stories_stage(config: Config, run_id: int | None, rebuild: bool = False) -> dict[str, Any]:
    """Place the articles in no story yet (or, with ``rebuild``, re-cluster them all)."""
    from wirebrief.stories import place_new_articles, rebuild_stories

    db = open_db(config.database_path)
    try:
        return (rebuild_stories if rebuild else place_new_articles)(db, run_id)
    finally:
        db.close()


def build_stage(config: Config) -> dict[str, Any]:
    from wirebrief.site.build import build_site

    db = open_db(config.database_path)
    try:
        return build_site(config, db)
    finally:
        db.close()


def retention_stage(config: Config) -> dict[str, Any]:
    from wirebrief.maintenance import purge_raw_pages

    if not config.run.keep_raw_days:
        return {}
    db = open_db(config.database_path)
    try:
        return {"raw_pages_purged": purge_raw_pages(db, config.run.keep_raw_days)}
    finally:
        db.close()


def publish_stage(config: Config) -> dict[str, Any]:
    from wirebrief.publishing import publish

    done = publish(config)
    return {"published": "; ".join(done)} if done else {}


def watch_stage(config: Config, run_id: int | None) -> dict[str, Any]:
    from wirebrief.watch_notify import watch_stage as notify_new_matches

    return notify_new_matches(config, run_id)


def digest_stage(config: Config) -> dict[str, Any]:
    """Send the morning email after the day's first good tick, when ``[digest] after_run``
    asks for it."""
    if not config.digest.after_run:
        return {}
    from wirebrief.digest import send_daily_digest

    return send_daily_digest(config)


def recorded(config: Config, stage: str, work: Callable[[int], dict[str, Any]]) -> dict[str, Any]:
    """Run ``work(run_id)`` inside a run record that ends 'ok' or 'failed' with the error."""
    db = connect(config.database_path)
    run_id = start_run(db, stage)
    db.close()
    event(f"{stage}.start", run=run_id)
    started = time.monotonic()
    try:
        counts = work(run_id)
    except BaseException as exc:
        _finish(config, run_id, "failed", {}, one_line(exc))
        event(f"{stage}.failed", 40, run=run_id, error=one_line(exc))
        raise
    _finish(config, run_id, "ok", counts, None)
    event(f"{stage}.done", run=run_id, seconds=round(time.monotonic() - started, 2))
    return counts


def _finish(config: Config, run_id: int, status: str, counts: dict[str, Any],
            error: str | None) -> None:
    db = connect(config.database_path)
    try:
        finish_run(db, run_id, status, counts, error)
    finally:
        db.close()


STAGES: list[tuple[str, Callable[[Config, int], dict[str, Any]]]] = [
    ("crawl", crawl_stage),
    ("extract", lambda config, run_id: extract_stage(config, run_id)),
    ("stories", lambda config, run_id: stories_stage(config, run_id)),
    ("retention", lambda config, run_id: retention_stage(config)),
    ("build", lambda config, run_id: build_stage(config)),
    ("publish", lambda config, run_id: publish_stage(config)),
    ("watch", watch_stage),
    ("digest", lambda config, run_id: digest_stage(config)),
]


def tick(config: Config, run_id: int) -> dict[str, Any]:
    """One scheduled run: every stage in order; counts per stage.

    A source that is down is not a failure of the tick (its fetches are recorded as
    failures); an exception from a stage is, and stops the stages after it, so a failed
    build is never published.
    """
    counts: dict[str, Any] = {}
    for name, stage in STAGES:
        started = time.monotonic()
        counts[name] = stage(config, run_id)
        event("stage.done", stage=name, run=run_id,
              seconds=round(time.monotonic() - started, 2), **_flat(counts[name]))
    return counts


def _flat(counts: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in counts.items() if isinstance(v, int | float | str)}


def one_line(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip().splitlines()
    return text[0][:500] if text else type(exc).__name__
