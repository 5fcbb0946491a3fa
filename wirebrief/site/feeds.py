"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site, each topic and each entity.

Entry ids are the permanent URL of a story's lead article (the copy stored first), so a
feed reader never shows an item twice, even when more outlets carry the story later.
Dates carry their time zone (UTC). Nothing depends on the build time: a feed's updated
date is its newest item's date, so two builds of the same data give the same bytes.
The XML is rendered from autoescaped templates and passed through xml_safe whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from markupsafe import escape

from wirebrief.sanitize import xml_safe
from wirebrief.site.corpus import Article, Story, read_texts
from wirebrief.site.outputs import Output, data_output, key_of
from wirebrief.site.render import Renderer, paragraphs_html

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ENTITY_FEED_ITEMS = 20


def item_date(article: Article) -> datetime:
    return EPOCH if article.day == "undated" else datetime.fromisoformat(article.day).replace(tzinfo=UTC)


def feed_item(renderer: Renderer, article: Article, full_text: bool) -> dict[str, Any]:
    """An article as feeds show it. With its full text it is made once per build and
    process: a story is in the site's feed and its topics' feeds, and its text is the
    dearest part of them (``html_xml`` is its HTML escaped once for the two XML formats);
    a summary item is cheap, and keeping one for every article of every entity feed
    would grow a render process by an item per article."""
    if not full_text:
        return _feed_item(renderer, article, full_text)
    key = ("feed item", article.id, full_text)
    item = renderer.memo.get(key)
    if item is None:
        item = renderer.memo[key] = _feed_item(renderer, article, full_text)
    return dict(item)


def _feed_item(renderer: Renderer, article: Article, full_text: bool) -> dict[str, Any]:
    when = item_date(article)
    html = paragraphs_html(article.text) if full_text else None
    return {
        "id": renderer.absolute(article.path), "title": article.title or "(untitled)",
        "summary": article.summary or article.title or "", "source": article.source,
        "source_url": article.url if article.url.lower().startswith(("http://", "https://")) else None,
        "html": html, "html_xml": escape(html) if html is not None else None,
        "rfc822": format_datetime(when), "iso": when.isoformat(), "topics": article.topics,
        "authors": article.authors, "updated": when, "published_iso": when.isoformat(),
    }


def feed_outputs(renderer: Renderer, folder: str, title: str, description: str,
                 stories: list[Story], *, limit: int, full_text: bool) -> Iterator[Output]:
    """The three feeds of ``folder`` ('' for the site), one item per story (its lead
    article), newest first."""
    chosen = [s.lead for s in stories[:limit]]

    def items() -> list[dict[str, Any]]:
        if full_text:
            read_texts(chosen)
        return [feed_item(renderer, a, full_text) for a in chosen]

    yield from feed_files(renderer, folder, title, description, (full_text, chosen), items)


def feed_files(renderer: Renderer, folder: str, title: str, description: str, inputs: Any,
               items: Callable[[], list[dict[str, Any]]]) -> Iterator[Output]:
    """RSS, Atom and JSON Feed of ``items`` (made from ``inputs``, made once for the three
    when the first is rendered); a feed's updated date is its newest item's."""
    key = key_of(renderer.salt, title, description, inputs)  # the three feeds' data

    def meta() -> dict[str, Any]:
        """What the three formats share, kept until another feed is rendered: the three
        are listed together, so they are rendered together, and keeping every feed's items
        would grow a render process by the items of thousands of entity feeds."""
        if renderer.memo.get("feed", (None,))[0] != (folder, key):
            renderer.memo["feed"] = ((folder, key), _meta(items()))
        return dict(renderer.memo["feed"][1])

    def _meta(listed: list[dict[str, Any]]) -> dict[str, Any]:
        updated = max((item["updated"] for item in listed), default=EPOCH)
        site = renderer.config.site
        return {
            "title": title, "description": description or title, "items": listed,
            "home": renderer.absolute(folder), "language": site.language,
            "author": site.author or "wirebrief", "rfc822": format_datetime(updated),
            "iso": updated.isoformat(), "rss": renderer.absolute(folder + "feed.xml"),
            "atom": renderer.absolute(folder + "atom.xml"),
            "json": renderer.absolute(folder + "feed.json"),
        }

    yield data_output(renderer, folder + "feed.xml", key, lambda: renderer.text("feed.rss.xml", meta()))
    yield data_output(renderer, folder + "atom.xml", key, lambda: renderer.text("feed.atom.xml", meta()))
    yield data_output(renderer, folder + "feed.json", key, lambda: json_feed_bytes(meta()))


def json_feed_bytes(meta: dict[str, Any]) -> bytes:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": meta["title"], "home_page_url": meta["home"], "feed_url": meta["json"],
        "description": meta["description"], "language": meta["language"],
        "authors": [{"name": meta["author"]}],
        "items": [_json_item(item) for item in meta["items"]],
    }
    # No indent: with one, json falls back to its pure-Python encoder, five times slower.
    text = json.dumps(feed, ensure_ascii=False, sort_keys=True)
    return xml_safe(text).encode("utf-8")


def _json_item(item: dict[str, Any]) -> dict[str, Any]:
    result = {
        "id": item["id"], "url": item["id"], "title": item["title"], "summary": item["summary"],
        "date_published": item["published_iso"], "date_modified": item["iso"], "tags": item["topics"],
        "content_html" if item["html"] is not None else "content_text":
            item["html"] if item["html"] is not None else item["summary"],
    }
    if item["source_url"]:
        result["external_url"] = item["source_url"]
    if item["authors"]:
        result["authors"] = [{"name": name} for name in item["authors"]]
    return result
