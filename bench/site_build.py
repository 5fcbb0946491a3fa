"""Benchmark of the site build: full build, build after new articles, peak memory.

    .venv/bin/python bench/site_build.py [--articles 10000] [--new 10] [--rounds 5] [--keep DIR]
        [--target-ratio 0.20] [--target-seconds 30] [--target-mib 1024]

Generates a synthetic corpus (wirebrief.synthetic, stored through save_article),
builds the site from scratch, rebuilds it unchanged, then adds a few articles as a later
crawl would and builds again, ``--rounds`` times (the median is compared with the full
build, measured in the same run). Each build runs in its own process so that its peak
memory (ru_maxrss, of the build and of its largest render process) is the build's alone.
The full build is measured twice, before and after the rounds (the second into an empty
folder, from the final store, and its files are compared with the last round's: they
must be the same bytes), and the ratio is taken against the mean of the two.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

# The repository first: this folder's own scripts (bench/extract.py) must not shadow the
# packages they measure (the store imports extract.people).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def build_once(database: Path, output: Path, search: str = "pagefind") -> dict[str, object]:
    """One build in this process: seconds, files rendered and reused, peak RSS."""
    from wirebrief.config import Config, SiteConfig
    from wirebrief.site.build import build_site
    from wirebrief.store import open_db

    site = SiteConfig.model_validate({"output": output, "database": database, "search": search})
    config = Config(site=site, path=output.parent / "bench.toml")
    db = open_db(database)
    start = time.perf_counter()
    stats = build_site(config, db)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": round(seconds, 3), "peak_mib": round(peak_kib / 1024, 1),
            "worker_peak_mib": round(worker_kib / 1024, 1), **stats}


SEARCH = ["pagefind"]  # the [site] search setting of every build of this run (--search)


def build_in_child(database: Path, output: Path) -> dict[str, object]:
    """One build in a fresh process, once the previous build's old tree is deleted (that
    deletion runs in the background; builds minutes apart never wait for it)."""
    deadline = time.monotonic() + 120
    while list(output.parent.glob(f".{output.name}-old-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    result = subprocess.run([sys.executable, __file__, "--build-only", str(database), str(output),
                             SEARCH[0]],
                            capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def generate(database: Path, articles: int) -> float:
    from wirebrief.store import open_db
    from wirebrief.synthetic import populate

    db = open_db(database)
    db.execute("PRAGMA synchronous=OFF")
    start = time.perf_counter()
    populate(db, articles, run_id=1, last_day=date(2026, 3, 31))
    corpus_seconds = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return corpus_seconds


def add_new(database: Path, start: int, new: int, round_number: int) -> None:
    """``new`` articles of a later crawl: a new run, the next day."""
    from wirebrief.store import open_db
    from wirebrief.synthetic import populate

    db = open_db(database)
    day = date(2026, 4, 1) + timedelta(days=round_number - 1)
    populate(db, new, start=start, run_id=1 + round_number, last_day=day, per_day=new, syndicate=0)
    db.close()


def changed_files(stats: dict[str, object]) -> str:
    return f"{stats['rendered']} rendered, {stats['reused']} hard-linked"


def tree_digest(site: Path) -> str:
    """One digest of every file's path and bytes, but Pagefind's bundles (search/<month>/,
    whose files Pagefind does not write byte-stable from one run to the next) and the
    manifest that records their hashes."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        bundled = relative.startswith("search/") and relative.count("/") > 1
        if relative == ".wirebrief-manifest.json" or bundled:
            continue
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5,
                        help="incremental builds, each after --new more articles; the median is reported")
    parser.add_argument("--keep", type=Path,
                        help="work in this folder and keep it; its generated corpus is reused next time")
    parser.add_argument("--target-ratio", type=float, default=0.20)
    parser.add_argument("--target-seconds", type=float, default=30.0)
    parser.add_argument("--target-mib", type=float, default=1024.0)
    parser.add_argument("--search", choices=["pagefind", "none"], default="pagefind",
                        help="the [site] search setting of the builds")
    parser.add_argument("--build-only", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        database, output, search = args.build_only
        print(json.dumps(build_once(Path(database), Path(output), search)))
        return 0
    SEARCH[0] = args.search
    folder = args.keep or Path(tempfile.mkdtemp(prefix="wirebrief-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    database, output = folder / "bench.db", folder / "site"
    cached = folder / f"corpus-{args.articles}.db"
    # A previous run's trees and state are removed first, and not in the background during
    # the first build as a build would do: their deletion would compete with it for the disk.
    for leftover in [output, folder / "site-full", *folder.glob(".site*")]:
        shutil.rmtree(leftover, ignore_errors=True)
    for suffix in ("", "-wal", "-shm"):  # a stale WAL left beside a fresh copy would corrupt it
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    if cached.exists():
        shutil.copyfile(cached, database)
        print(f"corpus: {args.articles} articles reused from {cached}")
    else:
        seconds = generate(database, args.articles)
        shutil.copyfile(database, cached)
        print(f"corpus: {args.articles} articles generated in {seconds:.1f} s ({database})")
    full = build_in_child(database, output)
    print(f"full build: {full['seconds']:.2f} s, {full['pages']} files, peak {full['peak_mib']} MiB "
          f"(largest render process {full['worker_peak_mib']} MiB)")
    same = build_in_child(database, output)
    print(f"rebuild, nothing changed: {same['seconds']:.2f} s ({changed_files(same)})")
    rounds = []
    for number in range(1, args.rounds + 1):
        add_new(database, args.articles + number * args.new, args.new, number)
        rounds.append(build_in_child(database, output))
        print(f"  round {number}: {rounds[-1]['seconds']:.2f} s ({changed_files(rounds[-1])})")
    # A second full build, of the final database into a fresh folder: the machine's speed
    # drifts, and the incremental rounds sit between the two.
    shutil.rmtree(folder / "site-full", ignore_errors=True)
    second = build_in_child(database, folder / "site-full")
    same_bytes = tree_digest(folder / "site-full") == tree_digest(output)
    shutil.rmtree(folder / "site-full", ignore_errors=True)
    print(f"second full build (after the rounds, into an empty folder): {second['seconds']:.2f} s, "
          f"{second['pages']} files; the same bytes as the last round's site "
          f"(Pagefind's bundles and the manifest aside): {same_bytes}")
    full_seconds = (seconds_of(full) + seconds_of(second)) / 2
    incremental = sorted(rounds, key=seconds_of)[len(rounds) // 2]
    ratio = seconds_of(incremental) / full_seconds
    peak = max(float(str(r[k])) for r in [full, second, *rounds] for k in ("peak_mib", "worker_peak_mib"))
    print(f"build after {args.new} new articles (median of {args.rounds}): "
          f"{seconds_of(incremental):.2f} s = {ratio:.1%} of the full builds' mean ({full_seconds:.2f} s); "
          f"{changed_files(incremental)}; peak {peak} MiB")
    ok = (max(seconds_of(full), seconds_of(second)) <= args.target_seconds and same_bytes
          and ratio <= args.target_ratio and peak <= args.target_mib)
    print(f"targets (full <= {args.target_seconds:g} s, after new articles <= {args.target_ratio:.0%}, "
          f"peak <= {args.target_mib:g} MiB, same bytes):", "met" if ok else "NOT met")
    return 0 if ok else 1


def seconds_of(result: dict[str, object]) -> float:
    return float(str(result["seconds"]))


if __name__ == "__main__":
    raise SystemExit(main())
