"""The build's shortcuts give what the long way gives: the timeline merged from the
newest events only, search names from the mentions alone, the site-wide pages rendered
ahead by a forked process, the article list read from its covering index."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wirebrief.site import build as site_build
from wirebrief.site import pages_timeline, search
from wirebrief.site.corpus import Corpus, load_corpus
from wirebrief.site.early import EarlyPages
from wirebrief.site.incremental import GLOBAL, Output, Trees, _groups, link_all, linking
from wirebrief.site.synthetic import populate
from wirebrief.store import open_db, queries
from wirebrief.store.articles import save_article

from .test_site_build import add_articles, build, digests, seed


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Enough stories for a few hundred events over two years, some syndicated (a
    syndicated copy reports its story's events again), many on the same days."""
    db = open_db(tmp_path_factory.mktemp("reads") / "site.db")
    populate(db, 150, last_day=date(2026, 1, 20), per_day=6, syndicate=0.3)
    with db.atomic():  # one event told by several stories, in other words' case and spacing
        for number in range(12):
            when = ["2026-01-18", "2025-12-31", "2026-01", "2025"][number % 4]
            what = ["Summit opens in Arivel", " summit OPENS in Arivel ", "Talks end",
                    "Treaty signed"][number % 4]
            save_article(db, {"url": f"https://wire.example/summit-{number}", "title": f"Summit {number}",
                              "published": f"2026-01-{10 + number:02d}", "text": "The summit opened.",
                              "events": [{"date": when, "what": what, "where": None},
                                         {"date": "2026-01-19", "what": "Vote", "where": None}]},
                         page_url=f"https://wire.example/summit-{number}", source="Wire", run_id=1)
    return load_corpus(db)


def every_event(corpus: Corpus) -> list[dict[str, Any]]:
    """The timeline merged from every event of the corpus: what the shortcuts must equal."""
    return pages_timeline.events(corpus, corpus.articles, lambda day: True)


def plain(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["date"], e["what"], e["place"], e["evidence"], [a.id for a in e["articles"]]) for e in events]


@pytest.mark.parametrize("recent", [1, 7, 100, 10_000])
def test_timeline_index_equals_the_merge_of_every_event(corpus: Corpus, recent: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages_timeline, "RECENT", recent)
    merged = every_event(corpus)
    told_twice = sum(len(e["articles"]) > 1 for e in merged)
    assert len(merged) > 100 and told_twice >= 3
    index = pages_timeline.timeline_index(corpus)
    assert plain(index["recent"]) == plain(merged[:recent])
    assert index["total"] == len(merged)
    years = sorted({e["date"][:4] for e in merged}, reverse=True)
    assert len(years) >= 2
    assert index["years"] == [{"year": y, "count": sum(e["date"][:4] == y for e in merged),
                               "path": f"timeline/{y}/"} for y in years]


def test_timeline_month_pages_equal_the_merge_of_every_event(corpus: Corpus) -> None:
    merged = every_event(corpus)
    found = pages_timeline.distinct_events(corpus)
    months = {e["date"][:7] for e in merged if len(e["date"]) > 4}
    assert len(months) >= 3
    for month in months:
        mine = pages_timeline.month_page(corpus, found, month)["events"]
        assert plain(mine) == plain([e for e in merged if e["date"][:7] == month])
        # the articles the plan renders the month's page for are those reporting its events
        assert {a.id for e in mine for a in e["articles"]} <= \
            {a.id for a in corpus.articles if month in a.event_months}


def test_timeline_year_pages_count_months_and_hold_events_dated_by_the_year(corpus: Corpus) -> None:
    merged = every_event(corpus)
    found = pages_timeline.distinct_events(corpus)
    years = {e["date"][:4] for e in merged}
    assert any(len(e["date"]) == 4 for e in merged)  # (the corpus has some: see synthetic)
    for year in years:
        page = pages_timeline.year_page(corpus, found, year)
        mine = [e for e in merged if e["date"][:4] == year]
        assert page["total"] == len(mine)
        assert plain(page["events"]) == plain([e for e in mine if e["date"] == year])
        months = sorted({e["date"][:7] for e in mine if len(e["date"]) > 4}, reverse=True)
        assert [(m["month"], m["count"], m["path"]) for m in page["months"]] == \
            [(m, sum(e["date"][:7] == m for e in mine), f"timeline/{m[:4]}/{m[5:]}/") for m in months]
        assert sum(m["count"] for m in page["months"]) + len(page["events"]) == len(mine)


