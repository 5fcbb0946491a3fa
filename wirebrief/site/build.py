"""The build: read the store, plan what changed, render it, swap the site in.

The site is written into a staging folder beside the output and swapped in whole
(publish.py), so a failed or killed build leaves the previous site untouched. Only the
units of the site whose data changed since the previous build are rendered (changes.py);
every other file is hard-linked from the live site (incremental.py). Nothing depends on
the clock, so two builds of the same database give byte-identical sites.
"""

from __future__ import annotations

import functools
import gc
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
from wirebrief.site.early import EarlyPages
from wirebrief.site.feeds import feed_outputs
from wirebrief.site.incremental import Output, Trees, page_output, publish_outputs
from wirebrief.site.publish import empty_folder, spare_path, staging_dir, swap_into_place
from wirebrief.site.render import Renderer, templates_dir
from wirebrief.site.state import NewState, SiteState, keep_only, read_token, write_token
from wirebrief.status import status_report

CODE = Path(__file__).resolve().parent
# Builds rendering at most this many units do without the cyclic garbage collector (_Collector).
PAUSED_UNITS = 500


def build_site(config: Config, db: sqlite_utils.Database) -> dict[str, int]:
    """Render what changed into a staging folder holding the whole site, and publish it atomically."""
    target = config.output_path
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder: refusing to replace it with the site")
    with _Collector() as collector:
        return _build(config, db, target, collector)


def _build(config: Config, db: sqlite_utils.Database, target: Path, collector: _Collector) -> dict[str, int]:
    corpus = load_corpus(db)
    collector.loaded()
    renderer = Renderer(config)
    early = EarlyPages.start(functools.partial(early_outputs, corpus, config, renderer)) \
        if render_workers() > 1 else EarlyPages()
    salt = build_salt(config)
    live = SiteState.open(target, target) if target.is_dir() else None
    new, spare = NewState(target, live), None
    try:
        plan = plan_build(live, corpus, salt)
        if plan.full or len(plan.dirty) > PAUSED_UNITS:
            collector.resume()
        if plan.full:
            corpus.read_everything()
        status = status_report(db, config, builds=False)
        with staging_dir(target, reuse_spare=True) as staging:
            spare = _spare_state(target, staging, live)
            new.drop_units(plan.removed)
            outputs = site_outputs(corpus, config, renderer, plan, status, new, early)
            notes: dict[str, Any] = {}
            stats = publish_outputs(outputs, plan.dirty, Trees(staging, target), new, spare, notes,
                                    workers=render_workers())
            new.save_articles(plan.records, plan.gone, replace_all=plan.full)
            new.save_related({unit.removeprefix(pages_articles.ARTICLE): ids for unit, ids in notes.items()
                              if unit.startswith(pages_articles.ARTICLE)})
            new.save_meta(plan.meta)
            token = new.finish(salt)
            write_token(staging, salt, token)
            swap_into_place(staging, target, keep_spare=True)
    except BaseException:
        new.abandon()
        raise
    finally:
        early.close()
        for state in (live, spare):
            if state is not None:
                state.close()
    keep_only(target, [token, read_token(spare_path(target))])
    return {"pages": stats.rendered + stats.linked, "articles": len(corpus.articles),
            "rendered": stats.rendered, "reused": stats.linked,
            "units_rendered": stats.units_rendered, "units_reused": stats.units_reused}


class _Collector:
    """The cyclic garbage collector, paused while a build loads its corpus and, for a
    build of a few hundred units, until the build ends.

    What the corpus loads is then set aside from later collections (gc.freeze): it lives
    as long as the build, and collections passing over its hundreds of thousands of
    objects again and again cost a quarter of loading it. Frozen objects are not touched
    in forked processes either, so their memory stays shared. After ten new articles a
    build renders a hundred-odd units, whose reference cycles (template contexts) hold
    some 30 MB until the process ends, less than collecting costs in time; a full build
    renders thousands, so it collects again once it has planned (PAUSED_UNITS). At the
    end what was frozen is handed back to the collector (unless something else had
    frozen objects before), so that a process that builds again does not keep every old
    corpus."""

    def __enter__(self) -> _Collector:
        self.enabled, self.frozen_before = gc.isenabled(), gc.get_freeze_count()
        gc.disable()
        return self

    def loaded(self) -> None:
        gc.freeze()

    def resume(self) -> None:
        if self.enabled:
            gc.enable()

    def __exit__(self, *exc: object) -> None:
        if not self.frozen_before:
            gc.unfreeze()
        self.resume()


def _spare_state(target: Path, staging: Path, live: SiteState | None) -> SiteState | None:
    """The state of the spare tree the staging folder starts from; without one (or
    without a live site to take files from) the folder is emptied, since what it holds is
    unknown or of no use."""
    spare = SiteState.open(target, staging) if live is not None else None
    if spare is None:
        empty_folder(staging, target)
    return spare


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
                 status: dict[str, Any], carried: NewState,
                 early: EarlyPages | None = None) -> Iterator[Output]:
    """The files of the units ``plan`` wants, the sitemap last since it lists every page
    (those of the units not rendered included, counted once the others are known and
    listed by the process that renders it). The
    site-wide pages take the bytes ``early`` rendered while the build planned."""
    pages: list[str] = []
    content = _content(corpus, config, renderer, plan)
    yield from _recording(pages, early.serve(content) if early is not None else content)
    yield pages_status.output(renderer, status)
    pages.append(pages_status.PATH)
    carried_pages = carried.carried_pages()
    yield from seo.sitemap_outputs(renderer, carried.carried_page_count() + len(pages),
                                   lambda: carried_pages() + pages)
    yield seo.robots_output(renderer)
    yield from static_outputs()


def early_outputs(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    """What early.py renders ahead: the site-wide outputs of the content, whatever the plan."""
    return _content(corpus, config, renderer, Plan(False, {}, {}))


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
    yield seo.opml_output(renderer, functools.partial(feed_folders, corpus, config))


def _is_page(path: str) -> bool:
    return path == "" or path.endswith(("/", ".html"))


def _recording(pages: list[str], outputs: Iterable[Output]) -> Iterator[Output]:
    for output in outputs:
        if _is_page(output.path):
            pages.append(output.path)
        yield output


def site_feeds(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    yield from feed_outputs(renderer, "", config.site.title, config.site.description,
                            corpus.all_stories, limit=config.site.feed_items,
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
