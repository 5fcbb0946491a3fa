"""Dated events: every sentence that dates an occurrence yields (date, what, where).

``what`` is a short headline phrase around the event word nearest the date, within its
clause and without the date ("helicopter crash in Afghanistan", "NASA announced the
selection of SpaceX"); the event word is an event noun or ACE trigger verb, else the
nearest past-tense verb that is no verb of saying.  ``where`` is the place named nearest
the date in the same sentence; ``description`` is the sentence itself, so a timeline line
reads alone (who did what, where).  Sentences with a date but no event word or past verb
are skipped: they usually date a figure, not an occurrence; so are dates inside
quotations unless their clause is in the past tense (what a speaker says will happen is
reported speech, not the article's dating; what a witness says they did on May 15 is a dated
occurrence).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.attribution import VERB_RE
from extract.quotespans import find_quote_spans
from extract.sentences import Sentence
from extract.temporal import DateMention, find_dates
from extract.wordlists import split_words

# Event nouns by the event types of the ACE 2005 annotation guidelines (Life, Movement,
# Transaction, Business, Conflict, Contact, Personnel, Justice) and their usual nominal
# triggers, with the kinds of scheduled occurrence news dates (elections, launches,
# releases, disasters, negotiations and agreements).
EVENT_NOUNS = frozenset(
    split_words("""birth death deaths marriage wedding divorce injury funeral killing killings
assassination murder execution
visit trip tour travel flight evacuation deportation deportations extradition return arrival
departure withdrawal invasion
sale sales purchase acquisition merger takeover bankruptcy launch founding closure shutdown
order orders contract investment donation payment
attack attacks bombing bombings blast explosion strike strikes airstrike airstrikes raid raids
shooting stabbing ambush siege shelling incursion war battle clash clashes fighting offensive
operation operations invasion coup uprising hijacking kidnapping abduction seizure
protest protests demonstration rally riot
meeting meetings summit talks conference negotiations dialogue consultations call speech
address interview hearing testimony
election elections vote referendum appointment nomination resignation dismissal
inauguration impeachment
arrest arrests detention trial verdict ruling conviction sentencing sentence charge charges
indictment lawsuit appeal acquittal pardon release investigation inquiry
earthquake flood hurricane storm fire outbreak crash collision sinking accident
exercise exercises drill drills deployment test tests ceasefire truce agreement treaty deal
partnership signing ban sanctions tariffs announcement decision report ceremony anniversary
cyberattack hack breach""")
)
# Past-tense verbs that are ACE 2005 triggers of the same event types, mapped to the noun
# that names the event.
VERB_NOUNS = {
    "born": "birth", "died": "death", "killed": "killing", "married": "marriage",
    "assassinated": "assassination", "murdered": "murder", "executed": "execution",
    "injured": "injury", "wounded": "injury",
    "visited": "visit", "travelled": "trip", "traveled": "trip", "returned": "return",
    "arrived": "arrival", "deported": "deportation", "extradited": "extradition",
    "evacuated": "evacuation", "withdrew": "withdrawal", "invaded": "invasion",
    "sold": "sale", "bought": "purchase", "acquired": "acquisition", "merged": "merger",
    "founded": "founding", "launched": "launch", "closed": "closure", "invested": "investment",
    "donated": "donation", "paid": "payment", "ordered": "order",
    "attacked": "attack", "bombed": "bombing", "exploded": "explosion", "raided": "raid",
    "shot": "shooting", "stabbed": "stabbing", "ambushed": "ambush", "shelled": "shelling",
    "seized": "seizure", "captured": "capture", "kidnapped": "kidnapping", "annexed": "annexation",
    "protested": "protest", "rallied": "rally",
    "met": "meeting", "spoke": "speech", "called": "call", "interviewed": "interview",
    "elected": "election", "voted": "vote", "appointed": "appointment", "nominated": "nomination",
    "resigned": "resignation", "fired": "dismissal", "dismissed": "dismissal",
    "sworn": "inauguration", "impeached": "impeachment",
    "arrested": "arrest", "detained": "detention", "tried": "trial", "convicted": "conviction",
    "sentenced": "sentencing", "charged": "charge", "indicted": "indictment", "sued": "lawsuit",
    "appealed": "appeal", "acquitted": "acquittal", "pardoned": "pardon", "released": "release",
    "ruled": "ruling", "crashed": "crash", "collided": "collision", "sank": "sinking",
    "signed": "signing", "announced": "announcement", "banned": "ban", "tested": "test",
    "deployed": "deployment", "sanctioned": "sanctions", "approved": "approval",
    "agreed": "agreement", "suspended": "suspension", "opened": "opening",
}
_STOP = frozenset(split_words(
    "the a an of in on at its his her their this that and with for to by from as is was were "
    "be been has have had it which who said says after before during since into than"
))
_WORD = re.compile(r"[A-Za-z][\w\-’']*")


@dataclass(frozen=True)
class PlaceSpan:
    """A place mention resolved to its listed name."""

    start: int
    end: int
    name: str


def extract_events(text: str, sentences: list[Sentence], published: str | None,
                   places: list[PlaceSpan], skip_until: int = 0,
                   dateline_place: str | None = None) -> list[dict[str, object]]:
    """One event per dated occurrence, de-duplicated on (date, what).

    Every event needs an event word: a date alone dates a figure as often as an
    occurrence.  In the dateline's sentence the event happened at the dateline's place.
    """
    if dateline_place and skip_until:
        places = [PlaceSpan(0, skip_until, dateline_place), *places]
    anchor = _anchor(published)
    events: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    quoted = [part for quote in find_quote_spans(text) for part in quote.parts]
    for sentence in sentences:
        for date in find_dates(text, sentence.start, sentence.end, anchor):
            if date.start < skip_until or (date.tense != "past"
                                           and any(a <= date.start < b for a, b in quoted)):
                continue
            event = _event(text, sentence, date, places, skip_until)
            if event is None:
                continue
            key = (str(event["date"]), str(event["what"]).lower())
            if key not in seen:
                seen.add(key)
                events.append(event)
    return events


def _anchor(published: str | None) -> dt.date | None:
    """The publication date as a date, for resolving relative expressions."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _event(text: str, sentence: Sentence, date: DateMention, places: list[PlaceSpan],
           skip_until: int) -> dict[str, object] | None:
    """Build the event record for one date mention, or None if nothing is dated.

    A date with no event word near it dates a figure or a plan's step, not an
    occurrence ("a further rise in 2027"): such sentences give no event, since a
    phrase guessed from neighbouring words reads as nothing on a timeline.
    """
    what = _what(text, sentence, date)
    if what is None:
        return None
    return {
        "date": date.iso,
        "what": what,
        "where": _where(sentence, date, places),
        "description": describe(text, sentence, max(sentence.start, skip_until), date),
        "evidence": [sentence.evidence()],
    }


