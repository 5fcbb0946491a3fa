"""Names read from the words around them: the rules that find a place, an organisation or
a street where the model may have tagged nothing, by the context a name stands in ("Logar
province", "the airline Air Kestrel", "The Quayside reported that", "Twitter CEO Jack
Dorsey", "Fifth Avenue", "the Afghan government", "Tarvos Ferry Company").  Each returns
mentions for ``extract.entities.find_mentions`` to weigh against the model's.  The words of
a name are joined by spaces within one line (spaces and tabs, no line break): a caption or
paragraph that ends in a capitalised word is no first half of the next line's name.
"""

from __future__ import annotations

import re

from extract import gazetteer as gz
from extract.mentions import ORG, PLACE, Mention
from extract.namelists import is_given_name
from extract.wordlists import split_words

# A possessive before a name ("Norland's Arlo", "West Norland's Arlo"): its owner is the
# last one or two capitalised words.
_OWNER_BEFORE = re.compile(r"(?P<first>[A-Z][\w.\-]*[^\S\n])?(?P<last>[A-Z][\w.\-]*)['’]s\s+$")


def possessive_owners(text: str, start: int) -> tuple[str, ...]:
    """The names that may own the name at ``start`` through a possessive before it, the
    shorter first ("In Norland's Arlo": "Norland", then "In Norland"); none without one."""
    match = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return ()
    last = match.group("last")
    return (last, match.group("first") + last) if match.group("first") else (last,)


# An article or a word of former status before a name ("the Quayside", "ex-minister").
LEADING = re.compile(r"^(?:the|a|an|ex|former|late)[\s\-]+", re.IGNORECASE)
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

_HEAD_ORG = re.compile(
    r"\b((?:the\s+)?(?P<owner>[A-Z][\w.]*(?:[^\S\n][A-Z][\w.]*)?)(?:['’]s)?\s+"
    r"(?P<head>" + "|".join(sorted(gz.ORG_HEADS, key=len, reverse=True)) + r"))\b"
)


_PLACE_CONTEXTS = (
    re.compile(rf"\b(?:{gz.PLACE_NOUNS})\s+of\s+(?P<name>[A-Z][\w\-]+(?:[^\S\n][A-Z][\w\-]+)?)"),
    # "60 kilometers north of El Obeid": a compass direction of a name places it.
    re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+"
               r"(?P<name>[A-Z][\w\-]+(?:[^\S\n][A-Z][\w\-]+)?)"),
    re.compile(rf"\b(?P<name>[A-Z][\w]+(?:[^\S\n][A-Z][\w]+)?)(?:-based|\s+(?:{gz.PLACE_NOUNS})\b)"),
    # A site's kind with its qualifier, as GeoNames' feature codes name them (CMPRF refugee
    # camp, MILB military base, AIRB air base, NVB naval base, AIRP international airport):
    # "the Jabalia refugee camp", "Kell military base".
    re.compile(r"\b(?P<name>[A-Z][\w]+(?:[^\S\n][A-Z][\w]+)?)\s+(?:refugee|military|air|naval|"
               r"international)\s+(?:camp|base|airport|port)\b"),
    # "the border with Norland": a border is shared with a place; "Kestrel, the capital",
    # "Kell, the main port town on the coast": a capital, city or town in apposition names one.
    re.compile(r"\b(?:border|frontier)s?\s+with\s+(?:the\s+)?(?P<name>[A-Z][\w\-]+(?:[^\S\n][A-Z][\w\-]+)?)"),
    re.compile(r"(?<![\w’'.\-])(?P<name>[A-Z][\w\-]+(?:[^\S\n][A-Z][\w\-]+)?),\s+the\s+"
               r"(?:[a-z\-]+\s+){0,2}(?:capital|city|town|port|village)"
               r"(?=\s*(?:[,.;:]|(?:of|on|in|near)\b))"),
)


def from_place_context(text: str) -> list[Mention]:
    """"Logar province", "area of Sarkh", "Amritsar-based", "north of Bara": the name is a place."""
    found = []
    for pattern in _PLACE_CONTEXTS:
        for match in pattern.finditer(text):
            name = match.group("name")
            if name.split()[0] in gz.FUNCTION_WORDS or name in gz.DEMONYMS:
                continue
            if name.isupper() and not gz.is_listed_place_acronym(name):
                continue  # an acronym: "the HDMI port", "LED-based lighting", not a place
            found.append(Mention(name, PLACE, match.start("name"), match.end("name"), "context"))
    return found


