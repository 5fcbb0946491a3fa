"""Topic labels from a keyword taxonomy (label -> words or phrases).

A user's config may pass its own mapping; patterns are matched as whole words,
case-insensitively, and a label needs two hits (or one multi-word phrase hit) so
that a single passing word does not tag a story.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

DEFAULT_TAXONOMY: dict[str, list[str]] = {
    "maritime security": ["maritime security", "navy", "naval", "coast guard", "piracy",
                          "anti-piracy", "counter-piracy", "freedom of navigation", "sea lanes",
                          "warship", "maritime"],
    "counter-terrorism": ["counter-terrorism", "counterterrorism", "terrorism", "terrorist",
                          "terror", "extremism", "radicalisation", "radicalization", "jihadist",
                          "militant"],
    "defence industry": ["defence industry", "defense industry", "arms sale", "arms deal",
                         "procurement", "defence manufacturing", "supply chains", "fighter jets",
                         "contract", "defence ecosystem", "defense contractor"],
    "cyber": ["cyber", "cyberattack", "cyber attack", "hacking", "hackers", "ransomware",
              "malware", "cybersecurity", "hybrid threats"],
    "space": ["space", "satellite", "satellites", "rocket", "launch vehicle", "orbit",
              "space agency", "NASA", "ISRO"],
    "arms control": ["arms control", "non-proliferation", "disarmament", "missile treaty",
                     "New START", "INF Treaty", "arms race", "export controls"],
    "diplomacy": ["diplomacy", "diplomatic", "foreign minister", "foreign ministry",
                  "bilateral", "summit", "talks", "ambassador", "envoy", "partnership"],
    "nuclear": ["nuclear", "uranium", "enrichment", "warhead", "warheads", "IAEA", "atomic"],
    "border security": ["border security", "border", "cross-border", "deported", "deportation",
                        "illegal immigration", "border guard", "infiltration", "smuggling"],
    "peacekeeping": ["peacekeeping", "peacekeepers", "peacekeeper", "UN mission",
                     "blue helmets", "ceasefire monitoring"],
    "military exercises": ["military exercise", "military exercises", "joint exercise",
                           "joint exercises", "naval exercises", "war games", "drills",
                           "drill", "manoeuvres", "maneuvers"],
}


Taxonomy = tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=16)
def _compiled(taxonomy: Taxonomy) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """One whole-word, case-insensitive matcher for every pattern, and pattern -> labels."""
    owners: dict[str, list[str]] = {}
    for label, patterns in taxonomy:
        for pattern in patterns:
            owners.setdefault(pattern.lower().strip(), []).append(label)
    alternation = "|".join(re.escape(p) for p in sorted(owners, key=len, reverse=True) if p)
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE), owners


def classify(text: str, taxonomy: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Labels whose patterns occur often enough in the text, in taxonomy order."""
    chosen = taxonomy or DEFAULT_TAXONOMY
    frozen: Taxonomy = tuple((label, tuple(patterns)) for label, patterns in chosen.items())
    matcher, owners = _compiled(frozen)
    hits: dict[str, int] = {}
    for match in matcher.finditer(text):
        found = match.group(0).lower()
        for label in owners.get(found, []):
            hits[label] = hits.get(label, 0) + (2 if " " in found else 1)
    return [label for label in chosen if hits.get(label, 0) >= 2]
