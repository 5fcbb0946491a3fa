"""Places: one entry per place, under a canonical spelling ("U.S." -> "United States")."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.entities import place_name
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
        name = place_name(" ".join(mention.text.split()))
        if name.lower() in blocked:
            continue
        place = places.setdefault(name.lower(), Place(name))
        place.mentions.append(mention)
    return sorted(places.values(), key=lambda p: min(m.start for m in p.mentions))
