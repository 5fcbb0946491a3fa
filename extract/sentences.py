"""Sentence splitting with exact character offsets into the cleaned text.

Evidence offsets must satisfy ``text[start:end] == sentence``, so sentences are
found by scanning the original string, never by re-joining tokens.  A rule-based
splitter is used because it is fast, deterministic and handles news
abbreviations (``U.S.``, ``Sen.``, ``Jan.``) that trip statistical splitters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from extract.attribution import SPEECH_VERBS
from extract.wordlists import split_words

ABBREVIATIONS = frozenset(
    split_words("""mr mrs ms dr prof sen rep gov gen lt col maj capt adm sgt cpl rev hon rt st mt ft jr sr
    inc ltd co corp bros vs etc no nos vol jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.g i.e a.m p.m approx dept est fig govt mln bln pres supt cmdr brig""")
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
# A quoted question or exclamation followed by its attribution ("…, right?” Lee said.") goes
# on in the same sentence: the attribution is no sentence of its own.
_QUOTED_ASK = re.compile(r"[!?][\"”’]")
_ATTRIBUTION_AFTER = re.compile(rf"(?:[A-Z][\w'’\-.]*\s+){{1,3}}(?:{SPEECH_VERBS})\b")


@dataclass(frozen=True)
class Sentence:
    """One sentence and where it sits in the article text."""

    text: str
    start: int
    end: int

    def evidence(self) -> dict[str, str | int]:
        """The evidence record the facts contract asks for."""
        return {"sentence": self.text, "start": self.start, "end": self.end}


def split_sentences(text: str) -> list[Sentence]:
    """Split every paragraph (line) of ``text`` into sentences with offsets."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        sentences.extend(_split_line(line, offset))
        offset += len(line) + 1
    return sentences


def _split_line(line: str, base: int) -> list[Sentence]:
    """Split one paragraph at sentence-final punctuation not ending an abbreviation."""
    result: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _ends_with_abbreviation(line, match.start()) or _attribution_follows(line, match):
            continue
        end = match.end()
        _append(result, line, base, start, end)
        start = end
    _append(result, line, base, start, len(line))
    return result


def _append(result: list[Sentence], line: str, base: int, start: int, end: int) -> None:
    """Add the stripped slice [start, end) of the line, if it has any text."""
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = base + start + lead
    result.append(Sentence(stripped, begin, begin + len(stripped)))


def _attribution_follows(line: str, match: re.Match[str]) -> bool:
    """Whether a quoted question or exclamation is followed by its speech verb's subject."""
    return bool(_QUOTED_ASK.match(line, match.start())) and bool(
        _ATTRIBUTION_AFTER.match(line, match.end()))


def _ends_with_abbreviation(line: str, dot: int) -> bool:
    """True when the word before this full stop is an abbreviation or an initial."""
    if line[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", line[:dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or len(token) == 1 or bool(re.fullmatch(r"(?:\w\.)+\w", token))


class SentenceIndex:
    """Find the sentence covering a character offset in O(log n)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        """Remember sentence starts for binary search."""
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, or None if it falls between sentences."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if offset < sentence.end else None

    def covering(self, start: int, end: int) -> list[Sentence]:
        """Every sentence overlapping the span [start, end)."""
        first = max(bisect_right(self._starts, start) - 1, 0)
        found = []
        for sentence in self.sentences[first:]:
            if sentence.start >= end:
                break
            if sentence.end > start:
                found.append(sentence)
        return found


def without_sentence_stop(word: str) -> str:
    """A word without the full stop that ends its sentence; an abbreviation written with
    stops keeps its own ("U.N.", "U.S.")."""
    return word if "." in word[:-1] else word.rstrip(".")
