"""People: merge mentions under the fullest name and collect the titles the article gives.

"Singh" and "Defence Minister Rajnath Singh" are one person; the short form is
folded into the longest name whose words contain it.  Titles are read from the
capitalised words just before a mention ("U.S. Defense Secretary Mark Esper")
and from an appositive just after it ("Shantanu Mukharji, former IPS officer").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import gazetteer as gz
from extract import products
from extract.attribution import BEFORE_VERB, INVERTED_SPEECH_VERBS, PERSONAL_SPEECH_VERBS
from extract.casing import written_in_lower_case
from extract.eventwords import EVENT_NOUNS, IRREGULAR_PAST
from extract.mentions import ORG, PERSON, Mention
from extract.namelists import is_company, is_given_name, surname_used_alone

# A word of a name: capitalised, a surname particle, or a particle joined to the surname by a
# hyphen as Arabic names are transliterated ("al-Assad", "el-Sisi", "bin-Salman").
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’\-.]*|von|van|der|de|da|di|al|el|bin|ibn|la|le|du|"
    r"(?:al|el|ad|ar|as|ash|at|az|abu|bin|ibn|bint)[\-‑][A-ZÀ-Þ][\w'’\-.]*)$"
)
_TITLE_BEFORE = re.compile(r"((?:[\w.'’\-/]+,?\s+){1,7})$")
_APPOSITIVE = re.compile(
    r"^,\s+((?:a|an|the|former|ex-|another|[a-z]|[A-Z][\w.&\-]*['’]s\s)[^,;“”\"]{2,90}?)"
    rf"(?=,|\s+(?:{PERSONAL_SPEECH_VERBS}|who)\b|\.|$)"
)
_AGE = re.compile(r"^,\s*(\d{1,3})\s*,")
# A title set off by commas before the name it describes, after a determiner or an owner's
# possessive ("The agency's director-general, X, said", "Its chief executive, X,"): a comma
# after the name closes the apposition ("Like the prime minister, X said" has none).
_FRONT_APPOSITIVE = re.compile(
    r"(?:(?:\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+)(?:([\w.&\-]+)['’]s\s+)?"
    r"|(?<![\w.])([\w.&\-]+)['’]s\s+)((?:[\w.\-/]+\s+){0,3}[\w.\-/]+),\s+$"
)


def age_after(text: str, end: int) -> str | None:
    """The age news writes right after a person's name ("Tom Berg, 61, said"), else None."""
    match = _AGE.match(text[end : end + 8])
    return match.group(1) if match else None


@dataclass
class Person:
    """A person with every name variant and mention seen for them."""

    name: str
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


_HONORIFIC_STEMS = frozenset(h.rstrip(".") for h in gz.HONORIFICS)


def leading_title(name: str) -> tuple[str, str]:
    """Split "Administrator Jim Bridenstine" into ("Administrator", "Jim Bridenstine").

    A person's name never carries a title: every leading honorific or title word
    (and the portfolio words between them, "Defence Minister") is cut off, but at
    least two words are left when the name had them, so "Prince Andrew" stays whole.
    """
    tokens = name.split()
    cut = 0
    while cut < len(tokens) - 1 and _is_title_token(tokens[cut]):
        cut += 1
    # "Deputy Harbour Commissioner Ilse Brandvold": a title head word further on ends the title.
    if cut:
        for position in range(cut, len(tokens) - 2):
            if tokens[position].lower().rstrip(".,") in gz.TITLE_HEADS:
                cut = position + 1
    if cut and len(tokens) - cut < 2 and not _is_honorific(tokens[cut - 1]):
        cut = 0 if len(tokens) <= 2 else cut
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def _is_title_token(token: str) -> bool:
    """A word of a title or an honorific written before a name."""
    lowered = token.lower().rstrip(".,")
    return lowered in gz.TITLE_WORDS or lowered in _HONORIFIC_STEMS


# The forms of address that name no office or rank (the courtesy titles of English usage).
_ADDRESS_ONLY = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})


def _is_honorific(token: str) -> bool:
    """"Mr.", "Sen.", "Gen.": forms of address that are never part of the name."""
    return token.lower().rstrip(".") in {"mr", "mrs", "ms", "dr", "sen", "rep", "gen", "gov",
                                         "col", "lt", "capt", "adm", "maj", "prof", "rev", "sgt"}


