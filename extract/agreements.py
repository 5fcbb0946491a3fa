"""Named agreements, treaties, partnerships, deals and contracts, with parties and status.

Five shapes are recognised: capitalised names ending in an agreement word
("Security of Information Agreement"), typed lower-case deals ("US-China trade
deal", "nuclear deal") and memoranda of understanding, purchase deals/orders ("deal to
purchase 30 jets", "order for 50 Airbus jets", "a $2 billion contract to build six
frigates") and deals named by their sides ("Coty-Jenner deal", "CLPS contracts",
"partnership with Ulta Beauty").  Status comes from the cue word nearest the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.eventwords import EVENT_NOUNS
from extract.gazetteer import AGREEMENT_KINDS, ORG_KEYWORDS, PLACE_NAMES
from extract.sentences import Sentence, SentenceIndex, without_sentence_stop

# What ends an agreement's name: a kind of instrument (gazetteer.AGREEMENT_KINDS), with the
# memorandum written in full and its abbreviation as news writes it.
_AGREEMENT_WORDS = "|".join(
    [*sorted(kind.capitalize() for kind in AGREEMENT_KINDS - {"memorandum", "mou"}),
     "Memorandum of Understanding", "MoU", "MOU"])
# The name may go on after its kind with what it is about, in title case ("Treaty on the
# Non-Proliferation of Nuclear Weapons", "Agreement on Combating Piracy and Armed Robbery
# against Ships in Asia").
_SUBJECT_AFTER = (r"(?:\s+(?:on|for|against|concerning)\s+(?:the\s+)?[A-Z][\w\-]*"
                  r"(?:\s+(?:(?:of|and|on|in|against|for|the|to)\s+){0,2}[A-Z][\w\-]*){0,8})")
_NAMED = re.compile(
    r"(?:(?:[A-Z][\w’'\-–./]*\s+(?:(?:of|on|and|for|the|in)\s+){0,2}){1,8}?(?:" + _AGREEMENT_WORDS
    + r")\b" + _SUBJECT_AFTER + r"?|\b(?:" + _AGREEMENT_WORDS + r")\b" + _SUBJECT_AFTER + r")(?!\s+[A-Z])"
)
# Subject areas of treaties (the UN Treaty Series subject index: trade, peace, disarmament and
# arms control, defence, security, energy, investment, boundaries, maritime, technology) as
# the adjective or noun naming a lower-case deal, and the kinds of commercial and political
# agreement news names by their subject (the contract types of commercial law: supply,
# licensing, sponsorship, merger, pay; settlements, loans; coalition and power-sharing;
# migration and readmission, the EU's name for return agreements).
# Or by its term, as contracts state one ("a 60-day truce", "a 10-year supply deal").
_TERM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)" \
        r"[\-–](?:day|week|month|year)"
_TYPED = re.compile(
    r"(?:(?:[A-Z][\w.]*[\-–][A-Z][\w.]*|[A-Z][\w.]+)\s+)?"
    r"(?:(?:free|trade|peace|nuclear|arms|defence|defense|security|ceasefire|bilateral|military|"
    r"energy|gas|oil|investment|border|maritime|arms-control|technology|cooperation|climate|"
    r"environmental|tax|extradition|fisheries|aviation|supply|licensing|sponsorship|merger|pay|"
    rf"wage|settlement|loan|coalition|power-sharing|migration|readmission|{_TERM})\s+){{1,2}}"
    r"(?:deal|agreement|pact|treaty|accord|truce)\b"
)
# The memorandum of understanding written in lower case, with the field it covers ("a
# memorandum of understanding on energy cooperation").
_MEMORANDUM = re.compile(
    r"\bmemorandum\s+of\s+understanding(?:\s+(?:on|for)"
    r"(?:\s+(?!(?:the|a|an|with|and|or|to|in|at|by|from|between)\b)[a-z][\w\-]*){1,3})?")
# The name ends where the circumstances begin ("… jets on Monday at a value of …").
_CIRCUMSTANCE = r"(?=\s*[,.;:()]|\s+(?:on|at|in|by|from|after|before|to|that|which|who|when|while|as)\b|\s*$)"
_PURCHASE = re.compile(
    r"\b(?:deal|order|contract)\s+(?:to\s+(?:buy|purchase|acquire|supply|build|deliver)|for|of|worth)"
    r"\s+(?:(?:some|about|up\s+to|nearly|more\s+than)\s+)?"
    r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozens?)\b)[^,.;:()]{3,60}?"
    + _CIRCUMSTANCE
)
# A deal named by its value, written before it as news style writes sums (AP Stylebook:
# "$2 billion", "1.2 billion euros"): "a $2 billion contract to build six frigates".
_VALUED = re.compile(
    r"(?:[$€£¥]\d[\d.,]*\s*(?:billion|million|trillion|bn|m)?|\b\d[\d.,]*\s*(?:billion|million)\s+"
    r"(?:euros?|dollars?|pounds?|yen|rupees?))(?:-|\s+)"
    r"(?:(?!(?:in|of|on|at|for|from|to|the|a|an|and|or|with|by)\s)[a-z][\w\-]*\s+){0,2}?"
    r"(?:contract|deal|order)s?\b"
    r"(?:\s+(?:to\s+(?:buy|purchase|acquire|supply|build|deliver)|for)\s+[^,.;:()]{3,60}?"
    + _CIRCUMSTANCE + ")?"
)
# Deals named by their sides: "Coty-Jenner deal", "CLPS contracts", "partnership with Ulta
# Beauty" (the commercial instruments of the same glossary: deal, contract, partnership).
_NAME_WORD = r"[A-Z][\w.&’']*"
_SIDES = (
    rf"\b(?:{_NAME_WORD}(?:\s{_NAME_WORD})?[\-–]{_NAME_WORD}(?:\s{_NAME_WORD})?"
    r"|[A-Z][A-Z0-9]{1,7})\s+(?:deal|agreement|partnership|contracts?|pact|accord|treaty)\b"
    rf"|\b(?:partnership|deal|contract|agreement|alliance)\s+with\s+{_NAME_WORD}"
    rf"(?:\s{_NAME_WORD}){{0,3}}"
    # and by both: "partnership between the Kell Guild and Arlo Ferries"
    rf"|\b(?:partnership|deal|contract|agreement|alliance)\s+between\s+(?:the\s+)?{_NAME_WORD}"
    rf"(?:\s(?:of\s)?{_NAME_WORD}){{0,4}}\s+and\s+(?:the\s+)?{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}}"
)
_WITH_SIDES = re.compile(_SIDES)
# An agreement named by the place where it was made or that it concerns, with its kind in
# lower case ("the Minsk agreements", "the Oslo accords", "the Iran deal"): a place of the
# gazetteer before the kind.
_PLACE_KIND = re.compile(
    r"\b(?P<place>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)\s+(?:agreements?|accords?|treaty|pact|protocol|deal)\b")
# The status values of FACTS.md, each cued by the verbs and phrases that report it (the
# treaty-law terms of the Vienna Convention on the Law of Treaties: negotiate, sign, ratify,
# enter into force, suspend, terminate, withdraw, and their everyday synonyms).
_STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("in force", re.compile(r"\b(?:in\s+force|into\s+force|ratified|in\s+effect|took\s+effect)\b", re.I)),
    ("suspended", re.compile(r"\b(?:suspend\w*|froze|frozen|paused|halted)\b", re.I)),
    ("ended", re.compile(r"\b(?:withdr[ae]w\w*|terminat\w*|scrapp\w*|cancel\w*|expired|collaps\w*|"
                         r"abandon\w*|revok\w*|pulled\s+out|tore\s+up|ended)\b", re.I)),
    ("negotiating", re.compile(r"\b(?:negotiat\w*|talks\s+(?:on|over|about)|working\s+on|"
                               r"discuss\w*|seeking)\b", re.I)),
    ("proposed", re.compile(r"\b(?:propos\w*|draft|plann?\w*|would\s+sign|to\s+sign|"
                            r"(?:will|would|to|could|should|shall|is\s+due\s+to)\s+be\s+"
                            r"(?:signed|finali[sz]ed|concluded|sealed))\b", re.I)),
    # Not the participle of a passive still to come ("would be signed": proposed, above).
    ("signed", re.compile(r"\b(?<!\bbe\s)(?:sign(?:ed|ing)|inked|finali[sz]ed|concluded|"
                          r"agreed(?:\s+(?:to|on|upon))?(?=\s+(?:a|an|the|its|their)\b)|agreed\s+(?:up)?on|"
                          r"sealed|struck|clinched|reached|announced|placed|won|"
                          r"awarded)\b", re.I)),
]
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday|this\s+week|last\s+week))+$"
)
_KEYWORD = re.compile(
    rf"(?i:\b(?:{'|'.join(sorted(AGREEMENT_KINDS))}|agreements|arrangements|truce|orders?|"
    r"contracts?|alliance)\b)"
)
# "governed by our Subscriber Agreement", "your licence agreement": the publisher's terms
# with its reader, written in the first and second person, are no agreement of the news.
_READER_TERMS = re.compile(r"\b(?:our|your)\s+$", re.IGNORECASE)
_LEADING = re.compile(r"^(?:The|A|An|This|That|Its|Their|His|Her)\s+")
# A body an agreement set up, named after it ("Information Sharing Centre of the Kell Accord").
_BODY_OF = re.compile(r"^(?:[A-Z][\w\-]*\s+)*(?P<head>[A-Z][\w\-]*)\s+of\s+the\s+(?P<agreement>[A-Z].*)$")
# An occurrence's noun that opens the sentence before the name ("Talks on the Kell Accord
# resumed"): the event nouns that are no kind of agreement.
_OCCURRENCE_BEFORE = re.compile(r"^(?P<noun>[A-Z][a-z]+)\s+(?:on|over|about|for|of)\s+(?:the\s+)?")


@dataclass
class Agreement:
    """An agreement with the sentences it was read from."""

    name: str
    status: str | None
    parties: list[str] = field(default_factory=list)
    evidence: list[Sentence] = field(default_factory=list)


def extract_agreements(text: str, index: SentenceIndex, parties_in: PartyFinder) -> list[dict[str, object]]:
    """All agreements mentioned in the text, merged by name, with parties and status."""
    found: list[Agreement] = []
    for start, end in _candidate_spans(text):
        sentence = index.at(start)
        if sentence is None or _READER_TERMS.search(text[max(0, start - 6) : start]):
            continue
        name = _clean_name(text[start:end])
        status = _status(sentence, start - sentence.start, end - sentence.start)
        parties = parties_in(name, sentence)
        _merge(found, Agreement(name, status, parties, [sentence]))
    return [
        {"name": a.name, "parties": a.parties, "status": a.status,
         "evidence": [s.evidence() for s in a.evidence]}
        for a in found
    ]


def _clean_name(written: str) -> str:
    """The agreement's name without its article, a leading occurrence ("Talks on the …"), a
    trailing time ("… on Monday") or the full stop of its sentence ("… with Kell Ferries.")."""
    name = _TRAILING_TIME.sub("", _LEADING.sub("", written.strip()))
    leading = _OCCURRENCE_BEFORE.match(name)
    if leading and leading.group("noun").lower() in EVENT_NOUNS - AGREEMENT_KINDS:
        name = name[leading.end() :]
    body = _BODY_OF.match(name)
    if body and body.group("head").lower() in ORG_KEYWORDS:
        name = body.group("agreement")  # "the Secretariat of the Kell Accord": the accord
    head, _, last = name.rpartition(" ")
    return f"{head} {without_sentence_stop(last)}" if head else without_sentence_stop(last)


# The go-betweens of a deal, who are no side of it ("a truce brokered by Qatar and Egypt",
# "talks mediated by Norway"): the names after these participles, up to the clause's end.
_MEDIATORS = re.compile(r"\b(?:brokered|mediated|facilitated)\s+by\s+")
_CLAUSE_BREAK = re.compile(r"[,;:.()]")


class PartyFinder:
    """Find the sides of an agreement: "India-EU" in its name, else names in its sentence."""

    def __init__(self, named: list[tuple[int, int, str]], aliases: dict[str, str]) -> None:
        """``named`` holds (start, end, name) of organisations and countries."""
        self.named = named
        self.aliases = aliases

    def __call__(self, name: str, sentence: Sentence) -> list[str]:
        """The parties of the agreement ``name`` mentioned in ``sentence``."""
        prefix = re.match(r"^([A-Z][\w.]*)[\-–]([A-Z][\w.]*)\b", name)
        known = {entity for _, _, entity in self.named} | set(self.aliases)
        if prefix and any(side in known for side in prefix.groups()):
            # "India-EU": the sides; not "Intermediate-Range", a compound adjective
            return [self.aliases.get(p, p) for p in prefix.groups()]
        # The sides a name gives after "with" or "between" are parties; another name inside
        # it is its subject ("EU Naval Force Agreement").
        sides = name.lower().partition(" with ")[2] or name.lower().partition(" between ")[2]
        parties: list[str] = []
        for start, end, entity in self.named:
            inside = start >= sentence.start and end <= sentence.end
            named = entity.lower() in name.lower()
            if inside and entity not in parties and (not named or entity.lower() in sides) \
                    and not _mediator(sentence, start):
                parties.append(entity)
        return parties[:4]


def _mediator(sentence: Sentence, start: int) -> bool:
    """Whether the name at ``start`` is one of the go-betweens the sentence names."""
    at = start - sentence.start
    return any(m.end() <= at and not _CLAUSE_BREAK.search(sentence.text, m.end(), at)
               for m in _MEDIATORS.finditer(sentence.text))


def agreement_spans(text: str) -> list[tuple[int, int]]:
    """Where agreement names are written, so NER's "EU Security" inside one is ignored."""
    return _candidate_spans(text)


