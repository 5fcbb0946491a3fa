"""Quality gate: run the extractor over the fixture set and hold per-field floors.

Like trafilatura's evaluation gate, this catches regressions in extraction
quality rather than single behaviours.  The matching rules follow FACTS.md in a
compact form (names: case/punctuation folded, one's words within the other's;
quotes: 60% of the gold words; events: date prefix plus what/where).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from extract import article_from_text, extract_facts, extract_record

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
FLOORS = {"people": 0.9, "organizations": 0.8, "places": 0.9, "quotes": 0.9, "events": 0.6,
          "agreements": 0.9}
MICRO_FLOOR = 0.85
SPEAKER_FLOOR = 0.9


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def names_match(a: str | None, b: str | None) -> bool:
    ta, tb = set(fold(a).split()), set(fold(b).split())
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def quote_match(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    gold_words, pool = fold(gold["text"]).split(), fold(pred["text"]).split()
    hits = 0
    for word in gold_words:
        if word in pool:
            pool.remove(word)
            hits += 1
    return bool(gold_words) and hits / len(gold_words) >= 0.6


def event_match(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g, p = gold["date"] or "", pred["date"] or ""
    if not g or not p or not (g.startswith(p) or p.startswith(g)):
        return False
    return names_match(gold["what"], pred["what"]) or names_match(gold["where"], pred["where"])


MATCHERS = {
    "people": lambda g, p: names_match(g["name"], p["name"]),
    "places": lambda g, p: names_match(g["name"], p["name"]),
    "organizations": lambda g, p: any(
        names_match(a, b) for a in [g["name"], *g["aliases"]] for b in [p["name"], *p["aliases"]]),
    "quotes": quote_match,
    "events": event_match,
    "agreements": lambda g, p: names_match(g["name"], p["name"]),
}


def predictions() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    pairs = []
    for gold_path in sorted((FIXTURES / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = FIXTURES / f"{gold_path.stem}.html"
        if source.exists():
            pred = extract_record(source.read_bytes())
        else:
            text = (FIXTURES / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
            article = article_from_text(text, url=gold["url"], title=gold["title"],
                                        published=gold["published"])
            pred = extract_facts(article)
        pairs.append((gold, pred))
    return pairs


@pytest.fixture(scope="module")
def scored() -> dict[str, Any]:
    totals = {field: [0, 0, 0] for field in MATCHERS}
    speakers = [0, 0]
    scalars: dict[str, list[int]] = {}
    for gold, pred in predictions():
        for field, match in MATCHERS.items():
            used: set[int] = set()
            for g in gold[field]:
                for index, p in enumerate(pred[field]):
                    if index not in used and match(g, p):
                        used.add(index)
                        if field == "quotes":
                            speakers[0] += names_match(g["speaker"], p["speaker"])
                            speakers[1] += 1
                        break
            totals[field][0] += len(used)
            totals[field][1] += len(gold[field])
            totals[field][2] += len(pred[field])
        for key in ("url", "title", "published", "agency", "authors", "dateline"):
            scalars.setdefault(key, [0, 0])
            scalars[key][0] += gold[key] == pred[key]
            scalars[key][1] += 1
    return {"totals": totals, "speakers": speakers, "scalars": scalars}


def f1(tp: int, gold: int, pred: int) -> float:
    precision = tp / pred if pred else float(not gold)
    recall = tp / gold if gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.mark.parametrize("field", list(FLOORS))
def test_field_floor(scored: dict[str, Any], field: str) -> None:
    tp, gold, pred = scored["totals"][field]
    assert f1(tp, gold, pred) >= FLOORS[field], (field, tp, gold, pred)


def test_micro_f1_floor(scored: dict[str, Any]) -> None:
    tp = sum(t[0] for t in scored["totals"].values())
    gold = sum(t[1] for t in scored["totals"].values())
    pred = sum(t[2] for t in scored["totals"].values())
    assert f1(tp, gold, pred) >= MICRO_FLOOR


def test_speaker_accuracy_floor(scored: dict[str, Any]) -> None:
    right, total = scored["speakers"]
    assert total and right / total >= SPEAKER_FLOOR


@pytest.mark.parametrize("key", ["url", "title", "published", "agency", "authors", "dateline"])
def test_single_valued_fields_exact(scored: dict[str, Any], key: str) -> None:
    right, total = scored["scalars"][key]
    assert right == total, key
