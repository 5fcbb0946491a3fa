"""Organisations: one entry per body, with acronyms and short forms joined as aliases.

"Information Fusion Centre-Indian Ocean Region (IFC-IOR)" defines an acronym in
the text; "EU" is a well-known short form of "European Union"; "the Senate"
is a shorter mention of "Nigerian Senate".  All of these become aliases of the
fullest name so the same body is listed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import gazetteer as gz
from extract import products
from extract.casing import written_in_lower_case
from extract.context_names import POSITION_WORDS
from extract.entities import acronym_initials
from extract.mentions import ORG, Mention
from extract.namelists import is_adjective, is_company, without_legal_form

_DEFINITION = re.compile(r"\s*\(([A-Z][A-Za-z0-9&\-./]{1,14})\)")


@dataclass
class Organization:
    """An organisation, its other names, and where it is mentioned."""

    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def names(self) -> list[str]:
        """The main name followed by every alias."""
        return [self.name, *self.aliases]


def build_orgs(mentions: list[Mention], text: str, excluded: set[str]) -> list[Organization]:
    """Group organisation mentions; ``excluded`` holds names that are wire agencies etc."""
    orgs: list[Organization] = []
    org_mentions = [m for m in mentions if m.kind == ORG and m.text.lower() not in excluded]
    for mention in sorted(org_mentions, key=lambda m: -len(m.text)):
        name = _normal(mention.text)
        org = _find(orgs, name, text, mention)
        if org is None:
            org = Organization(gz.ORG_ALIASES.get(name, name))
            if org.name != name:
                org.aliases.append(name)
            orgs.append(org)
        elif not _same(org.name, name) and all(not _same(a, name) for a in org.aliases):
            org.aliases.append(name)
        elif org.name.isupper() and not name.isupper():
            org.name = name  # "HOME DEPOT INC" of a ticker is "Home Depot" in the prose
        org.mentions.append(mention)
    orgs = _consolidate(orgs)
    for org in orgs:
        _rename(org)
    orgs = [o for o in orgs if _names_an_organisation(o, text)]
    for org in orgs:
        _unglue(org)
    orgs = [o for o in orgs if not _coordination(o, orgs)]
    return sorted(orgs, key=lambda o: min(m.start for m in o.mentions))


def _coordination(org: Organization, orgs: list[Organization]) -> bool:
    """"Falcon Heavy and Starship", "CBS All Access, Disney": two names joined by "and" or a
    comma, one of them listed on its own, is a coordination NER read as one name (a name like
    "Customs and Border Protection", whose halves never stand alone, is kept)."""
    joint = next((j for j in (" and ", ", ") if j in org.name), None)
    if joint is None or (org.aliases and joint == " and "):
        return False
    halves = [h.strip() for h in org.name.split(joint, 1)]
    others = {n.lower() for o in orgs if o is not org for n in o.names()}
    return any(h.lower() in others for h in halves)


def _unglue(org: Organization) -> None:
    """"Starship, Blue Origin" known also as "Blue Origin": the model read two listed names
    as one; the organisation is the half it is also called by."""
    if ", " not in org.name:
        return
    for half in (h.strip() for h in org.name.split(", ", 1)):
        alias = next((a for a in org.aliases if _same(a, half)), None)
        if alias is not None:
            org.aliases.remove(alias)
            org.name = alias
            return


_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s?$")


def _names_an_organisation(org: Organization, text: str) -> bool:
    """Structural checks a capitalised ordinary word or a unit fails.

    A one-word name the article also writes in lower case as an ordinary word
    ("Education advocacy groups", "VOTE on Tuesday") is that word capitalised, an acronym
    only ever written right after a number ("30 GW") is a unit of measure, and one written
    as a common noun ("an external GPU,") is that noun; names the gazetteer knows and names
    with aliases are kept.
    """
    if org.name in gz.ORG_ALIASES or org.name in gz.ORG_ALIASES.values():
        return True
    if org.name.split()[0] in ("Operation", "Exercise") and " " in org.name:
        return False  # "Operation Sea Guardian": a named operation (OntoNotes EVENT), no body
    if _names_a_product(org, text):
        return False
    if org.aliases:
        return True
    name = org.name
    if " " not in name and (name.isupper() or name[1:].islower()) \
            and written_in_lower_case(name, text):
        return False  # "Education groups", "GET OUT and VOTE": an ordinary word, capitalised
    unit = name.isupper() and all(_AFTER_NUMBER.search(text[max(0, m.start - 12) : m.start])
                                  for m in org.mentions)
    return not unit and not (name.isupper() and (_a_common_nouns_acronym(name, text)
                                                 or _spelled_out_in_lower_case(name, text)))


# The determiners a name never takes (Quirk et al. 5.60-5.66: a proper noun takes no article
# but "the"): the indefinite article and the possessive determiners, with at most one
# adjective between, and a quantity's "of"; an acronym after them, with no noun of its own
# after it ("an external GPU,", "your CPU and", "32GB of RAM"), is a common noun's ("a CPU").
# "an FBI agent", "their NATO allies": a name modifying a noun still may.
_COMMON_NOUN_BEFORE = re.compile(r"\b(?:a|an|your|my|our|their|his|her)\s+(?:[a-z][\w\-]*\s+)?$")
_COMMON_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)!?]|(?:and|or|of|is|was|are|were)\b|$)")
_QUANTITY_OF = re.compile(r"\d\s?[A-Za-z]{1,3}\s+of\s+$")


def _a_common_nouns_acronym(name: str, text: str) -> bool:
    """Whether the text writes the acronym somewhere as a common noun (see above)."""
    for end in products.name_ends(name, text):
        before = text[max(0, end - len(name) - 30) : end - len(name)]
        if _QUANTITY_OF.search(before) or (_COMMON_NOUN_BEFORE.search(before)
                                           and _COMMON_NOUN_AFTER.match(text, end)):
            return True
    return False


def _spelled_out_in_lower_case(acronym: str, text: str) -> bool:
    """Whether the text spells the acronym out in lower case beside it, in brackets either
    way ("seasonal affective disorder (SAD)", "SAFE (sail a ferry early)"): the
    initials of a common noun's words, which a name's would be capitalised."""
    letters = acronym.lower()
    for match in re.finditer(rf"\({re.escape(acronym)}\)", text):
        words = re.findall(r"[A-Za-z][\w\-]*", text[max(0, match.start() - 80) : match.start()])
        spelled = words[-len(letters):]
        if len(spelled) == len(letters) and "".join(w[0].lower() for w in spelled) == letters \
                and all(w.islower() for w in spelled[1:]):
            return True
    for match in re.finditer(rf"\b{re.escape(acronym)}\s*\(([^)]{{3,80}})\)", text):
        words = re.findall(r"[A-Za-z][\w\-]*", match.group(1))
        if "".join(w[0] for w in words) == letters:
            return True  # every word in lower case
    return False


def _names_a_product(org: Organization, text: str) -> bool:
    """"SLS rockets", "the Artemis 3 mission", "Orion spacecraft": a name that stands before
    the noun of a product in at least half of the places the text writes it is the
    product's ("Artemis aims to ..." is the programme of "the Artemis program"), and so is
    a name that ends with one ("Polar Exploration Rover") or with a word that names no body
    (gazetteer.NON_ORG_TAILS); a listed company (whose name also stands before its
    products: "Boeing jets") or a name of an organisation's kind ("Space Agency") stays an
    organisation.  So with programmes ("the Payload Services (CLPS) program"), which are no
    group of people; a name that takes a small serial number ("Artemis 3", "Falcon 9")
    names a series of vehicles or missions, and one written after a ship type or its crew
    a ship (products.after_a_vessel_type)."""
    last = org.name.split()[-1].lower()
    if is_company(org.name) or last in gz.ORG_KEYWORDS or last in gz.ORG_HEADS:
        return False  # "China's military staged drills": a state's institution, no exercise
    if last in products.PRODUCT_TAILS or last in gz.NON_ORG_TAILS:
        return True
    ends = products.name_ends(org.name, text) or [m.end for m in org.mentions]
    return products.stands_before_products(ends, text) or products.takes_a_serial(ends, text) \
        or products.after_a_vessel_type([end - len(org.name) for end in ends], text)


def _consolidate(orgs: list[Organization]) -> list[Organization]:
    """Merge an organisation into the only other one whose name ends with one of its names
    ("Taliban" into "Afghan Taliban"), so glosses and short forms meet in one entry."""
    kept: list[Organization] = []
    for org in sorted(orgs, key=lambda o: -len(o.name)):
        targets = (_contained_in(kept, name) for name in org.names())
        target = next((t for t in targets if t is not None), None)
        if target is None:
            kept.append(org)
            continue
        for name in org.names():
            if all(not _same(name, n) for n in target.names()):
                target.aliases.append(name)
        target.mentions.extend(org.mentions)
    return kept


def _rename(org: Organization) -> None:
    """List the organisation under its most used full name; other names become aliases.

    Acronyms, short forms that end a longer name ("Senate" of "Nigerian Senate") and short
    names that open one ("Nordvik" of "Nordvik Sensors") only name it when nothing else does.
    """
    names = org.names()
    counts = {n: sum(m.text.lower() == n.lower() for m in org.mentions) for n in names}
    full = [n for n in names if not n.isupper()]
    full = [n for n in full if not any(_shortens(n, o) for o in full)] or names
    best = max(full, key=lambda n: (counts[n], len(n)))
    # A party is listed under its name, not the word for its members ("Republicans").
    party = next((gz.PARTY_ALIASES[n] for n in names if n in gz.PARTY_ALIASES), None)
    if party and all(n in gz.PARTY_ALIASES or _same(n, party) for n in names):
        best = party
        names = names if any(_same(n, party) for n in names) else [*names, party]
    if best != org.name:
        org.aliases = [n for n in names if n != best]
        org.name = best


def _shortens(short: str, name: str) -> bool:
    """Whether ``short`` ends ``name`` ("Senate" of "Nigerian Senate") or is its short name
    ("Nordvik" of "Nordvik Sensors")."""
    return name.lower().endswith(" " + short.lower()) \
        or (short_name_of(name) or "").lower() == short.lower()


def _normal(name: str) -> str:
    """Collapse whitespace; keep the article's own casing."""
    return " ".join(name.split())


