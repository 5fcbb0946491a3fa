"""Find typed name mentions: spaCy NER corrected by gazetteers and simple rules.

The small English model confuses kinds often (a country tagged PERSON, a person
tagged ORG, a surname tagged GPE).  Mentions are therefore re-typed with
gazetteers, acronym definitions and a per-name vote, so every occurrence of the
same name ends up with the same kind.  The names read from their context where the
model may have tagged nothing are found by :mod:`extract.context_names`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from extract import context_names as context
from extract import gazetteer as gz
from extract.attribution import INVERTED_SPEECH_VERBS, PERSONAL_SPEECH_VERBS
from extract.mentions import ORG, PERSON, PLACE, Mention
from extract.namelists import find_companies, is_company, is_given_name, surname_used_alone
from extract.people import appositive_title, is_title_head, leading_title
from extract.wordlists import split_words

_LABELS = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "NORP": ORG}
_LOWER_PLACES = {name.lower(): name for name in gz.PLACE_NAMES}
_GAZETTEER_RE = re.compile(
    r"(?=[A-Za-z])(?<![\w\-])(?:"
    + "|".join(
        re.escape(n)
        for n in sorted(
            gz.PLACE_NAMES | gz.NAMED_ORGS | set(gz.ORG_ALIASES) | {"U.S.", "U.K."},
            key=len,
            reverse=True,
        )
    )
    + r")(?![\w\-]|\.\w)"
)
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Za-z0-9&\-./]{1,14})\)")


def find_mentions(entities: list[tuple[int, int, str]], text: str,
                  skip: tuple[int, int] | None = None, covered: int | None = None) -> list[Mention]:
    """Every person/org/place mention in ``text``.

    ``entities`` are the (start, end, label) spans NER found, in ``text`` coordinates,
    and ``covered`` the offset where NER stopped; names found before it are looked
    for again in the rest of the text.
    """
    ner = list(_from_ner(entities, text))
    person_words = {w for m in ner if m.kind == PERSON for w in m.text.split()}
    raw = _from_speech(text, person_words) + _from_titled_appositives(text)
    raw += ner
    if covered is not None and covered < len(text):
        raw += _echo(raw, text, covered)
    raw += _not_people(_from_acronyms(text), ner)
    raw += context.from_heads(text)
    raw += _from_gazetteer(text)
    raw += [Mention(name, ORG, start, end, "gazetteer") for start, end, name in find_companies(text)]
    raw += context.from_place_context(text)
    raw += context.from_descriptors(text)
    raw += context.from_reporters(text, person_words)
    raw += context.from_employers(text, {w for m in ner if m.kind == PERSON and " " in m.text
                                  for w in m.text.split()})
    raw += [m for m in context.from_keywords(text) if _plausible(m)]
    raw += context.from_streets(text)
    titles = {m.text for m in raw if m.kind == "title"}
    resolved = _resolve_overlaps(raw)
    owned_by_a_year = {id(m): m.text for m in resolved if _after_a_years_possessive(m, text)}
    # A work, wherever else it is named: after a year's possessive, or tagged a work of art.
    works = set(owned_by_a_year.values()) \
        | {text[start:end] for start, end, label in entities if label == "WORK_OF_ART"}
    mentions = [m for m in resolved if m.kind != "title" and m.text not in titles
                and id(m) not in owned_by_a_year
                and not (m.text in works and m.kind != PERSON and not _known(m)
                         and not context.names_a_body(m.text))]  # "The Harbour Times" stays
    mentions = _join_coordinated_names(_split_listed_names(mentions, text), text)
    mentions = _join_body_of_place(mentions, text)
    mentions = sorted(mentions + _owner_places(mentions), key=lambda m: m.start)
    if skip:
        mentions = [m for m in mentions if m.end <= skip[0] or m.start >= skip[1]]
    addresses = [a.span(1) for a in _POSTAL_ADDRESS.finditer(text)]
    mentions = [m for m in mentions if not any(a <= m.start < b for a, b in addresses)]
    mentions = [_extend_person(_person_by_context(_which(m, text), text), text) for m in mentions]
    mentions = [_without_sentence_opener(_employer(_club(m, text), text), text) for m in mentions]
    mentions = sorted(mentions + _full_names_of_surnames(mentions, text), key=lambda m: m.start)
    mentions = _short_places(_link_people(_listed_with_people(mentions, text)))
    mentions = _short_names_in_brackets(_listed_with_orgs(mentions, text), text)
    return [_camel_case_org(m) for m in _vote(mentions)]


# A postal address's street line: a house number, a street with a suffix of USPS Publication
# 28 (Appendix C1) and a secondary unit (Appendix C2) or a state and ZIP code after it
# ("520 Third Street, Suite 350, San Francisco, CA 94107").  Its street and unit are no
# place of the story; the city after them is.  "10 Downing Street" alone is no address.
_POSTAL_ADDRESS = re.compile(
    r"\b(\d+[A-Za-z]?\s+(?:[A-Z][\w.]*\s+){1,3}(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|"
    r"Lane|Ln|Drive|Dr|Way|Place|Pl|Plaza|Square|Sq)\b\.?(?:,?\s+(?:Suite|Ste|Floor|Fl|Unit|Room|"
    r"Rm|Apt|Apartment)\.?\s+\w+)?)(?=,?\s+(?:Suite|Ste|Floor|Unit|Room|Apt)\b|,\s+[^\n]{0,40}?"
    r"\b[A-Z]{2}\s+\d{5}\b)"
)


def _short_names_in_brackets(mentions: list[Mention], text: str) -> list[Mention]:
    """"Indonesian Maritime Security Agency (Bakamla)": a one-word name in brackets right
    after an organisation is its short name, whatever the model tagged it."""
    result = list(mentions)
    for i in range(1, len(result)):
        before, mention = result[i - 1], result[i]
        if before.kind == ORG and mention.kind != ORG and " " not in mention.text and not _known(mention) \
                and text[before.end : mention.start] == " (" and text[mention.end : mention.end + 1] == ")":
            result[i] = Mention(mention.text, ORG, mention.start, mention.end, "acronym")
    return result


# What separates the items of a list of names: a comma, "and", "or", or both.
_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _listed_with_orgs(mentions: list[Mention], text: str) -> list[Mention]:
    """A "person" listed among organisations ("Raytheon, Booz Allen, and General Dynamics")
    is one of them when its first word is no given name: the items of a list are of one kind.
    A lone surname ("Holcomb") is left alone: that is how the article names a person again."""
    result = list(mentions)
    for order in (range(len(result)), range(len(result) - 1, -1, -1)):
        for i in order:
            mention = result[i]
            words = mention.text.split()
            if mention.kind != PERSON or mention.source != "ner" or len(words) < 2 \
                    or is_given_name(words[0]) or _after_title(mention, text):
                continue
            neighbours = [result[j] for j in (i - 1, i + 1) if 0 <= j < len(result)]
            if any(n.kind == ORG and _LIST_GAP.match(_between(n, mention, text)) for n in neighbours):
                result[i] = Mention(mention.text, ORG, mention.start, mention.end, "list")
    return result


def _listed_with_people(mentions: list[Mention], text: str) -> list[Mention]:
    """A "place" of two or three name-like words that no gazetteer lists is a person when it
    is listed beside a person ("Anand Kulkarni and Hiroshi Tanabe agreed": the items of a
    list are of one kind) or follows a country's possessive ("India's Anand Kulkarni": a
    country's named place would be a region or a feature, which the gazetteers list)."""
    result = list(mentions)
    for i, mention in enumerate(result):
        words = mention.text.split()
        if mention.kind != PLACE or mention.source != "ner" or not 2 <= len(words) <= 3 \
                or _known(mention) or not all(_name_word(w) for w in words) \
                or any(w.lower() in gz.GEO_FEATURES for w in words):
            continue
        neighbours = [result[j] for j in (i - 1, i + 1) if 0 <= j < len(result)]
        listed = any(n.kind == PERSON and " " in n.text and _LIST_GAP.match(_between(n, mention, text))
                     for n in neighbours)
        owners = context.possessive_owners(text, mention.start)
        if listed or any(owner in gz.COUNTRIES for owner in owners):
            result[i] = Mention(mention.text, PERSON, mention.start, mention.end, "list")
    return result


