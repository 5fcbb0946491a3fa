"""Dated events: every sentence that dates an occurrence yields (date, what, where).

``what`` is the event noun nearest the date with up to two modifiers
("terrorist attack", "helicopter crash"); ``where`` is the place named nearest
the date in the same sentence.  Sentences with a date but neither an event noun
nor a place are skipped: they usually date a figure, not an occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.sentences import Sentence
from extract.temporal import DateMention, find_dates
from extract.wordlists import split_words

EVENT_NOUNS = frozenset(
    split_words("""attack attacks bombing bombings blast explosion strike strikes airstrike airstrikes raid
raids crash shooting stabbing killing killings assassination invasion annexation war battle
clash clashes fighting offensive operation operations exercise exercises drill drills patrol
patrols deployment talks meeting meetings summit visit conference speech address election
elections vote referendum protest protests rally deal agreement treaty partnership order
orders sale sales purchase contract launch test tests signing ceasefire truce negotiations
announcement decision ruling verdict trial arrest arrests deportation deportations return
grounding recess session plenary motion birth death deaths funeral crisis incident ban
sanctions tariffs merger acquisition swap release withdrawal coup uprising hijacking
kidnapping abduction ambush siege shelling incursion intrusion collision sinking seizure
interception tour trip inauguration ceremony parade celebration anniversary agreement
resignation appointment dismissal impeachment hearing testimony investigation inquiry
report announcement outbreak earthquake flood fire cyberattack hack breach leak
demonstration meeting dialogue consultations election polls poll elections
expansion production cutback redesign selection invitation shutdown lockdown flight entry
accusation fall rise approval passage""")
)
# Past-tense and base verbs that report an occurrence, mapped to the noun naming it.
VERB_NOUNS = {
    "returned": "return", "invaded": "invasion", "annexed": "annexation", "born": "birth",
    "died": "death", "killed": "killing", "assassinated": "assassination", "arrested": "arrest",
    "signed": "signing", "announced": "announcement", "launched": "launch", "invited": "invitation",
    "elected": "election", "deported": "deportation", "grounded": "grounding", "fell": "fall",
    "rose": "rise", "attacked": "attack", "bombed": "bombing", "crashed": "crash",
    "resigned": "resignation", "appointed": "appointment", "visited": "visit", "met": "meeting",
    "entered": "entry", "enter": "entry", "boarded": "flight", "raided": "raid",
    "stabbed": "stabbing", "swapped": "swap", "withdrew": "withdrawal", "suspended": "suspension",
    "banned": "ban", "tested": "test", "captured": "capture", "seized": "seizure",
    "released": "release", "convicted": "conviction", "sentenced": "sentencing",
    "opened": "opening", "agreed": "agreement", "expand": "expansion", "expanded": "expansion",
    "pick": "selection", "picked": "selection", "selected": "selection", "accused": "accusation",
    "exploded": "explosion", "collapsed": "collapse", "merged": "merger", "acquired": "acquisition",
    "shot": "shooting", "sold": "sale", "bought": "purchase", "deployed": "deployment",
    "sanctioned": "sanctions", "provided": "provision", "provide": "provision",
    "protested": "protest", "voted": "vote", "ruled": "ruling", "passed": "passage",
    "approved": "approval", "condemned": "condemnation", "hosted": "hosting",
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

    An event dated the publication day needs an event word: stories restate
    their main news many times, and only a named occurrence is worth a new
    event.  In the dateline's sentence the event happened at the dateline's place.
    """
    if dateline_place and skip_until:
        places = [PlaceSpan(0, skip_until, dateline_place), *places]
    anchor = _anchor(published)
    events: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for sentence in sentences:
        for date in find_dates(text, sentence.start, sentence.end, anchor):
            if date.start < skip_until:
                continue
            event = _event(text, sentence, date, places, skip_until)
            if event is None:
                continue
            key = (str(event["date"]), str(event["what"]).lower())
            if event["fallback"] and published and event["date"] == published[:10]:
                continue
            if key not in seen:
                seen.add(key)
                events.append(event)
    for event in events:
        del event["fallback"]
    return events


def _anchor(published: str | None) -> dt.date | None:
    """The publication date as a date, for resolving relative expressions."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _event(text: str, sentence: Sentence, date: DateMention, places: list[PlaceSpan],
           skip_until: int) -> dict[str, object] | None:
    """Build the event record for one date mention, or None if nothing is dated."""
    what = _what(text, sentence, date)
    where = _where(sentence, date, places)
    fallback = _fallback_what(text, sentence, date, skip_until) if what is None else None
    if what is None and (where is None or not fallback):
        return None
    return {
        "date": date.iso,
        "what": what or fallback,
        "where": where,
        "evidence": [sentence.evidence()],
        "fallback": what is None,
    }


def _what(text: str, sentence: Sentence, date: DateMention) -> str | None:
    """The event noun closest to the date, with up to two modifiers before it."""
    best: tuple[int, str] | None = None
    words = list(_WORD.finditer(text, sentence.start, sentence.end))
    for position, word in enumerate(words):
        lowered = word.group(0).lower()
        if date.start <= word.start() < date.end:
            continue
        if lowered in EVENT_NOUNS:
            phrase = _with_modifiers(words, position)
        elif lowered in VERB_NOUNS:
            phrase = VERB_NOUNS[lowered]
        else:
            continue
        if word.start() >= date.end:
            distance = 2 * (word.start() - date.end)
        else:
            distance = max(date.start - word.end(), 0)
        if best is None or distance < best[0]:
            best = (distance, phrase)
    return best[1] if best else None


def _with_modifiers(words: list[re.Match[str]], position: int) -> str:
    """The noun with at most two preceding content words ("terrorist attack")."""
    kept = [words[position].group(0)]
    for word in reversed(words[max(0, position - 2) : position]):
        token = word.group(0)
        if token.lower() in _STOP or token[:1].isupper() or token.lower() in EVENT_NOUNS \
                or "'" in token or "’" in token:
            break
        kept.insert(0, token)
    return " ".join(kept)


def _fallback_what(text: str, sentence: Sentence, date: DateMention, skip_until: int) -> str:
    """When no event word is found, the content words just before the date describe it
    (never the dateline's words)."""
    start = max(sentence.start, skip_until)
    words = [w.group(0) for w in _WORD.finditer(text, start, max(start, date.start))]
    content = [w for w in words if w.lower() not in _STOP and not w[:1].isupper()]
    return " ".join(content[-3:])


def _where(sentence: Sentence, date: DateMention, places: list[PlaceSpan]) -> str | None:
    """The place named nearest to the date within the sentence (the dateline's, if any)."""
    inside = [p for p in places if p.start >= sentence.start and p.end <= sentence.end]
    if not inside:
        return None
    if inside[0].start == 0:
        return inside[0].name
    nearest = min(inside, key=lambda p: min(abs(p.start - date.end), abs(date.start - p.end)))
    return nearest.name