def test_search_names_are_the_facts_panel_names_in_its_order(corpus: Corpus) -> None:
    for article in corpus.articles:
        panel = [m["name"] for m in (*article.people, *article.organizations, *article.places)]
        assert search.names(article) == " ".join(dict.fromkeys(panel))


def test_the_sitemap_reads_the_carried_pages_from_their_partial_index(tmp_path: Path) -> None:
    """The index holds only pages (the condition must match the queries' to the letter)."""
    import sqlite3

    from wirebrief.site import state

    conn = sqlite3.connect(tmp_path / "state.sqlite")
    conn.executescript(state.SCHEMA)
    conn.execute("create temp table dropped (unit text primary key)")
    for sql in (state.CARRIED_PAGES, state.CARRIED_PAGE_COUNT):
        plan = " ".join(str(row[-1]) for row in conn.execute("explain query plan " + sql))
        assert "COVERING INDEX files_pages" in plan, plan
    conn.close()


def test_a_split_sitemap_is_one_group_that_lists_the_pages_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirebrief.config import Config, SiteConfig
    from wirebrief.site import seo
    from wirebrief.site.render import Renderer

    monkeypatch.setattr(seo, "SITEMAP_LIMIT", 2)
    listed: list[int] = []

    def pages() -> list[str]:
        listed.append(1)
        return ["c/", "a/", "b/", "d/", "e/"]

    renderer = Renderer(Config(site=SiteConfig(output=Path("site"))))
    outputs = list(seo.sitemap_outputs(renderer, 5, pages))
    assert [o.path for o in outputs] == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    assert len(_groups([(o, o.path) for o in outputs[:3]])) == 1  # one process renders the parts
    assert b"/a/</loc>" in outputs[0].render() and b"/e/</loc>" in outputs[2].render()
    assert listed == [1]


def test_the_article_list_is_read_from_its_covering_index(tmp_path: Path) -> None:
    db = open_db(tmp_path / "site.db")
    plan = " ".join(str(row[-1]) for row in db.execute("explain query plan " + queries.ARTICLE_LIST))
    assert "COVERING INDEX idx_articles_list" in plan and "TEMP B-TREE" not in plan


def pid_output(path: str, unit: str = GLOBAL, render: Callable[[], bytes] | None = None) -> Output:
    return Output(path, render or (lambda: f"{path} by {os.getpid()}".encode()), unit)


def test_site_wide_outputs_take_the_bytes_the_forked_process_rendered() -> None:
    outputs = [pid_output("a.html"), pid_output("b.xml"), pid_output("c.html", unit="entity:x")]
    early = EarlyPages.start(lambda: outputs)
    served = list(early.serve(outputs))
    assert [o.deferred for o in served] == [True, True, False]  # left to this process
    here = os.getpid()
    assert served[0].render() != f"a.html by {here}".encode() and served[0].render().startswith(b"a.html by ")
    assert served[1].render().startswith(b"b.xml by ") and served[1].render() != f"b.xml by {here}".encode()
    assert served[2].render() == f"c.html by {here}".encode()  # not site-wide: rendered here
    assert early.pages is not None and early.pipe is None  # collected
    early.close()
    assert early.pid is None  # and the process reaped


def test_outputs_are_rendered_here_when_the_forked_process_fails() -> None:
    def broken() -> bytes:
        if os.getpid() != here:
            raise RuntimeError("only in the forked process")
        return b"rendered here"

    here = os.getpid()
    outputs = [pid_output("a.html"), pid_output("b.html", render=broken)]
    early = EarlyPages.start(lambda: outputs)
    served = list(early.serve(outputs))
    assert served[0].render() == f"a.html by {here}".encode()
    assert early.pages == {}
    assert served[1].render() == b"rendered here"