def _between(a: Mention, b: Mention, text: str) -> str:
    """The text between two mentions, whichever comes first."""
    return text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]


# Particles that begin surnames written with an inner capital (McDonald, MacArthur, O'Neill,
# DeSantis, DiMaggio, LaGuardia, LeBlanc, VanDyke, DuPont): the name particles of English,
# Irish, Scottish, French, Italian and Dutch surnames.
_NAME_PARTICLE = re.compile(r"^(?:Mc|Mac|O['’]|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z]")
_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]+[A-Z]")


def _camel_case_org(mention: Mention) -> Mention:
    """A one-word "person" with a capital inside it that no surname particle explains
    ("SpaceX", "PayPal") is a brand's name: an organisation."""
    word = mention.text
    if mention.kind != PERSON or " " in word or not _INNER_CAPITAL.match(word) \
            or _NAME_PARTICLE.match(word):
        return mention
    return Mention(word, ORG, mention.start, mention.end, mention.source)


_SAID = rf"\s+(?:{PERSONAL_SPEECH_VERBS})\b"
_PERSON_FOLLOWER = re.compile(rf"^(?:,\s+(?:(?:a|an|the|former|another)\b|ex-|\d{{1,3}}\b)|{_SAID})")
_LETTERS = re.compile(r"^[^\W\d_]{2,}$")


def _name_word(word: str) -> bool:
    """A capitalised word of letters, or two joined by a hyphen ("Petrović", "Ould-Abdallah"):
    any alphabet's letters, since names keep their accents."""
    parts = word.split("-")
    return len(parts) <= 2 and all(_LETTERS.match(p) and p[0].isupper() and p[1:].islower()
                                   for p in parts)


def _person_by_context(mention: Mention, text: str) -> Mention:
    """An ORG-tagged "Firstname Lastname" after a title ("Deputy Defence Minister X Y"),
    followed by ", former ..." or "said", or whose surname is used alone later, is a person."""
    words = mention.text.split()
    if mention.kind != ORG or mention.source != "ner" or not 2 <= len(words) <= 3:
        return mention
    if not all(_name_word(w) for w in words) or context.names_a_body(mention.text):
        return mention
    if any(w.lower() in gz.ORG_KEYWORDS or w in gz.PLACE_NAMES for w in words):
        return mention
    if _after_title(mention, text) or _PERSON_FOLLOWER.match(text[mention.end : mention.end + 20]) \
            or _named_again(words, text):
        return Mention(mention.text, PERSON, mention.start, mention.end, "context")
    return mention


