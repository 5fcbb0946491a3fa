"""Direct quotations with their speaker and channel.

Speakers are returned under the same name used in ``people``/``organizations``:
every named mention carries its resolved entity name, pronouns go to the nearest
preceding person, and descriptions such as "the defence minister" are matched
against the titles the article gave each person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from extract import gazetteer as gz
from extract.attribution import (
    BEFORE_VERB,
    DESCRIPTION_RE,
    PERSONAL_SPEECH_VERBS,
    PRONOUN_RE,
    SPEECH_VERBS,
    VERB_RE,
    Attribution,
    find_attribution,
    find_channel,
)
from extract.mentions import ORG, PERSON
from extract.namelists import given_name_gender, is_adjective
from extract.people import age_after
from extract.quotespans import QuoteSpan, find_quote_spans, join_halves
from extract.sentences import Sentence, SentenceIndex
from extract.wordlists import PREPOSITIONS, TITLE_CASE_SMALL_WORDS, split_words

MIN_QUOTE_WORDS = 4
_DOCUMENT_WORDS = {"statement", "report", "release", "communique", "communiqué", "letter", "post"}


@dataclass(frozen=True)
class Named:
    """A mention resolved to the entity name the record lists it under."""

    start: int
    end: int
    name: str
    kind: str


@dataclass(frozen=True)
class PersonTitles:
    """A person's listed name and titles, for resolving "the minister said"."""

    name: str
    titles: tuple[str, ...]


class QuoteContext:
    """Everything speaker resolution needs about one article."""

    def __init__(self, text: str, index: SentenceIndex, named: list[Named],
                 people: list[PersonTitles]) -> None:
        """Index the named mentions by start offset for range look-ups."""
        self.text = text
        self.index = index
        named = named + _surname_mentions(text, named, people)
        self.named = sorted(named, key=lambda n: n.start)
        self._starts = [n.start for n in self.named]
        self.people = people
        self.gender = _genders(text, index, self.named)

    def named_in(self, start: int, end: int) -> list[Named]:
        """Named mentions fully inside [start, end)."""
        first = bisect_left(self._starts, start)
        found = []
        for item in self.named[first:]:
            if item.start >= end:
                break
            if item.end <= end:
                found.append(item)
        return found

    def opener(self, sentence: Sentence) -> Named | None:
        """The named mention a sentence opens with (its subject, in news style), or None."""
        first = bisect_left(self._starts, sentence.start)
        item = self.named[first] if first < len(self.named) else None
        return item if item is not None and item.start <= sentence.start + 3 else None

    def nearest_before(self, offset: int, kinds: set[str], skip: list[QuoteSpan],
                       gender: str | None = None) -> Named | None:
        """The closest mention of the given kinds ending before ``offset``, outside quotes;
        with ``gender``, people the article shows to be of the other gender are passed over, and
        one shown to be of that gender wins over a nearer one of unknown gender when it is named
        within _GENDER_LOOKBACK characters."""
        first = bisect_left(self._starts, offset)
        fallback: Named | None = None
        for item in reversed(self.named[:first]):
            if item.kind in kinds and item.end <= offset and not _inside(item.start, skip):
                if fallback is not None and offset - item.end > _GENDER_LOOKBACK:
                    break
                known = self.gender.get(item.name)
                if not gender or known == gender:
                    return item
                if known is None and fallback is None:
                    # Of unknown gender: taken unless one of the pronoun's gender comes soon.
                    fallback = item
        return fallback

    def antecedent(self, offset: int, skip: list[QuoteSpan], gender: str | None) -> Named | None:
        """The person a "he"/"she" before ``offset`` stands for: the nearest fitting one, or
        the fitting person who opens that one's sentence as its subject ("Figgins, who
        represents Thomas, said …. He said …" is Figgins)."""
        found = self.nearest_before(offset, {PERSON}, skip, gender)
        sentence = self.index.at(found.start) if found else None
        if found is None or sentence is None:
            return found
        for item in self.named_in(sentence.start, found.start):
            if item.kind != PERSON or item.start > sentence.start + 3 or _inside(item.start, skip):
                continue
            if gender and self.gender.get(item.name, gender) != gender:
                continue
            return item
        return found


# A verb in the simple present after a sentence's first word ("Halvorsen encourages ..."),
# news style for what a source holds; after a surname that is also an adjective ("Young
# voters") the word is a plural noun as often.
_PRESENT_VERB = re.compile(r"\s+[a-z]{3,}[^s\W]s\b")


