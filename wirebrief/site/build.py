"""The build: read the store, list every output with its key, render what changed, swap it in.

The site is written into a staging folder beside the output and swapped in whole
(wirebrief/swap.py), so a failed or killed build leaves the previous site untouched. Every
output declares the key of what it shows (outputs.py); the staging folder gets a hard
link to every file of the live site while the keys are made, and the outputs whose key
the live site's manifest does not record are rendered in place of their links (writer.py).
Nothing depends on the clock, so two builds of the same database give byte-identical
sites, and a build after any change gives the bytes of a full build of the same store.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from wirebrief.config import Config
from wirebrief.site import (
    pages_agreements,
    pages_archive,
    pages_articles,
    pages_briefing,
    pages_changes,
    pages_entities,
    pages_status,
    pages_stories,
    pages_timeline,
    pages_topics,
    pages_watch,
    search,
    seo,
)
from wirebrief.site.corpus import Corpus, load_corpus
from wirebrief.site.feeds import feed_outputs
from wirebrief.site.outputs import Output, data_output, page_output
from wirebrief.site.render import Renderer, templates_dir
from wirebrief.site.writer import content_hash, link_live, write_site
from wirebrief.status import status_report
from wirebrief.swap import staging_dir, swap_into_place
from wirebrief.watch import Match, match_stories


def build_site(config: Config, db: sqlite_utils.Database) -> dict[str, int]:
    """Render what changed into a staging folder holding the whole site, and publish it atomically."""
    target = config.output_path
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder: refusing to replace it with the site")
    with staging_dir(target) as staging, thawed_at_the_end():
        # The live site is linked into staging while the keys are made.
        with uncollected(), ThreadPoolExecutor(1) as linking:
            staged = linking.submit(link_live, target if target.is_dir() else None, staging)
            corpus = load_corpus(db)
            renderer = Renderer(config)
            matches = {watch.slug: match_stories(db, watch) for watch in config.watch}
            status = status_report(db, config, builds=False)
            outputs = list(site_outputs(corpus, config, renderer, status, matches))
            bundles = list(search.bundles(corpus, renderer))
        stats = write_site(outputs, staging, staged.result(), render_workers(), bundles)
        swap_into_place(staging, target)
    return {"pages": stats.rendered + stats.linked, "articles": len(corpus.articles),
            "rendered": stats.rendered, "reused": stats.linked, "search_files": stats.bundled}


@contextmanager
def uncollected() -> Iterator[None]:
    """No cycle collection while the corpus and the outputs are made, and what was made
    frozen out of the collector afterwards (thawed_at_the_end). None of it is garbage
    before the build ends, but they count by the hundred thousand objects, and every full
    collection scanned them all again, in the build and in its render processes."""
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        gc.enable()


@contextmanager
def thawed_at_the_end() -> Iterator[None]:
    """What uncollected froze is handed back to the collector when the build ends, so
    that a process that goes on (`wirebrief run`) frees the corpus."""
    try:
        yield
    finally:
        gc.unfreeze()


def render_workers() -> int:
    """Processes that render: one per CPU available to us, at most four."""
    if not hasattr(os, "fork"):
        return 1
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def site_outputs(corpus: Corpus, config: Config, renderer: Renderer, status: dict[str, Any],
                 matches: dict[str, list[Match]]) -> Iterator[Output]:
    """Every file of the site; the sitemap last, since it lists every page."""
    pages: list[str] = []
    for output in _content(corpus, config, renderer, status, matches):
        if output.path == "" or output.path.endswith(("/", ".html")):
            pages.append(output.path)
        yield output
    yield from seo.sitemap_outputs(renderer, pages)
    yield seo.robots_output(renderer)
    yield from static_outputs(renderer)


def _content(corpus: Corpus, config: Config, renderer: Renderer, status: dict[str, Any],
             matches: dict[str, list[Match]]) -> Iterator[Output]:
    yield from pages_briefing.outputs(corpus, config, renderer)
    yield from site_feeds(corpus, config, renderer)
    yield from pages_stories.outputs(corpus, config, renderer)
    yield from pages_changes.outputs(corpus, config, renderer, watched_names(config))
    yield from pages_watch.outputs(corpus, config, renderer, matches)
    yield from pages_articles.outputs(corpus, renderer)
    yield from pages_entities.outputs(corpus, config, renderer)
    yield from pages_topics.outputs(corpus, config, renderer)
    yield from pages_archive.outputs(corpus, renderer)
    yield from pages_timeline.outputs(corpus, renderer)
    yield from pages_agreements.outputs(corpus, renderer)
    yield from search.outputs(corpus, renderer)
    yield page_output(renderer, "about/", "about.html", {"feeds": []})
    yield seo.opml_output(renderer, feed_folders(corpus, config))
    yield pages_status.output(renderer, status)


def site_feeds(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    yield from feed_outputs(renderer, "", config.site.title, config.site.description,
                            corpus.all_stories, limit=config.site.feed_items,
                            full_text=config.site.feed_content == "full")


def feed_folders(corpus: Corpus, config: Config) -> list[dict[str, Any]]:
    """Every folder that has feeds, with the title a feed reader shows for it."""
    folders = [{"title": config.site.title, "folder": ""},
               {"title": f"Stories · {config.site.title}", "folder": pages_stories.FOLDER},
               {"title": f"What changed · {config.site.title}", "folder": pages_changes.FOLDER}]
    folders += [{"title": f"{w.name} · {config.site.title}", "folder": pages_watch.watch_path(w)}
                for w in config.watch]
    folders += [{"title": t.name, "folder": t.path}
                for t in sorted(corpus.topics.values(), key=lambda t: t.path)]
    folders += [{"title": e.name, "folder": e.path}
                for e in sorted(corpus.entities.values(), key=lambda e: e.path) if e.articles]
    return folders


def watched_names(config: Config) -> set[str]:
    """The names of entities any watchlist names, case-folded."""
    return {name.casefold() for watch in config.watch for name in watch.entities}


def static_outputs(renderer: Renderer) -> Iterator[Output]:
    root = templates_dir() / "static"
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield data_output(renderer, "static/" + path.relative_to(root).as_posix(),
                              content_hash(data), functools.partial(bytes, data))

