"""Find date expressions in text and resolve them against the publication date.

Explicit dates ("22 April 2025", "May 15", "March 2019", "in 1889") and relative
ones ("on Tuesday", "last year", "this month", "next month") become ISO strings
at the precision the text gives: YYYY-MM-DD, YYYY-MM or YYYY.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.dates import (
    MONTH_PATTERN,
    WEEKDAYS,
    guess_year,
    last_weekday,
    month_number,
    safe_date,
)
from extract.holidays import NAMED_DAY, named_day_in
from extract.wordlists import split_words

_M = MONTH_PATTERN
_ORD = r"(?:st|nd|rd|th)?"
# The part of a period that TimeML's TIMEX3 MOD attribute marks ("the end of 2020", "the
# start of March"): the period is the date.
_PART_OF = r"(?:the\s+)?(?:end|start|beginning|middle)\s+of"
# The parts of the day TIMEX3 keeps in a day's expression ("Sunday night", "this morning").
_DAY_PART = r"(?:morning|afternoon|evening|night)"
# The cues of a clause's time reference, nearest to the date first: the future forms of
# English grammar (Quirk et al., "A Comprehensive Grammar of the English Language", 4.41-4.48:
# will/shall, be going to, be to, be about to, and the simple present of scheduled events,
# 4.42, with its verbs of beginning, ending, arriving and leaving, of releasing a work
# ("premieres", "debuts", "airs"), of the arrangements news writes so ("meets", "meet",
# "plays", "faces", "holds": a meeting, a match, a trial, an event held; not after a determiner,
# where they are plural nouns, "the faces"), and their phrasal
# equivalents "kick off", "wrap up", "go on sale") with the words of planning, and the past
# forms (the auxiliaries "was/were/had/did", the "-ed" past and the irregular pasts of the
# verbs of saying, "said" and "told", which report with "would"; a participle after a present
# or bare "be", "to be finished", "we're guaranteed", is no past).  Not "returns" and
# "leaves", spelled like plural nouns of frequent use ("higher returns", "autumn leaves").
SCHEDULED_VERBS = frozenset(split_words(
    "starts begins opens ends closes resumes finishes concludes arrives departs sails "
    "premieres debuts airs meets meet plays faces holds"))
_NOT_AFTER_A_DETERMINER = "".join(f"(?<!\\b{d} )" for d in ("the", "his", "her", "its", "their", "our"))
# The verbs of moving an occurrence to another time (WordNet's "postpone", "delay",
# "reschedule" and "advance" synsets) with "to"/"until": the new time is still to come.
_RESCHEDULED = r"(?:postponed|delayed|deferred|rescheduled|pushed\s+back|put\s+off|brought\s+forward)"
_MOVED_TO = rf"(?i:\b{_RESCHEDULED}\b[^.;:\n]{{0,60}}?\b(?:to|until|till)\s+)"
_FUTURE_WORDS = (
    rf"{_RESCHEDULED}(?=[^.;:\n]{{0,60}}?\b(?:to|until|till)\s+$)|"
    r"will|would|shall|going\s+to|about\s+to|(?:plans?|planned|planning)\s+to|(?:is|are)\s+due|"
    r"scheduled|expect|expects|expected|set\s+to|upcoming|next|"
    + _NOT_AFTER_A_DETERMINER + "(?:" + "|".join(sorted(SCHEDULED_VERBS)) + ")" +
    r"|kicks\s+off|wraps\s+up|goes\s+on\s+sale|go\s+on\s+sale|takes\s+place|is\s+to|are\s+to"
)
# An "-ed" past in lower case, or capitalised where it opens a sentence ("Founded in 1990,");
# elsewhere a capitalised "-ed" word is a name's ("Arlo United on Sunday").
_ED_PAST = r"(?-i:[a-z]{3,}ed|(?:^|(?<=[.!?“\"]\s))[A-Z][a-z]{2,}ed)"
_TENSE_CUE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE_WORDS})|(?P<passive>(?:be|been|being)\s+[a-z]{{3,}}ed|"
    rf"(?:is|are|am|[’']re|[’']s)\s+(?!(?:scheduled|expected|planned)\b)[a-z]{{3,}}ed)|"
    rf"(?P<past>was|were|had|did|ago|said|told|{_ED_PAST}))\b",
    re.IGNORECASE,
)


def clause_tense(segment: str, span: tuple[int, int]) -> str | None:
    """"past", "future" or None: the tense cue nearest before the date decides ("announced
    in March" is past, "the session that starts in January" future); with none before it,
    the first cue after it ("in May, talks will resume")."""
    before = [c for c in _TENSE_CUE.finditer(segment[max(0, span[0] - 60) : span[0]])
              if not c.group("passive")]
    after = [c for c in _TENSE_CUE.finditer(segment[span[1] : span[1] + 40]) if not c.group("passive")]
    cue = before[-1] if before else (after[0] if after else None)
    if cue is None:
        return None
    return "future" if cue.group("future") else "past"


@dataclass(frozen=True)
class DateMention:
    """A date expression, its ISO value, its offsets in the text and its clause's tense."""

    iso: str
    start: int
    end: int
    tense: str | None = None


def _dates_nothing(segment: str, span: tuple[int, int]) -> bool:
    """"so far this year", "for years", "through November 2028": a stretch of time or its
    end, not a dated occurrence; and "the first time since 1993", "the lowest since 2009",
    "the fastest ferry of 2018", "down from 3.9% on Monday": the reference point or the set
    of a comparison ("the first half of 2019" is a part of the year, a date)."""
    before = segment[max(0, span[0] - 8) : span[0]].lower()
    after = segment[span[1] : span[1] + 8].lower()
    if before.endswith(("so far ", "for the ")) or after.startswith(" so far"):
        return True
    if before.endswith("through ") or segment.startswith("through", span[0]):
        return True
    if _REFERENCE_FIGURE.search(segment, max(0, span[0] - 40), span[0]) \
            or _REPORTING_PERIOD.search(segment, max(0, span[0] - 24), span[0]):
        return True
    compared = segment[max(0, span[0] - 40) : span[0]]
    if segment.startswith("of", span[0]):
        return bool(_SUPERLATIVE.search(compared))
    return bool(segment.startswith("since", span[0]) and _COMPARED.search(compared))


# A superlative or "first" before "since": "the lowest since 2009", "its first away win since
# 2011" compare, they date nothing (English superlatives: -est forms and most/least,
# best/worst, record; and the ordinal "first").
_SUPERLATIVES = r"[a-z]{3,}est|most|least|best|worst"
_COMPARED = re.compile(rf"\b(?:first|record|{_SUPERLATIVES})\b(?:\s+[\w\-]+){{0,4}}\s+$",
                       re.IGNORECASE)
# The figure a change is measured from ("fares of 4.10, up from 3.95 late on Monday",
# "up from $3 billion in 2018", "compared with 4% a year earlier"): the date dates that
# figure, the reference point of the comparison, not an occurrence ("up from 61 in the same
# period last year" too).  The figure is written as news style writes figures (the AP
# Stylebook's "percent", "million", "billion", their abbreviations, and points of an index).
_REFERENCE_FIGURE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|against)\s+[$€£¥]?\d[\d.,]*\s*"
    r"(?:%|percent|per\s+cent|(?:b|m|bn|billion|million|trillion|points?)\b)?\s*"
    r"(?:(?:in|during|over)\s+the\s+same\s+(?:period|time|quarter|month|week)\s+(?:of\s+)?)?"
    r"(?:(?:late|early)\s+)?(?:on\s+|in\s+|at\s+)?$", re.IGNORECASE)