def _surname_mentions(text: str, named: list[Named], people: list[PersonTitles]) -> list[Named]:
    """Mentions of a listed person by surname alone that NER left untagged ("Young, in his
    testimony, said"): the surname, capitalised, of exactly one listed person, not followed
    by another capitalised word, and mid-sentence or followed by a comma, "'s" or a verb of
    saying (so "Young people" opening a sentence is no mention)."""
    owners: dict[str, set[str]] = {}
    for person in people:
        words = person.name.split()
        if len(words) > 1:
            owners.setdefault(words[-1], set()).add(person.name)
    unique = {s: names.pop() for s, names in owners.items() if len(names) == 1 and len(s) > 2}
    if not unique:
        return []
    taken = [(n.start, n.end) for n in named]
    found: list[Named] = []
    pattern = re.compile(r"(?<![\w’'.\-])(" + "|".join(re.escape(s) for s in unique)
                         + r")(?![\w’'\-])(?!\s+[A-Z])")
    for match in pattern.finditer(text):
        start, end = match.span(1)
        if any(a < end and start < b for a, b in taken):
            continue
        before = text[max(0, start - 2) : start]
        opening = start == 0 or before.endswith(("\n", ". ", "“", "\"", "? ", "! "))
        if opening and not re.match(r"(?:,|['’]s\b|\s+(?:" + SPEECH_VERBS + r")\b)", text[end:]) \
                and not (_PRESENT_VERB.match(text, end) and not is_adjective(match.group(1))):
            continue
        found.append(Named(start, end, unique[match.group(1)], PERSON))
    return found


def extract_quotes(ctx: QuoteContext) -> list[dict[str, object]]:
    """Every direct quotation with speaker and channel; scare quotes and titles are skipped.

    A quotation of MIN_QUOTE_WORDS words or more counts; a shorter phrase counts
    only when a speech verb in its own sentence attributes it to someone ("he said
    the talks were 'very useful'"), otherwise it is a scare quote or a name.
    """
    spans = [q for q in find_quote_spans(ctx.text) if len(q.text.split()) >= 2]
    records: list[dict[str, object]] = []
    kept: list[QuoteSpan] = []
    previous: tuple[QuoteSpan, str | None] | None = None
    for position, quote in enumerate(spans):
        following = spans[position + 1].start - 1 if position + 1 < len(spans) else None
        if _is_title(quote.text, _WORK_BEFORE.search(ctx.text, max(0, quote.start - 30),
                                                     max(0, quote.start - 1)) is not None):
            continue
        speaker, channel = _attribute(ctx, quote, following, spans, previous)
        if len(quote.text.split()) < MIN_QUOTE_WORDS and not _reported_phrase(ctx, quote, speaker):
            continue
        sentences = ctx.index.covering(max(quote.start - 1, 0), quote.end + 1)
        record: dict[str, object] = {
            "speaker": speaker,
            "text": quote.text.rstrip(" ,"),
            "channel": channel,
            "evidence": [s.evidence() for s in sentences],
        }
        if kept and _continues(ctx.text, kept[-1], quote, records[-1], record):
            _merge(records[-1], record)
        else:
            records.append(record)
            kept.append(quote)
        previous = (quote, speaker)
    return _without_repeats(records)


