"""Config loading: the documented shape works as written, errors name the key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import cli
from wirebrief.config import ConfigError, load_config

ISSUE_EXAMPLE = """\
[site]
title = "Defence & Security Briefing"
base_url = "https://example.org/briefing/"
output = "build"
database = "wirebrief.db"

[[sources]]
name = "Demo Wire"
agency = "UNI"                      # optional
feeds = ["http://127.0.0.1:8765/feed.xml"]
sitemaps = ["http://127.0.0.1:8765/sitemap.xml"]
pages = [{ url = "http://127.0.0.1:8765/section/", article_links = "/news/", next_page = "a.next" }]
allowed_domains = ["127.0.0.1"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "wirebrief.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_documented_shape_loads_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ISSUE_EXAMPLE))
    assert config.site.title == "Defence & Security Briefing"
    assert config.database_path == (tmp_path / "wirebrief.db").resolve()
    assert config.output_path == (tmp_path / "build").resolve()
    source = config.sources[0]
    assert source.agency == "UNI"
    assert source.pages[0].next_page == "a.next"
    assert str(source.feeds[0]) == "http://127.0.0.1:8765/feed.xml"


def test_bad_value_names_key_and_line(tmp_path: Path) -> None:
    text = ISSUE_EXAMPLE + '\n[crawl]\ndelay = "slow"\n'
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    message = str(caught.value)
    line = text.splitlines().index('delay = "slow"') + 1
    assert f"wirebrief.toml:{line}:" in message
    assert "crawl.delay" in message


def test_bad_key_in_second_source_points_at_its_line(tmp_path: Path) -> None:
    text = ISSUE_EXAMPLE + '\n[[sources]]\nname = "Other"\nfeeds = ["not a url"]\n'
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    line = text.splitlines().index('feeds = ["not a url"]') + 1
    assert f":{line}: sources.1.feeds.0" in str(caught.value)


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"site\.colour"):
        load_config(write(tmp_path, '[site]\ncolour = "red"\n'))


def test_invalid_toml_gives_the_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="line 2"):
        load_config(write(tmp_path, "[site]\ntitle = \n"))


def test_missing_file_suggests_init(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="wirebrief init"):
        load_config(tmp_path / "absent.toml")


def test_cli_reports_a_bad_config_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[crawl]\ndelay = -1\n')
    result = cli("build", "--config", str(path), check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wirebrief: error:")
    assert "crawl.delay" in lines[0] and "Traceback" not in result.stderr


def test_init_writes_a_valid_config_with_real_sources(tmp_path: Path) -> None:
    target = tmp_path / "wirebrief.toml"
    cli("init", str(target))
    config = load_config(target)
    assert len(config.sources) >= 5
    assert "#" in target.read_text()
    again = cli("init", str(target), check=False)
    assert again.returncode == 1 and "exists" in again.stderr


def test_the_example_watchlist_and_digest_are_valid_once_uncommented(tmp_path: Path) -> None:
    """`wirebrief init` shows a commented [[watch]] and [digest]: with their lines
    uncommented (the sections' and their keys'), the config still loads."""
    target = tmp_path / "wirebrief.toml"
    cli("init", str(target))
    lines, inside = [], False
    for line in target.read_text().splitlines():
        if line in ("# [[watch]]", "# [digest]"):
            inside = True
        elif not line.startswith("# ") or not inside:
            inside = False
        lines.append(line[2:] if inside else line)
    target.write_text("\n".join(lines) + "\n")
    config = load_config(target)
    assert [w.name for w in config.watch] == ["Red Sea shipping"] and config.watch[0].notify
    assert config.digest.smtp_host == "smtp.example.org" and config.digest.password_env
