#!/usr/bin/env python3
"""Stories benchmark: clustering quality on labelled pages, and placement time at scale.

    bench/stories.py PAGES_DIR LABELS.json [--store-size N] [--new N]
    bench/stories.py --write-demo DIR     (the demo stories as pages, with DIR/labels.json)

LABELS.json maps a page's file name to its event label. Every page goes through the real
extract (the worker process the extract stage uses, relevance filter off) into a fresh
store, the store is clustered as `wirebrief stories --rebuild` does, and the stories are
scored against the labels: pairwise precision, recall and F1 over pairs of pages, and
BCubed F1. A page with no article counts as a story of its own.

Then a store of ``--store-size`` synthetic articles (default 10,000, spread over a year,
in stories already) receives ``--new`` new ones (default 100) and the time to place them
is printed. Targets (issue 18): pairwise precision >= 0.95 and recall >= 0.80 on real
pages; placing 100 new articles into 10,000 in <= 3 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wirebrief.config import load_config  # noqa: E402
from wirebrief.extracting import run_extract  # noqa: E402
from wirebrief.store import open_db  # noqa: E402
from wirebrief.stories import place_new_articles, rebuild_stories  # noqa: E402

CONFIG = """
[site]
database = "bench.db"
[crawl]
relevance_filter = false
[[sources]]
name = "bench"
sitemaps = ["http://bench.invalid/sitemap.xml"]
"""


def write_demo(folder: Path) -> None:
    """The demo stories as article pages, labelled by their ``event:`` header (else slug)."""
    from wirebrief.demo import pages
    from wirebrief.demo.stories import STORIES_DIR, parse_story

    folder.mkdir(parents=True, exist_ok=True)
    labels = {}
    for path in sorted(STORIES_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        story = parse_story(text)
        header = dict(line.split(":", 1) for line in text.split("\n---\n")[0].splitlines() if ":" in line)
        name = path.stem + ".html"
        (folder / name).write_text(pages.article_page("http://demo.invalid", story, []), encoding="utf-8")
        labels[name] = header.get("event", story.slug).strip()
    (folder / "labels.json").write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(labels)} pages and labels.json to {folder}")


def cluster_pages(pages_dir: Path, names: list[str], work: Path, keep: Path | None = None) -> dict[str, str]:
    """File name -> story id, through the real extract and the real clustering."""
    (work / "bench.toml").write_text(CONFIG)
    config = load_config(work / "bench.toml")
    db = open_db(work / "bench.db")
    with db.atomic():
        for name in names:
            html = (pages_dir / name).read_bytes().decode("utf-8", "replace")
            db.table("pages").insert({"url": f"http://bench.invalid/{name}", "source": "bench",
                                      "html": html}, replace=True)
    run_extract(db, config, None)  # the extract stage itself, as a tick runs it
    rebuild_stories(db)
    found = dict(db.execute(
        "select a.page_url, sa.story_id from articles a join story_articles sa on sa.article_id = a.id"))
    db.close()
    if keep:
        keep.write_bytes((work / "bench.db").read_bytes())
    return {name: found.get(f"http://bench.invalid/{name}", f"alone:{name}") for name in names}


def scores(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    names = sorted(truth)
    same_true = {(a, b) for a, b in combinations(names, 2) if truth[a] == truth[b]}
    same_pred = {(a, b) for a, b in combinations(names, 2) if predicted[a] == predicted[b]}
    hits = len(same_true & same_pred)
    precision = hits / len(same_pred) if same_pred else 1.0
    recall = hits / len(same_true) if same_true else 1.0
    by_true, by_pred = defaultdict(set), defaultdict(set)
    for name in names:
        by_true[truth[name]].add(name)
        by_pred[predicted[name]].add(name)
    b_p = sum(len(by_pred[predicted[n]] & by_true[truth[n]]) / len(by_pred[predicted[n]]) for n in names)
    b_r = sum(len(by_pred[predicted[n]] & by_true[truth[n]]) / len(by_true[truth[n]]) for n in names)
    b_p, b_r = b_p / len(names), b_r / len(names)
    return {"pairwise_precision": precision, "pairwise_recall": recall,
            "pairwise_f1": _f1(precision, recall), "bcubed_precision": b_p, "bcubed_recall": b_r,
            "bcubed_f1": _f1(b_p, b_r), "pages": len(names), "true_pairs": len(same_true),
            "predicted_pairs": len(same_pred)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


WORDS = [f"w{n}" for n in range(6000)]


def synthetic_store(path: Path, size: int, new: int, seed: int = 18) -> None:
    """``size`` articles in stories already, over a year, and ``new`` more not yet placed."""
    rng = random.Random(seed)
    db = open_db(path)
    entities = [(f"ent{n}", ("person", "organization", "place")[n % 3]) for n in range(3000)]
    db.table("entities").insert_all(
        ({"id": e, "kind": k, "name": e, "slug": e} for e, k in entities), batch_size=1000)
    start = date(2026, 1, 1)
    articles, mentions, placed, stories = [], [], [], {}
    for number in range(size + new):
        event = number // 3  # events of about three articles
        erng = random.Random(event)
        day = start + timedelta(days=min(364, event * 365 * 3 // (size + new)))
        topic = erng.sample(WORDS, 40)
        text = " ".join(rng.choice(topic) if rng.random() < 0.5 else rng.choice(WORDS)
                        for _ in range(350))
        article_id = f"a{number:06d}"
        articles.append({"id": article_id, "url": f"http://synthetic.invalid/{number}",
                         "page_url": f"http://synthetic.invalid/{number}", "source": "synthetic",
                         "title": " ".join(topic[:8]), "summary": text[:300], "text": text,
                         "published": day.isoformat(), "story_id": article_id,
                         "first_seen_at": f"{day.isoformat()}T00:00:00+00:00"})
        for entity, _ in erng.sample(entities, 6)[: rng.randint(3, 6)]:
            mentions.append({"article_id": article_id, "entity_id": entity, "name": entity})
        if number < size:
            story = f"s{event:06d}"
            stories.setdefault(story, day.isoformat())
            placed.append({"article_id": article_id, "story_id": story, "score": 0.5, "via": "match"})
    with db.atomic():
        db.table("articles").insert_all(articles, batch_size=500)
        db.table("mentions").insert_all(mentions, batch_size=1000)
        db.table("stories").insert_all(({"id": s, "title": s, "first_seen": d, "last_seen": d}
                                        for s, d in stories.items()), batch_size=1000)
        db.table("story_articles").insert_all(placed, batch_size=1000)
    db.close()


def timing(size: int, new: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.db"
        synthetic_store(path, size, new)
        conn = sqlite3.connect(path)
        started = time.perf_counter()
        counts = place_new_articles(conn)
        seconds = time.perf_counter() - started
        conn.close()
    print(f"placed {counts.get('placed', 0)} new articles into a store of {size}: {seconds:.2f} s "
          f"({1000 * seconds / max(new, 1):.1f} ms each; {counts})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages_dir", nargs="?", type=Path)
    parser.add_argument("labels", nargs="?", type=Path)
    parser.add_argument("--write-demo", type=Path, metavar="DIR")
    parser.add_argument("--store-size", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--keep-store", type=Path, metavar="DB", help="Keep the labelled pages' store here.")
    args = parser.parse_args()
    if args.write_demo:
        write_demo(args.write_demo)
        return
    if not args.pages_dir or not args.labels:
        parser.error("PAGES_DIR and LABELS.json are required")
    truth = json.loads(args.labels.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        predicted = cluster_pages(args.pages_dir, sorted(truth), Path(work), args.keep_store)
        seconds = time.perf_counter() - started
    result = scores(truth, predicted)
    print(f"{result['pages']} pages, {len(set(truth.values()))} events, extract+cluster {seconds:.1f} s")
    for key in ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_precision",
                "bcubed_recall", "bcubed_f1"):
        print(f"{key}: {result[key]:.3f}")
    wrong = sorted({(a, b) for a, b in combinations(sorted(truth), 2)
                    if predicted[a] == predicted[b] and truth[a] != truth[b]})
    missed = sorted({(a, b) for a, b in combinations(sorted(truth), 2)
                     if predicted[a] != predicted[b] and truth[a] == truth[b]})
    for a, b in wrong:
        print(f"  wrong merge: {a} + {b}")
    for a, b in missed:
        print(f"  missed: {a} / {b}")
    timing(args.store_size, args.new)


if __name__ == "__main__":
    main()