# A reporting period named by its end, as company accounts name them ("the three months
# ended Sept. 30", "the year to March"): the end of a stretch, no occurrence.
_REPORTING_PERIOD = re.compile(r"\b(?:months?|quarter|half|year|period|weeks?)\s+(?:ended|ending|to)\s+$",
                               re.IGNORECASE)
# The superlatives alone before "of": "the first half of 2019" is a part of the year.
_SUPERLATIVE = re.compile(rf"\b(?:{_SUPERLATIVES})\b(?:\s+[\w\-]+){{0,4}}\s+$", re.IGNORECASE)


def _full_mdy(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"May 15, 2019" / "15 May 2019": a full date."""
    return _ymd(int(m.group("y")), m.group("m"), int(m.group("d")))


def _md(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"May 15": the year is inferred from publication (and tense); "Friday, Dec. 6" is in
    the year, of the three around publication, whose 6 December is a Friday."""
    month = month_number(m.group("m"))
    if month is None:
        return None
    day = int(m.group("d"))
    year = guess_year(month, day, anchor, future)
    weekday = m.groupdict().get("w")
    if weekday and anchor is not None:
        fitting = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                   if (d := safe_date(y, month, day)) and WEEKDAYS[d.weekday()] == weekday.lower()]
        if fitting:
            year = min(fitting, key=lambda y: abs(y - year))
    return _ymd(year, m.group("m"), day)


