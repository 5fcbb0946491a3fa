"""The status page (/status/): per source what the crawls fetched, stored and failed on.

The same report as `wirebrief status`, for readers of the briefing: how fresh it is and
which sources are failing or have gone silent. Build runs are left out (see
status_report), so that rebuilding a site gives the same page; the tick whose build
made the page is still running when it is made, and says so.
"""

from __future__ import annotations

from typing import Any

from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer

PATH = "status/"


def output(renderer: Renderer, report: dict[str, Any]) -> Output:
    runs = [{**run, "crawl": _crawl_counts(run["counts"])} for run in report["runs"]]
    sources = [{**source, "failures": sorted(source["failures"].items())} for source in report["sources"]]
    return page_output(renderer, PATH, "status.html", {"sources": sources, "runs": runs, "feeds": []})


def _crawl_counts(counts: Any) -> dict[str, int] | None:
    """What the crawl stage of a run fetched, stored and failed on (a crawl run records
    its counts at the top, a tick under "crawl")."""
    crawl = counts.get("crawl", counts) if isinstance(counts, dict) else None
    if not isinstance(crawl, dict) or "fetched" not in crawl:
        return None
    return {key: int(crawl.get(key) or 0) for key in ("fetched", "pages", "failures")}
