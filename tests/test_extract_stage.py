"""The crawl only fetches and stores; the extract stage cleans and extracts each page once,
in a pool of workers, and the store it writes does not depend on how many."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import cli, write_config
from wirebrief.config import ExtractConfig
from wirebrief.demo.server import DemoServer

pytestmark = pytest.mark.xdist_group("extract-stage")

# What an extraction writes, without the times it was written at.
ARTICLES = ("select id, url, page_url, source, title, text, summary, published, agency, authors, "
            "dateline_place, dateline_date, language, story_id, topics, minhash from articles order by id")
FACTS = ("select article_id, entity_id, name, titles, evidence from mentions order by 1, 2",
         "select id, article_id, speaker_id, text, evidence from quotes order by id",
         "select id, article_id, date, what, place_id from events order by id",
         "select article_id, agreement_id, status, parties from agreement_mentions order by 1, 2",
         "select url, reason, detail from failures order by url, reason")


def rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as conn:
        return list(conn.execute(sql))


def test_the_crawl_stores_raw_pages_and_extracts_nothing(tmp_path: Path,
                                                         demo_server: DemoServer) -> None:
    config = write_config(tmp_path, demo_server.base_url)
    cli("crawl", "--config", str(config))
    database = tmp_path / "wirebrief.db"
    pages = rows(database, "select html, extracted_at from pages")
    assert len(pages) > 20 and all(html and extracted is None for html, extracted in pages)
    assert rows(database, "select count(*) from articles") == [(0,)]
    assert "cleaned" not in {row[1] for row in rows(database, "pragma table_info(pages)")}


def test_two_workers_store_exactly_what_one_worker_stores(tmp_path: Path,
                                                          demo_server: DemoServer) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    cli("crawl", "--config", str(write_config(one, demo_server.base_url)))
    shutil.copytree(one, two)
    for folder, workers in ((one, 1), (two, 2)):
        config = write_config(folder, demo_server.base_url, f"[extract]\nworkers = {workers}")
        result = cli("extract", "--config", str(config))
        assert "articles" in result.stdout
    articles = rows(one / "wirebrief.db", ARTICLES)
    assert len(articles) > 20
    assert rows(two / "wirebrief.db", ARTICLES) == articles
    for sql in FACTS:
        assert rows(two / "wirebrief.db", sql) == rows(one / "wirebrief.db", sql), sql
    assert rows(two / "wirebrief.db", "select count(*) from pages where extracted_at is null") == [(0,)]


def test_workers_default_to_the_usable_cores() -> None:
    import os

    assert ExtractConfig().resolved_workers() == len(os.sched_getaffinity(0))
    assert ExtractConfig(workers=3).resolved_workers() == 3
