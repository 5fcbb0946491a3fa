#!/usr/bin/env python3
"""Extract-stage benchmark: the same stored pages extracted with 1 worker and with 2.

    .venv/bin/python bench/extract.py [--pages 2000] [--workers 1 2] [--rounds 1]

Renders ``--pages`` article pages of the demo wire site (wirebrief.demo: distinct stories
made from the demo ones, paragraphs rotated, so texts and facts vary), stores them as a
crawl would, then runs the extract stage (clean + facts + store, the CLI's code path) on
a copy of that store for each worker count, in this one run. Prints pages per second for
each and the throughput ratio of the second count to the first (target: 2 workers at
least 1.7 times 1 worker), with the CPU milliseconds per page of the writer (this process)
and of the workers, and the load average before each: the machine may be shared, and the
writer's CPU per page is what caps the ratio. ``--rounds N`` repeats both counts N times,
alternating, and also prints the median ratio. Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirebrief.config import Config, ExtractConfig  # noqa: E402
from wirebrief.demo.server import DemoSite  # noqa: E402
from wirebrief.demo.stories import many_stories  # noqa: E402
from wirebrief.extracting import run_extract  # noqa: E402
from wirebrief.store import connect, open_db  # noqa: E402
from wirebrief.store.pages import save_page  # noqa: E402

BASE = "https://wire.example"


def demo_pages(count: int) -> list[tuple[str, str]]:
    """(url, html) of ``count`` article pages of the demo wire site."""
    site = DemoSite(many_stories(count))
    site.base = BASE
    return [(BASE + story.path, site.route(story.path)[2].decode()) for story in site.stories]


def stored(database: Path, pages: list[tuple[str, str]]) -> None:
    conn = connect(database)
    with conn:
        for url, html in pages:
            save_page(conn, {"url": url, "source": "Bench Wire", "final_url": url, "status": 200,
                             "content_type": "text/html", "encoding": "utf-8", "html": html}, None)
    conn.close()


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed_extract(database: Path, workers: int) -> tuple[float, float, float, dict[str, int]]:
    """(seconds, CPU seconds of this process, of the workers, counts) of one extract stage."""
    config = Config(extract=ExtractConfig(workers=workers), path=database.with_name("wirebrief.toml"))
    db = open_db(database)
    started, parent, children = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    counts = run_extract(db, config, None)
    seconds = time.perf_counter() - started
    parent, children = cpu(resource.RUSAGE_SELF) - parent, cpu(resource.RUSAGE_CHILDREN) - children
    db.close()
    return seconds, parent, children, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs=2, default=[1, 2], metavar="N")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    pages = demo_pages(args.pages)
    print(f"usable cores {len(os.sched_getaffinity(0))} "
          "(other processes' share of the cores is not this stage's: see the load averages)")
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "pages.db"
        stored(template, pages)
        for _ in range(args.rounds):
            rates = [measured(template, workers, len(pages)) for workers in args.workers]
            ratios.append(rates[1] / rates[0])
            first, second = args.workers
            print(f"pages {len(pages)}; {second} workers / {first}: throughput ratio "
                  f"{ratios[-1]:.2f} (target >= 1.70 for 2 / 1)")
    if args.rounds > 1:
        print(f"median ratio over {args.rounds} rounds {statistics.median(ratios):.2f}")


def measured(template: Path, workers: int, pages: int) -> float:
    """Pages per second of one extract stage over a fresh copy of the stored pages."""
    database = template.with_name(f"workers-{workers}.db")
    for path in template.parent.glob(database.name + "*"):
        path.unlink()
    shutil.copy(template, database)
    load = os.getloadavg()[0]
    seconds, parent, children, counts = timed_extract(database, workers)
    rate = pages / seconds
    print(f"{workers} worker{'s' if workers > 1 else ' '}   {seconds:7.2f} s  {rate:6.1f} pages/s  "
          f"CPU ms/page: writer {1000 * parent / pages:5.2f}, workers {1000 * children / pages:5.1f} "
          f"({(parent + children) / seconds:.2f} cores busy)  load average before {load:.2f}  {counts}")
    return rate


if __name__ == "__main__":
    main()