_DESCRIPTION_WORDS = 30
_LEAD = re.compile(r"^[\s\-–—•*“”\"'‘’]+|^(?:And|But|So|Also|Meanwhile|However),?\s+")


def describe(text: str, sentence: Sentence, start: int, date: DateMention | None = None) -> str:
    """A readable line for the timeline: the sentence itself (who did what, where, when),
    without a dateline or leading conjunction, shortened at a clause end when long; a long
    sentence keeps the clause that holds the date, so the line always says when."""
    body = _LEAD.sub("", text[start : sentence.end].strip())
    words = body.split()
    if len(words) <= _DESCRIPTION_WORDS:
        return body
    offset = text.find(body, start)
    date_word = len(text[offset : date.start].split()) if date and offset >= 0 else 0
    if date_word < _DESCRIPTION_WORDS - 3:
        cut = " ".join(words[:_DESCRIPTION_WORDS])
        clause = max(cut.rfind(", "), cut.rfind("; "), cut.rfind(" – "), cut.rfind(" — "))
        if clause > len(cut) // 2:
            cut = cut[:clause]
        return cut.rstrip(" ,;:") + " …"
    # The date lies further on: the sentence's opening (who) and the words around the date.
    opening = " ".join(words[:_OPENING_WORDS]).rstrip(" ,;:")
    around = words[max(_OPENING_WORDS, date_word - _AROUND_WORDS) : date_word + _AROUND_WORDS]
    ending = "" if date_word + _AROUND_WORDS >= len(words) else " …"
    return f"{opening} … {' '.join(around).strip(' ,;:')}{ending}"


_OPENING_WORDS = 10
_AROUND_WORDS = 9