# A name after the common noun of its kind of organisation ("the beauty company Coty",
# "the airline Air Kestrel"): the nouns of ORG_KEYWORDS that are used so, and the agent nouns
# of trade that newswriting puts in their place (firm, carrier, maker and its compounds,
# "chipmaker", retailer, startup, operator, supplier, developer, lender, and the journalese
# "giant", "the streaming giant X"); and the shares a company issues ("shares of X").
# After a plural ("the companies X, Y and Z") every name of the list is one.
_TRADE_NOUNS = (
    r"compan(?:y|ies)|firms?|banks?|airlines?|carriers?|group|agenc(?:y|ies)|networks?|"
    r"studios?|broadcasters?|newspapers?|publishers?|[a-z]*makers?|manufacturers?|retailers?|"
    r"insurers?|startups?|conglomerates?|operators?|suppliers?|developers?|lenders?|giants?")
_DESCRIPTOR = re.compile(
    rf"\b(?:{_TRADE_NOUNS}|[Ss]hares\s+(?:of|in))\s+(?:(?:such\s+as|including|like)\s+)?"
    r"(?P<name>[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2})(?![\w\-])"
)
# And a name the same nouns describe in apposition after it ("Quorvia, a London-based
# startup,"; "Brivo, the Dutch logistics firm,"; not the owner of "X, the agency's
# director"), or that is the object of founding, buying or investing (ACE 2005's
# Business.Start-Org and Transaction.Transfer-Ownership triggers with a company as their
# object: "founded Halden", "has bought CloudSimple").
_DESCRIBED_AFTER = re.compile(
    r"(?<![\w’'.\-])(?P<name>[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2}),\s+(?:a|an|the)\s+"
    rf"(?:[\w\-]+\s+){{0,3}}?(?:{_TRADE_NOUNS})(?![\w\-’'])(?!\s+(?:of|for)\b)"
    r"|\b(?:founded|co-founded|acquired|bought|purchased|invested\s+in)\s+"
    r"(?P<object>[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2})(?![\w\-’'])"
)
_LISTED_NAME = re.compile(
    r",?\s+(?:(?:and|or)\s+)?(?P<name>[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2})(?![\w\-])")


# A publication named as the subject of "reported" or after "according to" ("The Wrap
# reported that", "as Tidewater Weekly has reported,", "according to The Harbour Herald"),
# or told, confirmed or was cited ("told The Quayside", "confirmed to WIRED", "citing Kell
# Radio"): newsroom style
# for crediting another outlet.
_REPORTER = re.compile(
    r"(?:\b(?:[Aa]ccording\s+to|told|confirmed\s+to|citing)\s+"
    r"(?P<after>(?:The\s+)?[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2}))"
    r"|(?:(?<![\w.,])(?P<before>(?:The\s+)?[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2})\s+"
    r"(?:(?:has|have|had)\s+)?(?:reported|reports)(?:\s+(?:that|on)\b|(?=[,.;])))"
)


def no_org_name(name: str) -> bool:
    """What a rule that reads an organisation's name from its context must pass over: a run
    opening with a function word or a weekday or month, a listed place, a demonym."""
    first = name.split()[0]
    return first in gz.FUNCTION_WORDS or first in gz.WEEKDAY_AND_MONTHS or name in gz.PLACE_NAMES \
        or name in gz.DEMONYMS


def from_reporters(text: str, person_words: set[str]) -> list[Mention]:
    """Outlets credited for a report, unless the name is a person's or a group of people's."""
    found = []
    for match in _REPORTER.finditer(text):
        group = "after" if match.group("after") else "before"
        spans = [(match.start(group), match.end(group))]
        joined = _JOINED_BEFORE.search(text, max(0, spans[0][0] - 40), spans[0][0])
        if group == "before" and joined:  # "The Verge and CNET reported"
            spans.append(joined.span(1))
        for start, end in spans:
            name = LEADING.sub("", text[start:end])  # "The Quayside" is the Quayside
            words = name.split()
            if not words or no_org_name(name) or words[0] in gz.GENERIC_SPEAKERS \
                    or any(w in person_words for w in words) or is_given_name(words[0]):
                continue
            found.append(Mention(name, ORG, end - len(name), end, "context"))
    return found


