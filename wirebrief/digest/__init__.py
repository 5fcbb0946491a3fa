"""The morning email: the briefing (or one watchlist) as a multipart message.

``build_digest`` chooses the stories (content.py), ``render_message`` makes the email
(message.py), ``send_message`` hands it to the SMTP server of ``[digest]`` (smtp.py).
``wirebrief digest`` writes it to a file or sends it; ``wirebrief run`` sends it after a
good tick when ``[digest] after_run`` is on, once a day (``send_daily_digest``).
"""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from wirebrief.config import Config
from wirebrief.digest.content import Digest, DigestError, build_digest, find_watch
from wirebrief.digest.message import render_message
from wirebrief.digest.smtp import send_message

__all__ = ["Digest", "DigestError", "build_digest", "make_message", "render_message",
           "send_daily_digest", "send_digest", "send_message", "write_message"]

# The meta key holding the day (YYYY-MM-DD, local time) the digest was last mailed by a tick.
SENT_ON = "digest_sent_on"


def make_message(config: Config, watch_name: str | None = None,
                 days: int | None = None) -> tuple[Digest, EmailMessage]:
    """The digest of the store and its email (of one watch, when ``watch_name`` is given)."""
    from wirebrief.store import open_db

    watch = find_watch(config, watch_name) if watch_name is not None else None
    db = open_db(config.database_path)
    try:
        digest = build_digest(db, config, watch, days)
    finally:
        db.close()
    return digest, render_message(config, digest)


def write_message(message: EmailMessage, target: Path) -> int:
    """Write the message as an .eml file (CRLF line ends, as sent); returns its size."""
    data = message.as_bytes()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return len(data)


def send_digest(config: Config, watch_name: str | None = None, days: int | None = None) -> dict[str, Any]:
    """Make the digest and send it; the counts a tick records."""
    digest, message = make_message(config, watch_name, days)
    sent = send_message(config.digest, message)
    return {"stories": len(digest.stories), "sent_to": sent}


def send_daily_digest(config: Config, today: date | None = None) -> dict[str, Any]:
    """The digest of ``after_run``: sent by the first good tick of each day, not by every
    tick (ticks are hourly by default, the digest is a morning email). The day is the
    local date, as cron and ``[run] schedule`` count days; it is recorded in the store
    only once the server took the message, so a digest that could not be sent is tried
    again at the next tick. A ``wirebrief digest --send`` by hand is not counted."""
    from wirebrief.store import connect
    from wirebrief.store.meta import get_meta, set_meta

    day = (today or date.today()).isoformat()
    db = connect(config.database_path)
    try:
        if get_meta(db, SENT_ON) == day:
            return {"already_sent_on": day}
        counts = send_digest(config)
        set_meta(db, SENT_ON, day)
    finally:
        db.close()
    return counts