def _without_repeats(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Keep one of two quotations one of which holds the other: a pull quote or a sidebar
    repeating a line of the story is no second quotation (the longer one stays)."""
    kept: list[tuple[str, dict[str, object]]] = []
    for record in records:
        words = " ".join(re.findall(r"\w+", str(record["text"]).lower()))
        if any(words in other for other, _ in kept):
            continue
        kept = [(other, r) for other, r in kept if other not in words]  # a pull quote came first
        kept.append((words, record))
    return [record for _, record in kept]


# "“…,” she said. “…”": a short attribution sentence between two quotations of one speaker.
_BRIDGE = re.compile(
    rf"^[\s,.!?”\"’]*(?:[^\n.“”\"]{{0,120}}?\b(?:{SPEECH_VERBS})\b[^\n.“”\"]{{0,80}})[.:]\s*[“\"]?$"
)


# A name in quote marks inside an attribution (a programme, a paper: said on CNBC's "Trading
# Nation"): up to five capitalised words between the marks.
_QUOTED_NAME = re.compile(r"[“\"‘'](?:[A-Z][\w’'\-]*\s?){1,5}[”\"’']")


def _continues(text: str, before: QuoteSpan, quote: QuoteSpan, first: dict[str, object],
               record: dict[str, object]) -> bool:
    """Whether ``quote`` goes on with the quotation before it, in the same paragraph, after
    only the attribution of the first ("“A,” she said. “B.”"): one quotation split by its
    attribution.  A second quotation attributed to someone else stays apart."""
    gap = _QUOTED_NAME.sub("title", text[before.end : quote.start])
    if "\n" in gap or not _BRIDGE.match(gap):
        return False
    after = re.split(r"[.!?](?:\s|$)|\n", text[quote.end + 1 : quote.end + 120].lstrip(" ,”\"’"))[0]
    if VERB_RE.search(after):
        return False  # the second quotation has an attribution of its own
    return first["speaker"] is not None and record["speaker"] in (None, first["speaker"])


def _merge(first: dict[str, object], record: dict[str, object]) -> None:
    """Join the second half of a quotation to its first."""
    first["text"] = join_halves(str(first["text"]), str(record["text"]))
    first["channel"] = first["channel"] or record["channel"]
    evidence = list(first["evidence"]) if isinstance(first["evidence"], list) else []
    for item in record["evidence"] if isinstance(record["evidence"], list) else []:
        if item not in evidence:
            evidence.append(item)
    first["evidence"] = evidence


# A speech verb within a few words after a quotation's closing mark.
_SAID_AFTER = re.compile(rf"[”\"’»]?\s*(?:[\w’'-]+\s+){{0,4}}(?:{PERSONAL_SPEECH_VERBS})\b")
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|tells|added|wrote|warned|insisted|stated|argued|promised|vowed|"
    r"declared)\b(?:(?!\b(?:called|dubbed|described|named|known|so-called)\b)[^.;])*$"
)


def _is_title(text: str, after_a_work: bool = False) -> bool:
    """Headline-style capitalised phrases ("The Medium Is the Message") name a work; a
    short one without a comma inside may end with the full stop or comma American style
    sets inside the quote marks ('the podcast "Beyond Finances."'), and so may any right
    after a work's noun (``after_a_work``).  A question or an exclamation is said."""
    # A small word counts where title case capitalises it: first ('"Beyond Harbours"').
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)
             if w[0].isupper() or w not in TITLE_CASE_SMALL_WORDS]
    end = text.rstrip()[-1:]
    if len(words) < 2 or end in "!?":
        return False
    if end in ".," and not after_a_work and (len(words) > _SHORT_TITLE_WORDS
                                             or re.search(r"[,;:]", text.rstrip()[:-1])):
        return False  # "Less Money on Testing, More Money on Students.": a slogan's two clauses
    return sum(w[0].isupper() for w in words) / len(words) >= 0.8


_SHORT_TITLE_WORDS = 6
# The kinds of work OntoNotes 5.0 tags WORK_OF_ART (books, songs, films, shows, ...), the
# documents and campaigns that carry titles too (reports, studies, papers, articles,
# headlines, slogans, campaigns), and the words that introduce a title: a quotation right
# after them is the work's title, subtitle and all ('his book "Financial Freedom: A Proven
# Path to …,"').
_WORK_BEFORE = re.compile(
    r"\b(?:book|books|novel|memoir|biography|essay|poem|song|single|album|record|film|movie|"
    r"documentary|show|series|episode|play|musical|opera|podcast|game|painting|exhibition|"
    r"report|study|paper|article|headline|slogan|campaign|"
    r"titled|entitled)\s*[,:]?\s*$", re.IGNORECASE)


def _reported_phrase(ctx: QuoteContext, quote: QuoteSpan, speaker: str | None) -> bool:
    """A short quoted phrase is a quotation when its sentence reports someone saying it."""
    whole = quote.text.rstrip()[-1:] in ",.!?"
    if speaker is None:  # “It's over,” one crew member said: said, by nobody named
        return whole and bool(_SAID_AFTER.match(ctx.text, quote.end))
    if whole:
        return True  # a whole short utterance: “We're very close,” he said.
    if _modifies_a_noun(ctx.text, quote.end):
        return False  # a term used as a modifier: a textbook case of “grey zone” pressure
    sentence = ctx.index.at(quote.start)
    if sentence is None:
        return False
    before = ctx.text[sentence.start : max(sentence.start, quote.start - 1)]
    return bool(_REPORTING_VERB.search(before))


# What may follow a quoted phrase that is said, not used as a term: the prepositions (Quirk
# et al. 9.7), the coordinators and subordinators that go on with the sentence, and the
# adverbs of time, place and addition that close a clause (Quirk et al., chapter 8:
# "today", "here", "too").
_AFTER_A_SAID_PHRASE = PREPOSITIONS | frozenset(split_words(
    "and or but nor as that which who when while because if than so yet "
    "today yesterday tomorrow tonight now then here there again too also instead"))


def _modifies_a_noun(text: str, end: int) -> bool:
    """Whether the word right after a quoted phrase's closing mark is a lower-case word that
    is no preposition, conjunction or "-ly" adverb: the phrase stands before a noun it
    modifies ("“grey zone” pressure")."""
    after = re.match(r"[”\"’»]\s+([a-z][a-z\-]*)\b", text[end : end + 40])
    if after is None:
        return False
    word = after.group(1)
    return word not in _AFTER_A_SAID_PHRASE and not word.endswith("ly")