# Another outlet joined by "and" before the one that reported.
_JOINED_BEFORE = re.compile(r"(?<![\w.,])((?:The\s+)?[A-Z][\w&\-]*(?:[^\S\n]+[A-Z][\w&\-]*){0,2})\s+and\s+$")


# The titles of offices in companies and other bodies that stand between the body's name and
# the holder's ("Twitter CEO Jack Dorsey", "Kremlin spokesman Dmitry Peskov"): the name before
# them is the employer's.  They are the company and press offices among gazetteer.TITLE_WORDS
# (ceo, founder, chairman, chairwoman, spokesperson, spokesman, spokeswoman, head), with the
# spelled-out and informal forms news also writes (chief executive, co-founder, boss).
_EMPLOYER = re.compile(
    r"(?<![\w.’'])(?P<name>[A-Z][\w&’'.\-]*(?:[^\S\n]+[A-Z][\w&’'.\-]*){0,2})\s+"
    r"(?:CEO|chief\s+executive|co-founder|founder|chairman|chairwoman|spokesperson|spokesman|"
    r"spokeswoman|head|boss)\s+[A-Z][a-z]+\s+[A-Z]"
)


# The simple prepositions of English (Quirk et al. 9.7) that can open a sentence before a
# name ("Like Instagram head Adam Mosseri, ..."), beyond those in gz.FUNCTION_WORDS.
_OPENING_PREPOSITIONS = frozenset(split_words(
    "Like Unlike Despite Under Over Without Against Between Among Amid Through Into Upon "
    "Toward Towards Per Via Inside Outside Near Beyond Behind Across"
))


def from_employers(text: str, full_names: set[str]) -> list[Mention]:
    """The body named before the office title of one of its people, unless the name is a
    place, a title, or part of a person's full name ("Biden spokesman X": Joe Biden's);
    a preposition opening the sentence is no part of it."""
    found = []
    for match in _EMPLOYER.finditer(text):
        words = LEADING.sub("", match.group("name")).split()
        while words and (words[0] in gz.FUNCTION_WORDS or words[0] in _OPENING_PREPOSITIONS):
            words.pop(0)
        name = " ".join(words)
        if not words or no_org_name(name) or words[0] in gz.GENERIC_SPEAKERS \
                or any(w.lower() in gz.TITLE_WORDS or w in full_names for w in words) \
                or is_given_name(words[0]):
            continue
        start = match.end("name") - len(name)
        found.append(Mention(name, ORG, start, start + len(name), "context"))
    return found


def from_descriptors(text: str) -> list[Mention]:
    """"the beauty company Coty": the name after an organisation's kind is an organisation,
    and every name of the list after a plural kind; not one that opens with the head of a
    title or a function word ("company CEO Ana Ruiz"), nor a person's name ("mail carrier
    Tom Berg")."""
    found = []
    for match in _DESCRIBED_AFTER.finditer(text):
        group = "name" if match.group("name") else "object"
        name = POSSESSIVE.sub("", match.group(group))
        if not (no_org_name(name) or is_given_name(name.split()[0])):
            found.append(Mention(name, ORG, match.start(group), match.start(group) + len(name), "context"))
    for match in _DESCRIPTOR.finditer(text):
        listed = [match]
        plural = match.group(0).split()[0].endswith("s")
        while plural and (more := _LISTED_NAME.match(text, listed[-1].end())) is not None:
            listed.append(more)  # "the companies Astra, Brightline and Kestrel Dynamics"
        for item in listed:
            name = POSSESSIVE.sub("", item.group("name"))
            if no_org_name(name) or name.split()[0].lower() in gz.TITLE_HEADS \
                    or (" " in name and is_given_name(name.split()[0])):
                continue  # "mail carrier Tom Berg": a person's job
            start = item.start("name")
            found.append(Mention(name, ORG, start, start + len(name), "context"))
    return found


