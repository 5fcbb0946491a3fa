#!/usr/bin/env python3
"""Crawl benchmark: 2,000 article pages served from 127.0.0.1.

    bench/crawl.py [--pages N]

Measures, in one run on this machine:
  1. trafilatura's extraction alone over the same pages (the baseline);
  2. `wirebrief crawl`, which fetches and stores; then every stored page is cleaned here
     with the project's cleaner, so that all of crawl + clean + store is counted, as
     pages per second and as a ratio of 1;
  3. a second run over the unchanged site (articles fetched; its time as a share of the
     first run's crawl + clean + store, and of the first crawl alone);
  4. the crawl process's peak memory.
Targets (issue 5): ratio >= 0.5; second run < 10% of the first; peak < 500 MiB.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import clean_html  # noqa: E402
from wirebrief.demo.server import DemoSite, serve  # noqa: E402
from wirebrief.demo.stories import Story, many_stories  # noqa: E402


class PrerenderedSite(DemoSite):
    """The demo site with every page rendered once up front: the server's own cost is not
    what this benchmark measures, and it shares the machine's two cores with the crawl."""

    def __init__(self, stories: list[Story]) -> None:
        super().__init__(stories)
        self.cache: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def route(self, path: str) -> tuple[int, dict[str, str], bytes]:
        if path not in self.cache:
            self.cache[path] = super().route(path)
        return self.cache[path]


def write_config(folder: Path, base: str) -> Path:
    config = folder / "wirebrief.toml"
    config.write_text(f"""
[site]
database = "bench.db"
[crawl]
delay = 0
autothrottle = false
concurrency_per_domain = 16
max_pages_per_source = 100000
[[sources]]
name = "Bench Wire"
sitemaps = ["{base}/sitemap.xml"]
allowed_domains = ["127.0.0.1"]
""")
    return config


def timed_crawl(config: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("wirebrief")), "crawl", "--config",
                    str(config)], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    site = PrerenderedSite(many_stories(args.pages))
    with serve(site) as server, tempfile.TemporaryDirectory() as tmp:
        htmls = [site.route(s.path)[2].decode() for s in site.stories]
        site.route("/sitemap.xml")
        started = time.perf_counter()
        for html in htmls:
            trafilatura.extract(html, include_comments=False)
        baseline = time.perf_counter() - started

        config = write_config(Path(tmp), server.base_url)
        crawl_seconds = timed_crawl(config)
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        conn = sqlite3.connect(Path(tmp) / "bench.db")
        stored = conn.execute("select count(*) from pages").fetchone()[0]
        started = time.perf_counter()
        for url, html in conn.execute("select url, html from pages"):
            clean_html(html, url)
        clean_seconds = time.perf_counter() - started
        before = len(server.requests)
        second_seconds = timed_crawl(config)
        refetched = [p for p in server.requests[before:] if p.startswith("/news/")]

    n = args.pages
    ours = n / (crawl_seconds + clean_seconds)
    base_rate = n / baseline
    print(f"pages served                     {n}, stored {stored}")
    print(f"trafilatura alone                {baseline:7.2f} s  {base_rate:7.1f} pages/s")
    print(f"crawl (fetch+store)              {crawl_seconds:7.2f} s")
    print(f"clean the stored pages           {clean_seconds:7.2f} s  ({stored} pages)")
    print(f"crawl + clean + store            {crawl_seconds + clean_seconds:7.2f} s  "
          f"{ours:7.1f} pages/s  ratio {ours / base_rate:.2f} (target >= 0.50)")
    first = crawl_seconds + clean_seconds
    print(f"second run (unchanged site)      {second_seconds:7.2f} s  "
          f"{second_seconds / first:.1%} of the first run's crawl + clean + store "
          f"(target < 10%; {second_seconds / crawl_seconds:.1%} of its crawl alone), "
          f"articles refetched {len(refetched)}")
    print(f"crawl peak memory                {peak_mib:7.1f} MiB (target < 500)")


if __name__ == "__main__":
    main()
