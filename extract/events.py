"""Dated events: every sentence that dates an occurrence yields (date, what, where).

``what`` is a short phrase for the event word nearest the date, within its clause and
without the date: an event noun's noun phrase ("helicopter crash in Afghanistan",
"stabbing"), a passive or object-less verb's noun and subject ("deportation of 300
migrants"), else the verb's clause ("NASA announced the selection of SpaceX"); the event
word is, in the date's own clause, an event noun or ACE trigger verb, else a past-tense verb
that is no verb of saying; failing both, one of those elsewhere in the sentence.  ``where``
is the place named nearest the date in the same sentence; ``description`` is the sentence
itself, so a timeline line reads alone (who did what, where).  Sentences with a date but
no event word or past verb are skipped: they usually date a figure, not an occurrence; so
are dates inside quotations unless their clause is in the past tense (what a speaker says
will happen is reported speech, not the article's dating; what a witness says they did on
May 15 is a dated occurrence).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract import gazetteer as gz
from extract.attribution import SPEECH_VERBS, VERB_RE
from extract.eventwords import EVENT_NOUNS, IRREGULAR_PAST, PAST_LIKE_BASE, VERB_NOUNS
from extract.people import leading_title
from extract.quotespans import find_quote_spans
from extract.sentences import ABBREVIATIONS, Sentence
from extract.temporal import POSSESSIVE, SCHEDULED_VERBS, DateMention, find_dates
from extract.wordlists import PLACE_PREPOSITIONS, PREPOSITIONS, split_words

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
                   dateline_place: str | None = None,
                   antecedent_at: AntecedentAt | None = None) -> list[dict[str, object]]:
    """One event per dated occurrence, de-duplicated on (date, what) and on (date, the
    event noun a phrase ends with).

    Every event needs an event word: a date alone dates a figure as often as an
    occurrence.  In the dateline's sentence the event happened at the dateline's place;
    in a sentence that names no place, at the article's own place: the dateline's, else
    the place the article is about (_main_place).
    """
    default_place = dateline_place or _main_place(places)
    antecedent_at = antecedent_at or (lambda offset, kind: None)
    if dateline_place and skip_until:
        places = [PlaceSpan(0, skip_until, dateline_place), *places]
    anchor = _anchor(published)
    events: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    quoted = [part for quote in find_quote_spans(text) for part in quote.parts]
    reference: str | None = None  # the date the story last named, for "the next day"
    for sentence in sentences:
        dates = list(find_dates(text, sentence.start, sentence.end, anchor, reference))
        reference = max(dates, key=lambda d: d.start).iso if dates else reference
        dated: set[str] = set()  # a date said twice in one sentence dates one occurrence
        for date in dates:
            if date.iso in dated:
                continue
            if date.start < skip_until or (date.tense != "past"
                                           and any(a <= date.start < b for a, b in quoted)):
                continue
            if any(d.iso != date.iso and d.iso.startswith(date.iso) for d in dates):
                continue  # "their 2020 session that starts in January": one occurrence, the finer date
            others = [d for d in dates if d is not date]
            ahead = date.tense == "future" or (
                anchor is not None and date.iso > anchor.isoformat()[:len(date.iso)])
            event = _event(text, sentence, date, others, places, skip_until, default_place,
                           ahead=ahead)
            if event is None:
                continue
            event["what"] = _of_the_pronouns_person(sentence, str(event["what"]), antecedent_at)
            dated.add(date.iso)
            keys = {(str(event["date"]), str(event["what"]).lower())}
            head = _head_event_noun(str(event["what"]))
            if head:  # "the hearing" ... "last week's hearing": one hearing that week
                keys.add((str(event["date"]), head))
            if not keys & seen:
                seen |= keys
                events.append(event)
    return events


# Who a "he" or "she" at an offset stands for (the speaker resolution's reading; kind "m" or
# "f"), or the organisation an "it" does (kind "org"), or None.
AntecedentAt = Callable[[int, str], "str | None"]
_PRONOUN_SUBJECT = re.compile(r"\b(?P<pronoun>[Hh]e|[Ss]he|[Ii]t)\s+(?:(?:was|is|had|has|been|will|would|be|"
                              r"later|also|then)\s+)*(?P<verb>[a-z]+ed|[a-z]+)\b")


def _of_the_pronouns_person(sentence: Sentence, what: str, antecedent_at: AntecedentAt) -> str:
    """A bare event noun whose verb's subject is "he" or "she" ("he was arrested on Monday":
    "arrest") is named with the person the pronoun stands for ("arrest of Ana Ruiz"); one of
    a body's events with "it" ("it was founded in 1998") with the organisation named just
    before."""
    if " " in what:
        return what
    for match in _PRONOUN_SUBJECT.finditer(sentence.text):
        pronoun = match.group("pronoun").lower()
        if VERB_NOUNS.get(match.group("verb")) != what or (pronoun == "it" and what not in _BODY_EVENTS):
            continue
        kind = {"he": "m", "she": "f", "it": "org"}[pronoun]
        name = antecedent_at(sentence.start + match.start(), kind)
        return f"{what} of {name}" if name else what
    return what


# What happens to a body as a whole (ACE 2005's Business events: Start-Org, Merge-Org,
# End-Org, Declare-Bankruptcy): an "it" that is founded or merged stands for an organisation.
_BODY_EVENTS = frozenset(split_words("founding formation establishment merger closure bankruptcy"))


def _head_event_noun(what: str) -> str | None:
    """The event noun a phrase ends with ("comments hearing" -> "hearing"), if any."""
    last = what.lower().split()[-1:] if what else []
    return last[0] if last and last[0] in EVENT_NOUNS else None


def _anchor(published: str | None) -> dt.date | None:
    """The publication date as a date, for resolving relative expressions."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _event(text: str, sentence: Sentence, date: DateMention, others: list[DateMention],
           places: list[PlaceSpan], skip_until: int, default_place: str | None,
           ahead: bool = False) -> dict[str, object] | None:
    """Build the event record for one date mention, or None if nothing is dated.

    A date with no event word near it dates a figure or a plan's step, not an
    occurrence ("a further rise in 2027"): such sentences give no event, since a
    phrase guessed from neighbouring words reads as nothing on a timeline.  ``ahead``: the
    date is still to come when the article is published.
    """
    what = _what(text, sentence, date, others, ahead)
    if what is None:
        return None
    return {
        "date": date.iso,
        "what": what,
        "where": _where(sentence, date, places, default_place),
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


_REGULAR_PAST = re.compile(r"^[a-z]{3,}ed$")
# Words that open a new clause inside a sentence: the subordinators and relative pronouns of
# English grammar (Quirk et al., "A Comprehensive Grammar of the English Language", 14.12).
_CLAUSE_WORDS = frozenset(split_words(
    "that which who whom whose when while where whereas although though because since if "
    "unless until after before as so but and or nor whether"
))
_CLAUSE_MARK = re.compile(r"[,;:()\[\]“”\"—–!?]|\s-\s")
# Personal pronouns as subjects name nobody on a timeline line; with an auxiliary contracted
# onto them too ("I’ve", "they're": the contracted forms of Quirk et al. 3.23).
_PRONOUNS = frozenset(pronoun + contraction for pronoun in split_words("i we you he she they")
                      for contraction in ("", *(mark + ending for mark in "'’"
                                                for ending in ("m", "re", "ve", "d", "ll", "s"))))
# A number keeps its thousands separators ("2,400 vessels") and its decimal point, an
# abbreviation its stops ("U.S.", "Gov."); a word its sentence's full stop does not ("a
# strike."), so it is read as the word it is.
_KEEPS_ITS_STOP = "|".join(["(?<=\\.[A-Za-z])", *(f"(?<=\\b{word.capitalize()})"
                                                   for word in sorted(ABBREVIATIONS) if "." not in word)])
_PHRASE_WORD = re.compile(
    rf"[A-Za-z0-9$](?:[\w\-’'$%/]|\.(?=[\w\-’'$%/]))*(?:(?=\.)(?:{_KEEPS_ITS_STOP})\.)?(?:,\d{{3}}(?!\d))*")
_BEFORE_TRIGGER = 4
_AFTER_TRIGGER = 7


def _what(text: str, sentence: Sentence, date: DateMention,
          others: list[DateMention], ahead: bool = False) -> str | None:
    """A short phrase for the occurrence the date dates: its event word (an event noun or a
    noun of action in the date's clause, else a past verb in that clause, else an event word
    or past verb elsewhere in the sentence: the occurrence a date dates is told in its own
    clause); a noun's noun phrase, else the
    name or words before the verb in its clause and what follows it up to the clause's end
    ("NASA announced the selection of SpaceX"); the date itself is left out.  An event noun
    after a modal or "to" is a verb ("will return")."""
    work = _work_of_the_year(text, date)
    if work:
        return f"release of {work}"
    words = _phrase_words(text, sentence, date, others)
    modified = _modified_noun(text, words, date)
    if modified is not None:
        # A date's possessive is the noun phrase's determiner: nothing before it is of it.
        first = next(i for i, w in enumerate(words) if w.start() >= date.end) \
            if _DATE_OWNS.match(text, date.end) else 0
        return _noun_phrase(words[first:], modified - first)
    reduced = _reduced_relative(text, words, date)
    if reduced:
        return reduced
    # The noun another date modifies is that date's ("withdrew from the 2015 deal in 2018":
    # the withdrawal is 2018's, the deal 2015's).
    owned = {i for other in others for i in [_modified_noun(text, words, other)] if i is not None}
    clause = [i for i in _date_clause(text, words, date) if i not in owned]
    # Elsewhere in the sentence, but not in another date's clause: its words are that date's
    # ("the strike at Kell on 2 May and the fire near the quay on 9 June").
    # A coarser date of the same occurrence ("their 2020 session that starts in January")
    # claims nothing.
    claimed = {i for other in others if not date.iso.startswith(other.iso)
               for i in _date_clause(text, words, other)}
    everywhere = [i for i in range(len(words)) if i not in claimed | owned]
    passes: list[tuple[Callable[[str], bool], Sequence[int]]] = [
        (_is_event_noun_in_clause, clause), (_is_past_verb, clause),
        (_is_event_word, everywhere), (_is_past_verb, everywhere)]
    for accept, within in passes:
        candidates = _triggers(words, date, accept, within)
        planned = not candidates and accept is _is_event_noun_in_clause
        if planned:
            verb = _planned_verb(words, within, ahead)
            candidates = [] if verb is None else [verb]
        if not candidates:
            continue
        fallback = accept is _is_past_verb
        # A plain past verb with nobody named before it dates a circumstance: the next
        # nearest one may have its actor ("Hood lost ..., four years ago, when Bryant won").
        for trigger in candidates if fallback else candidates[:1]:
            what = _phrase(text, words, trigger, fallback, day=len(date.iso) == 10)
            if what:
                return what
        if accept is _is_event_noun_in_clause and not planned:
            # A noun of action that makes no phrase alone is the subject of a plan's verb
            # ("production will start in January"): the plan's phrase.
            verb = _planned_verb(words, within, ahead)
            what = None if verb is None else _phrase(text, words, verb, False)
            if what:
                return what
        if not planned:
            return None  # a plan's verb without a phrase leaves the other passes to try
    return None


# A title after a year's possessive: capitalised words, with the small words of English
# title case between them ("2013's Star Trek Into Darkness", "1973's The Captain and Me").
_WORK_TITLE = re.compile(r"['’]s\s+([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*|\s+(?:of|the|and|in|into|to|a|"
                         r"an|on|for|at|by)(?=\s+[A-Z]))*)")


def _work_of_the_year(text: str, date: DateMention) -> str | None:
    """The work a bare year names as its own ("2016's Star Trek Beyond": the year of its
    release), unless the title names an occurrence ("2016's Rio Olympics", "2019's Hurricane
    Dorian", "2019's March vote") or is a listed place's."""
    if len(date.iso) != 4:
        return None
    title = _WORK_TITLE.match(text, date.end)
    if title is None:
        return None
    name = title.group(1).strip()
    words = {w.lower() for w in name.split()}
    if words & (EVENT_NOUNS | gz.NON_ORG_TAILS) or name in gz.PLACE_NAMES \
            or name.split()[0] in gz.WEEKDAY_AND_MONTHS:
        return None
    return name


def _modified_noun(text: str, words: list[re.Match[str]], date: DateMention) -> int | None:
    """The head of the event noun a date modifies ("the 2016 plan", "its 2020 session", "a
    September hearing"): the occurrence the date dates, whatever the clause's verb (the
    tender of "withdrew from the 2018 tender" is of 2018, the withdrawal of no known date).
    The head is the last of the lower-case words after the date that no verb, function word
    or clause word interrupts ("the 2016 election campaign")."""
    owns = _DATE_OWNS.match(text, date.end)  # "last week's demonstrations"
    if not (owns or _DATE_ARTICLE.match(text, date.start)
            or _POSSESSIVE_BEFORE.search(text, max(0, date.start - 8), date.start)):
        return None
    end = owns.end() if owns else date.end
    after = next((i for i, w in enumerate(words) if w.start() >= end), None)
    if after is None or text[end : words[after].start()].strip() or not _noun_word(words[after]):
        return None
    head = after
    while head + 1 < len(words) and _joined(words, head) and _noun_word(words[head + 1]):
        head += 1
    # Only an event's noun: "the 2016 model", "a 1976 album" date a thing, not an occurrence.
    nouns = range(after, head + 1)
    return head if any(_is_event_noun_in_clause(words[i].group(0)) for i in nouns) else None


# A date that modifies a noun stands after an article, which its expression then holds
# (_DATE_ARTICLE: "the 2016 plan", "a September hearing"), or after a possessive
# ("Holcomb's 2016 campaign", "its 2020 session"), or is the possessive ("Sunday's vote").
_POSSESSIVE_BEFORE = re.compile(rf"{POSSESSIVE}$", re.IGNORECASE)
_DATE_OWNS = re.compile(r"['’]s[^\S\n]+")


# Between a participle and its date: nothing, or the date's preposition.
_DATE_GAP = re.compile(r"\s+(?:(?:on|in|at|during)\s+)?")


def _reduced_relative(text: str, words: list[re.Match[str]], date: DateMention) -> str | None:
    """A past participle right before its date, after the noun it tells of, is a reduced
    relative clause (Quirk et al. 17.30: "in a survey published Monday", "under an
    arrangement agreed in November"): the noun's occurrence on that date."""
    position = next((i for i in range(len(words) - 1, -1, -1)
                     if words[i].end() <= date.start), None)
    if position is None or position < 1 \
            or not _DATE_GAP.fullmatch(text, words[position].end(), date.start):
        return None
    verb, noun_word = words[position].group(0), words[position - 1].group(0)
    # A participle spelled "-ed", or one of an event verb: "came", "began" are past tenses.
    participle = verb in VERB_NOUNS or bool(_REGULAR_PAST.match(verb) and _is_past_verb(verb))
    if not participle or not verb.islower() or not _noun_word(words[position - 1]) \
            or noun_word in _NOT_SUBJECT or noun_word.endswith("ly") \
            or not _joined(words, position - 1):
        return None
    low = _reach_back(words[:position], position - 1, _opens_noun_phrase, noun=True)
    if words[low].group(0).lower() not in _DETERMINERS or low < 1 \
            or words[low - 1].group(0).lower() not in PREPOSITIONS:
        return None  # the noun phrase stands after a preposition: "in a survey published"
    if low >= 2 and words[low - 1].group(0) == "of" \
            and not any(_verbish(w.group(0)) for w in words[: low - 1]) \
            and not any(_verbish(w.group(0)) for w in words[position + 1 :] if w.start() > date.end):
        return None  # "Production of the vehicle ended in 2019": the subject's verb, no other
    return f"{_noun_phrase(words[:position], position - 1)} {verb}"


def _noun_word(word: re.Match[str]) -> bool:
    """A lower-case word that may be part of a noun: no verb, function word or clause word."""
    value = word.group(0)
    return value.islower() and value not in _NO_NOUN_WORDS \
        and not _verbish(value)


def _phrase(text: str, words: list[re.Match[str]], trigger: int, fallback: bool,
            day: bool = False) -> str | None:
    """The phrase for one event word, or None when it names no occurrence (a plain past verb,
    ``fallback``, must tell one: see _tells_an_occurrence; ``day``: the date names a day)."""
    if _negated(words, trigger):
        return None  # "they had not met since 1965": no occurrence
    passive = _passive_what(text, words, trigger) or _intransitive_what(text, words, trigger)
    if passive:
        return passive
    if words[trigger].group(0).lower() in EVENT_NOUNS \
            and not (trigger > 0 and words[trigger - 1].group(0).lower() in _BEFORE_BASE):
        aspect = _aspect_before(words, trigger)
        if aspect is None:
            return _noun_phrase(words, trigger)
        trigger = aspect  # "the terminal resumed normal operations": the verb's phrase
    # A verb of saying before it opens the clause it reports ("the guild said Ruiz founded it").
    low = _reach_back(words, trigger, _says)
    with_agent = trigger + 1 < len(words) and words[trigger + 1].group(0) == "by"  # a participle
    first_verb = _verb_joined_before(words, low) if low == trigger and not with_agent else None
    if first_verb is not None:
        low = _reach_back(words, first_verb)  # verbs joined by "and" share their subject
    if low > 0 and words[low].group(0) in ("least", "most") and words[low - 1].group(0) == "at":
        low -= 1  # "at least nine hijackings": one quantifier
    # What a verb of saying reports follows it after "that" ("announced that it would buy").
    that = trigger + 1 if _reports_that(words, trigger) else None
    relative = _antecedent(words, low)
    high = _verb_phrase_end(words, trigger, that, bool(relative))
    kept = [words[i].group(0) for i in range(low, high + 1) if i != that]
    gap = _gap_object(words, low, trigger)
    if gap:  # "the treaty, which Kenya signed in 2019": Kenya signed the treaty
        kept[trigger - low + 1 : trigger - low + 1] = gap
    while len(kept) > 1 and kept[0].lower() in _NO_PHRASE_START \
            and kept[:2] != ["at", "least"]:
        kept.pop(0)
    antecedent = relative or _subject_before_aside(text, words, low) or _reporters_subject(words, low)
    if antecedent:
        kept = [*antecedent, *kept]
    if fallback and not _tells_an_occurrence(words, low, trigger, antecedent, day):
        return None
    _trim_end(kept)
    # One verb ("announced") names no occurrence, nor a verb without its subject ("it would
    # enter into force": "would enter into force").
    if kept and (kept[0].lower() in _MODALS or kept[0] in SCHEDULED_VERBS):
        return None  # "they meet in Brussels": "meet in Brussels" names no one
    return " ".join(kept) if len([w for w in kept if w.lower() not in _STOP]) >= 2 else None


def _gap_object(words: list[re.Match[str]], low: int, trigger: int) -> list[str]:
    """The object a relative clause with a subject of its own leaves out ("the treaty, which
    Kenya signed in 2019"; "the agreement that India and the EU signed"): the noun phrase
    before its pronoun, which the verb takes as its object (Quirk et al. 17.12: the relative
    pronoun as object); [] when the verb has an object after it or the clause none before."""
    if low < 2 or words[low - 1].group(0).lower() not in ("which", "that", "whom") \
            or not _is_past_verb(words[trigger].group(0)) \
            or all(w.group(0).lower() in _BEFORE_VERB_OR_PRONOUN or w.group(0).endswith("ly")
                   for w in words[low:trigger]) \
            or any(_is_past_verb(w.group(0)) for w in words[low:trigger]):
        return []  # no subject of its own, a pronoun ("which I opened"), or not its first verb
    noun = words[low - 2].group(0)
    if _verbish(noun) or noun.lower() in _FUNCTION_WORDS:
        return []  # "said that Kenya signed it": a content clause
    following = trigger + 1
    if following < len(words) and _joined(words, trigger) and (
            words[following].group(0).lower() not in PREPOSITIONS | _AUXILIARIES
            or words[following].group(0).lower() in _APPROXIMATORS):
        return []  # "which Kenya signed a year later", "lost about 1,100 troops": an object
    phrase = _noun_before(words, low - 1)
    first = low - 1 - len(phrase)
    if any(VERB_RE.fullmatch(w.group(0)) for w in words[max(0, first - 2) : first]):
        return []  # "told the council that UNMISS had lost": what was told
    if first > 0 and words[first - 1].group(0).lower() in _DETERMINERS:
        phrase = [words[first - 1].group(0).lower(), *phrase]
    return phrase


# The aspectual verbs (Levin's classes 55.1 and 55.2, "begin" and "complete" verbs) in the
# past: with an event noun as object they tell that phase of it ("resumed operations").
_ASPECTUAL = frozenset(split_words(
    "began started resumed ended halted suspended stopped finished completed concluded "
    "ceased"))


def _aspect_before(words: list[re.Match[str]], noun: int) -> int | None:
    """The aspectual past verb whose object the event noun's phrase is, with a subject of its
    own before it, or None."""
    verb = _reach_back(words, noun, _opens_noun_phrase, noun=True) - 1
    if verb < 1 or words[verb].group(0) not in _ASPECTUAL or not _joined(words, verb) \
            or not (_noun_word(words[verb - 1]) or words[verb - 1].group(0)[:1].isupper()):
        return None
    return verb


def _reporters_subject(words: list[re.Match[str]], low: int) -> list[str]:
    """The body a pronoun after a verb of saying stands for, at the phrase's start or just
    before it, when that body opens the sentence as the verb's subject ("The Nigerian army
    said it had killed 20 militants": the army): news reports an actor's own account so
    (Quirk et al. 14.31, reported speech keeps the reporter as the reported clause's
    subject); [] otherwise."""
    at = next((i for i in (low, low - 1) if 0 <= i < len(words)
               and words[i].group(0).lower() in ("it", "they")), None)
    if at is None:
        return []
    verb = at - 2 if at >= 2 and words[at - 1].group(0).lower() == "that" else at - 1
    if not 1 <= verb <= _SUBJECT_WORDS or not _says(words[verb].group(0)):
        return []
    start = verb
    while start > 0 and _joined(words, start - 1):
        start -= 1  # the clause's start: after a dateline's dash ("TOKYO (AP) — Japan's ...")
    first = start + 1 if words[start].group(0).lower() in ("the", "a", "an") else start
    subject = words[first:verb]
    if not subject or not all(w.group(0)[:1].isupper() or _noun_word(w) for w in subject):
        return []
    # "it" takes up a body named with its article or its owner ("The army said it", "Japan's
    # government said it"), never a person ("Ruiz said it would": the agreement); "they" a
    # plural or "police".
    head = subject[-1].group(0).lower()
    plural = head.endswith("s") or head == "police"
    owned = subject[0].group(0).endswith(("'s", "’s")) and subject[-1].group(0).islower()
    if (words[at].group(0).lower() == "it" and not (first > start or owned)) \
            or (words[at].group(0).lower() == "they" and not plural):
        return []
    return [w.group(0) for w in subject]


def _verb_joined_before(words: list[re.Match[str]], low: int) -> int | None:
    """The past verb an "and" right before ``low`` joins the phrase's verb to, within the
    clause and a few words back ("hunted and ate", "condemned the decision and summoned"):
    the two share its subject."""
    if low < 2 or words[low - 1].group(0) != "and" or not _joined(words, low - 1):
        return None
    # Back over the first verb's object, which runs at most as far as a verb's phrase does.
    for position in range(low - 2, max(-1, low - 2 - _AFTER_TRIGGER), -1):
        if not _joined(words, position):
            return None
        value = words[position].group(0)
        if _is_past_verb(value) and value.islower():
            return position
        if value.lower() in _CLAUSE_WORDS:
            return None
    return None


def _says(word: str) -> bool:
    return bool(VERB_RE.fullmatch(word))


def _verb_phrase_end(words: list[re.Match[str]], trigger: int, that: int | None,
                     relative: bool) -> int:
    """Where a verb's phrase ends: up to _AFTER_TRIGGER words on, within the clause (through
    the "that" a verb of saying reports with), and before the verb of the clause around a
    relative clause or a past verb's object ("a strike that began on Monday has halted")."""
    high = trigger
    while high + 1 < len(words) and high - trigger < _AFTER_TRIGGER and _joined(words, high) \
            and (high + 1 == that or words[high + 1].group(0).lower() not in _CLAUSE_WORDS
                 or _joins_nouns(words, high + 1)) \
            and not ((relative or _predicate_follows(words, trigger, high + 1))
                     and _main_verb(words, high + 1)):
        high += 1
    return _name_end(words, high)


# The prepositions that open an event noun's complement ("sale of jets to Ghana", "strike on
# the port"): the noun phrase runs on through them.
_COMPLEMENT = frozenset(split_words("of for on against into with between to at in over from"))
_NOUN_PHRASE_WORDS = 8


_DETERMINERS = frozenset(split_words("the a an this that these those its his her their our my your"))


def _joins_nouns(words: list[re.Match[str]], position: int) -> bool:
    """Whether "and"/"or" at ``position`` joins two words of one noun phrase ("creator and
    business accounts"), not two clauses: the word after it is a lower-case word that is no
    verb, pronoun or determiner (a determiner or subject opens a clause of its own), or it
    stands between two capitalised words of one name ("Security and Defence Partnership")."""
    if words[position].group(0).lower() not in ("and", "or") or position + 1 >= len(words):
        return False
    after = words[position + 1].group(0)
    if _inside_a_name(words, position):
        return True  # "a Security and Defence Partnership"
    return after.islower() and not _verbish(after) \
        and after not in _OPENS_CLAUSE_OR_PHRASE


def _inside_a_name(words: list[re.Match[str]], position: int) -> bool:
    """Whether the word at ``position`` stands between two capitalised words, inside one name
    ("Security and Defence Partnership", "Jammu and Kashmir")."""
    return 0 < position < len(words) - 1 and words[position - 1].group(0)[:1].isupper() \
        and words[position + 1].group(0)[:1].isupper()


def _between_names(words: list[re.Match[str]], position: int) -> bool:
    """Whether the "and" at ``position`` joins two names, the second with its article
    ("Kenya and Ghana", "India and the European Union")."""
    if _inside_a_name(words, position):
        return True
    return 0 < position < len(words) - 2 and words[position - 1].group(0)[:1].isupper() \
        and words[position + 1].group(0) == "the" and words[position + 2].group(0)[:1].isupper()


def _verbish(word: str) -> bool:
    """Whether a word ends a noun phrase as a verb would: an auxiliary, a modal, a past form,
    a verb of saying or thinking."""
    low = word.lower()
    return low in _VERB_WORDS or _is_past_verb(word) or bool(VERB_RE.fullmatch(low))


def _opens_noun_phrase(word: str) -> bool:
    """Whether a noun phrase starts after ``word`` (a verb, a pronoun, a preposition other
    than "of": "the next round of tariffs" runs on through "of")."""
    return word.lower() in _BEFORE_NOUN_PHRASE or _verbish(word)


def _noun_phrase(words: list[re.Match[str]], trigger: int) -> str:
    """The event noun's noun phrase: its modifiers back to a verb, preposition or clause word
    ("Holcomb's election campaign"), and one complement opened by a preposition ("sale of
    five jets to Ghana"), up to a verb, a clause word or a clause mark; "between" takes its
    two sides ("agreement between Washington and Moscow")."""
    low = _reach_back(words, trigger, _opens_noun_phrase, noun=True)
    if low >= 2 and words[low].group(0).lower() in _DETERMINERS and words[low - 1].group(0) == "of" \
            and _is_event_noun_in_clause(words[low - 2].group(0)) and _joined(words, low - 2):
        # The complement of another occurrence's noun: "violations of the agreement".
        low = _reach_back(words, low - 2, _opens_noun_phrase, noun=True)
    high = trigger
    if high + 1 < len(words) and _joined(words, high) \
            and words[high + 1].group(0).lower() in _COMPLEMENT:
        high += 1
        sides = words[high].group(0).lower() == "between"
        while high + 1 < len(words) and high - trigger < _NOUN_PHRASE_WORDS \
                and _joined(words, high):
            after = words[high + 1].group(0)
            if sides and after.lower() == "and":
                sides = False
            elif after.lower() in _CLAUSE_WORDS or (_verbish(after) and not after[:1].isupper()) \
                    or (after.lower() == "to" and high + 2 < len(words)
                        and words[high + 2].group(0).islower()
                        and words[high + 2].group(0) not in _STOP):
                break
            high += 1
        high = _name_end(words, high)
    elif words[high].group(0)[:1].isupper():
        high = _name_end(words, high)  # the name a capitalised noun opens: "Operation Tern"
    kept = [w.group(0) for w in words[low : high + 1]]
    while len(kept) > 1 and kept[0].lower() in _STOP:
        kept.pop(0)
    _trim_end(kept)
    return " ".join(kept)


# The forms of "be" that make a passive with a past participle ("were deported").
_BE_FORMS = frozenset(split_words("was were been being is are be"))
# A parenthetical between commas that a subject carries ("300 people, including a child, were",
# "Lee, 24, was"): it opens with one of these words or a number.
_PARENTHETICAL = re.compile(r"^\s*(?:including|among|aged|who|which|with|without|like|under|"
                            r"worth|\d)", re.IGNORECASE)
_PARTICIPLE_OPENS = re.compile(r"^\s*[a-z]{3,}ing\b")
_PERFECT = frozenset(split_words("has have had"))  # the perfect's auxiliary before "been"
# The modal auxiliaries of English (Quirk et al. 3.40), which stand between a subject and "be".
_MODALS = frozenset(split_words("will would shall should can could may might must"))
# The primary and modal auxiliaries (Quirk et al. 3.21), which end a noun phrase.
_AUXILIARIES = _BE_FORMS | _MODALS | frozenset(split_words("has have had do does did"))
# And the determiners and post-determiners that need their noun (Quirk et al. 5.12-5.23:
# "another", "each", "every", "the same", "the other", "such", "certain"), and the deictic
# adverbs of place and time, which point at the writer's here and now (Lyons, "Semantics",
# 1977, ch. 15), with the "right" that intensifies them ("sale right here").
_DEICTIC = frozenset(split_words("here there now"))
_NO_PHRASE_END = _STOP | PREPOSITIONS | _AUXILIARIES | _CLAUSE_WORDS \
    | frozenset(split_words("another each every same other such certain")) | _DEICTIC
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
    # "A new round is scheduled for July": what is scheduled is an occurrence, as what is held.
    support = verb in _SUPPORT_VERBS \
        or (verb in _SCHEDULING and bool(_FOR_AFTER.match(text, words[trigger].end())))
    if (verb not in VERB_NOUNS and not support) or trigger < 2 \
            or words[trigger - 1].group(0).lower() not in _BE_FORMS:
        return None
    segments = _CLAUSE_MARK.split(text[words[0].start() : words[trigger - 1].start()])
    while len(segments) > 1 and (not segments[-1].strip() or _PARENTHETICAL.match(segments[-1])
                                 or (support and _PARTICIPLE_OPENS.match(segments[-1]))):
        # ", including two boys," is an aside: the subject stands before it; so is a
        # participle's clause before what is held ("the mission, carrying a satellite, is
        # planned for January"), whose subject is an occurrence's noun.
        segments.pop()
    subject: list[str] = []
    for word in reversed(_PHRASE_WORD.findall(segments[-1]) if segments else []):
        if not subject and word.lower() in _MODALS | _PERFECT:
            continue  # "the deal would be signed", "400 people had been arrested"
        if word.lower() in _CLAUSE_WORDS or word.lower() in _PRONOUNS or len(subject) == _SUBJECT_WORDS \
                or VERB_RE.fullmatch(word) or _is_past_verb(word):
            break  # "Brandt said the deal would be signed": the subject starts after the verb
        subject.insert(0, word)
    while subject and subject[0].lower() in PREPOSITIONS | _CLAUSE_WORDS \
            and [w.lower() for w in subject[:2]] not in (["at", "least"], ["at", "most"]):
        subject.pop(0)  # not the quantifier "At least 23 people"
    if all(w in gz.WEEKDAY_AND_MONTHS or w.isdigit() for w in subject):
        subject = []  # "the ship that pirates boarded on Monday was released": the date's words
    if not subject or all(w.lower() in _STOP for w in subject):
        # "they will be released": the release, of nobody named; "it was announced" only
        # reports that something was said.
        if support:  # "an election that Ruiz said would be held": the election
            noun = next((i for i in range(trigger - 2, -1, -1)
                         if words[i].group(0).lower() in EVENT_NOUNS), None)
            return _noun_phrase(words, noun) if noun is not None else None
        return None if VERB_RE.fullmatch(verb) else VERB_NOUNS[verb]
    if support:  # "the last census was held": the census
        while len(subject) > 1 and subject[0].lower() in _DETERMINERS:
            subject.pop(0)
        return " ".join(_as_written(subject, text))
    return _named_event(VERB_NOUNS[verb], subject, text)


# The verbs of scheduling that take a time with "for" ("is scheduled for July", "was set for
# Friday"): what is scheduled so is an occurrence, as what is held is.
_SCHEDULING = frozenset(split_words("scheduled planned set slated"))
_FOR_AFTER = re.compile(r"\s+for\b")
# The support verbs of event nouns (NomBank's support verbs: one holds, stages, hosts or
# conducts an occurrence): what "was held" tells of is an occurrence itself.
_SUPPORT_VERBS = frozenset(split_words("held staged hosted conducted organised organized"))


def _named_event(noun: str, subject: list[str], text: str) -> str:
    """"<noun> of <subject>" ("deportation of 300 migrants")."""
    return f"{noun} of {' '.join(_as_written(subject, text))}"


def _as_written(subject: list[str], text: str) -> list[str]:
    """The subject with its first word in lower case when it is capitalised only by opening
    the sentence: a function word, a numeral, an "-ly" adverb, an event noun, or a word the
    article writes in lower case elsewhere ("Three soldiers", "Nearly 200 fishermen", "Oil
    prices", "Talks"), not a name."""
    words = list(subject)
    first = words[0].lower()
    if first in _STOP | _NUMBER_WORDS or first.endswith("ly") or first in EVENT_NOUNS \
            or re.search(rf"(?<![\w-]){re.escape(first)}\b", text):
        words[0] = first
    return words


# What follows a verb used without an object: a preposition (not "by", which makes a
# passive), an adverb of place or time.
_NO_OBJECT = (PREPOSITIONS - {"by"}) | frozenset(split_words(
    "home abroad here there today yesterday early late"))
# The ACE 2005 trigger verbs of events with no Theme or Artifact argument (Life.Die,
# Movement.Transport of the actor itself, Personnel.End-Position, Conflict.Demonstrate,
# Contact.Meet, Business.Merge-Org), the ones news uses without an object.
_INTRANSITIVE = frozenset(split_words(
    "died returned arrived resigned crashed collided sank exploded protested rallied met "
    "travelled traveled merged retired fled marched surrendered collapsed erupted capsized "
    "derailed"))
# The verbs of calibratable change of state (Levin's class 45.6) in the past, with the noun
# that names the change ("prices fell" -> "fall of prices").
_CHANGE_NOUNS = {
    "rose": "rise", "fell": "fall", "dropped": "drop", "climbed": "climb", "jumped": "jump",
    "surged": "surge", "slumped": "slump", "soared": "soar", "plunged": "plunge",
    "declined": "decline", "tumbled": "tumble", "increased": "increase",
    "decreased": "decrease", "grew": "growth",
}
# Words between a subject and its verb that are no part of the subject.
_NOT_SUBJECT = frozenset(split_words("not never first also just already had has have been later"))


def _intransitive_what(text: str, words: list[re.Match[str]], trigger: int) -> str | None:
    """An event verb used without an object names the event by its noun and its subject
    ("150 migrants returned home" -> "return of 150 migrants"), or None."""
    verb = words[trigger].group(0).lower()
    noun = VERB_NOUNS.get(verb) if verb in _INTRANSITIVE else _CHANGE_NOUNS.get(verb)
    if noun is None or trigger < 1:
        return None
    following = trigger + 1
    if following < len(words) and words[following].group(0).endswith("ly"):
        following += 1  # "fell sharply on Tuesday"
    if following < len(words) and _joined(words, following - 1) \
            and words[following].group(0).lower() not in _NO_OBJECT:
        return None
    low = _reach_back(words, trigger, _is_past_verb)
    subject = [w.group(0) for w in words[low:trigger]]
    while subject and subject[0].lower() in _NO_NOUN_WORDS \
            and not (subject[0].lower() in ("the", "a", "an") and len(subject) > 1):
        subject.pop(0)  # not the article of its noun: "collapse of the bridge"
    if subject and subject[-1].lower() in ("he", "she"):
        return noun  # "he resigned": named with the person "he" stands for (_of_the_pronouns_person)
    if not subject or subject[-1].lower() in _STOP | _PRONOUNS | _NOT_SUBJECT \
            or subject[-1].endswith("ly"):
        return None
    return _named_event(noun, subject, text)


def _reach_back(words: list[re.Match[str]], trigger: int,
                stops: Callable[[str], bool] = lambda word: False, noun: bool = False) -> int:
    """Where the phrase starts: up to _BEFORE_TRIGGER words back within the clause, and not
    past a word ``stops`` accepts (a subject stops at the verb before it, a noun phrase at a
    verb or a preposition: "strike at the port", not "staged a …")."""
    low = trigger
    while low > 0 and trigger - low < _BEFORE_TRIGGER and _joined(words, low - 1):
        before = words[low - 1].group(0)
        if (before.lower() in _CLAUSE_WORDS and not (before in ("and", "or")
                                                      and _between_names(words, low - 1))) \
                or stops(before):
            break  # not at an "and" between names: "Kenya and Ghana", "Ruiz and Brekke"
        low -= 1
        if noun and before.lower() in _DETERMINERS:
            break  # a determiner opens its noun phrase: "in the strongest terms the attack"
    cut = low
    while low > 0 and cut - low < _NAME_WORDS and trigger - cut == _BEFORE_TRIGGER \
            and (words[low].group(0)[:1].isupper()
                 or (words[low].group(0) in ("and", "or") and _between_names(words, low)
                     and words[low - 1].group(0).istitle())) \
            and words[low - 1].group(0)[:1].isupper() and _joined(words, low - 1):
        low -= 1  # a name cut at the length starts where it starts ("Ana Ruiz and Ida Brekke")
    return low


def _trim_end(kept: list[str]) -> None:
    """Drop the words a phrase never ends with: function words, prepositions, auxiliaries,
    clause words and a quantifier without its number ("members vote on whether" -> "members
    vote", "highest level in at least" -> "highest level")."""
    while len(kept) > 1 and (kept[-1].lower() in _NO_PHRASE_END
                             or (kept[-2:] in (["at", "least"], ["at", "most"]))) \
            and kept[-2:] not in (["each", "other"], ["one", "another"]):  # reciprocals, Quirk 6.31
        if kept.pop().lower() in _DEICTIC and len(kept) > 1 and kept[-1] == "right":
            kept.pop()


def _name_end(words: list[re.Match[str]], high: int) -> int:
    """A phrase cut at its length ends where the name it cut ends ("talks with the United
    States", not "the United"), or before an adjective left without its noun ("toward its
    eastern"), and a number cut from what it counts runs on to it ("to supply two coastal
    missile batteries", "worth around 9 billion")."""
    cut = high
    if high > 0 and words[high - 1].group(0)[:1].isupper() and _of_a_name(words, high):
        high += 1  # cut at the "of" of "the Gulf of Aden"
    if words[high].group(0)[:1].isupper():
        while high + 1 < len(words) and high - cut < _NAME_WORDS and _joined(words, high) \
                and (words[high + 1].group(0)[:1].isupper() or _of_a_name(words, high + 1)):
            high += 1
    elif _is_number(words[high].group(0)):
        while high + 1 < len(words) and high - cut < _NAME_WORDS and _joined(words, high) \
                and _noun_word(words[high + 1]):
            high += 1
    last = words[high].group(0)
    if high > 0 and (last in _ADJECTIVE_DEMONYMS or _COMPASS_ADJECTIVE.fullmatch(last)):
        high -= 1
    return high


def _of_a_name(words: list[re.Match[str]], position: int) -> bool:
    """Whether the "of" at ``position`` joins two capitalised words of one name ("Gulf of
    Aden", "Bank of England")."""
    return words[position].group(0) == "of" and position + 1 < len(words) \
        and _joined(words, position) and words[position + 1].group(0)[:1].isupper()


# The adjectives of the compass points and of nationality (the demonyms that are no plural
# nouns of people), which need their noun ("its eastern coast", "Belgian officials").
_ADJECTIVE_DEMONYMS = frozenset(d for d in gz.DEMONYMS if not d.endswith("s"))
_NAME_WORDS = 3  # the words a cut name may still take
_COMPASS_ADJECTIVE = re.compile(r"(?:north|south)?(?:east|west)ern|(?:north|south)ern", re.IGNORECASE)


def _main_verb(words: list[re.Match[str]], position: int) -> bool:
    """Whether a verb at ``position`` is the main clause's, after a relative clause without
    commas ("a strike that began on Monday has halted exports"): a verb or auxiliary that
    follows no auxiliary, "to" or "not" of its own chain."""
    before, word = words[position - 1].group(0).lower(), words[position].group(0)
    # Not a past spelled like its noun ("his reelection bid").
    return _verbish(word) and word not in PAST_LIKE_BASE and before not in _IN_VERB_CHAIN


def _predicate_follows(words: list[re.Match[str]], trigger: int, position: int) -> bool:
    """Whether a form of "be" or "have" or a modal after a past verb (and its object) opens
    the predicate of the clause the verb's own is part of ("the accord the two sides signed
    in Arlo has been praised", "a draft circulated on Monday would extend"): not after a verb
    of saying ("announced the deal was signed") or a pronoun."""
    word, before = words[position].group(0).lower(), words[position - 1].group(0).lower()
    return position > trigger and word in _PREDICATE_AUXILIARIES \
        and not VERB_RE.fullmatch(words[trigger].group(0).lower()) \
        and before not in _DUMMY_SUBJECTS


def _antecedent(words: list[re.Match[str]], low: int) -> list[str]:
    """The name a relative clause opening just before the phrase is about ("the governor,
    Ana Ruiz, who lost her seat": "Ana Ruiz"), or the noun phrase before "which" ("the
    biannual talks, which opened here on Saturday": "biannual talks"), or []: the clause's
    subject is that name or that thing; and an event noun's phrase before a participle that
    opens an aside ("the talks, held in Geneva last month, ended": a reduced relative clause,
    Quirk et al. 17.30)."""
    if _opens_reduced_aside(words, low):
        # An event noun's, or any noun's before an event verb ("its model, launched in May").
        phrase = _event_before(words, low)
        event = EVENT_NOUNS.intersection(w.lower() for w in phrase) or words[low].group(0) in VERB_NOUNS
        return phrase if event else []
    if low >= 2 and words[low - 1].group(0).lower() == "which":
        # Only as the relative's subject: "which the two governments signed" has its own.
        return _event_before(words, low - 1) if _verb_comes_first(words, low) else []
    if low >= 2 and words[low - 1].group(0).lower() == "that":
        # "that" and a verb right after a noun open a relative clause ("a mission that
        # visited the site"); after a verb ("said that"), or before a subject, a content clause.
        # Its verb tells an occurrence when it is an event verb or its noun an event ("a
        # strike that began"); else it describes a thing ("the case that came with it").
        noun = words[low - 2].group(0)
        if _verbish(noun) or noun.lower() in _FUNCTION_WORDS \
                or not _verbish(words[low].group(0)):
            return []
        phrase = _event_before(words, low - 1)
        verb = next((w.group(0) for w in words[low:] if w.group(0) not in _BEFORE_VERB), "")
        return phrase if verb in VERB_NOUNS or EVENT_NOUNS.intersection(phrase) else []
    if low < 2 or words[low - 1].group(0).lower() != "who":
        return []
    names: list[str] = []
    for word in reversed(words[max(0, low - 5) : low - 1]):
        if not word.group(0)[:1].isupper():
            break
        names.insert(0, word.group(0))
    before = low - 1 - len(names) - 1
    if before >= 0 and words[before].group(0).lower() in PREPOSITIONS:
        return []  # "a designer born in Bergen, who ...": a place, the object of "in"
    return leading_title(" ".join(names))[1].split()  # the name, without "Governor"


def _opens_reduced_aside(words: list[re.Match[str]], low: int) -> bool:
    """Whether a past participle after a comma and a noun opens an aside that a comma closes
    before the main verb ("talks, held in Geneva, ended"; not "people, for some reason or
    another, visited my profile", where the verb is the main one)."""
    if low < 1 or low >= len(words):
        return False
    verb, before = words[low].group(0), words[low - 1]
    named = before.group(0)[:1].isupper() and before.group(0).lower() not in _NO_NAME_WORDS
    if not (verb.islower() and _is_past_verb(verb) and (_noun_word(before) or named)
            and _between(words, low - 1).strip() == ","):
        return False  # "talks, held in Geneva,", "NASA's Europa Clipper, launched in 2024,"
    closing = next((i for i in range(low + 1, len(words)) if "," in _between(words, i - 1)), None)
    return closing is not None and words[closing].group(0).islower()


def _between(words: list[re.Match[str]], position: int) -> str:
    """The text between the word at ``position`` and the next."""
    return words[position].string[words[position].end() : words[position + 1].start()]


def _subject_before_aside(text: str, words: list[re.Match[str]], low: int) -> list[str]:
    """The subject before an appositive, a relative clause, a participle's clause or an age
    between commas, when the phrase opens with its verb ("The officer, a commander from a
    European navy, will arrive in January": "officer"; "Ruiz, who took office in 2022,
    resigned"; "the probe, launched in 2024, will reach Europa"; "Ruiz, 54, resigned"), or
    []."""
    if low < 3 or not _CLAUSE_MARK.search(text[words[low - 1].end() : words[low].start()]) \
            or not _verb_comes_first(words, low):
        return []
    first = low - 1
    while first > 0 and _joined(words, first - 1):
        first -= 1  # back to the aside's first word
    opener = words[first].group(0)
    if first < 1 or not (opener.lower() in _ASIDE_OPENERS or opener.isdigit()
                         or (opener.islower() and _is_past_verb(opener))) \
            or "," not in text[words[first - 1].end() : words[first].start()]:
        return []
    subject = _noun_before(words, first)
    # The subject opens the sentence, after its article at most: "During the 2018 fair, the
    # showroom …" has no subject before an aside.
    start = first - len(subject)
    opens = start == 0 or (start == 1 and words[0].group(0).lower() in _STOP)
    return subject if subject and opens else []


# The words an aside between a subject and its verb opens with: an appositive's article and
# a non-restrictive relative clause's pronoun (Quirk et al. 17.22); an age is a number.
_ASIDE_OPENERS = frozenset({"a", "an", "the", "who", "which", "whose"})


def _verb_comes_first(words: list[re.Match[str]], low: int) -> bool:
    """Whether the words from ``low`` open with a verb, after auxiliaries, adverbs and a
    pronoun ("has long been planned", "I opened"), not with a named subject of their own."""
    modal = False
    for word in words[low:]:
        value = word.group(0)
        if value.lower() in _BEFORE_VERB_OR_PRONOUN or value.endswith("ly"):
            modal = modal or value.lower() in _MODALS
            continue  # "which I opened in 2013": the pronoun names nobody on a timeline
        return value.islower() and (modal or _verbish(value) or value.endswith("s"))
    return False


def _event_before(words: list[re.Match[str]], end: int) -> list[str]:
    """The noun phrase before a relative pronoun: back to an event noun it complements, when
    one heads it ("the war between the army and the militia, which began in 2023": the war,
    not the militia), else the nearest noun phrase."""
    phrase = _noun_before(words, end)
    position = end - len(phrase) - 1
    while position >= 0 and end - position <= _NOUN_PHRASE_WORDS + 1:  # the noun and its complement
        value = words[position].group(0)
        if value.lower() in EVENT_NOUNS:
            return [w.group(0) for w in words[position:end]]
        if value.lower() in _CLAUSE_WORDS - {"and"} or _verbish(value) \
                or not _joined(words, position):
            break
        position -= 1
    return phrase


def _noun_before(words: list[re.Match[str]], end: int) -> list[str]:
    """The noun phrase that ends right before ``end``, without its determiner: up to
    _SUBJECT_WORDS words back to a verb, preposition, function word, clause word or clause
    mark ("across the ocean, capping talks": "talks")."""
    phrase: list[str] = []
    for position in range(end - 1, max(0, end - _SUBJECT_WORDS) - 1, -1):
        value = words[position].group(0)
        if value.lower() in _NO_NOUN_WORDS or _verbish(value) \
                or (phrase and not _joined(words, position)):
            break
        phrase.insert(0, value)
    first = end - len(phrase)
    if len(phrase) > 1 and first > 0 and phrase[0].endswith("ing") \
            and not _joined(words, first - 1):
        phrase.pop(0)  # an -ing clause's verb after a clause mark: ", capping talks"
    return phrase


def _negated(words: list[re.Match[str]], trigger: int) -> bool:
    """Whether "not", "never" or a contracted "n't" stands right before the verb."""
    before = words[trigger - 1].group(0).lower() if trigger > 0 else ""
    return before in ("not", "never") or before.endswith(("n't", "n’t"))


def _tells_an_occurrence(words: list[re.Match[str]], low: int, trigger: int,
                         antecedent: list[str], day: bool) -> bool:
    """Whether a plain past verb tells an occurrence of the news: with its actor (a name,
    counted people or an institution before it, a named agent after it, an event noun as its
    relative's antecedent, "the strike, which began on Monday", or on a given day the noun
    phrase that opens the sentence), and not after a present "be", which makes a state of
    it ("the crew are unharmed")."""
    if (trigger > 0 and words[trigger - 1].group(0).lower() in _PRESENT_BE) \
            or words[trigger].group(0) in _STATIVE_PASTS:
        return False
    before = [*antecedent, *(w.group(0) for w in words[low:trigger])]
    if trigger >= 2 and words[trigger - 1].group(0).lower() in ("was", "were") \
            and _noun_word(words[trigger - 2]):
        return True  # a passive tells what happened to its subject: "the first case was detected"
    return _named_actor(before) or _named_agent(words, trigger) \
        or bool(EVENT_NOUNS.intersection(antecedent)) or (day and _opening_subject(words, low, trigger))


def _named_actor(before: list[str]) -> bool:
    """Whether a capitalised word (a name: "Scientists", "NASA", "Epstein") stands before a
    plain past verb in its clause: who did it.  Without one, "helped by", "followed by",
    "I started" date a circumstance, not an occurrence of the news."""
    return any(w[:1].isupper() and w.lower() not in _NO_NAME_WORDS
               for w in before) or _counted_actor(before) or _institution(before)


def _institution(before: list[str]) -> bool:
    """Whether an institution named by its kind stands before the verb ("the agency
    selected", "the ministry banned"): the head nouns of organisation names."""
    return any(before[i].lower() == "the" and before[i + 1] in _INSTITUTIONS
               for i in range(len(before) - 1))


_INSTITUTIONS = gz.ORG_KEYWORDS | gz.ORG_HEADS


def _opening_subject(words: list[re.Match[str]], low: int, trigger: int) -> bool:
    """Whether the past verb's subject is the noun phrase that opens the sentence with an
    article ("The vessel ran aground off Bergen on Tuesday"), or after the date that opens it
    with none ("On Monday, gunmen stormed a school"): the sentence's own actor."""
    if low != 0 or trigger < 1:
        return False
    opens = words[0].group(0).lower() in ("the", "a", "an") and trigger >= 2
    return (opens or _noun_word(words[0])) and all(_noun_word(w) for w in words[1:trigger])


def _is_number(word: str) -> bool:
    """A numeral ("12", "2,400", "9.5") or a cardinal written out ("two")."""
    return word.lstrip("$€£¥").replace(",", "").replace(".", "").isdigit() or word.lower() in _CARDINALS


def _counted_actor(before: list[str]) -> bool:
    """Whether the people of the clause are counted ("two sailors reached the shore", "12 sailors
    were hurt"): a number and the noun after it, participants told of as news tells
    casualties and arrests; not a model's number ("the Kestrel 9 rocket")."""
    for i in range(len(before) - 1):
        number, noun = before[i], before[i + 1]
        model = i > 0 and not before[i - 1].islower()
        if _is_number(number) and noun.islower() and noun not in _STOP and not model:
            return True
    return False


_CARDINALS = _NUMBER_WORDS - frozenset(split_words("several many some more most both all"))


def _named_agent(words: list[re.Match[str]], trigger: int) -> bool:
    """Whether a name follows the verb as the agent of a passive ("selected by NASA")."""
    return trigger + 2 < len(words) and words[trigger + 1].group(0) == "by" \
        and _named_actor([words[trigger + 2].group(0)])


# An article the date expression holds before the noun it modifies ("based on the 2016 plan").
_DATE_ARTICLE = re.compile(r"(?:the|a|an)\s+(?=\S+\s+[a-z])", re.IGNORECASE)


def _phrase_words(text: str, sentence: Sentence, date: DateMention,
                  others: list[DateMention]) -> list[re.Match[str]]:
    """The sentence's words, without the date expression and the preposition it governs;
    a date that modifies a noun after its article ("based on the 2016 plan") leaves the
    article and the preposition, which govern the noun.  The sentence's other dates date
    other occurrences: their words are no part of this one's."""
    modifier = _DATE_ARTICLE.match(text, date.start)
    start = modifier.end() if modifier else date.start
    words = [w for w in _PHRASE_WORD.finditer(text, sentence.start, sentence.end)
             if not start <= w.start() < date.end
             and not any(other.start <= w.start() < other.end for other in others)]
    if modifier:
        return words
    return [w for i, w in enumerate(words)
            if not (w.group(0).lower() in PREPOSITIONS | _APPROXIMATORS and w.end() <= date.start
                    and (i + 1 == len(words) or words[i + 1].start() >= date.end)
                    and not text[w.end() : date.start].strip())]


# The adverbs that make a measure approximate (Quirk et al. 8.104, the approximators, and
# the approximating "about", "around", "roughly", "some" of numbers): "nearly 10 years ago"
# leaves no "nearly" behind in the phrase.
_APPROXIMATORS = frozenset(split_words("almost nearly about around roughly approximately some"))


def _is_event_word(word: str) -> bool:
    return word.lower() in EVENT_NOUNS or word.lower() in VERB_NOUNS


# The suffixes that make nouns of action from verbs (Quirk et al., "A Comprehensive Grammar
# of the English Language", I.34: -tion/-sion, -ment, -ance/-ence, -al, -ure, -age).
_ACTION_NOUN = re.compile(r"^[a-z]{3,}(?:tions?|sions?|ments?)$")


def _is_event_noun_in_clause(word: str) -> bool:
    """In the date's own clause a noun of action is an event word too ("the installation
    in November"): listed or not, it names what the date dates."""
    return _is_event_word(word) or bool(_ACTION_NOUN.match(word))


def _date_clause(text: str, words: list[re.Match[str]], date: DateMention) -> range:
    """The indexes of the words in the date's own clause: back to the clause mark or clause
    word before it, on to the one after it.  The event a date dates is told in its clause
    ("they ran into issues in 2018"), not in a neighbouring one ("whether he will return")."""
    after = next((i for i, w in enumerate(words) if w.start() >= date.end), len(words))
    low = after
    if after > 0 and not _CLAUSE_MARK.search(text[words[after - 1].end() : date.start]):
        low = after - 1
        while low > 0 and _within_clause(words, low - 1) \
                and not _opens_clause(words, low):
            low -= 1
    # A relative clause ends where the predicate of the clause around it starts ("the strike
    # that began on Monday was called off": the strike began on Monday).
    relative = low < len(words) and words[low].group(0).lower() in _RELATIVE_PRONOUNS

    def predicate_at(position: int) -> bool:
        return relative and words[position].group(0).lower() in _PREDICATE_AUXILIARIES \
            and any(_is_past_verb(words[i].group(0)) for i in range(low, position))

    high = after - 1
    if after < len(words) and not _CLAUSE_MARK.search(text[date.end : words[after].start()]) \
            and words[after].group(0).lower() not in _CLAUSE_WORDS and not predicate_at(after):
        high = after
        while high + 1 < len(words) and _within_clause(words, high) \
                and not _opens_clause(words, high + 1) and not predicate_at(high + 1):
            high += 1
    return range(low, high + 1)


def _within_clause(words: list[re.Match[str]], position: int) -> bool:
    """Whether words[position] and the next word are in one clause: no clause mark between
    them, or only the comma of an address, a name before a listed place ("in Arlo, Western
    Australia on 2 May")."""
    if _joined(words, position):
        return True
    gap = _between(words, position)
    if gap.strip() != "," or not words[position].group(0)[:1].isupper():
        return False
    following = [w.group(0) for w in words[position + 1 : position + 1 + _NAME_WORDS + 1]]
    return any(" ".join(following[:n]) in gz.PLACE_NAMES for n in range(1, len(following) + 1))


def _opens_clause(words: list[re.Match[str]], position: int) -> bool:
    """Whether a clause word opens a clause there: not the "and" inside a name ("Jammu and
    Kashmir", "Trinidad and Tobago")."""
    word = words[position].group(0).lower()
    return word in _CLAUSE_WORDS and not (word == "and" and _inside_a_name(words, position))


# The verbs that announce a planned occurrence by the infinitive after them ("plans to
# build", "is expected to pick"), and "will" before a bare verb: the future forms of English
# grammar (Quirk et al., 4.41-4.48) and the verbs of intention of Levin's "want" class.
_PLANNING = frozenset(split_words(
    "plan plans planned planning aim aims aimed intend intends intended expected due set "
    "scheduled going seek seeks sought hope hopes hoped want wants wanted vow vows vowed "
    "pledge pledges pledged promise promises promised agree agrees agreed"
))


def _planned_verb(words: list[re.Match[str]], within: Sequence[int], ahead: bool = False) -> int | None:
    """The first verb of a plan in the date's clause ("plans to build", "will open"): a
    lower-case word after "will", or after "to" that follows a verb of planning; with a date
    still to come, a present progressive, the arrangement of Quirk et al. 4.43 ("is stepping
    down in May"), or a scheduled present, 4.42 ("the show opens on Friday").  In reported
    speech "will" is backshifted to "would" (Quirk et al. 14.31: "the first ferries would
    arrive in 2027, Ruiz said")."""
    reported = any(_says(w.group(0)) for w in words)
    for position in within:
        word = words[position].group(0)
        if position < 1 or not word.islower() or word in _STOP_OR_PREPOSITION:
            continue
        before = words[position - 1].group(0).lower()
        if before == "will" or (before == "would" and reported) \
                or (before == "to" and position >= 2 and _planned_infinitive(words, position - 1)):
            return position
        if ahead and (word in SCHEDULED_VERBS or (before in _PRESENT_BE and word.endswith("ing")
                                             and word != "going")):
            return position
    return None


def _planned_infinitive(words: list[re.Match[str]], to: int) -> bool:
    """Whether the "to" at ``to`` follows a verb of planning, or "and"/"or" joining it to an
    infinitive of one ("aims to open the quay by 2030 and to close the pier by 2032")."""
    before = words[to - 1].group(0).lower()
    if before in _PLANNING:
        return True
    return before in ("and", "or") and any(
        words[i].group(0).lower() in _PLANNING and words[i + 1].group(0).lower() == "to"
        for i in range(to - 1))


_PRESENT_BE = frozenset(split_words("am is are"))


def _triggers(words: list[re.Match[str]], date: DateMention,
              accept: Callable[[str], bool], within: Sequence[int]) -> list[int]:
    """Indexes of the accepted words among those ``within``, nearest the date first (words
    after it count double)."""
    ranked: list[tuple[int, int]] = []
    for position in within:
        word = words[position]
        if not accept(word.group(0)) or _in_complex_preposition(words, position) \
                or _reports_without_object(words, position) or _in_office_title(words, position) \
                or _bare_infinitive(words, position) or _purpose_object(words, position) \
                or _another_time(words, position, date) or _a_speakers_noun(words, position) \
                or _purpose_infinitive(words, position):
            continue
        if word.start() >= date.end:
            distance = 2 * (word.start() - date.end)
        else:
            distance = max(date.start - word.end(), 0)
        ranked.append((distance, position))
    return [position for _, position in sorted(ranked)]


# The complex prepositions and subordinators whose noun is an event noun (Quirk et al., "A
# Comprehensive Grammar of the English Language", 9.10-9.12 and 14.12): "in order to" names
# no order, "in return for" no return, "in charge of" no charge.
_COMPLEX_PREPOSITIONS = frozenset({("in", "order", "to"), ("in", "order", "that"),
                                   ("in", "return", "for"), ("in", "charge", "of")})


def _in_complex_preposition(words: list[re.Match[str]], position: int) -> bool:
    """Whether the word is the noun of a complex preposition ("in order to")."""
    if not 0 < position < len(words) - 1:
        return False
    around = tuple(w.group(0).lower() for w in words[position - 1 : position + 2])
    return around in _COMPLEX_PREPOSITIONS


# The prepositions of time that place an occurrence before or after another (Quirk et al.
# 9.38-9.44: "before", "after", "since", "until", "ahead of", "prior to"): their object is
# the other occurrence, the reference point, not the one the date before them dates
# ("Parliament was dissolved in March ahead of the snap election").
_RELATORS = frozenset({("before",), ("after",), ("since",), ("until",), ("ahead", "of"), ("prior", "to")})
_RELATOR_REACH = 4  # words from the preposition to its object's head noun


def _another_time(words: list[re.Match[str]], position: int, date: DateMention) -> bool:
    """Whether an event noun heads the object of a preposition of time that stands after the
    date: the occurrence the dated one is placed before or after."""
    for back in range(1, _RELATOR_REACH + 1):
        at = position - back
        if at < 0:
            return False
        word = words[at].group(0).lower()
        pair = (words[at - 1].group(0).lower(), word) if at > 0 else ()
        if (word,) in _RELATORS or pair in _RELATORS:
            return words[at].start() >= date.end
        if not (_noun_word(words[at]) or word in _DETERMINERS or words[at].group(0)[:1].isupper()):
            return False
    return False


def _a_speakers_noun(words: list[re.Match[str]], position: int) -> bool:
    """Whether an unlisted noun of action is the subject of a verb of saying ("the electoral
    commission said on Monday"): what speaks is a body or a person, no occurrence."""
    word = words[position].group(0).lower()
    if word in EVENT_NOUNS or not _ACTION_NOUN.match(word):
        return False
    after = [w.group(0) for w in words[position + 1 : position + 3]]
    if after and after[0] in ("also", "later", "then"):
        after = after[1:]
    return bool(after) and _says(after[0])


def _purpose_object(words: list[re.Match[str]], position: int) -> bool:
    """Whether an event noun is the object of an infinitive of purpose after a past verb
    ("beat Arlo Rovers 3-1 on Saturday to reach the cup final", "flew to Arlo to attend the
    summit"): what was aimed at, not what the date dates.  Not after a verb of planning,
    whose infinitive is the plan ("agreed to hold talks")."""
    if words[position].group(0).lower() not in EVENT_NOUNS:
        return False
    to = next((i for i in range(position - 2, max(0, position - 5), -1)
               if words[i].group(0).lower() == "to"), None)
    if to is None or not words[to + 1].group(0).islower() or words[to + 1].group(0) in _DETERMINERS \
            or words[to + 2].group(0).lower() not in _DETERMINERS:
        return False  # a verb and its object's determiner: "to attend the", not "to capital"
    before = [w.group(0) for w in words[max(0, to - 6) : to]]
    return bool(before) and not _is_past_verb(before[-1]) and before[-1].lower() not in _PLANNING \
        and any(_is_past_verb(w) for w in before)


def _purpose_infinitive(words: list[re.Match[str]], position: int) -> bool:
    """Whether an event noun is the verb of an infinitive of purpose after a past verb
    ("have gone to the polls four times this month to vote"): what was aimed at; the past
    verb tells the occurrence (not after a verb of planning: "agreed to meet")."""
    if position < 2 or words[position].group(0) not in EVENT_NOUNS \
            or words[position - 1].group(0).lower() != "to":
        return False
    before = [w.group(0) for w in words[max(0, position - 8) : position - 1]]
    return not _is_past_verb(before[-1]) and before[-1].lower() not in _PLANNING \
        and any(_is_past_verb(w) for w in before)


def _bare_infinitive(words: list[re.Match[str]], position: int) -> bool:
    """Whether a past spelled like its base ("put", "cut", "set") stands after "to" or a
    modal, where it is the base: "aims to put", "will cut"."""
    return words[position].group(0) in PAST_LIKE_BASE and position > 0 \
        and words[position - 1].group(0).lower() in _BEFORE_BASE


def _in_office_title(words: list[re.Match[str]], position: int) -> bool:
    """Whether a capitalised event noun is part of an office's title, back through
    capitalised words and "for"/"of"/"and" to a title word ("Commissioner for Trade
    Negotiations", "Under-Secretary-General for Peace Operations"): no occurrence."""
    if position == 0 or not words[position].group(0)[:1].isupper():
        return False
    for index in range(position - 1, max(0, position - 5) - 1, -1):
        value = words[index].group(0)
        if any(part in gz.HONORIFICS for part in value.lower().split("-")):
            return words[index + 1].group(0) in ("for", "of")  # not "General Security Accord"
        if not (value[:1].isupper() or value in ("for", "of", "and")):
            return False
    return False


def _reports_that(words: list[re.Match[str]], trigger: int) -> bool:
    """Whether the word is a verb of saying followed by "that" and the clause it reports."""
    return VERB_RE.fullmatch(words[trigger].group(0).lower()) is not None \
        and trigger + 1 < len(words) and words[trigger + 1].group(0).lower() == "that"


def _reports_without_object(words: list[re.Match[str]], position: int) -> bool:
    """"..., executives announced Wednesday at the air show": a verb of saying with no object
    of its own (a preposition or the clause's end follows it) reports the occurrence the
    sentence tells elsewhere; it names none."""
    if not VERB_RE.fullmatch(words[position].group(0).lower()) or _relative(words, position):
        return False
    if position + 1 == len(words) or not _joined(words, position):
        return True
    return words[position + 1].group(0).lower() in _NO_OBJECT


_RELATIVE_PRONOUNS = frozenset(split_words("which that who whom"))


def _relative(words: list[re.Match[str]], position: int) -> bool:
    """Whether a relative pronoun opens the verb's clause ("the lander, which Bezos announced
    in May"): the verb's object is the name before it."""
    low = position
    while low > 0 and _joined(words, low - 1):
        low -= 1
        if words[low].group(0).lower() in _RELATIVE_PRONOUNS:
            return True
    return False


# The pasts of the relational verbs, which tell a state, not an occurrence (Quirk et al. 4.28:
# "the industry had a capacity of 8 GW in 2017").
_STATIVE_PASTS = frozenset(split_words(
    "had owned possessed contained included involved lacked needed owed required resembled "
    "seemed belonged consisted depended deserved equalled equaled"))
# Reporting verbs of thinking (the "cognition" reporting verbs of Hyland's and Thompson and
# Ye's classes of reporting verbs): like verbs of saying, they report a view, not an occurrence.
_COGNITION_VERBS = frozenset(split_words(
    "estimated believed thought hoped feared assumed reckoned calculated projected "
    "forecast predicted suspected considered concluded"
))


_VERB_WORDS = _AUXILIARIES | _COGNITION_VERBS  # what _verbish knows besides past forms
# The unions the word tests read, built once (they run for every word of every dated
# sentence).
_FUNCTION_WORDS = _STOP | PREPOSITIONS | _CLAUSE_WORDS
_NO_NOUN_WORDS = _FUNCTION_WORDS | _PRONOUNS  # no word of a noun phrase
_NO_NAME_WORDS = _STOP | _PRONOUNS | _CLAUSE_WORDS  # capitalised, yet no name
_NO_PHRASE_START = _STOP | PREPOSITIONS | _PRONOUNS
_STOP_OR_PREPOSITION = _STOP | PREPOSITIONS
_OPENS_CLAUSE_OR_PHRASE = _PRONOUNS | _DETERMINERS | _STOP | _CLAUSE_WORDS
_BEFORE_NOUN_PHRASE = (PREPOSITIONS - {"of"}) | _PRONOUNS
_BEFORE_BASE = _MODALS | {"to"}  # before a verb's base form
_BEFORE_VERB = _AUXILIARIES | _NOT_SUBJECT  # between a subject and its verb
_BEFORE_VERB_OR_PRONOUN = _BEFORE_VERB | _PRONOUNS
_IN_VERB_CHAIN = _AUXILIARIES | {"to", "not"}
_PREDICATE_AUXILIARIES = _AUXILIARIES - {"do", "does", "did"}
_DUMMY_SUBJECTS = _PRONOUNS | {"it", "that", "there"}


def _is_past_verb(word: str) -> bool:
    """A lower-case past-tense form, irregular or "-ed", that is no verb of saying or
    thinking: "noted", "told", "estimated" report what someone said or thought, not an
    occurrence."""
    if VERB_RE.fullmatch(word) or word in _COGNITION_VERBS:
        return False
    return word in IRREGULAR_PAST or bool(_REGULAR_PAST.match(word))


def _joined(words: list[re.Match[str]], position: int) -> bool:
    """Whether words[position] and the next word are in one clause (no clause mark between)."""
    return not _CLAUSE_MARK.search(_between(words, position))


def _main_place(places: list[PlaceSpan]) -> str | None:
    """The place an article is about: named at least three times and in at least a third of
    all its place mentions; None when no place stands out so.  Not a planet or the Moon: a
    space programme's hearings and contracts happen on Earth."""
    counts = Counter(p.name for p in places if p.name not in gz.CELESTIAL_BODIES).most_common(1)
    if not counts or counts[0][1] < 3 or 3 * counts[0][1] < len(places):
        return None
    return counts[0][0]


def _where(sentence: Sentence, date: DateMention, places: list[PlaceSpan],
           default: str | None) -> str | None:
    """The place named nearest to the date within the sentence (the dateline's, if any), one
    a preposition of place governs first ("in London", "off Arlo", "on the edge of Arlo": not
    "Ida Brekke of Norway"); in a sentence that names none, the article's own place
    (``default``)."""
    inside = [p for p in places if p.start >= sentence.start and p.end <= sentence.end]
    if not inside:
        return default
    if inside[0].start == 0:
        return inside[0].name
    located = [p for p in inside if _LOCATIVE.search(
        sentence.text, max(0, p.start - sentence.start - 24), p.start - sentence.start)]
    inside = [p for p in inside if not _ORIGIN.search(
        sentence.text, max(0, p.start - sentence.start - 40), p.start - sentence.start)]
    said = _AND_SAID.search(sentence.text, date.end - sentence.start)
    if said:  # "has increased spending since 2022 and has said it wants a role in Arlo"
        located = [p for p in located if p.start - sentence.start < said.start()]
        inside = [p for p in inside if p.start - sentence.start < said.start()]
    if not located and not inside:
        return default
    nearest = min(located or inside, key=lambda p: min(abs(p.start - date.end), abs(date.start - p.end)))
    return nearest.name


# A verb of saying joined to the dated verb by "and": what it reports, and the places there,
# are another clause's.
_AND_SAID = re.compile(rf"\band\s+(?:(?:has|have|had|also)\s+)*(?:{SPEECH_VERBS})\b")
# The prepositions of place and direction before a place, and "of" after a common noun
# ("the edge of Arlo", "north of Arlo"), a compass adjective between ("in northern Arlo"):
# where something happens, not whence it is or which way it went ("from", "via", "Ida
# Brekke of Norway", a possessive).
_LOCATIVE = re.compile(rf"(?:\b(?i:{'|'.join(sorted(PLACE_PREPOSITIONS - {'from', 'via'}))})|\b[a-z]+\s+of)"
                       rf"\s+(?:(?i:the)\s+)?(?:(?:central|{_COMPASS_ADJECTIVE.pattern})\s+)?$")
# A place after "from" or after a person's name and "of", or joined to such a place by
# "and", says whence someone is ("Ida Brekke of Norway", "delegates from Kenya and Ghana"),
# never where the occurrence was.
_CAPITALISED_WORDS = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_ORIGIN = re.compile(rf"(?:\bfrom|\b[A-Z][\w'’.-]*\s+of)\s+(?:(?i:the)\s+)?"
                     rf"(?:{_CAPITALISED_WORDS},?\s+(?:and|or)\s+(?:(?i:the)\s+)?)?$")