_HEAD_OF = re.compile(rf"\b(?i:{'|'.join(sorted(gz.TITLE_HEADS))})\s+(?:of|at)\s+(?:the\s+)?$")
_OWNS_AN_OFFICE = re.compile(rf"['’]s\s+(?:[a-z\-]+\s+)?(?:{'|'.join(sorted(gz.TITLE_HEADS))})\b")


def _employer(mention: Mention, text: str) -> Mention:
    """A "person" after an office and "of" ("the chief executive of Vexlo") or owning one
    ("Vexlo's founder") is the body that office is of, unless a given name opens it."""
    if mention.kind != PERSON or is_given_name(mention.text.split()[0]):
        return mention
    if _HEAD_OF.search(text, max(0, mention.start - 40), mention.start) \
            or _OWNS_AN_OFFICE.match(text, mention.end):
        return Mention(mention.text, ORG, mention.start, mention.end, mention.source)
    return mention


_WHICH = re.compile(r",?\s+which\b")


def _which(mention: Mention, text: str) -> Mention:
    """A "person" that "which" takes up ("Harlow Marine, which builds ferries") is no person:
    English relative "which" has a non-personal antecedent (Quirk et al. 6.33); a name that
    opens with a listed given name stays a person's."""
    if mention.kind != PERSON or mention.source != "ner" or is_given_name(mention.text.split()[0]) \
            or not _WHICH.match(text, mention.end):
        return mention
    return Mention(mention.text, ORG, mention.start, mention.end, "context")


def _after_title(mention: Mention, text: str) -> bool:
    """Whether the head noun of an office title stands right before ("Minister X Y")."""
    before = text[max(0, mention.start - 20) : mention.start].split()
    return bool(before) and is_title_head(before[-1])


def _named_again(words: list[str], text: str) -> bool:
    """"Bartosz Lenart" tagged ORG, then "Lenart said": the surname used alone later (as the
    subject of a speech verb when the first word is no listed given name) is how news names
    a person again; listed companies excepted."""
    if is_company(" ".join(words)):
        return False
    if is_given_name(words[0]):
        return surname_used_alone(words, text)
    # Without a listed given name, the surname alone must also speak ("Lenart said").
    return surname_used_alone(words, text, _SAID)


_NAME = r"[A-Z][a-z][\w'’\-]*(?:[^\S\n]+[A-Z][a-z][\w'’\-]*){0,2}"
_SPEECH_NAMES = (
    re.compile(rf"(?<![\w.’'])({_NAME})(?:,[^,.“”\"]{{1,80}},)?{_SAID}"),
    re.compile(rf"\b(?:{INVERTED_SPEECH_VERBS})\s+({_NAME})\b(?!\s+(?:that|on|in|at|of)\b)"),
    # A name in apposition, between commas ("The agency's director-general, Ana Ruiz, said").
    re.compile(rf"(?<=,\s)({_NAME}),{_SAID}"),
)


def _from_speech(text: str, person_words: set[str]) -> list[Mention]:
    """Capitalised names right next to a speech verb ("Dempsey said", "said Juan Perez").

    These are the speakers quotes need; the rule also covers text NER did not see.
    A single word only counts when it is part of a name NER tagged as a person
    ("Boeing said" stays an organisation).
    """
    found = []
    for pattern in _SPEECH_NAMES:
        for match in pattern.finditer(text):
            title, name = leading_title(match.group(1))  # "Mayor Ana Ruiz said": Ana Ruiz
            start = match.end(1) - len(name)
            if not _may_name_a_person(name) or (" " not in name and name not in person_words):
                continue
            found.append(Mention(name, PERSON, start, match.end(1), "speech"))
    return found


# A name of two or three words before a comma: a person's when the appositive after it
# holds an office ("Ana Ruiz, the mayor of Arlo,", "Tomas Varga, a spokesman for the port,").
_NAME_BEFORE_COMMA = re.compile(rf"(?<![\w.’'])({_NAME})(?=,\s)")


def _from_titled_appositives(text: str) -> list[Mention]:
    """Names whose appositive after them gives an office: people, though NER missed them."""
    found = []
    for match in _NAME_BEFORE_COMMA.finditer(text):
        title, name = leading_title(match.group(1))
        if len(name.split()) < 2 or not _may_name_a_person(name) \
                or appositive_title(text, match.end(1)) is None:
            continue
        start = match.end(1) - len(name)
        found.append(Mention(name, PERSON, start, match.end(1), "appositive"))
    return found


def _may_name_a_person(name: str) -> bool:
    """Whether capitalised words found by their context alone may be a person's name: none
    is a function word, a month or weekday, a demonym, an organisation's or a title's word,
    and the whole is no listed place, agency, armed group or generic speaker."""
    words = name.split()
    if any(w in gz.FUNCTION_WORDS or w in gz.WEEKDAY_AND_MONTHS or w in gz.DEMONYMS
           or w.lower() in gz.ORG_KEYWORDS or w.lower() in gz.TITLE_WORDS for w in words):
        return False
    return not (name in gz.PLACE_NAMES or name.lower() in gz.AGENCIES or name in gz.ARMED_GROUPS
                or words[0] in gz.GENERIC_SPEAKERS)


