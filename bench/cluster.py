#!/usr/bin/env python3
"""Cluster benchmark: one crawl worker against three, over a latency-bound local site.

    bench/cluster.py [--pages N] [--latency S] [--delay S] [--concurrency C]

Each page costs the server ``--latency`` seconds (default 50 ms) to answer, and each
worker sends at most ``--concurrency`` requests at once (default 2), so one worker is
bound by latency, not by politeness: the shared per-domain delay (``--delay``, default
5 ms, the same in both runs) allows far more than one worker can send. Every run has its
own redis-server database, store and site; `wirebrief seed`, the workers and one
`wirebrief ingest` run as the real commands.

Prints, per run: the fetch window (first to last article request at the server) and pages
per second in it, the wall time from launching the workers to the writer's exit (which
includes process start-up and the idle wait before exiting), pages lost (not in the store)
and pages fetched twice. Target (issue 8): three workers >= 2x one worker; no lost and no
duplicate page in any run.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirebrief.cluster.local import RedisServer, TimedSite  # noqa: E402
from wirebrief.demo.server import serve  # noqa: E402

WIREBRIEF = str(Path(sys.executable).with_name("wirebrief"))


def config(folder: Path, base: str, delay: float, concurrency: int) -> Path:
    path = folder / "wirebrief.toml"
    path.write_text(f"""
[site]
database = "wirebrief.db"
[crawl]
delay = {delay}
autothrottle = false
concurrency_per_domain = {concurrency}
max_pages_per_source = 100000
cluster_idle_seconds = 1
cluster_lease_seconds = 5
[[sources]]
name = "Bench Wire"
sitemaps = ["{base}/sitemap.xml"]
allowed_domains = ["127.0.0.1"]
""", encoding="utf-8")
    return path


def run(workers: int, redis_url: str, args: argparse.Namespace) -> dict[str, float]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    site = TimedSite(args.pages, latency=args.latency)
    with tempfile.TemporaryDirectory() as tmp, serve(site) as server:
        folder = Path(tmp)
        path = str(config(folder, server.base_url, args.delay, args.concurrency))
        subprocess.run([WIREBRIEF, "seed", "--config", path, "--redis", redis_url],
                       check=True, capture_output=True, env=env)
        started = time.monotonic()
        commands = [["crawl"]] * workers + [["ingest"]]
        processes = [subprocess.Popen([WIREBRIEF, *c, "--config", path, "--redis", redis_url],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                     for c in commands]
        for process in processes:
            _, err = process.communicate(timeout=600)
            if process.returncode:
                raise SystemExit(f"a process failed: {err.decode()[-2000:]}")
        wall = time.monotonic() - started
        with sqlite3.connect(folder / "wirebrief.db") as conn:
            stored = {row[0] for row in conn.execute("select url from pages")}
        times = site.article_times()
        fetched = Counter(p for p in server.requests if p.startswith("/news/"))
        expected = {server.base_url + s.path for s in site.stories}
    window = max(times) - min(times)
    return {"workers": workers, "window": window, "rate": (len(times) - 1) / window,
            "wall": wall, "lost": len(expected - stored),
            "twice": sum(1 for n in fetched.values() if n > 1)}


def ingest_rate(redis_url: str, pages: int) -> float:
    """Pages per second the single writer stores, items already waiting in Redis (the
    ceiling of the whole cluster, since every page goes through it)."""
    import redis

    from scraper.distributed.keys import Keys
    from scraper.distributed.pipeline import encode_item
    from scraper.items import FetchItem, PageItem
    from wirebrief.cluster.ingest import Ingester
    from wirebrief.config import load_config
    from wirebrief.demo import pages as demo_pages

    site = TimedSite(pages)
    client = redis.Redis.from_url(redis_url)
    for story in site.stories:
        url = "http://bench.example" + story.path
        html = demo_pages.article_page("http://bench.example", story, [])
        client.rpush(Keys().items, encode_item(FetchItem("Bench Wire", url, "article", 200)),
                     encode_item(PageItem("Bench Wire", url, url, 200, "text/html", "utf-8", html)))
    with tempfile.TemporaryDirectory() as tmp:
        path = config(Path(tmp), "http://bench.example", 0, 2)
        path.write_text(path.read_text().replace("cluster_idle_seconds = 1",
                                                 "cluster_idle_seconds = 0.01"))
        started = time.monotonic()
        counts = Ingester(load_config(path), redis_url, None).run()
        elapsed = time.monotonic() - started
    assert counts["pages"] == pages, counts
    return pages / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--delay", type=float, default=0.005)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()
    print(f"{args.pages} pages, {args.latency * 1000:.0f} ms per page at the server, "
          f"{args.concurrency} concurrent requests per worker, shared delay "
          f"{args.delay * 1000:.0f} ms (limit {1 / args.delay:.0f} requests/s)")
    results = []
    with RedisServer() as redis:
        for db, workers in enumerate((1, 3), start=1):
            result = run(workers, redis.url(db), args)
            results.append(result)
            print(f"{workers} worker(s): {result['rate']:6.1f} pages/s "
                  f"({result['rate'] / workers:5.1f} per worker), fetch window "
                  f"{result['window']:5.2f} s, wall {result['wall']:5.2f} s, "
                  f"lost {result['lost']}, fetched twice {result['twice']}")
        rate = ingest_rate(redis.url(3), args.pages * 5)
        print(f"ingest alone: {rate:.0f} pages/s into SQLite ({args.pages * 5} pages waiting)")
    speedup = results[1]["rate"] / results[0]["rate"]
    clean = all(r["lost"] == 0 and r["twice"] == 0 for r in results)
    print(f"speed-up of 3 workers over 1: {speedup:.2f}x (target >= 2x): "
          f"{'ok' if speedup >= 2 else 'MISSED'}; lost/duplicate pages: "
          f"{'none' if clean else 'SOME'}")


if __name__ == "__main__":
    main()