def _attribute(ctx: QuoteContext, quote: QuoteSpan, following: int | None,
               spans: list[QuoteSpan], previous: tuple[QuoteSpan, str | None] | None
               ) -> tuple[str | None, str | None]:
    """(speaker, channel) for one quotation."""
    first = ctx.index.at(quote.start) or ctx.index.at(max(quote.start - 1, 0))
    last = ctx.index.at(quote.end) or ctx.index.at(max(quote.end - 1, 0))
    sent_start = first.start if first else quote.start
    sent_end = last.end if last else quote.end
    attribution = _split_attribution(ctx, quote) or find_attribution(
        ctx.text, sent_start, sent_end, quote.parts[0][0], quote.end, following
    )
    if attribution is None:
        return _unattributed(ctx, quote, sent_start, spans, previous)
    speaker = _speaker(ctx, attribution, quote, spans)
    channel = find_channel(ctx.text, sent_start, sent_end, attribution.verb_start)
    return speaker, channel


def _unattributed(ctx: QuoteContext, quote: QuoteSpan, sent_start: int, spans: list[QuoteSpan],
                  previous: tuple[QuoteSpan, str | None] | None) -> tuple[str | None, str | None]:
    """(speaker, channel) of a quotation without a verb of saying: the subject of the clause
    that introduces it with a colon, else the speaker of the reported speech it continues,
    of the narrative sentence before it or of the quotation before it; not one of these when
    the quotation's line names only someone else ("“I don't know …” Ruiz began")."""
    lead = _colon_lead(ctx, sent_start, quote)
    introduced = _colon_introducer(ctx, sent_start, lead, spans) if lead else None
    if introduced:
        return introduced, None
    described = _DESCRIBED_SUBJECT.match(lead) if lead else None
    if described:  # "The regional governor was blunt:" names someone, perhaps no one known
        return _resolve_description(ctx, described.group(1), sent_start, spans), None
    others = _others_named(ctx, quote, spans)
    reported = _reported_context(ctx, sent_start, spans)
    if reported:
        return reported if not others or reported[0] in others else (None, None)
    found = _introduced(ctx, sent_start, spans) or _continuation(ctx, quote, previous)
    return (found if not others or found in others else None), None


def _split_attribution(ctx: QuoteContext, quote: QuoteSpan) -> Attribution | None:
    """For a split quotation the attribution is the gap between its halves."""
    if len(quote.parts) < 2:
        return None
    gap_start, gap_end = quote.parts[0][1] + 1, quote.parts[1][0] - 1
    match = VERB_RE.search(ctx.text, gap_start, gap_end)
    if not match:
        return None
    return Attribution(gap_start, gap_end, match.start(), True)


def _colon_introducer(ctx: QuoteContext, sent_start: int, lead: str,
                      spans: list[QuoteSpan]) -> str | None:
    """"Lee agreed: “…”", "Lee, who called in from Lagos, had a view: “…”": a clause ending
    in a colon right before the quotation introduces it, and its subject (the first person or
    organisation named in it before any speech verb, a pronoun, or a listed surname) is the
    speaker."""
    # Names after a speech verb of the lead ("He told the BBC:") are its addressee.
    verb = VERB_RE.search(lead)
    subject_end = sent_start + (verb.start() if verb else len(lead))
    named = [n for n in ctx.named_in(sent_start, subject_end)
             if n.kind in (PERSON, ORG) and not _inside(n.start, spans)]
    if named:
        return named[0].name
    first = re.match(r"\s*(\w+)", lead)
    if first and first.group(1).lower() in _PRONOUN_GENDER:
        found = ctx.nearest_before(sent_start, {PERSON}, spans,
                                   _PRONOUN_GENDER[first.group(1).lower()])
        return found.name if found else None
    return _surname(ctx, " ".join(lead.split()[:1]))


# A description opening the clause, up to its comma or its "be"/"have" ("The regional
# governor, however, was blunt:", "The minister was blunt:").
_DESCRIBED_SUBJECT = re.compile(
    r"\s*(?:The|A|An)\s+((?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*)(?=,|\s+(?:was|is|were|are|had|has)\b)")


def _colon_lead(ctx: QuoteContext, sent_start: int, quote: QuoteSpan) -> str | None:
    """The clause ending in a colon that introduces the quotation in its sentence, or None."""
    lead = ctx.text[sent_start : max(sent_start, quote.start - 1)]
    return lead if lead.rstrip().endswith(":") and len(lead) <= 200 else None


