"""Structured logs: one line per event, as ``key=value`` text or as JSON.

Cron mails and log collectors both read these, so every line is a complete event with
its name and fields, never a fragment of a multi-line message.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

LOGGER = logging.getLogger("wirebrief")


class EventFormatter(logging.Formatter):
    def __init__(self, as_json: bool) -> None:
        super().__init__()
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = getattr(record, "fields", {})
        when = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds")
        if self.as_json:
            return json.dumps({"time": when, "level": record.levelname.lower(),
                               "event": record.getMessage(), **fields},
                              ensure_ascii=False, sort_keys=True, default=str)
        pairs = " ".join(f"{k}={_text(v)}" for k, v in fields.items())
        return f"{when} {record.levelname.lower()} {record.getMessage()} {pairs}".rstrip()


def _text(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    return json.dumps(text, ensure_ascii=False) if (" " in text or not text) else text


def setup_logging(log_format: str = "text", level: int = logging.INFO) -> None:
    """Send wirebrief events to stderr in the chosen format (idempotent)."""
    for handler in list(LOGGER.handlers):
        LOGGER.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(EventFormatter(as_json=log_format == "json"))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(level)
    LOGGER.propagate = False


def event(name: str, level: int = logging.INFO, **fields: Any) -> None:
    LOGGER.log(level, name, extra={"fields": fields})