# Past forms of the irregular verbs among the most frequent English verbs (Leech, Rayson and
# Wilson, "Word Frequencies in Written and Spoken English", 2001: the irregular verbs of the
# top 200 lemmas that name an occurrence), and the regular past by its "-ed" ending.
IRREGULAR_PAST = frozenset(split_words(
    "began begun became brought built broke broken came caught chose drove fell flew fought "
    "found gave given went gone grew held hit kept knew led left lost made meant met paid "
    "put ran rose saw sent set shot shut sold spent spoke stood struck swore taken took "
    "threw thrown told understood won wrote written"
))
_REGULAR_PAST = re.compile(r"^[a-z]{3,}ed$")
# Words that open a new clause inside a sentence: the subordinators and relative pronouns of
# English grammar (Quirk et al., "A Comprehensive Grammar of the English Language", 14.12).
_CLAUSE_WORDS = frozenset(split_words(
    "that which who whom whose when while where whereas although though because since if "
    "unless until after before as so but and or nor"
))
_CLAUSE_MARK = re.compile(r"[,;:()\[\]“”\"—–!?]|\s-\s")
_PREPOSITIONS = frozenset(split_words(
    "in on at by since from until till during of for to into through between before after"
))
# Personal pronouns as subjects name nobody on a timeline line.
_PRONOUNS = frozenset(split_words("i we you he she they"))
_PHRASE_WORD = re.compile(r"[A-Za-z0-9$][\w\-’'.$%/]*")
_BEFORE_TRIGGER = 4
_AFTER_TRIGGER = 7


def _what(text: str, sentence: Sentence, date: DateMention) -> str | None:
    """A short headline phrase for the occurrence the date dates: its event word (an event
    noun, a past-tense ACE trigger, else the nearest past-tense verb), the name or words
    before it in its clause, and what follows it up to the clause's end ("NASA announced the
    selection of SpaceX", "helicopter crash in Afghanistan"); the date itself is left out."""
    words = _phrase_words(text, sentence, date)
    trigger = _trigger(words, date, lambda w: w.lower() in EVENT_NOUNS or w.lower() in VERB_NOUNS)
    fallback = trigger is None
    if fallback:
        trigger = _trigger(words, date, _is_past_verb)
    if trigger is None:
        return None
    passive = _passive_what(text, words, trigger)
    if passive:
        return passive
    noun = words[trigger].group(0).lower() in EVENT_NOUNS
    low = _reach_back(text, words, trigger, noun)
    high = trigger
    while high + 1 < len(words) and high - trigger < _AFTER_TRIGGER \
            and _joined(text, words, high) and words[high + 1].group(0).lower() not in _CLAUSE_WORDS:
        high += 1
    if noun and _content_words(words[low : high + 1]) < 2:
        low = _reach_back(text, words, trigger, False)  # "Senate held a hearing", not "hearing"
    kept = [w.group(0).rstrip(".") for w in words[low : high + 1]]
    while len(kept) > 1 and kept[0].lower() in _STOP | _PREPOSITIONS | _PRONOUNS:
        kept.pop(0)
    if fallback and not _named_actor([w.group(0) for w in words[low:trigger]]):
        return None
    while len(kept) > 1 and kept[-1].lower() in _STOP | _PREPOSITIONS:
        kept.pop()
    # One word ("announced", "hearing") says nothing on a timeline line.
    return " ".join(kept) if len([w for w in kept if w.lower() not in _STOP]) >= 2 else None


# The forms of "be" that make a passive with a past participle ("were deported").
_BE_FORMS = frozenset(split_words("was were been being is are be"))
# A parenthetical between commas that a subject carries ("300 people, including a child, were",
# "Lee, 24, was"): it opens with one of these words or a number.
_PARENTHETICAL = re.compile(r"^\s*(?:including|among|aged|who|which|\d)", re.IGNORECASE)
_SUBJECT_WORDS = 6
# The English cardinal numerals and quantity words that open a subject ("Three soldiers").
_NUMBER_WORDS = frozenset(split_words(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands dozens several many some more most both all"
))


def _passive_what(text: str, words: list[re.Match[str]], trigger: int) -> str | None:
    """The event a passive names, as the noun of its verb and the subject it happened to
    ("300 migrants were deported" -> "deportation of 300 migrants"), or None."""
    verb = words[trigger].group(0).lower()
    if verb not in VERB_NOUNS or trigger < 2 or words[trigger - 1].group(0).lower() not in _BE_FORMS:
        return None
    segments = _CLAUSE_MARK.split(text[words[0].start() : words[trigger - 1].start()])
    while len(segments) > 1 and (not segments[-1].strip() or _PARENTHETICAL.match(segments[-1])):
        segments.pop()  # ", including two boys," is an aside: the subject stands before it
    subject: list[str] = []
    for word in reversed(_PHRASE_WORD.findall(segments[-1]) if segments else []):
        if word.lower() in _CLAUSE_WORDS or word.lower() in _PRONOUNS or len(subject) == _SUBJECT_WORDS:
            break
        subject.insert(0, word)
    while subject and subject[0].lower() in _PREPOSITIONS | _CLAUSE_WORDS:
        subject.pop(0)
    if not subject or all(w.lower() in _STOP for w in subject):
        return None
    if subject[0].lower() in _STOP | _NUMBER_WORDS:
        subject[0] = subject[0].lower()  # "Three soldiers were killed": sentence case, not a name
    return f"{VERB_NOUNS[verb]} of {' '.join(w.rstrip('.') for w in subject)}"