def _reported_context(ctx: QuoteContext, sent_start: int,
                     spans: list[QuoteSpan]) -> tuple[str, str | None] | None:
    """A quoted fragment in a sentence without a speech verb, right after "X stated that ...":
    the fragment continues X's reported speech."""
    previous = ctx.index.at(max(sent_start - 2, 0))
    if previous is None or previous.start >= sent_start:
        return None
    verbs = list(VERB_RE.finditer(ctx.text, previous.start, previous.end))
    if not verbs:
        return None
    verb = verbs[0]
    named = [n for n in ctx.named_in(previous.start, verb.start())
             if n.kind in (PERSON, ORG) and not _inside(n.start, spans)]
    if not named:
        return None
    persons = [n for n in named if n.kind == PERSON] or named
    channel = find_channel(ctx.text, previous.start, previous.end, verb.start())
    return persons[-1].name, channel


def _introduced(ctx: QuoteContext, sent_start: int, spans: list[QuoteSpan]) -> str | None:
    """An unattributed quotation right after a narrative sentence of its paragraph whose
    subject is a person ("Lee returned to the issue later. “What…?”") or "he" or "she"
    standing for one: that person."""
    sentence = ctx.index.at(max(sent_start - 2, 0))
    if sentence is None or sentence.end > sent_start or "\n" in ctx.text[sentence.end : sent_start]:
        return None
    if any(_inside(offset, spans) for offset in (sentence.start, sentence.end - 2)):
        return None
    pronoun = re.match(r"\s*(He|She)\b", ctx.text[sentence.start : sentence.end])
    if pronoun:  # "She was blunt. “…”": the person "she" stands for
        found = ctx.antecedent(sentence.start, spans, _PRONOUN_GENDER[pronoun.group(1).lower()])
        return found.name if found else None
    people = [n for n in ctx.named_in(sentence.start, sentence.end)
              if n.kind == PERSON and not _inside(n.start, spans)]
    if not people or people[0].start - sentence.start > 3:
        return None
    return people[0].name


def _others_named(ctx: QuoteContext, quote: QuoteSpan, spans: list[QuoteSpan]) -> set[str]:
    """The people the quotation's line names outside quotations, before it or in the few
    words after it where an attribution stands."""
    start = ctx.text.rfind("\n", 0, quote.start) + 1
    line_end = ctx.text.find("\n", quote.end)
    end = min(quote.end + _AFTER_QUOTE, line_end if line_end >= 0 else len(ctx.text))
    return {n.name for n in ctx.named_in(start, end) if n.kind == PERSON and not _inside(n.start, spans)}


_AFTER_QUOTE = 40  # characters after a quotation that its attribution stands in


def _continuation(ctx: QuoteContext, quote: QuoteSpan,
                  previous: tuple[QuoteSpan, str | None] | None) -> str | None:
    """An unattributed quote opening a paragraph right after another one continues it."""
    if previous is None:
        return None
    gap = ctx.text[previous[0].end : quote.start]
    if gap.count("\n") <= 1 and len(gap) < 400:
        return previous[1]
    return None


def _speaker(ctx: QuoteContext, attr: Attribution, quote: QuoteSpan,
             spans: list[QuoteSpan]) -> str | None:
    """Resolve the subject of the speech verb to a listed name."""
    names = [n for n in ctx.named_in(attr.window_start, attr.window_end)
             if n.kind in (PERSON, ORG) and not _inside(n.start, spans)]
    before_verb = [n for n in names if n.end <= attr.verb_start and not _a_source(ctx.text, n)
                   and not _a_party_member(ctx.text, n) and not _an_owner(ctx.text, n)]
    if before_verb:
        clause_start = _clause_start(ctx.text, attr)
        near = [n for n in before_verb if n.start >= clause_start] or before_verb
        persons = [n for n in near if n.kind == PERSON] or near
        return (persons[0] if attr.after else persons[-1]).name
    subject = ctx.text[_clause_start(ctx.text, attr) : attr.verb_start]
    resolved = _resolve_subject(ctx, subject, attr.verb_start, spans) or _surname(ctx, subject) \
        or _group(subject)
    if resolved:
        return resolved
    if ctx.text.startswith(("told", "tells"), attr.verb_start):
        return None  # "told the BBC": whoever follows is the addressee, never the speaker
    after_verb = [n for n in names if n.start >= attr.verb_start and n.start - attr.verb_start < 40]
    # "said NASA administrator Jim Bridenstine": the organisation only qualifies the speaker,
    # and so does an owner of the speaker's office ("said Varga's deputy, Piet Mols").
    persons = [n for n in after_verb if n.kind == PERSON]
    if len(persons) > 1 and _OWNER_AFTER.match(ctx.text, persons[0].end):
        persons = persons[1:]
    if after_verb:
        return (persons or after_verb)[0].name
    described = _DESCRIPTION_AFTER.match(ctx.text, attr.verb_start)
    # "said a spokesman for the authority": the description after the verb is the subject.
    return _resolve_description(ctx, described.group(1), attr.verb_start, spans) if described else None