def _not_people(found: list[Mention], ner: list[Mention]) -> list[Mention]:
    """Acronym definitions whose long form the model tagged as a person are not
    organisations: "Robert Smith (R-TX)" gives a party and state, not an acronym.

    ``found`` holds (long form, acronym) pairs, in that order.
    """
    people = {(m.start, m.end) for m in ner if m.kind == PERSON}
    kept: list[Mention] = []
    for long_form, acronym in zip(found[0::2], found[1::2], strict=True):
        if (long_form.start, long_form.end) not in people:
            kept += [long_form, acronym]
    return kept


def _echo(found: list[Mention], text: str, start: int) -> list[Mention]:
    """Repeats, after ``start``, of names NER found earlier (and persons' surnames)."""
    names: dict[str, str] = {}
    for mention in found:
        if mention.start < start:
            names.setdefault(mention.text, mention.kind)
            if mention.kind == PERSON and len(mention.text.split()) > 1:
                names.setdefault(mention.text.split()[-1], PERSON)
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w\-])"
    )
    return [Mention(m.group(0), names[m.group(0)], m.start(), m.end(), "echo")
            for m in pattern.finditer(text, start)]


def _from_ner(entities: list[tuple[int, int, str]], text: str) -> Iterable[Mention]:
    """spaCy entities, trimmed of articles/possessives, typed by the label map."""
    for start, end, label in entities:
        kind = _LABELS.get(label)
        if kind is None and _titled_name(text[start:end]):
            kind = PERSON  # "Rear Admiral Sofia Lindqvist" tagged WORK_OF_ART
        if kind is None:
            continue
        if label == "NORP" and not _is_group(text[start:end]):
            continue
        for mention in _split_possessive(start, end, text, kind):
            cleaned = _trim(mention, text)
            if cleaned and _plausible(cleaned) and not _capitalised_plural(cleaned, text):
                yield _retype(cleaned)


_YEARS_POSSESSIVE = re.compile(r"\b(?:18|19|20)\d\d['’]s\s+$")


def _after_a_years_possessive(mention: Mention, text: str) -> bool:
    """"1972's Toulouse Street", "2016's Star Trek Beyond": what a year owns is a work or an
    occurrence of that year, no place or body (a listed one, "2019's Hong Kong protests",
    and a person stay what they are)."""
    if mention.kind == PERSON or _known(mention):
        return False
    return bool(_YEARS_POSSESSIVE.search(text, max(0, mention.start - 8), mention.start))


# A sentence's or a list item's opening ("\n- Ousted ...").
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)(?:[-•*–]\s+)?[\"“‘']?$")


def _capitalised_plural(mention: Mention, text: str) -> bool:
    """"Flames and smoke rose", "Queues formed": a plural common noun that opens a sentence
    and is never written capitalised inside one is no name (an organisation or place the
    article names is written so wherever it stands).  People are judged in people.py."""
    name = mention.text
    if mention.kind == PERSON or " " in name or not re.fullmatch(r"[A-Z][a-z]{2,}[^s]s", name) \
            or _known(mention) or not _SENTENCE_START.search(text[max(0, mention.start - 5) : mention.start]):
        return False
    inside = re.finditer(rf"(?<=[a-z,;:]\s){re.escape(name)}\b", text)
    return next(inside, None) is None


def _without_sentence_opener(mention: Mention, text: str) -> Mention:
    """"Ousted WeWork founder ...", "Recent Samsung phones": a word that opens a sentence is
    capitalised whatever it is, so when it is written nowhere else and the rest of the span
    stands alone elsewhere as a name (after and before no capitalised word: not the "United"
    of "the United Nations"), the name is the rest.  A
    person's surname stands alone anyway, so only organisations are judged so."""
    first, _, rest = mention.text.partition(" ")
    if mention.kind != ORG or not rest[:1].isupper() or not first[1:].islower() or _known(mention) \
            or first in gz.PLACE_NAMES or first in gz.DEMONYMS or first.lower() in gz.ORG_KEYWORDS \
            or is_given_name(first) \
            or not _SENTENCE_START.search(text[max(0, mention.start - 5) : mention.start]):
        return mention
    again = len(re.findall(rf"\b{re.escape(first)}\b", text)) > 1
    alone = any(not re.search(r"[A-Z][\w’'.\-]*\s+$", text[max(0, m.start() - 30) : m.start()])
                for m in re.finditer(rf"(?<![\w\-]){re.escape(rest)}\b(?![^\S\n]+[A-Z])", text))
    if again or not alone:
        return mention
    start = mention.start + len(first) + 1
    return Mention(rest, ORG, start, start + len(rest), mention.source)


def _is_group(name: str) -> bool:
    """NORP spans that are organisations (armed groups), not demonyms."""
    return name.strip() in gz.ARMED_GROUPS


# A genitive that classifies rather than owns (Quirk et al. 5.125, the descriptive genitive:
# "a women's college", "the People's Party") is part of a name; its nouns are those of
# people.
_DESCRIPTIVE_GENITIVE = re.compile(
    r"\b(?i:people|women|men|children|workers|lord|martyrs|mothers|veterans|nations)$")


def _split_possessive(start: int, end: int, text: str, kind: str) -> list[Mention]:
    """"the Indian Navy's Information Fusion Centre" names two organisations."""
    span = text[start:end]
    match = re.search(r"['’]s\s+(?=[A-Z])", span)
    if not match or _DESCRIPTIVE_GENITIVE.search(span, 0, match.start()):
        return [Mention(span, kind, start, end)]  # "the Pakistan People's Party": one name
    left_end = start + match.start()
    right_start = start + match.end()
    left = context.LEADING.sub("", text[start:left_end])
    right_kind = kind
    if left in gz.PLACE_NAMES and kind == PERSON:
        right_kind = PLACE
    left_kind = PLACE if left in gz.PLACE_NAMES else kind
    return [Mention(text[start:left_end], left_kind, start, left_end),
            Mention(text[right_start:end], right_kind, right_start, end)]


