"""The run record: one row per tick or stage, so `wirebrief status` can tell the story."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from wirebrief.store.db import now_iso

if TYPE_CHECKING:
    from wirebrief.store.db import Store

# Plain SQL, committed at once: every stage records its run, the crawl without sqlite-utils.


def start_run(db: Store, stage: str) -> int:
    cursor = db.execute(
        "insert into runs (started_at, status, stage, pid, counts) values (?, ?, ?, ?, ?)",
        [now_iso(), "running", stage, os.getpid(), "{}"])
    db.commit()
    return int(cursor.lastrowid or 0)


def finish_run(db: Store, run_id: int, status: str,
               counts: dict[str, Any], error: str | None = None) -> None:
    db.execute(
        "update runs set ended_at = ?, status = ?, counts = ?, error = ? where id = ?",
        [now_iso(), status, json.dumps(counts, sort_keys=True), error, run_id])
    db.commit()
