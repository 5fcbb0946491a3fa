#!/usr/bin/env python3
"""Big-page benchmark: is fact extraction linear in the length of one page?

    .venv/bin/python bench/big_page.py BENCH_DIR

Cleans every page of ``BENCH_DIR/html`` (the bench folder of issue 19, or any folder with
an ``html/`` of news pages), joins all the bodies into one page, and times
``extract_facts`` over that page and over the page written twice, in this one run.  A
rule that scans the whole text for every name it finds makes the doubled page cost more
than twice the single one; the ratio says how much (2 when extraction is linear).  The time
of each body on its own is printed too.  Prints figures only.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import article_from_text, extract_facts  # noqa: E402
from extract.clean import clean_html  # noqa: E402

PUBLISHED = "2019-11-20"


def bodies(folder: Path) -> list[str]:
    """The cleaned body of every page in ``folder``, those with text only."""
    texts = [clean_html(page.read_bytes()).text for page in sorted(folder.iterdir()) if page.is_file()]
    return [text for text in texts if text]


def timed(text: str) -> float:
    """Seconds ``extract_facts`` takes over ``text``."""
    start = time.perf_counter()
    extract_facts(article_from_text(text, published=PUBLISHED))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="a folder holding html/")
    args = parser.parse_args()
    texts = bodies(args.bench / "html")
    timed("A warm-up sentence about Oslo on Monday.")  # loads the model and the lists
    parts = sum(timed(text) for text in texts)
    joined = "\n".join(texts)
    single = timed(joined)
    double = timed(joined + "\n" + joined)
    print(f"pages: {len(texts)}  characters joined: {len(joined)}")
    print(f"each page on its own:     {parts:.2f} s in all")
    print(f"one joined page:          {single:.2f} s")
    print(f"the joined page twice:    {double:.2f} s")
    print(f"twice / once:             {double / single:.2f}  (2 when extraction is linear)")

if __name__ == "__main__":
    main()
