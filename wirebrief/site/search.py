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

import functools
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import escape

from wirebrief.site.corpus import Corpus, Story, outlet_name, read_texts
from wirebrief.site.outputs import Output, data_output, key_of, page_output
from wirebrief.site.render import Renderer
from wirebrief.site.writer import Bundle

FOLDER = "search/"


TIMEOUT = 900  # seconds Pagefind may take over one month's stories


def record(story: Story) -> dict[str, Any]:
    """What Pagefind indexes of a story (its text is read when the month is indexed)."""
    people = {p["name"] for a in story.copies for p in a.named("person")}
    places = {p["name"] for a in story.copies for p in a.named("place")}
    names = sorted(people | places | {o["name"] for a in story.copies for o in a.named("organization")})
    return {
        "url": "/" + story.path, "title": story.lead.title or "(untitled)", "date": story.lead.day,
        "content": "\n".join([*names, *(a.text for a in story.copies)]),
        "filters": {"topic": sorted({t["name"] for a in story.copies for t in a.topic_links}),
                    "source": sorted({outlet_name(a) for a in story.copies}),
                    "place": sorted(places), "person": sorted(people)},
    }


def record_html(item: dict[str, Any]) -> str:
    """A story's record as the page Pagefind reads: every value escaped."""
    filters = "".join(f'<span data-pagefind-filter="{name}">{escape(value)}</span>'
                      for name, values in item["filters"].items() for value in values)
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in item["content"].split("\n") if line.strip())
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(item["title"])}'
            f'</title></head><body><main data-pagefind-body><h1>{escape(item["title"])}</h1>'
            f'<span data-pagefind-sort="date:{escape(item["date"])}" data-pagefind-meta="date:'
            f'{escape(item["date"])}"></span>{filters}{paragraphs}</main></body></html>')


def index_month(stories: list[Story], folder: Path) -> None:
    """Write the Pagefind bundle of ``stories`` into ``folder``: the stories' records as
    pages in a temporary folder, indexed by Pagefind's command (in a process of its own,
    with a time limit)."""
    read_texts([a for story in stories for a in story.copies])
    with tempfile.TemporaryDirectory(prefix="wirebrief-search-") as pages:
        for story in stories:
            item = record(story)
            page = Path(pages) / item["url"].strip("/") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(record_html(item), encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", pages, "--output-path", str(folder),
                   "--force-language", "en"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"pagefind failed: {(done.stderr or done.stdout).strip()[-500:]}")


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