# A party's member by the nouns the AP Stylebook's party-affiliation entry describes
# lawmakers with ("the Texas Democrat", "a Republican", "the Vermont independent") and the
# UK's "Tory" and "Conservative": a person, not the party.
_PARTY_MEMBERS = frozenset({"democrat", "republican", "independent", "tory", "conservative"})
_MEMBER_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[A-Z][\w.\-]*\s+){0,2}$", re.IGNORECASE)


def _an_owner(text: str, named: Named) -> bool:
    """Whether a person named before the verb only owns the speaker's office ("Varga's
    lawyer told reporters"): the lawyer speaks, whom the text does not name."""
    return named.kind == PERSON and bool(_OWNER_BEFORE_A_ROLE.match(text, named.end))


_OWNER_BEFORE_A_ROLE = re.compile(r"['’]s\s+[a-z]")  # "Varga's lawyer", "Ruiz's chief spokesman"


def _a_party_member(text: str, named: Named) -> bool:
    """Whether a party's name is its member's description ("the Texas Democrat said")."""
    return named.kind == ORG and text[named.start : named.end].lower() in _PARTY_MEMBERS \
        and bool(_MEMBER_BEFORE.search(text, max(0, named.start - 40), named.start))


_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_OWNER_AFTER = re.compile(r"['’]s\s")


def _a_source(text: str, named: Named) -> bool:
    """"According to AFP, one user posted: …": the source of a report of someone else's words
    is not their speaker (the verb after it has a subject of its own)."""
    return bool(_SOURCE_BEFORE.search(text, max(0, named.start - 20), named.start))


_DESCRIPTION_AFTER = re.compile(r"\w+\s+(?:the|a|an)\s+((?:[\w\-/]+\s+){0,5}?[\w\-/]+)\s*(?=[,.;]|$)")


# The groups of people among the generic subjects of "said" (not "Reports", "Data", nor the
# indefinite pronouns), by their plural noun.
_GROUP_NOUNS = frozenset(w.lower() for w in gz.GENERIC_SPEAKERS) - frozenset(split_words(
    "official many some several both neither everyone nobody others reports documents data "
    "figures statistics family"))
_GROUP_SUBJECT = re.compile(r"^\s*((?:[A-Z][\w\-]*\s+)?(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*|[A-Z][a-z]+))\s+"
                            rf"(?:(?:{BEFORE_VERB})\s+)?$")


def _group(subject: str) -> str | None:
    """"Aviation analysts called it ...": a group of people the subject names by its plural
    noun is the speaker, as written ("the" aside); it is no entity."""
    bare = re.sub(r"^\s*(?:the|The)\s+", "", subject)
    match = _GROUP_SUBJECT.match(bare)
    if match is None or match.group(2).lower() not in _GROUP_NOUNS:
        return None
    phrase = match.group(1)
    return phrase[0].upper() + phrase[1:]


def _surname(ctx: QuoteContext, subject: str) -> str | None:
    """A subject that is one listed person's surname alone ("Okafor asked"), even where NER
    did not tag it: that person, when no other listed person has that surname."""
    words = re.findall(r"[A-Z][\w'’\-]+", subject)
    if not words or len(subject.split()) > 3:
        return None
    owners = {p.name for p in ctx.people if p.name.split()[-1] == words[-1]}
    return owners.pop() if len(owners) == 1 else None


def _clause_start(text: str, attr: Attribution) -> int:
    """Start of the clause holding the verb: after the last comma/period before it."""
    segment = text[attr.window_start : attr.verb_start]
    if attr.after:
        return attr.window_start
    cut = max(segment.rfind(". "), segment.rfind(", "), segment.rfind("; "))
    return attr.window_start + cut + 2 if cut >= 0 else attr.window_start


def _resolve_subject(ctx: QuoteContext, subject: str, verb_start: int,
                     spans: list[QuoteSpan]) -> str | None:
    """A pronoun or a definite description before the verb; anything else is no name."""
    pronoun = PRONOUN_RE.search(subject)
    if pronoun:
        word = pronoun.group(1).lower()
        if word in {"he", "she"}:
            found = ctx.antecedent(verb_start, spans, _PRONOUN_GENDER[word])
        elif word == "they" and (singular := _singular_they(ctx, verb_start, spans)):
            found = singular
        else:
            found = ctx.nearest_before(verb_start, {PERSON} if word == "we" else {ORG}, spans)
        return found.name if found else None
    description = DESCRIPTION_RE.search(subject)
    if description:
        return _resolve_description(ctx, description.group(1), verb_start, spans)
    return None


