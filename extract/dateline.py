"""The opening dateline and wire credit: "NEW DELHI, Jan 27 (UNI)", "HANOI, Vietnam (AP) —".

A dateline is only accepted at the very start of the body and only in the shapes
wire copy uses (upper-case place, or a place followed by a credit or a dash), so
an ordinary first sentence is never mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.dates import MONTH_PATTERN, guess_year, month_number, parse_iso, safe_date
from extract.gazetteer import (
    CAPITALS,
    COUNTRIES,
    HONORIFICS,
    MAJOR_CITIES,
    REGIONS,
)
from extract.metadata import canonical_agency

_PLACE = r"[A-Z][A-Za-z.'’\-]*(?:[^\S\n]+[A-Z][A-Za-z.'’\-]*){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:,\s*(?P<region>{_PLACE}))?"
    rf"(?:,?\s*(?P<date>{MONTH_PATTERN}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_PATTERN})(?:,?\s+(?P<year>\d{{4}}))?)?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
    r"(?P<sep>\s*[—–]+\s*|\s+-{1,2}\s+|\s*:\s+|(?<=\))\s+)"
)
_CREDIT_ONLY = re.compile(
    r"^(?:\((?P<paren>[A-Za-z][\w .\-]{0,30})\)|(?P<site>[A-Z][\w]*\.(?:Net|net|com|org)))"
    r"\s*[—–\-:]*\s+"
)
_TRAILING = re.compile(
    r"(?:\(\s*(?i:with\s+inputs\s+from\s+)?(?P<a>[A-Za-z\-]{2,12})\s*\)|[—–\-]{1,2}\s*(?P<b>[A-Za-z]{2,12})"
    r"|\s(?P<c>[A-Z]{2,5}))\s*\.?$"
)


@dataclass(frozen=True)
class Dateline:
    """Place, ISO date and agency read from the opening of the body; ``end`` is its length;
    ``region`` the country or state written after the place ("HANOI, Vietnam")."""

    place: str | None
    date: str | None
    agency: str | None
    end: int
    region: str | None = None


def parse_dateline(text: str, published: str | None) -> Dateline | None:
    """Read the dateline at the start of ``text``; None when the story has none."""
    head = text[:200]
    match = _DATELINE.match(head)
    if match and _credible(match):
        place = _title_case(match.group("place"))
        agency = canonical_agency(match.group("agency") or "") or _raw_agency(match.group("agency"))
        date = _date(match.group("date"), match.group("year"), published) or published
        return Dateline(place, date, agency, match.end(), match.group("region"))
    credit = _CREDIT_ONLY.match(head)
    if credit:
        raw = credit.group("paren") or credit.group("site") or ""
        return Dateline(None, None, canonical_agency(raw) or raw, credit.end())
    return None


def trailing_agency(text: str) -> str | None:
    """A wire credit closing the story ("... the country. PTI", "(With inputs from IANS)")."""
    tail = text.rstrip()[-60:]
    match = _TRAILING.search(tail)
    if not match:
        return None
    return canonical_agency(match.group("a") or match.group("b") or match.group("c") or "")


# The party-and-state label US style writes after a legislator's name: "(R-OH)",
# "(D-Calif.)", "(I-Vt.)" (Republican, Democrat, Independent; postal code or state abbreviation).
PARTY_STATE = re.compile(r"^[RDI]\s*-\s*[A-Z][A-Za-z]{1,4}\.?$")


def _credible(match: re.Match[str]) -> bool:
    """Upper-case places always count; others need a credit, a date or a dash.

    A name with a title before it ("Rep. Jane Doe (R-OH) asked") or a party-state label
    in the parentheses is a person opening the story, not a place and its credit.
    """
    place = match.group("place")
    if len(place) < 3 or place.split()[0].lower() in {"the", "a", "an", "in", "on"}:
        return False
    if not place.isupper() and place.split()[0].lower() in HONORIFICS:
        return False  # upper-case datelines keep "GENERAL SANTOS, Philippines"
    if PARTY_STATE.match((match.group("agency") or "").strip()):
        return False
    if match.group("agency") or match.group("date"):
        return True
    sep = match.group("sep").strip()
    if place.isupper():
        return bool(sep)
    region = match.group("region")
    known = (not region or region in COUNTRIES or region in REGIONS or place in CAPITALS
             or place in MAJOR_CITIES)
    return sep in {"—", "–"} and len(place.split()) <= 3 and known


def _raw_agency(value: str | None) -> str | None:
    """An unrecognised credit is still the dateline's credit; keep it as written."""
    value = (value or "").strip()
    return value or None


def _title_case(place: str) -> str:
    """"NEW DELHI" -> "New Delhi"; already mixed-case places are kept."""
    if not place.isupper():
        return place
    return " ".join(w if len(w) <= 2 and "." in w else w.capitalize() for w in place.split())


def _date(raw: str | None, year_text: str | None, published: str | None) -> str | None:
    """Resolve "Jan 27" / "27 January" (year from the dateline, else from publication)."""
    if not raw:
        return None
    parts = raw.replace(".", " ").split()
    if parts[0].isdigit():
        day, month = int(parts[0]), month_number(parts[1])
    else:
        month, day = month_number(parts[0]), int(parts[1])
    if month is None:
        return None
    year = int(year_text) if year_text else guess_year(month, day, parse_iso(published))
    resolved = safe_date(year, month, day)
    return resolved.isoformat() if resolved else None
