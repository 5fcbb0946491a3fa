"""Discovery and incremental crawling: autodiscovery, conditional GET, freshness, caps."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import cli
from wirebrief.demo.server import DemoServer
from wirebrief.demo.stories import load_stories

pytestmark = pytest.mark.xdist_group("demo")
STORIES = load_stories()


def config_for(folder: Path, source: str, crawl: str = "") -> Path:
    path = folder / "wirebrief.toml"
    path.write_text(f"""
[site]
database = "wirebrief.db"
[crawl]
delay = 0
autothrottle = false
concurrency_per_domain = 8
{crawl}
[[sources]]
name = "Demo Wire"
allowed_domains = ["127.0.0.1"]
{source}
""", encoding="utf-8")
    return path


def article_paths(requests: list[str]) -> list[str]:
    return [p for p in requests if p.startswith("/news/")]


def test_home_page_autodiscovers_feed_and_sitemap(tmp_path: Path, demo_server: DemoServer) -> None:
    config = config_for(tmp_path, f'home = "{demo_server.base_url}/"')
    start = len(demo_server.requests)
    cli("crawl", "--config", str(config))
    requests = demo_server.requests[start:]
    assert "/feed.xml" in requests and "/sitemap.xml" in requests
    assert sorted(set(article_paths(requests))) == sorted(s.path for s in STORIES)


def test_unchanged_feeds_cost_one_304_each(tmp_path: Path, demo_server: DemoServer) -> None:
    base = demo_server.base_url
    config = config_for(tmp_path, f'feeds = ["{base}/feed.xml"]\nsitemaps = ["{base}/sitemap.xml"]')
    cli("crawl", "--config", str(config))
    start = len(demo_server.requests)
    cli("crawl", "--config", str(config))
    second = demo_server.requests[start:]
    assert article_paths(second) == []
    with sqlite3.connect(tmp_path / "wirebrief.db") as conn:
        last_run = conn.execute("select max(id) from runs").fetchone()[0]
        statuses = conn.execute("select kind, status from fetches where run_id = ? order by kind",
                                [last_run]).fetchall()
    assert statuses == [("feed", 304), ("sitemap", 304)]


def test_max_age_skips_old_entries(tmp_path: Path, demo_server: DemoServer) -> None:
    days = 5
    config = config_for(tmp_path, f'sitemaps = ["{demo_server.base_url}/sitemap.xml"]',
                        crawl=f"max_age_days = {days}")
    start = len(demo_server.requests)
    cli("crawl", "--config", str(config))
    cutoff = datetime.now(UTC) - timedelta(days=days)
    expected = {s.path for s in STORIES if s.published >= cutoff}
    assert set(article_paths(demo_server.requests[start:])) == expected


def test_per_run_cap_takes_the_newest_first(tmp_path: Path, demo_server: DemoServer) -> None:
    config = config_for(tmp_path, f'sitemaps = ["{demo_server.base_url}/sitemap.xml"]\nmax_pages = 5')
    start = len(demo_server.requests)
    cli("crawl", "--config", str(config))
    fetched = set(article_paths(demo_server.requests[start:]))
    newest = {s.path for s in sorted(STORIES, key=lambda s: s.published, reverse=True)[:5]}
    assert fetched == newest


def test_section_pages_are_followed_through_pagination(tmp_path: Path,
                                                       demo_server: DemoServer) -> None:
    base = demo_server.base_url
    rule = f'{{ url = "{base}/section/", article_links = "/news/", next_page = "a.next", max_pages = 20 }}'
    config = config_for(tmp_path, f"pages = [{rule}]")
    start = len(demo_server.requests)
    cli("crawl", "--config", str(config))
    requests = demo_server.requests[start:]
    assert "/section/page/2/" in requests
    assert sorted(set(article_paths(requests))) == sorted(s.path for s in STORIES)


def test_user_agent_names_the_contact_url(tmp_path: Path, demo_server: DemoServer) -> None:
    config = config_for(tmp_path, f'feeds = ["{demo_server.base_url}/feed.xml"]',
                        crawl='contact_url = "https://briefing.example/contact"')
    start = len(demo_server.agents)
    cli("crawl", "--config", str(config))
    agents = set(demo_server.agents[start:])
    assert agents == {"wirebrief/0.1 (+https://briefing.example/contact)"}