def _reach_back(text: str, words: list[re.Match[str]], trigger: int, stop_at_verb: bool) -> int:
    """Where the phrase starts: up to _BEFORE_TRIGGER words back within the clause; an event
    noun's phrase also stops at the verb before it ("strike at the port", not "staged a …")."""
    low = trigger
    while low > 0 and trigger - low < _BEFORE_TRIGGER and _joined(text, words, low - 1) \
            and words[low - 1].group(0).lower() not in _CLAUSE_WORDS \
            and not (stop_at_verb and _is_past_verb(words[low - 1].group(0))):
        low -= 1
    return low


def _content_words(words: list[re.Match[str]]) -> int:
    """How many of the words are not function words."""
    return sum(w.group(0).lower() not in _STOP for w in words)


def _named_actor(before: list[str]) -> bool:
    """Whether a capitalised word (a name: "Scientists", "NASA", "Epstein") stands before a
    plain past verb in its clause: who did it.  Without one, "helped by", "followed by",
    "I started" date a circumstance, not an occurrence of the news."""
    return any(w[:1].isupper() and w.lower() not in _STOP | _PRONOUNS | _CLAUSE_WORDS
               for w in before)


def _phrase_words(text: str, sentence: Sentence, date: DateMention) -> list[re.Match[str]]:
    """The sentence's words, without the date expression and the preposition it governs."""
    words = [w for w in _PHRASE_WORD.finditer(text, sentence.start, sentence.end)
             if not date.start <= w.start() < date.end]
    return [w for i, w in enumerate(words)
            if not (w.group(0).lower() in _PREPOSITIONS and w.end() <= date.start
                    and (i + 1 == len(words) or words[i + 1].start() >= date.end)
                    and not text[w.end() : date.start].strip())]


def _trigger(words: list[re.Match[str]], date: DateMention, accept: Callable[[str], bool]
             ) -> int | None:
    """Index of the accepted word nearest the date (words after it count double)."""
    best: tuple[int, int] | None = None
    for position, word in enumerate(words):
        if not accept(word.group(0)):
            continue
        if word.start() >= date.end:
            distance = 2 * (word.start() - date.end)
        else:
            distance = max(date.start - word.end(), 0)
        if best is None or distance < best[0]:
            best = (distance, position)
    return best[1] if best else None


# Reporting verbs of thinking (the "cognition" reporting verbs of Hyland's and Thompson and
# Ye's classes of reporting verbs): like verbs of saying, they report a view, not an occurrence.
_COGNITION_VERBS = frozenset(split_words(
    "estimated believed thought hoped feared assumed reckoned calculated projected "
    "forecast predicted suspected considered concluded"
))


def _is_past_verb(word: str) -> bool:
    """A lower-case past-tense form, irregular or "-ed", that is no verb of saying or
    thinking: "noted", "told", "estimated" report what someone said or thought, not an
    occurrence."""
    if VERB_RE.fullmatch(word) or word in _COGNITION_VERBS:
        return False
    return word in IRREGULAR_PAST or bool(_REGULAR_PAST.match(word))


def _joined(text: str, words: list[re.Match[str]], position: int) -> bool:
    """Whether words[position] and the next word are in one clause (no clause mark between)."""
    return not _CLAUSE_MARK.search(text[words[position].end() : words[position + 1].start()])


def _where(sentence: Sentence, date: DateMention, places: list[PlaceSpan]) -> str | None:
    """The place named nearest to the date within the sentence (the dateline's, if any)."""
    inside = [p for p in places if p.start >= sentence.start and p.end <= sentence.end]
    if not inside:
        return None
    if inside[0].start == 0:
        return inside[0].name
    nearest = min(inside, key=lambda p: min(abs(p.start - date.end), abs(date.start - p.end)))
    return nearest.name