def _glued_title(surface: str, name: str) -> str | None:
    """The title words the mention carried before the name ("Administrator"), if any.

    Bare forms of address ("Mr.", "Sen.") are no role and are not kept.
    """
    words = surface.replace("’s", "").split()
    size = len(name.split())
    if len(words) <= size or " ".join(words[-size:]) != name:
        return None
    prefix = [w for w in words[:-size] if not _is_honorific(w)]
    return " ".join(prefix) or None


def clean_person_name(name: str) -> str | None:
    """Drop leading honorifics and titles ("Sen.", "Administrator") and reject non-names."""
    tokens = leading_title(name.replace("’s", ""))[1].split()
    while tokens and tokens[0].lower().rstrip(".") in _HONORIFIC_STEMS and len(tokens) > 1:
        tokens = tokens[1:]
    if not tokens or len(tokens) > 5:
        return None
    last = tokens[-1] if tokens[-1][:1].isupper() else tokens[-1].split("-")[-1]  # "al-Assad"
    if not all(_NAME_TOKEN.match(t) for t in tokens) or not last[:1].isupper():
        return None
    if len(tokens) == 1 and (tokens[0].isupper() and len(tokens[0]) <= 4):
        return None
    joined = " ".join(tokens)
    if joined.isupper() and len(tokens) > 1:
        joined = " ".join(t.capitalize() for t in tokens)
    return joined


def build_people(mentions: list[Mention], text: str) -> list[Person]:
    """Group person mentions under the fullest name and gather titles."""
    people: list[Person] = []
    ordered = sorted(
        (m for m in mentions if m.kind == PERSON), key=lambda m: -len(m.text.split())
    )
    for mention in ordered:
        name = clean_person_name(_without_title_tail(mention, text))
        if not name:
            continue
        person = _find(people, name)
        if person is None:
            person = Person(name)
            people.append(person)
        person.mentions.append(mention)
        glued = _glued_title(mention.text, name)
        if glued:
            glued = _title_head(mention, text) + glued
        if glued and glued.lower() not in {t.lower() for t in person.titles}:
            person.titles.append(glued)
        for title in titles_near(mention, text):
            if title.lower() not in {t.lower() for t in person.titles}:
                person.titles.append(title)
    people = [p for p in people if len(p.name.split()) > 1 or p.titles or _speaks(p, text)]
    people = [p for p in people if p.name.split()[0] not in gz.GENERIC_SPEAKERS]
    bodies = {m.text for m in mentions if m.kind == ORG}
    people = [p for p in people if _looks_like_person(p, text, bodies)]
    return sorted(_merge_initials(people), key=lambda p: min(m.start for m in p.mentions))


def _without_title_tail(mention: Mention, text: str) -> str:
    """"Under-Secretary-General for Peace Operations Farida Osei-Mensah": a name right after
    "for"/"of" may begin with the end of the title; it starts at the first given name that
    follows a word that is none."""
    words = mention.text.split()
    if len(words) < 3 or not re.search(r"\b(?:for|of)\s+$", text[max(0, mention.start - 5) : mention.start]):
        return mention.text
    first = next((i for i in range(1, len(words) - 1)
                  if is_given_name(words[i]) and not is_given_name(words[i - 1])), None)
    return " ".join(words[first:]) if first else mention.text


_TITLE_HEAD = re.compile(r"((?:[A-Z][\w\-.]*\s+){1,4}(?:for|of)\s+(?:[A-Z][\w\-.]*\s+){0,3})$")