def _singular_they(ctx: QuoteContext, verb_start: int, spans: list[QuoteSpan]) -> Named | None:
    """The person a singular "they" stands for (news style allows it for a person whose
    gender is not given, AP Stylebook 2017): the person of unknown gender who opens the
    sentence before, or this one, as its subject ("Kim Lau, a spokesperson, confirmed it.
    “…,” they said."); None when that subject is an organisation or a he or she."""
    here = ctx.index.at(verb_start)
    gap = len(ctx.text[: here.start].rstrip()) if here is not None else 0
    before = ctx.index.at(gap - 1) if gap > 0 else None
    for sentence in (s for s in (here, before) if s is not None):
        opener = ctx.opener(sentence)
        if opener is not None and not _inside(opener.start, spans):
            fits = opener.kind == PERSON and opener.name not in ctx.gender
            return opener if fits else None
    return None


def _resolve_description(ctx: QuoteContext, phrase: str, offset: int,
                         spans: list[QuoteSpan]) -> str | None:
    """"the defence minister" -> the person with that title; "the statement" -> its author."""
    words = phrase.lower().split()
    if words[-1] in _DOCUMENT_WORDS:
        return _document_author(ctx, words[-1], offset, spans)
    age = _AGE_EPITHET.fullmatch(words[-1])
    if age:
        return _aged(ctx, age.group(1), offset)
    if words[-1] in _PARTY_MEMBERS:  # "the Texas Democrat": the lawmaker last named
        member = ctx.antecedent(offset, spans, None)
        return member.name if member else None
    wanted = " ".join(words)
    titled = [p.name for p in ctx.people if any(wanted == t.lower() for t in p.titles)]
    if not titled:
        titled = [p.name for p in ctx.people if any(wanted in t.lower() for t in p.titles)]
    if not titled:
        titled = [p.name for p in ctx.people if any(words[-1] in t.lower().split() for t in p.titles)]
    if titled:
        return _most_recent(ctx, titled, offset, spans) or titled[0]
    orgs = [n for n in ctx.named[: bisect_left(ctx._starts, offset)]
            if n.kind == ORG and words[-1] in n.name.lower().split()]
    if orgs:
        return orgs[-1].name
    found = _affiliation(ctx, words[-1], offset)
    if found is None and words[-1] in _SPOKES_WORDS:
        return _spoken_for(ctx, words[-1], offset, spans)
    if found is None and words[-1] in _ANY_BODY_NOUNS:
        return _body_named_before(ctx, offset, spans)
    return found


# The nouns that name any kind of organisation again ("the company said", "the group
# added"; "firm", the common noun for a company): the body named last.  A ministry, a
# committee or a court is only one whose name holds that word (above), or nobody named.
_ANY_BODY_NOUNS = frozenset({"company", "firm", "group", "organisation", "organization"})
# How far back a body's name may stand for "the company" to be it: about two paragraphs.
_BODY_LOOKBACK = 600


def _body_named_before(ctx: QuoteContext, offset: int, spans: list[QuoteSpan]) -> str | None:
    """"the company said": the organisation named last before, outside quotations, when one
    is named within _BODY_LOOKBACK characters; else nobody (null rather than a guess)."""
    found = ctx.nearest_before(offset, {ORG}, spans)
    return found.name if found and offset - found.end <= _BODY_LOOKBACK else None


# News names a person again by the age it gave after the name ("Ana Ruiz, 54," ... "the
# 54-year-old said"): the AP style for ages.
_AGE_EPITHET = re.compile(r"(\d{1,3})-year-old")


def _aged(ctx: QuoteContext, age: str, offset: int) -> str | None:
    """The last person before ``offset`` whose name the text follows with that age."""
    before = ctx.named[: bisect_left(ctx._starts, offset)]
    aged = [n for n in before if n.kind == PERSON and age_after(ctx.text, n.end) == age]
    return aged[-1].name if aged else None


def _spoken_for(ctx: QuoteContext, head: str, offset: int, spans: list[QuoteSpan]) -> str | None:
    """The body a spokesperson speaks for: the first organisation named in the sentence where
    the spokesperson was last introduced (before the attribution's own sentence), before them,
    else in the sentence before that one (its subject: "X did not accept the offer. A
    spokesperson said …")."""
    introduced = [m.start() for m in re.finditer(rf"\b{re.escape(head)}\b", ctx.text[:offset],
                                                 re.IGNORECASE)]
    current = ctx.index.at(offset)
    earlier = [i for i in introduced if current is None or i < current.start]
    if not introduced:
        return None
    sentence = ctx.index.at((earlier or introduced)[-1])
    if sentence is None:
        return None
    for start, end in ((sentence.start, introduced[0]), _previous_sentence(ctx, sentence.start)):
        bodies = [n for n in ctx.named_in(start, end) if n.kind == ORG and not _inside(n.start, spans)]
        if bodies:
            return bodies[0].name
    return None


