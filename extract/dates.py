"""Date arithmetic shared by datelines and events: month names, weekdays, year guessing."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def parse_iso(value: str | None) -> dt.date | None:
    """A date from a YYYY-MM-DD string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation."""
    return MONTHS.get(name.lower().rstrip("."))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the numbers do not form one."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A day told as still to come may stand a few days before publication (a page dated after
# it was written), not weeks: "will face Brevik on May 18", published on 11 June, is next May.
_FUTURE_SLACK_DAYS = 7


def guess_year(month: int, day: int | None, anchor: dt.date | None, future: bool = False) -> int:
    """The year of a day/month written without one: the anchor's year, or the one before
    when that would put a past event more than a month after publication, or the one after
    when that would put a planned day more than a week before it."""
    if anchor is None:
        return dt.date.today().year
    candidate = safe_date(anchor.year, month, day or 1)
    if candidate and not future and (candidate - anchor).days > 31:
        return anchor.year - 1
    slack = _FUTURE_SLACK_DAYS if day else 31  # "in June", told on 11 June, is this June
    if candidate and future and (anchor - candidate).days > slack:
        return anchor.year + 1
    return anchor.year


def last_weekday(name: str, anchor: dt.date, future: bool = False) -> dt.date:
    """The named weekday on or before the anchor (on or after it for future events)."""
    target = WEEKDAYS.index(name.lower())
    if future:
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)
