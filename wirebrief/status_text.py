"""`wirebrief status` for people: a rich table per source and the last runs."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def print_report(report: dict[str, Any]) -> None:
    console = Console()
    sources = Table(title="Sources")
    for column in ("source", "fetched", "articles", "new", "failures", "warning"):
        sources.add_column(column)
    for s in report["sources"]:
        failures = ", ".join(f"{k} {v}" for k, v in s["failures"].items()) or "-"
        sources.add_row(s["name"], str(s["pages_fetched"]), str(s["articles"]),
                        str(s["new_articles"]), failures, s["warning"] or "")
    console.print(sources)
    runs = Table(title="Last runs")
    for column in ("id", "stage", "status", "started", "ended", "error"):
        runs.add_column(column)
    for r in report["runs"]:
        runs.add_row(str(r["id"]), r["stage"], r["status"], r["started_at"] or "",
                     r["ended_at"] or "", r["error"] or "")
    console.print(runs)
