"""Embedded tweets: the text above a "— Name (@handle) Month D, YYYY" signature line.

Pages that embed posts keep the post text and its signature as paragraphs; the
post is a quotation by the account holder, said "in a tweet".
"""

from __future__ import annotations

import re

from extract.mentions import ORG, Mention
from extract.orgs import Organization
from extract.people import Person
from extract.sentences import SentenceIndex

_SIGNATURE = re.compile(
    r"^[—–-]\s*(?P<name>[^()\n]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[^\n]{0,40})$",
    re.MULTILINE,
)
_MAX_LINES = 3
# A post holds at most 280 characters (X's limit since November 2017), a link counting as
# 23 whatever its length; a line that would take the body past it is the page's own text.
_MAX_CHARS = 280
_LINK_CHARS = 23
_LINK = re.compile(r"\b(?:https?://|pic\.twitter\.com/)\S+")


def attach_tweets(text: str, index: SentenceIndex, people: list[Person],
                  orgs: list[Organization]) -> list[dict[str, object]]:
    """Quote records for embedded tweets; adds their authors to people/orgs as needed."""
    records: list[dict[str, object]] = []
    previous_end = 0
    for match in _SIGNATURE.finditer(text):
        start, body = _tweet_body(text, previous_end, match.start())
        previous_end = match.end()
        if not body:
            continue
        speaker = _author(match.group("name"), match.group("handle"), people, orgs,
                          Mention(match.group("name"), ORG, match.start("name"), match.end("name")))
        records.append({
            "speaker": speaker,
            "text": body,
            "channel": "in a tweet",
            "evidence": [s.evidence() for s in index.covering(start, match.start())],
        })
    return records


def _tweet_body(text: str, floor: int, signature_start: int) -> tuple[int, str]:
    """Up to three lines above the signature, stopping at a line introducing the tweets or
    at one that would make the post longer than a post can be."""
    lines: list[str] = []
    end = signature_start - 1
    start = end
    while end > floor and len(lines) < _MAX_LINES:
        line_start = text.rfind("\n", floor, end) + 1
        line = text[line_start:end].strip()
        if not line or re.search(r"\btweets?\b", line, re.IGNORECASE):
            break
        if _post_length(" ".join([line, *lines])) > _MAX_CHARS:
            break
        lines.insert(0, line)
        start = line_start
        end = line_start - 1
    return start, " ".join(lines)


def _post_length(body: str) -> int:
    """The length a post's text counts for, each link as the platform counts it."""
    return len(_LINK.sub("", body)) + _LINK_CHARS * len(_LINK.findall(body))


def _author(name: str, handle: str, people: list[Person], orgs: list[Organization],
            mention: Mention) -> str:
    """The listed person/org for the account, creating an organisation if unknown."""
    clean = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    words = set(clean.lower().split())
    for person in people:
        if words and (words <= set(person.name.lower().split())):
            return person.name
    alias = "@" + handle
    for org in orgs:
        names = {n.lower() for n in org.names()}
        if clean.lower() in names or any(set(n.split()) <= words for n in names):
            if len(clean) > len(org.name):
                org.aliases.insert(0, org.name)
                org.name = clean
            if alias not in org.aliases:
                org.aliases.append(alias)
            org.mentions.append(mention)
            return org.name
    orgs.append(Organization(clean, [alias], [mention]))
    return clean