def _previous_sentence(ctx: QuoteContext, start: int) -> tuple[int, int]:
    """Offsets of the sentence before the one starting at ``start`` (empty if none)."""
    before = ctx.index.at(max(start - 2, 0))
    if before is None or before.start >= start:
        return (0, 0)
    return (before.start, before.end)


# Those who speak for a body rather than for themselves (news style's "a spokesperson said"):
# with no body named beside them, the organisation named last before is theirs.
_SPOKES_WORDS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople",
                           "spokesmen", "spokeswomen", "representative", "representatives"})


def _affiliation(ctx: QuoteContext, head: str, offset: int) -> str | None:
    """"the official said" after "a senior official at the State Department": that body."""
    pattern = re.compile(rf"\b{re.escape(head)}s?\s+(?:at|of|for|with|from|in)\s+(?:the\s+)?",
                         re.IGNORECASE)
    for match in reversed(list(pattern.finditer(ctx.text, 0, offset))):
        following = ctx.named_in(match.end(), match.end() + 80)
        if following and following[0].start == match.end() and following[0].kind == ORG:
            return following[0].name
    return None


def _most_recent(ctx: QuoteContext, names: list[str], offset: int,
                 spans: list[QuoteSpan]) -> str | None:
    """Of the candidate names, the one mentioned last before ``offset``."""
    for item in reversed(ctx.named[: bisect_left(ctx._starts, offset)]):
        if item.name in names and not _inside(item.start, spans):
            return item.name
    return None


def _document_author(ctx: QuoteContext, word: str, offset: int,
                     spans: list[QuoteSpan]) -> str | None:
    """"the statement said": whoever was last said to have issued a statement."""
    before = ctx.text[:offset]
    for match in reversed(list(re.finditer(rf"\b{word}\b", before))):
        sentence = ctx.index.at(match.start())
        if sentence is None:
            continue
        named = [n for n in ctx.named_in(sentence.start, match.start())
                 if n.kind in (PERSON, ORG) and not _inside(n.start, spans)]
        if named:
            return named[-1].name
    return None


# Gendered forms of address and pronouns of English (the honorifics of the attribution
# titles list and the personal pronouns of English grammar).
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_HONORIFIC_GENDER = re.compile(
    r"\b(?:(?P<m>Mr|Sir|Lord|King|Prince|Duke|Brother|Father)|"
    r"(?P<f>Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess|Duchess|Sister|Mother))\.?\s+$")
# And the gendered nouns of kinship before a name ("his wife Robin"): the English kin terms
# of the nuclear and extended family, by marriage and partnership.
_KIN_GENDER = re.compile(
    r"\b(?:(?P<m>husband|son|brother|father|grandfather|uncle|nephew|boyfriend|widower|"
    r"grandson)|(?P<f>wife|daughter|sister|mother|grandmother|aunt|niece|girlfriend|widow|"
    r"granddaughter))\s+$", re.IGNORECASE)
_MALE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_FEMALE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_GENDER_WINDOW = 160
_GENDER_LOOKBACK = 400

def _genders(text: str, index: SentenceIndex, named: list[Named]) -> dict[str, str]:
    """"m" or "f" for each person whose gender the article shows: a gendered form of address
    or noun of kinship before a mention ("Ms. Ortiz", "his wife Robin"), else a given name
    listed for one gender only, else the pronouns that follow the person's mentions in their
    sentence up to the next person named, when one gender clearly prevails."""
    people = [n for n in named if n.kind == PERSON]
    votes: dict[str, list[int]] = {}
    fixed: dict[str, str] = {}
    for position, item in enumerate(people):
        before = text[max(0, item.start - 14) : item.start]
        honorific = _HONORIFIC_GENDER.search(before) or _KIN_GENDER.search(before)
        if honorific:
            fixed.setdefault(item.name, "m" if honorific.group("m") else "f")
        end = people[position + 1].start if position + 1 < len(people) else len(text)
        sentence = index.at(item.start)
        if sentence is not None:
            end = min(end, sentence.end)
        window = text[item.end : min(end, item.end + _GENDER_WINDOW)]
        tally = votes.setdefault(item.name, [0, 0])
        tally[0] += len(_MALE.findall(window))
        tally[1] += len(_FEMALE.findall(window))
    found = dict(fixed)
    for item in people:  # a given name listed for one gender only: "Joseph Minga" is a "he"
        gender = given_name_gender(item.name.split()[0]) if " " in item.name else None
        if gender:
            found.setdefault(item.name, gender)
    for name, (male, female) in votes.items():
        if name not in found and male != female and max(male, female) >= 2 * min(male, female):
            found[name] = "m" if male > female else "f"
    return found


def _inside(offset: int, spans: list[QuoteSpan]) -> bool:
    """Whether an offset lies within any quotation's text."""
    return any(a <= offset < b for q in spans for a, b in q.parts)
