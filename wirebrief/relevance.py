"""Is a story about defence, security or foreign policy at all?

Topics are deliberately narrow labels for the site's pages; relevance is a broader
question, so an analysis of seabed sabotage that names NATO, frigates and defence
ministers is kept even when no single topic is hit twice. A story is relevant when it
has a topic, or when enough distinct words of the general vocabulary occur in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

GENERAL_VOCABULARY = (
    "military", "defence", "defense", "security", "army", "navy", "naval", "air force",
    "armed forces", "troops", "soldiers", "missile", "missiles", "weapons", "warship",
    "frigate", "frigates", "submarine", "drone", "drones", "fighter jet", "NATO", "alliance",
    "minister", "ministry", "sanctions", "treaty", "ceasefire", "conflict", "war", "invasion",
    "terrorism", "terrorist", "intelligence", "border", "nuclear", "diplomat", "diplomatic",
    "embassy", "coast guard", "peacekeeping", "insurgents", "militants", "cyberattack",
    "espionage", "sabotage", "deterrence", "surveillance", "patrol", "patrols", "arms",
    "United Nations", "Security Council", "foreign policy", "strategic", "infrastructure",
)
MIN_DISTINCT = 4


@lru_cache(maxsize=8)
def _matcher(vocabulary: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(vocabulary, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def relevance_reason(text: str, topics: Sequence[str],
                     vocabulary: Sequence[str] = GENERAL_VOCABULARY) -> str | None:
    """None when the story is relevant, else the reason it is not (for the failure record)."""
    if topics:
        return None
    found = {m.group(0).lower() for m in _matcher(tuple(vocabulary)).finditer(text)}
    if len(found) >= MIN_DISTINCT:
        return None
    shown = ", ".join(sorted(found)) or "none"
    return f"no topic matched and only {len(found)} defence/security terms ({shown})"
