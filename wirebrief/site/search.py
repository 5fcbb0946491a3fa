"""Search with Pagefind: one index bundle per month of stories, merged by the search page.

Each story is one record (its headline, the text of every report, the names they
give), with filters for topic, source, place and person and a date to sort by.
Pagefind builds the index as static files and searches it in the browser with
WebAssembly: no server, nothing fetched from another host. An index of a whole site is
rebuilt from scratch on each run, which at tens of thousands of stories costs more than
the rest of a build; one bundle per month (`search/<yyyy-mm>/`), each keyed by its
stories like any output, means a build re-indexes only the months whose stories
changed, and the search page merges the months' bundles (Pagefind's mergeIndex).
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from wirebrief.site.corpus import Corpus, Story, outlet_name, read_texts
from wirebrief.site.outputs import Output, data_output, key_of, page_output
from wirebrief.site.render import Renderer
from wirebrief.site.writer import Bundle

FOLDER = "search/"


def record(story: Story) -> dict[str, Any]:
    """What Pagefind indexes of a story (its text is read when the month is indexed)."""
    people = {p["name"] for a in story.copies for p in a.people}
    places = {p["name"] for a in story.copies for p in a.places}
    names = sorted(people | places | {o["name"] for a in story.copies for o in a.organizations})
    return {
        "url": "/" + story.path, "language": "en",  # from the site's root, which the page gives Pagefind
        "content": "\n".join([story.lead.title, *names, *(a.text for a in story.copies)]),
        "meta": {"title": story.lead.title or "(untitled)", "date": story.lead.day,
                 "outlets": str(story.outlets)},
        "filters": {"topic": sorted({t["name"] for a in story.copies for t in a.topic_links}),
                    "source": sorted({outlet_name(a) for a in story.copies}),
                    "place": sorted(places), "person": sorted(people)},
        "sort": {"date": story.lead.day},
    }


def index_month(stories: list[Story], folder: Path) -> None:
    """Write the Pagefind bundle of ``stories`` into ``folder``."""
    from pagefind.index import IndexConfig, PagefindIndex

    read_texts([a for story in stories for a in story.copies])

    async def write() -> None:
        async with PagefindIndex(IndexConfig(output_path=str(folder), force_language="en")) as index:
            for story in stories:
                item = record(story)
                item["filters"] = {k: v for k, v in item["filters"].items() if v}
                await index.add_custom_record(**item)

    # In a thread of its own: the caller may be running an event loop already.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, write()).result()


def months(corpus: Corpus) -> dict[str, list[Story]]:
    found: dict[str, list[Story]] = defaultdict(list)
    for story in corpus.all_stories:
        found[story.lead.day[:7]].append(story)
    return dict(sorted(found.items(), reverse=True))


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    enabled = renderer.config.site.search == "pagefind"
    bundles = [f"{month}/" for month in months(corpus)] if enabled else []
    yield page_output(renderer, FOLDER, "search.html", {"enabled": enabled, "bundles": bundles, "feeds": []})
    if enabled:
        data = json.dumps({"bundles": bundles}, separators=(",", ":")).encode("utf-8")
        yield data_output(renderer, FOLDER + "bundles.json", bundles, functools.partial(bytes, data))


def bundles(corpus: Corpus, renderer: Renderer) -> Iterator[Bundle]:
    if renderer.config.site.search != "pagefind":
        return
    for month, stories in months(corpus).items():
        yield Bundle(f"{FOLDER}{month}/", key_of(renderer.salt, "pagefind", month, stories),
                     functools.partial(index_month, stories))
