"""What a crawl process loads before it fetches anything: a crawl of an unchanged site is
mostly start-up, so the heavy imports it does without must stay out (no timings here:
bench/crawl.py prints those)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wirebrief.store import connect, open_db
from wirebrief.store.schema import schema_complete

PROBE = """
import json, sys
from wirebrief.config import parse_config
from wirebrief.crawl import load_state
from wirebrief.crawl_settings import scrapy_settings
from scrapy.settings import Settings
from scrapy.utils.misc import load_object
config = parse_config('[site]\\ndatabase = "w.db"', __import__("pathlib").Path(sys.argv[1]))
load_state(config, None)
settings = Settings(scrapy_settings(config))
for name in ("EXTENSIONS", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES"):
    for path in settings.get_component_priority_dict_with_base(name):
        load_object(path)  # what Scrapy imports to build the crawler's components
print(json.dumps({
    "modules": sorted(m for m in ("sqlite_utils", "numpy", "aiohttp", "tldextract")
                      if m in sys.modules),
}))
"""


def test_crawl_process_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    open_db(tmp_path / "w.db").close()  # an existing store: the usual case
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "wirebrief.toml")],
                         check=True, capture_output=True, text=True, cwd=tmp_path)
    report = json.loads(out.stdout.splitlines()[-1])
    assert report["modules"] == []


def test_plain_connection_creates_a_missing_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "new.db")
    assert schema_complete(conn)
    conn.close()


def damaged_store(path: Path, *statements: str) -> None:
    """A complete store, then ``statements`` run on it: what an older or damaged one looks like."""
    open_db(path).close()
    raw = sqlite3.connect(path)
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    assert not schema_complete(raw)
    raw.close()


def test_plain_connection_completes_a_store_missing_an_index(tmp_path: Path) -> None:
    damaged_store(tmp_path / "w.db", "drop index idx_pages_extracted_at")
    conn = connect(tmp_path / "w.db")
    assert schema_complete(conn)
    conn.close()


def test_url_keys_are_remembered_and_made_again_for_a_new_normaliser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crawl normalises each stored URL once; a changed normaliser makes the keys again."""
    from wirebrief import crawl
    from wirebrief.store.pages import url_keys

    conn = connect(tmp_path / "w.db")
    conn.execute("insert into pages (url, html) values (?, '')", ["https://a.example/x?utm_source=feed"])
    conn.commit()
    assert crawl.seen_keys(conn) == {"https://a.example/x"}
    version = crawl.NORMALIZER_VERSION
    assert url_keys(conn, version) == {"https://a.example/x?utm_source=feed": "https://a.example/x"}
    conn.execute("update url_keys set key = 'https://stale.example/'")
    conn.commit()
    assert crawl.seen_keys(conn) == {"https://stale.example/"}  # remembered, not normalised again
    monkeypatch.setattr(crawl, "NORMALIZER_VERSION", version + 1)
    assert crawl.seen_keys(conn) == {"https://a.example/x"}
    conn.close()


def test_a_store_of_the_previous_version_gets_the_new_columns_and_tables(tmp_path: Path) -> None:
    damaged_store(tmp_path / "w.db", "alter table pages drop column discovered_date", "drop table url_keys",
                  "update meta set value = '1' where key = 'schema_version'")
    conn = connect(tmp_path / "w.db")
    assert schema_complete(conn)
    assert "discovered_date" in {row[1] for row in conn.execute("pragma table_info(pages)")}
    conn.close()