def _trim(mention: Mention, text: str) -> Mention | None:
    """Strip a leading article/"former", a trailing possessive, a trailing conjunction and
    an unclosed bracket from the span."""
    start, end = mention.start, mention.end
    span = text[start:end]
    lead = context.LEADING.match(span)
    if lead:
        start += lead.end()
    possessive = context.POSSESSIVE.search(text[start:end])
    if possessive:
        end = start + possessive.start()
    span = text[start:end].strip(" ,.;:-–—\"“”'‘’()")
    if "(" in span and ")" not in span:
        span = span[: span.index("(")].rstrip()  # "Ministry of X (MX": the name ends at the bracket
    span = re.sub(r"^(?:[a-z][\w\-]*\s+)+(?=[A-Z])", "", span)
    span = context.POSSESSIVE.sub("", re.sub(r"(?:\s+\S*\d\S*)+$", "", span))  # "Holcomb’s 2016"
    # "iPad Pro and": a list goes on; "Samsung Electronics of": the name stops before "of".
    span = re.sub(r"(?:,?\s+(?:and|or|&|of|for|the))+$", "", span)
    if mention.kind == PLACE:
        span = re.sub(r"\s+(?:province|district|region|state|county|governorate|oblast)$", "", span)
    if not span:
        return None
    start = text.find(span, start)
    return Mention(span, mention.kind, start, start + len(span))


def _plausible(mention: Mention) -> bool:
    """Reject spans that cannot be names: no capital letter, digits, titles, demonyms."""
    name = mention.text
    if not re.search(r"[A-Z]", name) or re.search(r"[@#$%=]", name):
        return False
    if re.search(r"\d", name) and name not in gz.ORG_ALIASES:
        return False
    if name in gz.DEMONYMS or name.rstrip("s") in gz.DEMONYMS:
        return False
    words = re.split(r"[\s\-]+", name.lower())
    if words[-1].rstrip(".") in gz.TITLE_HEADS and not _office_of(words):
        return False
    if mention.kind == ORG and _titled_office(words) and not _office_of(words):
        return False
    if mention.kind == ORG and not _plausible_org(name, words):
        return False
    if _JOINS_TWO_NAMES.search(name) and (mention.kind != ORG or is_given_name(words[0])):
        return False  # "SLS at Michoud Assembly Facility", "Courtois to Real Madrid": phrases
    # Official names of bodies run long ("United Nations Office for the Coordination of
    # Humanitarian Affairs"); other names of more than eight words are runs of text.
    return len(words) <= (12 if mention.kind == ORG else 8)


# The prepositions that join two names in a phrase but stand inside no person's or place's
# name (an organisation's official name may hold them, "Committee to Protect Journalists",
# "University of Texas at Austin", but not after a person's given name).
_JOINS_TWO_NAMES = re.compile(r"\s(?:to|after|at|with|from|via|versus|vs\.?)\s+[A-Z]")


def _titled_office(words: list[str]) -> bool:
    """"High Representative for Foreign Affairs", "Secretary of State", "Chief of Naval
    Staff": a title's head before the first "for" or "of" makes the name an office's title,
    which a person holds, not a body's name."""
    first = next((i for i, w in enumerate(words) if w in ("for", "of")), None)
    return first is not None and first > 0 and words[first - 1] in gz.TITLE_HEADS


def _office_of(words: list[str]) -> bool:
    """"Office of the Special Envoy", "Office of the Inspector General": a body named for
    its head's title (not "House of Representatives Speaker", a title after a body's name)."""
    return len(words) > 2 and words[0] == "office" and words[1] == "of"


# The primary and modal auxiliaries of English (Quirk et al. 3.21, 3.40), capitalised inside
# a run of title-case words: a sentence's verb, so the run is a headline.
_AUXILIARY = re.compile(r"\s(?:Is|Are|Was|Were|Has|Have|Had|Will|Would|Can|Could|Should|Does|Did)\s")


def _plausible_org(name: str, words: list[str]) -> bool:
    """Organisation names have no digits, are not ideologies, events or market indices."""
    if name in gz.ORG_ALIASES:
        return True
    if re.search(r"\d", name) or words[-1].endswith("ism"):
        return False
    if _AUXILIARY.search(name):
        return False  # "Station Is Open for Business": a headline in title case, not a name
    return words[-1] not in gz.NON_ORG_TAILS and not (len(words) == 1 and words[0] in gz.TITLE_WORDS)


