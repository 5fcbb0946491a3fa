"""Notify on new matches: real ticks of a demo site that gains a story between them, a
real notify command writing to a file, a real webhook on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from tests.conftest import DemoRun, cli, write_config
from wirebrief.config import load_config
from wirebrief.demo.server import DemoSite, serve
from wirebrief.demo.stories import load_stories
from wirebrief.watch_notify import watch_stage

pytestmark = pytest.mark.xdist_group("demo")

RED_SEA = "manama-dialogue-red-sea-shipping"


def watch_config(folder: Path, base_url: str, hook: str, extra: str = "") -> Path:
    return write_config(folder, base_url, extra=f"""
[run]
notify_command = "{hook}"
{extra}

[[watch]]
name = "Red Sea shipping"
query = '"Red Sea" OR Houthi*'
notify = true

[[watch]]
name = "Everything, quietly"
sources = ["Demo Wire"]
""")


def test_a_tick_notifies_only_stories_that_newly_match(tmp_path: Path) -> None:
    stories = load_stories()
    others = [s for s in stories if s.slug != RED_SEA and "Red Sea" not in " ".join(s.paragraphs)][:4]
    site = DemoSite(others)
    out = tmp_path / "notified.jsonl"
    with serve(site) as server:
        config = watch_config(tmp_path, server.base_url, f"cat >> {out}; echo >> {out}")
        first = cli("run", "--config", str(config))
        assert "watch:" in first.stdout
        assert not out.exists(), "nothing matched the notifying watch yet"

        site.stories = [*others, *[s for s in stories if s.slug == RED_SEA]]
        site.by_path = {s.path: s for s in site.stories}
        cli("run", "--config", str(config))
        lines = out.read_text().splitlines()
        cli("run", "--config", str(config))
    assert out.read_text().splitlines() == lines, "a third tick finds nothing new"
    payloads = [json.loads(line) for line in lines if line.strip()]
    assert len(payloads) == 1
    payload = payloads[0]
    assert payload["event"] == "watch" and payload["watch"] == "Red Sea shipping"
    assert len(payload["stories"]) == 1
    story = payload["stories"][0]
    assert story["url"] == f"https://example.org/briefing/stories/{story['id']}/"
    assert "Red Sea" in story["title"]
    assert story["reasons"] and story["reasons"][0].startswith('query "Red Sea" OR Houthi* matched')
    rows = sqlite3.connect(tmp_path / "wirebrief.db").execute(
        "select watch_slug, count(*) from watch_notified group by 1 order by 1").fetchall()
    assert rows == [("everything-quietly", 5), ("red-sea-shipping", 1)]


class _Hook(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        _Hook.received.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def webhook() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    _Hook.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def test_webhook_gets_the_payload_and_a_failing_command_fails_nothing(
        demo_run: DemoRun, tmp_path: Path, webhook: str, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    shutil.copy(demo_run.database, tmp_path / "wirebrief.db")
    monkeypatch.setenv("WIREBRIEF_TEST_WATCH_HOOK", webhook)
    config = load_config(watch_config(tmp_path, demo_run.server.base_url, "exit 3",
                                      'notify_webhook_env = "WIREBRIEF_TEST_WATCH_HOOK"'))
    counts = watch_stage(config, None)
    assert counts["notified"] >= 1 and counts["new_matches"] > counts["notified"]
    assert any("notify.failed" in r.getMessage() for r in caplog.records)
    [body] = _Hook.received
    payload = json.loads(body)
    assert payload["event"] == "watch" and payload["stories"][0]["reasons"]
    assert watch_stage(config, None) == {"new_matches": 0, "notified": 0}
    assert len(_Hook.received) == 1
