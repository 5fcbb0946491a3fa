"""Who said a quotation and how: the speech verb, its subject and the channel.

The attribution is looked for after the quote (", Esper said") and then before
it ("Esper said, ..."), within the same sentence.  The subject of the speech verb
is a named mention, a pronoun (resolved to the nearest preceding person) or a
definite description ("the defence minister") resolved through people's titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.gazetteer import WEEKDAY_AND_MONTHS

# Verbs of saying (the communication verbs of Levin's English Verb Classes, "say", "tell",
# "manner of speaking" and "complain" classes, as reporting verbs of news style) and
# "according to".
SPEECH_VERBS = (
    r"said|says|say|saying|told|tells|added|adds|wrote|writes|written|stated|states|asked|asks|explained|"
    r"noted|notes|argued|insisted|warned|declared|announced|tweeted|posted|continued|recalled|"
    r"replied|responded|acknowledged|admitted|claimed|claim|commented|observed|remarked|stressed|"
    r"emphasised|emphasized|urged|called|[Aa]ccording to|went on|conceded|predicted|cautioned|"
    r"suggested|reiterated|maintained|affirmed|assured|pointed out|quipped|thundered|vowed|"
    r"pledged|promised|described|dubbed"
)
VERB_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
# The verbs of saying that take a person more often than a body as their subject: "say",
# "tell", "add", "write", "state", and the verbs of asking, answering, recalling and
# explaining among Levin's verbs of communication (class 37).  Written after the speaker
# ("said Ana Ruiz") all but "told" keep the speaker after them.
PERSONAL_SPEECH_VERBS = "said|says|told|added|wrote|stated|asked|replied|recalled|explained"
INVERTED_SPEECH_VERBS = "|".join(v for v in PERSONAL_SPEECH_VERBS.split("|") if v != "told")
# What stands between a subject and its verb of saying ("he instead told", "she had quickly
# said"): the adverbs of time and focus, the "-ly" manner adverbs and the auxiliaries.
BEFORE_VERB = r"also|further|then|later|instead|again|once|still|even|only|never|had|has|have|" \
              r"would|will|[a-z]{3,}ly"
# A pronoun subject, with up to two of those words before the verb.
PRONOUN_RE = re.compile(rf"\b(he|she|they|we|it)\s+(?:(?:{BEFORE_VERB})\s+){{0,2}}$", re.I)
DESCRIPTION_RE = re.compile(
    r"\b(?:the|a|an)\s+((?:[\w\-/]+\s+){0,4}?[\w\-/]+)\s+(?:also\s+|further\s+)?$", re.IGNORECASE
)
# How something was said: the genres of public statement ("in a statement", "in an interview",
# "at a press conference") and "told <addressee>".
_CHANNEL_RE = re.compile(
    r"\b([Ii]n\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?(?:(?:joint|televised|written|"
    r"brief|separate|recent|video|social\s+media)\s+)?(?:post|tweet|statement|speech|interview|"
    r"video|letter|press\s+release|press\s+conference|news\s+conference|briefing|message|"
    r"blog(?:\s+post)?|op-ed|column|address|remarks|testimony|podcast|broadcast|memo)"
    r"(?:\s+(?:on|to|at|with|before|posted\s+on|issued|published|released)\b[^,.;:“”\"!?]{0,60})?)"
    r"|\b(told\s+(?:the\s+)?(?:[A-Z][\w.\-]*(?:[^\S\n]+[A-Z]?[\w.\-]+){0,2}|reporters|journalists|"
    r"lawmakers|media|the\s+media|parliament))"
    # The medium a verb of writing or saying names after "on" ("wrote on Twitter", "said on
    # Radio Nine"), not a day or month ("said on Monday").
    r"|\b(?:wrote|posted|said|says|writes|posts)\s+(on\s+(?:his\s+|her\s+|their\s+|its\s+|the\s+)?"
    rf"(?!(?:{'|'.join(sorted(WEEKDAY_AND_MONTHS))})\b)[A-Z][\w.\-]*(?:[^\S\n]+[A-Z][\w.\-]*){{0,2}})",
)


@dataclass(frozen=True)
class Attribution:
    """Where the speech verb and its subject were found for one quotation."""

    window_start: int
    window_end: int
    verb_start: int
    after: bool


def find_attribution(text: str, sent_start: int, sent_end: int, q_start: int, q_end: int,
                     next_quote: int | None) -> Attribution | None:
    """Locate the speech verb for the quote [q_start, q_end) inside its sentence span."""
    close = q_end + 1
    limit = min(sent_end, next_quote if next_quote is not None else sent_end)
    after_text = text[close:limit]
    lead = re.match(r"^[\s,.:;!?”\"’»]*", after_text)
    skip = lead.end() if lead else 0
    verb = VERB_RE.search(after_text, skip, min(len(after_text), skip + 140))
    before_text = text[sent_start : max(sent_start, q_start - 1)]
    verbs = list(VERB_RE.finditer(before_text))
    if verb and verbs and _GOES_ON.match(after_text, skip):
        verb = None  # 'X said that … "…" and called on all parties': X's sentence goes on
    if verb and not _answers(text[q_start:q_end], verb.group(0)):
        return Attribution(close + skip, limit, close + verb.start(), True)
    if verbs:
        return Attribution(sent_start, q_start - 1, sent_start + verbs[-1].start(), False)
    return None


# A coordinator after a quotation carries on the sentence's own predicate (the central
# coordinators of Quirk et al. 13.1, and "while", the subordinator of contrast that news
# style uses as one, 14.12): a verb of saying after it is not the quotation's attribution.
_GOES_ON = re.compile(r"(?:and|but|or|while)\b", re.IGNORECASE)
_ANSWER_VERBS = frozenset({"responded", "replied", "answered"})


def _answers(quoted: str, verb: str) -> bool:
    """“…?” Lee responded: whoever responds to a quoted question did not ask it."""
    return verb in _ANSWER_VERBS and quoted.rstrip(" ,”\"’").endswith("?")


def find_channel(text: str, start: int, end: int, anchor: int) -> str | None:
    """The channel phrase ("in a statement", "told UNI") closest to ``anchor`` in [start, end)."""
    best: tuple[int, str] | None = None
    for match in _CHANNEL_RE.finditer(text, start, end):
        phrase = " ".join(match.group(match.lastindex or 0).split()).rstrip(" ,.;:")
        phrase = phrase[0].lower() + phrase[1:]
        distance = abs(match.start() - anchor)
        if best is None or distance < best[0]:
            best = (distance, phrase)
    if best:
        return best[1]
    if re.search(r"\btweet(?:ed|s)?\b", text[start:end]):
        return "in a tweet"
    return None
