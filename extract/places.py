"""Places: one entry per place, under a canonical spelling ("U.S." -> "United States")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.casing import written_in_lower_case
from extract.context_names import possessive_owners
from extract.dateline import PARTY_STATE
from extract.entities import place_name
from extract.gazetteer import PLACE_NAMES, names_a_site
from extract.mentions import PLACE, Mention
from extract.namelists import is_city
from extract.products import stands_before_products
from extract.wordlists import PLACE_PREPOSITIONS


@dataclass
class Place:
    """A named place and its mentions."""

    name: str
    mentions: list[Mention] = field(default_factory=list)


# The prepositions of place and direction of English grammar (Quirk et al., "A
# Comprehensive Grammar of the English Language", 9.15-9.30), "of" ("the people of X"),
# and a list's comma or "and": a place the model alone found is written after one of them,
# after a place's possessive ("Norland's Arlo"), or before a comma and a capitalised name
# ("Arlo, Norland"; not "…, I", the pronoun); one written nowhere so is a capitalised word of
# another kind (an app's name, "Fahrenheit").  Not "by", which before a name is the agent's
# ("owned by Kellcorp", "caused by a bacterium") far more often than a place's.
_BEFORE_A_PLACE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(PLACE_PREPOSITIONS | {'of', 'and'}))})|,)\s+(?:the\s+)?$", re.IGNORECASE)
_AFTER_A_PLACE = re.compile(r"\s*,\s+(?!I\b)[A-Z]|['’]s\b|-based\b")  # not the pronoun "I"


def _written_as_a_place(place: Place, text: str) -> bool:
    """Whether the gazetteer knows the place, GeoNames lists a city of that name ("Gaza
    residents said"), a rule found it, its name ends with a site's head, or one of its
    mentions stands where a place does (see _BEFORE_A_PLACE)."""
    if place.name in PLACE_NAMES or is_city(place.name) or any(m.source != "ner" for m in place.mentions):
        return True
    if names_a_site(place.name):
        return True  # the name says what it is: "Stennis Space Center", "Sabina Shoal"
    if " " not in place.name and written_in_lower_case(place.name, text):
        return False  # "Steel", "Design": a heading's ordinary word
    if stands_before_products([m.end for m in place.mentions], text, devices_only=True):
        return False  # "Kell Yards' New Tern rockets": a vehicle's name
    for mention in place.mentions:
        before = text[max(0, mention.start - 16) : mention.start]
        owners = possessive_owners(text, mention.start)
        if _BEFORE_A_PLACE.search(before) or _AFTER_A_PLACE.match(text, mention.end) \
                or any(place_name(owner) in PLACE_NAMES for owner in owners):
            return True
    return False


_AFTER_A_PREPOSITION_OF_PLACE = re.compile(
    rf"\b(?:{'|'.join(sorted(PLACE_PREPOSITIONS))})\s+(?:the\s+)?$", re.IGNORECASE)


def governed_as_a_place(place: Place, text: str) -> bool:
    """Whether a preposition of place governs one of the place's mentions ("fans in Ithaca")."""
    return any(_AFTER_A_PREPOSITION_OF_PLACE.search(text, max(0, m.start - 16), m.start)
               for m in place.mentions)


# The head nouns of diseases named after the place they were first found in, a custom the
# WHO's "Best Practices for the Naming of New Human Infectious Diseases" (2015) lists and
# advises against ("Marburg virus", "Rift Valley fever", "Lyme disease"): the place names
# the disease there, not a place of the story.
_NAMES_A_DISEASE = re.compile(r"\s+(?i:virus|fever|disease|flu|influenza|syndrome)\b")


def build_places(mentions: list[Mention], blocked: set[str], text: str) -> list[Place]:
    """Group place mentions by canonical name, skipping names known to be something else,
    diseases' names and capitalised words the model alone took for places."""
    places: dict[str, Place] = {}
    for mention in mentions:
        if mention.kind != PLACE or _NAMES_A_DISEASE.match(text, mention.end) \
                or PARTY_STATE.match(mention.text):
            continue  # "Sen. Ana Ruiz, D-Mass.,": a party and a state's abbreviation
        for part in _parts(mention):
            name = place_name(" ".join(part.text.split()))
            if name.lower() in blocked:
                continue
            place = places.setdefault(name.lower(), Place(name))
            place.mentions.append(part)
    kept = [p for p in places.values() if _written_as_a_place(p, text)]
    return sorted(kept, key=lambda p: min(m.start for m in p.mentions))


def _parts(mention: Mention) -> list[Mention]:
    """"India-Bangladesh border": two listed places joined by a hyphen are those two places."""
    halves = mention.text.split("-")
    if len(halves) != 2 or not all(place_name(h) in PLACE_NAMES for h in halves):
        return [mention]
    middle = mention.start + len(halves[0])
    return [Mention(halves[0], PLACE, mention.start, middle, mention.source),
            Mention(halves[1], PLACE, middle + 1, mention.end, mention.source)]
