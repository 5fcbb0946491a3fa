"""How strongly two articles look like reports of one event, and what rules a match out.

The score mixes shared named entities (weighted by rarity: two outlets naming the same
colonel say more than both naming NATO), headline+lead and body TF-IDF, and the dateline
place, and decays with the days between the events. Vetoes come first: an analysis or
opinion piece (it reports no one event), a different event day stated in both leads,
disagreeing counts of the same thing, a different stage of a contract's life, or too
many days apart. Any of them keeps the two apart whatever the score, because a wrong
merge is worse than a miss.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from wirebrief.stories import signals
from wirebrief.stories.documents import Doc
from wirebrief.stories.vectors import TextModel

KIND_WEIGHT = {"person": 1.0, "organization": 0.8, "place": 0.6}
WEIGHTS = {"entities": 0.35, "head": 0.25, "body": 0.35, "place": 0.05}
DECAY_DAYS = 4.0  # the score halves over about three days between events
MAX_GAP_DAYS = 3  # reports further apart than this are of different events


@dataclass(frozen=True)
class Score:
    value: float
    veto: str | None = None


class Scorer:
    """Pair scores within one placement run (its text model and entity rarities)."""

    def __init__(self, model: TextModel, entity_df: dict[str, int], total: int) -> None:
        self.model = model
        self.total = max(total, 1)
        self.entity_df = entity_df

    def weight(self, entity_id: str, kind: str) -> float:
        df = self.entity_df.get(entity_id, 1)
        return math.log((self.total + 1) / df) * KIND_WEIGHT.get(kind, 0.6)

    def entities(self, a: Doc, b: Doc) -> float:
        if not a.entities or not b.entities:
            return 0.0
        shared = sum(self.weight(e, k) for e, k in a.entities.items() if e in b.entities)
        if not shared:
            return 0.0
        norm_a = sum(self.weight(e, k) for e, k in a.entities.items())
        norm_b = sum(self.weight(e, k) for e, k in b.entities.items())
        return shared / math.sqrt(norm_a * norm_b) if norm_a and norm_b else 0.0

    def pair(self, a: Doc, b: Doc) -> Score:
        veto = vetoed(a, b)
        if veto:
            return Score(0.0, veto)
        head, body = self.model.similarity(a.id, b.id)
        place = 1.0 if a.dateline and a.dateline == b.dateline else 0.0
        value = (WEIGHTS["entities"] * self.entities(a, b) + WEIGHTS["head"] * head
                 + WEIGHTS["body"] * body + WEIGHTS["place"] * place)
        return Score(value * math.exp(-gap_days(a, b) / DECAY_DAYS))


def gap_days(a: Doc, b: Doc) -> int:
    if a.when is None or b.when is None:
        return 0
    return abs((a.when - b.when).days)


def vetoed(a: Doc, b: Doc) -> str | None:
    """Why two articles cannot report one event, or None."""
    if a.commentary or b.commentary:
        return "commentary"
    later = a if (a.when or date.min) >= (b.when or date.min) else b
    said_to_continue = later.continues
    if a.event_day and b.event_day and a.event_day != b.event_day and not said_to_continue:
        return "event day"
    if gap_days(a, b) > MAX_GAP_DAYS and not said_to_continue:
        return "days apart"
    if a.stage and b.stage and a.stage != b.stage:
        return "stage"
    if signals.figures_conflict(a.figures, b.figures):
        return "figures"
    return None
