"""The crawl against a fault-injecting site: it completes, keeps every good article once,
and records every bad fetch with the right reason."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import cli
from tests.fault_site import FAULTS, OUTLETS, FaultSite
from wirebrief.demo.server import DemoServer, serve

pytestmark = pytest.mark.xdist_group("faults")


@dataclass
class FaultRun:
    site: FaultSite
    server: DemoServer
    database: Path
    config: Path
    stdout: str
    second_requests: list[str]


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    folder = tmp_path_factory.mktemp("faults")
    site = FaultSite()
    with serve(site) as server:
        base = server.base_url
        outlets = "\n".join(
            f'[[sources]]\nname = "{o.title()}"\nfeeds = ["{base}/{o}/feed.xml"]\n' for o in OUTLETS)
        config = folder / "wirebrief.toml"
        config.write_text(f"""
[site]
database = "wirebrief.db"
output = "build"
[crawl]
delay = 0
autothrottle = false
concurrency_per_domain = 8
download_timeout = 2
retry_times = 1
max_redirects = 3
max_page_bytes = 5000000
[[sources]]
name = "Faulty Wire"
feeds = ["{base}/fault/feed.xml", "{base}/fault/broken-feed.xml"]
sitemaps = ["{base}/fault/sitemap-index.xml"]
allowed_domains = ["127.0.0.1"]
{outlets}
""", encoding="utf-8")
        result = cli("run", "--config", str(config), timeout=240)
        middle = len(server.requests)
        cli("run", "--config", str(config), timeout=240)
        yield FaultRun(site, server, folder / "wirebrief.db", config, result.stdout,
                       server.requests[middle:])


def query(run: FaultRun, sql: str) -> list[tuple]:
    with sqlite3.connect(run.database) as conn:
        return conn.execute(sql).fetchall()


def test_good_articles_are_stored_once(fault_run: FaultRun) -> None:
    base = fault_run.server.base_url
    urls = {r[0] for r in query(fault_run, "select url from pages")}
    expected = {base + p for p in fault_run.site.good_paths()}
    expected |= {f"{base}/fault/429", f"{base}/fault/latin1", f"{base}/fault/empty"}
    expected |= {f"{base}/{o}/wire-story.html" for o in OUTLETS}
    assert urls == expected
    for path in fault_run.site.good_paths():
        assert fault_run.site.hits[path] == 1, path


def test_every_fault_is_recorded_with_its_reason(fault_run: FaultRun) -> None:
    base = fault_run.server.base_url
    recorded = {(url, reason) for url, reason in query(fault_run, "select url, reason from failures")}
    for path, reason in FAULTS.items():
        assert (base + path, reason) in recorded, (path, reason, recorded)
    statuses = {r[0] for r in query(fault_run, "select status from failures where url like '%/fault/500'")}
    assert statuses == {500}


def test_broken_feed_is_recorded_and_the_run_goes_on(fault_run: FaultRun) -> None:
    rows = query(fault_run, "select reason, detail from failures where url like '%broken-feed.xml'")
    assert rows and rows[0][0] == "no_article" and "broken feed" in rows[0][1]


def test_429_is_retried_after_the_wait_it_asks_for(fault_run: FaultRun) -> None:
    assert fault_run.site.hits["/fault/429"] == 2
    assert not query(fault_run, "select 1 from failures where url like '%/fault/429'")


def test_wrong_charset_page_is_decoded(fault_run: FaultRun) -> None:
    html = query(fault_run, "select html from pages where url like '%/fault/latin1'")[0][0]
    assert "São Paulo" in html and "Zürich" in html


def test_one_story_on_three_outlets_is_one_story(fault_run: FaultRun) -> None:
    rows = query(fault_run, "select source, story_id from articles where title like '%"
                 + fault_run.site.wire_story.title[:30].replace("'", "''") + "%'")
    assert {source for source, _ in rows} >= {o.title() for o in OUTLETS}
    assert len({story for _, story in rows}) == 1


def test_second_run_refetches_nothing_bad_or_good_that_is_stored(fault_run: FaultRun) -> None:
    articles = [p for p in fault_run.second_requests if p.startswith("/news/")]
    assert articles == []


def test_status_reports_failures_by_reason(fault_run: FaultRun) -> None:
    report = json.loads(cli("status", "--json", "--config", str(fault_run.config)).stdout)
    faulty = next(s for s in report["sources"] if s["name"] == "Faulty Wire")
    for reason in set(FAULTS.values()):
        assert faulty["failures"].get(reason, 0) >= 1, reason
    assert faulty["articles"] >= 5
