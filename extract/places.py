"""Places: one entry per place, under a canonical spelling ("U.S." -> "United States")."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.entities import place_name
from extract.gazetteer import PLACE_NAMES
from extract.mentions import PLACE, Mention


@dataclass
class Place:
    """A named place and its mentions."""

    name: str
    mentions: list[Mention] = field(default_factory=list)


def build_places(mentions: list[Mention], blocked: set[str]) -> list[Place]:
    """Group place mentions by canonical name, skipping names known to be something else."""
    places: dict[str, Place] = {}
    for mention in mentions:
        if mention.kind != PLACE:
            continue
        for part in _parts(mention):
            name = place_name(" ".join(part.text.split()))
            if name.lower() in blocked:
                continue
            place = places.setdefault(name.lower(), Place(name))
            place.mentions.append(part)
    return sorted(places.values(), key=lambda p: min(m.start for m in p.mentions))


def _parts(mention: Mention) -> list[Mention]:
    """"India-Bangladesh border": two listed places joined by a hyphen are those two places."""
    halves = mention.text.split("-")
    if len(halves) != 2 or not all(place_name(h) in PLACE_NAMES for h in halves):
        return [mention]
    middle = mention.start + len(halves[0])
    return [Mention(halves[0], PLACE, mention.start, middle, mention.source),
            Mention(halves[1], PLACE, middle + 1, mention.end, mention.source)]
