"""What tells two reports of the same actors apart: event day, figures, stage, wording.

Rival outlets covering one event share names and words, and so do two different events
with the same actors (a second strike the next day, the same ministers a week later, a
contract announced and then signed). These signals are read from the headline and lead,
where agencies state what happened and when; each one can veto a match, because a wrong
merge costs more than a miss.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
# "officials said Sunday, a day after the attack": the day of a statement, not of the event.
_STATEMENT = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added|stated)"
                        r"(?:\s+\w+)?\s+(?:on\s+)?$", re.I)
_MONTH = "|".join(m[:3] + f"(?:{m[3:]})?" if len(m) > 3 else m for m in MONTHS)
_DAY_MONTH = re.compile(rf"\b(?:on\s+)(\d{{1,2}})\s+({_MONTH})\.?\b|\b(?:on\s+)({_MONTH})\.?\s+(\d{{1,2}})\b",
                        re.I)
_RELATIVE = {"today": 0, "tonight": 0, "yesterday": -1}

# Contract and agreement lifecycle: each stage is a different event for the same parties.
STAGES = (
    ("deliver", r"\b(?:deliver(?:s|ed)|handed over|hands over|takes delivery|took delivery|"
                r"commission(?:s|ed))\b"),
    ("sign", r"\b(?:signed|signs|inked|inks|sealed|seals|signing ceremony)\b"),
    ("select", r"\b(?:select(?:s|ed)|picks|picked|chooses|chose|chosen|preferred bidder|"
               r"award(?:s|ed)?|shortlist(?:s|ed)?|approv(?:es|ed)|clear(?:s|ed) the)\b"),
    ("negotiate", r"\b(?:negotiat\w*|talks (?:open|opened|began|begin|start|started)|"
                  r"opens? talks|opened talks|enters? talks|entered talks|in talks)\b"),
)
_STAGES = [(name, re.compile(pattern, re.I)) for name, pattern in STAGES]
_FUTURE = re.compile(r"\b(?:to|will|would|could|may|expected to|plans to|aims to|hopes to)\s+$",
                     re.I)

CONTINUATION = re.compile(
    r"\b(?:second|third|fourth|final|closing) day of\b|\bday (?:two|three) of\b|"
    r"\b(?:talks|meeting|summit|exercise|operation|search|strike|protest)s? (?:entered|enters|"
    r"continued|continues|resumed|resumes) (?:its|their|for|on)\b|\bfollow(?:-|\s)?up to\b",
    re.I)

NUMBER_WORDS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
_FIGURE = re.compile(
    r"(?P<cur>[$€£])?\s?(?P<num>\d+(?:[.,]\d+)*|" + "|".join(NUMBER_WORDS) + r")"
    r"(?:\s*(?P<scale>million|billion|bn|m)\b)?\s*(?:-\s*)?(?P<noun>[a-z]+)?", re.I)
# Units of distance, time and the like describe an event's setting, not which event it is.
_NOT_COUNTED = {"km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "year",
                "years", "day", "days", "hour", "hours", "minutes", "week", "weeks", "month",
                "months", "per", "percent", "am", "pm", "gmt", "utc", "of", "and", "to", "in",
                "a", "the", "nautical", "feet", "st", "th", "nd", "rd"}
_CURRENCY_NOUNS = {"euros", "euro", "dollars", "dollar", "pounds", "rupees", "crore", "yen",
                   "won", "kroner", "kronor", "zloty", "usd", "eur"}


def first_sentence(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    match = re.search(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"])", first)
    return first[:match.start()] if match else first


def event_day(title: str, lead: str, published: date | None, following: str = "") -> date | None:
    """The day the headline or first sentence says the event happened, when it says one.

    Weekdays and relative words resolve against the publication date (the last such day
    on or before it), which is how agencies write them; a weekday the lead gives only as
    the day of a statement ("officials said Sunday") is skipped, and then the first
    sentence of ``following`` (the next paragraph) is read. None when none names a day.
    """
    if published is None:
        return None
    text = f"{title}. {first_sentence(lead)}"
    for match in _WEEKDAY.finditer(text):
        if _STATEMENT.search(text[:match.start()][-40:]):
            continue
        back = (published.weekday() - WEEKDAYS.index(match.group(1).lower())) % 7
        return published - timedelta(days=back)
    dated = _DAY_MONTH.search(text)
    if dated:
        day_text = dated.group(1) or dated.group(4)
        month_text = (dated.group(2) or dated.group(3)).lower()[:3]
        month = [m[:3] for m in MONTHS].index(month_text) + 1
        try:
            found = date(published.year, month, int(day_text))
        except ValueError:
            return None
        return found if found <= published else found.replace(year=published.year - 1)
    for word, offset in _RELATIVE.items():
        if re.search(rf"\b{word}\b", text, re.I):
            return published + timedelta(days=offset)
    return event_day("", following, published) if following else None


def stage(title: str, lead: str) -> str | None:
    """The lifecycle stage a headline (else the first sentence) reports, latest first."""
    for text in (title, first_sentence(lead)):
        for name, pattern in _STAGES:
            for match in pattern.finditer(text):
                if not _FUTURE.search(text[:match.start()][-20:]):
                    return name
    return None


def figures(title: str, lead: str) -> dict[str, frozenset[float]]:
    """Counted things and sums in the headline and first sentence: noun -> values."""
    found: dict[str, set[float]] = {}
    for match in _FIGURE.finditer(f"{title}. {first_sentence(lead)}"):
        value = _number(match.group("num"))
        if value is None:
            continue
        noun = (match.group("noun") or "").lower()
        scale = (match.group("scale") or "").lower()
        if match.group("cur") or noun in _CURRENCY_NOUNS or scale:
            value *= {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}.get(scale, 1)
            key = "money"
        elif len(noun) < 3 or noun in _NOT_COUNTED or (1900 <= value <= 2100 and value == int(value)):
            continue
        else:
            key = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
        found.setdefault(key, set()).add(value)
    return {key: frozenset(values) for key, values in found.items()}


def _number(text: str) -> float | None:
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return float(NUMBER_WORDS[lowered])
    try:
        return float(lowered.replace(",", ""))
    except ValueError:
        return None


def figures_conflict(a: dict[str, frozenset[float]], b: dict[str, frozenset[float]]) -> bool:
    """Both count the same thing and agree on none of the counts."""
    return any(a[key].isdisjoint(b[key]) for key in a.keys() & b.keys())


_COMMENTARY = re.compile(r"^\s*(?:analysis|opinion|comment|commentary|column|editorial|"
                         r"interview|podcast|letters?|review)\b\s*[:|-]", re.I)


def commentary(title: str) -> bool:
    """Analysis and opinion pieces discuss many events at once and report none of them."""
    return bool(_COMMENTARY.search(title))


def continues(text: str) -> bool:
    """Whether the text says it reports a later day of something already under way."""
    return bool(CONTINUATION.search(text[:600]))