def _retype(mention: Mention) -> Mention:
    """Gazetteer knowledge beats the model's label for well-known names."""
    name = mention.text
    if name in gz.PLACE_NAMES or name in gz.US_FORMS or name in gz.UK_FORMS:
        return Mention(name, PLACE, mention.start, mention.end, "gazetteer")
    if name in gz.ORG_ALIASES or name in gz.NAMED_ORGS or is_company(name):
        return Mention(name, ORG, mention.start, mention.end, "gazetteer")
    if mention.kind in (PLACE, PERSON) and " " in name and context.names_a_body(name):
        return Mention(name, ORG, mention.start, mention.end)  # "Balmond Studio" tagged PERSON
    if mention.kind == ORG and _titled_name(name):
        return Mention(name, PERSON, mention.start, mention.end, mention.source)
    first = name.split()[0]
    if mention.kind == PERSON and " " in name and not is_given_name(first) \
            and (first in context.POSITION_WORDS or re.fullmatch(gz.PLACE_NOUNS, first.lower())):
        # "Outer Hebrides", "County Kerry" tagged PERSON: a compass or position word or a
        # place noun opens a place's name, never a person's
        return Mention(name, PLACE, mention.start, mention.end, mention.source)
    if mention.kind == ORG and gz.names_a_site(name):
        # "Sabina Shoal"; "SLS at Michoud Assembly Facility" is the site after "at"
        joint = list(_JOINS_TWO_NAMES.finditer(name))
        start = mention.start + (joint[-1].end() - 1 if joint else 0)
        return Mention(name[start - mention.start :], PLACE, start, mention.end, mention.source)
    return mention


_CLUB_PREFIX = re.compile(rf"\b(?:{'|'.join(sorted(gz.CLUB_PREFIXES))})\s+$")


def _club(mention: Mention, text: str) -> Mention:
    """A place written after a club's opening word, or opening with one, is the club ("Real
    Madrid", "Athletic Bilbao" tagged as places)."""
    if mention.kind != PLACE:
        return mention
    if " " in mention.text and mention.text.split()[0] in gz.CLUB_PREFIXES:
        return Mention(mention.text, ORG, mention.start, mention.end, mention.source)
    prefix = _CLUB_PREFIX.search(text, max(0, mention.start - 12), mention.start)
    if prefix is None:
        return mention
    return Mention(text[prefix.start() : mention.end], ORG, prefix.start(), mention.end, mention.source)


def _titled_name(name: str) -> bool:
    """"Rear Admiral Sofia Lindqvist" tagged ORG: title words, then a given name and a surname."""
    words = name.split()
    titles = 0
    while titles < len(words) and words[titles].lower().rstrip(".,") in gz.TITLE_WORDS:
        titles += 1
    return 0 < titles <= len(words) - 2 and is_given_name(words[titles])


def _from_gazetteer(text: str) -> list[Mention]:
    """Well-known places and organisations the model may have missed."""
    found = []
    for match in _GAZETTEER_RE.finditer(text):
        name = match.group(0)
        if _opens_a_person_name(name, text, match.end()):
            continue
        kind = ORG if name in gz.ORG_ALIASES or name in gz.NAMED_ORGS else PLACE
        found.append(Mention(name, kind, match.start(), match.end(), "gazetteer"))
    return found


_NEXT_WORD = re.compile(r" ([A-Z][a-z][\w'’\-]*)")


def _opens_a_person_name(name: str, text: str, end: int) -> bool:
    """"Sofia Lindqvist", "Georgia Brandt": a place that is also a given name, followed by a
    capitalised word that is no place, institution or place noun, is a person's first name."""
    following = _NEXT_WORD.match(text, end)
    if following is None or not name.isalpha() or not is_given_name(name):
        return False
    word = following.group(1)
    return word not in gz.PLACE_NAMES and word.lower() not in gz.ORG_KEYWORDS \
        and not re.fullmatch(gz.PLACE_NOUNS, word.lower())


def _from_acronyms(text: str) -> list[Mention]:
    """"Long Name (ACR)": both halves are organisation mentions; after a listed place the
    long name is the place and the acronym names nothing apart."""
    found = []
    for match in _ACRONYM_DEF.finditer(text):
        acronym = match.group(1)
        if not _is_acronym(acronym):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[max(line_start, match.start() - 120) : match.start()].rstrip()
        long_name = _long_form(before, acronym)
        if long_name is None:
            continue
        kind = ORG
        if re.split(r"[\s\-]+", long_name.lower())[-1] in gz.TITLE_HEADS:
            kind = "title"
        start = match.start() - (len(text[: match.start()]) - len(text[: match.start()].rstrip()))
        start -= len(long_name)
        if long_name in gz.PLACE_NAMES:
            # "Democratic Republic of Congo (DRC)": the place, under its name; the short
            # form is no second place and no organisation.
            found.append(Mention(long_name, PLACE, start, start + len(long_name), "acronym"))
            found.append(Mention(acronym, "title", match.start(1), match.end(1), "acronym"))
            continue
        found.append(Mention(long_name, kind, start, start + len(long_name), "acronym"))
        found.append(Mention(acronym, kind, match.start(1), match.end(1), "acronym"))
    return found


def _is_acronym(token: str) -> bool:
    """Mostly upper-case letters: "IFC-IOR", "EUNAVFOR", "HR/VP", not "Taliban"."""
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper / len(letters) >= 0.6


def _long_form(before: str, acronym: str) -> str | None:
    """The shortest run of words ending before "(ACR)" that the acronym abbreviates."""
    words = before.split()[-10:]
    for size in range(1, len(words) + 1):
        candidate = " ".join(words[-size:])
        first = candidate[:1]
        if not first.isupper() or first != acronym[0]:
            continue
        if _acronym_fits(candidate, acronym):
            return re.sub(r"^.*['’]s\s+", "", candidate)
    return None


def acronym_initials(name: str) -> str:
    """Initial letters of the capitalised words (and hyphen parts) of a name."""
    parts = re.split(r"[\s\-/]+", name)
    return "".join(p[0] for p in parts if p and p[0].isupper())


