"""Run spaCy NER only where it can find names, within a per-article budget.

NER is by far the slowest step, so it is spent carefully: only with a model of the
text's language, only on windows of a few words around capitalised words that
could be names, and on at most ``budget`` characters of such windows (news puts nearly every
actor in the first paragraphs).  Later repeats of names found in that part are
recovered by :func:`extract.entities.echo_mentions`, and gazetteer rules still
run over the whole text.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from extract import gazetteer as gz
from extract.gazetteer import WEEKDAY_AND_MONTHS
from extract.sentences import Sentence
from extract.wordlists import split_words

if TYPE_CHECKING:  # spaCy is imported when NER first runs: cleaning a page needs none of it
    from spacy.tokens import Doc

DEFAULT_BUDGET = 20000
CONTEXT = 3
_WORD = re.compile(r"\S+")
BUDGET_ENV = "WIREBRIEF_NER_CHARS"
_OPENERS = frozenset(split_words(
    "The A An This That These Those In On At For From With By Of And But Or If As It He She "
    "They We I You His Her Their Its Our When While After Before Since During Although Though "
    "Meanwhile However Later Earlier Further Also Then So Yet Some Many Most All Both Each "
    "There Here What Who Why How Officials Police"
))


# Capitalised words the gazetteers and date rules already handle: no NER needed for them.
_KNOWN = frozenset(
    set(WEEKDAY_AND_MONTHS) | gz.DEMONYMS
    | {p for p in gz.COUNTRIES | gz.CAPITALS | gz.MAJOR_CITIES if " " not in p}
    | {"U.S.", "US", "UK", "U.K.", "EU", "UN", "NATO", "I", "Mr", "Mrs", "Ms", "Dr"}
)


def char_budget() -> int:
    """NER characters per article: $WIREBRIEF_NER_CHARS or the default."""
    try:
        return int(os.environ.get(BUDGET_ENV, DEFAULT_BUDGET))
    except ValueError:
        return DEFAULT_BUDGET


# One window is never longer than this: a "sentence" of megabytes with capitalised
# words everywhere must not reach spaCy whole (it refuses texts over nlp.max_length).
MAX_WINDOW = 2_000


Entity = tuple[int, int, str]
# Windows are joined into one text per article: spaCy spends as much on starting a
# document as on a short window, so one document per article is much faster. The
# separator ends a sentence, so no entity runs from one window into the next.
_JOIN = " .\n\n"


# A list item's bullet ("- Google has bought ..."): the small model misses the name after
# it, so the recogniser reads a space of the same length in its place (offsets unchanged).
_BULLET = re.compile(r"^[-•*–—]\s+")


def run_ner(text: str, sentences: list[Sentence], model: str | None = None,
            budget: int | None = None) -> tuple[list[Entity], int]:
    """(start, end, label) entities in ``text`` coordinates, and where NER coverage ended.

    The caller chooses ``model`` for the text's language (see :mod:`extract.models`).
    """
    chunks, covered = _chunks(sentences, char_budget() if budget is None else budget, len(text))
    if not chunks:
        return [], covered
    pieces, starts, position = [], [], 0
    for start, end in chunks:
        starts.append((position, start, end - start))
        pieces.append(_BULLET.sub(lambda bullet: " " * len(bullet.group(0)), text[start:end]))
        position += end - start + len(_JOIN)
    from extract.nlp import get_nlp

    doc = get_nlp(model)(_JOIN.join(pieces))
    return _mapped(doc, starts), covered


def _chunks(sentences: list[Sentence], limit: int, length: int) -> tuple[list[tuple[int, int]], int]:
    chunks: list[tuple[int, int]] = []
    used = 0
    for sentence in sentences:
        if used >= limit:
            return chunks, sentence.start
        for start, end in _windows(sentence):
            end = min(end, start + max(0, limit - used), start + MAX_WINDOW)
            if end <= start:
                break
            used += end - start
            chunks.append((start, end))
    return chunks, length


def _mapped(doc: Doc, starts: list[tuple[int, int, int]]) -> list[Entity]:
    """Entities of the joined text moved back to where their window came from."""
    found: list[Entity] = []
    index = 0
    for ent in doc.ents:
        while index + 1 < len(starts) and starts[index + 1][0] <= ent.start_char:
            index += 1
        joined_start, original_start, size = starts[index]
        offset = ent.start_char - joined_start
        if offset < 0 or ent.end_char - joined_start > size:
            continue
        found.append((original_start + offset, original_start + ent.end_char - joined_start,
                      ent.label_))
    return found


def _windows(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of the sentence within CONTEXT words of a capitalised word that could be a name.

    The small model's features see about four words either side, so parsing only
    these windows gives the same entities as parsing the whole sentence.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence.text)]
    keep: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(words):
        token = sentence.text[start:end].strip("“\"‘'(),.;:!?’”")
        if not token[:1].isupper() or token in _KNOWN or (index == 0 and token in _OPENERS):
            continue
        low, high = max(0, index - CONTEXT), min(len(words) - 1, index + CONTEXT)
        if keep and low <= keep[-1][1] + 1:
            keep[-1] = (keep[-1][0], high)
        else:
            keep.append((low, high))
    base = sentence.start
    return [(base + words[a][0], base + words[b][1]) for a, b in keep]
