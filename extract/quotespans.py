"""Locate quotations between quote marks and join quotations split by their attribution.

Supports straight and curly double quotes (also mixed, “ closed by " or opened by ” as
pages typed by hand have them), guillemets and curly single quotes
(only where ‘ opens a word and ’ closes one, so apostrophes in "EU’s" are never
taken for quote marks).  A paragraph that opens a quote and never closes it is
the usual multi-paragraph quotation style: the quote runs to the paragraph end, and the
quotation that opens the next paragraph is its continuation (one quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.attribution import SPEECH_VERBS

_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’"}
# An attribution between two parts of a quotation: a verb of saying and up to a hundred
# characters on either side, within one sentence ("Ilse Brandvold, the harbour master, said").
_ATTRIBUTION = rf"[^“\"«‘.!?\n]{{1,100}}?\b(?:{SPEECH_VERBS})\b[^“\"«‘.!?\n]{{0,100}}?"
_SPLIT_GAP = re.compile(rf"^[,:?!]?\s*[”\"’»]?\s*{_ATTRIBUTION}[,:.]\s*$")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` enclose the quoted words (marks excluded).

    A split quotation keeps the offsets of both halves in ``parts``.
    """

    start: int
    end: int
    text: str
    parts: tuple[tuple[int, int], ...]


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quotations in reading order, with split quotations joined."""
    spans: list[tuple[int, int]] = []
    open_ends: set[int] = set()
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        following = lines[number + 1].lstrip()[:1] if number + 1 < len(lines) else ""
        for a, b in _line_spans(line, bool(following) and following in "\"“«„"):
            spans.append((offset + a, offset + b))
            if b == len(line):
                open_ends.add(offset + b)  # left open: the quotation runs on
        offset += len(line) + 1
    return _join_split(text, spans, open_ends)


# "”" opens a quotation too where it opens a word ("said: ”We sail at dawn …"), a closing mark
# typed for an opening one, as ‘ is typed for ’.
_MARKS = re.compile("[\"“«„‘”]")


def _line_spans(line: str, quote_goes_on: bool = False) -> list[tuple[int, int]]:
    """(start, end) of quoted content in one paragraph.

    ``quote_goes_on``: the next paragraph opens with a quote mark, so a quotation opened
    after a full stop and left open here runs on there (news style closes a quotation of
    several paragraphs only at its end, and opens each of its paragraphs anew).
    """
    found: list[tuple[int, int]] = []
    index = 0
    for mark in _MARKS.finditer(line):
        if mark.start() < index:
            continue
        close = _closing(line, mark.start(), mark.group(0),
                         quote_goes_on and _after_sentence(line, mark.start()))
        if close is None:
            continue
        found.append((mark.start() + 1, close))
        index = close + 1
    return found


def _after_sentence(line: str, index: int) -> bool:
    """Whether the mark at ``index`` follows a sentence's end ("… he said. “")."""
    return line[:index].rstrip().endswith((".", "!", "?"))


def _closing(line: str, index: int, char: str, runs_on: bool = False) -> int | None:
    """Where the quote opened at ``index`` closes (or the paragraph end), else None."""
    if char == "”" and not _opens_word(line, index):
        return None
    if char in '"”':
        close = _find_first(line, index + 1, '"', "”")
        if close == -1:
            return len(line) if runs_on or _opens_paragraph(line, index) else None
        return close
    if char not in _PAIRS:
        return None
    if char == "‘" and not _opens_word(line, index):
        return None
    closer = _PAIRS[char]
    position = index + 1
    while True:
        close = line.find(closer, position)
        if char == "‘":
            # "‘" typed for the closing "’" too, where it closes a word ("‘Tide Lines‘ and").
            typed = line.find("‘", position)
            if typed != -1 and (close == -1 or typed < close) and _closes_word(line, typed):
                return typed
        if close == -1 and char == "“":
            close = line.find('"', position)  # typed with mixed marks: “ … "
        if close == -1:
            opens = runs_on or _opens_paragraph(line, index)
            return len(line) if char != "‘" and opens else None
        if closer != "’" or _closes_word(line, close):
            return close
        position = close + 1


def _find_first(line: str, start: int, mark: str, other: str) -> int:
    """Where ``mark`` next occurs, else ``other`` (a quotation typed with mixed marks)."""
    close = line.find(mark, start)
    return close if close != -1 else line.find(other, start)


