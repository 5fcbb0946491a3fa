"""Distributed crawling: real `wirebrief seed`, `crawl --redis` workers and `ingest`
processes, a real redis-server, and a local wire site of hundreds of pages whose request
log proves what was fetched, how often and how fast."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.distributed import serializer
from tests.conftest import WIREBRIEF, cli
from wirebrief.cluster.local import RedisServer, TimedSite
from wirebrief.demo.server import DemoServer, serve

pytestmark = pytest.mark.xdist_group("cluster")
DELAY = 0.02


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


def cluster_config(folder: Path, base: str, name: str = "wirebrief.toml", listings: str = "",
                   delay: float = DELAY) -> Path:
    listings = listings or (
        f'feeds = ["{base}/feed.xml"]\nsitemaps = ["{base}/sitemap.xml"]\n'
        f'pages = [{{ url = "{base}/section/", article_links = "/news/", next_page = "a.next", '
        "max_pages = 3 }]")
    path = folder / name
    path.write_text(f"""
[site]
database = "wirebrief.db"
[crawl]
delay = {delay}
autothrottle = false
concurrency_per_domain = 2
max_pages_per_source = 1000
cluster_idle_seconds = 2
cluster_lease_seconds = 2
[[sources]]
name = "Demo Wire"
allowed_domains = ["127.0.0.1"]
{listings}
""", encoding="utf-8")
    return path


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.Popen([WIREBRIEF, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def finish(process: subprocess.Popen[str], timeout: float = 90) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"exit {process.returncode}\n{out}\n{err[-3000:]}"
    return out


def run_cluster(config: Path, url: str, workers: int = 3) -> tuple[list[subprocess.Popen[str]],
                                                                   subprocess.Popen[str]]:
    cli("seed", "--config", str(config), "--redis", url)
    crawlers = [start("crawl", "--config", str(config), "--redis", url) for _ in range(workers)]
    return crawlers, start("ingest", "--config", str(config), "--redis", url)


def stored_urls(database: Path) -> list[str]:
    with sqlite3.connect(database) as conn:
        return [row[0] for row in conn.execute("select url from pages")]


def story_urls(server: DemoServer) -> set[str]:
    return {server.base_url + s.path for s in server.site.stories}


def site_requests(server: DemoServer) -> Counter[str]:
    return Counter(path for path in server.requests if path != "/robots.txt")


def test_three_workers_fetch_every_page_once_within_the_rate_limit(
        tmp_path: Path, redis_server: RedisServer) -> None:
    site = TimedSite(240)
    with serve(site) as server:
        config = cluster_config(tmp_path, server.base_url)
        crawlers, ingester = run_cluster(config, redis_server.url(1))
        outputs = [finish(p) for p in crawlers]
        assert "ingest: 240 new pages" in finish(ingester)
        times = sorted(when for when, _ in site.arrivals)
    stored = stored_urls(tmp_path / "wirebrief.db")
    assert len(stored) == len(set(stored)) and set(stored) == story_urls(server)
    requests = site_requests(server)
    assert {path for path, n in requests.items() if n > 1} == set()
    assert {p for p in requests if p.startswith("/news/")} == {s.path for s in site.stories}
    pages = [int(re.search(r"crawl worker: (\d+) pages", out).group(1)) for out in outputs]  # type: ignore[union-attr]
    assert sum(pages) == 240 and sorted(pages)[1] > 0, pages  # the work was shared
    # Politeness is per domain across workers: any 25 consecutive requests span at least
    # 25 delays, less some arrival jitter; three workers each keeping a private delay
    # would send them in a third of that.
    window = 25
    spans = [times[i + window] - times[i] for i in range(len(times) - window)]
    assert min(spans) >= window * DELAY * 0.75, min(spans)
    assert (len(times) - 1) / (times[-1] - times[0]) <= 1.05 / DELAY  # jitter at the ends


def test_a_worker_killed_mid_crawl_loses_nothing(tmp_path: Path, redis_server: RedisServer) -> None:
    site = TimedSite(200)
    with serve(site) as server:
        config = cluster_config(tmp_path, server.base_url)
        crawlers, ingester = run_cluster(config, redis_server.url(2))
        deadline = time.monotonic() + 60
        while len(site.article_times()) < 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        crawlers[0].send_signal(signal.SIGKILL)
        crawlers[0].communicate(timeout=10)
        for process in crawlers[1:]:
            finish(process)
        finish(ingester)
    stored = stored_urls(tmp_path / "wirebrief.db")
    assert len(stored) == len(set(stored)) and set(stored) == story_urls(server)
    fetched = Counter(p for p in server.requests if p.startswith("/news/"))
    # Only what the killed worker had taken (2 downloading, a few parsing) may have been
    # fetched again, after its lease expired.
    assert sum(n - 1 for n in fetched.values()) <= 6


def test_pages_stored_by_a_single_machine_run_or_a_round_are_not_fetched_again(
        tmp_path: Path, redis_server: RedisServer) -> None:
    site = TimedSite(60)
    with serve(site) as server:
        base = server.base_url
        local = cluster_config(tmp_path, base, "local.toml", f'feeds = ["{base}/feed.xml"]', delay=0)
        cli("crawl", "--config", str(local))
        before = set(stored_urls(tmp_path / "wirebrief.db"))
        assert len(before) == 20
        start_at = len(server.requests)
        config = cluster_config(tmp_path, base, listings=f'sitemaps = ["{base}/sitemap.xml"]')
        crawlers, ingester = run_cluster(config, redis_server.url(3))
        for process in [*crawlers, ingester]:
            finish(process)
        cluster_requests = Counter(p for p in server.requests[start_at:] if p.startswith("/news/"))
        # The next round knows the whole store: it asks for the sitemap (a 304) and no page.
        again_at = len(server.requests)
        crawlers, ingester = run_cluster(config, redis_server.url(3), workers=1)
        for process in [*crawlers, ingester]:
            finish(process)
        again = site_requests(server) - Counter(
            p for p in server.requests[:again_at] if p != "/robots.txt")
    assert {base + path for path in cluster_requests}.isdisjoint(before)
    assert len(cluster_requests) == 40 and set(cluster_requests.values()) == {1}
    stored = stored_urls(tmp_path / "wirebrief.db")
    assert len(stored) == 60 and set(stored) == story_urls(server)
    assert list(again) == ["/sitemap.xml"]
    with sqlite3.connect(tmp_path / "wirebrief.db") as conn:
        last = conn.execute("select kind, status from fetches order by rowid desc limit 1").fetchone()
    assert last == ("sitemap", 304)


def test_seeding_twice_in_a_round_queues_nothing_twice(tmp_path: Path,
                                                       redis_server: RedisServer) -> None:
    config = cluster_config(tmp_path, "http://127.0.0.1:9")
    url = redis_server.url(4)
    first = cli("seed", "--config", str(config), "--redis", url).stdout
    second = cli("seed", "--config", str(config), "--redis", url).stdout
    assert "seed: 3 start points queued" in first and "(new round)" in first
    assert "seed: 0 start points queued" in second and "(round under way)" in second


@pytest.mark.parametrize("command, url, message", [
    ("crawl", "http://127.0.0.1:6379/0", "must be a redis://"),
    ("ingest", "redis://127.0.0.1:9/0", "cannot reach Redis"),
    ("seed", "redis://127.0.0.1:9/0", "cannot reach Redis"),
])
def test_a_bad_redis_url_is_one_line(tmp_path: Path, command: str, url: str, message: str) -> None:
    config = cluster_config(tmp_path, "http://127.0.0.1:9")
    result = cli(command, "--config", str(config), "--redis", url, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("wirebrief: error:") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_queued_requests_are_json_and_come_back_whole() -> None:
    request = {"url": "http://a.example/x", "headers": {b"If-None-Match": [b'"abc"']},
               "body": b"\x00\xff", "meta": {"source": "A", "page": 2, "redirect_urls": ["u"]},
               "priority": -1, "dont_filter": True}
    data = serializer.dumps(request)
    assert json.loads(data) and serializer.loads(data) == request
    with pytest.raises(TypeError):
        serializer.dumps({"meta": {"when": object()}})


def test_claims_a_killed_worker_never_queued_are_freed(redis_server: RedisServer) -> None:
    # A worker claims an article URL when it parses a listing and queues the request a
    # moment later; killed in between, its listing is re-queued (still in flight) and must
    # be able to claim the URL again, or the article is lost.
    import redis
    from scrapy import Request

    from scraper.distributed.dupefilter import UrlDupeFilter, claim_member
    from scraper.distributed.keys import Keys
    from scraper.distributed.queue import CLAIM, LeasedQueue, requeue_orphans

    server = redis.Redis.from_url(redis_server.url(5))
    server.flushdb()
    keys = Keys("claims-test")
    claims = UrlDupeFilter.for_keys(server, keys)
    url = "http://127.0.0.1/news/2026/11/11/port-reopens-1.html"
    assert claims.claim(keys, url, "wire", 10, "killed") == 1
    assert claims.claim(keys, url, "wire", 10, "alive") == 0
    server.set(keys.lease("alive"), "1")
    requeue_orphans(server, keys)  # "killed" holds no lease
    assert claims.claim(keys, url, "wire", 10, "alive") == 1
    assert server.get(keys.count("wire")) == b"1"

    class Worker:
        name, worker_id = "wire", "alive"

    queue = LeasedQueue(server, Worker(), keys.queue)
    other = url.replace("-1.html", "-2.html")
    assert claims.claim(keys, other, "wire", 10, "alive") == 1
    queue.push(Request(other, meta={CLAIM: claim_member("wire", other)}))
    server.delete(keys.lease("alive"))
    requeue_orphans(server, keys)  # a queued claim is the queue's: nothing to free
    assert claims.claim(keys, other, "wire", 10, "another") == 0
