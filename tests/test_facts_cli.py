"""`wirebrief facts` prints the FACTS.md record of a demo page."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from tests.conftest import cli
from wirebrief.demo.server import DemoServer
from wirebrief.demo.stories import load_stories

RECORD_KEYS = {"url", "title", "published", "agency", "authors", "dateline", "people",
               "organizations", "places", "quotes", "events", "agreements", "topics"}


def test_facts_of_a_demo_page(tmp_path: Path, demo_server: DemoServer) -> None:
    story = next(s for s in load_stories() if s.agency == "UNI" and not s.syndicated_from)
    html = urllib.request.urlopen(demo_server.base_url + story.path, timeout=10).read()
    page = tmp_path / "page.html"
    page.write_bytes(html)
    result = cli("facts", str(page), "--text")
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) >= RECORD_KEYS
    assert record["title"] == story.title
    assert record["published"] == story.published.date().isoformat()
    assert record["agency"] == "UNI"
    assert record["dateline"]["date"] == story.published.date().isoformat()
    assert record["url"] == demo_server.base_url + story.path
    assert story.paragraphs[-1][:50] in record["text"]
    assert record["people"] and record["quotes"]


def test_facts_keeps_input_order_and_survives_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body></body></html>")
    text = tmp_path / "story.txt"
    text.write_text("LONDON (Reuters) - Defence Minister Jane Doe said on Monday that the "
                    "navy would expand patrols. \"We will be ready,\" Doe said.\n")
    result = cli("facts", str(empty), str(text))
    first, second = (json.loads(line) for line in result.stdout.strip().splitlines())
    assert "error" in first and first["people"] == []
    assert second["agency"] == "Reuters"
    assert "text" not in second
