"""The build: read the store, plan what changed, render it, swap the site in.

The site is written into a staging folder beside the output and swapped in whole
(publish.py), so a failed or killed build leaves the previous site untouched. Only the
units of the site whose data changed since the previous build are rendered (changes.py);
every other file is hard-linked from the live site (incremental.py). Nothing depends on
the clock, so two builds of the same database give byte-identical sites.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from wirebrief.config import Config
from wirebrief.site import (
    pages_agreements,
    pages_archive,
    pages_articles,
    pages_briefing,
    pages_entities,
    pages_status,
    pages_timeline,
    pages_topics,
    search,
    seo,
)
from wirebrief.site.changes import Plan, plan_build
from wirebrief.site.corpus import Corpus, load_corpus
from wirebrief.site.feeds import feed_outputs
from wirebrief.site.incremental import (
    Manifest,
    Output,
    load_manifest,
    page_output,
    publish_outputs,
    write_manifest,
)
from wirebrief.site.publish import staging_dir, swap_into_place
from wirebrief.site.render import Renderer, templates_dir
from wirebrief.status import status_report

CODE = Path(__file__).resolve().parent


def build_site(config: Config, db: sqlite_utils.Database) -> dict[str, int]:
    """Render what changed into a staging folder holding the whole site, and publish it atomically."""
    target = config.output_path
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder: refusing to replace it with the site")
    corpus = load_corpus(db)
    salt = build_salt(config)
    live = load_manifest(target) if target.is_dir() else Manifest()
    plan = plan_build(live, corpus, salt)
    if plan.full:
        corpus.read_everything()
    renderer = Renderer(config)
    status = status_report(db, config, builds=False)
    with staging_dir(target, reuse_spare=True) as staging:
        outputs = site_outputs(corpus, config, renderer, plan, status)
        stats, units = publish_outputs(outputs, plan.carried, staging, target, live, plan.dirty,
                                       workers=render_workers())
        write_manifest(staging, Manifest(salt, units, plan.state))
        swap_into_place(staging, target, keep_spare=True)
    return {"pages": stats.files, "articles": len(corpus.articles), "rendered": stats.rendered,
            "reused": stats.linked, "units_rendered": sum(1 for unit in units if not plan.reuses(unit)),
            "units_reused": sum(1 for unit in units if plan.reuses(unit))}


def render_workers() -> int:
    """Processes that render: one per CPU available to us, at most four, never forking on
    platforms without fork."""
    if not hasattr(os, "fork"):
        return 1
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def build_salt(config: Config) -> str:
    """What every file depends on besides its data: templates, this code, the site config."""
    settings = config.site.model_dump_json(exclude={"output", "database"})
    digest = hashlib.blake2b(settings.encode("utf-8"), digest_size=16)
    sources = sorted(templates_dir().rglob("*")) + sorted(CODE.glob("*.py"))
    # What pages read through besides the site code: the store's reads and slugs, the run report.
    sources += [CODE.parent / name
                for name in ("sanitize.py", "status.py", "store/queries.py", "store/keys.py")]
    for path in sources:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def site_outputs(corpus: Corpus, config: Config, renderer: Renderer, plan: Plan,
                 status: dict[str, Any]) -> Iterator[Output]:
    """The files of the units ``plan`` wants, the sitemap last since it lists every page
    (those of the units not rendered included)."""
    pages = [p for unit, files in plan.carried.items() if plan.reuses(unit) for p in files if _is_page(p)]
    yield from _recording(pages, _content(corpus, config, renderer, plan))
    yield pages_status.output(renderer, status)
    pages.append(pages_status.PATH)
    yield from seo.sitemap_outputs(renderer, pages)
    yield seo.robots_output(renderer)
    yield seo.opml_output(renderer, feed_folders(corpus, config))
    yield from static_outputs()


def _content(corpus: Corpus, config: Config, renderer: Renderer, plan: Plan) -> Iterator[Output]:
    yield from pages_briefing.outputs(corpus, config, renderer)
    yield from site_feeds(corpus, config, renderer)
    yield from pages_articles.outputs(corpus, renderer, plan)
    yield from pages_entities.outputs(corpus, config, renderer, plan)
    yield from pages_topics.outputs(corpus, config, renderer, plan)
    yield from pages_archive.outputs(corpus, renderer, plan)
    yield from pages_timeline.outputs(corpus, renderer, plan)
    yield from pages_agreements.outputs(corpus, renderer, plan)
    yield from search.outputs(corpus, renderer, plan)
    yield page_output(renderer, "about/", "about.html", {"feeds": []})


def _is_page(path: str) -> bool:
    return path == "" or path.endswith(("/", ".html"))


def _recording(pages: list[str], outputs: Iterable[Output]) -> Iterator[Output]:
    for output in outputs:
        if _is_page(output.path):
            pages.append(output.path)
        yield output


def site_feeds(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    yield from feed_outputs(renderer, "", config.site.title, config.site.description,
                            corpus.stories_for(corpus.articles), limit=config.site.feed_items,
                            full_text=config.site.feed_content == "full")


def feed_folders(corpus: Corpus, config: Config) -> list[dict[str, Any]]:
    """Every folder that has feeds, with the title a feed reader shows for it."""
    folders = [{"title": config.site.title, "folder": ""}]
    folders += [{"title": t.name, "folder": t.path}
                for t in sorted(corpus.topics.values(), key=lambda t: t.path)]
    folders += [{"title": e.name, "folder": e.path}
                for e in sorted(corpus.entities.values(), key=lambda e: e.path) if e.articles]
    return folders


def static_outputs() -> Iterator[Output]:
    root = templates_dir() / "static"
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield Output("static/" + path.relative_to(root).as_posix(), functools.partial(bytes, data))
