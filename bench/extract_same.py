#!/usr/bin/env python3
"""Does a change to the extract stage store exactly what the code at REV stored?

    .venv/bin/python bench/extract_same.py [--rev HEAD] [--pages 150] [--workers 2]

Extracts ``--pages`` demo article pages (and two pages that are no article) into a fresh
store, then re-extracts them all (``--all``: the update path), once with the code of git
revision ``--rev`` (exported to a temporary folder) and once with the working tree, each
in its own process. Then compares every table and the full-text index, rows sorted, the
clock columns left out. Prints the tables that differ (exit 1) or that all are the same.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK = {"extracted_at", "first_seen_at", "at", "fetched_at", "placed_at"}
# Runs in a child process with the code under test first on sys.path.
EXTRACT = """
import importlib.util, sys
from pathlib import Path
root, database, pages, workers = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
sys.path.insert(0, root)
spec = importlib.util.spec_from_file_location("bench_extract", root + "/bench/extract.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
from wirebrief.config import Config, ExtractConfig
from wirebrief.extracting import run_extract
from wirebrief.store import open_db
if __name__ == "__main__":
    stored = bench.demo_pages(pages) + [("https://wire.example/empty", "<html><body></body></html>"),
                                        ("https://wire.example/tiny", "<p>hi</p>")]
    bench.stored(database, stored)
    config = Config(extract=ExtractConfig(workers=workers), path=database.with_name("wirebrief.toml"))
    db = open_db(database)
    print(run_extract(db, config, 1), run_extract(db, config, 2, everything=True))
"""


def dump(database: Path) -> dict[str, list[str]]:
    """Every table's rows (clock columns and row ids of logs left out), sorted, as JSON lines."""
    db = sqlite3.connect(database)
    tables: dict[str, list[str]] = {}
    names = [row[0] for row in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'articles_fts_%'")]
    for table in names:
        columns = [row[1] for row in db.execute(f"pragma table_info('{table}')")
                   if row[1] not in CLOCK and not (table in ("failures", "fetches", "runs")
                                                   and row[1] == "id")]
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = db.execute(f'select {quoted} from "{table}"').fetchall()
        tables[table] = sorted(json.dumps([v.hex() if isinstance(v, bytes) else v for v in row],
                                          ensure_ascii=False) for row in rows)
    tables["fts: rowids"] = [json.dumps(row) for row in db.execute(
        "select rowid, title from articles_fts order by rowid")]
    db.execute("insert into articles_fts(articles_fts) values ('integrity-check')")
    db.close()
    return tables


def extracted(root: Path, folder: Path, pages: int, workers: int) -> dict[str, list[str]]:
    database = folder / "wirebrief.db"
    folder.mkdir()
    subprocess.run([sys.executable, "-c", EXTRACT, str(root), str(database), str(pages),
                    str(workers)], check=True, cwd=folder, stderr=subprocess.DEVNULL)
    return dump(database)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old_root = Path(tmp) / "old-code"
        old_root.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_root)], input=archive, check=True)
        old = extracted(old_root, Path(tmp) / "old", args.pages, args.workers)
        new = extracted(ROOT, Path(tmp) / "new", args.pages, args.workers)
    differ = [table for table in sorted(old.keys() | new.keys()) if old.get(table) != new.get(table)]
    for table in differ:
        print(f"{table}: {len(old.get(table, []))} rows at {args.rev}, "
              f"{len(new.get(table, []))} now, contents differ")
    if not differ:
        rows = sum(len(v) for v in new.values())
        print(f"same: {len(new)} tables, {rows} rows ({args.pages} pages, {args.workers} workers)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
