"""Names of things that are no body or person: a name that stands before the noun of a
product, a programme, an exercise or a road ("SLS rockets", "the Artemis moon program",
"Liquid Retina display", "the AUSINDEX exercise", "the Lamu-Garsen road") names that thing,
and so does one written after a ship's type or crew ("the tanker Marlin Star").  Shared by
the organisation and person filters."""

from __future__ import annotations

import re

from extract import gazetteer as gz

# Common nouns of the things the OntoNotes 5.0 named-entity guidelines class as PRODUCT:
# vehicles, weapons and devices.
DEVICE_NOUNS = (
    "rocket|rockets|lander|landers|rover|spacecraft|satellite|satellites|probe|"
    "missile|missiles|jet|jets|aircraft|plane|planes|drone|drones|vehicle|vehicles|tank|tanks|"
    "car|cars|SUV|SUVs|truck|trucks|phone|phones|smartphone|smartphones|laptop|laptops|"
    "tablet|tablets|TV|TVs|display|displays|chip|chips|processor|processors|charger|chargers|"
    "app|apps|console|consoles|engine|engines|launcher|capsule"
)
# The ship types of merchant and naval registers (tanker, container ship, ferry, trawler,
# tug; frigate, destroyer, corvette, cruiser, submarine, patrol vessel) and "ship"/"vessel"
# themselves: a vehicle too, named after its type as often as before it ("the tanker Marlin
# Star", "the Marlin Star tanker").  Not "carrier", which news uses for airlines ("flag
# carrier Emirates") and jobs ("mail carrier") more than for ships.
VESSEL_NOUNS = ("tanker|ship|vessel|ferry|freighter|trawler|tug|frigate|destroyer|corvette|"
                "cruiser|submarine|boat|yacht|dhow")
# And the words of a ship's company and of being on board: "the captain of the Marlin
# Star", "the crew of the Kestrel", "aboard the Kestrel" name a vessel, not a body.
_AFTER_VESSEL = re.compile(rf"\b(?:(?:{VESSEL_NOUNS})|(?:captain|crew|skipper|master)\s+of\s+the|"
                           r"aboard(?:\s+the)?|on\s+board(?:\s+the)?)\s+$", re.IGNORECASE)
# Those of WORK_OF_ART (films, series, games) and of missions: a person's name stands before
# them too ("a Tarantino film"), so they mark only organisations' names as products'.
WORK_NOUNS = "film|films|movie|movies|series|game|games|mission|missions"
# And the military exercises of the ACE 2005 event nouns (exercise, drill) with wargames and
# manoeuvres: "the AUSINDEX bilateral exercise" names an exercise, as "Malabar drills" do.
EXERCISE_NOUNS = "exercise|exercises|drill|drills|wargame|wargames|manoeuvres|maneuvers"
PRODUCT_TAILS = frozenset(f"{DEVICE_NOUNS}|{WORK_NOUNS}".lower().split("|"))

# Up to two modifiers may stand between ("Blue Moon uncrewed vehicle", "Artemis moon
# program"): lower-case words that are no function word and no verb's "-s" form.
_MODIFIER = r"(?:(?!(?:the|a|an|and|or|of|to|in|on|for|with|by|at|from|is|was)\s)[a-z][\w\-]*[^\Ws]\s+)"


def _before(nouns: str) -> re.Pattern[str]:
    """What follows a name that stands before one of ``nouns``: its acronym's definition, a
    number or a model letter, and two modifiers may come between ("the Payload Services
    (CLPS) program", "the Mustang Mach E SUV")."""
    return re.compile(rf"\)?\s+(?:\([A-Z][\w&-]*\)\s+)?(?:(?:\d+|[A-Z]\d*)\s+)?{_MODIFIER}{{0,2}}?"
                      rf"(?:{nouns})\b")


# The routes and structures of the OntoNotes 5.0 FAC class (highways, roads, bridges,
# tunnels, canals, pipelines, railway lines): "the Lamu-Garsen road" is a road.
ROUTE_NOUNS = "road|roads|highway|motorway|bridge|tunnel|canal|pipeline|railway"
_BEFORE_ANY = _before("|".join([DEVICE_NOUNS, VESSEL_NOUNS, WORK_NOUNS, EXERCISE_NOUNS, ROUTE_NOUNS,
                                 *sorted(gz.PROGRAMME_NOUNS)]))
_BEFORE_DEVICE = _before(f"{DEVICE_NOUNS}|{VESSEL_NOUNS}")
# A small serial number or Roman numeral after a name: the name of a series of vehicles,
# missions or versions ("Artemis 3", "Falcon 9", "Apollo XI"), or a variant's letter after a
# hyphen ("USB-C", "MiG-29"); model numbers of a listed maker ("Boeing 787") have more digits.
_SERIAL = re.compile(r"\s(?:[1-9]\d?|[IVX]{1,4})\b(?![\d.,%:/-])|-(?:[A-Z]|[1-9]\d?)\b(?![\w.,%:/-])")


def name_ends(name: str, text: str) -> list[int]:
    """Where each place the text writes ``name`` (as whole words) ends.  A plain substring
    search, since this runs for every name over the whole text."""
    ends: list[int] = []
    start = text.find(name)
    while start != -1 and name:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            ends.append(end)
        start = text.find(name, start + 1)
    return ends


def stands_before_products(ends: list[int], text: str, devices_only: bool = False) -> bool:
    """Whether at least half of a name's places (given by where they end) stand before the
    noun of a product or programme (with ``devices_only``, of a vehicle, weapon or device)."""
    pattern = _BEFORE_DEVICE if devices_only else _BEFORE_ANY
    return bool(ends) and 2 * sum(bool(pattern.match(text, end)) for end in ends) >= len(ends)


def after_a_vessel_type(starts: list[int], text: str) -> bool:
    """Whether the name is written right after a ship type, its crew or "aboard" somewhere
    ("the tanker Marlin Star", "the captain of the Marlin Star")."""
    return any(_AFTER_VESSEL.search(text[max(0, start - 24) : start]) for start in starts)


# A size written before a name: the units of length, volume and mass of the SI and the US
# customary system as compound adjectives ("12-inch", "2-litre"), and the byte multiples and
# camera and battery units written after a number ("256GB", "12MP", "5000mAh").  People
# have no size: "the 12-inch Kestrel" is a model.
_MEASURE = re.compile(
    r"\b\d+(?:\.\d+)?(?:-(?:inch|foot|feet|yard|mile|millimetre|millimeter|centimetre|centimeter|"
    r"metre|meter|kilometre|kilometer|litre|liter|gallon|gram|kilogram|tonne|ton|pound|ounce)"
    r"|(?:mm|cm|GB|TB|MB|MP|mAh))\s+$")


def after_a_measure(starts: list[int], text: str) -> bool:
    """Whether the name is written right after a size somewhere ("the 12-inch Kestrel")."""
    return any(_MEASURE.search(text[max(0, start - 24) : start]) for start in starts)


def takes_a_serial(ends: list[int], text: str) -> bool:
    """Whether a small serial number follows the name somewhere ("Artemis 3")."""
    return any(_SERIAL.match(text, end) for end in ends)
