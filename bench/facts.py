"""Run the facts extractor over a benchmark folder and score it.

    python bench/facts.py BENCH_DIR [--out DIR] [--cli] [--verbose]

By default everything runs in this one process (start-up, i.e. imports and model
load, is included in the pages/s figure, timed from process start).  With
``--cli`` the real ``wirebrief facts`` command is run instead and its JSON Lines
output parsed.  Records are written to OUT/<name>.json and scored with
BENCH_DIR/score_facts.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_T0 = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def run_in_process(pages: list[Path]) -> dict[str, dict[str, Any]]:
    """Extract every page with extract_record; failures give an empty record."""
    from extract import NoArticle, extract_record

    records: dict[str, dict[str, Any]] = {}
    for page in pages:
        try:
            records[page.stem] = extract_record(page.read_bytes())
        except NoArticle as exc:
            records[page.stem] = {"error": str(exc)}
    return records


def cli_command() -> str | None:
    """The `wirebrief` executable next to this Python, or on PATH; None if not installed."""
    local = Path(sys.executable).parent / "wirebrief"
    return str(local) if local.exists() else shutil.which("wirebrief")


def run_cli(pages: list[Path]) -> dict[str, dict[str, Any]]:
    """Run `wirebrief facts` once over all pages; one JSON line per page, in order."""
    command = cli_command()
    if command is None:
        sys.exit("`wirebrief` is not installed yet; run without --cli for the in-process path")
    out = subprocess.run([command, "facts", *map(str, pages)], capture_output=True, text=True,
                         check=False)
    if out.returncode != 0 and not out.stdout:
        sys.exit(f"wirebrief facts failed: {out.stderr.strip()[-500:]}")
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    return {page.stem: json.loads(line) for page, line in zip(pages, lines, strict=False)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--cli", action="store_true", help="run `wirebrief facts` instead")
    parser.add_argument("--verbose", action="store_true", help="pass --verbose to the scorer")
    args = parser.parse_args()
    pages = sorted((args.bench_dir / "html").glob("*.html"))
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="wirebrief-facts-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    records = run_cli(pages) if args.cli else run_in_process(pages)
    elapsed = time.perf_counter() - _T0
    cpu = time.process_time()
    for name, record in records.items():
        (out_dir / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                              encoding="utf-8")
    command = [sys.executable, str(args.bench_dir / "score_facts.py"),
               str(args.bench_dir / "facts"), str(out_dir)]
    if args.verbose:
        command.append("--verbose")
    subprocess.run(command, check=False)
    mode = "cli" if args.cli else "in-process"
    print(f"pages: {len(pages)}  wall seconds: {elapsed:.2f}  pages/s: {len(pages) / elapsed:.1f}"
          f"  ({mode}, start-up included)")
    if not args.cli:
        print(f"CPU seconds of this process: {cpu:.2f}  pages per CPU second: {len(pages) / cpu:.1f}"
              "  (what one idle core would do; the wall figure suffers when the machine is busy)")
    print(f"records: {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
