"""The publication date of a page, from what its publisher declares, most explicit first.

htmldate weighs many clues at once and, on pages whose structured data is a template
placeholder ("0001-01-01T00:00:00Z") or whose scripts carry build and cache stamps, picks
a date from the wrong thing.  The publisher's own declarations are read here in a fixed
order, each only when it holds a plausible date:

1. JSON-LD ``datePublished`` / ``dateCreated`` of an article (schema.org CreativeWork);
2. ``<meta>`` publication properties (Open Graph ``article:published_time``, schema.org
   ``itemprop="datePublished"``, Dublin Core ``DC.date.issued``, and the names htmldate's
   own list of date metas uses);
3. a ``<time datetime>`` element marked as the publication (``pubdate``,
   ``itemprop="datePublished"``), else the first ``<time datetime>`` of the page when the
   page has no other <time> with another date;
4. a date in the page's URL path (``/2019/11/19/``, ``/2019/nov/19/``, ``/20191119…``);
5. htmldate's own search.

The URL's date also wins over a UTC timestamp of 1–3 that it is the local date of in some
inhabited time zone: the URL keeps the publisher's calendar, a UTC stamp of an evening
story in the Americas already reads the next day.

A timestamp keeps the calendar date it is written in: "2019-11-19T23:30:00-05:00" is
the 19th, as the publisher's clock read it; no timezone conversion is made.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator

from htmldate import find_date
from lxml import html as lxml_html

from extract.dates import month_number

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# The earliest year a news page can be from (the web's first news sites) and one year ahead.
_FIRST_YEAR = 1993

# Article types of schema.org whose datePublished is the page's (CreativeWork subtypes used
# for news: https://schema.org/NewsArticle and its parents and siblings).
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
    "socialmediaposting", "liveblogposting", "report", "scholarlyarticle", "techarticle",
    "webpage", "creativework", "videoobject",
})
_LD_KEYS = ("datePublished", "dateCreated")

# Publication-date metas: Open Graph's article namespace (ogp.me), schema.org microdata,
# Dublin Core terms, and the names in htmldate's list of date metas (htmldate.meta).
_META_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dcterms.created", "dc.date.created", "publication_date", "publish_date", "publishdate",
    "pubdate", "date", "sailthru.date", "parsely-pub-date", "article.published",
    "article_date_original", "cxenseparse:recs:publishtime", "originalpublicationdate",
    "datecreated", "citation_publication_date", "prism.publicationdate",
)

_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]?(\d{2}|[a-z]{3})[/_-]?(\d{2})(?:[/_\-.]|\d{0,10}(?:[/_\-.]|$))",
    re.IGNORECASE,
)


def published_date(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """The page's publication date as ISO YYYY-MM-DD, or None."""
    in_url = url_date(url)
    for stamp in (_ld_date(tree), _meta_date(tree), _time_date(tree)):
        found = plausible(stamp)
        if found:
            return in_url if in_url and same_day_somewhere(stamp or "", in_url) else found
    return in_url or _htmldate(tree, url)


# Inhabited UTC offsets range from UTC-11 (Pago Pago) to UTC+14 (Kiritimati): IANA tz database.
_WEST, _EAST = -11, 14
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$",
                    re.IGNORECASE)


def same_day_somewhere(stamp: str, day: str) -> bool:
    """Whether a UTC (or zoneless) timestamp falls on ``day`` in some inhabited time zone.

    A story put online in the evening in New York carries a UTC timestamp of the next
    day ("2019-11-20T01:50Z") while its URL says "/2019/11/19/": the URL keeps the
    publisher's own calendar date.  A timestamp with an explicit non-zero offset is
    already local and is kept.
    """
    match = _STAMP.match(stamp.strip())
    written = plausible(stamp)
    if not match or not written or written == day:
        return False
    zone = (match.group(3) or "Z").upper().replace(":", "")
    if zone not in ("Z", "+0000", "-0000"):
        return False
    moment = dt.datetime.fromisoformat(written) + dt.timedelta(
        hours=int(match.group(1)), minutes=int(match.group(2)))
    target = dt.date.fromisoformat(day)
    return any((moment + dt.timedelta(hours=h)).date() == target for h in range(_WEST, _EAST + 1))


def plausible(value: object, today: dt.date | None = None) -> str | None:
    """The YYYY-MM-DD date a timestamp starts with, if it is a real date of the web's era."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.search(value.strip()[:32])
    if not match or match.start() > 0:
        return None
    return _checked(int(match.group(1)), int(match.group(2)), int(match.group(3)), today)


def _checked(year: int, month: int, day: int, today: dt.date | None = None) -> str | None:
    """The ISO date when it exists and lies between the first news sites and a year ahead."""
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    limit = (today or dt.date.today()).year + 1
    if not _FIRST_YEAR <= date.year <= limit:
        return None
    return date.isoformat()


def _ld_objects(data: object) -> Iterator[dict[str, object]]:
    """Every JSON-LD object of a blob, graphs and lists included."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def _ld_type(obj: dict[str, object]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _ld_date(tree: lxml_html.HtmlElement) -> str | None:
    """datePublished of the first article object of the page's JSON-LD, as written."""
    fallback: str | None = None
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        for obj in _ld_objects(data):
            for key in _LD_KEYS:
                value = obj.get(key)
                if not isinstance(value, str) or not plausible(value):
                    continue
                if _ld_type(obj) & _ARTICLE_TYPES:
                    return value
                fallback = fallback or value
    return fallback


def _meta_date(tree: lxml_html.HtmlElement) -> str | None:
    """The first plausible publication meta, in the order of _META_KEYS, as written."""
    values: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key in _META_KEYS and key not in values:
                values[key] = meta.get("content") or ""
    for element in tree.xpath('//*[@itemprop="datePublished"][@datetime]'):
        values.setdefault("datepublished", element.get("datetime") or "")
    for key in _META_KEYS:
        value = values.get(key)
        if value and plausible(value):
            return value.strip()
    return None


def _time_date(tree: lxml_html.HtmlElement) -> str | None:
    """A <time> marked as the publication; else the page's one dated <time>, if one date."""
    stamps: list[str] = []
    for element in tree.iter("time"):
        stamp = (element.get("datetime") or "").strip()
        if not plausible(stamp):
            continue
        if element.get("pubdate") is not None or element.get("itemprop") == "datePublished":
            return stamp
        stamps.append(stamp)
    return stamps[0] if len({plausible(s) for s in stamps}) == 1 else None


def url_date(url: str | None) -> str | None:
    """A year-month-day written in the URL's path, with the month as digits or a name."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    for match in _URL_DATE.finditer(path):
        year, month_text, day = match.groups()
        month = int(month_text) if month_text.isdigit() else month_number(month_text)
        if month:
            found = _checked(int(year), month, int(day))
            if found:
                return found
    return None


def _htmldate(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """htmldate's answer from the page's markup and URL, without searching the text."""
    try:
        found = find_date(tree, url=url, outputformat="%Y-%m-%d", extensive_search=False,
                          original_date=True)
    except (ValueError, TypeError):
        return None
    return plausible(found) if isinstance(found, str) else None