# Street and square suffixes of the USPS's Publication 28 (Appendix C1), written out: a
# capitalised name before one of them names a street or square ("Wall Street", "Fifth Avenue").
_STREET = re.compile(
    r"(?<![\w.’'\-])((?:[A-Z][a-z]+\s){1,2}(?:Street|Avenue|Boulevard|Square|Road|Lane|Plaza))"
    r"(?!\s+[A-Z0-9])(?![\w\-])"
)


def from_streets(text: str) -> list[Mention]:
    """Named streets and squares; one followed by another capitalised word ("Wall Street
    Journal") is part of a longer name and left to NER."""
    found = []
    for match in _STREET.finditer(text):
        name, start = match.group(1), match.start(1)
        first = name.split()[0]
        if first in gz.FUNCTION_WORDS or first in gz.WEEKDAY_AND_MONTHS:
            if len(name.split()) < 3:
                continue
            name, start = name[len(first) + 1 :], start + len(first) + 1
        found.append(Mention(name, PLACE, start, start + len(name), "street"))
    return found


def from_heads(text: str) -> list[Mention]:
    """"Afghan government", "US military", "Vietnam's coast guard" are organisations."""
    found = []
    for match in _HEAD_ORG.finditer(text):
        owner = match.group("owner")
        if not is_place_or_demonym(owner):
            continue
        span = match.group(1)
        span = re.sub(r"^the\s+", "", span)
        start = match.start(1) + match.group(1).find(span)
        found.append(Mention(span, ORG, start, start + len(span), "head"))
    return found


# A run of capitalised words ending with the capitalised word of an organisation's kind
# (gazetteer.ORG_KEYWORDS: "Tarvos Ferry Company", "Harbour Pilots Association"): the name
# of a body, whatever the model tagged there.
# The compass and position adjectives that name a region by where it lies.
POSITION_WORDS = frozenset(split_words(
    "North South East West Northern Southern Eastern Western Central Upper Lower Left Right "
    "Inner Outer Greater"
))
_KEYWORD_ORG = re.compile(
    r"(?<![\w’'.\-])(?P<name>(?:[A-Z][\w&’'\-]*\s+){1,4}(?P<head>[A-Z][a-z]+))(?![\w’'\-])"
)


def names_a_body(name: str) -> bool:
    """Whether a name's last word is the word of an organisation's kind ("Ministry",
    "Senate", "Inc.", not "House" or "Post", which name buildings and posts as often), and it
    is no region named by its position ("West Bank"); or it is an airline's, "Air" and a
    name (the naming style of flag carriers: "Air Astana", "Air India"), not a rank.  A
    space agency's "Space Center" is a site, not a body."""
    words = re.split(r"[\s\-]+", name)
    last = words[-1].lower().rstrip(".,")
    if gz.is_space_site(name):
        return False  # "Stennis Space Center": a site
    if len(words) == 2 and words[0] == "Air" and words[1][:1].isupper() \
            and words[1].lower() not in gz.TITLE_WORDS:  # not the rank "Air Marshal"
        return True
    return last in gz.ORG_KEYWORDS and last not in {"house", "post"} \
        and not (len(words) > 1 and all(w in POSITION_WORDS for w in words[:-1]))


def from_keywords(text: str) -> list[Mention]:
    """Names whose last word is an organisation's kind, even where the model tagged
    nothing; not a listed place nor a run opening with a function word, weekday or month.
    A title-case category ("Tax Preparation Service") passes for a name too."""
    found = []
    for match in _KEYWORD_ORG.finditer(text):
        if not names_a_body(match.group("name")):
            continue
        words = match.group("name").split()
        owners = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
        if owners:
            words = words[owners[-1] + 1 :]  # "Norway's Brevik Systems": the owner is apart
        while words and words[0] in gz.FUNCTION_WORDS:
            words.pop(0)
        name = " ".join(words)
        if len(words) < 2 or no_org_name(name) or name in gz.PLACE_NAMES or not names_a_body(name):
            continue
        found.append(Mention(name, ORG, match.end("name") - len(name), match.end("name"), "keyword"))
    return found


def is_place_or_demonym(word: str) -> bool:
    """A country, capital, US/UK short form or demonym, e.g. the owner in "Afghan army"."""
    return (
        word in gz.PLACE_NAMES or word in gz.DEMONYMS or word in gz.US_FORMS or word in gz.UK_FORMS
    )
