"""The run record: one row per tick or stage, so `wirebrief status` can tell the story."""

from __future__ import annotations

import json
import os
from typing import Any

import sqlite_utils

from wirebrief.store.db import now_iso


def start_run(db: sqlite_utils.Database, stage: str) -> int:
    with db.atomic():
        table = db.table("runs")
        table.insert({
            "started_at": now_iso(), "status": "running", "stage": stage, "pid": os.getpid(),
            "counts": "{}",
        })
        return int(table.last_pk or 0)


def finish_run(db: sqlite_utils.Database, run_id: int, status: str,
               counts: dict[str, Any], error: str | None = None) -> None:
    with db.atomic():
        db.table("runs").update(run_id, {
            "ended_at": now_iso(), "status": status,
            "counts": json.dumps(counts, sort_keys=True), "error": error,
        })

