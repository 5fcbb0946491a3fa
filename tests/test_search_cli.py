"""`wirebrief search`: the reader of the FTS5 index, run on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import cli
from wirebrief.store import open_db
from wirebrief.store.articles import save_article

ARTICLES = [
    ("https://wire.example/navy", "Navy frigates sail for the Baltic", "2026-11-20",
     "Two frigates sailed from Kiel on Monday to patrol undersea cables, the navy said."),
    ("https://wire.example/border", "Border talks resume", "2026-11-21",
     "Diplomats met in Geneva to resume border talks; no frigate was mentioned by name."),
    ("https://wire.example/budget", "Defence budget approved", "2026-11-19",
     "Parliament approved the defence budget, including money for new submarines."),
]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    config = tmp_path / "wirebrief.toml"
    config.write_text('[site]\ndatabase = "w.db"\n', encoding="utf-8")
    db = open_db(tmp_path / "w.db")
    with db.atomic():
        for url, title, published, text in ARTICLES:
            save_article(db, {"url": url, "title": title, "text": text, "published": published},
                         page_url=url, source="Demo Wire", run_id=None)
    db.close()
    return config


def test_search_prints_date_source_title_url_and_a_snippet(store: Path) -> None:
    result = cli("search", "frigates", "--config", str(store))
    lines = result.stdout.splitlines()
    assert lines[0] == "2026-11-20  Demo Wire  Navy frigates sail for the Baltic"
    assert lines[1].strip() == "https://wire.example/navy"
    assert "patrol undersea cables" in lines[2]
    assert "Border talks resume" in result.stdout  # "frigate" matches "frigates" (porter stemming)
    assert "Defence budget" not in result.stdout


def test_search_json_gives_one_object_per_line_within_the_limit(store: Path) -> None:
    result = cli("search", "frigate OR submarines", "--json", "--limit", "2", "--config", str(store))
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 2
    assert set(hits[0]) == {"id", "date", "source", "title", "url", "snippet"}
    every = cli("search", "title:budget", "--json", "--config", str(store)).stdout.splitlines()
    assert [json.loads(line)["url"] for line in every] == ["https://wire.example/budget"]


def test_no_match_is_not_an_error(store: Path) -> None:
    result = cli("search", "helicopter", "--config", str(store))
    assert result.stdout == "" and "no article matches" in result.stderr
    assert cli("search", "helicopter", "--json", "--config", str(store)).stdout == ""


@pytest.mark.parametrize("query", ['"unclosed', "AND", "nosuchcolumn:navy"])
def test_a_query_fts5_cannot_parse_is_one_clear_line(store: Path, query: str) -> None:
    result = cli("search", query, "--config", str(store), check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("wirebrief: error: invalid search query")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_search_without_a_store_says_so(tmp_path: Path) -> None:
    config = tmp_path / "wirebrief.toml"
    config.write_text('[site]\ndatabase = "missing.db"\n', encoding="utf-8")
    result = cli("search", "navy", "--config", str(config), check=False)
    assert result.returncode == 1 and "no database at" in result.stderr
    assert not (tmp_path / "missing.db").exists()