def _title_head(mention: Mention, text: str) -> str:
    """The start of a title whose end the mention carried ("Under-Secretary-General for "
    before "Peace Operations", "Under-Secretary-General for Humanitarian " before "Affairs"),
    else ""."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    match = _TITLE_HEAD.search(text[max(line_start, mention.start - 80) : mention.start])
    return match.group(1) if match else ""


def _looks_like_person(person: Person, text: str, bodies: set[str]) -> bool:
    """Structural checks that title-case phrases ("Price Drop", "Keck Observatory") fail.

    A person's name does not end in an institution word, is written at least once
    in running prose rather than only in headline-style lines, and its surname is
    not a word the article also uses in lower case as an ordinary noun or verb,
    unless a title or a speech verb vouches for it.  Without a title, a name of two or more
    words must also read as a person's: a listed given name first, a form of address before
    it, or a later reference by the surname alone ("Booz Allen", "Walnut Kettle" have
    none of these); a speech verb alone does not vouch for it, since organisations speak too
    ("Aegean Crest Shipping said").
    """
    last = person.name.split()[-1].lower().strip(".")
    if last in gz.ORG_KEYWORDS or last in gz.NON_ORG_TAILS:
        return False
    if not any(_in_prose(m, text) for m in person.mentions):
        return False
    starts = [m.start for m in person.mentions]
    if person.name.split()[0].lower() in EVENT_NOUNS or products.after_a_vessel_type(starts, text) \
            or products.after_a_measure(starts, text):
        return False  # "Operation Atalanta", "the oil tanker Marlin Star", "the 12-inch Kestrel"
    if products.stands_before_products(products.name_ends(person.name, text), text, devices_only=True):
        return False  # "the Liquid Retina display", "Ford's Mustang Mach E SUV"
    if person.titles:
        return True
    speaks = _speaks(person, text)
    if not speaks and written_in_lower_case(last, text):
        return False
    return _reads_as_name(person, text, bodies, speaks)


def _reads_as_name(person: Person, text: str, bodies: set[str], speaks: bool) -> bool:
    """A given name, a form of address ("Mr.", "Dr."), an age, "who", a surname-only
    reference, or a place in the model's eyes that a list puts beside a person."""
    tokens = person.name.split()
    if len(tokens) < 2 or is_given_name(tokens[0]):
        return True
    if surname_used_alone(tokens, text) or any(m.source == "list" for m in person.mentions):
        return True  # named again by the surname, or listed beside another person
    if any(m.source == "ner" for m in person.mentions) and speaks \
            and not is_company(person.name) and person.name not in bodies:
        return True  # the model's person says something: "Zabihullah Mujahid said"
    # An age after the name ("Tavurai Ncube, 41,") and "who" ("Halvard Endresen, who runs
    # a shop") are said only of people.
    return any(_addressed(m, text) or _AGE.match(text[m.end : m.end + 8])
               or _WHO_AFTER.match(text, m.end) or _undergoes_a_persons_event(m, text)
               for m in person.mentions)


_WHO_AFTER = re.compile(r",?\s+who\b")
# The events whose patient only a person is, by the ACE 2005 event types with a Person
# argument (Life: Be-Born, Marry, Injure, Die; Personnel: Elect, Start- and End-Position;
# Justice: Arrest-Jail, Sentence, Execute, Extradite, Pardon): "police arrested X", "X was
# sentenced", "X died".  An organisation is fined or sued, never born, jailed or killed.
_PERSONS_EVENT = (r"arrested|detained|jailed|imprisoned|sentenced|convicted|executed|hanged|"
                  r"extradited|deported|pardoned|kidnapped|abducted|killed|murdered|assassinated|"
                  r"injured|wounded|married|elected|appointed|nominated|sacked|born")
_PERSONS_EVENT_BEFORE = re.compile(rf"\b(?:{_PERSONS_EVENT})\s+$")
_PERSONS_EVENT_AFTER = re.compile(
    rf"^(?:,[^,.;]{{1,60}},)?\s+(?:(?:was|were|has\s+been|had\s+been|is|being)\s+(?:{_PERSONS_EVENT})"
    r"|died|resigned|pleaded)\b")


def _undergoes_a_persons_event(mention: Mention, text: str) -> bool:
    """Whether the text tells of the mention an event only a person undergoes (see above)."""
    return bool(_PERSONS_EVENT_BEFORE.search(text, max(0, mention.start - 16), mention.start)
                or _PERSONS_EVENT_AFTER.match(text[mention.end : mention.end + 120]))


def _addressed(mention: Mention, text: str) -> bool:
    """Whether a form of address or title ("Hon.", "Dr.", "Senator") stands before the mention."""
    before = text[max(0, mention.start - 12) : mention.start].split() + mention.text.split()[:1]
    return any(word.lower() in gz.HONORIFICS for word in before[-2:])