@lru_cache(maxsize=4)
def _candidate_spans(text: str) -> list[tuple[int, int]]:
    """Non-overlapping agreement-name spans, longest first, in text order.

    Only paragraphs that contain an agreement word are scanned: the name
    patterns are costly to try at every capital letter of a long article.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if _KEYWORD.search(line):
            for pattern in (_NAMED, _TYPED, _MEMORANDUM, _PURCHASE, _VALUED, _WITH_SIDES):
                for match in pattern.finditer(line):
                    span = (offset + match.start(), offset + match.end())
                    if not any(a < span[1] and span[0] < b for a, b in spans):
                        spans.append(span)
            for match in _PLACE_KIND.finditer(line):
                span = (offset + match.start(), offset + match.end())
                if match.group("place") in PLACE_NAMES \
                        and not any(a < span[1] and span[0] < b for a, b in spans):
                    spans.append(span)
        offset += len(line) + 1
    return sorted(spans)


def _status(sentence: Sentence, start: int, end: int) -> str | None:
    """The status whose cue word lies closest to the agreement name in its sentence."""
    best: tuple[int, str] | None = None
    for status, pattern in _STATUS_CUES:
        for match in pattern.finditer(sentence.text):
            if match.start() > 0 and match.group(0)[:1].isupper():
                continue  # a word of a name: "the Joint Comprehensive Plan of Action"
            distance = start - match.end() if match.end() <= start else max(match.start() - end, 0)
            if best is None or distance < best[0]:
                best = (distance, status)
    return best[1] if best else None


def _merge(found: list[Agreement], new: Agreement) -> None:
    """Fold a repeated mention ("the Partnership") into the agreement it names."""
    new_words = _words(new.name)
    for agreement in found:
        old_words = _words(agreement.name)
        if new_words <= old_words or old_words <= new_words or _similar(new_words, old_words):
            if len(new.name) > len(agreement.name):
                agreement.name = new.name
            agreement.status = agreement.status or new.status
            agreement.parties = agreement.parties or new.parties
            agreement.evidence.extend(new.evidence)
            return
    found.append(new)


def _similar(a: set[str], b: set[str]) -> bool:
    """Most content words shared: two mentions of one deal ("order of 30 jets")."""
    common = a & b
    return len(common) >= 3 and len(common) >= 0.6 * min(len(a), len(b))


def _words(name: str) -> set[str]:
    """Lower-case content words of a name, for comparing mentions of one agreement."""
    words = re.findall(r"\w+", name.lower())
    return {w for w in words if w not in {"the", "of", "and", "a", "an", "for", "to", "on"}}
