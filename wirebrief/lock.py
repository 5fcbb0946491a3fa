"""One tick at a time: an exclusive lock on a file beside the database.

The lock is an ``flock`` held for the life of the process, so a run killed with -9
releases it with its death and the next tick takes it over without guessing from
timestamps; the file's text (pid and start time) names the holder in the message a
second tick prints.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class LockBusy(Exception):
    """Another run holds the lock."""


@contextmanager
def run_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            raise LockBusy(f"another wirebrief run holds {path} ({holder})") from None
        stale = _holder(fd)
        os.ftruncate(fd, 0)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        owner = {"pid": os.getpid(), "started_at": started, "replaced": stale or None}
        os.pwrite(fd, json.dumps(owner).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    raw = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip()
    if not raw:
        return ""
    try:
        data = json.loads(raw)
        return f"pid {data.get('pid')}, started {data.get('started_at')}"
    except (ValueError, AttributeError):
        return raw[:100]


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".lock")
