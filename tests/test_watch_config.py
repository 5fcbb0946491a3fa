"""A bad watch is one config error line naming the key and the line, before anything runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import cli
from wirebrief.config import ConfigError, load_config

BASE = """\
[site]
title = "Watch test"

[topics]
"maritime security" = ["navy", "piracy"]
"cyber" = ["hackers"]

"""

GOOD = """\
[[watch]]
name = "Red Sea shipping"
query = '"Red Sea" OR Houthi*'
entities = ["EUNAVFOR"]
topics = ["Maritime Security"]
sources = []
notify = true
"""


def load(tmp_path: Path, watches: str) -> None:
    path = tmp_path / "wirebrief.toml"
    path.write_text(BASE + watches, encoding="utf-8")
    load_config(path)


def error(tmp_path: Path, watches: str) -> str:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, watches)
    message = str(caught.value)
    assert "\n" not in message
    return message


def line_of(watches: str, text: str, nth: int = 1) -> int:
    lines = (BASE + watches).splitlines()
    found = [number for number, line in enumerate(lines, 1) if line.startswith(text)]
    return found[nth - 1]


def test_the_documented_watch_loads_with_its_slug(tmp_path: Path) -> None:
    path = tmp_path / "wirebrief.toml"
    path.write_text(BASE + GOOD, encoding="utf-8")
    watch = load_config(path).watch[0]
    assert watch.slug == "red-sea-shipping"
    assert watch.notify and watch.entities == ["EUNAVFOR"] and watch.sources == []


def test_unknown_key(tmp_path: Path) -> None:
    watches = GOOD + 'keywords = ["navy"]\n'
    message = error(tmp_path, watches)
    assert f"wirebrief.toml:{line_of(watches, 'keywords')}: watch.0.keywords:" in message


def test_nothing_to_match_on(tmp_path: Path) -> None:
    watches = GOOD + '\n[[watch]]\nname = "Empty"\nsources = []\nnotify = true\n'
    message = error(tmp_path, watches)
    assert f"wirebrief.toml:{line_of(watches, '[[watch]]', 2)}: watch.1:" in message
    assert "nothing to match on" in message


@pytest.mark.parametrize("query", ['"Red Sea', "AND OR", "nosuchcolumn: navy", "  "])
def test_fts5_syntax_error(tmp_path: Path, query: str) -> None:
    watches = GOOD.replace("""query = '"Red Sea" OR Houthi*'""", f"query = '{query}'")
    message = error(tmp_path, watches)
    assert f"wirebrief.toml:{line_of(watches, 'query')}: watch.0.query:" in message


def test_topic_not_in_the_configured_taxonomy(tmp_path: Path) -> None:
    # "nuclear" is a built-in topic, but this config replaces the taxonomy.
    watches = GOOD + '\n[[watch]]\nname = "Atoms"\ntopics = ["nuclear"]\n'
    message = error(tmp_path, watches)
    assert f"wirebrief.toml:{line_of(watches, 'topics', 2)}: watch.1.topics:" in message
    assert "'nuclear'" in message and "maritime security" in message


def test_duplicate_name_and_duplicate_slug(tmp_path: Path) -> None:
    same_name = GOOD + '\n[[watch]]\nname = "red sea shipping"\nquery = "navy"\n'
    message = error(tmp_path, same_name)
    assert f"wirebrief.toml:{line_of(same_name, 'name', 2)}: watch.1.name:" in message
    same_slug = GOOD + '\n[[watch]]\nname = "Red Sea: shipping!"\nquery = "navy"\n'
    message = error(tmp_path, same_slug)
    assert "watch.1.name" in message and "red-sea-shipping" in message


def test_a_bad_watch_stops_the_run_before_anything_runs(tmp_path: Path) -> None:
    config = tmp_path / "wirebrief.toml"
    config.write_text(BASE + GOOD.replace("Houthi*'", "Houthi* AND'"), encoding="utf-8")
    result = cli("run", "--config", str(config), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith(f"wirebrief: error: {config}:")
    assert "watch.0.query" in result.stderr
    assert not (tmp_path / "wirebrief.db").exists()


def test_digest_settings_are_checked_too(tmp_path: Path) -> None:
    message = error(tmp_path, '[digest]\nfrom = "briefing@example.org\\r\\nBcc: x@example.org"\n')
    assert "digest.from" in message
    message = error(tmp_path, '[digest]\nafter_run = true\n')
    assert "digest" in message and "after_run needs from and to" in message
    message = error(tmp_path, '[digest]\npassword_env = "hunter2 is my password"\n')
    assert "digest.password_env" in message
