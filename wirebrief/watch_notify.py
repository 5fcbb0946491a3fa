"""The watch stage of a tick: find stories newly matching each watchlist, and tell.

"New" means not matched at an earlier tick: every match is recorded in the store's
``watch_notified`` table, whether or not the watch notifies, so that turning ``notify``
on later does not announce the whole back catalogue. A watch seen for the first time
announces what it matches then. A match is recorded even when its hook fails: a hook is
told at most once per story, and a failing hook is logged, never a failed tick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wirebrief.config import Config
from wirebrief.config_watch import WatchConfig
from wirebrief.logs import event
from wirebrief.store.db import now_iso
from wirebrief.watch import Match, match_stories, story_url

if TYPE_CHECKING:
    import sqlite_utils

# A hook's payload travels in an environment variable too, whose size the OS limits.
MAX_PAYLOAD_STORIES = 50


def watch_payload(config: Config, watch: WatchConfig, matches: list[Match]) -> dict[str, Any]:
    """What the notify command and webhook receive for one watch's new matches."""
    shown = matches[:MAX_PAYLOAD_STORIES]
    return {
        "event": "watch", "watch": watch.name, "slug": watch.slug, "total": len(matches),
        "stories": [{"id": m.story_id, "title": m.title,
                     "url": story_url(str(config.site.base_url), m.story_id),
                     "reasons": list(m.reasons)} for m in shown],
    }


def new_matches(db: sqlite_utils.Database, watch: WatchConfig) -> list[Match]:
    """The watch's matches that no earlier tick recorded."""
    seen = {row[0] for row in db.execute(
        "select story_id from watch_notified where watch_slug = ?", [watch.slug])}
    return [m for m in match_stories(db, watch) if m.story_id not in seen]


def record(db: sqlite_utils.Database, watch: WatchConfig, matches: list[Match],
           run_id: int | None) -> None:
    at = now_iso()
    with db.conn:
        db.conn.executemany(
            "insert or ignore into watch_notified (watch_slug, story_id, run_id, at) values (?, ?, ?, ?)",
            [(watch.slug, m.story_id, run_id, at) for m in matches])


def watch_stage(config: Config, run_id: int | None) -> dict[str, Any]:
    """Record every watch's new matches; run the notify hooks for those that notify."""
    if not config.watch:
        return {}
    from wirebrief.notify import run_hooks
    from wirebrief.store import open_db

    db = open_db(config.database_path)
    counts = {"new_matches": 0, "notified": 0}
    try:
        for watch in config.watch:
            matches = new_matches(db, watch)
            if not matches:
                continue
            counts["new_matches"] += len(matches)
            if watch.notify:
                event("watch.notify", watch=watch.slug, stories=len(matches))
                run_hooks(config, watch_payload(config, watch, matches), "WIREBRIEF_WATCH")
                counts["notified"] += len(matches)
            record(db, watch, matches, run_id)
    finally:
        db.close()
    return counts
