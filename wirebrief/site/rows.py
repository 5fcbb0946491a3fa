"""Rows of the long lists (entity, topic and archive pages, the timeline), written in Python.

These pages list up to two hundred stories each (a timeline year, thousands of events),
and a build renders hundreds of them: a template macro per row cost more than the rest
of those pages together. The markup is the one the macros made, and
every value is escaped the way autoescape does (markupsafe), so scraped text stays text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from wirebrief.site.corpus import Story

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def nice_date(value: str | None) -> str:
    """'27 January 2026' from an ISO date (or its month/year prefix), locale-independent."""
    text = value or ""
    parts = text[:10].split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        return text
    return text


def day_html(value: str | None) -> str:
    """A day as a <time> element, or 'undated'."""
    if not value or value == "undated":
        return "undated"
    return f'<time datetime="{escape(value)}">{escape(nice_date(value))}</time>'


def story_rows(stories: Iterable[Story], link: Callable[[str], str], summary: bool = False) -> Markup:
    """One <li> per story: the lead's title and page, its day and dateline, every outlet;
    with ``summary``, the lead's summary below. Each row ends with a newline."""
    rows = []
    for story in stories:
        lead = story.lead
        meta = day_html(lead.day)
        if lead.dateline_place:
            meta += f" · {escape(lead.dateline_place)}"
        meta += " · " + ", ".join(str(escape(copy.source)) for copy in story.copies)
        row = (f'<li><a href="{escape(link(lead.path))}">{escape(lead.title or "(untitled)")}</a> '
               f'<span class="meta">{meta}</span>')
        if summary and lead.summary:
            row += f'<br><span class="summary">{escape(lead.summary)}</span>'
        rows.append(row + "</li>\n")
    return Markup("".join(rows))


def evidence_html(sentence: str | None) -> str:
    """The sentence a fact was read from, folded away under 'Why'."""
    if not sentence:
        return ""
    return f'<details class="evidence"><summary>Why</summary><p>“{escape(sentence)}”</p></details>'


def event_rows(events: Iterable[dict[str, Any]], link: Callable[[str], str]) -> Markup:
    """The timeline's list: one <li> per event, its day and its line (the sentence that
    says who did what, so that it reads alone: corpus.events_by), then its place and the
    stories that report it (a year's page lists thousands)."""
    rows = ['<ol class="timeline">\n']
    for event in events:
        place = ""
        if event["place"]:
            name = escape(event["place"])
            place = f'<a href="{escape(link(event["place_path"]))}">{name}</a>' if event["place_path"] \
                else str(name)
            place = f" · {place}"
        reports = "; ".join(f'<a href="{escape(link(a.path))}">{escape(a.title or "(untitled)")}</a>'
                            for a in event["articles"])
        why = evidence_html(event["evidence"])
        rows.append(f'<li>{day_html(event["date"])}: <span class="event">{escape(event["line"])}</span>'
                    f' <span class="meta">{place} · reported in {reports}</span>{why}</li>\n')
    rows.append("</ol>\n")
    return Markup("".join(rows))
