"""Crash safety: kill -9 at random moments of every stage, many times.

After each kill the database must pass SQLite's integrity check and hold no duplicate,
the published site must be the previous one or a complete new one, and a final
uninterrupted run must store every article: nothing lost, nothing doubled.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import WIREBRIEF, write_config
from wirebrief.demo.server import DemoServer, DemoSite, Response, serve
from wirebrief.demo.stories import load_stories

pytestmark = pytest.mark.xdist_group("kill")
KILLS = 12
SEED = 20261124


def digest(folder: Path) -> str | None:
    if not folder.exists():
        return None
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            sha.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return sha.hexdigest()


def site_is_complete(folder: Path) -> bool:
    """Every local href of every page resolves to a file: a whole site, not a half one."""
    import re

    pages = list(folder.rglob("*.html"))
    if not (folder / "index.html").exists() or not (folder / "feed.xml").exists():
        return False
    for page in pages:
        for href in re.findall(r'href="([^"#:]+)"', page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                return False
    return True


def check_database(database: Path) -> None:
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, key in (("articles", "url"), ("pages", "url"), ("quotes", "id")):
            total, distinct = conn.execute(
                f"select count(*), count(distinct {key}) from {table}").fetchone()
            assert total == distinct, table
        orphans = conn.execute("select count(*) from mentions where article_id not in "
                               "(select id from articles)").fetchone()[0]
        assert orphans == 0


def kill_after(args: list[str], seconds: float) -> int | None:
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None


class ChangingSite(DemoSite):
    """The demo site whose feed and sitemap change (new ETag) whenever ``edition`` does."""

    edition = 0

    def route(self, path: str) -> Response:
        status, headers, body = super().route(path)
        if path in ("/feed.xml", "/sitemap.xml"):
            body += f"<!-- edition {self.edition} -->".encode()
            headers = {**headers, "ETag": f'"edition-{self.edition}"'}
        return status, headers, body


def test_random_kills_lose_and_double_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    site = ChangingSite()
    with serve(site) as server:
        config = write_config(tmp_path, server.base_url)
        database, output = tmp_path / "wirebrief.db", tmp_path / "build"
        full = _timed_full_run(server, tmp_path)
        killed = 0
        for edition in range(KILLS):
            site.edition = edition
            _reset_some_work(database)
            before = digest(output)
            # A reset run has a third to two thirds of a full run's work: kill within the
            # first half of a full run's time so that most kills land mid-run, in any stage,
            # even when the timed run was slowed by other work on the machine.
            code = kill_after([WIREBRIEF, "run", "--config", str(config)],
                              rng.uniform(0.15, 0.5 * full))
            killed += code is None
            check_database(database)
            assert digest(output) == before or site_is_complete(output)
        site.edition = KILLS
        subprocess.run([WIREBRIEF, "run", "--config", str(config)], check=True,
                       capture_output=True, timeout=300)
        check_database(database)
        _assert_every_article_stored(database, server)
        assert site_is_complete(output)
    print(f"kill test: {KILLS} runs, {killed} killed mid-run, integrity failures 0, lost 0")
    assert killed >= KILLS // 3, "too few runs were killed mid-run to test anything"


def _timed_full_run(server: DemoServer, folder: Path) -> float:
    """Time one run on a scratch copy, to spread the kills over every stage."""
    scratch = folder / "scratch"
    scratch.mkdir()
    config = write_config(scratch, server.base_url)
    started = time.monotonic()
    subprocess.run([WIREBRIEF, "run", "--config", str(config)], check=True, capture_output=True,
                   timeout=300)
    return time.monotonic() - started


def _reset_some_work(database: Path) -> None:
    """Forget part of what was done so each run has crawling and extracting to do."""
    if not database.exists():
        return
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        gone = [row[0] for row in conn.execute("select url from pages where rowid % 3 = 0")]
        marks = ",".join("?" for _ in gone)
        ids = f"(select id from articles where url in ({marks}))"
        for table in ("mentions", "quotes", "events", "agreement_mentions"):
            conn.execute(f"delete from {table} where article_id in {ids}", gone)
        conn.execute(f"delete from articles where url in ({marks})", gone)
        conn.execute(f"delete from failures where url in ({marks})", gone)
        conn.execute(f"delete from pages where url in ({marks})", gone)
        conn.execute("update pages set extracted_at = null where rowid % 3 = 1")


def _assert_every_article_stored(database: Path, server: DemoServer) -> None:
    on_topic = {server.base_url + s.path for s in load_stories() if "off-topic" not in s.tags}
    with sqlite3.connect(database) as conn:
        stored = {row[0] for row in conn.execute("select url from articles")}
        lost = sorted(on_topic - stored)
        why = {url: (conn.execute("select extracted_at from pages where url = ?", [url]).fetchall(),
                     conn.execute("select reason, detail from failures where url = ?", [url]).fetchall())
               for url in lost}
    assert stored == on_topic, why
