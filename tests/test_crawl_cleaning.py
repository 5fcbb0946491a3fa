"""Pages cleaned while the crawl goes on: stored with the page, used by the extract stage."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from extract import clean_html
from tests.conftest import cli, write_config
from wirebrief.demo.server import DemoServer

pytestmark = pytest.mark.xdist_group("crawl-cleaning")


def pages(database: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(database) as conn:
        return list(conn.execute("select coalesce(final_url, url), html, cleaned from pages order by url"))


def test_crawl_stores_each_page_cleaned_as_the_extractor_would(tmp_path: Path,
                                                               demo_server: DemoServer) -> None:
    config = write_config(tmp_path, demo_server.base_url)
    cli("crawl", "--config", str(config))
    stored = pages(tmp_path / "wirebrief.db")
    assert stored and all(cleaned for _, _, cleaned in stored)
    for url, html, cleaned in stored[:8]:
        assert json.loads(cleaned or "") == dataclasses.asdict(clean_html(html, url))


def test_extract_starts_from_the_cleaned_page_and_extract_all_cleans_again(
        tmp_path: Path, demo_server: DemoServer) -> None:
    config = write_config(tmp_path, demo_server.base_url)
    database = tmp_path / "wirebrief.db"
    cli("crawl", "--config", str(config))
    url, _, cleaned = next(p for p in pages(database) if "coast-guard" in p[0])
    article = json.loads(cleaned or "")
    article["text"] = "MARKER paragraph about the navy and the coast guard.\n" + article["text"]
    with sqlite3.connect(database) as conn:
        conn.execute("update pages set cleaned = ? where coalesce(final_url, url) = ?",
                     [json.dumps(article), url])
    cli("extract", "--config", str(config))
    with sqlite3.connect(database) as conn:
        texts = [row[0] for row in conn.execute("select text from articles")]
    assert sum("MARKER" in text for text in texts) == 1
    cli("extract", "--all", "--config", str(config))
    with sqlite3.connect(database) as conn:
        assert not any("MARKER" in row[0] for row in conn.execute("select text from articles"))


def test_cleaning_can_be_left_to_the_extract_stage(tmp_path: Path, demo_server: DemoServer) -> None:
    config = write_config(tmp_path, demo_server.base_url)
    config.write_text(config.read_text().replace(
        "relevance_filter = true", "relevance_filter = true\nclean_while_crawling = false"))
    cli("run", "--config", str(config))
    stored = pages(tmp_path / "wirebrief.db")
    assert stored and not any(cleaned for _, _, cleaned in stored)
    with sqlite3.connect(tmp_path / "wirebrief.db") as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] > 20
