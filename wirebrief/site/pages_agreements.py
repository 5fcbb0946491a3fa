"""Agreements (/agreements/ and /agreements/<slug>/): latest status and the history of reports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wirebrief.site.corpus import Agreement, Corpus
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer


def latest_status(agreement: Agreement) -> dict[str, Any] | None:
    """The newest report that states a status (mentions are newest first)."""
    return next((m for m in agreement.mentions if m["status"]), None)


def history(agreement: Agreement) -> list[dict[str, Any]]:
    return [{"day": m["article"].day, "status": m["status"], "parties": m["parties"],
             "evidence": m["evidence"], "article": m["article"]} for m in agreement.mentions]


def parties_of(agreement: Agreement) -> list[str]:
    return sorted({p for m in agreement.mentions for p in m["parties"]}, key=str.casefold)


def index_rows(agreements: list[Agreement]) -> list[dict[str, Any]]:
    rows = []
    for agreement in agreements:
        latest = latest_status(agreement)
        rows.append({"name": agreement.name, "path": agreement.path, "parties": parties_of(agreement),
                     "status": latest["status"] if latest else None,
                     "as_of": latest["article"].day if latest else None,
                     "reports": len(agreement.mentions)})
    return rows


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    agreements = [a for a in corpus.agreements.values() if a.mentions]
    agreements.sort(key=lambda a: (a.name.casefold(), a.slug))
    for agreement in agreements:
        latest = latest_status(agreement)
        yield page_output(renderer, agreement.path, "agreement.html", {
            "name": agreement.name, "parties": parties_of(agreement), "latest": latest and {
                "status": latest["status"], "day": latest["article"].day},
            "history": history(agreement), "feeds": [],
        })
    yield page_output(renderer, "agreements/", "agreements.html",
                      {"agreements": index_rows(agreements), "feeds": []})
