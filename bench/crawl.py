#!/usr/bin/env python3
"""Crawl and extract benchmark: 2,000 article pages served from 127.0.0.1.

    .venv/bin/python bench/crawl.py [--pages N] [--workers N]

Measures, in one run on this machine and on the same pages:
  1. the baselines, in this process: trafilatura's extraction alone, and spaCy alone (the
     extractor's pipeline, loaded beforehand, over trafilatura's text of each page);
  2. `wirebrief crawl`, which fetches and stores (pages per second, and as a ratio of
     each baseline's rate);
  3. `wirebrief extract`, which cleans each stored page and extracts its facts in
     ``--workers`` processes (default: the config's default, one per usable core), and
     the two stages together;
  4. a second crawl over the unchanged site (articles fetched; its time as a share of
     the first crawl's);
  5. the crawl's and the extract stage's peak memory (largest process).
Prints figures only.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WIREBRIEF = str(Path(sys.executable).with_name("wirebrief"))

from extract.nlp import get_nlp  # noqa: E402
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


def write_config(folder: Path, base: str, workers: int | None) -> Path:
    config = folder / "wirebrief.toml"
    extract = f"[extract]\nworkers = {workers}\n" if workers else ""
    config.write_text(f"""
[site]
database = "bench.db"
[crawl]
delay = 0
autothrottle = false
concurrency_per_domain = 16
max_pages_per_source = 100000
{extract}
[[sources]]
name = "Bench Wire"
sitemaps = ["{base}/sitemap.xml"]
allowed_domains = ["127.0.0.1"]
""")
    return config


def timed(command: str, config: Path) -> tuple[float, float]:
    """(seconds, peak MiB of its largest process) of one `wirebrief` command."""
    argv = [WIREBRIEF, command, "--config", str(config)]
    script = (f"import resource, subprocess; subprocess.run({argv!r}, check=True, capture_output=True); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    return time.perf_counter() - started, int(out.stdout) / 1024


def baselines(htmls: list[str]) -> tuple[float, float]:
    """Seconds of trafilatura alone and of spaCy alone (over trafilatura's texts)."""
    started = time.perf_counter()
    texts = [trafilatura.extract(html, include_comments=False) or "" for html in htmls]
    trafilatura_seconds = time.perf_counter() - started
    nlp = get_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return trafilatura_seconds, time.perf_counter() - started


def rate_line(label: str, seconds: float, pages: int, bases: dict[str, float]) -> str:
    rate = pages / seconds
    ratios = ", ".join(f"{rate / base:.2f} of {name}" for name, base in bases.items())
    return f"{label:<34}{seconds:8.2f} s {rate:8.1f} pages/s" + (f"  ({ratios})" if ratios else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    site = PrerenderedSite(many_stories(args.pages))
    with serve(site) as server, tempfile.TemporaryDirectory() as tmp:
        htmls = [site.route(s.path)[2].decode() for s in site.stories]
        site.route("/sitemap.xml")
        trafilatura_seconds, spacy_seconds = baselines(htmls)
        config = write_config(Path(tmp), server.base_url, args.workers)
        crawl_seconds, crawl_mib = timed("crawl", config)
        with sqlite3.connect(Path(tmp) / "bench.db") as conn:
            stored = conn.execute("select count(*) from pages").fetchone()[0]
        extract_seconds, extract_mib = timed("extract", config)
        with sqlite3.connect(Path(tmp) / "bench.db") as conn:
            articles = conn.execute("select count(*) from articles").fetchone()[0]
        before = len(server.requests)
        second_seconds, _ = timed("crawl", config)
        refetched = [p for p in server.requests[before:] if p.startswith("/news/")]

    n = args.pages
    bases = {"trafilatura": n / trafilatura_seconds, "spaCy": n / spacy_seconds}
    print(f"pages served {n}, stored {stored}, articles {articles}, "
          f"extract workers {args.workers or 'default (one per usable core)'}")
    print(rate_line("trafilatura alone", trafilatura_seconds, n, {}))
    print(rate_line("spaCy alone (NER, nlp.pipe)", spacy_seconds, n, {}))
    print(rate_line("crawl (fetch + store)", crawl_seconds, n, bases))
    print(rate_line("extract (clean + facts + store)", extract_seconds, n, bases))
    print(rate_line("crawl + extract", crawl_seconds + extract_seconds, n, bases))
    print(f"second crawl (unchanged site)   {second_seconds:8.2f} s  "
          f"{second_seconds / crawl_seconds:.1%} of the first crawl, articles refetched {len(refetched)}")
    print(f"peak memory                      crawl {crawl_mib:.0f} MiB, extract {extract_mib:.0f} MiB "
          "(largest process)")


if __name__ == "__main__":
    main()
