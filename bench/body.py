"""Score body-text extraction: our cleaner vs plain trafilatura, in one run.

    python bench/body.py BENCH_DIR [--out DIR]

Writes {name: {"articleBody": text}} for three extractors (extract.clean_html,
trafilatura with include_comments=False, trafilatura defaults) and scores each
with BENCH_DIR/score_body.py, printing the results side by side.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def ours(html: bytes) -> str:
    """The project's cleaner; a page with no article is an empty body."""
    from extract import NoArticle, clean_html

    try:
        return clean_html(html).text
    except NoArticle:
        return ""


def trafilatura_plain(html: bytes) -> str:
    """trafilatura 2.x, comments excluded (its best plain configuration here)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def trafilatura_defaults(html: bytes) -> str:
    """trafilatura with every option at its default."""
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: list[tuple[str, str, Callable[[bytes], str]]] = [
    ("wirebrief (extract.clean_html)", "wirebrief.json", ours),
    ("trafilatura include_comments=False", "trafilatura-plain.json", trafilatura_plain),
    ("trafilatura defaults", "trafilatura-defaults.json", trafilatura_defaults),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    pages = sorted((args.bench_dir / "html").glob("*.html"))
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="wirebrief-body-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for label, file_name, extractor in EXTRACTORS:
        started = time.perf_counter()
        predictions = {p.stem: {"articleBody": extractor(p.read_bytes())} for p in pages}
        seconds = time.perf_counter() - started
        path = out_dir / file_name
        path.write_text(json.dumps(predictions, ensure_ascii=False), encoding="utf-8")
        score = subprocess.run(
            [sys.executable, str(args.bench_dir / "score_body.py"),
             str(args.bench_dir / "body-truth.json"), str(path)],
            capture_output=True, text=True, check=False,
        ).stdout.strip()
        rows.append((label, score, seconds))
    width = max(len(label) for label, _, _ in rows)
    for label, score, seconds in rows:
        print(f"{label:<{width}}  {score}  ({seconds:.1f} s)")
    print(f"predictions: {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
