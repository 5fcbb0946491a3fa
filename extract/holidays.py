"""The dates of named days ("Election Day", "Thanksgiving", "Christmas") in a given year,
for the date expressions of :mod:`extract.temporal`."""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter

# The named days TimeML's TIMEX3 guidelines date like any other day: the fixed-date days
# kept by name across the English-speaking world, and the United States federal holidays
# (5 U.S.C. 6103) and Election Day (2 U.S.C. 7, the Tuesday after the first Monday in
# November) whose names are American.  Each maps to (month, day) or (month, weekday, n),
# the nth such weekday of the month (n = -1: the last).
_NAMED_DAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {
    "new year's day": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31),
    "armistice day": (11, 11), "remembrance day": (11, 11), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31),
    "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3), "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1), "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
}


# The movable feasts of the Western church calendar, in days from Easter Sunday (computed by
# dateutil's Gregorian Easter), and the shopping days the US retail calendar (the National
# Retail Federation's) names after Thanksgiving, in days from Thanksgiving.
_FROM_EASTER = {"ash wednesday": -46, "palm sunday": -7, "maundy thursday": -3,
                "good friday": -2, "easter": 0, "easter sunday": 0, "easter monday": 1}
_FROM_THANKSGIVING = {"black friday": 1, "cyber monday": 4}
_NAMES = ["election day", *_NAMED_DAYS, *_FROM_EASTER, *_FROM_THANKSGIVING]
# Longest first, so that "Christmas Eve" is not read as "Christmas"; written as the names
# are, capitalised, with any apostrophe.
NAMED_DAY = "|".join(
    r"\s+".join(word.capitalize().replace("'", "['’]") for word in name.split())
    for name in sorted(_NAMES, key=len, reverse=True))


def named_day_in(name: str, year: int) -> dt.date | None:
    """The date of a named day in one year (``name`` in lower case, straight apostrophe)."""
    if name == "election day":
        first_monday = nth_weekday(year, 11, 0, 1)
        return first_monday + dt.timedelta(days=1)
    if name in _FROM_EASTER:
        return easter(year) + dt.timedelta(days=_FROM_EASTER[name])
    if name in _FROM_THANKSGIVING:
        return nth_weekday(year, 11, 3, 4) + dt.timedelta(days=_FROM_THANKSGIVING[name])
    rule = _NAMED_DAYS.get(name)
    if rule is None:
        return None
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    return nth_weekday(year, rule[0], rule[1], rule[2])


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The nth given weekday (0 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