def _acronym_fits(long_name: str, acronym: str) -> bool:
    """The acronym's letters appear, in order, among the name's initials or letters."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    initials = acronym_initials(long_name).upper()
    if not letters or not initials or letters[0] != initials[0]:
        return False
    return _subsequence(letters, long_name.upper()) and len(initials) >= 2


def _subsequence(needle: str, haystack: str) -> bool:
    """Whether needle's characters occur in haystack in order."""
    it = iter(haystack)
    return all(ch in it for ch in needle)




def _full_names_of_surnames(mentions: list[Mention], text: str) -> list[Mention]:
    """"Kovač called the agreement …" after "…, Ana Kovač.": a surname the model tagged alone
    is the person the text names in full elsewhere, after a listed given name, where the
    model tagged nothing (news names a person in full once, then by the surname)."""
    people = [m for m in mentions if m.kind == PERSON]
    taken = [(m.start, m.end) for m in mentions]
    surnames = {m.text for m in people if " " not in m.text and m.text[:1].isupper()}
    surnames -= {w for m in people if " " in m.text for w in m.text.split()[-1:]}
    if not surnames:
        return []
    alternatives = "|".join(re.escape(name) for name in sorted(surnames, key=len, reverse=True))
    found = []
    for match in re.finditer(rf"\b([A-Z][^\W\d_]+)[^\S\n]+(?:{alternatives})(?![\w\-])", text):
        if match.start() and text[match.start() - 1] in ".’'-":
            continue
        if is_given_name(match.group(1)) and not any(a < match.end() and match.start() < b
                                                      for a, b in taken):
            found.append(Mention(match.group(0), PERSON, match.start(), match.end(), "context"))
    return found


def _extend_person(mention: Mention, text: str) -> Mention:
    """NER often drops a first name ("Adolf Hitler" -> "Hitler"): take it back, from the same
    paragraph only (a caption's last word is no first name of the next line's)."""
    if mention.kind != PERSON:
        return mention
    match = re.search(r"(?<![\w.])([A-Z][a-z]+)[^\S\n]+$", text[max(0, mention.start - 30) : mention.start])
    if not match:
        return mention
    word = match.group(1)
    if word in gz.FUNCTION_WORDS or word.lower() in gz.TITLE_WORDS or word in gz.PLACE_NAMES:
        return mention
    if word in gz.DEMONYMS or word.lower() in gz.ORG_KEYWORDS or word in gz.WEEKDAY_AND_MONTHS:
        return mention
    start = mention.start - len(match.group(0))
    return Mention(text[start : mention.end], PERSON, start, mention.end, mention.source)




# The correlative coordinators before the first of two coordinated items (Quirk et al.,
# "A Comprehensive Grammar of the English Language", 13.33), and "between".
_CORRELATIVE = re.compile(r"\b(?:both|either|neither|between)\s+(?:the\s+)?$", re.IGNORECASE)


def _split_listed_names(mentions: list[Mention], text: str) -> list[Mention]:
    """"Microsoft, Alphabet and Meta Platforms": the model's one span over the last two
    names of a list after a comma is two organisations, as "and" ends a list."""
    result: list[Mention] = []
    for mention in mentions:
        prev = result[-1] if result else None
        halves = mention.text.split(" and ")
        if prev is not None and prev.kind == ORG and mention.kind == ORG and len(halves) == 2 \
                and text[prev.end : mention.start] == ", " and all(h[:1].isupper() for h in halves):
            middle = mention.start + len(halves[0])
            result += [Mention(halves[0], ORG, mention.start, middle, mention.source),
                       Mention(halves[1], ORG, middle + 5, mention.end, mention.source)]
            continue
        result.append(mention)
    return result


def _join_coordinated_names(mentions: list[Mention], text: str) -> list[Mention]:
    """"Customs and Border Protection" split by NER at "and" into two organisations is one
    when neither half is ever written alone in the article: a name, not a coordination.
    "both X and Y" coordinates two, and so does "and" between a name the context vouches
    for ("Y has reported") and "and" that ends a list of names ("X, Y and Z")."""
    result: list[Mention] = []
    for mention in mentions:
        prev = result[-1] if result else None
        if prev is not None and prev.kind == ORG and mention.kind == ORG \
                and text[prev.end : mention.start] == " and ":
            whole = f"{prev.text} and {mention.text}"
            listed = len(result) > 1 and result[-2].kind == ORG \
                and text[result[-2].end : prev.start] == ", "  # "Microsoft, Alphabet and Meta"
            if all(_only_inside(half, whole, text) for half in (prev.text, mention.text)) \
                    and not _CORRELATIVE.search(text, 0, prev.start) and not listed \
                    and "context" not in (prev.source, mention.source):
                result[-1] = Mention(whole, ORG, prev.start, mention.end, prev.source)
                continue
        result.append(mention)
    return result


# The head nouns of public bodies named "<body> of <place>" ("Law Society of Kenya", "Supreme
# Court of Kenya", "Bank of England"): the non-commercial heads among gazetteer.ORG_KEYWORDS
# and "society".  Not a company's ("Samsung Electronics of South Korea" tells its origin).
_BODY_OF_PLACE_HEADS = frozenset(split_words(
    "academy agency army assembly association authority bank board bureau chamber church "
    "college commission committee council court department federation foundation fund "
    "government institute league library ministry museum navy office parliament police "
    "school senate society union university"))