def _month_year(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"March 2019": month precision."""
    month = month_number(m.group("m"))
    return f"{int(m.group('y')):04d}-{month:02d}" if month else None


def _month(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"in March": month precision, year inferred."""
    month = month_number(m.group("m"))
    if month is None or anchor is None:
        return None
    return f"{guess_year(month, None, anchor, future):04d}-{month:02d}"


def _month_relative(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"last November", "this past May", "next March": the nearest such month strictly
    before (after) the publication's, so "last November" written in November is a year back."""
    month = month_number(m.group("m"))
    if month is None or anchor is None:
        return None
    if m.group("rel").lower() != "next":  # "last", "this past"
        year = anchor.year if month < anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return f"{year:04d}-{month:02d}"


# The seasons by their months in the northern hemisphere (meteorological seasons); winter,
# which spans two years, gets no year from "last" or "this".
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}


def _season(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"last spring", "this summer", "next autumn", "over the summer": year precision."""
    if anchor is None:
        return None
    start, rel = _SEASON_START[m.group("s").lower()], " ".join(m.group("rel").lower().split())
    if rel in ("in the", "over the", "during the"):  # the nearest one, before or (plans) after
        rel = "next" if future else "this past"
    if rel == "this past":
        return str(anchor.year if start < anchor.month else anchor.year - 1)
    if rel == "last":
        return str(anchor.year if start + 3 <= anchor.month else anchor.year - 1)
    if rel == "next":
        return str(anchor.year if start > anchor.month else anchor.year + 1)
    return str(anchor.year)


def _weekend(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"over the weekend", "last weekend": the Saturday before publication (after it for
    "next weekend"); "this weekend" is the one of publication's week (Monday to Sunday,
    ISO 8601), as "this Friday" is. Only the month is certain, as with a week."""
    if anchor is None:
        return None
    rel = m.group("rel").lower()
    if rel == "this":
        day = anchor + dt.timedelta(days=5 - anchor.weekday())
    else:
        day = last_weekday("Saturday", anchor, rel == "next")
    return f"{day.year:04d}-{day.month:02d}"


def _year(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"in 1889": year precision."""
    return m.group("y")


def _weekday(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"on Tuesday": the nearest such day before (or, for plans, after) publication; "this
    Friday": that day of publication's week (Monday to Sunday, ISO 8601). After a
    capitalised word inside a sentence the weekday ends a name ("Super Tuesday", "Bloody
    Sunday"), no day of this week."""
    if anchor is None or _ends_a_name(m.string, m.start()):
        return None
    if m.group("this"):
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return (monday + dt.timedelta(days=WEEKDAYS.index(m.group("w").lower()))).isoformat()
    return last_weekday(m.group("w"), anchor, future).isoformat()


_WORD_BEFORE = re.compile(r"(?:^|(?P<stop>[.!?:;\n\"“”‘’(—–-])\s*|\s)(?P<w>[\w'’]+)\s+$")


def _ends_a_name(segment: str, start: int) -> bool:
    """Whether the word before ``start`` is a capitalised one that does not open its sentence."""
    before = _WORD_BEFORE.search(segment, max(0, start - 40), start)
    if before is None or before.group("stop") is not None or before.start("w") == 0:
        return False
    word = before.group("w")
    return word[0].isupper() and not word.isupper()


def _relative(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"last year", "next month", "earlier this month"."""
    if anchor is None:
        return None
    word, unit = m.group("rel").lower().split()[-1], m.group("unit").lower()
    return _counted(anchor, {"last": -1, "next": 1}.get(word, 0), unit)


def _week(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"earlier this week", "last week": only the month is certain."""
    if anchor is None:
        return None
    rel = (m.group("rel") or "this").lower().split()[-1]  # "the beginning of the week": this one
    return _counted(anchor, {"last": -1, "next": 1}.get(rel, 0), "week")


def _counted(origin: dt.date, n: int, unit: str) -> str:
    """The date ``n`` units (day, week, month, year, decade) from ``origin``, at the precision
    the unit allows: a day is sure of its day, a week or a month of its month, a year or a
    decade of its year."""
    if unit in ("year", "decade"):
        return str(origin.year + n * (10 if unit == "decade" else 1))
    if unit == "month":
        index = origin.year * 12 + origin.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    day = origin + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return day.isoformat() if unit == "day" else f"{day.year:04d}-{day.month:02d}"


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT = "|".join(_COUNTS) + r"|\d{1,2}"  # how a count is written: "two", "a", "12"


def _ago(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"two years ago", "three months ago", "a week ago", "five days ago": counted back from
    publication, at the precision the unit allows (a week back is only sure of its month)."""
    if anchor is None:
        return None
    return _counted(anchor, -_count(m.group("n")), m.group("unit").lower())


def _count(word: str) -> int:
    """"two", "a", "12": the number a count is written as."""
    return int(word) if word.isdigit() else _COUNTS[word.lower()]


def _in_time(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"The yard opens in two weeks": counted on from publication, for plans only (told in
    the past, "in two years" is a stretch: "prices doubled in two years")."""
    if anchor is None or not future:
        return None
    return _counted(anchor, _count(m.group("n")), m.group("unit").lower())


def _day_word(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"today", "yesterday", "tomorrow", "this morning", "last night"."""
    if anchor is None:
        return None
    word = " ".join(m.group("dw").lower().split())
    shift = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
    return (anchor + dt.timedelta(days=shift)).isoformat()


def _named_day(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"on Election Day", "by Christmas": in the year guess_year gives a day of its month
    (the nearest one before publication, after it for plans)."""
    if anchor is None:
        return None
    name = " ".join(m.group("h").lower().replace("’", "'").split())
    day = named_day_in(name, anchor.year)
    if day is None:
        return None
    return (named_day_in(name, guess_year(day.month, day.day, anchor, future)) or day).isoformat()


def _numeric(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"25/10/2019", "10/25/2019", "05.11.2019": day and month in either order (British and
    American styles); the one reading that is a date, else the one nearer publication."""
    first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    readings = {d for d in (safe_date(year, second, first), safe_date(year, first, second)) if d}
    if not readings:
        return None
    if anchor is None or len(readings) == 1:
        return min(readings).isoformat()
    return min(readings, key=lambda d: abs((d - anchor).days)).isoformat()


def _iso(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"2019-11-05": the date as written, when it is one."""
    value = safe_date(int(m.group("y")), int(m.group("mn")), int(m.group("d")))
    return value.isoformat() if value else None


def _month_of_year(m: re.Match[str], anchor: dt.date | None, future: bool) -> str | None:
    """"September last year", "March next year": that month of the year named."""
    month = month_number(m.group("m"))
    if month is None or anchor is None:
        return None
    shift = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    return f"{anchor.year + shift:04d}-{month:02d}"


def _ymd(year: int, month_name: str, day: int) -> str | None:
    """ISO date from parts, or None if they do not form a date."""
    month = month_number(month_name)
    value = safe_date(year, month, day) if month else None
    return value.isoformat() if value else None


# A possessive before the date ("the senator's 2016 campaign", "its 2020 session"): the
# genitive "'s" or one of the possessive determiners of English grammar; the date
# modifies the noun after it (also read by the events extractor).
POSSESSIVE = r"(?:\b(?:its|his|her|their|our)|['’]s)\s+"
# A weekday written before a date is part of it ("Friday, Dec. 6", AP style), not a day of
# its own.
_ON_WEEKDAY = r"(?:(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?)?"
Resolver = Callable[[re.Match[str], "dt.date | None", bool], "str | None"]
_PATTERNS: list[tuple[re.Pattern[str], Resolver]] = [
    # ISO 8601 calendar dates ("2019-11-05"), the one numeric form that is never ambiguous.
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"), _iso),
    (re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)\b"), _numeric),
    # A month with the year named relative to publication ("September last year").
    (re.compile(rf"\b(?P<m>{_M})\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b"), _month_of_year),
    (re.compile(rf"\b{_ON_WEEKDAY}(?P<m>{_M})\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>(?:19|20)\d\d)\b"),
     _full_mdy),
    (re.compile(rf"\b{_ON_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_M}),?\s+"
                r"(?P<y>(?:19|20)\d\d)\b"), _full_mdy),
    (re.compile(rf"\b(?P<m>{_M})\s+(?P<y>(?:19|20)\d\d)\b"), _month_year),
    (re.compile(rf"\b{_ON_WEEKDAY}(?P<m>{_M})\s+(?P<d>\d{{1,2}}){_ORD}\b(?![,:]?\s*\d)"), _md),
    (re.compile(rf"\b{_ON_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_M})\b"), _md),
    (re.compile(rf"\b(?:(?i:in|since|by|until|till|during|from|through|throughout|as\s+of|early|"
                rf"late|{_PART_OF})\s+|mid-\s*)"
                rf"(?P<m>{_M})\b"
                r"(?!\s+\d)"), _month),
    # The time an occurrence is moved to ("postponed the launch to July").
    (re.compile(rf"{_MOVED_TO}(?P<span>(?P<m>{_M}))\b(?!\s+\d)"), _month),
    (re.compile(rf"{_MOVED_TO}(?P<span>(?P<y>(?:19|20)\d\d))\b(?![-/]\w|\s*%)"), _year),
    # "In January and February": the second month dates too ("between January and October"
    # is a stretch, as "through" is).
    (re.compile(rf"(?<!between )\b{_M}\s+(?:and|or)\s+(?P<span>(?P<m>{_M}))\b(?!\s+\d)"), _month),
    (re.compile(rf"\b(?P<rel>(?i:last|next|this\s+past))\s+(?P<m>{_M})\b(?!\s+\d)"), _month_relative),
    # A month that names the occurrence it dates ("a September hearing", "the May vote",
    # "September's vote").
    (re.compile(rf"\b(?:a|the|its|his|her|their)\s+(?P<m>{_M})(?=\s+[a-z])"), _month),
    (re.compile(rf"\b(?P<m>{_M})(?=['’]s\s)"), _month),
    # A year after a preposition or an article ("in 1889", "the 2016 campaign", "a 2018
    # study"), not a number before a hyphen ("a 2000-strong force").
    (re.compile(rf"\b(?:(?i:{_PART_OF}|in|since|by|until|till|during|from|of|early|late|before|"
                r"after|between|the|a)\s+|(?i:mid)-\s*)(?P<y>(?:18|19|20)\d\d)\b(?![-/]\w|\s*%)"),
     _year),
    # A year in parentheses after what it dates ("the Falklands War (1982)"), and both ends
    # of a span of years ("from 2004 to 2017", "2002-2005"): each end dates an occurrence.
    (re.compile(r"\((?P<y>(?:18|19|20)\d\d)\)"), _year),
    # A year that names what it dates as a possessive ("2009's film") or after one
    # ("the senator's 2016 campaign", "its 2020 session").
    (re.compile(r"\b(?P<y>(?:18|19|20)\d\d)(?=['’]s\s)"), _year),
    (re.compile(rf"{POSSESSIVE}(?P<span>(?P<y>(?:18|19|20)\d\d))\b(?![-/]\d|\s*%)",
                re.IGNORECASE), _year),
    (re.compile(r"\b(?P<y>(?:18|19|20)\d\d)(?=\s*(?:to|through|until|and|-|–)\s*(?:18|19|20)\d\d\b)"),
     _year),
    (re.compile(r"\b(?:18|19|20)\d\d\s*(?:to|through|until|and|-|–)\s*(?P<span>(?P<y>(?:18|19|20)\d\d))\b"
                r"(?!\s*%)"), _year),
    # Named days before weekdays: "Black Friday" is a day of its own ("Christmas Island" none).
    (re.compile(rf"\b(?P<h>{NAMED_DAY})\b(?!\s+[A-Z])"), _named_day),
    # With the part of the day TIMEX3 keeps in the expression ("Sunday night").
    # "a Tuesday" is no particular day; "this Friday" is the one of publication's week.
    (re.compile(r"(?<!\ba )\b(?:(?P<this>(?i:this))\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|"
                rf"Saturday|Sunday)(?:\s+{_DAY_PART})?\b"), _weekday),
    # With the modifiers of TimeML's TIMEX3 MOD attribute before it ("early this year",
    # "late last year", "mid-next month").
    (re.compile(r"\b(?:(?:early|late|mid)[\s\-]+)?"
                r"(?P<rel>last|this|next|earlier\s+this|later\s+this)\s+(?P<unit>year|month)\b",
                re.IGNORECASE), _relative),
    # And a part of one ("at the beginning of the week": of publication's week).
    (re.compile(rf"\b(?:{_PART_OF}\s+the\s+|(?:{_PART_OF}\s+)?"
                rf"(?P<rel>last|this|next|earlier\s+this|later\s+this)\s+)week\b", re.IGNORECASE), _week),
    # With the part of the day, as after a weekday ("yesterday evening").
    (re.compile(r"\b(?P<dw>today|tonight|yesterday|tomorrow)"
                rf"(?:\s+{_DAY_PART})?\b", re.IGNORECASE), _day_word),
    # The parts of the day that TimeML's TIMEX3 guidelines date by the document's own date
    # ("this morning", "last night").
    (re.compile(rf"\b(?P<dw>(?:this|last)\s+{_DAY_PART})\b",
                re.IGNORECASE), _day_word),
    (re.compile(r"\b(?i:spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>(?:19|20)\d\d)\b"
                r"(?![-/]\d|\s*%)"), _year),
    # Not "the last weekend of the festival": "the" makes "last" an ordinal.
    (re.compile(r"(?<!the )\b(?P<rel>last|this|next|this\s+past|(?:in|over|during)\s+the)\s+"
                r"(?P<s>spring|summer|autumn|fall)\b(?!\s+of\b)", re.IGNORECASE), _season),
    (re.compile(r"(?<!the )\b(?P<rel>last|this|next|over\s+the|on\s+the)\s+weekend\b",
                re.IGNORECASE), _weekend),
    (re.compile(rf"\b(?P<n>{_COUNT})\s+"
                r"(?P<unit>decade|year|month|week|day)s?\s+ago\b", re.IGNORECASE), _ago),
    (re.compile(rf"\bin\s+(?P<n>{_COUNT})\s+"
                r"(?P<unit>year|month|week|day)s?(?!\s+(?:time|ago))\b", re.IGNORECASE), _in_time),
]


def _days_from(m: re.Match[str], reference: str | None, future: bool) -> str | None:
    """"the next day", "two days earlier", "a year later": counted from the date the story
    last named (ISO, at its precision), at the precision of the unit; the date counted from
    must be at least as precise as the unit (a day needs a day)."""
    unit = (m.group("unit") or "day").lower()
    if reference is None or len(reference) < {"year": 4, "month": 7}.get(unit, 10):
        return None
    word = m.group("dir") or m.group("rel") or m.group("dir2") or ""
    sign = 1 if word.lower() in ("later", "after", "next", "following") else -1
    origin = dt.date(int(reference[:4]), int(reference[5:7] or 1), int(reference[8:10] or 1))
    return _counted(origin, sign * _count(m.group("n") or "one"), unit)


def _narrated(iso: str, anchor: dt.date | None, future: bool) -> bool:
    """A day counted from another that falls after publication is only a plan's: told in
    the past, the count went from a day the story named as still to come."""
    return future or anchor is None or iso <= anchor.isoformat()


# The days TimeML's TIMEX3 anchors on another date of the text rather than on the document's
# ("the next day", "two days earlier", "the day before"): they need the day last named.
NarrativeResolver = Callable[[re.Match[str], "str | None", bool], "str | None"]
_NARRATIVE_PATTERNS: list[tuple[re.Pattern[str], NarrativeResolver]] = [
    # "Two days after the attack" counts from the attack, which a chronological story has
    # just dated; such counts are short (up to six, or one digit), unlike _COUNT's, which
    # a count from publication may take ("ten years ago").
    (re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d)\s+(?P<unit>day|week|month|year)s?\s+"
                r"(?P<dir>earlier|later|before|after)"
                r"|the\s+(?P<rel>previous|next|following)\s+day|the\s+day\s+(?P<dir2>before|after))\b",
                re.IGNORECASE), _days_from),
]


def find_dates(text: str, start: int, end: int, anchor: dt.date | None,
               reference: str | None = None) -> Iterator[DateMention]:
    """Date expressions in text[start:end], most specific first, never overlapping;
    ``reference`` is the date the text last named (ISO), for "the next day"."""
    segment = text[start:end]
    taken: list[tuple[int, int]] = []
    resolving: list[tuple[re.Pattern[str], Callable[[re.Match[str], bool], str | None]]] = [
        (p, functools.partial(_by_anchor, r, anchor)) for p, r in _PATTERNS]
    resolving += [(p, functools.partial(_by_reference, r, reference, anchor))
                  for p, r in _NARRATIVE_PATTERNS]
    for pattern, resolve in resolving:
        for match in pattern.finditer(segment):
            # A pattern's "span" group is the expression when the match holds more: the
            # second month of "January and February", the closing year of "2004 to 2017".
            span = match.span("span") if "span" in pattern.groupindex else match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            if _dates_nothing(segment, span):
                taken.append(span)  # nor does a shorter expression inside it
                continue
            tense = clause_tense(segment, span)
            iso = resolve(match, tense == "future")
            if iso:
                taken.append(span)
                yield DateMention(iso, start + span[0], start + span[1], tense)


def _by_anchor(resolver: Resolver, anchor: dt.date | None, match: re.Match[str],
               future: bool) -> str | None:
    return resolver(match, anchor, future)


def _by_reference(resolver: NarrativeResolver, reference: str | None, anchor: dt.date | None,
                  match: re.Match[str], future: bool) -> str | None:
    iso = resolver(match, reference, future)
    return iso if iso and _narrated(iso, anchor, future) else None