def _in_prose(mention: Mention, text: str) -> bool:
    """Whether the mention's line reads as prose, not as a capitalised headline or list label."""
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    line = text[start : end if end >= 0 else len(text)]
    if re.search(r"[.!?][\"”’)]*\s*$", line):  # a sentence: headlines and labels have no full stop
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", line) if len(w) > 3]
    if len(words) < 4:
        return len(line.split()) > 6
    return sum(w[0].isupper() for w in words) / len(words) < 0.6


_SPEECH_AFTER = re.compile(rf"^\s+(?:(?:{BEFORE_VERB})\s+)*(?:{PERSONAL_SPEECH_VERBS})\b")
_SPEECH_BEFORE = re.compile(rf"\b(?:{INVERTED_SPEECH_VERBS})\s+$")


def _speaks(person: Person, text: str) -> bool:
    """A lone surname is kept when it is the subject of a speech verb ("Esper said")."""
    for mention in person.mentions:
        if _SPEECH_AFTER.match(text[mention.end : mention.end + 12]):
            return True
        if _SPEECH_BEFORE.search(text[max(0, mention.start - 10) : mention.start]):
            return True
    return False


def _merge_initials(people: list[Person]) -> list[Person]:
    """"B. U. Nzeribe" is "Benjamin Nzeribe": same surname, matching first initial."""
    kept: list[Person] = []
    for person in sorted(people, key=lambda p: -len(p.name)):
        tokens = person.name.split()
        if len(tokens) >= 2 and re.fullmatch(r"[A-Z]\.", tokens[0]):
            match = [k for k in kept if k.name.split()[-1] == tokens[-1]
                     and k.name[0] == tokens[0][0] and not re.fullmatch(r"[A-Z]\.", k.name.split()[0])]
            if len(match) == 1:
                match[0].mentions.extend(person.mentions)
                match[0].titles.extend(t for t in person.titles if t not in match[0].titles)
                continue
        kept.append(person)
    return kept


def _find(people: list[Person], name: str) -> Person | None:
    """The already-known person whose name contains every word of ``name``."""
    tokens = set(name.lower().split())
    candidates = [p for p in people if tokens <= set(p.name.lower().split())]
    if len(candidates) == 1:
        return candidates[0]
    exact = [p for p in candidates if p.name.lower() == name.lower()]
    if exact:
        return exact[0]
    if candidates:
        return max(candidates, key=lambda p: len(p.mentions))
    return None


def titles_near(mention: Mention, text: str) -> list[str]:
    """Titles written just before ("Defence Minister X") or after ("X, former officer,")."""
    titles = []
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[max(line_start, mention.start - 90) : mention.start]
    match = _TITLE_BEFORE.search(before)
    if match:
        title = _title_words(match.group(1).replace(" and ", " , "))
        head = _TITLE_HEAD.search(before)
        # "Under-Secretary-General for Humanitarian Affairs": a title with its portfolio.
        if head and title and head.group(1).strip().endswith(title) and _has_title_word(head.group(1)):
            title = head.group(1).strip()
        if title:
            titles.append(title)
    if not titles and text.startswith(",", mention.end):
        titles += _front_appositive(before)
    appositive = appositive_title(text, mention.end)
    if appositive:
        titles.append(appositive)
    return titles


def appositive_title(text: str, end: int) -> str | None:
    """The office an appositive right after a name gives ("X, a spokesman for the port,"),
    else None (an age, or a phrase with no title's head or that is a clause)."""
    after = text[end : end + 140]
    if _AGE.match(after):
        return None
    appositive = _APPOSITIVE.match(after)
    if appositive and _has_title_head(appositive.group(1)) and _noun_phrase(appositive.group(1)):
        return appositive.group(1).strip()
    return None


def _front_appositive(before: str) -> list[str]:
    """The title of "The agency's director-general, X," ("director-general"), with its owner
    when a name owns it ("Vantor's chief executive")."""
    match = _FRONT_APPOSITIVE.search(before)
    if not match:
        return []
    words = match.group(3).split()
    # Lower-case modifiers may stand before the head ("press secretary", "top negotiator").
    if not is_title_head(words[-1]) \
            or not all(_title_token(w) or w.islower() for w in words):
        return []
    owner = 1 if match.group(1) else 2
    if match.group(owner) and match.group(owner)[0].isupper() \
            and match.group(owner) not in gz.FUNCTION_WORDS:
        return [before[match.start(owner) : match.end(3)]]
    return [match.group(3)]


