"""Shared fixtures: the demo wire site on 127.0.0.1, configs pointing at it, the CLI.

The crawl runs in a subprocess (Scrapy's reactor starts once per process), exactly as a
user or cron runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wirebrief.demo.server import DemoServer, serve

ROOT = Path(__file__).resolve().parents[1]
WIREBRIEF = str(Path(sys.executable).with_name("wirebrief"))
CHROMIUM = "/usr/bin/chromium"
# As root, in a closed network: no sandbox, and nothing that phones home at start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def write_config(folder: Path, base_url: str, extra: str = "", **site: str) -> Path:
    """A config for the demo site served at ``base_url``, database and output in ``folder``."""
    site_lines = "\n".join(f'{k} = "{v}"' for k, v in site.items())
    text = f"""
[site]
title = "Test Briefing"
base_url = "https://example.org/briefing/"
output = "build"
database = "wirebrief.db"
briefing_days = 30
{site_lines}

[crawl]
delay = 0
autothrottle = false
concurrency_per_domain = 8
download_timeout = 10
relevance_filter = true

[[sources]]
name = "Demo Wire"
agency = "UNI"
feeds = ["{base_url}/feed.xml"]
sitemaps = ["{base_url}/sitemap.xml"]
pages = [{{ url = "{base_url}/section/", article_links = "/news/", next_page = "a.next" }}]
allowed_domains = ["127.0.0.1"]
{extra}
"""
    path = folder / "wirebrief.toml"
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args: str, check: bool = True, timeout: float = 300,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `wirebrief` command as a user would."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    result = subprocess.run([WIREBRIEF, *args], capture_output=True, text=True,
                            timeout=timeout, cwd=cwd, env=env)
    if check and result.returncode != 0:
        raise AssertionError(
            f"wirebrief {' '.join(args)} exited {result.returncode}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return result


@dataclass
class DemoRun:
    """A finished `wirebrief run` against the demo site, shared by many tests."""

    folder: Path
    config: Path
    server: DemoServer
    first_requests: list[str]
    second_requests: list[str]
    first_output: str
    second_output: str

    @property
    def database(self) -> Path:
        return self.folder / "wirebrief.db"

    @property
    def site(self) -> Path:
        return self.folder / "build"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one per test module."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    with serve() as server:
        yield server


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory, demo_server: DemoServer) -> DemoRun:
    """Two ticks of the whole pipeline over the demo site (the second should fetch no article)."""
    folder = tmp_path_factory.mktemp("demo-run")
    config = write_config(folder, demo_server.base_url)
    start = len(demo_server.requests)
    first = cli("run", "--config", str(config))
    middle = len(demo_server.requests)
    second = cli("run", "--config", str(config))
    return DemoRun(folder, config, demo_server, demo_server.requests[start:middle],
                   demo_server.requests[middle:], first.stdout, second.stdout)