def _join_body_of_place(mentions: list[Mention], text: str) -> list[Mention]:
    """"The Law Society" + "of" + "Kenya", split by NER, is one body, "Law Society of Kenya",
    when the short name is written nowhere else alone; the place stays a mention."""
    result: list[Mention] = []
    for mention in mentions:
        prev = result[-1] if result else None
        if prev is not None and prev.kind == ORG and mention.kind == PLACE \
                and text[prev.end : mention.start] == " of " and mention.text in gz.PLACE_NAMES \
                and prev.text.split()[-1].lower() in _BODY_OF_PLACE_HEADS:
            whole = f"{prev.text} of {mention.text}"
            if _only_inside(prev.text, whole, text):
                result[-1] = Mention(whole, ORG, prev.start, mention.end, prev.source)
        result.append(mention)
    return result


def _only_inside(half: str, whole: str, text: str) -> bool:
    """Whether every occurrence of ``half`` in the text is part of an occurrence of ``whole``."""
    pattern = rf"(?<![\w\-]){re.escape(half)}(?![\w\-])"
    return len(re.findall(pattern, text)) == text.count(whole)


# Words of a state's institutions written after its name ("Indiana House", "U.S. government"):
# the heads of ORG_HEADS and the chambers of a legislature.
_INSTITUTION_HEADS = gz.ORG_HEADS | {"house", "legislature", "assembly"}


def _owner_places(mentions: list[Mention]) -> list[Mention]:
    """The place named at the front of a state institution's name is itself mentioned:
    "Indiana House" names Indiana, "U.S. government" the United States."""
    found = []
    for mention in mentions:
        if mention.kind != ORG:
            continue
        words = re.sub(r"['’]s\b", "", mention.text).split()
        for cut in (2, 1):
            owner, head = " ".join(words[:cut]), " ".join(words[cut:]).lower()
            if len(words) > cut and head in _INSTITUTION_HEADS and (
                    owner in gz.PLACE_NAMES or owner in gz.US_FORMS or owner in gz.UK_FORMS):
                found.append(Mention(owner, PLACE, mention.start, mention.start + len(owner),
                                     "owner"))
                break
    return found


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping spans; rule-based spans win ties over NER."""
    ordered = sorted(enumerate(mentions), key=lambda im: (-(im[1].end - im[1].start), -im[0]))
    taken: list[Mention] = []
    for _, mention in ordered:
        if all(mention.end <= t.start or mention.start >= t.end for t in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: m.start)


def _link_people(mentions: list[Mention]) -> list[Mention]:
    """A name sharing a word with a known person ("Singh", "Mr Esper") is that person."""
    person_tokens: set[str] = set()
    for m in mentions:
        if m.kind == PERSON and len(m.text.split()) >= 2:
            person_tokens.update(t[:1].upper() + t[1:] for t in m.text.split() if t[:1].isalpha())
    linked = []
    for m in mentions:
        # "Khalid al-Mansoori" … "Al-Mansoori said": a particle is capitalised at a sentence start.
        tokens = {t[:1].upper() + t[1:] for t in m.text.split()}
        if m.kind != PERSON and len(tokens) <= 3 and tokens <= person_tokens and not _known(m):
            m = Mention(m.text, PERSON, m.start, m.end, m.source)
        linked.append(m)
    return linked


# The geographic kinds among the place nouns (gazetteer.PLACE_NOUNS) that a place's own name
# carries and drops again ("Muuga Harbour" ... "Muuga handles the cargo"); not "state",
# "city", "base" or "camp", which end the names of bodies and groups too ("Islamic State").
_PLACE_KIND_TAIL = re.compile(
    r"^(?P<name>[A-Z].*?)\s+(?:harbour|harbor|port|island|islands|province|district|region|"
    r"county|governorate|oblast|prefecture|municipality|valley|peninsula)$", re.IGNORECASE)


def _short_places(mentions: list[Mention]) -> list[Mention]:
    """A place the text names with its kind ("Muuga Harbour", "Logar province") is that
    place where the text writes the name alone and the model took it for a body."""
    full: dict[str, str] = {}
    for mention in mentions:
        tail = _PLACE_KIND_TAIL.match(mention.text) if mention.kind == PLACE else None
        if tail:
            full.setdefault(tail.group("name"), mention.text)
    return [Mention(full[m.text], PLACE, m.start, m.end, m.source)
            if m.kind == ORG and m.text in full and not _known(m) else m for m in mentions]


def _known(mention: Mention) -> bool:
    """Names a gazetteer vouches for keep their gazetteer kind."""
    return mention.text in gz.PLACE_NAMES or mention.text in gz.ORG_ALIASES or mention.text in gz.NAMED_ORGS \
        or is_company(mention.text)


def _vote(mentions: list[Mention]) -> list[Mention]:
    """Give every mention of the same name the kind most of its mentions have."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        votes[m.key()][m.kind] += 1 if m.source in ("ner", "speech", "echo") else 2
    result = []
    for m in mentions:
        if _known(m):
            result.append(m)
            continue
        kind = votes[m.key()].most_common(1)[0][0]
        result.append(Mention(m.text, kind, m.start, m.end, m.source))
    return result


def place_name(name: str) -> str:
    """Canonical spelling of a place: "U.S." -> "United States", gazetteer casing."""
    if name in gz.US_FORMS:
        return "United States"
    if name in gz.UK_FORMS:
        return "United Kingdom"
    return _LOWER_PLACES.get(name.lower(), name)
