"""Static search: a compact JSON index in monthly shards, read by a small vanilla script.

Each story (its lead copy) is one document: title, names, source, day and the words
that characterise its text (the most frequent non-trivial ones), so the index stays
small enough for a static host while still finding a story by what it is about. Shards
are monthly so an incremental build rewrites only the months that changed. The index is
a separate file fetched by the script, never JSON embedded in a page.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wirebrief.site.corpus import Article, Corpus, Story
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.render import Renderer

if TYPE_CHECKING:
    from wirebrief.site.changes import Plan

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
    counts = Counter(w for w in (m.casefold() for m in _WORD.findall(article.text)) if w not in STOPWORDS)
    return " ".join(w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:KEYWORDS])


def document(article: Article, outlets: int) -> list[Any]:
    names = [m["name"] for m in (*article.people, *article.organizations, *article.places)]
    return [article.path, article.title, article.day, article.source, outlets,
            " ".join(dict.fromkeys(names)), keywords(article)]


def shard_bytes(docs: list[list[Any]]) -> bytes:
    return json.dumps({"fields": ["path", "title", "day", "source", "outlets", "names", "words"],
                       "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def shard_for(stories: list[Story]) -> bytes:
    return shard_bytes([document(s.lead, len(s.copies)) for s in stories])


def outputs(corpus: Corpus, renderer: Renderer, plan: Plan) -> Iterator[Output]:
    enabled = renderer.config.site.search == "json"
    yield page_output(renderer, "search/", "search.html", {"enabled": enabled, "feeds": []})
    if not enabled:
        return
    months: dict[str, list[Any]] = defaultdict(list)
    for story in corpus.stories_for(corpus.articles):
        months[story.lead.day[:7]].append(story)
    names = sorted(months, reverse=True)
    index = {"version": 1, "shards": [f"{m}.json" for m in names],
             "stories": sum(len(v) for v in months.values())}
    yield Output("search/index.json", lambda: json.dumps(index, separators=(",", ":")).encode("utf-8"))
    for month in names:
        if plan.wants(f"month:{month}"):
            yield Output(f"search/{month}.json", functools.partial(shard_for, months[month]),
                         f"month:{month}")
