"""Dated events: every sentence that dates an occurrence yields (date, what, where).

``what`` is the event noun nearest the date with up to two modifiers
("terrorist attack", "helicopter crash"); ``where`` is the place named nearest
the date in the same sentence; ``description`` is the sentence itself, so a
timeline line reads alone (who did what, where).  Sentences with a date but no
event word are skipped: they usually date a figure, not an occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
    for sentence in sentences:
        for date in find_dates(text, sentence.start, sentence.end, anchor):
            if date.start < skip_until:
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
        "description": describe(text, sentence, max(sentence.start, skip_until)),
        "evidence": [sentence.evidence()],
    }


_DESCRIPTION_WORDS = 30
_LEAD = re.compile(r"^[\s\-–—•*“”\"'‘’]+|^(?:And|But|So|Also|Meanwhile|However),?\s+")


def describe(text: str, sentence: Sentence, start: int) -> str:
    """A readable line for the timeline: the sentence itself (who did what, where, when),
    without a dateline or leading conjunction, shortened at a clause end when long."""
    body = _LEAD.sub("", text[start : sentence.end].strip())
    words = body.split()
    if len(words) <= _DESCRIPTION_WORDS:
        return body
    cut = " ".join(words[:_DESCRIPTION_WORDS])
    clause = max(cut.rfind(", "), cut.rfind("; "), cut.rfind(" – "), cut.rfind(" — "))
    if clause > len(cut) // 2:
        cut = cut[:clause]
    return cut.rstrip(" ,;:") + " …"


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


def _where(sentence: Sentence, date: DateMention, places: list[PlaceSpan]) -> str | None:
    """The place named nearest to the date within the sentence (the dateline's, if any)."""
    inside = [p for p in places if p.start >= sentence.start and p.end <= sentence.end]
    if not inside:
        return None
    if inside[0].start == 0:
        return inside[0].name
    nearest = min(inside, key=lambda p: min(abs(p.start - date.end), abs(date.start - p.end)))
    return nearest.name