def _opens_paragraph(line: str, index: int) -> bool:
    """An unclosed quote only counts when it opens the paragraph."""
    return not line[:index].strip()


def _opens_word(line: str, index: int) -> bool:
    """‘ preceded by a space or bracket and followed by a letter."""
    before = line[index - 1] if index else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    return (before.isspace() or before in "([—–-:") and (after.isalnum() or after in "“\"")


def _closes_word(line: str, index: int) -> bool:
    """’ followed by a space, punctuation or the end, not a letter (so not an apostrophe)."""
    after = line[index + 1] if index + 1 < len(line) else " "
    return not after.isalnum() and line[index - 1] not in " "


def _join_split(text: str, spans: list[tuple[int, int]], open_ends: set[int]) -> list[QuoteSpan]:
    """Merge "part one," he said, "part two." into one quotation, and the paragraphs of a
    quotation left open at each paragraph's end and opened again at the next one's start."""
    result: list[QuoteSpan] = []
    for start, end in spans:
        content = text[start:end].strip()
        runs_on = bool(result) and (
            (result[-1].end in open_ends and not text[result[-1].end + 1 : start - 1].strip())
            or _next_paragraph(text, result[-1], start, end))
        if result and (runs_on or _continues(text, result[-1], start)) and not _attributed(text, end):
            prev = result[-1]
            ended = text[prev.end : start].rstrip(" \n\"'“”«»‘’").endswith(".")
            joined = join_halves(prev.text, content, ended)
            result[-1] = QuoteSpan(prev.start, end, joined, (*prev.parts, (start, end)))
            continue
        result.append(QuoteSpan(start, end, content, ((start, end),)))
    return result


def join_halves(first: str, second: str, ended: bool = False) -> str:
    """The text of a quotation split by its attribution.  The first half's sentence ends
    where the attribution ends with a full stop ('"A," he said. "B."') or where the second
    half opens with a capital ('"A," she said, adding: "We …"'): it keeps a full stop."""
    head = first.rstrip(" ,")
    if (ended or second[:1].isupper()) and head[-1:] not in ".?!…":
        head += "."
    return f"{head} {second}"


_OWN_ATTRIBUTION = re.compile(rf"^[ \t,”\"’]*(?:[^.!?\n“”\"]{{0,60}}\s)?(?:{SPEECH_VERBS})\b")


def _attributed(text: str, end: int) -> bool:
    """Whether the quotation ending at ``end`` has an attribution of its own right after it
    (", said engineer Omar Vance."): then it is another speaker's, not a second half."""
    if text[:end].rstrip().endswith((".", "!", "?")):
        return False  # a closed sentence: what follows is a new one ("… ahead.” He said …")
    return bool(_OWN_ATTRIBUTION.match(text[end + 1 : end + 100]))


# What may stand between a quotation and the end of its paragraph for the next paragraph's
# quotation to go on with it: the closing mark and the attribution ("," she said.").
_PARAGRAPH_TAIL = re.compile(rf"^[,.!?]?[”\"’»]?(?:[,:]?{_ATTRIBUTION})?[.!?:]?\s*$")


def _next_paragraph(text: str, prev: QuoteSpan, start: int, end: int) -> bool:
    """A paragraph that is nothing but a quotation goes on with the quotation that ends the
    paragraph before: news style names every new speaker, so an unattributed quotation
    after an attributed one is the same speaker's, split by the attribution and a break."""
    gap = text[prev.end : start - 1]
    if gap.count("\n") != 1 or not _PARAGRAPH_TAIL.match(gap.split("\n")[0]):
        return False
    if text[start - 2 : start - 1] != "\n":
        return False  # the quotation must open its paragraph
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    return not rest.strip(" ”\"’».!?,")


def _continues(text: str, prev: QuoteSpan, start: int) -> bool:
    """The gap between two quotes is just "he said," and the first half ended with a comma."""
    gap = text[prev.end : start - 1]
    if "\n" in gap or not prev.text.rstrip().endswith((",", "?", "!")):
        return False  # a half ends with a comma, or a question or exclamation mark ("Why?" he asked)
    return bool(_SPLIT_GAP.match(gap))