def _same(a: str, b: str) -> bool:
    """Names equal ignoring case and a legal form ("Sierra Nevada Corp." is "Sierra Nevada
    Corporation")."""
    return a.lower() == b.lower() or without_legal_form(a).lower() == without_legal_form(b).lower()


def _find(
    orgs: list[Organization], name: str, text: str, mention: Mention
) -> Organization | None:
    """An existing organisation this name is, or abbreviates."""
    canonical = gz.ORG_ALIASES.get(name)
    for org in orgs:
        names = org.names()
        if any(_same(n, name) for n in names):
            return org
        if canonical and any(_same(n, canonical) for n in names):
            return org
        if _is_acronym_of(name, org.name) or _defined_as(org, name, text):
            return org
    return _contained_in(orgs, name)


def _is_acronym_of(short: str, long: str) -> bool:
    """"EU" abbreviates "European union" (initials compared case-insensitively)."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if not short.isupper() or len(letters) < 2:
        return False
    words = [w for w in re.split(r"[\s\-]+", long) if w.lower() not in {"of", "the", "and", "for"}]
    return letters.upper() == "".join(w[0] for w in words if w).upper() or (
        letters == acronym_initials(long) and len(letters) >= 3
    )


def _defined_as(org: Organization, name: str, text: str) -> bool:
    """The text writes "<org name> (<name>)", defining this acronym."""
    for mention in org.mentions:
        match = _DEFINITION.match(text, mention.end)
        if match and match.group(1) == name:
            return True
    return False


def _contained_in(orgs: list[Organization], name: str) -> Organization | None:
    """"Senate" is a short mention of "Nigerian Senate" when only one org ends that way, and
    "Harvest" of a listed "Harvest Foods" or of "Nordvik Sensors", a name ending with the
    word of its kind, when only one starts that way (news names a company by its first
    word after the first mention).  A seat of government is named whole: "House" is never
    the "White House", nor "Street" Downing Street."""
    name = without_legal_form(name)  # "Nano-Satellite Systems Inc." of "Tyvak Nano-Satellite Systems"
    lowered = name.lower()
    hits = [
        o for o in orgs
        if len(o.name.split()) > len(name.split()) and o.name not in gz.GOVERNMENT_SEATS
        and without_legal_form(o.name).lower().endswith(" " + lowered)
    ]
    if not hits and is_short_name(name):
        hits = [o for o in orgs if (short_name_of(o.name) or "").lower() == lowered]
    return hits[0] if len(hits) == 1 else None


def short_name_of(name: str) -> str | None:
    """The first word news names an organisation by after its first mention ("Nordvik" of
    "Nordvik Sensors", "Harvest" of the listed "Harvest Foods"): for a listed company or a
    name ending with the word of its kind; None for other names.  The store resolves
    one-word names across articles by the same rule (wirebrief/store/entities.py)."""
    words = name.split()
    if len(words) < 2 or not (is_company(name) or words[-1].lower() in gz.ORG_KEYWORDS):
        return None
    return words[0] if is_short_name(words[0]) else None


def is_short_name(name: str) -> bool:
    """Whether a one-word name can be an organisation's short name: a plain capitalised
    word that is not the word of a kind ("House" of "House Science Committee" is a
    chamber), a party word ("Republican"), a name of its own, a place, a people, a title's
    word ("State" of "State Department"), a position ("North"), a function word or an
    adjective ("International" of "International Tennis Federation" qualifies the name).  A
    listed company is a name of its own too: "Amazon" is no short "Amazon Web Services"."""
    return bool(re.fullmatch(r"[A-Z][\w&]*", name)) and name.lower() not in gz.ORG_KEYWORDS \
        and name not in gz.PARTY_ALIASES and name not in gz.ORG_ALIASES and not is_company(name) \
        and name not in gz.PLACE_NAMES and name not in gz.DEMONYMS \
        and name.lower() not in gz.TITLE_WORDS and name not in gz.FUNCTION_WORDS \
        and name not in POSITION_WORDS and not is_adjective(name)
