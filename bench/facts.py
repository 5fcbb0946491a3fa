"""Run the facts extractor over a benchmark folder and score it on two fixed halves.

    python bench/facts.py BENCH_DIR [--out DIR] [--cli] [--verbose] [--half A|B]

BENCH_DIR is the benchmark folder (``html/``, ``facts/`` and ``score_facts.py``);
its scorer is imported from there at run time, so this repository never depends
on where the benchmark lives.

The split: the gold files of ``BENCH_DIR/facts`` sorted by file name; even
positions (0, 2, 4, ...) are half A, odd positions half B.  The rule uses nothing
but the names, so it stays fixed whatever the files contain: develop on one half,
check on the other, and report both.

By default everything runs in this one process (start-up, i.e. imports and model
load, is included in the pages/s figure, timed from process start).  With
``--cli`` the real ``wirebrief facts`` command is run instead and its JSON Lines
output parsed.  Records are written to OUT/<name>.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

_T0 = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIELDS = ("people", "organizations", "places", "quotes", "events", "agreements")
HALVES = ("A", "B")


def split_halves(gold_files: list[Path]) -> dict[str, list[Path]]:
    """Half A: even positions of the name-sorted gold files; half B: odd positions."""
    ordered = sorted(gold_files, key=lambda p: p.name)
    return {"A": ordered[0::2], "B": ordered[1::2]}


def load_scorer(bench_dir: Path) -> ModuleType:
    """Import BENCH_DIR/score_facts.py as a module, so its scoring is reused exactly."""
    path = bench_dir / "score_facts.py"
    spec = importlib.util.spec_from_file_location("score_facts", path)
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def score_set(scorer: ModuleType, gold_files: list[Path], pred_dir: Path,
              verbose: bool) -> dict[str, Any]:
    """Score the predictions against only ``gold_files`` (the scorer reads a folder)."""
    with tempfile.TemporaryDirectory(prefix="wirebrief-gold-") as gold_dir:
        for path in gold_files:
            (Path(gold_dir) / path.name).symlink_to(path.resolve())
        result: dict[str, Any] = scorer.score(gold_dir, str(pred_dir), verbose)
    return result


def table_rows(results: dict[str, dict[str, Any]]) -> list[str]:
    """One line per figure, one column per set: F1 per field, speaker, published, micro."""
    names = list(results)
    lines = [f"{'':<14}" + "".join(f"{n:>9}" for n in names)]
    lines.append(f"{'files':<14}" + "".join(f"{results[n]['articles']:>9}" for n in names))
    for field in FIELDS:
        lines.append(f"{field:<14}" + "".join(
            f"{results[n]['fields'][field]['f1']:>9.3f}" for n in names))
    extra = {
        "speaker": lambda r: r["quote_speaker_accuracy"],
        "published": lambda r: r["accuracy"]["published"],
        "micro F1": lambda r: r["micro"]["f1"],
    }
    for label, pick in extra.items():
        lines.append(f"{label:<14}" + "".join(_figure(pick(results[n])) for n in names))
    return lines


def _figure(value: float | None) -> str:
    """A right-aligned figure, or a dash when the scorer had nothing to measure."""
    return f"{value:>9.3f}" if value is not None else f"{'-':>9}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--cli", action="store_true", help="run `wirebrief facts` instead")
    parser.add_argument("--verbose", action="store_true",
                        help="list misses and extras (of --half only, when given)")
    parser.add_argument("--half", choices=HALVES, default=None,
                        help="with --verbose: list misses of this half only")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    scorer = load_scorer(args.bench_dir)
    pages = sorted((args.bench_dir / "html").glob("*.html"))
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="wirebrief-facts-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    records = run_cli(pages) if args.cli else run_in_process(pages)
    elapsed = time.perf_counter() - _T0
    cpu = time.process_time()
    for name, record in records.items():
        (out_dir / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                              encoding="utf-8")
    halves = split_halves(list((args.bench_dir / "facts").glob("*.json")))
    sets = {**halves, "whole": halves["A"] + halves["B"]}
    results = {}
    for name, files in sets.items():
        verbose = args.verbose and (args.half == name or (args.half is None and name == "whole"))
        results[name] = score_set(scorer, files, out_dir, verbose)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print("\n".join(table_rows(results)))
        print("half A = even positions of the name-sorted gold files, half B = odd positions")
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