def test_closing_before_collecting_stops_the_forked_process() -> None:
    def slow() -> bytes:
        time.sleep(60)
        return b""

    early = EarlyPages.start(lambda: [pid_output("slow.html", render=slow)])
    pid = early.pid
    assert pid is not None
    started = time.monotonic()
    early.close()
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped already


def test_a_build_without_the_forked_process_is_the_same_site(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    seed(tmp_path, 30)
    build(tmp_path, "forked")
    monkeypatch.setattr(site_build, "render_workers", lambda: 1)
    build(tmp_path, "alone")
    assert digests(tmp_path / "forked") == digests(tmp_path / "alone")


def test_a_carried_file_gone_while_linking_fails_the_build(tmp_path: Path) -> None:
    """The build checks that the live site holds every file it carries before rendering,
    and links them while it renders: a file gone in between must not leave a hole."""
    live, staging = tmp_path / "live", tmp_path / "staging"
    (live / "people" / "a").mkdir(parents=True)
    staging.mkdir()
    (live / "people" / "a" / "index.html").write_bytes(b"kept")
    trees = Trees(staging, live)
    link_all([("people/a/", False)], trees)
    assert (staging / "people" / "a" / "index.html").read_bytes() == b"kept"
    with pytest.raises(RuntimeError, match="left the live site"):
        link_all([("people/b/", False)], trees)


def test_the_forked_process_says_when_its_pages_can_be_collected(tmp_path: Path) -> None:
    """The build places the site-wide pages between the files it renders as soon as the
    forked process has sent them, and must not wait for them before."""
    gate = tmp_path / "go"

    def gated() -> bytes:
        while not gate.exists():
            time.sleep(0.01)
        return b"rendered there"

    outputs = [pid_output("a.html", render=gated)]
    early = EarlyPages.start(lambda: outputs)
    try:
        served = list(early.serve(outputs))
        assert served[0].ready is not None and not served[0].ready()  # still rendering
        gate.touch()
        deadline = time.monotonic() + 30
        while not served[0].ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert served[0].ready() and served[0].render() == b"rendered there"
    finally:
        early.close()


def test_links_made_while_rendering_fail_the_build_once_it_has_rendered(tmp_path: Path) -> None:
    live, staging = tmp_path / "live", tmp_path / "staging"
    (live / "people" / "a").mkdir(parents=True)
    staging.mkdir()
    (live / "people" / "a" / "index.html").write_bytes(b"kept")
    trees = Trees(staging, live)
    with linking([("people/a/", False)], trees):
        rendered = True
    assert (staging / "people" / "a" / "index.html").read_bytes() == b"kept"
    with pytest.raises(RuntimeError, match="left the live site"), linking([("people/b/", False)], trees):
        rendered = "and then the links fail"
    assert rendered == "and then the links fail"


def test_render_groups_start_with_the_site_wide_then_the_heavy_outputs() -> None:
    pending = [(pid_output(path, unit), path) for path, unit in
               [("people/a/", "entity:a"), ("a.html", GLOBAL), ("people/a/feed.xml", "entity:a")]]
    shard = Output("search/2026-01.json", lambda: b"{}", "month:2026-01", heavy=True)
    pending.insert(1, (shard, shard.path))
    assert _groups(pending) == [[2], [1], [0, 3]]


def test_a_plan_gives_the_keys_of_the_units_it_wants_of_a_kind() -> None:
    from wirebrief.site.changes import Plan

    plan = Plan(False, {}, {}, {"entity:b", "entity:a", "entity:a:2", "article:a", "global"})
    assert plan.keys("entity") == ["a", "b"]  # not the archive page entity:a:2
    assert plan.keys("article") == ["a"] and plan.keys("topic") == []


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    """The build pauses the collector and freezes its corpus (build._Collector); neither
    outlives it, so a process that builds again can free the old corpus."""
    seed(tmp_path, 12)
    try:
        for enabled in (True, False, True):
            gc.enable() if enabled else gc.disable()
            build(tmp_path)
            add_articles(tmp_path, 900 + enabled, 1)
            assert gc.isenabled() == enabled and gc.get_freeze_count() == 0
    finally:
        gc.enable()
