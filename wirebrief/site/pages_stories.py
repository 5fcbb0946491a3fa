"""Story pages (/stories/<id>/): every report of one event in time order, what each
outlet added, the story's entities and dated events; the story feeds (/stories/feed.xml,
atom.xml, feed.json: one item per story, whose id stays as the story grows and whose
updated date moves with its newest report); and a redirect page for every story that
was absorbed into another, so that no story URL ever stops working.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from email.utils import format_datetime
from typing import Any

from markupsafe import escape

from wirebrief.config import Config
from wirebrief.site.cards import lead_sentences
from wirebrief.site.corpus import KIND_FOLDER, Article, Corpus, Story, outlet_name, story_path
from wirebrief.site.feeds import feed_files, item_date
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.pages_timeline import event_key
from wirebrief.site.render import Renderer, feed_links

FOLDER = "stories/"
# A figure: a number with a unit or scale word, or a number of two or more digits that is not a year.
_FIGURE = re.compile(r"\b\d[\d,.]*\d?\s?(?:%|per cent|percent|million|billion|trillion|km|kilometres|"
                     r"miles|tonnes|tons|troops|soldiers|people|dollars)\b|\$\s?\d[\d,.]*|\b\d{2,}(?:,\d{3})*\b")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def in_time_order(story: Story) -> list[Article]:
    return sorted(story.copies, key=lambda a: (a.day, a.first_seen_at or "", a.id))


def figures(text: str) -> list[str]:
    """The figures a text states, each once, in order (years are dates, not figures)."""
    found = [" ".join(m.group(0).split()) for m in _FIGURE.finditer(text)]
    return list(dict.fromkeys(f for f in found if not _YEAR.match(f)))


def contributions(story: Story) -> list[dict[str, Any]]:
    """Each report in time order with what it added that the earlier ones did not: new
    quotes, new people, new figures."""
    quoted: set[str] = set()
    named: set[str] = set()
    stated: set[str] = set()
    result: list[dict[str, Any]] = []
    for article in in_time_order(story):
        quotes = [q for q in article.quotes if " ".join(q["text"].split()).casefold() not in quoted]
        people = [p for p in article.named("person") if (p["path"] or p["name"]) not in named]
        numbers = [f for f in figures(article.text) if f not in stated]
        quoted |= {" ".join(q["text"].split()).casefold() for q in article.quotes}
        named |= {p["path"] or p["name"] for p in article.named("person")}
        stated |= set(figures(article.text))
        first = not result
        result.append({"article": article, "outlet": outlet_name(article), "first": first,
                       "quotes": quotes, "people": people, "figures": [] if first else numbers[:8]})
    return result


def story_context(context: dict[str, Any]) -> dict[str, Any]:
    """What the page shows of its articles, derived when it is rendered."""
    story: Story = context["story"]
    counts = Counter((e.kind, e.name, e.path) for a in story.copies for e in a.mentions)
    groups: dict[str, list[dict[str, Any]]] = {folder: [] for folder in KIND_FOLDER.values()}
    for (kind, name, path), count in sorted(counts.items(), key=lambda x: (-x[1], x[0][1].casefold())):
        groups[KIND_FOLDER[kind]].append({"name": name, "path": path, "count": count})
    events: dict[tuple[str, str, str], dict[str, Any]] = {}
    for article in in_time_order(story):
        for event in article.events:
            if event["year"] is not None:
                events.setdefault(event_key(event["date"], event["what"], event["place"]), event)
    return {**context, "lead": story.lead, "summary": lead_sentences(story.lead.summary),
            "reports": contributions(story), "entities": groups,
            "events": sorted(events.values(), key=lambda e: (e["date"], e["what"]))}


def outputs(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    feeds = feed_links(FOLDER, f"Stories · {config.site.title}")  # one list for every page
    for story in corpus.stories.values():
        yield page_output(renderer, story.path, "story.html", {"story": story, "feeds": feeds}, story_context)
    for old, new in sorted(corpus.redirects.items()):
        target = corpus.stories[new].path
        yield page_output(renderer, story_path(old), "redirect.html", {
            "target": target, "canonical": renderer.absolute(target), "feeds": []})
    yield from story_feeds(corpus, config, renderer)


def story_feeds(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    """One item per story, the most recently reported first."""
    latest = sorted(corpus.stories.values(), key=lambda s: (max(map(_dated, s.copies)), s.id),
                    reverse=True)[:config.site.feed_items]
    yield from story_feed(renderer, FOLDER, f"Stories · {config.site.title}",
                          "Every story, one item each, updated as coverage grows.", latest)


def story_feed(renderer: Renderer, folder: str, title: str, description: str,
               stories: list[Story]) -> Iterator[Output]:
    """The three feeds of ``folder`` with one item per story (story_item), which stays
    as the story grows (its id is the story page's URL)."""
    yield from feed_files(renderer, folder, title, description, stories,
                          lambda: [story_item(renderer, story) for story in stories])


def _dated(article: Article) -> str:
    """The day feeds date an article by (item_date), as a string that sorts the same way."""
    return "1970-01-01" if article.day == "undated" else article.day


def story_item(renderer: Renderer, story: Story) -> dict[str, Any]:
    lead = story.lead
    first, updated = min(item_date(a) for a in story.copies), max(item_date(a) for a in story.copies)
    outlets = "".join(f'<li><a href="{escape(renderer.absolute(a.path))}">{escape(outlet_name(a))}</a>: '
                      f"{escape(a.title or '(untitled)')}</li>" for a in in_time_order(story))
    html = f"<p>{escape(lead.summary or lead.title)}</p><ul>{outlets}</ul>"
    return {"id": renderer.absolute(story.path), "title": lead.title or "(untitled)",
            "summary": lead.summary or lead.title or "", "source": None, "source_url": None,
            "html": html, "html_xml": escape(html), "rfc822": format_datetime(updated),
            "iso": updated.isoformat(), "published_iso": first.isoformat(), "updated": updated,
            "topics": lead.topics, "authors": []}

