"""bench/facts.py: the fixed split into halves and the table it prints for both and the whole."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent.parent / "bench" / "facts.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_facts", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _result(f1: float, speaker: float | None) -> dict[str, Any]:
    fields = {name: {"f1": f1} for name in ("people", "organizations", "places", "quotes",
                                            "events", "agreements")}
    return {"articles": 2, "fields": fields, "quote_speaker_accuracy": speaker,
            "accuracy": {"published": 1.0}, "micro": {"f1": f1}}


def test_the_halves_are_the_even_and_odd_positions_of_the_sorted_names() -> None:
    files = [Path(f"facts/{name}.json") for name in ("delta", "alpha", "echo", "bravo", "charlie")]
    halves = _bench().split_halves(files)
    assert [p.stem for p in halves["A"]] == ["alpha", "charlie", "echo"]
    assert [p.stem for p in halves["B"]] == ["bravo", "delta"]


def test_the_table_has_every_field_for_both_halves_and_the_whole() -> None:
    lines = _bench().table_rows({"A": _result(0.9, 0.95), "B": _result(0.8, None),
                                 "whole": _result(0.85, 0.9)})
    assert lines[0].split() == ["A", "B", "whole"]
    rows = {line[:14].strip(): line[14:].split() for line in lines[1:]}
    assert set(rows) == {"files", "people", "organizations", "places", "quotes", "events",
                         "agreements", "speaker", "published", "micro F1"}
    assert rows["events"] == ["0.900", "0.800", "0.850"]
    assert rows["speaker"] == ["0.950", "-", "0.900"]  # nothing to measure on B
