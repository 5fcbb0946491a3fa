"""A synthetic corpus of facts records, for the site benchmark and the site tests.

Real wire data is small and still being written; the site must be measured at the scale
of months of crawling. Records follow the facts contract (FACTS.md) with evidence, names
drawn from skewed pools (a few entities everywhere, a long tail named once), syndicated
copies, and deterministic content from a seed, and they are stored through the real
writer (save_article), batched in one transaction per chunk.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from wirebrief.store.articles import save_article

TOPICS = ["maritime security", "counter-terrorism", "cyber security", "arms control", "diplomacy",
          "defence industry", "peacekeeping", "space", "nuclear", "border security", "sanctions",
          "military exercises"]
STATUSES = ["proposed", "negotiating", "signed", "in force", "suspended", None]
OUTLETS = ["Daily Ledger", "The Northern Post", "Harbour Times", "Capital Wire", "Evening Courier"]
SYLLABLES = ["ka", "ro", "mi", "tan", "vel", "dor", "si", "lun", "bra", "zen", "ho", "qui", "mar",
             "tel", "os", "ari", "nov", "pel", "ur", "sta"]
WORDS = [
    "talks", "defence", "ministry", "navy", "patrol", "vessel", "agreement", "border", "security",
    "exercise", "drills", "officials", "statement", "cooperation", "missile", "coast", "guard",
    "surveillance", "radar", "contract", "sanctions", "embassy", "delegation", "summit", "frigate",
    "drone", "satellite", "cyber", "attack", "port"
]


def _name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(parts))


class Pools:
    """Entity name pools; a Pareto-like pick makes a few names very common."""

    def __init__(self, rng: random.Random, scale: int) -> None:
        self.rng = rng
        self.people = [_name(rng, 2) for _ in range(max(20, scale * 3 // 10))]
        self.orgs = [_name(rng, 2) + " " + rng.choice(["Ministry", "Agency", "Council", "Forces"])
                     for _ in range(max(10, scale // 8))]
        self.places = [_name(rng, 1) for _ in range(max(10, scale // 16))]
        self.agreements = [_name(rng, 1) + " " + rng.choice(["Accord", "Treaty", "Partnership", "Pact"])
                           for _ in range(max(5, scale // 50))]

    def pick(self, pool: list[str], count: int) -> list[str]:
        """Names skewed to the head of the pool, the whole pool still in use (a long tail)."""
        return sorted({pool[int(len(pool) * self.rng.random() ** 3)] for _ in range(count)})


def _sentence(rng: random.Random, *names: str) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    for name in names:
        words.insert(rng.randint(0, len(words)), name)
    return " ".join(words).capitalize() + "."


def _ev(sentence: str) -> list[dict[str, Any]]:
    return [{"sentence": sentence, "start": 0, "end": len(sentence)}]


def make_record(rng: random.Random, pools: Pools, number: int, day: date) -> dict[str, Any]:
    """One facts record with text, entities, quotes, events and agreements, all with evidence."""
    people, orgs = pools.pick(pools.people, rng.randint(2, 5)), pools.pick(pools.orgs, rng.randint(1, 3))
    places = pools.pick(pools.places, rng.randint(1, 3))
    paragraphs = [" ".join(_sentence(rng, rng.choice(people + orgs + places)) for _ in range(3))
                  for _ in range(rng.randint(5, 9))]
    quote = _sentence(rng)
    record: dict[str, Any] = {
        "url": f"https://news.example.net/{day.isoformat()}/story-{number}",
        "title": f"{places[0]}: {rng.choice(WORDS)} {rng.choice(WORDS)} talks with {orgs[0]} ({number})",
        "published": day.isoformat(), "agency": rng.choice(["UNI", "AP", "Reuters", None]),
        "authors": [], "dateline": {"place": places[0], "date": day.isoformat()},
        "text": "\n".join(paragraphs),
        "people": [{"name": p, "titles": [rng.choice(["Defence Minister", "Admiral", "spokesperson"])],
                    "evidence": _ev(_sentence(rng, p))} for p in people],
        "organizations": [{"name": o, "aliases": [], "evidence": _ev(_sentence(rng, o))} for o in orgs],
        "places": [{"name": p, "evidence": _ev(_sentence(rng, p))} for p in places],
        "quotes": [{"speaker": people[0], "text": quote, "channel": "told reporters",
                    "evidence": _ev(f'"{quote}" {people[0]} told reporters.')}],
        "events": [{"date": (day - timedelta(days=rng.randint(0, 40))).isoformat(),
                    "what": f"{rng.choice(WORDS)} {rng.choice(WORDS)}", "where": places[0],
                    "evidence": _ev(_sentence(rng, places[0]))}],
        "agreements": [],
        "topics": rng.sample(TOPICS, rng.randint(1, 2)),
    }
    if rng.random() < 0.3:
        name = pools.pick(pools.agreements, 1)[0]
        record["agreements"] = [{"name": name, "parties": places[:2], "status": rng.choice(STATUSES),
                                 "evidence": _ev(_sentence(rng, name))}]
    return record


def populate(db: sqlite_utils.Database, count: int, *, seed: int = 7, start: int = 0,
             run_id: int = 1, last_day: date = date(2026, 3, 31), per_day: int = 30,
             syndicate: float = 0.1) -> list[str]:
    """Store ``count`` synthetic articles (stories numbered from ``start``, some carried by two
    outlets); returns their ids."""
    rng = random.Random(f"{seed}:{start}")
    pools = Pools(random.Random(seed), max(count + start, 200))
    ids: list[str] = []
    number = start
    while len(ids) < count:
        with db.atomic():
            for _ in range(500):
                if len(ids) >= count:
                    break
                day = last_day - timedelta(days=max(0, start + count - 1 - number) // per_day)
                ids += _store_story(db, rng, pools, number, day, run_id,
                                    copies=2 if rng.random() < syndicate and len(ids) + 2 <= count else 1)
                number += 1
    return ids


def _store_story(db: sqlite_utils.Database, rng: random.Random, pools: Pools, number: int, day: date,
                 run_id: int, copies: int) -> list[str]:
    record = make_record(rng, pools, number, day)
    first = save_article(db, record, page_url=record["url"], source=rng.choice(OUTLETS), run_id=run_id)
    ids = [first]
    for copy_number in range(1, copies):
        copy = {**record, "url": f"{record['url']}-copy{copy_number}"}
        ids.append(save_article(db, copy, page_url=copy["url"], source=rng.choice(OUTLETS),
                                run_id=run_id, story_id=first))
    return ids
