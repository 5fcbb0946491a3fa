"""`wirebrief stories`: bring the stories up to date, then list them."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from wirebrief.config import Config
from wirebrief.lock import lock_path_for, run_lock
from wirebrief.store import connect


def update_stories(config: Config, rebuild: bool) -> dict[str, Any]:
    """Place unplaced articles (or re-cluster all) under the run lock, recorded as a run.

    Nothing is recorded when every article is already in a story, so listing stays a read.
    """
    from wirebrief import pipeline

    if not rebuild and not _unplaced(config):
        return {}
    with run_lock(lock_path_for(config.database_path)):
        return pipeline.recorded(config, "stories",
                                 lambda rid: pipeline.stories_stage(config, rid, rebuild=rebuild))


def _unplaced(config: Config) -> int:
    conn = connect(config.database_path)
    try:
        return int(conn.execute(
            "select count(*) from articles where id not in (select article_id from story_articles)"
        ).fetchone()[0])
    finally:
        conn.close()


def print_stories(config: Config, since: str | None, as_json: bool) -> None:
    from wirebrief.stories import read_stories

    if since:
        date.fromisoformat(since)  # a ValueError is the one-line error the CLI prints
    conn = connect(config.database_path)
    try:
        stories = read_stories(conn, since)
    finally:
        conn.close()
    for story in stories:
        if as_json:
            click.echo(json.dumps(story.as_json(), ensure_ascii=False))
            continue
        outlets = sorted({a.agency or a.source or "?" for a in story.articles})
        click.echo(f"{story.id}  {(story.last_seen or '')[:10]}  {len(story.articles)} articles "
                   f"({', '.join(outlets)})  {story.title}")
