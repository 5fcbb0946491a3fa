"""Watchlists (/watch/ and /watch/<slug>/): the stories each `[[watch]]` of the config
matches, newest first, with why each matched, and their feeds (RSS, Atom, JSON Feed).

Which stories match is the store's answer (wirebrief/watch.py: an FTS5 query, entity
names and aliases, topics, sources), read by the build like the rest of the store; this
module only shows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wirebrief.config import Config
from wirebrief.config_watch import WatchConfig
from wirebrief.site.corpus import Corpus, Story
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.pages_stories import story_feed
from wirebrief.site.render import Renderer, feed_links
from wirebrief.watch import Match

FOLDER = "watch/"


def watch_path(watch: WatchConfig) -> str:
    return f"{FOLDER}{watch.slug}/"


def described(watch: WatchConfig) -> dict[str, Any]:
    return {"name": watch.name, "path": watch_path(watch), "query": watch.query,
            "entities": watch.entities, "topics": watch.topics, "sources": watch.sources}


def outputs(corpus: Corpus, config: Config, renderer: Renderer,
            matches: dict[str, list[Match]]) -> Iterator[Output]:
    watches = []
    for watch in config.watch:
        items: list[dict[str, Any]] = [{"story": corpus.stories[m.story_id], "reasons": list(m.reasons)}
                 for m in matches.get(watch.slug, []) if m.story_id in corpus.stories]
        watches.append({**described(watch), "count": len(items)})
        title = f"{watch.name} · {config.site.title}"
        yield page_output(renderer, watch_path(watch), "watch.html", {
            "watch": described(watch), "items": items, "feeds": feed_links(watch_path(watch), title)})
        latest: list[Story] = [item["story"] for item in items[:config.site.feed_items]]
        yield from story_feed(renderer, watch_path(watch), title, f"Stories matching {watch.name}.", latest)
    yield page_output(renderer, FOLDER, "watches.html", {"watches": watches, "feeds": []})
