"""Static search: a compact JSON index in monthly shards, read by a small vanilla script.

Each story (its lead copy) is one document: title, names, source, day and the words
that characterise its text (the most frequent non-trivial ones), so the index stays
small enough for a static host while still finding a story by what it is about. Shards
are monthly so a build rewrites only the months that changed. The index is
a separate file fetched by the script, never JSON embedded in a page.
"""

from __future__ import annotations

import functools
import heapq
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from wirebrief.site.corpus import KIND_FOLDER, Article, Corpus, Story, read_texts
from wirebrief.site.outputs import Output, data_output, page_output
from wirebrief.site.render import Renderer

KEYWORDS = 30
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
STOPWORDS = frozenset([
    "that", "this", "with", "from", "have", "been", "were", "will", "would", "said", "says", "also",
    "their", "there", "they", "them", "than", "then", "into", "about", "after", "before", "over",
    "under", "more", "most", "such", "some", "what", "when", "which", "while", "where", "who", "whom",
    "whose", "other", "these", "those", "being", "could", "should", "only", "very", "just", "like",
    "many", "much", "even", "upon", "both", "each", "year", "years", "told", "according", "added",
    "including", "between", "against", "among", "during", "without", "within", "because"
])


def keywords(article: Article) -> str:
    """Its most frequent words (ties alphabetically), stopwords left out once counted."""
    counts = Counter(map(str.casefold, _WORD.findall(article.text)))
    for word in STOPWORDS & counts.keys():
        del counts[word]
    return " ".join(w for w, _ in heapq.nsmallest(KEYWORDS, counts.items(), key=lambda x: (-x[1], x[0])))


KIND_ORDER = {kind: number for number, kind in enumerate(KIND_FOLDER)}  # the facts panel's order


def names(article: Article) -> str:
    """The names it mentions, people first, then organisations and places, as its facts
    panel lists them (from the mentions alone: what it says of each is not needed)."""
    named = sorted(article.mentions, key=lambda e: (KIND_ORDER[e.kind], e.name.casefold(), e.path))
    return " ".join(dict.fromkeys(entity.name for entity in named))


def document(article: Article, outlets: int) -> list[Any]:
    return [article.path, article.title, article.day, article.source, outlets,
            names(article), keywords(article)]


def shard_bytes(docs: list[list[Any]]) -> bytes:
    return json.dumps({"fields": ["path", "title", "day", "source", "outlets", "names", "words"],
                       "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def shard_for(stories: list[Story]) -> bytes:
    read_texts([s.lead for s in stories])  # in one query, not one per story
    return shard_bytes([document(s.lead, len(s.copies)) for s in stories])


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    enabled = renderer.config.site.search == "json"
    yield page_output(renderer, "search/", "search.html", {"enabled": enabled, "feeds": []})
    if not enabled:
        return
    months: dict[str, list[Any]] = defaultdict(list)
    for story in corpus.all_stories:
        months[story.lead.day[:7]].append(story)
    names = sorted(months, reverse=True)
    index = {"version": 1, "shards": [f"{m}.json" for m in names],
             "stories": sum(len(v) for v in months.values())}
    yield data_output(renderer, "search/index.json", index,
                      lambda: json.dumps(index, separators=(",", ":")).encode("utf-8"))
    for month in names:
        yield data_output(renderer, f"search/{month}.json", months[month],
                          functools.partial(shard_for, months[month]))