_CLAUSE_OPENERS = frozenset({"and", "or", "but", "who", "which", "that", "is", "was", "has",
                             "had", "will", "would", "can", "could", "does", "did"})


def _noun_phrase(phrase: str) -> bool:
    """A role is a noun phrase: one opening with a verb ("joined the meeting late"), an
    auxiliary or a conjunction, or holding a to-infinitive ("to fight against"), is a clause."""
    words = phrase.split()
    if not words:
        return False
    first = words[0].lower()
    if first in _CLAUSE_OPENERS or first in IRREGULAR_PAST or re.fullmatch(r"[a-z]{3,}ed", first):
        return False
    return re.search(r"\bto\s+[a-z]+\b", phrase) is None


def _title_words(phrase: str) -> str | None:
    """Keep the trailing run of title words ("U.S. Defense Secretary"), if it has a title word.

    Only title words, demonyms and place names may precede a name as part of its
    title, so another person's name ("Minister X and Japanese Minister Y") ends it.
    """
    kept: list[str] = []
    for word in reversed(phrase.split()):
        bare = word.strip(",;:")
        if word.endswith(",") or not _title_token(bare):
            break
        kept.insert(0, bare)
    # "a spokesman for Prime Minister X": the role before "for" is another person's; X's
    # title is the capitalised one after it.
    served = [i for i, word in enumerate(kept[1:-1], 1)
              if word in ("for", "to") and kept[i - 1].islower() and kept[i + 1][:1].isupper()]
    if served:
        kept = kept[served[-1] + 1 :]
    while kept and kept[0].lower() in {"of", "the", "and", "for"}:
        kept = kept[1:]
    if kept and kept[-1].lower() in {"of", "the", "and", "for", "to"}:
        return None  # "Under-Secretary-General for" + the name's "Peace Operations": glued
    title = " ".join(kept).strip()
    if all(word.lower().rstrip(".") in _ADDRESS_ONLY for word in title.split()):
        return None  # "Ms." is a form of address, not a role; "Sen." and "Gen." are offices
    title = " ".join(gz.TITLE_ABBREVIATIONS.get(w.lower().rstrip("."), w) for w in title.split())
    return title if title and _has_title_word(title) else None


def _title_token(word: str) -> bool:
    """A word that can be part of a title written before a name ("Representative/Vice" of
    "High Representative/Vice President" is two)."""
    if "/" in word.strip("/"):
        return all(_title_token(part) for part in word.split("/") if part)
    lowered = word.lower()
    if lowered in {"of", "the", "for"} or lowered in gz.TITLE_WORDS \
            or ("-" in word and all(part in gz.TITLE_WORDS for part in _title_parts(word))):
        return True
    return word in gz.DEMONYMS or word in gz.COUNTRIES or (word.isupper() and len(word) <= 5)


def is_title_head(word: str) -> bool:
    """Whether a word is the head noun of an office title, hyphenated ones included."""
    return any(part in gz.TITLE_HEADS for part in _title_parts(word))


def _has_title_head(phrase: str) -> bool:
    """Whether an appositive names a role: it holds the head noun of a title ("a spokesperson
    for the coast guard", "former naval officer"), not just a portfolio word ("the state
    capital" describes a place)."""
    return any(is_title_head(w) for w in phrase.split())


def _has_title_word(phrase: str) -> bool:
    """Whether a phrase contains a recognised title word (minister, spokesman, ...)."""
    return any(part in gz.TITLE_WORDS - {"the"} for w in phrase.split() for part in _title_parts(w))


# The linking words and prefixes of hyphenated office titles, as the UN and the Oxford
# style guide write them ("Director-General", "Under-Secretary-General", "editor-in-chief",
# "co-founder", "vice-president", "ex-minister", "president-elect", "minister-designate").
_TITLE_PARTICLES = frozenset({"in", "of", "at", "co", "ex", "vice", "under", "elect", "designate"})


def _title_parts(word: str) -> list[str]:
    """A word's title words: a hyphenated title's parts ("director-general": director,
    general) when every part but its particles is one, else the word itself."""
    lowered = word.lower().strip(".,")
    parts = [part for part in lowered.split("-") if part and part not in _TITLE_PARTICLES]
    if "-" in lowered and parts and all(part in gz.TITLE_WORDS for part in parts):
        return parts
    return [lowered]
