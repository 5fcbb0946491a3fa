"""The status report's reads live in the store and each uses an index, whatever the store's size."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirebrief.config import Config, SourceConfig
from wirebrief.status import status_report
from wirebrief.store import connect, open_db
from wirebrief.store.articles import save_article
from wirebrief.store.pages import record_failure, record_fetch
from wirebrief.store.runs import finish_run, start_run
from wirebrief.store.status import QUERIES

TABLES = ("articles", "fetches", "failures", "pages")


def plan(conn: sqlite3.Connection, sql: str) -> list[str]:
    params = [1] * sql.count("?")
    return [row[3] for row in conn.execute(f"explain query plan {sql}", params)]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_each_status_query_reads_an_index_not_a_table(tmp_path: Path, name: str) -> None:
    conn = connect(tmp_path / "w.db")
    steps = plan(conn, QUERIES[name])
    for table in TABLES:
        scans = [step for step in steps if step.startswith(f"SCAN {table}")]
        assert all("INDEX" in step for step in scans), (name, steps)
    conn.close()


def test_the_report_counts_per_source_and_warns_of_a_silent_one(tmp_path: Path) -> None:
    db = open_db(tmp_path / "w.db")
    first = start_run(db.conn, "crawl")
    for number in range(2):
        url = f"https://wire.example/{number}"
        record_fetch(db.conn, run_id=first, source="Wire", url=url, kind="article", status=200)
        with db.atomic():
            save_article(db, {"url": url, "title": f"Story {number}", "text": "Navy news."},
                         page_url=url, source="Wire", run_id=first)
    record_failure(db.conn, run_id=first, source="Wire", url="https://wire.example/x", reason="timeout")
    finish_run(db.conn, first, "ok", {})
    for _ in range(3):
        finish_run(db.conn, start_run(db.conn, "crawl"), "ok", {})
    config = Config(sources=[SourceConfig(name="Wire"), SourceConfig(name="Quiet")])
    report = status_report(db, config)
    wire, quiet = report["sources"]
    assert {k: v for k, v in wire.items() if k != "warning"} == {
        "name": "Wire", "articles": 2, "pages_fetched": 2, "new_articles": 0,
        "failures": {"timeout": 1}}
    assert wire["warning"] and "no new articles in the last 3 runs" in wire["warning"]
    assert quiet == {"name": "Quiet", "articles": 0, "pages_fetched": 0, "new_articles": 0,
                     "failures": {}, "warning": None}
    assert [run["id"] for run in report["runs"]] == [4, 3, 2, 1]
    db.close()
